// Screenshots for docs/officer-guide.md that need a browser: the error overlay of
// `prongsai serve` over a report page.
// Usage: node tools/browser/guide-screenshots.mjs <prongsai binary> <content dir> <out dir>
import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS } from './serve.mjs';

const [bin, contentDir, outDir] = process.argv.slice(2);
const work = mkdtempSync(join(tmpdir(), 'prongsai-guide-'));
cpSync(contentDir, join(work, 'content'), { recursive: true });
const server = spawn(bin, ['serve', '--port', '0', '--content', join(work, 'content'), '--output', join(work, 'site')],
  { stdio: ['ignore', 'pipe', 'ignore'] });
const base = await new Promise((resolve) => {
  let out = '';
  server.stdout.on('data', (d) => { out += d; const m = out.match(/^(http:\/\/[^\s]+)\n/); if (m) resolve(m[1]); });
});
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ viewport: { width: 1100, height: 640 } });
  await page.goto(`${base}tua-yang/reports/2567-6m/`);
  await page.waitForTimeout(300);
  const report = join(work, 'content', 'tua-yang', 'reports', '2567-6m.yaml');
  // The mistake officers make most: a status word misspelt.
  writeFileSync(report, readFileSync(report, 'utf8').replace('status: done', 'status: เสร็จแล้ว'));
  await page.waitForSelector('#prongsai-error', { state: 'visible', timeout: 30000 });
  await page.screenshot({ path: join(outDir, 'guide-serve-error.png') });
  console.log(`wrote ${join(outDir, 'guide-serve-error.png')}`);
} finally {
  await browser.close();
  server.kill();
  rmSync(work, { recursive: true, force: true });
}
