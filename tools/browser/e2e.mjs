// The end-to-end suite (issue 8): the built example site, served on 127.0.0.1 under
// /transparency/ (the sub-path of the example base_url) with gzip, checked in Debian's
// headless Chromium as readers, printers, assistive technology and validators meet it.
//
//   load       every page of the site at 390 px (phone) and 1280 px (desktop): HTTP 200, no
//              console error, no script error, no failed request, no Content-Security-Policy
//              violation, the CSP meta in place, and the page does not scroll sideways
//   csp        the policy is enforced: an inline script and an inline style put into a page
//              are refused and reported (so "no violation" above can be believed)
//   search     Thai queries typed into /search/ find the items whose titles hold them; every
//              result links to a page that exists
//   copy       the ITA copy buttons put exactly the address shown on the clipboard
//   print      every plan page in print media fits the printable width of A4 landscape
//              (the @page rule of the stylesheet), navigation is hidden, page.pdf succeeds
//   axe        axe-core: no WCAG 2.0/2.1 A/AA violation on one page of each type (the largest)
//              at both widths, and on the search page showing results
//   vnu        the W3C Nu HTML Checker (vnu-jar, Java): no error in any HTML file of the site
//   lighthouse Lighthouse, mobile (the default config): home, a plan, an item and a report
//              page score at least 0.95 in performance, accessibility, best practices and SEO
//
// Usage: node tools/browser/e2e.mjs <site-dir built from content/> [--only load,search,…] [--out DIR]
//   --out DIR keeps the PDFs of the plan pages and the Lighthouse reports (JSON) there.
// Exit 0 when every check holds; each failure is printed with its page, width and what was
// seen; the last line is "e2e: N passed, N failed".
import { chromium } from 'playwright-core';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { serve, CHROMIUM_ARGS } from './serve.mjs';

const require = createRequire(import.meta.url);
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const ALL_STEPS = ['load', 'csp', 'search', 'copy', 'print', 'axe', 'vnu', 'lighthouse'];

// ---- arguments -------------------------------------------------------------------------
const argv = process.argv.slice(2);
let siteDir = null;
let only = ALL_STEPS;
let outDir = null;
for (let i = 0; i < argv.length; i++) {
  if (argv[i] === '--only') only = argv[++i].split(',');
  else if (argv[i] === '--out') outDir = argv[++i];
  else if (!siteDir) siteDir = argv[i];
  else { console.error(`unexpected argument ${argv[i]}`); process.exit(2); }
}
if (!siteDir || !fs.existsSync(path.join(siteDir, 'index.html'))) {
  console.error('usage: e2e.mjs <site-dir> [--only load,csp,search,copy,print,axe,vnu,lighthouse] [--out DIR]');
  process.exit(2);
}
for (const s of only) if (!ALL_STEPS.includes(s)) { console.error(`unknown step ${s}`); process.exit(2); }
if (outDir) fs.mkdirSync(outDir, { recursive: true });

// ---- results ---------------------------------------------------------------------------
let passed = 0;
let failed = 0;
/** One check: prints "ok" or "FAIL" with what was seen. */
function check(ok, what, seen) {
  if (ok) { passed++; return true; }
  failed++;
  const detail = seen === undefined ? '' : `\n     seen: ${typeof seen === 'string' ? seen : JSON.stringify(seen, null, 1).replace(/\n\s*/g, ' ')}`;
  console.log(`FAIL ${what}${detail}`);
  return false;
}
const t0 = performance.now();
const since = (t) => `${((performance.now() - t) / 1000).toFixed(1)} s`;
function step(name) { console.log(`== ${name}`); return performance.now(); }

