// prongsai search, the part without a page: folding, keys, the index format and the query.
// It mirrors src/search/{fold,codec}.rs rule for rule (a test runs both on the same text),
// and runs the same in a browser and in Node (the property test drives it there).

const INVISIBLE = /[\u200B\u200C\u200D\u2060\uFEFF\u00AD]/g;
// Rust's char::is_whitespace (the White_Space property), spelled out: JavaScript's \s differs.
const WHITE = /[\t\n\v\f\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+/;

function markClass(c) {
  if (c === 0x0e31 || (c >= 0x0e34 && c <= 0x0e3a) || c === 0x0e47 || c === 0x0e4d) return 0;
  if (c >= 0x0e48 && c <= 0x0e4b) return 1;
  if (c === 0x0e4c || c === 0x0e4e) return 2;
  return -1;
}

/** The folded form of text: see src/search/fold.rs for the rules. */
export function fold(text) {
  let s = String(text)
    .replace(INVISIBLE, "")
    .replace(/[\u0E50-\u0E59]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0x0e50 + 48))
    .toLowerCase();
  const cps = Array.from(s.split(WHITE).filter((w) => w !== "").join(" "), (c) => c.codePointAt(0));
  const out = [];
  let i = 0;
  while (i < cps.length) {
    const c = cps[i];
    if (c === 0x0e40 && cps[i + 1] === 0x0e40) {
      out.push(0x0e41);
      i += 2;
      continue;
    }
    if (markClass(c) < 0) {
      out.push(c);
      i += 1;
      continue;
    }
    const start = i;
    while (i < cps.length && markClass(cps[i]) >= 0) i += 1;
    const marks = cps.slice(start, i);
    let am = false;
    if (cps[i] === 0x0e32) {
      const n = marks.lastIndexOf(0x0e4d);
      if (n >= 0) {
        marks.splice(n, 1);
        am = true;
        i += 1;
      }
    }
    // A stable sort by class, then drop a mark repeated next to itself.
    const sorted = marks.map((m, k) => [markClass(m), k, m]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    let prev = -1;
    for (const [, , m] of sorted) {
      if (m !== prev) out.push(m);
      prev = m;
    }
    if (am) out.push(0x0e33);
  }
  return String.fromCodePoint(...out);
}

export function trigrams(folded) {
  const cps = Array.from(folded);
  const out = [];
  for (let k = 0; k + 3 <= cps.length; k++) out.push(cps[k] + cps[k + 1] + cps[k + 2]);
  return out;
}

/** Trigrams that cover every character of a term (at 0, 3, 6, … and the last): a text
 * holding the term holds them all, so recall is kept, at a third of the fetches. */
export function coverGrams(term) {
  const all = trigrams(term);
  const picked = all.filter((_, k) => k % 3 === 0);
  if (all.length && (all.length - 1) % 3 !== 0) picked.push(all[all.length - 1]);
  return Array.from(new Set(picked));
}

/** Dictionary words of folded text, by the browser's own segmenter; none where it has none. */
export function words(folded) {
  if (typeof Intl === "undefined" || !Intl.Segmenter) return [];
  const seg = new Intl.Segmenter("th", { granularity: "word" });
  return Array.from(seg.segment(folded)).filter((s) => s.isWordLike).map((s) => s.segment);
}

/** One byte per Thai letter (TIS-620 positions), ASCII as itself, else 0x01 + varint. */
export function encodeKey(key) {
  const out = [];
  for (const ch of key) {
    const u = ch.codePointAt(0);
    if (u >= 0x0e01 && u <= 0x0e5b) out.push(u - 0x0e01 + 0xa1);
    else if (u >= 0x02 && u < 0x80) out.push(u);
    else {
      out.push(0x01);
      let v = u;
      while (v >= 0x80) {
        out.push((v & 0x7f) | 0x80);
        v >>>= 7;
      }
      out.push(v);
    }
  }
  return out;
}

export function hash(bytes) {
  let h = 0x811c9dc5;
  for (const b of bytes) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  return h >>> 0;
}

const keyId = (bytes) => String.fromCharCode(...bytes);

class Reader {
  constructor(bytes) {
    this.b = bytes;
    this.p = 0;
  }
  done() {
    return this.p >= this.b.length;
  }
  varint() {
    let v = 0;
    let mul = 1;
    for (;;) {
      const x = this.b[this.p++];
      if (x === undefined) throw new Error("index file ends early");
      v += (x & 0x7f) * mul;
      if (x < 0x80) return v;
      mul *= 128;
    }
  }
  bytes(n) {
    const s = this.b.subarray(this.p, this.p + n);
    this.p += n;
    return s;
  }
}

/** Postings → Map(doc → field bits: 1 title, 2 body). */
export function decodePostings(bytes, base, into = new Map()) {
  const r = new Reader(bytes);
  let prev = base;
  while (!r.done()) {
    const v = r.varint();
    prev += Math.floor(v / 4);
    into.set(prev, v % 4);
  }
  return into;
}

function parseDict(bytes) {
  const r = new Reader(bytes);
  const map = new Map();
  while (!r.done()) {
    const key = keyId(r.bytes(r.varint()));
    const df = r.varint();
    const n = r.varint();
    if (n === 0) {
      map.set(key, { df, inline: r.bytes(r.varint()), blocks: [] });
    } else {
      const kid = r.varint();
      const blocks = [];
      let b = 0;
      for (let i = 0; i < n; i++) {
        const v = r.varint();
        b += Math.floor(v / 2);
        blocks.push({ block: b, own: v % 2 === 1 });
      }
      map.set(key, { df, kid, blocks });
    }
  }
  return map;
}

function parsePack(bytes) {
  const r = new Reader(bytes);
  const map = new Map();
  while (!r.done()) {
    const key = keyId(r.bytes(r.varint()));
    map.set(key, r.bytes(r.varint()));
  }
  return map;
}

/** Splits a folded query into terms that must all occur; a term under three characters
 * is kept with its neighbour (as a phrase), since trigrams cannot find it alone. */
export function terms(folded) {
  const parts = folded.split(" ").filter((t) => t !== "");
  const out = [];
  for (const p of parts) {
    const last = out[out.length - 1];
    if (last !== undefined && (Array.from(p).length < 3 || Array.from(last).length < 3)) out[out.length - 1] = `${last} ${p}`;
    else out.push(p);
  }
  return out;
}

export const PAGE = 10;

export class SearchIndex {
  /** load(path, "bin"|"json") resolves to a Uint8Array or a parsed object; a missing file
   * may resolve to null. */
  constructor(load) {
    this.load = load;
    this.cache = new Map();
  }
  cached(path, kind) {
    if (!this.cache.has(path)) this.cache.set(path, this.load(path, kind));
    return this.cache.get(path);
  }
  meta() {
    return this.cached("meta.json", "json");
  }
  async dictEntry(key) {
    const meta = await this.meta();
    const bytes = encodeKey(key);
    const shard = hash(bytes) % meta.dict_shards;
    const path = `d/${shard}.bin`;
    if (!this.cache.has(`parsed:${path}`)) {
      this.cache.set(`parsed:${path}`, this.cached(path, "bin").then((b) => parseDict(b || new Uint8Array())));
    }
    return (await this.cache.get(`parsed:${path}`)).get(keyId(bytes)) || null;
  }
  /** The postings of one key within one block, as Map(doc → bits). */
  async postings(key, entry, block) {
    const meta = await this.meta();
    const base = block * meta.block;
    if (entry.inline) {
      const all = decodePostings(entry.inline, 0);
      const m = new Map();
      for (const [d, f] of all) if (d >= base && d < base + meta.block) m.set(d, f);
      return m;
    }
    const where = entry.blocks.find((b) => b.block === block);
    if (!where) return new Map();
    if (where.own) return decodePostings((await this.cached(`p/${block}/k${entry.kid}.bin`, "bin")) || new Uint8Array(), base);
    const bytes = encodeKey(key);
    const path = `p/${block}/s${hash(bytes) % meta.pack_shards}.bin`;
    if (!this.cache.has(`parsed:${path}`)) {
      this.cache.set(`parsed:${path}`, this.cached(path, "bin").then((b) => parsePack(b || new Uint8Array())));
    }
    const list = (await this.cache.get(`parsed:${path}`)).get(keyId(bytes));
    return list ? decodePostings(list, base) : new Map();
  }
  async facets(block) {
    return (await this.cached(`f/${block}.bin`, "bin")) || new Uint8Array();
  }
  async record(doc) {
    const meta = await this.meta();
    const chunk = await this.cached(`r/${Math.floor(doc / meta.records_chunk)}.json`, "json");
    const row = chunk.d[doc % meta.records_chunk];
    const a = chunk.a[row[2]];
    return {
      doc,
      title: row[0],
      url: row[1],
      authority: { name: a[0], url: a[1], province: a[2], kind: a[3] },
      context: row[3],
      excerpt: row[4],
      facets: [row[5], row[6], row[7]],
    };
  }
  search(query, filters = {}) {
    return new Search(this, query, filters);
  }
}

function blocksOf(entry, meta) {
  if (entry.inline) {
    const s = new Set();
    for (const d of decodePostings(entry.inline, 0).keys()) s.add(Math.floor(d / meta.block));
    return s;
  }
  return new Set(entry.blocks.map((b) => b.block));
}

/** One query: results are produced block by block, so a common word on a national portal
 * reads only the first blocks until the reader asks for more. */
export class Search {
  constructor(index, query, filters) {
    this.index = index;
    this.folded = fold(query);
    this.terms = terms(this.folded);
    this.filters = filters;
    this.results = [];
    this.shown = 0;
    this.exhausted = false;
  }
  /** Too short to search: under three characters in all. */
  get tooShort() {
    return Array.from(this.folded).length < 3;
  }
  async prepare() {
    const meta = await this.index.meta();
    this.meta = meta;
    this.required = []; // per term: [{key, entry}] all of which a document must have
    this.wordKeys = []; // per term: [{key, entry}] of its dictionary words, for ranking
    if (this.tooShort || this.terms.length === 0) {
      this.blocks = [];
      this.exhausted = true;
      return;
    }
    for (const t of this.terms) {
      const grams = coverGrams(t);
      // Every dictionary shard of the query is requested at once: one round trip, not one per key.
      const req = await Promise.all(grams.map(async (g) => ({ key: `g${g}`, entry: await this.index.dictEntry(`g${g}`) })));
      this.required.push(req);
      const ws = await Promise.all(
        Array.from(new Set(words(t))).map(async (w) => ({ key: `w${w}`, entry: await this.index.dictEntry(`w${w}`) })),
      );
      this.wordKeys.push(ws.every((w) => w.entry) ? ws : []);
    }
    const all = this.required.flat();
    if (all.some((r) => !r.entry)) {
      this.blocks = [];
      this.exhausted = true;
      return;
    }
    let blocks = null;
    for (const r of all) {
      const s = blocksOf(r.entry, meta);
      blocks = blocks === null ? s : new Set([...blocks].filter((b) => s.has(b)));
    }
    this.ranges = this.docRanges(meta);
    this.blocks = [...blocks]
      .filter((b) => this.ranges === null || this.ranges.some(([s, e]) => s < (b + 1) * meta.block && e > b * meta.block))
      .sort((a, b) => a - b);
    this.scanned = 0;
  }
  /** Province and authority kind are ranges of document numbers; null when neither is set. */
  docRanges(meta) {
    const { province, akind } = this.filters;
    if (!province && !akind) return null;
    const p = province ? meta.provinces.findIndex(([slug]) => slug === province) : -1;
    const k = akind ? meta.authority_kind_codes.indexOf(akind) + 1 : 0;
    return meta.groups.filter(([gp, gk]) => (!province || gp === p) && (!akind || gk === k)).map(([, , s, e]) => [s, e]);
  }
  facetTest(meta) {
    const f = this.filters;
    const tests = [];
    if (f.type) {
      const k = meta.item_kind_codes.indexOf(f.type) + 1;
      tests.push((b0) => b0 >> 3 === k);
    }
    if (f.status) {
      const s = meta.status_codes.indexOf(f.status) + 1;
      tests.push((b0, b1) => (b1 & 7) === s);
    }
    if (f.dim) {
      const d = Number(f.dim);
      tests.push((b0, b1) => b1 >> 3 === d);
    }
    if (f.year) {
      const y = Number(f.year);
      tests.push((b0, b1, b2) => b2 > 0 && meta.years[b2 - 1][0] <= y && y <= meta.years[b2 - 1][1]);
    }
    return tests.length ? (b0, b1, b2) => tests.every((t) => t(b0, b1, b2)) : null;
  }
  /** The results of one block. Keys are read rarest first (two at once, then the rest),
   * and a block where the rare ones share no document costs no more fetches. */
  async scanBlock(block) {
    const meta = this.meta;
    const keys = this.required.flat().sort((a, b) => a.entry.df - b.entry.df);
    const fetch = (rs) => Promise.all(rs.map((r) => this.index.postings(r.key, r.entry, block)));
    let cand = null; // doc → [in the title for every key so far, in the body for every key so far]
    const narrow = (lists) => {
      for (const l of lists) {
        if (cand === null) {
          cand = new Map();
          for (const [d, f] of l) cand.set(d, [f & 1, f & 2]);
          continue;
        }
        for (const [d, tb] of cand) {
          const f = l.get(d);
          if (!f) cand.delete(d);
          else cand.set(d, [tb[0] & f & 1, tb[1] & f & 2]);
        }
      }
    };
    narrow(await fetch(keys.slice(0, 2)));
    if (this.ranges) for (const d of cand.keys()) if (!this.ranges.some(([s, e]) => d >= s && d < e)) cand.delete(d);
    if (cand.size > 0 && keys.length > 2) narrow(await fetch(keys.slice(2)));
    const test = this.facetTest(meta);
    if (cand.size > 0 && test) {
      const facets = await this.index.facets(block);
      for (const d of cand.keys()) {
        const o = (d - block * meta.block) * 3;
        if (!test(facets[o], facets[o + 1], facets[o + 2])) cand.delete(d);
      }
    }
    if (cand.size === 0) return [];
    const words = [];
    for (const ws of this.wordKeys) words.push(await fetch(ws));
    const found = [];
    for (const [doc, [title, body]] of cand) {
      const inTitle = title !== 0;
      const inBody = body !== 0;
      const asWords = words.every((ls, t) => this.wordKeys[t].length > 0 && ls.every((l) => l.has(doc)));
      const wordsInTitle = asWords && words.every((ls) => ls.every((l) => l.get(doc) & 1));
      // Exact words above fragments, titles above bodies.
      const tier = wordsInTitle ? 4 : inTitle ? 3 : asWords ? 2 : 1;
      found.push({ doc, tier, inTitle, inBody });
    }
    found.sort((a, b) => b.tier - a.tier || a.doc - b.doc);
    return found;
  }
  /** Reads blocks until `want` more results are ready or none are left. */
  async fill(want) {
    if (!this.meta) await this.prepare();
    while (!this.exhausted && this.results.length - this.shown < want) {
      if (this.scanned >= this.blocks.length) {
        this.exhausted = true;
        break;
      }
      this.results.push(...(await this.scanBlock(this.blocks[this.scanned])));
      this.scanned += 1;
      if (this.scanned >= this.blocks.length) this.exhausted = true;
    }
  }
  /** The next page of results, with their records; a result whose title holds the query's
   * trigrams but not the query itself, and that has no body text to match, is dropped. */
  async next(count = PAGE) {
    await this.fill(count);
    const page = [];
    while (page.length < count && this.shown < this.results.length) {
      const r = this.results[this.shown++];
      const rec = await this.index.record(r.doc);
      const titleHas = this.terms.every((t) => fold(rec.title).includes(t));
      if (r.tier >= 3 && !titleHas && !r.inBody) {
        this.dropped = (this.dropped || 0) + 1;
        continue;
      }
      page.push({ ...r, ...rec, titleHas });
      if (page.length < count && this.shown >= this.results.length) await this.fill(count - page.length);
    }
    return page;
  }
  get total() {
    return this.results.length - (this.dropped || 0);
  }
  get more() {
    return this.shown < this.results.length || !this.exhausted;
  }
}

/** [start, end) ranges of `text` (UTF-16 offsets) where a term of the query occurs,
 * matched on folded text and mapped back to what the author wrote. */
export function highlights(text, queryTerms) {
  const cps = Array.from(text);
  const offsets = [0];
  for (const c of cps) offsets.push(offsets[offsets.length - 1] + c.length);
  // folded length of every prefix: monotone, so it maps folded positions back.
  const lens = [];
  for (let p = 0; p <= cps.length; p++) lens.push(Array.from(fold(cps.slice(0, p).join(""))).length);
  const folded = Array.from(fold(text));
  const out = [];
  for (const t of queryTerms) {
    const tl = Array.from(t);
    for (let i = 0; i + tl.length <= folded.length; i++) {
      if (tl.every((c, k) => folded[i + k] === c)) {
        let s = 0;
        while (s < cps.length && lens[s + 1] <= i) s++;
        let e = s;
        while (e < cps.length && lens[e] < i + tl.length) e++;
        out.push([offsets[s], offsets[e]]);
      }
    }
  }
  out.sort((a, b) => a[0] - b[0]);
  const merged = [];
  for (const r of out) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([...r]);
  }
  return merged;
}
