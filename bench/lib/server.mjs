// A loopback HTTP server for the benchmark: serves the repo's dist/, feeds/, demo/ and bench/pages/
// (read-only, nothing else), plus generated files held in memory. Like a real static host or CDN
// it sends ETag + `cache-control: no-cache`, answers If-None-Match with 304, gzips JSON/JS/HTML when
// the client accepts it, and allows CORS. It logs every request with the bytes that crossed the
// socket, so the origin-load figure is counted on the server, not inferred.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { extname, join, normalize, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};
const SERVED = ['dist', 'feeds', 'demo', 'bench'];

/**
 * @param {{ root: string, generated?: Map<string, string|Buffer> }} o
 * `generated`: path -> body served as if it were a file (e.g. /bench/gen/feed-500.json).
 */
export async function startServer({ root, generated = new Map() }) {
  const cache = new Map(); // path -> { body, gz, etag, type } (files do not change during a run)
  const log = [];
  let feedDelayMs = 0;

  const load = async (path) => {
    if (cache.has(path)) return cache.get(path);
    let body = generated.get(path);
    if (body === undefined) {
      const top = path.split('/')[1];
      if (!SERVED.includes(top)) return undefined;
      if (top === 'bench' && !path.startsWith('/bench/pages/')) return undefined;
      const file = normalize(join(root, path));
      if (!file.startsWith(root + sep) || file.includes(`${sep}..${sep}`)) return undefined;
      try {
        body = await readFile(file);
      } catch {
        return undefined;
      }
    }
    body = Buffer.from(body);
    const type = TYPES[extname(path)] ?? 'application/octet-stream';
    const entry = {
      body,
      gz: /json|javascript|html|css/.test(type) ? gzipSync(body) : undefined,
      etag: `"${createHash('sha1').update(body).digest('base64url').slice(0, 16)}"`,
      type,
    };
    cache.set(path, entry);
    return entry;
  };

  const server = createServer(async (req, res) => {
    const sock = req.socket;
    const written0 = sock.bytesWritten;
    // Request bytes: HTTP/1.1 sends the head as text; this is its exact length (no body on GET).
    let head = `${req.method} ${req.url} HTTP/${req.httpVersion}\r\n`;
    for (let i = 0; i < req.rawHeaders.length; i += 2) head += `${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}\r\n`;
    const rec = { path: req.url, status: 0, reqBytes: Buffer.byteLength(head + '\r\n'), resBytes: 0, conditional: !!req.headers['if-none-match'] };
    log.push(rec);
    res.on('finish', () => {
      rec.resBytes = sock.bytesWritten - written0;
    });
    try {
      const url = new URL(req.url ?? '/', 'http://x');
      const path = decodeURIComponent(url.pathname);
      const f = await load(path);
      if (!f) {
        rec.status = 404;
        res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
        return;
      }
      if (feedDelayMs && path.endsWith('.json')) await new Promise((r) => setTimeout(r, feedDelayMs));
      const gz = f.gz && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
      const etag = gz ? f.etag.replace(/"$/, '-gz"') : f.etag;
      const headers = {
        'content-type': f.type,
        etag,
        'cache-control': 'no-cache',
        vary: 'Accept-Encoding',
        'access-control-allow-origin': '*',
      };
      if (req.headers['if-none-match'] === etag) {
        rec.status = 304;
        res.writeHead(304, headers).end();
        return;
      }
      const body = gz ? f.gz : f.body;
      if (gz) headers['content-encoding'] = 'gzip';
      headers['content-length'] = body.length;
      rec.status = 200;
      res.writeHead(200, headers).end(req.method === 'HEAD' ? undefined : body);
    } catch (e) {
      rec.status = 500;
      res.writeHead(500, { 'content-type': 'text/plain' }).end(String(e));
    }
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    log,
    clearLog: () => (log.length = 0),
    setFeedDelay: (ms) => (feedDelayMs = ms),
    close: () =>
      new Promise((r) => {
        server.close(r);
        server.closeAllConnections();
      }),
  };
}