// ---- the site's pages, by type ---------------------------------------------------------
// Every HTML page of the built site is classified by its address (docs: shared spec
// site.md); a page of no known type fails, so a new page type cannot slip past the suite.
const TYPES = [
  ['home', /^$/],
  ['province', /^provinces\/[^/]+\/$/],
  ['search', /^search\/$/],
  ['authority', /^[^/]+\/$/],
  ['plan', /^[^/]+\/plans\/[^/]+\/$/],
  ['item', /^[^/]+\/plans\/[^/]+\/items\/[^/]+\/$/],
  ['report', /^[^/]+\/reports\/\d{4}-(6m|12m)\/$/],
  ['ita-measures', /^[^/]+\/ita\/\d{4}\/measures\/$/],
  ['ita-index', /^[^/]+\/ita\/\d{4}\/$/],
  ['ita-item', /^[^/]+\/ita\/\d{4}\/[a-z0-9-]+\/$/],
  ['data', /^[^/]+\/data\/$/],
];
function htmlFiles(dir, rel = '') {
  const out = [];
  for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...htmlFiles(dir, r));
    else if (e.name.endsWith('.html')) out.push(r);
  }
  return out;
}
const files = htmlFiles(siteDir).sort();
const pages = []; // { type, path (address below the root), file, bytes }
for (const f of files) {
  if (f === '404.html') { pages.push({ type: '404', path: '404.html', file: f, bytes: fs.statSync(path.join(siteDir, f)).size }); continue; }
  const p = f.endsWith('index.html') ? f.slice(0, -'index.html'.length) : null;
  const type = p === null ? null : TYPES.find(([, re]) => re.test(p))?.[0];
  if (check(type, `page of a known type: ${f}`, f)) pages.push({ type, path: p, file: f, bytes: fs.statSync(path.join(siteDir, f)).size });
}
// One page of each type stands for it where a check is costly: the largest, which has the
// most rows, charts, callouts and links of its kind.
const reps = {};
for (const p of pages) if (!reps[p.type] || p.bytes > reps[p.type].bytes) reps[p.type] = p;
for (const t of [...TYPES.map(([t]) => t), '404']) check(reps[t], `the example site has a page of type ${t}`, Object.keys(reps));
console.log(`${pages.length} pages; one per type: ${Object.values(reps).map((p) => `${p.type}=/${p.path}`).join(' ')}`);

const server = await serve(siteDir);
const url = (p) => server.base + p;
const WIDTHS = { phone: 390, desktop: 1280 };
const contextFor = (width, extra = {}) => (width === WIDTHS.phone
  ? { viewport: { width, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1, ...extra }
  : { viewport: { width, height: 900 }, deviceScaleFactor: 1, ...extra });

// The policy every page must carry, directive by directive (themes/default/templates/base.html).
const CSP = {
  'default-src': "'self'", 'script-src': "'self'", 'style-src': "'self'", 'img-src': "'self'",
  'object-src': "'none'", 'base-uri': "'self'", 'form-action': "'self'",
};

const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });

/**
 * A page that records, per navigation, what went wrong: console errors, script errors,
 * failed requests and HTTP errors of its resources, CSP violations (the event and
 * Chromium's console report both).
 */
async function watchedPage(context) {
  await context.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__csp.push(`${e.effectiveDirective} refused ${e.blockedURI || '(inline)'} at ${e.sourceFile || '?'}:${e.lineNumber} ${e.sample || ''}`.trim());
    }, true);
  });
  const page = await context.newPage();
  const state = { nav: 0, problems: [], main: null };
  const navOf = new WeakMap();
  page.on('request', (r) => navOf.set(r, state.nav));
  page.on('console', (m) => {
    if (m.type() !== 'error' && !/Content.Security.Policy/i.test(m.text())) return;
    // A missing page is answered with 404.html and status 404; Chromium logs that status.
    if (state.expect404 && m.text().includes('status of 404') && m.location().url === state.main) return;
    state.problems.push(`console ${m.type()}: ${m.text()}${m.location().url ? ` (${m.location().url})` : ''}`);
  });
  page.on('pageerror', (e) => state.problems.push(`script error: ${e.message}`));
  page.on('requestfailed', (r) => {
    if (navOf.get(r) === state.nav) state.problems.push(`request failed: ${r.url()} (${r.failure()?.errorText})`);
  });
  page.on('response', (r) => {
    if (navOf.get(r.request()) !== state.nav || r.url() === state.main) return;
    if (r.status() >= 400) state.problems.push(`HTTP ${r.status()} for ${r.url()}`);
  });
  /** Opens an address; returns { status, problems, csp } once it has loaded and its fonts too. */
  page.open = async (address, { expectStatus = 200, waitUntil = 'load' } = {}) => {
    state.nav++;
    state.problems = [];
    state.main = address;
    state.expect404 = expectStatus === 404;
    const resp = await page.goto(address, { waitUntil });
    await page.evaluate(() => document.fonts.ready.then(() => new Promise((r) => setTimeout(r, 0))));
    const csp = await page.evaluate(() => window.__csp.slice());
    return { status: resp ? resp.status() : 0, problems: state.problems.slice(), csp };
  };
  page.problems = () => state.problems.slice();
  return page;
}

