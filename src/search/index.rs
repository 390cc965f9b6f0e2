//! Writes the search index under `search/`, split so a query fetches only what it needs
//! (docs/search.md describes the layout byte for byte):
//!
//! - `meta.json`: sizes, filter vocabularies, and the document ranges of each province and
//!   authority kind (documents are numbered by province, then kind);
//! - `d/<shard>.bin`: the dictionary, keys hashed into shards: each key's document count and
//!   either its postings (when short) or the blocks of documents that have it;
//! - `p/<block>/s<shard>.bin` and `p/<block>/k<key>.bin`: the postings of one block of
//!   documents, small lists packed by hash, long ones in a file of their own;
//! - `f/<block>.bin`: three bytes per document (type, item kind, status, dimension, years),
//!   fetched only when a filter on them is set;
//! - `r/<chunk>.json`: what a result shows (title, address, authority, plan, excerpt).
//!
//! Keys are `g` + a trigram of folded text (recall) or `w` + a dictionary word (ranking).

use super::codec::{encode_key, encode_postings, hash, pack, put_varint};
use super::docs::{Doc, Group, authority_docs, extend_groups};
use super::fold::{fold, trigram_codes, trigram_text};
use super::words::words;
use crate::content::model::{AuthorityKind, Kind, Status};
use crate::render::OutFile;
use crate::render::pages::Ctx;
use rayon::prelude::*;
use serde_json::{Value, json};
use std::collections::HashMap;

#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Documents per block: the unit a long query reads progressively.
    pub block: u32,
    /// A key whose whole posting list is at most this many bytes lives in the dictionary.
    pub inline_max: usize,
    /// A block's postings of one key of at least this many bytes get a file of their own.
    pub own_file_min: usize,
    /// Aimed size of a dictionary shard, in bytes: a query reads one per key.
    pub shard_target: usize,
    /// Aimed size of a packed postings shard, in bytes: a query reads one per key and block
    /// read. Larger than a dictionary shard because packs are most of the index's files.
    pub pack_target: usize,
    /// Documents per records file.
    pub records_chunk: usize,
}

impl Default for Options {
    fn default() -> Self {
        // Measured against the bytes a query fetches (docs/benchmarks.md, search) and the
        // number of files a national portal writes (docs/benchmarks.md, portal scale).
        Options {
            block: 4096,
            inline_max: 96,
            own_file_min: 1024,
            shard_target: 1024,
            pack_target: 4096,
            records_chunk: 16,
        }
    }
}

/// Characters of body text a result shows under its title.
const EXCERPT_CHARS: usize = 110;

/// An index key while the index is built: a trigram as a number (most keys, no string
/// each), or a dictionary word.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum KeyId {
    Trigram(u64),
    Word(Box<str>),
}

impl KeyId {
    /// The key as the index files spell it: `g` + trigram or `w` + word, encoded.
    fn encoded(&self) -> Vec<u8> {
        match self {
            KeyId::Trigram(code) => encode_key(&format!("g{}", trigram_text(*code))),
            KeyId::Word(w) => encode_key(&format!("w{w}")),
        }
    }
}

/// FxHash (rustc's): keys are short and not chosen by an attacker, and SipHash over some
/// hundred million postings was a large part of the national index build.
#[derive(Default, Clone, Copy)]
struct FxHasher(u64);

