// Lighthouse on a list of addresses with its default config (the mobile preset: formFactor
// mobile, a Moto G Power screen, simulated slow 4G and 4x CPU slowdown), in Debian's Chromium
// started by chrome-launcher. Used by e2e.mjs; also runs alone:
//   node tools/browser/lighthouse.mjs <url>...      prints each page's scores and what lost points
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
/** Every category must score at least this (0.95, shown as 95 in Lighthouse's report). */
export const THRESHOLD = 0.95;

/**
 * One Lighthouse run per address, one after the other in one browser. Returns per address
 * { scores: {category: 0..1}, failing: {category: [audits that lost points]}, version } or { error }.
 */
export async function runLighthouse(urls, { chromePath = '/usr/bin/chromium', outDir = null } = {}) {
  const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
  const results = [];
  try {
    for (const u of urls) {
      try {
        const { lhr } = await lighthouse(u, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES });
        if (lhr.runtimeError) { results.push({ error: `${lhr.runtimeError.code}: ${lhr.runtimeError.message}` }); continue; }
        const scores = {};
        const failing = {};
        for (const c of CATEGORIES) {
          const cat = lhr.categories[c];
          scores[c] = cat.score;
          failing[c] = cat.auditRefs
            .filter((a) => a.weight > 0 && lhr.audits[a.id].score !== null && lhr.audits[a.id].score < 1)
            .map((a) => `${a.id} ${lhr.audits[a.id].score}${lhr.audits[a.id].displayValue ? ` (${lhr.audits[a.id].displayValue})` : ''}`);
        }
        results.push({ scores, failing, warnings: lhr.runWarnings, version: lhr.lighthouseVersion });
        if (outDir) {
          const name = new URL(u).pathname.replace(/^\/|\/$/g, '').replace(/\//g, '_') || 'home';
          fs.writeFileSync(path.join(outDir, `lighthouse-${name}.json`), JSON.stringify(lhr, null, 1));
        }
      } catch (e) {
        results.push({ error: String(e && e.stack || e) });
      }
    }
  } finally {
    await chrome.kill();
  }
  return results;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const urls = process.argv.slice(2);
  if (!urls.length) { console.error('usage: lighthouse.mjs <url>...'); process.exit(2); }
  const results = await runLighthouse(urls);
  let low = 0;
  for (const [i, r] of results.entries()) {
    if (r.error) { low++; console.log(`${urls[i]}: ${r.error}`); continue; }
    console.log(`${urls[i]} (Lighthouse ${r.version}): ${CATEGORIES.map((c) => `${c} ${r.scores[c]}`).join(', ')}`);
    for (const c of CATEGORIES) {
      if (r.scores[c] < THRESHOLD) low++;
      if (r.failing[c].length) console.log(`  ${c}: ${r.failing[c].join('; ')}`);
    }
    if (r.warnings.length) console.log(`  warnings: ${r.warnings.join(' | ')}`);
  }
  process.exit(low ? 1 : 0);
}
