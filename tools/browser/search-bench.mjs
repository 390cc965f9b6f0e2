// Search side by side: prongsai's index and Pagefind's, over the same built Thai site, in
// headless Chromium. Prints one JSON object: bytes fetched for a first and a later query
// (gzip where a static host would compress), and recall over the query set.
// Usage: node tools/browser/search-bench.mjs <site-dir with search/ and pagefind/> <queries.txt>
// Recall: the item pages whose folded <h1> holds the folded query are the truth; an engine's
// recall is the share of them among its results. Folding is prongsai's (the same function the
// Rust tests prove equal to the index's), which is the definition the issue sets.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { serve, CHROMIUM_ARGS } from './serve.mjs';

// With --bytes-only, measures only prongsai's bytes per query (the site may hold a search
// index larger than its pages, as scripts/bench-search-scale.sh arranges).
const bytesOnly = process.argv.includes('--bytes-only');
const [siteDir, queriesFile] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const queries = fs.readFileSync(queriesFile, 'utf8').split('\n').map((q) => q.trim()).filter((q) => q && !q.startsWith('#'));
const core = await import(pathToFileURL(path.resolve(siteDir, 'assets/search-core.js')).href);

// One page of results, as the search page shows it (search-core.js PAGE).
const PAGE = 10;
const sum = (reqs, keep) => reqs.filter((r) => keep(r.url)).reduce((n, r) => n + r.bytes, 0);

// The truth: every item page and its title.
const items = [];
if (bytesOnly) {
  const server = await serve(siteDir);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const out = { queries: [] };
  for (const [i, q] of queries.entries()) {
    out.queries.push({ q, prongsai: await bytesProngsaiWith(browser, server, q, queries[(i + 1) % queries.length]) });
  }
  await browser.close();
  await server.close();
  console.log(JSON.stringify(out, null, 1));
  process.exit(0);
}
function walk(dir, rel) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) walk(path.join(dir, e.name), `${rel}${e.name}/`);
    else if (e.name === 'index.html' && /\/items\/[^/]+\/$/.test(rel)) {
      const html = fs.readFileSync(path.join(dir, e.name), 'utf8');
      const m = html.match(/<h1[^>]*>([\s\S]*?)<\/h1>/);
      const title = m[1].replace(/<span class="?sub[\s\S]*$/, '').replace(/<[^>]+>/g, '')
        .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
      items.push({ url: rel, folded: core.fold(title) });
    }
  }
}
walk(path.resolve(siteDir), '');

// Pages over the same host; the Pagefind harness is a page of our own beside its files.
fs.mkdirSync(path.join(siteDir, 'bench'), { recursive: true });
fs.writeFileSync(path.join(siteDir, 'bench/pagefind.html'),
  '<!doctype html><html lang="th"><meta charset="utf-8"><title>pagefind</title><body></body></html>');
const server = await serve(siteDir);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS });

/** Bytes for the first query on a fresh page, then for a second query on the same page. */
async function bytesProngsai(q1, q2) {
  return bytesProngsaiWith(browser, server, q1, q2);
}
async function bytesProngsaiWith(browser, server, q1, q2) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  const keep = (u) => u.includes('/search/') && !u.endsWith('/search/') || u.endsWith('.js');
  const wait = () => page.waitForFunction(() => {
    const s = document.getElementById('search-status').textContent;
    return s !== '' && !s.includes('…');
  }, null, { timeout: 60000 });
  server.reset();
  await page.goto(`${server.base}search/?q=${encodeURIComponent(q1)}`);
  await wait();
  const first = sum(server.requests(), keep);
  const parts = {};
  for (const r of server.requests().filter((r) => keep(r.url))) {
    const k = r.url.endsWith('.js') ? 'js' : r.url.replace(/^.*\/search\//, '').split('/')[0];
    parts[k] = (parts[k] || 0) + r.bytes;
  }
  server.reset();
  await page.locator('#search-q').fill(q2);
  await page.locator('#search-q').press('Enter');
  await wait();
  const later = sum(server.requests(), keep);
  await ctx.close();
  return { first, later, parts };
}

async function bytesPagefind(q1, q2) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.goto(`${server.base}bench/pagefind.html`);
  const keep = (u) => u.includes('/pagefind/');
  const run = (q) => page.evaluate(async ([q, n]) => {
    window.pf = window.pf || await import('../pagefind/pagefind.js');
    const s = await window.pf.search(q);
    await Promise.all(s.results.slice(0, n).map((r) => r.data()));
    return s.results.length;
  }, [q, PAGE]);
  server.reset();
  await run(q1);
  const first = sum(server.requests(), keep);
  server.reset();
  await run(q2);
  const later = sum(server.requests(), keep);
  await ctx.close();
  return { first, later };
}

async function recallPagefind(page, q) {
  return page.evaluate(async (q) => {
    window.pf = window.pf || await import('../pagefind/pagefind.js');
    const s = await window.pf.search(q);
    const urls = [];
    for (let i = 0; i < s.results.length; i += 200) {
      const batch = await Promise.all(s.results.slice(i, i + 200).map((r) => r.data()));
      urls.push(...batch.map((d) => d.url));
    }
    return urls;
  }, q);
}

async function recallProngsai(q) {
  const index = new core.SearchIndex(async (p, kind) => {
    const file = path.join(siteDir, 'search', p);
    if (!fs.existsSync(file)) return null;
    const b = fs.readFileSync(file);
    return kind === 'bin' ? new Uint8Array(b) : JSON.parse(b.toString('utf8'));
  });
  const s = index.search(q);
  const urls = [];
  for (;;) {
    const page = await s.next(500);
    if (page.length === 0) break;
    urls.push(...page.map((r) => r.url));
  }
  return urls;
}

const rel = (u) => u.replace(/^.*?\/transparency\//, '').replace(/^\//, '').replace(/index\.html$/, '');
const out = { items: items.length, queries: [] };
const pfCtx = await browser.newContext();
const pfPage = await pfCtx.newPage();
await pfPage.goto(`${server.base}bench/pagefind.html`);
for (const [i, q] of queries.entries()) {
  const fq = core.fold(q);
  const truth = new Set(items.filter((it) => core.terms(fq).every((t) => it.folded.includes(t))).map((it) => it.url));
  const ours = new Set((await recallProngsai(q)).map((u) => decodeURI(u)));
  const theirs = new Set((await recallPagefind(pfPage, q)).map((u) => decodeURI(rel(u))));
  const hit = (set) => [...truth].filter((u) => set.has(decodeURI(u))).length;
  const next = queries[(i + 1) % queries.length];
  out.queries.push({
    q, truth: truth.size, prongsai_found: hit(ours), pagefind_found: hit(theirs),
    prongsai: await bytesProngsai(q, next), pagefind: await bytesPagefind(q, next),
  });
}
await pfCtx.close();
await browser.close();
await server.close();
fs.rmSync(path.join(siteDir, 'bench'), { recursive: true });
console.log(JSON.stringify(out, null, 1));