impl std::hash::Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut b = [0u8; 8];
            b[..chunk.len()].copy_from_slice(chunk);
            self.write_u64(u64::from_le_bytes(b));
        }
    }
    fn write_u64(&mut self, v: u64) {
        self.0 = (self.0.rotate_left(5) ^ v).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn write_u8(&mut self, v: u8) {
        self.write_u64(u64::from(v));
    }
    fn write_usize(&mut self, v: usize) {
        self.write_u64(v as u64);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

type FxBuild = std::hash::BuildHasherDefault<FxHasher>;

/// The keys of one document with the fields they occur in (1 title, 2 body), sorted.
fn doc_keys(doc: &Doc) -> Vec<(KeyId, u8)> {
    let mut keys: Vec<(KeyId, u8)> = Vec::new();
    let mut add = |text: &str, field: u8| {
        let folded = fold(text);
        keys.extend(trigram_codes(&folded).map(|g| (KeyId::Trigram(g), field)));
        keys.extend(words(&folded).into_iter().map(|w| (KeyId::Word(w.into()), field)));
    };
    add(&doc.title, 1);
    for part in &doc.body {
        add(part, 2);
    }
    keys.sort_unstable();
    // One entry per key, with the fields of all its occurrences.
    let mut out: Vec<(KeyId, u8)> = Vec::with_capacity(keys.len());
    for (k, f) in keys {
        match out.last_mut() {
            Some((last, fields)) if *last == k => *fields |= f,
            _ => out.push((k, f)),
        }
    }
    out
}

struct Key {
    encoded: Vec<u8>,
    /// Packed postings ([`pack`]), in document order.
    postings: Vec<u32>,
}

fn pow2_shards(total: usize, per_shard: usize, parts: usize) -> u32 {
    let want = total / parts.max(1) / per_shard.max(1);
    (want.max(1).next_power_of_two() as u32).min(4096)
}

/// Authorities whose documents are made and cut into keys together, in parallel.
const AUTHORITY_BATCH: usize = 64;

/// What a result shows, kept from a document once its text is cut into keys.
struct Record {
    title: String,
    url: String,
    authority: usize,
    context: String,
    excerpt: String,
    facets: [u8; 3],
}

impl Record {
    fn of(d: Doc, years: &[(i32, i32)]) -> Record {
        Record {
            facets: facet_bytes(&d, years),
            excerpt: excerpt(&d),
            title: d.title,
            url: d.url,
            authority: d.authority,
            context: d.context,
        }
    }
}

/// A document cut into its keys, with what its result shows.
type CutDoc = (Vec<(KeyId, u8)>, Record);

/// The index files, paths below the site root, in memory: for `serve`, tests and benchmarks.
pub fn build(ctx: &Ctx, opts: Options) -> Vec<OutFile> {
    let mut out = Vec::new();
    let _ = write(ctx, opts, &mut |f| {
        out.push(f);
        Ok::<(), std::convert::Infallible>(())
    });
    out
}

/// Makes the index files and hands each to `emit` as soon as it is complete, paths below
/// the site root. Documents are made an authority at a time and dropped once cut into keys,
/// so what is held is the postings (four bytes each), never every document's text.
pub fn write<E>(ctx: &Ctx, opts: Options, emit: &mut impl FnMut(OutFile) -> Result<(), E>) -> Result<(), E> {
    let order = super::docs::order(ctx);
    let mut years = super::docs::facts(ctx).year_spans;
    years.truncate(255);
    let mut key_ids: HashMap<KeyId, usize, FxBuild> = HashMap::default();
    let mut postings: Vec<Vec<u32>> = Vec::new();
    let mut ids: Vec<KeyId> = Vec::new();
    let mut facets: Vec<[u8; 3]> = Vec::new();
    let mut groups: Vec<Group> = Vec::new();
    let mut pending: Vec<Record> = Vec::with_capacity(opts.records_chunk);
    let mut records_file = 0;
    for batch in order.authorities.chunks(AUTHORITY_BATCH) {
        let cut: Vec<Vec<CutDoc>> = batch
            .par_iter()
            .map(|&(_, ai)| {
                let docs = authority_docs(ctx, ai);
                docs.into_iter().map(|d| (doc_keys(&d), Record::of(d, &years))).collect()
            })
            .collect();
        for (&(province, ai), docs) in batch.iter().zip(cut) {
            let start = facets.len() as u32;
            for (doc_keys, record) in docs {
                let id = facets.len() as u32;
                for (k, f) in doc_keys {
                    let kid = match key_ids.get(&k) {
                        Some(&kid) => kid,
                        None => {
                            ids.push(k.clone());
                            postings.push(Vec::new());
                            key_ids.insert(k, postings.len() - 1);
                            postings.len() - 1
                        }
                    };
                    postings[kid].push(pack(id, f));
                }
                facets.push(record.facets);
                pending.push(record);
                if pending.len() == opts.records_chunk {
                    let bytes = records(ctx, &order.provinces, &pending);
                    emit(OutFile { path: format!("search/r/{records_file}.json"), bytes })?;
                    records_file += 1;
                    pending.clear();
                }
            }
            extend_groups(&mut groups, province, ctx.content.authorities[ai].kind, start, facets.len() as u32);
        }
    }
    if !pending.is_empty() {
        let bytes = records(ctx, &order.provinces, &pending);
        emit(OutFile { path: format!("search/r/{records_file}.json"), bytes })?;
    }
    drop(key_ids);
    let mut keys: Vec<Key> = ids
        .par_iter()
        .zip(postings.into_par_iter())
        .map(|(k, mut postings)| {
            postings.shrink_to_fit();
            Key { encoded: k.encoded(), postings }
        })
        .collect();
    drop(ids);
    keys.par_sort_unstable_by(|a, b| a.encoded.cmp(&b.encoded));

    let n = facets.len() as u32;
    let blocks = n.div_ceil(opts.block).max(1);

    // Postings by block; decide which lists are inline, packed or on their own.
    struct Placed {
        inline: Option<Vec<u8>>,
        /// (block, own file?, bytes)
        blocks: Vec<(u32, bool, Vec<u8>)>,
    }
    let place = |k: &Key| {
        let all = encode_postings(&k.postings, 0);
        if all.len() <= opts.inline_max {
            return Placed { inline: Some(all), blocks: Vec::new() };
        }
        let mut blocks = Vec::new();
        for chunk in k.postings.chunk_by(|a, b| (a >> 2) / opts.block == (b >> 2) / opts.block) {
            let b = (chunk[0] >> 2) / opts.block;
            let bytes = encode_postings(chunk, b * opts.block);
            blocks.push((b, bytes.len() >= opts.own_file_min, bytes));
        }
        Placed { inline: None, blocks }
    };
    // Packed postings wait in one buffer, as (block, key hash, start), until their total
    // decides the number of pack shards.
    let mut packed_bytes: Vec<u8> = Vec::new();
    let mut packed: Vec<(u32, u32, usize)> = Vec::new();
    let mut packed_total = 0;
    let mut dict_entries: Vec<(u32, Vec<u8>)> = Vec::with_capacity(keys.len());
    // Keys a slice at a time, each key's postings freed once encoded, so the postings are
    // never held twice (as numbers and as bytes).
    const KEYS_AT_ONCE: usize = 1 << 16;
    for (ci, slice) in keys.chunks_mut(KEYS_AT_ONCE).enumerate() {
        let placed: Vec<Placed> = slice.par_iter().map(place).collect();
        for (j, (k, p)) in slice.iter_mut().zip(placed).enumerate() {
            let kid = ci * KEYS_AT_ONCE + j;
            let h = hash(&k.encoded);
            let mut e = Vec::new();
            put_varint(&mut e, k.encoded.len() as u64);
            e.extend_from_slice(&k.encoded);
            put_varint(&mut e, k.postings.len() as u64);
            put_varint(&mut e, p.blocks.len() as u64);
            if let Some(bytes) = p.inline {
                put_varint(&mut e, bytes.len() as u64);
                e.extend(bytes);
            } else {
                put_varint(&mut e, kid as u64);
                let mut prev = 0;
                for (b, own, bytes) in p.blocks {
                    put_varint(&mut e, (u64::from(b - prev) << 1) | u64::from(own));
                    prev = b;
                    if own {
                        emit(OutFile { path: format!("search/p/{b}/k{kid}.bin"), bytes })?;
                    } else {
                        packed_total += bytes.len() + 8;
                        packed.push((b, h, packed_bytes.len()));
                        put_varint(&mut packed_bytes, k.encoded.len() as u64);
                        packed_bytes.extend_from_slice(&k.encoded);
                        put_varint(&mut packed_bytes, bytes.len() as u64);
                        packed_bytes.extend(bytes);
                    }
                }
            }
            dict_entries.push((h, e));
            k.postings = Vec::new();
        }
    }
    drop(keys);
    let pack_shards = pow2_shards(packed_total, opts.pack_target, blocks as usize);
    let ends: Vec<usize> = packed.iter().skip(1).map(|p| p.2).chain([packed_bytes.len()]).collect();
    let shard_of = |i: usize| (packed[i].0, packed[i].1 % pack_shards);
    // A stable sort: within a pack, keys keep their sorted order.
    let mut by_shard: Vec<usize> = (0..packed.len()).collect();
    by_shard.sort_by_key(|&i| shard_of(i));
    for pack in by_shard.chunk_by(|&a, &b| shard_of(a) == shard_of(b)) {
        let (b, s) = shard_of(pack[0]);
        let bytes = pack.iter().flat_map(|&i| &packed_bytes[packed[i].2..ends[i]]).copied().collect();
        emit(OutFile { path: format!("search/p/{b}/s{s}.bin"), bytes })?;
    }
    drop((packed, packed_bytes));
    let dict_total: usize = dict_entries.iter().map(|e| e.1.len()).sum();
    let dict_shards = pow2_shards(dict_total, opts.shard_target, 1);
    let mut dict: Vec<Vec<u8>> = vec![Vec::new(); dict_shards as usize];
    for (h, e) in dict_entries {
        dict[(h % dict_shards) as usize].extend(e);
    }
    for (s, bytes) in dict.into_iter().enumerate() {
        emit(OutFile { path: format!("search/d/{s}.bin"), bytes })?;
    }

    for b in 0..blocks {
        let range = (b * opts.block) as usize..((b + 1) * opts.block).min(n) as usize;
        let bytes = facets[range].concat();
        emit(OutFile { path: format!("search/f/{b}.bin"), bytes })?;
    }
    let sizes = Sizes { docs: n, blocks, dict_shards, pack_shards };
    let meta = meta(ctx, &order.provinces, &groups, opts, sizes, &years);
    emit(OutFile { path: "search/meta.json".into(), bytes: serde_json::to_vec(&meta).unwrap_or_default() })
}

fn code<T: PartialEq>(v: Option<T>, all: &[T]) -> u8 {
    v.and_then(|x| all.iter().position(|y| *y == x)).map_or(0, |i| i as u8 + 1)
}

/// byte 0: type | item kind << 3; byte 1: status | dimension << 3 (31 = 31 or more);
/// byte 2: years (index + 1 in the vocabulary, 0 = none). 0 always means "none".
fn facet_bytes(d: &Doc, years: &[(i32, i32)]) -> [u8; 3] {
    let kind = code(d.item_kind, &Kind::ALL);
    let status = code(d.status, &Status::ALL);
    let dim = d.dimension.map_or(0, |x| x.min(31) as u8);
    [d.ty as u8 | kind << 3, status | dim << 3, code(d.years, years)]
}

fn excerpt(d: &Doc) -> String {
    let text = d.body.iter().map(|s| s.split_whitespace().collect::<Vec<_>>().join(" ")).collect::<Vec<_>>();
    let joined = text.join(" · ");
    match joined.char_indices().nth(EXCERPT_CHARS) {
        Some((i, _)) => format!("{}…", &joined[..i]),
        None => joined,
    }
}

const AUTHORITY_KINDS: [AuthorityKind; 4] = AuthorityKind::ALL;

fn records(ctx: &Ctx, provinces: &[(String, String)], chunk: &[Record]) -> Vec<u8> {
    let mut local: Vec<usize> = Vec::new();
    let mut rows = Vec::with_capacity(chunk.len());
    for d in chunk {
        let a = match local.iter().position(|&x| x == d.authority) {
            Some(i) => i,
            None => {
                local.push(d.authority);
                local.len() - 1
            }
        };
        let [f0, f1, f2] = d.facets;
        rows.push(json!([d.title, d.url, a, d.context, d.excerpt, f0, f1, f2]));
    }
    let authorities: Vec<Value> = local
        .iter()
        .map(|&i| {
            let a = &ctx.content.authorities[i];
            let slug = super::docs::province_of(a).0;
            let province = provinces.iter().position(|(s, _)| *s == slug);
            json!([a.name, crate::render::paths::authority(&a.slug), province, code(Some(a.kind), &AUTHORITY_KINDS)])
        })
        .collect();
    serde_json::to_vec(&json!({"a": authorities, "d": rows})).unwrap_or_default()
}

/// Counts the client needs to address the files.
struct Sizes {
    docs: u32,
    blocks: u32,
    dict_shards: u32,
    pack_shards: u32,
}

fn meta(
    ctx: &Ctx,
    provinces: &[(String, String)],
    groups: &[Group],
    opts: Options,
    sizes: Sizes,
    years: &[(i32, i32)],
) -> Value {
    let Sizes { docs, blocks, dict_shards, pack_shards } = sizes;
    let types = ["authority", "plan", "item", "report", "measure"].map(|t| ctx.s(&format!("search_type_{t}")));
    let groups: Vec<Value> =
        groups.iter().map(|g| json!([g.province, code(Some(g.kind), &AUTHORITY_KINDS), g.start, g.end])).collect();
    json!({
        "version": 1,
        "docs": docs,
        "block": opts.block,
        "blocks": blocks,
        "dict_shards": dict_shards,
        "pack_shards": pack_shards,
        "records_chunk": opts.records_chunk,
        "types": types,
        "item_kinds": Kind::ALL.map(|k| ctx.kind_label(k)),
        "item_kind_codes": Kind::NAMES,
        "statuses": Status::ALL.map(|s| ctx.status_label(s)),
        "status_codes": Status::NAMES,
        "authority_kinds": AUTHORITY_KINDS.map(|k| ctx.authority_kind_label(k)),
        "authority_kind_codes": AuthorityKind::NAMES,
        "provinces": provinces,
        "groups": groups,
        "years": years,
    })
}
