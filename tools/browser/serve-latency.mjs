// From saving a file to the reloaded page, in a real browser: starts `prongsai serve` on a
// copy of a content folder, opens a report page in headless Chromium, then RUNS times
// rewrites the report's first note (or adds one) and measures until the open page has reloaded itself
// with the new text. Also checks that a broken file shows the error overlay and that the
// fix reloads the page.
// Usage: node tools/browser/serve-latency.mjs <prongsai binary> <content dir> <authority> <round> [runs]
// Prints one line per run and the median, in milliseconds.
import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS } from './serve.mjs';

const [bin, contentDir, authority, round, runsArg] = process.argv.slice(2);
if (!round) { console.error('usage: serve-latency.mjs <prongsai> <content> <authority> <round> [runs]'); process.exit(2); }
const runs = Number(runsArg || 11);
const work = mkdtempSync(join(tmpdir(), 'prongsai-latency-'));
cpSync(contentDir, join(work, 'content'), { recursive: true });
const report = join(work, 'content', authority, 'reports', `${round}.yaml`);
const original = readFileSync(report, 'utf8');

const server = spawn(bin, ['serve', '--port', '0', '--content', join(work, 'content'), '--output', join(work, 'site')],
  { stdio: ['ignore', 'pipe', 'pipe'] });
let stderr = '';
server.stderr.on('data', (d) => { stderr += d; });
const base = await new Promise((resolve, reject) => {
  let out = '';
  server.stdout.on('data', (d) => { out += d; const m = out.match(/^(http:\/\/[^\s]+)\n/); if (m) resolve(m[1]); });
  server.on('exit', (code) => reject(new Error(`serve exited ${code}\n${stderr}`)));
});
let failed = 0;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage();
  await page.goto(`${base}${authority}/reports/${round}/`);
  // The reload script has connected once it has asked for the status.
  await page.waitForTimeout(300);
  const times = [];
  for (let i = 0; i < runs; i++) {
    const marker = `แก้ไขครั้งที่ ${i + 1} ${Date.now()}`;
    const text = /^ +note: /m.test(original)
      ? original.replace(/^( +note: )/m, `$1${marker} `)
      : original.replace(/^( +status: [^\n]+)$/m, `$1\n    note: ${marker}`);
    const loaded = page.waitForEvent('load', { timeout: 30000 });
    const t0 = performance.now();
    writeFileSync(report, text);
    await loaded;
    await page.waitForFunction((m) => document.body.textContent.includes(m), marker, { timeout: 30000, polling: 'raf' });
    const ms = performance.now() - t0;
    times.push(ms);
    console.log(`run ${i + 1}: ${ms.toFixed(0)} ms`);
    await page.waitForTimeout(150);
  }
  times.sort((a, b) => a - b);
  console.log(`median save → reloaded page: ${times[Math.floor(times.length / 2)].toFixed(0)} ms over ${runs} runs (min ${times[0].toFixed(0)}, max ${times[times.length - 1].toFixed(0)})`);

  // A broken file: the overlay says where; the page underneath is the last good one.
  writeFileSync(report, `${original}\nitems: [\n`);
  await page.waitForSelector('#prongsai-error', { state: 'visible', timeout: 30000 });
  const overlay = await page.textContent('#prongsai-error');
  if (!overlay.includes(`${round}.yaml:`) || !overlay.includes('error')) { failed++; console.log(`FAIL overlay text: ${overlay}`); }
  else console.log('ok: a broken file shows the error overlay with its position');
  const fixed = page.waitForEvent('load', { timeout: 30000 });
  writeFileSync(report, original);
  await fixed;
  if (await page.isVisible('#prongsai-error')) { failed++; console.log('FAIL overlay still shown after the fix'); }
  else console.log('ok: the fix reloads the page without the overlay');
} finally {
  await browser.close();
  server.kill();
  rmSync(work, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
