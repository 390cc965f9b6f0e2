// The search page: reads ?q= and the filters from the address (so a search can be linked),
// runs the query with search-core.js and writes the results as plain DOM (never innerHTML).
import { SearchIndex, PAGE, highlights } from "./search-core.js";

const form = document.getElementById("search-form");
const input = document.getElementById("search-q");
const status = document.getElementById("search-status");
const list = document.getElementById("search-results");
const moreButton = document.getElementById("search-more");
const FILTERS = ["province", "akind", "dim", "type", "status", "year"];

const base = new URL(form.dataset.index, location.href);
const root = new URL(form.dataset.root, location.href);
const index = new SearchIndex(async (path, kind) => {
  const res = await fetch(new URL(path, base));
  if (!res.ok) {
    if (kind === "bin" && res.status === 404) return null;
    throw new Error(`${res.status} ${path}`);
  }
  return kind === "bin" ? new Uint8Array(await res.arrayBuffer()) : res.json();
});

const say = (key, n) => (form.dataset[key] || "").replace("{n}", n === undefined ? "" : n.toLocaleString("th-TH"));

function marked(parent, text, terms) {
  let at = 0;
  for (const [s, e] of highlights(text, terms)) {
    if (s > at) parent.append(text.slice(at, s));
    const m = document.createElement("mark");
    m.textContent = text.slice(s, e);
    parent.append(m);
    at = e;
  }
  if (at < text.length) parent.append(text.slice(at));
}

function resultItem(r, meta, terms) {
  const li = document.createElement("li");
  const h = document.createElement("h2");
  const a = document.createElement("a");
  a.href = new URL(r.url, root).href;
  marked(a, r.title, terms);
  h.append(a);
  li.append(h);
  const [b0, b1] = r.facets;
  const parts = [meta.types[b0 & 7], r.authority.name];
  if (r.authority.province !== null && meta.provinces[r.authority.province]) parts.push(meta.provinces[r.authority.province][1]);
  if (r.context) parts.push(r.context);
  if (b0 >> 3) parts.push(meta.item_kinds[(b0 >> 3) - 1]);
  if (b1 & 7) parts.push(meta.statuses[(b1 & 7) - 1]);
  const p = document.createElement("p");
  p.className = "result-meta";
  p.textContent = parts.filter(Boolean).join(" · ");
  li.append(p);
  if (r.excerpt) {
    const x = document.createElement("p");
    marked(x, r.excerpt, terms);
    li.append(x);
  }
  return li;
}

let current = null;

async function showMore(search) {
  moreButton.hidden = true;
  status.textContent = say("sLoading");
  try {
    const meta = await index.meta();
    const page = await search.next(PAGE);
    if (search !== current) return;
    for (const r of page) list.append(resultItem(r, meta, search.terms));
    if (search.total === 0) status.textContent = say("sNone");
    else status.textContent = search.exhausted ? say("sFound", search.total) : say("sFoundSoFar", search.total);
    moreButton.hidden = !search.more;
  } catch (e) {
    status.textContent = say("sError");
    console.error(e);
  }
}

function run() {
  const params = new URLSearchParams(location.search);
  const q = params.get("q") || "";
  input.value = q;
  const filters = {};
  for (const f of FILTERS) {
    const v = params.get(f) || "";
    const el = form.elements.namedItem(f);
    if (el) el.value = v;
    if (v) filters[f] = v;
  }
  list.replaceChildren();
  moreButton.hidden = true;
  current = null;
  if (q.trim() === "") {
    status.textContent = "";
    return;
  }
  const search = index.search(q, filters);
  current = search;
  if (search.tooShort) {
    status.textContent = say("sShort");
    return;
  }
  showMore(search);
}

form.addEventListener("submit", (ev) => {
  ev.preventDefault();
  const params = new URLSearchParams();
  if (input.value.trim()) params.set("q", input.value.trim());
  for (const f of FILTERS) {
    const el = form.elements.namedItem(f);
    if (el && el.value) params.set(f, el.value);
  }
  history.pushState(null, "", `${location.pathname}${params.size ? `?${params}` : ""}`);
  run();
});
for (const f of FILTERS) {
  const el = form.elements.namedItem(f);
  if (el) el.addEventListener("change", () => form.requestSubmit());
}
moreButton.addEventListener("click", () => current && showMore(current));
window.addEventListener("popstate", run);
if (new URLSearchParams(location.search).get("q") || location.search === "") input.focus();
run();
