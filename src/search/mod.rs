//! search: a Thai full-text index built from the content model at build time, split into
//! small static files that the client (`themes/default/static/search-core.js`) fetches
//! only as a query needs them. Recall comes from character trigrams of folded text, so a
//! page is found whichever way its words are cut; dictionary words serve ranking only.

pub mod codec;
pub mod docs;
pub mod fold;
pub mod index;
pub mod words;
