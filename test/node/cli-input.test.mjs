// `forum-feed validate` against hostile input, as a process: a windows-1251 feed, control
// characters in a feed, a FIFO, /dev/zero, a file past the 5 MB cap, a gzip bomb over HTTP, a
// server and a stdin that never end, and `-` for standard input. Needs `npm run build` first.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';
import { mkdtemp, writeFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const cli = join(root, 'bin/forum-feed.js');
let dir;
let server;
let base;

/** Runs the CLI; `stdin` is written then closed, or (`'open'`) left open. Resolves with code, output and time taken. */
function run(args, { stdin, env } = {}) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [cli, ...args], { cwd: dir, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    child.on('error', reject);
    // The CLI stops reading at its cap and exits: the rest of what we write meets a closed pipe.
    child.stdin.on('error', (e) => e.code !== 'EPIPE' && reject(e));
    child.on('close', (code) => resolve({ code, stdout, stderr, ms: performance.now() - t0 }));
    if (stdin === 'open') child.stdin.write('{"version": 1,');
    else if (stdin !== undefined) child.stdin.end(stdin);
    else child.stdin.end();
  });
}

const feed = (extra = {}) => ({
  version: 1,
  defaultLanguage: 'ru',
  forum: { id: 'rcf-2025', name: 'Российско-Китайский форум', timeZone: 'Asia/Vladivostok', startDate: '2025-05-19', endDate: '2025-05-20' },
  ...extra,
});

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'forum-feed-input-'));
  server = createServer((req, res) => {
    if (req.url === '/bomb.json') {
      // 200 KB of gzip that inflates to 200 MB of spaces.
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip', 'content-length': bomb.length });
      res.end(bomb);
    } else if (req.url === '/gzip.json') {
      const body = gzipSync(JSON.stringify(feed()));
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip', 'content-length': body.length });
      res.end(body);
    } else if (req.url === '/never-ends.json') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"version": 1,');
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${server.address().port}`;
});
const bomb = gzipSync(Buffer.alloc(200 * 1024 * 1024, 0x20), { level: 9 });

after(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  await rm(dir, { recursive: true, force: true });
});

test('a windows-1251 feed is refused as not UTF-8, saying where, exit 1', async () => {
  // "Форум" in windows-1251, inside an otherwise valid feed.
  const text = JSON.stringify(feed()).replace('Российско-Китайский форум', '\u0000');
  const [head, tail] = text.split('\u0000');
  await writeFile(join(dir, 'cp1251.json'), Buffer.concat([Buffer.from(head), Buffer.from([0xd4, 0xee, 0xf0, 0xf3, 0xec]), Buffer.from(tail)]));
  const r = await run(['validate', 'cp1251.json']);
  const offset = Buffer.byteLength(head);
  assert.equal(
    r.stdout,
    `feed: is not UTF-8 text (byte 0xD4 at offset ${offset}, line 1); save it as UTF-8 (it may be windows-1251 or another legacy encoding)\ncp1251.json: not a valid forum feed, 1 problem\n`,
  );
  assert.equal(r.code, 1);
});

test('control characters from the feed and its name are escaped in everything printed', async () => {
  const esc = '\u001b[2J\u001b[H';
  const bad = feed({ sessions: [{ id: `x${esc}`, title: 't', start: `2025-05-19T14:00:00+10:00${esc}`, end: '2025-05-19T15:00:00+10:00', ['k\u202e\u0007']: 1 }] });
  bad.forum[`odd${esc}key`] = 1; // unknown: ignored, never printed
  bad.forum.url = `https://x.example/\u0007${esc}`; // a URL with controls is not a URL
  const name = `feed${esc}.json`;
  await writeFile(join(dir, name), JSON.stringify(bad));
  const r = await run(['validate', name]);
  const all = r.stdout + r.stderr;
  assert.doesNotMatch(all, /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/, JSON.stringify(all));
  assert.match(r.stdout, /^sessions\[0\]\.id: must be an id matching .*, not "x\\u001b\[2J\\u001b\[H"$/m);
  assert.match(r.stdout, /^feed\\u001b\[2J\\u001b\[H\.json: not a valid forum feed, \d+ problems$/m);
  assert.equal(r.code, 1);
  const missing = await run(['validate', `gone${esc}.json`]);
  assert.equal(missing.stderr, 'forum-feed: cannot read gone\\u001b[2J\\u001b[H.json: no such file\n');
});

test('a FIFO is refused at once, not waited on; exit 2', { skip: process.platform === 'win32' }, async () => {
  execFileSync('mkfifo', [join(dir, 'pipe.json')]);
  const r = await run(['validate', 'pipe.json']);
  assert.equal(r.stderr, 'forum-feed: cannot read pipe.json: it is a named pipe (FIFO), not a regular file (use - to read standard input)\n');
  assert.equal(r.code, 2);
  assert.ok(r.ms < 10_000, `took ${r.ms} ms`);
});

test('/dev/zero is refused at once (a device), not read; exit 2', { skip: !existsSync('/dev/zero') }, async () => {
  const r = await run(['validate', '/dev/zero']);
  assert.equal(r.stderr, 'forum-feed: cannot read /dev/zero: it is a device, not a regular file (use - to read standard input)\n');
  assert.equal(r.code, 2);
});

test('a file past 5 MB is refused as too large, exit 1', async () => {
  const big = JSON.stringify(feed({ note: 'x'.repeat(5 * 1024 * 1024) }));
  await writeFile(join(dir, 'big.json'), big);
  const r = await run(['validate', 'big.json']);
  assert.equal(r.stdout, 'feed: too large (more than 5 MB after decompression)\nbig.json: not a valid forum feed, 1 problem\n');
  assert.equal(r.code, 1);
  // Just under the cap is read.
  await writeFile(join(dir, 'under.json'), JSON.stringify(feed({ note: 'x'.repeat(5 * 1024 * 1024 - 300) })));
  assert.equal((await run(['validate', 'under.json'])).code, 0);
});

test('a gzip bomb over HTTP is cut off at 5 MB inflated, quickly; a gzip feed is read', async () => {
  const r = await run(['validate', `${base}/bomb.json`]);
  assert.equal(r.stdout, `feed: too large (more than 5 MB after decompression)\n${base}/bomb.json: not a valid forum feed, 1 problem\n`);
  assert.equal(r.code, 1);
  assert.ok(r.ms < 10_000, `took ${r.ms} ms`);
  assert.equal((await run(['validate', `${base}/gzip.json`])).code, 0);
});

test('a server that never finishes, and a stdin that never closes, are given up after the time limit; exit 2', async () => {
  const env = { FORUM_FEED_TIMEOUT_S: '1' };
  const http = await run(['validate', `${base}/never-ends.json`], { env });
  assert.equal(http.stderr, `forum-feed: cannot read ${base}/never-ends.json: no end within 1 s\n`);
  assert.equal(http.code, 2);
  const stdin = await run(['validate', '-'], { env, stdin: 'open' });
  assert.equal(stdin.stderr, 'forum-feed: cannot read standard input: no end within 1 s\n');
  assert.equal(stdin.code, 2);
  assert.ok(stdin.ms < 8_000, `took ${stdin.ms} ms`);
});

test('- reads standard input', async () => {
  const ok = await run(['validate', '-'], { stdin: JSON.stringify(feed()) });
  assert.equal(ok.stdout, 'standard input: valid forum feed, version 1 (0 sessions, 0 people, 0 quotes, 0 organizations, 0 counters)\n');
  assert.equal(ok.code, 0);
  const bad = await run(['validate', '-'], { stdin: JSON.stringify(feed({ version: 2 })) });
  assert.equal(bad.stdout, 'version: must be 1, not 2 (this reader understands feed version 1 only)\nstandard input: not a valid forum feed, 1 problem\n');
  assert.equal(bad.code, 1);
  const big = await run(['validate', '-'], { stdin: Buffer.alloc(6 * 1024 * 1024, 0x20) });
  assert.match(big.stdout, /^feed: too large/);
  assert.equal(big.code, 1);
});
