// c3voc schedule.json, both shapes (https://c3voc.de/schedule/schema.json and schema2), written
// from the JSON Schemas: DST inside the programme, people de-duplicated in their order, HTML
// abstracts, events without ids or ends, no zone, three languages merged, stable ids, --base.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { byId, fixture, importFeed, run, workspace } from './helpers.mjs';

let ws;
before(async () => (ws = await workspace()));
after(() => ws.cleanup());

test('classic days/rooms: exact instants across the autumn clock change, in the forum zone', async () => {
  const { feed } = await importFeed(ws, [fixture('c3voc-classic.json')]);
  assert.equal(feed.forum.timeZone, 'Europe/Berlin');
  assert.equal(feed.defaultLanguage, 'en', 'the events all say language "en"');
  assert.deepEqual([feed.forum.startDate, feed.forum.endDate], ['2025-10-25', '2025-10-26']);
  const opening = byId(feed.sessions, '101');
  assert.equal(opening.start, '2025-10-25T10:00:00+02:00');
  assert.equal(opening.end, '2025-10-25T10:45:00+02:00');
  // 01:30 summer time plus two hours of real time is 02:30 winter time.
  const night = byId(feed.sessions, '102');
  assert.equal(night.start, '2025-10-26T01:30:00+02:00');
  assert.equal(night.end, '2025-10-26T02:30:00+01:00');
  assert.equal(Date.parse(night.end) - Date.parse(night.start), 2 * 3600_000);
  assert.equal(byId(feed.sessions, '103').start, '2025-10-26T10:00:00+01:00');
});

test('classic: people once each, speakers in the export order; HTML abstracts as text; links kept', async () => {
  const { feed, warnings } = await importFeed(ws, [fixture('c3voc-classic.json')]);
  assert.deepEqual(
    feed.people.map((p) => [p.id, p.name]),
    [
      ['7', 'Anna Schmidt'],
      ['8', 'Ivan Petrov'],
      ['9', 'Li Wei'],
    ],
  );
  assert.deepEqual(byId(feed.sessions, '103').speakers, ['8', '7', '9']);
  const opening = byId(feed.sessions, '101');
  assert.equal(opening.title, 'Opening: Welcome to the forum');
  assert.equal(opening.summary, 'Words of welcome & the plan for two days.');
  assert.equal(opening.track, 'Plenary');
  assert.equal(opening.venue, 'Saal 1');
  assert.equal(opening.url, 'https://frab.example/en/autumn25/public/events/101');
  assert.equal(opening.stream, 'https://live.example/saal1');
  assert.ok(warnings.some((w) => /HTML in the descriptions of 1 event made plain text: event "Opening"/.test(w)), warnings.join('\n'));
});

test('classic: an event with no id is dropped, one with no length gets the default, each with a warning', async () => {
  const { feed, warnings } = await importFeed(ws, [fixture('c3voc-classic.json'), '--default-duration', '20']);
  assert.equal(feed.sessions.length, 4);
  assert.ok(!feed.sessions.some((s) => /no guid/.test(s.title)));
  assert.ok(warnings.some((w) => /"An event with no guid": dropped: it has no guid, code or id/.test(w)), warnings.join('\n'));
  const zero = byId(feed.sessions, '105');
  assert.equal(zero.end, '2025-10-26T13:20:00+01:00');
  assert.ok(warnings.some((w) => /"No length given".*no end: given 20 min/.test(w)), warnings.join('\n'));
});

