// Real nginx for the hosting test: the configuration docs/hosting.md ships
// (docs/nginx/forum-widgets.conf), included as it is into a server block of our own that only
// says where: 127.0.0.1 on a free port, a root in a temp dir, and the server's own pid, temp and
// log files there too, so it touches nothing of the system's nginx. It runs in the foreground
// (daemon off) as our child; stop() signals that pid and waits for it to exit.
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync, existsSync, chmodSync } from 'node:fs';
import { createServer, request } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureNginx } from '../../scripts/ensure-nginx.mjs';

export const CONF = fileURLToPath(new URL('../../docs/nginx/forum-widgets.conf', import.meta.url));

const freePort = () =>
  new Promise((ok, fail) => {
    const s = createServer();
    s.on('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });

/** The mime.types beside the nginx.conf the binary was built for (Debian: /etc/nginx), as the stock nginx.conf includes it. */
function mimeTypes(bin) {
  // nginx -V writes to stderr.
  const conf = /--conf-path=(\S+)/.exec(spawnSync(bin, ['-V'], { encoding: 'utf8' }).stderr ?? '')?.[1];
  for (const p of [conf && join(dirname(conf), 'mime.types'), '/etc/nginx/mime.types']) if (p && existsSync(p)) return p;
  throw new Error('nginx: no mime.types found (Debian: package nginx-common)');
}

/** Access-log line format: what the test reads back (status and the request's conditional/CORS headers). */
const LOG_FORMAT = `'$status $request_method $uri inm="$http_if_none_match" origin="$http_origin" enc="$sent_http_content_encoding" bytes=$body_bytes_sent'`;

/** Parses our access log: [{ status, method, uri, inm, origin, enc, bytes }]. */
function parseLog(text) {
  const re = /^(\d{3}) (\S+) (\S+) inm="(.*?)" origin="(.*?)" enc="(.*?)" bytes=(\d+)$/;
  return text
    .split('\n')
    .filter(Boolean)
    .map((l) => {
      const m = re.exec(l);
      if (!m) throw new Error(`nginx access log: unexpected line ${JSON.stringify(l)}`);
      const dash = (s) => (s === '-' ? '' : s);
      return { status: +m[1], method: m[2], uri: m[3], inm: dash(m[4]), origin: dash(m[5]), enc: dash(m[6]), bytes: +m[7] };
    });
}

/**
 * Starts nginx serving `root` with the shipped configuration. Returns { origin, url(path), pid,
 * stop(), start() (again, same port), log() (parsed access log), errorLog(), confText }.
 */
export async function startNginx(dir, root) {
  const bin = ensureNginx();
  mkdirSync(join(dir, 'logs'), { recursive: true });
  mkdirSync(join(dir, 'temp'), { recursive: true });
  // Workers run as an unprivileged user when we are root: they must be able to read the root.
  chmodSync(dir, 0o755);
  const port = await freePort();
  const conf = join(dir, 'nginx.conf');
  const t = (n) => join(dir, 'temp', n);
  const confText = `# Written by test/e2e/nginx.mjs: only where things are; what is served is the include.
worker_processes 1;
pid ${join(dir, 'nginx.pid')};
error_log ${join(dir, 'logs', 'error.log')} notice;
events { worker_connections 64; }
http {
    include ${mimeTypes(bin)};
    default_type application/octet-stream;
    log_format forum ${LOG_FORMAT};
    access_log ${join(dir, 'logs', 'access.log')} forum;
    client_body_temp_path ${t('body')};
    proxy_temp_path ${t('proxy')};
    fastcgi_temp_path ${t('fastcgi')};
    uwsgi_temp_path ${t('uwsgi')};
    scgi_temp_path ${t('scgi')};
    server {
        listen 127.0.0.1:${port};
        root ${root};
        # A rule many sites have: it must not take the bundle's URLs from the include (its ^~).
        location ~* \\.(js|css)$ { add_header X-Site-Rule js; expires 7d; }
        include ${CONF};
    }
}
`;
  writeFileSync(conf, confText);
  // Checks the configuration first: a syntax error is then one clear failure, not a start-up race.
  try {
    execFileSync(bin, ['-t', '-q', '-p', dir, '-c', conf, '-e', join(dir, 'logs', 'error.log')], { stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    throw new Error(`nginx -t rejects the configuration:\n${e.stderr}\n${confText}`);
  }

  const origin = `http://127.0.0.1:${port}`;
  let child;
  let exited;
  const api = {
    origin,
    port,
    confText,
    url: (p) => origin + p,
    get pid() {
      return child?.pid;
    },
    async start() {
      let stderr = '';
      child = spawn(bin, ['-p', dir, '-c', conf, '-e', join(dir, 'logs', 'error.log'), '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
      child.stderr.on('data', (d) => (stderr += d));
      exited = new Promise((ok) => child.once('exit', (code, signal) => ok({ code, signal })));
      live.add(child);
      exited.then(() => live.delete(child));
      // Ready when it answers; if it exits first, say why.
      const deadline = Date.now() + 15_000;
      for (;;) {
        const r = await Promise.race([exited.then((x) => ({ exit: x })), ping(origin).then((ok) => ({ ok }))]);
        if (r.exit) throw new Error(`nginx exited at start (${JSON.stringify(r.exit)}):\n${stderr}\n${api.errorLog()}`);
        if (r.ok) return;
        if (Date.now() > deadline) throw new Error(`nginx did not answer on ${origin} within 15 s:\n${stderr}\n${api.errorLog()}`);
        await new Promise((ok) => setTimeout(ok, 50));
      }
    },
    /** Fast shutdown (SIGTERM to the master, which stops its workers) and waits for the exit. */
    async stop() {
      if (!child || child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await exited;
    },
    log: () => (existsSync(join(dir, 'logs', 'access.log')) ? parseLog(readFileSync(join(dir, 'logs', 'access.log'), 'utf8')) : []),
    errorLog: () => (existsSync(join(dir, 'logs', 'error.log')) ? readFileSync(join(dir, 'logs', 'error.log'), 'utf8') : ''),
  };
  await api.start();
  return api;
}

// Every nginx we started, killed by pid when the test process ends: normally, or stopped by the
// test runner's timeout or ^C (nginx in the foreground does not die with its parent).
const live = new Set();
// nginx runs in a process group of its own (detached): killing the group by the master's pid also
// takes its workers, which would otherwise outlive a killed master and keep the port.
const killAll = () => {
  for (const c of live) {
    try {
      process.kill(-c.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
};
process.once('exit', killAll);
for (const sig of ['SIGINT', 'SIGTERM'])
  process.once(sig, () => {
    killAll();
    process.exit(128 + (sig === 'SIGINT' ? 2 : 15));
  });

/** True when something answers HTTP on origin. */
function ping(origin) {
  return new Promise((ok) => {
    const req = request(origin + '/', { method: 'HEAD', timeout: 1000 }, (res) => {
      res.resume();
      ok(true);
    });
    req.on('error', () => ok(false));
    req.on('timeout', () => req.destroy());
    req.end();
  });
}
