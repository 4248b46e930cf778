// A real HTTP server on 127.0.0.1 for the end-to-end suite. Each case registers the host pages
// it needs (its own headers, bytes and charset), the built bundle, and feed endpoints whose
// answers the test changes while the page runs: status, ETag/304, delay, a body that never
// ends, a connection reset, any body at all. Every request is logged with its headers.
import { createServer } from 'node:http';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** dist/ of the build under test; E2E_DIST points the suite at another build (e.g. a staging copy). */
export const distDir = resolve(process.env.E2E_DIST || resolve(root, 'dist'));
export const bundlePath = resolve(distDir, 'forum-widgets.js');

/** The widgets' chunks beside the bundle (forum-widgets.<name>.js), read once like the bundle. */
let chunks;
export function chunkFiles() {
  chunks ??= readdirSync(distDir)
    .filter((f) => /^forum-widgets\.[a-z-]+\.js$/.test(f))
    .map((f) => [f, readFileSync(resolve(distDir, f))]);
  return chunks;
}

/**
 * The bytes of the real bundle, read once: a parallel `npm run build` empties dist/ while it
 * runs, and a case must not see half a file.
 */
let bundle;
export function bundleBytes() {
  if (!bundle) {
    if (!existsSync(bundlePath)) {
      throw new Error(`${bundlePath} is missing: the end-to-end suite runs against the built bundle. Run \`npm run build\` first.`);
    }
    bundle = readFileSync(bundlePath);
  }
  return bundle;
}

export const packageVersion = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')).version;

const etagOf = (buf) => `"${createHash('sha1').update(buf).digest('base64url').slice(0, 16)}"`;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * A feed endpoint. `reply` describes the next answers (until changed with set()):
 * - `body`: string, Buffer, or any other value (sent as JSON text)
 * - `status` (200), `headers`, `contentType` ('application/json')
 * - `etag`: true (hash of the body), a string, or false; a matching If-None-Match gets 304
 * - `delayMs`: wait before answering
 * - `hang`: send headers and part of the body, then never finish
 * - `reset`: destroy the socket without an answer
 */
class FeedEndpoint {
  constructor(path, reply) {
    this.path = path;
    this.requests = [];
    this.answers = [];
    this.waiters = [];
    this.set(reply);
  }
  set(reply) {
    this.reply = { status: 200, etag: true, ...reply };
    return this;
  }
  get count() {
    return this.requests.length;
  }
  /** Resolves when the n-th request (1-based) has been answered (or reset / hung). */
  waitForRequest(n, timeoutMs = 30_000) {
    if (this.answers.length >= n) return Promise.resolve(this.requests[n - 1]);
    return new Promise((ok, fail) => {
      const t = setTimeout(() => fail(new Error(`${this.path}: request ${n} did not come within ${timeoutMs} ms (got ${this.count})`)), timeoutMs);
      this.waiters.push({ n, done: () => (clearTimeout(t), ok(this.requests[n - 1])) });
    });
  }
  answered(entry, outcome) {
    entry.outcome = outcome;
    this.answers.push(entry);
    const n = this.answers.length;
    this.waiters = this.waiters.filter((w) => (w.n <= n ? (w.done(), false) : true));
  }
  async handle(req, res, entry) {
    const r = this.reply;
    this.requests.push(entry);
    if (r.delayMs) await sleep(r.delayMs);
    if (r.reset) {
      req.socket.destroy();
      this.answered(entry, 'reset');
      return;
    }
    const raw = r.body;
    const buf = Buffer.isBuffer(raw) ? raw : Buffer.from(typeof raw === 'string' ? raw : JSON.stringify(raw ?? null), 'utf8');
    const headers = { 'content-type': r.contentType ?? 'application/json', 'cache-control': 'no-cache', ...r.headers };
    const etag = r.etag === true ? etagOf(buf) : r.etag || undefined;
    if (etag) headers.etag = etag;
    if (r.hang) {
      res.writeHead(r.status, headers);
      res.write(buf.subarray(0, Math.min(10, buf.length)));
      this.answered(entry, 'hang'); // closed by server.close()
      return;
    }
    if (etag && r.status === 200 && req.headers['if-none-match'] === etag) {
      res.writeHead(304, { ...r.headers, etag, 'cache-control': headers['cache-control'] });
      res.end();
      this.answered(entry, 304);
      return;
    }
    headers['content-length'] = buf.length;
    res.writeHead(r.status, headers);
    res.end(buf);
    this.answered(entry, r.status);
  }
}

export async function startServer() {
  const routes = new Map();
  const log = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    const entry = { method: req.method, path: url.pathname, query: url.search, headers: { ...req.headers }, at: Date.now() };
    log.push(entry);
    const route = routes.get(url.pathname);
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    Promise.resolve(route(req, res, entry)).catch((e) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(e));
    });
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${server.address().port}`;

  const api = {
    origin,
    log,
    url: (path) => origin + path,
    /** Any handler (req, res, logEntry). */
    route(path, handler) {
      routes.set(path, handler);
      return origin + path;
    },
    /** Fixed bytes with fixed headers (a host page, a script, an image). */
    file(path, body, headers = {}) {
      const buf = Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8');
      return api.route(path, (req, res) => {
        res.writeHead(200, { 'content-length': buf.length, 'cache-control': 'no-store', ...headers });
        res.end(buf);
      });
    },
    /** A host page: `body` is the HTML (a string is sent as UTF-8 unless bytes are given). */
    page(path, body, headers = { 'content-type': 'text/html; charset=utf-8' }) {
      return api.file(path, body, headers);
    },
    /**
     * The real bundle at `path` (served without a charset, as many CDNs do), and its widgets'
     * chunks beside it, as a CDN folder holds them. `edit` (latin1 text in, text out) changes the
     * core and every chunk alike, e.g. another version number for a second copy.
     */
    bundle(path = '/forum-widgets.js', bytes = bundleBytes(), headers = { 'content-type': 'text/javascript' }, edit = undefined) {
      const apply = (buf) => (edit ? Buffer.from(edit(buf.toString('latin1')), 'latin1') : buf);
      const dir = path.slice(0, path.lastIndexOf('/') + 1);
      for (const [file, buf] of chunkFiles()) api.file(dir + file, apply(buf), headers);
      return api.file(path, apply(bytes), headers);
    },
    feed(path, reply) {
      const ep = new FeedEndpoint(path, reply);
      api.route(path, (req, res, entry) => ep.handle(req, res, entry));
      ep.url = origin + path;
      return ep;
    },
    /** Requests logged for a path. */
    requestsTo: (path) => log.filter((e) => e.path === path),
    async close() {
      server.closeAllConnections();
      await new Promise((ok) => server.close(ok));
    },
  };
  return api;
}
