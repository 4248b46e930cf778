// `forum-feed validate` run as a process, the way an organiser runs it: on files in a temp dir and
// over HTTP from a real server on 127.0.0.1. Needs `npm run build` first (npm test does it).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import { mkdtemp, writeFile, mkdir, copyFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const cli = join(root, 'bin/forum-feed.js');

function run(...args) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd: dir });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const validFeed = () => ({
  version: 1,
  defaultLanguage: 'ru',
  forum: {
    id: 'rcf-2025',
    name: { ru: 'Российско-Китайский форум', 'zh-Hans': '俄中论坛' },
    timeZone: 'Asia/Vladivostok',
    startDate: '2025-05-19',
    endDate: '2025-05-20',
  },
  sessions: [
    {
      id: 'parks',
      title: 'Индустриальные парки',
      start: '2025-05-19T14:00:00+10:00',
      end: '2025-05-19T15:30:00+10:00',
      speakers: ['ivanov'],
    },
  ],
  people: [{ id: 'ivanov', name: 'Иван Иванов' }],
  quotes: [{ id: 'q1', person: 'ivanov', session: 'parks', text: 'Парки растут.' }],
});

// Several faults at once, each at its own path.
function faultyFeed() {
  const f = validFeed();
  f.forum.timeZone = 'Asia/Khabarovsk';
  f.sessions[0].end = '2025-05-19T13:00:00+10:00';
  f.sessions[0].url = 'javascript:alert(1)';
  f.people.push({ id: 'ivanov', name: 'Дубль' });
  f.quotes[0].person = 'li-wei';
  f.counters = [{ id: 'apps', value: -1, label: 'заявок', qualifier: 'over' }];
  return f;
}
const FAULTS = [
  'forum.timeZone: must be an IANA time zone like Asia/Vladivostok, not "Asia/Khabarovsk"',
  'sessions[0].end: must be after start (2025-05-19T14:00:00+10:00)',
  'sessions[0].url: must be an absolute https: or http: URL, not "javascript:alert(1)"',
  'people[1].id: duplicate id "ivanov", already used by people[0]',
  'quotes[0].person: no person "li-wei" in people',
  'counters[0].value: must be at least 0, not -1',
  'counters[0].qualifier: must be one of more-than, about, exact, not "over"',
];

let dir;
let server;
let base;

