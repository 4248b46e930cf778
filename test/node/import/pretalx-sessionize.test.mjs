// pretalx widget data (from pretalx's Schedule.build_data()) and Sessionize "All" JSON (from its
// API docs): localized room and track names, breaks, withdrawn and cancelled talks, times
// without a zone, speakers' order and tag lines, a missing end.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { byId, fixture, importFeed, run, workspace } from './helpers.mjs';

let ws;
before(async () => (ws = await workspace()));
after(() => ws.cleanup());

test('pretalx: zone from the data, the night of the clock change exact, codes as ids', async () => {
  const { feed } = await importFeed(ws, [fixture('pretalx-widget.json'), '--forum-name', 'Autumn school']);
  assert.equal(feed.forum.timeZone, 'Europe/Berlin');
  assert.equal(feed.defaultLanguage, 'de', 'every talk says content_locale "de"');
  const lab = byId(feed.sessions, 'm8w2zc');
  assert.equal(lab.start, '2025-10-26T02:30:00+02:00');
  assert.equal(lab.end, '2025-10-26T02:30:00+01:00');
  assert.equal(Date.parse(lab.end) - Date.parse(lab.start), 3600_000);
  assert.equal(lab.summary, 'Bring a laptop & a charger.');
  assert.deepEqual(byId(feed.sessions, 'kx3lda').speakers, ['anna7q', 'ivan2p']);
  assert.deepEqual(feed.people.map((p) => p.id), ['anna7q', 'ivan2p'], 'each speaker once');
  assert.equal(byId(feed.people, 'anna7q').photo, 'https://pretalx.example/media/avatars/anna.png');
});

test('pretalx: localized names kept per language, a break kept with a stable id, withdrawn as cancelled', async () => {
  const { feed } = await importFeed(ws, [fixture('pretalx-widget.json'), '--forum-name', 'Autumn school'], 'p2.json');
  const opening = byId(feed.sessions, 'kx3lda');
  assert.deepEqual(opening.venue, { en: 'Auditorium', de: 'Hörsaal' });
  assert.deepEqual(opening.track, { en: 'Main track', de: 'Hauptprogramm', 'zh-Hans': '主会场' }, 'pretalx "zh-hans" becomes zh-Hans');
  const coffee = feed.sessions.find((s) => s.id.startsWith('break-'));
  assert.deepEqual(coffee.title, { en: 'Coffee break', de: 'Kaffeepause' });
  const again = (await importFeed(ws, [fixture('pretalx-widget.json'), '--forum-name', 'Autumn school'], 'p3.json')).feed;
  assert.equal(again.sessions.find((s) => s.id.startsWith('break-')).id, coffee.id);
  assert.equal(byId(feed.sessions, 'q4tt9r').status, 'cancelled');
  assert.equal(byId(feed.sessions, 'kx3lda').status, undefined);
});

test('Sessionize: no zone in the export is an error naming --time-zone', async () => {
  const r = await run([fixture('sessionize-all.json'), '--lang', 'ru', '--forum-name', 'Форум', '-o', ws.path('s0.json')]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /sessionize-all\.json: the export does not say the forum's time zone: give it with --time-zone/);
});

test('Sessionize: wall times in --time-zone, track from the "Track" category, tag line as position, service sessions, cancelled, missing end', async () => {
  const { feed, warnings } = await importFeed(ws, [fixture('sessionize-all.json'), '--lang', 'ru', '--forum-name', 'Форум', '--time-zone', 'Asia/Vladivostok'], 's1.json');
  const pay = byId(feed.sessions, '512301');
  assert.equal(pay.start, '2025-05-19T10:00:00+10:00');
  assert.equal(pay.track, 'Finance', 'not "Introductory", which is a Level');
  assert.equal(pay.venue, 'Room A');
  assert.equal(pay.stream, 'https://live.example/room-a');
  assert.equal(pay.summary, 'Banks, Q&A and clearing.');
  const [wang, maria] = pay.speakers.map((id) => byId(feed.people, id));
  assert.equal(wang.name, 'Wang Fang');
  assert.equal(maria.name, 'Мария Соколова');
  assert.equal(maria.position, 'Главный экономист, Банк Востока');
  assert.equal(feed.people.length, 2);
  assert.equal(byId(feed.sessions, 'a1b2c3d4-service-lunch').title, 'Lunch');
  assert.equal(byId(feed.sessions, '512303').status, 'cancelled');
  assert.equal(byId(feed.sessions, '512302').end, '2025-05-20T10:30:00+10:00');
  assert.ok(warnings.some((w) => /"Digital customs".*no end/.test(w)), warnings.join('\n'));
});

test('--from forces a format and says when the content is not that', async () => {
  const r = await run(['--from', 'pretalx', fixture('sessionize-all.json'), '-o', ws.path('x.json')]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /is not pretalx widget data \(--from pretalx\)/);
  const grouped = [{ groupId: null, groupName: 'All', sessions: JSON.parse(await readFile(fixture('sessionize-all.json'), 'utf8')).sessions }];
  const r2 = await run([await ws.write('grouped.json', grouped), '-o', ws.path('y.json')]);
  assert.equal(r2.code, 1);
  assert.match(r2.stderr, /Sessionize's "Sessions" view: export the "All" view/);
});

test('one pretalx event in two formats: ru from schedule.json (guid and code), en from the widget data (code) merge by code', async () => {
  const ru = JSON.parse(await readFile(fixture('rcf-ru.json'), 'utf8'));
  const codes = { '7d1e2f3a-0000-4000-8000-000000000001': 'RUSZAL', '7d1e2f3a-0000-4000-8000-000000000002': 'LIWEI1', '7d1e2f3a-0000-4000-8000-000000000003': 'ANNAIV' };
  for (const e of ru.schedule.events) for (const p of e.participants) p.code = codes[p.guid];
  for (const p of ru.schedule.persons) p.code = codes[p.guid];
  const en = {
    talks: [
      { code: 'EV1', id: 1, title: 'Industrial parks', abstract: '', speakers: ['RUSZAL', 'LIWEI1'], track: null, start: '2025-05-19T14:00:00+10:00', end: '2025-05-19T15:30:00+10:00', room: 1, duration: 90 },
      { code: 'EV3', id: 3, title: 'Closing of the forum', abstract: '', speakers: ['RUSZAL'], track: null, start: '2025-05-20T17:00:00+10:00', end: '2025-05-20T18:00:00+10:00', room: 1, duration: 60 },
    ],
    timezone: 'Asia/Vladivostok',
    rooms: [{ id: 1, name: 'Conference Hall 2' }],
    speakers: [
      { code: 'RUSZAL', name: 'Ruslan Zalivatsky' },
      { code: 'LIWEI1', name: 'Li Wei' },
    ],
  };
  const { feed } = await importFeed(ws, [`ru=${await ws.write('mixed-ru.json', ru)}`, `en=${await ws.write('mixed-en.json', en)}`], 'mixed.json');
  assert.equal(feed.sessions.length, 3);
  assert.deepEqual(byId(feed.sessions, 'ev1').title, { ru: 'Индустриальные парки', en: 'Industrial parks' });
  assert.deepEqual(byId(feed.sessions, 'ev1').venue, { ru: 'Конференц-зал 2', en: 'Conference Hall 2' });
  assert.equal(feed.people.length, 3, 'each person once: guid and code are the same person');
  assert.deepEqual(byId(feed.people, byId(feed.sessions, 'ev1').speakers[0]).name, { ru: 'Руслан Заливацкий', en: 'Ruslan Zalivatsky' });
});
