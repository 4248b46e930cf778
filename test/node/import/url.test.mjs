// Inputs and --base over HTTP from a real server on 127.0.0.1: read within the size cap and the
// timeout, or refused with exit status 2 and the reason; -o - writes the feed to stdout.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { fixture, run, workspace } from './helpers.mjs';

let ws;
let server;
let base;
const held = new Set();

before(async () => {
  ws = await workspace();
  const schedule = await readFile(fixture('c3voc-classic.json'));
  const feed = await readFile(fixture('../../../feeds/rcf-2025.json'));
  server = createServer((req, res) => {
    if (req.url === '/schedule.json') return res.end(schedule);
    if (req.url === '/feed.json') return res.end(feed);
    if (req.url === '/big.json') {
      // No Content-Length: the cap must hold while the body streams.
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"schedule":{"conference":{"title":"');
      const chunk = 'x'.repeat(64 * 1024);
      let sent = 0;
      const more = () => {
        while (sent < 4 * 1024 * 1024) {
          sent += chunk.length;
          if (!res.write(chunk)) return res.once('drain', more);
        }
        res.end('"}}}');
      };
      return more();
    }
    if (req.url === '/slow.json') {
      held.add(res);
      return; // never answers
    }
    res.statusCode = 404;
    res.end('not found');
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${server.address().port}`;
});

after(async () => {
  for (const res of held) res.destroy();
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  await ws.cleanup();
});

test('an export and --base by URL; -o - writes the feed to stdout and the summary to stderr', async () => {
  const r = await run([`${base}/schedule.json`, '--base', `${base}/feed.json`, '-o', '-']);
  assert.equal(r.code, 0, r.stderr);
  const feed = JSON.parse(r.stdout);
  assert.equal(feed.sessions.length, 4);
  assert.equal(feed.forum.id, 'rcf-2025', 'the forum comes from --base');
  assert.equal(feed.counters.length, 8);
  assert.match(r.stderr, /^feed: 4 sessions, /m);
});

test('a body over --max-size is refused while it streams: exit 2', async () => {
  const r = await run([`${base}/big.json`, '--max-size', '1', '-o', ws.path('big.json')]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /cannot read http:\/\/127\.0\.0\.1:\d+\/big\.json: more than 1048576 bytes \(--max-size\)/);
});

test('a server that never answers is given up after --timeout: exit 2', async () => {
  const started = Date.now();
  const r = await run([`${base}/slow.json`, '--timeout', '1', '-o', ws.path('slow.json')]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /no answer within 1 s \(--timeout\)/);
  assert.ok(Date.now() - started < 15_000);
});

test('HTTP errors are named: exit 2', async () => {
  const r = await run([`${base}/missing.json`, '-o', ws.path('m.json')]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /HTTP 404/);
});

// import reads its inputs with validate's reader (bin/read-input.js), so it has the same guards.
test('a FIFO as the export is refused at once, not waited on: exit 2', { skip: process.platform === 'win32' }, async () => {
  const pipe = ws.path('export.ics');
  execFileSync('mkfifo', [pipe]);
  const started = Date.now();
  const r = await run([pipe, '-o', ws.path('fifo.json')]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /it is a named pipe \(FIFO\), not a regular file/);
  assert.ok(Date.now() - started < 10_000);
});

test('a file over --max-size is refused before it is read: exit 2', async () => {
  await ws.write('big.csv', 'title,start\n' + 'x'.repeat(1024 * 1024 + 1));
  const r = await run([ws.path('big.csv'), '--max-size', '1', '-o', ws.path('bigfile.json')]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /big\.csv: more than 1048576 bytes \(--max-size\)/);
});

test('- reads one export from standard input; given twice it is misuse: exit 2', async () => {
  const schedule = await readFile(fixture('c3voc-classic.json'), 'utf8');
  const r = await run(['ru=-', '-o', '-'], { stdin: schedule });
  assert.equal(r.code, 0, r.stderr);
  assert.equal(JSON.parse(r.stdout).sessions.length, 4);
  const twice = await run(['ru=-', 'en=-', '-o', ws.path('twice.json')], { stdin: schedule });
  assert.equal(twice.code, 2);
  assert.match(twice.stderr, /- \(standard input\) can be given once/);
});