/** The page's CSP meta: where it stands and what it says, against CSP above. */
async function cspMetaProblems(page) {
  const meta = await page.evaluate(() => {
    const m = document.head.querySelector('meta[http-equiv="Content-Security-Policy" i]');
    if (!m) return null;
    const before = [...document.head.children].slice(0, [...document.head.children].indexOf(m));
    return { content: m.content, after: before.filter((e) => ['LINK', 'SCRIPT', 'STYLE'].includes(e.tagName)).map((e) => e.outerHTML) };
  });
  if (!meta) return ['no <meta http-equiv="Content-Security-Policy"> in the head'];
  const out = [];
  if (meta.after.length) out.push(`the CSP meta comes after ${meta.after.join(' ')}; it applies only to what follows it`);
  const got = Object.fromEntries(meta.content.split(';').map((d) => d.trim()).filter(Boolean)
    .map((d) => { const [k, ...v] = d.split(/\s+/); return [k.toLowerCase(), v.join(' ')]; }));
  for (const [k, v] of Object.entries(CSP)) {
    // Exactly these sources; images may also come from data: addresses.
    const fine = k === 'img-src' ? [v, `${v} data:`] : [v];
    if (!fine.includes(got[k])) out.push(`CSP ${k} is "${got[k] ?? '(absent)'}", wanted ${fine.join(' or ')}`);
  }
  for (const [k, v] of Object.entries(got)) if (/'unsafe-|\*|https?:(\s|$)/.test(v)) out.push(`CSP ${k} allows ${v}`);
  return out;
}

/** Where the page sticks out sideways: its widths and the first elements past the right edge. */
function overflowProbe(width) {
  const html = document.documentElement;
  const wide = [];
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.right <= width + 0.5) continue;
    // Inside a box that scrolls on its own, width is allowed.
    let scroller = el.parentElement;
    while (scroller && scroller !== document.body && !/(auto|scroll|hidden)/.test(getComputedStyle(scroller).overflowX)) scroller = scroller.parentElement;
    if (scroller && scroller !== document.body) continue;
    wide.push(`${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''} right=${Math.round(r.right)}`);
    if (wide.length >= 3) break;
  }
  return { scrollWidth: html.scrollWidth, innerWidth: window.innerWidth, wide };
}

