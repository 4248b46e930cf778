// frab schedule.xml, fixture written from the c3voc XSD (schedule.xml.xsd): no zone in the
// export, escaped HTML abstracts, people in their order, links with a stream, ids without guid.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { byId, fixture, importFeed, run, workspace } from './helpers.mjs';

let ws;
before(async () => (ws = await workspace()));
after(() => ws.cleanup());

test('frab XML has no zone: an error naming --time-zone; with it every instant keeps its offset', async () => {
  const r = await run([fixture('frab.xml'), '-o', ws.path('nz.json')]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /frab\.xml: the export does not say the forum's time zone: give it with --time-zone/);
  const { feed } = await importFeed(ws, [fixture('frab.xml'), '--time-zone', 'Asia/Vladivostok']);
  assert.equal(feed.forum.id, 'eef2025');
  assert.equal(feed.forum.name, 'Eastern Economic Forum & Friends');
  assert.deepEqual([feed.forum.startDate, feed.forum.endDate], ['2025-09-03', '2025-09-04']);
  assert.equal(byId(feed.sessions, '201').start, '2025-09-03T10:00:00+10:00');
  assert.equal(byId(feed.sessions, '201').end, '2025-09-03T11:30:00+10:00');
  assert.equal(byId(feed.sessions, '203').end, '2025-09-04T10:30:00+10:00', 'duration "1:00"');
});

test('frab XML: HTML abstracts as text, people once each in order, stream link, subtitle', async () => {
  const { feed, warnings } = await importFeed(ws, [fixture('frab.xml'), '--time-zone', 'Europe/Moscow'], 'moscow.json');
  // The same instants shown in another forum zone.
  assert.equal(byId(feed.sessions, '201').start, '2025-09-03T03:00:00+03:00');
  const arctic = byId(feed.sessions, '201');
  assert.equal(arctic.title, 'Arctic logistics: The Northern Sea Route');
  assert.equal(arctic.summary, 'Ports, ice & icebreakers.\n\nSecond\nparagraph.');
  assert.equal(arctic.stream, 'https://live.example/hall-a');
  assert.equal(arctic.venue, 'Hall A');
  assert.equal(arctic.track, 'Transport');
  assert.deepEqual(arctic.speakers, ['31', '32']);
  assert.deepEqual(byId(feed.sessions, '202').speakers, ['32', '31']);
  assert.equal(byId(feed.sessions, '202').summary, 'Plain text, < and > as characters');
  assert.deepEqual(feed.people.map((p) => p.name), ['Olga Smirnova', 'Chen Jie', 'Ivan Kuznetsov']);
  assert.ok(warnings.some((w) => /HTML in the descriptions of 1 event made plain text: event "Arctic logistics"/.test(w)));
  assert.ok(!warnings.some((w) => /"Panel on ports"/.test(w)), 'plain text with < and > is not HTML');
});

test('broken XML is named with its line', async () => {
  const file = await ws.write('broken.xml', '<?xml version="1.0"?>\n<schedule>\n<conference><title>x</conference>\n</schedule>\n');
  const r = await run([file, '-o', ws.path('b.json')]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /broken\.xml: is not well-formed XML \(line 3/);
});

test("frab XML with --base and no --time-zone: the base feed's zone is the forum's", async () => {
  const { feed } = await importFeed(ws, [fixture('frab.xml'), '--base', fixture('../../../feeds/rcf-2025.json')], 'based.json');
  assert.equal(feed.forum.timeZone, 'Asia/Vladivostok');
  assert.equal(feed.forum.id, 'rcf-2025');
  assert.deepEqual([feed.forum.startDate, feed.forum.endDate], ['2025-09-03', '2025-09-04'], 'the dates are the programme\'s');
});

test('--time-zone against a zone the export names: the export wins, with a warning', async () => {
  const { feed, warnings } = await importFeed(ws, [fixture('c3voc-classic.json'), '--time-zone', 'Asia/Tokyo'], 'tz-conflict.json');
  assert.equal(feed.forum.timeZone, 'Europe/Berlin');
  assert.ok(warnings.some((w) => /--time-zone: the export says the forum is in Europe\/Berlin/.test(w)), warnings.join('\n'));
});
