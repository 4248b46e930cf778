// An organiser's first import has no feed to pass as --base: --forum-name and --forum-url give
// what the export lacks. Without a forum url partners' fallbacks are plain text, so the
// importer warns; a --forum-url the feed would refuse is a misuse (exit 2).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { importFeed, root, run, workspace } from './helpers.mjs';

let ws;
before(async () => (ws = await workspace()));
after(() => ws.cleanup());

const csv = `en=${join(root, 'docs/templates/programme-en.csv')}`;
const first = [csv, '--time-zone', 'Asia/Vladivostok', '--forum-name', 'Russian-Chinese Forum'];

test('first import without --base: --forum-url becomes forum.url, no warning about it', async () => {
  const { feed, warnings } = await importFeed(ws, [...first, '--forum-url', 'https://forum.example/'], 'first.json');
  assert.equal(feed.forum.url, 'https://forum.example/');
  assert.equal(feed.forum.name.en ?? feed.forum.name, 'Russian-Chinese Forum');
  assert.deepEqual(warnings.filter((w) => w.includes('forum.url')), []);
});

test('without a forum url anywhere: one warning says the fallbacks will be plain text and names --forum-url', async () => {
  const { feed, warnings, stderr } = await importFeed(ws, first, 'nourl.json');
  assert.equal(feed.forum.url, undefined);
  assert.deepEqual(warnings.filter((w) => w.includes('forum.url')), [
    "warning: forum.url: none: partners' fallback links will be plain text; give --forum-url https://… (your forum's site)",
  ]);
  assert.match(stderr, /; \d+ warnings?\n$/);
});

test('--forum-url wins over the --base feed\'s url; the rest of the base stays', async () => {
  const base = await ws.write('base.json', JSON.stringify((await importFeed(ws, [...first, '--forum-url', 'https://old.example/'], 'b0.json')).feed));
  const { feed } = await importFeed(ws, [csv, '--base', base, '--forum-url', 'https://forum.example/2025/'], 'b1.json');
  assert.equal(feed.forum.url, 'https://forum.example/2025/');
  assert.equal(feed.forum.name.en ?? feed.forum.name, 'Russian-Chinese Forum');
});

for (const bad of ['forum.example', '/programme', 'javascript:alert(1)', 'ftp://forum.example/', 'https://', 'mailto:info@forum.example']) {
  test(`--forum-url ${bad}: misuse, exit 2, nothing written`, async () => {
    const r = await run([...first, '--forum-url', bad, '-o', ws.path('bad.json')]);
    assert.equal(r.code, 2, r.stderr);
    assert.ok(r.stderr.startsWith(`forum-feed import: --forum-url ${bad}: must be an absolute https: or http: URL`), r.stderr);
  });
}