// ---- 1 and 7: every page loads cleanly at both widths, under the CSP --------------------
if (only.includes('load')) {
  const ts = step('load: every page at 390 px and 1280 px (status, console, requests, CSP, sideways scroll)');
  for (const [device, width] of Object.entries(WIDTHS)) {
    const context = await browser.newContext(contextFor(width));
    const page = await watchedPage(context);
    let bad = 0;
    for (const p of pages) {
      const where = `${p.type} /${p.path} at ${width} px`;
      const r = await page.open(url(p.path));
      let ok = check(r.status === 200, `${where}: HTTP 200`, r.status);
      ok = check(r.problems.length === 0, `${where}: no console error, script error or failed request`, r.problems) && ok;
      ok = check(r.csp.length === 0, `${where}: no Content-Security-Policy violation`, r.csp) && ok;
      const meta = await cspMetaProblems(page);
      ok = check(meta.length === 0, `${where}: the Content-Security-Policy meta`, meta) && ok;
      const o = await page.evaluate(overflowProbe, width);
      ok = check(o.innerWidth === width && o.scrollWidth <= width,
        `${where}: the page does not scroll sideways (scrollWidth ${o.scrollWidth} <= ${width})`, o) && ok;
      if (!ok) bad++;
    }
    // A missing address: the host answers 404 with 404.html, whose links work at any depth.
    const where = `missing address /no/such/page/ at ${width} px`;
    const r = await page.open(url('no/such/page/'), { expectStatus: 404 });
    check(r.status === 404, `${where}: HTTP 404`, r.status);
    check(r.problems.length === 0 && r.csp.length === 0, `${where}: its stylesheet, font and icon load from any depth, no error`, [...r.problems, ...r.csp]);
    const styled = await page.evaluate(() => getComputedStyle(document.querySelector('.site-header')).backgroundColor);
    check(styled !== 'rgba(0, 0, 0, 0)', `${where}: the 404 page is styled`, styled);
    console.log(`${device}: ${pages.length - bad}/${pages.length} pages clean`);
    await context.close();
  }
  console.log(`load: ${since(ts)}`);
}

// ---- 7: the policy is enforced, and a violation would be seen ---------------------------
if (only.includes('csp')) {
  const ts = step('csp: an inline script and an inline style are refused and reported');
  const context = await browser.newContext(contextFor(WIDTHS.desktop));
  const page = await watchedPage(context);
  const where = `plan /${reps.plan.path}`;
  await page.open(url(reps.plan.path));
  const seen = await page.evaluate(() => new Promise((resolve) => {
    const s = document.createElement('script');
    s.textContent = 'window.__inlineRan = true;';
    document.body.append(s);
    const d = document.createElement('div');
    d.setAttribute('style', 'width: 5000px');
    document.body.append(d);
    setTimeout(() => resolve({ ran: window.__inlineRan === true, width: d.getBoundingClientRect().width, csp: window.__csp.slice() }), 100);
  }));
  check(!seen.ran && seen.csp.some((v) => v.startsWith('script-src')), `${where}: an inline script is refused and reported`, seen);
  check(seen.width < 5000 && seen.csp.some((v) => v.startsWith('style-src')), `${where}: an inline style attribute is refused and reported`, seen);
  await context.close();
  console.log(`csp: ${since(ts)}`);
}

