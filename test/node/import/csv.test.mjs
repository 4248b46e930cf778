// Spreadsheets saved as CSV: the templates in docs/templates (Russian and English header rows),
// several languages in one file (title:en), names in cells, cancelled rows, windows-1251 from
// Excel, rows that cannot be read, and a header that is not a programme.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { byId, importFeed, root, run, workspace } from './helpers.mjs';

let ws;
before(async () => (ws = await workspace()));
after(() => ws.cleanup());

const template = (lang) => join(root, `docs/templates/programme-${lang}.csv`);
const common = ['--time-zone', 'Asia/Vladivostok', '--forum-name', 'Российско-Китайский форум'];

test('the Russian template: ; separated, dd.mm.yyyy dates, three languages, people once each', async () => {
  const { feed, stderr } = await importFeed(ws, [`ru=${template('ru')}`, ...common], 'ru.json');
  assert.match(stderr, /3 sessions, 4 people, 3 languages \(ru, en, zh-Hans\)/);
  const parks = byId(feed.sessions, 'industrial-parks');
  assert.equal(parks.start, '2025-05-19T14:00:00+10:00');
  assert.equal(parks.end, '2025-05-19T15:30:00+10:00');
  assert.deepEqual(parks.title, {
    ru: 'Индустриальные парки: площадка сотрудничества России и Китая',
    en: 'Industrial Parks: A Platform for Cooperation',
    'zh-Hans': '工业园区：俄中合作平台',
  });
  assert.deepEqual(parks.venue, { ru: 'Конференц-зал 2', en: 'Conference Hall 2' });
  assert.deepEqual(parks.speakers, ['ruslan-zalivatskiy', 'shan-shivey']);
  assert.deepEqual(byId(feed.people, 'shan-shivey').name, { ru: 'Шан Шивэй', en: 'Shang Shiwei' });
  assert.deepEqual(byId(feed.people, parks.moderators[0]).name, { ru: 'Анна Иванова', en: 'Anna Ivanova' });
  assert.deepEqual(byId(feed.sessions, 'logistics').speakers, ['shan-shivey'], 'the same name in two rows is one person');
  assert.equal(byId(feed.sessions, 'logistics').status, 'cancelled', '"отменена"');
  assert.equal(byId(feed.sessions, 'opening').summary, 'Приветствие организаторов.\nПлан на два дня.');
  assert.equal(byId(feed.sessions, 'opening').stream, 'https://forum.example/live/main');
});

test('the English template gives the same session ids and times as the Russian one', async () => {
  const ru = (await importFeed(ws, [`ru=${template('ru')}`, ...common], 'ru2.json')).feed;
  const en = (await importFeed(ws, [`en=${template('en')}`, ...common], 'en.json')).feed;
  assert.equal(en.defaultLanguage, 'en');
  assert.deepEqual(
    en.sessions.map((s) => [s.id, s.start, s.end, s.status]),
    ru.sessions.map((s) => [s.id, s.start, s.end, s.status]),
  );
  assert.equal(byId(en.sessions, 'industrial-parks').title.ru, byId(ru.sessions, 'industrial-parks').title.ru);
});

test('windows-1251 from Excel is read, with a warning; bad rows are dropped by line; an end past midnight', async () => {
  const csv = [
    'Код;Название;Дата;Начало;Конец;Зал;Спикеры',
    'night;Ночная сессия;19.05.2025;23:30;00:30;Зал 1;Иван Петров',
    'broken;Без времени;19.05.2025;когда-нибудь;;Зал 1;',
    'short;Короткая;;2025-05-20 09:00;;Зал 2;Иван Петров',
    'backwards;Наоборот;;2025-05-20 12:00;2025-05-20 11:00;Зал 2;',
    'short;Повтор id;;2025-05-20 15:00;2025-05-20 16:00;Зал 2;',
  ].join('\r\n');
  const bytes = Buffer.from(new TextDecoder('utf-8').decode(Buffer.from(csv)).split('').map((c) => cp1251(c)));
  const file = ws.path('excel.csv');
  await (await import('node:fs/promises')).writeFile(file, bytes);
  const { feed, warnings } = await importFeed(ws, [file, '--lang', 'ru', ...common], 'excel.json');
  assert.ok(warnings.some((w) => /excel\.csv: is not UTF-8: read as windows-1251/.test(w)), warnings.join('\n'));
  assert.equal(byId(feed.sessions, 'night').title, 'Ночная сессия');
  assert.equal(byId(feed.sessions, 'night').end, '2025-05-20T00:30:00+10:00');
  assert.ok(warnings.some((w) => /line 3: session "Без времени" \(broken\): dropped: its start "когда-нибудь" is not a date and time/.test(w)), warnings.join('\n'));
  assert.equal(byId(feed.sessions, 'short').end, '2025-05-20T10:00:00+10:00');
  assert.ok(warnings.some((w) => /"Короткая".*no end: given 60 min/.test(w)));
  assert.equal(feed.people.length, 1);
  assert.ok(!feed.sessions.some((x) => x.id === 'backwards'));
  assert.ok(warnings.some((w) => /"Наоборот" \(backwards\): dropped: it ends \(2025-05-20T11:00:00\+10:00\) before it starts \(2025-05-20T12:00:00\+10:00\)/.test(w)), warnings.join('\n'));
  assert.equal(byId(feed.sessions, 'short').title, 'Короткая', 'the first row with an id wins');
  assert.ok(warnings.some((w) => /"Повтор id" \(short\): dropped: a second event with the same id/.test(w)), warnings.join('\n'));
});

