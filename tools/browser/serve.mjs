// A static host for tests and benchmarks: serves a built site on 127.0.0.1 under a
// sub-path, gzip-compresses text types as common hosts do (binary files go as they are),
// and counts the bytes it sends, so a test can read what a query cost.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export const TYPES = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.json': 'application/json', '.woff2': 'font/woff2', '.xml': 'application/xml', '.svg': 'image/svg+xml',
  '.csv': 'text/csv; charset=utf-8', '.pdf': 'application/pdf', '.txt': 'text/plain; charset=utf-8',
  '.bin': 'application/octet-stream', '.wasm': 'application/wasm',
};
const COMPRESSED = /^(text\/|application\/(json|xml|javascript)|image\/svg)/;

/** Starts the server; returns { base, close, sent } where sent() lists requests since reset. */
export async function serve(siteDir, prefix = '/transparency/', headers = {}) {
  let log = [];
  const root = path.resolve(siteDir);
  const server = http.createServer((req, res) => {
    const url = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    let file = url.startsWith(prefix) ? path.join(root, url.slice(prefix.length)) : null;
    if (file && !path.resolve(file).startsWith(root)) file = null;
    if (file && fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    let status = 200;
    if (!file || !fs.existsSync(file)) {
      status = 404;
      file = path.join(root, '404.html');
    }
    const type = TYPES[path.extname(file)] || 'application/octet-stream';
    let body = fs.readFileSync(file);
    const h = { 'content-type': type, ...headers };
    if (COMPRESSED.test(type) && /\bgzip\b/.test(req.headers['accept-encoding'] || '')) {
      body = zlib.gzipSync(body, { level: 6 });
      h['content-encoding'] = 'gzip';
    }
    log.push({ url, status, bytes: body.length });
    res.writeHead(status, h);
    res.end(body);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return {
    base: `http://127.0.0.1:${server.address().port}${prefix}`,
    close: () => new Promise((r) => server.close(r)),
    requests: () => log,
    reset: () => { log = []; },
  };
}

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
