#!/usr/bin/env node
// `npm start` (after the build): serves the demo page, the built bundle and the sample feed on
// 127.0.0.1 only, with ETags so the widgets' conditional refresh can be watched in devtools.
// PORT picks the port (default 8080; 0 = any free one).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// Only these folders are served: nothing else in the checkout leaks out.
const SERVED = ['demo', 'dist', 'feeds', 'schema'];
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.map': 'application/json',
};

export function createStaticServer() {
  return createServer(async (req, res) => {
    try {
      let path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      // A redirect, not a rewrite: the page's relative URLs (configurator.js, ../dist/…) resolve from /demo/.
      if (path === '/') {
        res.writeHead(302, { location: '/demo/' }).end();
        return;
      }
      if (path.endsWith('/')) path += 'index.html';
      const file = normalize(join(root, path));
      const top = path.split('/')[1];
      if (!file.startsWith(root) || !SERVED.includes(top) || file.includes(`${sep}..${sep}`)) throw Object.assign(new Error(), { code: 'ENOENT' });
      if (!(await stat(file)).isFile()) throw Object.assign(new Error(), { code: 'ENOENT' });
      const body = await readFile(file);
      const etag = `"${createHash('sha1').update(body).digest('base64url').slice(0, 16)}"`;
      const headers = {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        etag,
        'cache-control': 'no-cache',
        'access-control-allow-origin': '*',
        'x-content-type-options': 'nosniff',
      };
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, headers).end();
        return;
      }
      res.writeHead(200, headers).end(req.method === 'HEAD' ? undefined : body);
    } catch (e) {
      res.writeHead(e?.code === 'ENOENT' ? 404 : 500, { 'content-type': 'text/plain; charset=utf-8' }).end(e?.code === 'ENOENT' ? 'Not found' : 'Server error');
    }
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const server = createStaticServer();
  const port = Number(process.env.PORT ?? 8080);
  server.on('error', (e) => {
    if (e.code === 'EADDRINUSE' && port !== 0) {
      console.error(`Port ${port} is busy; taking any free port instead (set PORT to choose).`);
      server.listen(0, '127.0.0.1');
    } else throw e;
  });
  server.on('listening', () => {
    const { port } = server.address();
    console.log(`forum-widgets demo: http://127.0.0.1:${port}/  (Ctrl+C to stop)`);
  });
  server.listen(port, '127.0.0.1');
}