test('a header row without title and start is not a programme: the error lists the columns', async () => {
  const file = await ws.write('other.csv', 'name,email\nIvan,ivan@example.com\n');
  const r = await run([file, '--lang', 'en', ...common, '-o', ws.path('o.json')]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /other\.csv: is not a programme: its header row lacks title and start \(the columns are id\/код, title\/название, date\/дата, start\/начало/);
});

// The windows-1251 byte of a character (Cyrillic and ASCII are enough here).
function cp1251(c) {
  const code = c.charCodeAt(0);
  if (code < 0x80) return code;
  if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
  if (code === 0x401) return 0xa8;
  if (code === 0x451) return 0xb8;
  throw new Error(`no windows-1251 byte for ${c}`);
}

test('control characters from a spreadsheet never reach the terminal raw', async () => {
  const file = await ws.write('escape.csv', 'id,title,start,end\nx1,"Title \u001b[2J\u001b[31mred",when,\nx2,ok,2025-05-19 10:00,2025-05-19 11:00\n');
  const r = await run([file, '--lang', 'en', ...common, '-o', ws.path('esc.json')]);
  assert.equal(r.code, 0, r.stderr);
  assert.ok(!/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(r.stderr), JSON.stringify(r.stderr));
  assert.match(r.stderr, /line 2: session "Title \[2J\[31mred" \(x1\): dropped/);
  const tzid = await ws.write('tz.ics', 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nX-WR-CALNAME:X\r\nX-WR-TIMEZONE:Asia/Vladivostok\r\nBEGIN:VEVENT\r\nUID:u1\r\nSUMMARY:S\r\nDTSTART;TZID="Bad\u009b2JZone":20250519T100000\r\nDTEND:20250519T110000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n');
  const r2 = await run([tzid, '--lang', 'en', '-o', ws.path('tz.json')]);
  assert.equal(r2.code, 0, r2.stderr);
  assert.ok(r2.stderr.includes('Bad\\u009b2JZone'), r2.stderr);
});

test('an end time before the start that is no night session (12:00-11:30) is a typo: warned with its file line, the end ignored, the forum\'s dates kept', async () => {
  const csv = [
    'id,title,date,start,end,summary',
    'opening,Opening,2025-05-19,10:00,11:00,"Two lines',
    'of summary"',
    'trade,Trade,2025-05-19,12:00,11:30,',
    'night,Night talk,2025-05-19,22:00,06:00,',
    'long,All-night hackathon,2025-05-19,12:00,2025-05-20 11:30,',
  ].join('\n');
  const file = await ws.write('typo.csv', csv);
  const { feed, warnings } = await importFeed(ws, [file, '--lang', 'en', ...common], 'typo.json');
  const trade = byId(feed.sessions, 'trade');
  assert.equal(trade.start, '2025-05-19T12:00:00+10:00');
  assert.equal(trade.end, '2025-05-19T13:00:00+10:00', 'the end ignored: --default-duration');
  // Line 4 of the file (the summary above spans lines 2-3), and what to write instead.
  assert.ok(
    warnings.includes(
      `warning: ${file}: line 4: session "Trade" (trade): its end 11:30 is before its start 12:00: the end is ignored. ` +
        'Fix the end time; for a session that really runs past midnight for longer than 12 hours, write the end with its date (2025-05-20 11:30)',
    ),
    warnings.join('\n'),
  );
  assert.equal(byId(feed.sessions, 'night').end, '2025-05-20T06:00:00+10:00', 'a night session (8 h) is still after midnight, as the guide says');
  assert.equal(byId(feed.sessions, 'long').end, '2025-05-20T11:30:00+10:00', 'an end written with its date is taken as written');
  assert.ok(!warnings.some((w) => /"Night talk"|"All-night hackathon"/.test(w)), warnings.join('\n'));
  const alone = await ws.write('typo-alone.csv', csv.split('\n').slice(0, 4).join('\n'));
  assert.equal((await importFeed(ws, [alone, '--lang', 'en', ...common], 'typo-alone.json')).feed.forum.endDate, '2025-05-19', 'the typo does not move the forum\'s end');
});
