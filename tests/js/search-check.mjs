// Drives the real search client (the site's own assets/search-core.js) from Node for the
// Rust tests: folds strings and runs queries against a built site's index on disk.
// usage: node search-check.mjs SITE_DIR < cases.json > answers.json
//   cases: {"fold": ["text", ...], "queries": [{"q": "...", "filters": {...}}, ...]}
//   answers: {"fold": ["folded", ...], "queries": [{"urls": [...], "total": n, "bytes": n}, ...]}
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const site = process.argv[2];
const core = await import(pathToFileURL(join(site, "assets", "search-core.js")).href);
const cases = JSON.parse(readFileSync(0, "utf8"));

function loader(counter) {
  return async (path, kind) => {
    let bytes;
    try {
      bytes = readFileSync(join(site, "search", path));
    } catch (e) {
      if (e.code === "ENOENT" && kind === "bin") return null;
      throw e;
    }
    counter.bytes += bytes.length;
    counter.files += 1;
    return kind === "bin" ? new Uint8Array(bytes) : JSON.parse(bytes.toString("utf8"));
  };
}

const answers = { fold: (cases.fold || []).map((s) => core.fold(s)), queries: [] };
for (const c of cases.queries || []) {
  const counter = { bytes: 0, files: 0 };
  const index = new core.SearchIndex(loader(counter));
  const search = index.search(c.q, c.filters || {});
  const urls = [];
  const titles = [];
  for (;;) {
    const page = await search.next(core.PAGE);
    if (page.length === 0) break;
    for (const r of page) {
      urls.push(r.url);
      titles.push(r.title);
    }
  }
  answers.queries.push({ urls, titles, total: search.total, bytes: counter.bytes, files: counter.files, terms: search.terms });
}
process.stdout.write(JSON.stringify(answers));