// ---- 2: search answers Thai queries ------------------------------------------------------
/** Items of every plan.json of the site: their titles and addresses below the root. */
function planItems() {
  const items = [];
  for (const f of files.filter((x) => /\/plans\/[^/]+\/index\.html$/.test(x) && !x.includes('/items/'))) {
    const json = path.join(siteDir, path.dirname(f), 'plan.json');
    const plan = JSON.parse(fs.readFileSync(json, 'utf8'));
    for (const i of plan.items) items.push({ title: i.title, path: `${path.dirname(f)}/items/${i.id}/` });
  }
  return items;
}
if (only.includes('search')) {
  const ts = step('search: Thai queries typed into /search/');
  const context = await browser.newContext(contextFor(WIDTHS.phone));
  const page = await watchedPage(context);
  const items = planItems();
  const itemTitle = items.find((i) => i.path === reps.item.path)?.title;
  check(itemTitle, `search: the item /${reps.item.path} is in its plan.json`, reps.item.path);
  // Two words found in item titles of the example content, and the whole title of one item.
  for (const q of ['ฝึกอบรม', 'ประชาคม', itemTitle]) {
    const expected = items.filter((i) => i.title.normalize('NFC').includes(q.normalize('NFC'))).map((i) => i.path);
    const where = `search "${q}" at 390 px`;
    check(expected.length > 0, `${where}: the example content has items titled with it`, items.length);
    const r = await page.open(url('search/'), { waitUntil: 'networkidle' });
    check(r.problems.length === 0 && r.csp.length === 0, `${where}: the search page loads cleanly`, [...r.problems, ...r.csp]);
    await page.locator('#search-q').pressSequentially(q);
    await page.locator('#search-q').press('Enter');
    const done = () => page.waitForFunction(() => {
      const s = document.getElementById('search-status').textContent;
      return s !== '' && !s.includes('…');
    }, null, { timeout: 15000 });
    await done();
    // Every page of results, so that every expected item can be looked for.
    for (let n = 0; n < 50 && await page.locator('#search-more').isVisible(); n++) {
      await page.locator('#search-more').click();
      await done();
    }
    const got = await page.evaluate(() => [...document.querySelectorAll('#search-results > li a')].map((a) => a.href));
    const status = await page.locator('#search-status').textContent();
    check(got.length > 0, `${where}: results appear`, status);
    const paths = got.map((h) => (h.startsWith(server.base) ? h.slice(server.base.length) : h));
    const missing = expected.filter((p) => !paths.includes(p));
    check(missing.length === 0, `${where}: every item whose title holds it is found`, { missing, status });
    const broken = [];
    for (const h of got) {
      const res = await fetch(h);
      if (res.status !== 200 || !h.startsWith(server.base)) broken.push(`${h} → ${res.status}`);
    }
    check(broken.length === 0, `${where}: every result links to an existing page of the site (${got.length} links)`, broken);
    check(page.problems().length === 0, `${where}: no console error or failed request while searching`, page.problems());
  }
  // The whole title ranks its item first, and the link opens it.
  const first = await page.locator('#search-results a').first().getAttribute('href');
  check(first === url(reps.item.path), `search "${itemTitle}": the item comes first`, first);
  await page.locator('#search-results a').first().click();
  await page.waitForLoadState('load');
  const h1 = (await page.locator('h1').first().textContent()).trim();
  check(page.url() === first && h1.length > 0, `search "${itemTitle}": the first result opens its page`, { url: page.url(), h1 });
  await context.close();
  console.log(`search: ${since(ts)}`);
}

// ---- 3: the ITA copy button copies the address shown -------------------------------------
if (only.includes('copy')) {
  const ts = step('copy: ITA copy buttons put the address shown on the clipboard');
  const context = await browser.newContext(contextFor(WIDTHS.desktop, { permissions: ['clipboard-read', 'clipboard-write'] }));
  const page = await watchedPage(context);
  for (const p of [reps['ita-index'], reps['ita-item']]) {
    const where = `${p.type} /${p.path}`;
    await page.open(url(p.path));
    const codes = await page.locator('code.copy-text').count();
    const buttons = await page.locator('code.copy-text + button.copy-button').count();
    check(codes > 0 && buttons === codes, `${where}: a copy button beside each of the ${codes} addresses`, { codes, buttons });
    // The first, a middle and the last address: each button copies its own.
    for (const n of [...new Set([0, Math.floor(codes / 2), codes - 1])].filter((n) => n >= 0 && n < buttons)) {
      const shown = (await page.locator('code.copy-text').nth(n).textContent()).trim();
      // The address shown is the published one (base_url, as in the canonical link) of the
      // ITA item page: the page itself, or on the index the item the entry heads.
      const expected = await page.evaluate(({ n, local }) => {
        const canonical = document.querySelector('link[rel=canonical]').href;
        const here = location.href.slice(local.length);
        const base = canonical.slice(0, canonical.length - here.length);
        const a = document.querySelectorAll('code.copy-text')[n].closest('li')?.querySelector('h3 a');
        return a ? base + a.href.slice(local.length) : canonical;
      }, { n, local: server.base });
      check(shown === expected, `${where}: address ${n + 1} is the item's published address`, { shown, expected });
      await page.evaluate(() => navigator.clipboard.writeText('(before the click)'));
      const button = page.locator('code.copy-text + button.copy-button').nth(n);
      await button.click();
      await page.waitForFunction((b) => b.textContent !== 'คัดลอก' && b.textContent !== 'Copy', await button.elementHandle(), { timeout: 5000 })
        .catch(() => {});
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      check(copied === shown, `${where}: button ${n + 1} copies the address shown`, { shown, copied });
      check(['คัดลอกแล้ว', 'Copied'].includes(await button.textContent()), `${where}: button ${n + 1} says it copied`, await button.textContent());
    }
    check(page.problems().length === 0, `${where}: no console error while copying`, page.problems());
  }
  await context.close();
  console.log(`copy: ${since(ts)}`);
}

