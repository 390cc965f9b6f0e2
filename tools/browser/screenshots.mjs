// Screenshots of every page type at phone (390 px) and desktop width, for docs/.
// Also checks, on each page, that the page itself does not scroll sideways at 390 px.
// Usage: node tools/browser/screenshots.mjs <site-dir> <out-dir>
// The site is served on 127.0.0.1 under /transparency/, the sub-path of the example base_url.
import { chromium } from 'playwright-core';
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const [siteDir, outDir] = process.argv.slice(2);
if (!siteDir || !outDir) { console.error('usage: screenshots.mjs <site-dir> <out-dir>'); process.exit(2); }
const PREFIX = '/transparency/';
const types = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.woff2': 'font/woff2', '.xml': 'application/xml',
  '.json': 'application/json', '.csv': 'text/csv; charset=utf-8', '.pdf': 'application/pdf', '.txt': 'text/plain; charset=utf-8' };

const server = http.createServer((req, res) => {
  const url = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  let file = url.startsWith(PREFIX) ? path.join(siteDir, url.slice(PREFIX.length)) : null;
  if (file && !path.resolve(file).startsWith(path.resolve(siteDir))) file = null;
  if (file && fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
  if (!file || !fs.existsSync(file)) {
    res.writeHead(404, { 'content-type': types['.html'] });
    return res.end(fs.readFileSync(path.join(siteDir, '404.html')));
  }
  res.writeHead(200, { 'content-type': types[path.extname(file)] || 'application/octet-stream' });
  res.end(fs.readFileSync(file));
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}${PREFIX}`;

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
};
const widths = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 900 } };

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
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
