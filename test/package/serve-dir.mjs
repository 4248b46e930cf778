// A static server for one directory on 127.0.0.1 (a temp project with the packed package
// installed, or a built app), logging every request so a test can insist on no 404s.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/** Serves `dir`; `fallback` (e.g. '/index.html') answers paths that are not files (SPA routing). */
export async function serveDir(dir, { fallback } = {}) {
  const root = normalize(dir + sep);
  const log = [];
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = normalize(join(root, path.endsWith('/') ? path + 'index.html' : path));
    let status = 200;
    try {
      if (!file.startsWith(root)) throw new Error('outside');
      if (!(await stat(file)).isFile()) throw new Error('not a file');
    } catch {
      if (fallback && !extname(path)) file = join(root, fallback);
      else status = 404;
    }
    log.push({ path, status });
    if (status === 404) return res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    const body = await readFile(file);
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' }).end(body);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { origin, log, close: () => new Promise((r) => server.close(r)) };
}