// ---- 4: plan pages print on A4 landscape -------------------------------------------------
if (only.includes('print')) {
  const ts = step('print: plan pages on A4 landscape');
  const MM = 96 / 25.4;
  for (const p of pages.filter((x) => x.type === 'plan')) {
    const where = `print plan /${p.path}`;
    // The printable area of A4 landscape with the stylesheet's @page margins.
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
    const page = await watchedPage(context);
    await page.open(url(p.path));
    const hidden = ['.site-header', '.crumbs', '.site-footer', '.skip-link', '.header-search', '.no-print', '.chart'];
    const screen = await page.evaluate((sel) => sel.map((s) => [s, [...document.querySelectorAll(s)].map((e) => getComputedStyle(e).display)]), hidden);
    check(screen.every(([, d]) => d.length > 0), `${where}: the page has a header, crumbs, footer, charts and screen-only links to hide`, screen);
    const pageRule = await page.evaluate(() => {
      for (const sheet of document.styleSheets) {
        for (const rule of sheet.cssRules) {
          if (rule instanceof CSSPageRule && !rule.selectorText) {
            return { size: rule.style.getPropertyValue('size'), left: rule.style.getPropertyValue('margin-left'), right: rule.style.getPropertyValue('margin-right'),
              top: rule.style.getPropertyValue('margin-top'), bottom: rule.style.getPropertyValue('margin-bottom') };
          }
        }
      }
      return null;
    });
    const mm = (v) => (/^[\d.]+mm$/.test(v || '') ? parseFloat(v) : NaN);
    check(pageRule && pageRule.size.toLowerCase() === 'a4 landscape' && [pageRule.left, pageRule.right].every((v) => !Number.isNaN(mm(v))),
      `${where}: the stylesheet asks for A4 landscape with margins in mm`, pageRule);
    const printable = pageRule ? Math.floor((297 - mm(pageRule.left) - mm(pageRule.right)) * MM) : Math.floor(277 * MM);
    const printableH = pageRule ? Math.floor((210 - mm(pageRule.top) - mm(pageRule.bottom)) * MM) : 695;
    await page.setViewportSize({ width: printable, height: printableH });
    await page.emulateMedia({ media: 'print' });
    const m = await page.evaluate((sel) => {
      const table = document.querySelector('table.plan-table');
      const r = table.getBoundingClientRect();
      const clipped = [...document.querySelectorAll('.table-scroll')].filter((b) => b.offsetParent && b.scrollWidth > b.clientWidth + 1)
        .map((b) => `${b.getAttribute('aria-label')}: ${b.scrollWidth} > ${b.clientWidth}`);
      const cells = [...table.querySelectorAll('th, td')].reduce((x, c) => Math.max(x, c.getBoundingClientRect().right), 0);
      return {
        table: { left: Math.round(r.left), right: Math.round(r.right), width: Math.round(r.width) }, cellsRight: Math.round(cells),
        scrollWidth: document.documentElement.scrollWidth, clipped,
        shown: sel.map((s) => [s, [...document.querySelectorAll(s)].filter((e) => e.checkVisibility()).length]).filter(([, n]) => n > 0),
        thead: getComputedStyle(table.tHead).display,
        height: document.documentElement.scrollHeight,
      };
    }, hidden);
    check(m.table.left >= 0 && m.table.right <= printable && m.cellsRight <= printable,
      `${where}: in print media the plan table fits the printable width of A4 landscape (${printable} px)`, m.table);
    check(m.scrollWidth <= printable, `${where}: nothing in print media is wider than ${printable} px`, m.scrollWidth);
    check(m.clipped.length === 0, `${where}: no table is cut at the printed edge`, m.clipped);
    check(m.shown.length === 0, `${where}: header, crumbs, footer, search, charts and screen-only links are hidden in print`, m.shown);
    check(m.thead === 'table-header-group', `${where}: the table header repeats on every printed page`, m.thead);
    try {
      const pdf = await page.pdf({ format: 'A4', landscape: true, preferCSSPageSize: true, printBackground: true });
      const text = pdf.toString('latin1');
      const box = text.match(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/);
      const count = (text.match(/\/Type\s*\/Page(?![s\w])/g) || []).length;
      check(text.startsWith('%PDF-') && count > 0, `${where}: page.pdf writes a PDF`, { bytes: pdf.length, pages: count });
      // A4 landscape is 841.9 × 595.3 pt.
      check(box && Math.abs(box[1] - 841.9) < 2 && Math.abs(box[2] - 595.3) < 2, `${where}: the PDF pages are A4 landscape`, box && box.slice(1));
      // The whole page is printed: at least as many sheets as its height in print media fills.
      const least = Math.floor(m.height / printableH);
      check(count >= least, `${where}: the PDF has at least ${least} pages (${m.height} px of print layout, ${printableH} px a page)`, count);
      console.log(`${where}: ${count} A4 landscape pages, table ${m.table.width} of ${printable} px`);
      if (outDir) fs.writeFileSync(path.join(outDir, `${p.path.replace(/\/$/, '').replace(/\//g, '_')}.pdf`), pdf);
    } catch (e) {
      check(false, `${where}: page.pdf succeeds`, String(e));
    }
    check(page.problems().length === 0, `${where}: no console error`, page.problems());
    await context.close();
  }
  console.log(`print: ${since(ts)}`);
}

