// Search in a real browser (Debian's headless Chromium via playwright-core), on the example
// site served under /transparency/: types Thai queries into the page and reads the results.
// Usage: node tools/browser/search-test.mjs <site-dir built from content/>
// Exit 0 when every check holds; every failure is printed with what was seen.
import { chromium } from 'playwright-core';
import { serve, CHROMIUM_ARGS } from './serve.mjs';

const siteDir = process.argv[2];
if (!siteDir) { console.error('usage: search-test.mjs <site-dir>'); process.exit(2); }
const server = await serve(siteDir);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS });
let failures = 0;
let checks = 0;
function check(ok, what, seen) {
  checks++;
  if (!ok) { failures++; console.log(`FAIL ${what}${seen === undefined ? '' : `\n     seen: ${JSON.stringify(seen)}`}`); }
}

const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1 };
const context = await browser.newContext(phone);
const page = await context.newPage();
const errors = [];
page.on('pageerror', (e) => errors.push(String(e)));
page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });

async function results() {
  await page.waitForFunction(() => {
    const s = document.getElementById('search-status').textContent;
    return s !== '' && !s.includes('…');
  }, null, { timeout: 10000 });
  return page.evaluate(() => ({
    status: document.getElementById('search-status').textContent,
    items: [...document.querySelectorAll('#search-results > li')].map((li) => ({
      title: li.querySelector('h2').textContent,
      href: li.querySelector('a').getAttribute('href'),
      marks: [...li.querySelectorAll('mark')].map((m) => m.textContent),
      meta: li.querySelector('.result-meta').textContent,
    })),
    more: !document.getElementById('search-more').hidden,
    overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
  }));
}

// 1. Type a Thai word into the search page, as a reader on a phone would.
server.reset();
await page.goto(`${server.base}search/`, { waitUntil: 'networkidle' });
await page.locator('#search-q').fill('ฝึกอบรม');
await page.locator('#search-q').press('Enter');
let r = await results();
check(r.items.length === 3, 'ฝึกอบรม: three results (two titles, one ITA measure body)', r.items.map((i) => i.title));
check(r.items.slice(0, 2).every((i) => i.title.includes('ฝึกอบรม') && i.marks.includes('ฝึกอบรม')), 'ฝึกอบรม: titles first, highlighted', r.items);
check(r.status.includes('3'), 'ฝึกอบรม: the count is said', r.status);
check(new URL(page.url()).searchParams.get('q') === 'ฝึกอบรม', 'the address carries ?q= so the search can be shared', page.url());
check(r.items[0].meta.includes('ศรีสะเกษ') && r.items[0].meta.includes('โครงการ'), 'a result names its authority and kind', r.items[0].meta);
check(r.overflow <= 0, 'the results page does not scroll sideways at 390 px', r.overflow);
const firstQuery = server.requests().filter((q) => q.url.includes('/search/') || q.url.endsWith('.js'));
const firstBytes = firstQuery.filter((q) => !q.url.endsWith('/search/')).reduce((n, q) => n + q.bytes, 0);
console.log(`first query fetched ${firstBytes} bytes (gzip where a host would) in ${firstQuery.length - 1} files`);

// 2. A second query on the same page fetches only what it lacks.
server.reset();
await page.locator('#search-q').fill('No Gift');
await page.locator('#search-q').press('Enter');
r = await results();
const later = server.requests().reduce((n, q) => n + q.bytes, 0);
console.log(`later query fetched ${later} bytes in ${server.requests().length} files`);
check(r.items.some((i) => i.title === 'มาตรการ No Gift Policy'), 'No Gift: the measure is found', r.items.map((i) => i.title));
const titled = r.items.filter((i) => i.title.toLowerCase().includes('no gift'));
check(titled.length >= 3 && titled.every((i) => i.marks.some((m) => m.toLowerCase() === 'no gift')), 'No Gift: every title holding the phrase highlights it', r.items);
check(r.items.indexOf(titled[titled.length - 1]) === titled.length - 1, 'No Gift: title matches rank above body matches', r.items.map((i) => i.title));

// 3. A link with ?q= opens with its results (what a reader shares).
await page.goto(`${server.base}search/?q=${encodeURIComponent('ประชาคม')}`, { waitUntil: 'networkidle' });
r = await results();
check(r.items.length >= 3 && r.items[0].title.includes('ประชาคม'), 'a shared ?q=ประชาคม link shows its results', r.items.map((i) => i.title));
check(await page.locator('#search-q').inputValue() === 'ประชาคม', 'the box shows the shared query');

// 4. The same word typed with Thai digits, a decomposed sara am and a zero-width space.
await page.goto(`${server.base}search/`, { waitUntil: 'networkidle' });
await page.locator('#search-q').fill('ทํา\u200Bแผน');
await page.locator('#search-q').press('Enter');
const variant = (await results()).items.map((i) => i.href);
await page.locator('#search-q').fill('ทำแผน');
await page.locator('#search-q').press('Enter');
const plain = (await results()).items.map((i) => i.href);
check(plain.length > 0 && JSON.stringify(plain) === JSON.stringify(variant), 'ทํา (two parts) + zero-width finds what ทำ finds', { plain, variant });

// 5. Filters: the province narrows to its authority; the choice is kept in the address.
await page.goto(`${server.base}search/?q=${encodeURIComponent('ทุจริต')}`, { waitUntil: 'networkidle' });
const all = await results();
await page.locator('summary').click();
await page.locator('select[name=province]').selectOption('roi-et');
await page.waitForURL(/province=roi-et/);
r = await results();
const count = (x) => Number((x.status.match(/[0-9,]+/) || ['0'])[0].replace(/,/g, ''));
check(r.items.length > 0 && count(r) < count(all), 'province filter narrows the results', [all.status, r.status]);
check(r.items.every((i) => i.href.includes('bueng-nakhon/')), 'province filter keeps only Roi Et (Bueng Nakhon)', r.items.map((i) => i.href));

// 6. The header box on any page leads to the results; a result leads to its page.
await page.goto(`${server.base}bueng-nakhon/plans/2566-2570/`, { waitUntil: 'networkidle' });
await page.locator('#header-q').fill('ประชาคม');
await page.locator('#header-q').press('Enter');
await page.waitForURL(/search\/\?q=/);
r = await results();
check(r.items.length > 0, 'the header search box leads to results', r);
await page.locator('#search-results a').first().click();
await page.waitForLoadState('networkidle');
const h1 = await page.locator('h1').first().textContent();
check(h1.includes('ประชาคม'), 'the first result opens its page', h1);

// 7. A query with no match says so.
await page.goto(`${server.base}search/?q=${encodeURIComponent('ไม่มีคำนี้แน่นอน')}`, { waitUntil: 'networkidle' });
r = await results();
check(r.items.length === 0 && r.status.includes('ไม่พบ'), 'no match is said in words', r.status);

check(errors.length === 0, 'no script errors', errors);
await context.close();

// 8. Without JavaScript the page says search needs it and links the plans.
const nojs = await browser.newContext({ ...phone, javaScriptEnabled: false });
const p2 = await nojs.newPage();
await p2.goto(`${server.base}search/?q=x`, { waitUntil: 'networkidle' });
const text = await p2.locator('main').innerText();
const planLinks = await p2.locator('main .note a[href*="/plans/"]').count();
check(text.includes('JavaScript') && planLinks === 3, 'without JavaScript: says so and links the plan pages', { planLinks, text: text.slice(0, 200) });
await nojs.close();

await browser.close();
await server.close();
console.log(`${checks - failures}/${checks} search checks passed in Chromium`);
process.exit(failures ? 1 : 0);