before(async () => {
  assert.ok(
    existsSync(join(root, 'dist/lib/feed/validate.js')),
    'dist/lib/feed/validate.js is missing: run `npm run build` before these tests (npm test does)',
  );
  dir = await mkdtemp(join(tmpdir(), 'forum-feed-cli-'));
  await writeFile(join(dir, 'valid.json'), JSON.stringify(validFeed(), null, 2));
  await writeFile(join(dir, 'bom.json'), '\uFEFF' + JSON.stringify(validFeed()));
  await writeFile(join(dir, 'faulty.json'), JSON.stringify(faultyFeed(), null, 2));
  await writeFile(join(dir, 'broken.json'), '{"version": 1, "forum": ');
  server = createServer((req, res) => {
    if (req.url === '/feed.json') {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(validFeed()));
    } else if (req.url === '/faulty.json') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(faultyFeed()));
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${server.address().port}`;
});

after(async () => {
  await new Promise((resolve) => server?.close(resolve));
  if (dir) await rm(dir, { recursive: true, force: true });
});

test('a valid feed file: summary on stdout, exit 0', async () => {
  const r = await run('validate', 'valid.json');
  assert.equal(r.stdout, 'valid.json: valid forum feed, version 1 (1 session, 1 person, 1 quote, 0 organizations, 0 counters)\n');
  assert.equal(r.stderr, '');
  assert.equal(r.code, 0);
});

test('a file: URL is read like a path', async () => {
  const url = pathToFileURL(join(dir, 'faulty.json')).href;
  const r = await run('validate', url);
  assert.equal(r.stdout.split('\n')[0], FAULTS[0]);
  assert.equal(r.code, 1);
});

test('a byte-order mark is dropped, as the browser does', async () => {
  const r = await run('validate', join(dir, 'bom.json'));
  assert.equal(r.code, 0, r.stdout + r.stderr);
});

test('a feed with several faults: every line with its path, in document order, exit 1', async () => {
  const r = await run('validate', 'faulty.json');
  assert.equal(r.stdout, [...FAULTS, `faulty.json: not a valid forum feed, ${FAULTS.length} problems`, ''].join('\n'));
  assert.equal(r.code, 1);
});

test('text that is not JSON is invalid: one feed: problem with its line and column, exit 1', async () => {
  const r = await run('validate', 'broken.json');
  const lines = r.stdout.trimEnd().split('\n');
  assert.equal(lines.length, 4, r.stdout);
  assert.match(lines[0], /^feed: is not valid JSON at line 1, column 25 \(.+\)$/);
  assert.equal(lines[3], 'broken.json: not a valid forum feed, 1 problem');
  assert.equal(r.code, 1);
});

test('a JSON syntax error names the line and column and shows the line with a caret under the spot', async () => {
  // A trailing comma on line 4, as an organiser editing in Notepad leaves one.
  await writeFile(join(dir, 'comma.json'), '{\n  "version": 1,\n  "forum": {\n\t"id": "f",\n  },\n  "sessions": []\n}\n');
  const r = await run('validate', 'comma.json');
  const lines = r.stdout.split('\n');
  assert.match(lines[0], /^feed: is not valid JSON at line 5, column 3 \(.+\)$/, r.stdout);
  assert.equal(lines[1], '    },');
  assert.equal(lines[2], '    ^');
  assert.equal(lines[3], 'comma.json: not a valid forum feed, 1 problem');
  assert.equal(r.code, 1);
});

test('the caret stays under the spot after Chinese text (two columns each), and under an escaped control character', async () => {
  await writeFile(join(dir, 'wide.json'), '{\n "forum": {"name": {"zh-Hans": "工业园区合作论坛"} "x": 1}\n}\n');
  const r = await run('validate', 'wide.json');
  const lines = r.stdout.split('\n');
  assert.equal(lines[1], '   "forum": {"name": {"zh-Hans": "工业园区合作论坛"} "x": 1}');
  // The 8 Chinese characters are 16 columns: the caret sits under the quote that opens "x".
  assert.equal(lines[2], '  ' + ' '.repeat(' "forum": {"name": {"zh-Hans": "'.length + 16 + '"} '.length) + '^');
  // A raw control character is itself the fault: shown escaped, the caret under its escape.
  await writeFile(join(dir, 'ctl.json'), '{"说明":"\u001b[31mRED" x}');
  const c = (await run('validate', 'ctl.json')).stdout.split('\n');
  assert.equal(c[1], '  {"说明":"\\u001b[31mRED" x}');
  assert.equal(c[2], '  ' + ' '.repeat('{"'.length + 4 + '":"'.length) + '^', c.join('\n'));
});

test('a missing file is unreadable: exit 2, reason on stderr', async () => {
  const r = await run('validate', 'no-such-feed.json');
  assert.equal(r.stderr, 'forum-feed: cannot read no-such-feed.json: no such file\n');
  assert.equal(r.stdout, '');
  assert.equal(r.code, 2);
});

test('a directory is unreadable: exit 2', async () => {
  const r = await run('validate', '.');
  assert.equal(r.stderr, 'forum-feed: cannot read .: it is a directory\n');
  assert.equal(r.code, 2);
});

test('over HTTP: a valid feed exits 0', async () => {
  const r = await run('validate', `${base}/feed.json`);
  assert.equal(r.stdout, `${base}/feed.json: valid forum feed, version 1 (1 session, 1 person, 1 quote, 0 organizations, 0 counters)\n`);
  assert.equal(r.code, 0);
});

test('over HTTP: a faulty feed prints the same lines as from a file, exit 1', async () => {
  const r = await run('validate', `${base}/faulty.json`);
  assert.deepEqual(r.stdout.split('\n').slice(0, FAULTS.length), FAULTS);
  assert.equal(r.code, 1);
});

test('over HTTP: a 404 is unreadable, exit 2', async () => {
  const r = await run('validate', `${base}/gone.json`);
  assert.equal(r.stderr, `forum-feed: cannot read ${base}/gone.json: HTTP 404 Not Found\n`);
  assert.equal(r.stdout, '');
  assert.equal(r.code, 2);
});

test('a refused connection and a malformed URL are unreadable, exit 2', async () => {
  // A port that was just free: bind, note it, close.
  const probe = createServer();
  await new Promise((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const port = probe.address().port;
  await new Promise((resolve) => probe.close(resolve));
  const refused = await run('validate', `http://127.0.0.1:${port}/feed.json`);
  assert.match(refused.stderr, /^forum-feed: cannot read http:\/\/127\.0\.0\.1:\d+\/feed\.json: fetch failed: ECONNREFUSED\n$/);
  assert.equal(refused.code, 2);
  const malformed = await run('validate', 'https://');
  assert.equal(malformed.stderr, 'forum-feed: https:// is not a valid URL\n');
  assert.equal(malformed.code, 2);
  const ftp = await run('validate', 'ftp://127.0.0.1/feed.json');
  assert.equal(ftp.code, 2);
});

test('usage: --help exits 0; no arguments or an unknown command is misuse, exit 2', async () => {
  const help = await run('--help');
  assert.match(help.stdout, /^Usage: forum-feed validate <file-or-url>/);
  assert.equal(help.code, 0);
  const none = await run();
  assert.match(none.stderr, /^Usage: forum-feed validate <file-or-url>/);
  assert.equal(none.code, 2);
  const unknown = await run('check', 'valid.json');
  assert.match(unknown.stderr, /^forum-feed: unknown command: check\n\nUsage:/);
  assert.equal(unknown.code, 2);
  const two = await run('validate', 'valid.json', 'faulty.json');
  assert.equal(two.code, 2);
});

test('without a build it says to run npm run build, exit 2', async () => {
  // The same script in a tree that has no dist/.
  const lone = join(dir, 'lone');
  await mkdir(join(lone, 'bin'), { recursive: true });
  await copyFile(cli, join(lone, 'bin/forum-feed.js'));
  await copyFile(join(root, 'bin/read-input.js'), join(lone, 'bin/read-input.js'));
  await writeFile(join(lone, 'package.json'), '{"type": "module"}');
  const r = await new Promise((resolve) => {
    const child = spawn(process.execPath, [join(lone, 'bin/forum-feed.js'), 'validate', join(dir, 'valid.json')]);
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stderr }));
  });
  assert.match(r.stderr, /^forum-feed: the validator is not built \(.*dist\/lib\/feed\/validate\.js is missing\): run `npm run build` first\n$/);
  assert.equal(r.code, 2);
});