// ---- 5: axe-core, WCAG 2.0/2.1 A and AA -------------------------------------------------
if (only.includes('axe')) {
  const ts = step('axe: WCAG 2.0/2.1 A and AA on one page of each type at both widths');
  const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
  // Run through the DevTools protocol (page.evaluate), which the page's CSP does not govern;
  // nothing is excluded.
  const audit = async (page) => {
    await page.evaluate(axeSource);
    return page.evaluate((tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
      .then((r) => ({ violations: r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length,
        first: v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')}: ${n.failureSummary.replace(/\s+/g, ' ').slice(0, 200)}`) })),
      passes: r.passes.length, version: window.axe.version })), TAGS);
  };
  let version = '';
  for (const [device, width] of Object.entries(WIDTHS)) {
    const context = await browser.newContext(contextFor(width));
    const page = await watchedPage(context);
    const targets = Object.values(reps).map((p) => ({ label: `${p.type} /${p.path}`, path: p.path }));
    targets.push({ label: 'search /search/ showing results', path: `search/?q=${encodeURIComponent('ประชาคม')}`, results: true });
    for (const tgt of targets) {
      await page.open(url(tgt.path), { waitUntil: tgt.results ? 'networkidle' : 'load' });
      if (tgt.results) await page.waitForSelector('#search-results > li');
      const r = await audit(page);
      version = r.version;
      check(r.passes >= 10 && r.violations.length === 0, `axe ${tgt.label} at ${width} px: no WCAG A/AA violation (${r.passes} rules passed)`, r.violations);
    }
    // The audit sees a violation where there is one: an image without a text alternative.
    await page.evaluate(() => { const i = document.createElement('img'); i.src = 'data:,'; document.querySelector('main').append(i); });
    const canary = await audit(page);
    check(canary.violations.some((v) => v.id === 'image-alt'), `axe at ${width} px: an image without alt put into the page is reported`, canary.violations.map((v) => v.id));
    console.log(`axe ${device}: ${targets.length} pages`);
    await context.close();
  }
  console.log(`axe-core ${version}: ${since(ts)}`);
}

await browser.close();

// ---- 6: the W3C Nu HTML Checker on every HTML file --------------------------------------
if (only.includes('vnu')) {
  const ts = step('vnu: the Nu HTML Checker on every HTML file');
  const vnuJar = String(require('vnu-jar')); // the package exports the path of its vnu.jar
  // A file with a known error goes with the site's, so that the suite sees the checker report one.
  const canary = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'prongsai-vnu-')), 'canary.html');
  fs.writeFileSync(canary, '<!doctype html><html lang="th"><head><title>x</title></head><body><p><div>x</div></p></body></html>');
  const abs = files.map((f) => path.join(path.resolve(siteDir), f));
  const out = await new Promise((resolve) => {
    execFile('java', ['-jar', vnuJar, '--errors-only', '--format', 'json', '--stdout', canary, ...abs],
      { maxBuffer: 64 << 20 }, (err, stdout, stderr) => resolve({ err, stdout, stderr }));
  });
  fs.rmSync(path.dirname(canary), { recursive: true, force: true });
  if (out.err && out.err.code === 'ENOENT') {
    check(false, 'vnu: java runs (Debian: apt-get install default-jre-headless)', String(out.err));
  } else {
    let messages = null;
    try { messages = JSON.parse(out.stdout).messages; } catch { /* reported below */ }
    if (check(Array.isArray(messages), 'vnu: the checker answers in JSON', `${out.stdout.slice(0, 300)} ${out.stderr.slice(0, 300)}`)) {
      const errors = messages.filter((m) => m.type === 'error' || m.type === 'non-document-error');
      check(errors.some((e) => (e.url || '').endsWith('/canary.html')), 'vnu: the error put into a canary file is reported', errors.slice(0, 3));
      const root = `file:${path.resolve(siteDir)}/`;
      const site = errors.filter((e) => !(e.url || '').endsWith('/canary.html'));
      // One failure per file, naming every error in it.
      const byFile = new Map();
      for (const e of site) {
        const f = (e.url || '(no file)').replace(root, '');
        const line = `${f}:${e.lastLine ?? '?'}:${e.firstColumn ?? '?'}: ${e.message}${e.extract ? ` [${e.extract.replace(/\s+/g, ' ').slice(0, 120)}]` : ''}`;
        byFile.set(f, [...(byFile.get(f) || []), line]);
      }
      for (const [f, ls] of byFile) check(false, `vnu ${f}: ${ls.length} HTML error(s)`, ls);
      check(site.length === 0, `vnu: no HTML error in the site's ${files.length} files`, [...byFile.keys()]);
      console.log(`vnu: ${files.length} files, ${site.length} errors, ${since(ts)}`);
    }
  }
}