test('no zone in the export: a clear error naming --time-zone, nothing written; with it, the import works', async () => {
  const doc = JSON.parse(await readFile(fixture('c3voc-classic.json'), 'utf8'));
  delete doc.schedule.conference.time_zone_name;
  const file = await ws.write('no-zone.json', doc);
  const r = await run([file, '-o', ws.path('no-zone-feed.json')]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /does not say the forum's time zone: give it with --time-zone/);
  await assert.rejects(readFile(ws.path('no-zone-feed.json')), { code: 'ENOENT' });
  const { feed } = await importFeed(ws, [file, '--time-zone', 'W. Europe Standard Time'], 'no-zone-ok.json');
  assert.equal(feed.forum.timeZone, 'Europe/Berlin', 'the Windows name maps to its CLDR zone');
  assert.equal(byId(feed.sessions, '102').end, '2025-10-26T02:30:00+01:00');
});

const three = () => [`ru=${fixture('rcf-ru.json')}`, `en=${fixture('rcf-en.json')}`, `zh-Hans=${fixture('rcf-zh.json')}`];

test('three languages merge by guid; the export that lacks an event leaves it in the other two, with a warning', async () => {
  const { feed, warnings } = await importFeed(ws, three());
  assert.equal(feed.defaultLanguage, 'ru');
  assert.deepEqual(feed.forum.name, { ru: 'Российско-Китайский форум', en: 'Russian-Chinese Forum', 'zh-Hans': '俄中论坛' });
  assert.equal(feed.sessions.length, 3);
  const parks = byId(feed.sessions, 'ev1');
  assert.deepEqual(parks.title, { ru: 'Индустриальные парки', en: 'Industrial parks', 'zh-Hans': '工业园区' });
  assert.deepEqual(parks.venue, { ru: 'Конференц-зал 2', en: 'Conference Hall 2', 'zh-Hans': '2号会议厅' });
  assert.deepEqual(parks.track, { ru: 'Экономика', en: 'Economy', 'zh-Hans': '经济' });
  assert.equal(parks.speakers.length, 2);
  assert.equal(parks.moderators.length, 1, 'the participant with role "moderator"');
  const logistics = byId(feed.sessions, 'ev2');
  assert.deepEqual(Object.keys(logistics.title), ['ru', 'en']);
  assert.ok(warnings.some((w) => /^warning: zh-Hans=.*rcf-zh\.json: event "Логистика.*not in this export: kept with ru, en/.test(w)), warnings.join('\n'));
  const anna = byId(feed.people, parks.moderators[0]);
  assert.deepEqual(anna.name, { ru: 'Анна Иванова', en: 'Anna Ivanova', 'zh-Hans': '安娜·伊万诺娃' });
  assert.equal(anna.photo, 'https://forum.example/photos/p3.jpg');
  assert.equal(feed.people.length, 3, 'each person once, however many events and languages');
});

test('re-import gives identical ids, also when the export lists events and people in another order', async () => {
  const first = (await importFeed(ws, three(), 'a.json')).feed;
  const again = (await importFeed(ws, three(), 'b.json')).feed;
  delete first.updated;
  delete again.updated;
  assert.deepEqual(again, first, 'the same inputs give the same feed');
  const shuffled = [];
  for (const [lang, name] of [['ru', 'rcf-ru.json'], ['en', 'rcf-en.json'], ['zh-Hans', 'rcf-zh.json']]) {
    const doc = JSON.parse(await readFile(fixture(name), 'utf8'));
    doc.schedule.events.reverse();
    doc.schedule.persons.reverse();
    for (const e of doc.schedule.events) e.title += ' (updated)';
    shuffled.push(`${lang}=${await ws.write(`shuffled-${name}`, doc)}`);
  }
  const third = (await importFeed(ws, shuffled, 'c.json')).feed;
  assert.deepEqual(third.sessions.map((s) => s.id), first.sessions.map((s) => s.id));
  assert.deepEqual(third.people.map((p) => p.id).sort(), first.people.map((p) => p.id).sort());
  assert.deepEqual(third.sessions.map((s) => s.speakers), first.sessions.map((s) => s.speakers));
});

test('--base keeps the forum, quotes, organizers and counters; dates and programme come from the import', async () => {
  const baseFile = fixture('../../../feeds/rcf-2025.json');
  const base = JSON.parse(await readFile(baseFile, 'utf8'));
  const { feed, warnings } = await importFeed(ws, [...three(), '--base', baseFile], 'based.json');
  assert.deepEqual(feed.organizers, base.organizers);
  assert.deepEqual(feed.counters, base.counters);
  assert.equal(feed.quotes.length, base.quotes.length);
  assert.deepEqual(feed.quotes.map((q) => q.text), base.quotes.map((q) => q.text));
  assert.deepEqual(feed.forum.motto, base.forum.motto);
  assert.deepEqual(feed.forum.location, base.forum.location);
  assert.equal(feed.forum.id, base.forum.id);
  assert.deepEqual(feed.sessions.map((s) => s.id), ['ev1', 'ev2', 'ev3']);
  // The base's session is gone from the programme: quotes keep their person, lose the link.
  for (const q of feed.quotes) {
    assert.equal(q.session, undefined);
    assert.ok(feed.people.some((p) => p.id === q.person), `quote's person ${q.person} is kept`);
  }
  assert.ok(warnings.some((w) => /--base: quotes\[0\]: its session "industrial-parks" is no longer in the programme/.test(w)), warnings.join('\n'));
});

test('not a programme, and a feed given as one: exit 1 with what to do', async () => {
  const junk = await ws.write('junk.json', { hello: 'world' });
  let r = await run([junk, '-o', ws.path('x.json')]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /not an export the importer knows.*--from/);
  r = await run([fixture('../../../feeds/rcf-2025.json'), '-o', ws.path('x.json')]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /already a forum feed: use it as --base/);
  r = await run([ws.path('missing.json'), '-o', ws.path('x.json')]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /cannot read .*missing\.json: no such file/);
  r = await run([fixture('c3voc-classic.json')]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /give the output file with -o/);
});

test('--base: an imported person keeps the position and photo the base gave them; the base\'s other people stay only if quoted', async () => {
  const base = JSON.parse(await readFile(fixture('../../../feeds/rcf-2025.json'), 'utf8'));
  const ruslan = '7d1e2f3a-0000-4000-8000-000000000001';
  base.people.push({ id: ruslan, name: 'Руслан (в базе)', position: 'Советник губернатора', organization: 'Агентство', photo: 'https://forum.example/photos/base.jpg' });
  base.people.push({ id: 'nobody-quotes-me', name: 'Не цитируемый' });
  const file = await ws.write('base-people.json', base);
  const { feed } = await importFeed(ws, [...three(), '--base', file], 'based-people.json');
  const p = byId(feed.people, ruslan);
  assert.deepEqual(p.name, { ru: 'Руслан Заливацкий', en: 'Ruslan Zalivatsky', 'zh-Hans': '鲁斯兰·扎利瓦茨基' }, 'the export\'s names win');
  assert.equal(p.position, 'Советник губернатора');
  assert.equal(p.organization, 'Агентство');
  assert.equal(p.photo, 'https://forum.example/photos/p1.jpg', 'the export has a photo: it wins');
  assert.ok(!feed.people.some((x) => x.id === 'nobody-quotes-me'));
  for (const q of base.quotes) assert.ok(feed.people.some((x) => x.id === q.person));
});

test('a feed over the 5 MB widgets accept is not written: exit 1', async () => {
  const doc = JSON.parse(await readFile(fixture('c3voc-classic.json'), 'utf8'));
  const events = doc.schedule.conference.days[0].rooms['Saal 1'];
  const long = 'Long abstract. '.repeat(40_000); // ~600 KB each
  for (let i = 0; i < 10; i++) events.push({ ...events[0], id: 900 + i, guid: `0c9d2e4a-5b6f-4a1b-8c2d-0000000009${String(i).padStart(2, '0')}`, abstract: long });
  const file = await ws.write('huge.json', doc);
  const r = await run([file, '-o', ws.path('huge-feed.json')]);
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stderr, /over the 5242880 \(5 MB\) that widgets accept/);
  await assert.rejects(readFile(ws.path('huge-feed.json')), { code: 'ENOENT' });
});

test('re-import onto its own output (--base feed.json -o feed.json): replaced in place, and unchanged it keeps its `updated`', async () => {
  const out = ws.path('self.json');
  const first = await run([...three(), '--forum-id', 'rcf-2025', '-o', out]);
  assert.equal(first.code, 0, first.stderr);
  const before = await readFile(out, 'utf8');
  await new Promise((r) => setTimeout(r, 1100)); // a later second: a fresh `updated` would differ
  const again = await run([...three(), '--base', out, '-o', out]);
  assert.equal(again.code, 0, again.stderr);
  assert.equal(await readFile(out, 'utf8'), before, 'byte-for-byte the same feed');
  const changed = JSON.parse(await readFile(fixture('rcf-en.json'), 'utf8'));
  changed.schedule.events[0].title = 'Industrial parks (new title)';
  const en = await ws.write('rcf-en-changed.json', changed);
  const third = await run([`ru=${fixture('rcf-ru.json')}`, `en=${en}`, `zh-Hans=${fixture('rcf-zh.json')}`, '--base', out, '-o', out]);
  assert.equal(third.code, 0, third.stderr);
  const feed = JSON.parse(await readFile(out, 'utf8'));
  assert.equal(byId(feed.sessions, 'ev1').title.en, 'Industrial parks (new title)');
  assert.notEqual(feed.updated, JSON.parse(before).updated);
});
