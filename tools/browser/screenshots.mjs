// Screenshots of every page type at phone (390 px) and desktop width, for docs/.
// Also checks, on each page, that the page itself does not scroll sideways at 390 px.
// Usage: node tools/browser/screenshots.mjs <site-dir> <out-dir>
// The site is served on 127.0.0.1 under /transparency/, the sub-path of the example base_url.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import { serve, CHROMIUM_ARGS } from './serve.mjs';

const [siteDir, outDir] = process.argv.slice(2);
if (!siteDir || !outDir) { console.error('usage: screenshots.mjs <site-dir> <out-dir>'); process.exit(2); }
const server = await serve(siteDir);
const base = server.base;

const pages = {
  home: '',
  province: 'provinces/roi-et/',
  authority: 'tua-yang/',
  plan: 'bueng-nakhon/plans/2566-2570/',
  item: 'bueng-nakhon/plans/2566-2570/items/1.1-1/',
  report: 'tua-yang/reports/2567-12m/',
  data: 'tua-yang/data/',
  'ita-index': 'tua-yang/ita/2567/',
  'ita-item': 'tua-yang/ita/2567/o38/',
  'ita-measures': 'din-daeng/ita/2568/measures/',
  '404': 'no/such/page/',
  search: 'search/?q=%E0%B8%9B%E0%B8%A3%E0%B8%B0%E0%B8%8A%E0%B8%B2%E0%B8%84%E0%B8%A1',
};
const widths = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 900 } };

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: CHROMIUM_ARGS,
});
fs.mkdirSync(outDir, { recursive: true });
let failures = 0;
for (const [device, viewport] of Object.entries(widths)) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1, isMobile: device === 'phone' });
  const page = await context.newPage();
  for (const [name, p] of Object.entries(pages)) {
    await page.goto(base + p, { waitUntil: 'networkidle' });
    await page.evaluate(() => document.fonts.ready);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    if (overflow > 0) { failures++; console.log(`FAIL ${device} ${name}: page scrolls sideways by ${overflow}px`); }
    else console.log(`ok   ${device} ${name}`);
    await page.screenshot({ path: path.join(outDir, `${name}-${device}.png`) });
  }
  await context.close();
}
await browser.close();
server.close();
process.exit(failures ? 1 : 0);
