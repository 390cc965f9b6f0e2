//! The byte formats of the search index, shared rule for rule with `search-core.js`:
//! varints, posting lists, the one-byte-per-Thai-letter key encoding and the shard hash.

/// LEB128: 7 bits per byte, low first.
pub fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// Reads a varint at `*pos`; None when the bytes end first (tests use it to read back).
pub fn get_varint(bytes: &[u8], pos: &mut usize) -> Option<u64> {
    let mut v = 0u64;
    let mut shift = 0;
    loop {
        let b = *bytes.get(*pos)?;
        *pos += 1;
        v |= u64::from(b & 0x7F) << shift;
        if b < 0x80 {
            return Some(v);
        }
        shift += 7;
        if shift > 63 {
            return None;
        }
    }
}

/// A posting: a document number and where the term occurs in it (1 title, 2 body, 3 both).
pub type Posting = (u32, u8);

/// A posting in four bytes while the index is built: `doc << 2 | fields`.
pub fn pack(doc: u32, fields: u8) -> u32 {
    (doc << 2) | u32::from(fields & 3)
}

/// Document numbers as gaps from `base` (the first is `doc - base`), each with its two field
/// bits: `gap << 2 | fields`. Packed postings (see [`pack`]), in ascending order of document.
pub fn encode_postings(packed: &[u32], base: u32) -> Vec<u8> {
    let mut out = Vec::with_capacity(packed.len() * 2);
    let mut prev = base;
    for &p in packed {
        let (id, fields) = (p >> 2, p & 3);
        put_varint(&mut out, (u64::from(id - prev) << 2) | u64::from(fields));
        prev = id;
    }
    out
}

pub fn decode_postings(bytes: &[u8], base: u32) -> Option<Vec<Posting>> {
    let mut out = Vec::new();
    let mut pos = 0;
    let mut prev = base;
    while pos < bytes.len() {
        let v = get_varint(bytes, &mut pos)?;
        prev += (v >> 2) as u32;
        out.push((prev, (v & 3) as u8));
    }
    Some(out)
}

/// Keys are stored one byte per Thai letter (the TIS-620 positions, U+0E01–U+0E5B →
/// 0xA1–0xFB), ASCII as itself and anything else as 0x01 + its code point as a varint:
/// Thai keys take a third of their UTF-8 size.
pub fn encode_key(key: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(key.len());
    for c in key.chars() {
        let u = c as u32;
        if (0x0E01..=0x0E5B).contains(&u) {
            out.push((u - 0x0E01 + 0xA1) as u8);
        } else if (0x02..0x80).contains(&u) {
            out.push(u as u8);
        } else {
            out.push(0x01);
            put_varint(&mut out, u64::from(u));
        }
    }
    out
}

/// FNV-1a, 32 bits, over the encoded key: which shard holds it.
pub fn hash(key: &[u8]) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for b in key {
        h ^= u32::from(*b);
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postings_round_trip() {
        let p = vec![(100, 1), (101, 3), (4000, 2)];
        let packed: Vec<u32> = p.iter().map(|&(d, f)| pack(d, f)).collect();
        assert_eq!(decode_postings(&encode_postings(&packed, 96), 96), Some(p));
    }

    #[test]
    fn thai_keys_take_one_byte_per_letter() {
        assert_eq!(encode_key("gทุจ"), vec![b'g', 0xB7, 0xD8, 0xA8]);
        assert_eq!(encode_key("é"), vec![0x01, 0xE9, 0x01]);
    }

    #[test]
    fn fnv_matches_the_reference_value() {
        assert_eq!(hash(b""), 0x811c_9dc5);
        assert_eq!(hash(b"a"), 0xe40c_292c);
    }
}