await server.close();

// ---- 8: Lighthouse, mobile ---------------------------------------------------------------
if (only.includes('lighthouse')) {
  const ts = step('lighthouse: home, plan, item and report page, mobile (default config)');
  const { runLighthouse, CATEGORIES, THRESHOLD } = await import('./lighthouse.mjs');
  // A server of its own so that the browser tests above cost it nothing.
  const lhServer = await serve(siteDir);
  const targets = ['home', 'plan', 'item', 'report'].map((t) => ({ type: t, url: lhServer.base + reps[t].path }));
  try {
    const results = await runLighthouse(targets.map((t) => t.url), { chromePath: CHROMIUM, outDir });
    for (const [i, r] of results.entries()) {
      const where = `lighthouse ${targets[i].type} /${reps[targets[i].type].path}`;
      if (!check(!r.error, `${where}: runs`, r.error)) continue;
      console.log(`${where} (Lighthouse ${r.version}): ${CATEGORIES.map((c) => `${c} ${r.scores[c]}`).join(', ')}`);
      if (r.warnings.length) console.log(`  Lighthouse warnings: ${r.warnings.join(' | ')}`);
      for (const c of CATEGORIES) {
        check(r.scores[c] !== null && r.scores[c] >= THRESHOLD, `${where}: ${c} ${r.scores[c]} >= ${THRESHOLD}`, r.failing[c]);
      }
    }
  } finally {
    await lhServer.close();
  }
  console.log(`lighthouse: ${since(ts)}`);
}

console.log(`suite time ${since(t0)}`);
console.log(`e2e: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
