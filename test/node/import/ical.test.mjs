// iCalendar (RFC 5545) as Google Calendar and Outlook write it, fixtures written from the RFC:
// TZID with a VTIMEZONE, Windows zone names, a TZID only the file's VTIMEZONE defines, DURATION,
// all-day and multi-day events, DST inside the programme, folded lines, escapes, HTML
// descriptions, STATUS:CANCELLED, missing ends, floating times.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { byId, fixture, importFeed, run, workspace } from './helpers.mjs';

let ws;
before(async () => (ws = await workspace()));
after(() => ws.cleanup());

test('Google Calendar: zone from X-WR-TIMEZONE, instants exact across the spring clock change', async () => {
  const { feed } = await importFeed(ws, [fixture('google.ics'), '--lang', 'en']);
  assert.equal(feed.forum.timeZone, 'Europe/Berlin');
  assert.equal(feed.forum.name, 'Spring Forum 2025');
  assert.deepEqual([feed.forum.startDate, feed.forum.endDate], ['2025-03-28', '2025-03-30']);
  const s = (uid) => byId(feed.sessions, uid);
  assert.equal(s('opening-2025-google-com').start, '2025-03-29T10:00:00+01:00');
  assert.equal(s('sunday-2025-google-com').start, '2025-03-30T10:00:00+02:00');
  assert.equal(s('utc-2025-google-com').start, '2025-03-29T13:00:00+01:00', 'a UTC time shown in the forum zone');
  // DURATION:PT2H from 01:30 winter time is two real hours: 04:30 summer time.
  assert.equal(s('night-2025-google-com').start, '2025-03-30T01:30:00+01:00');
  assert.equal(s('night-2025-google-com').end, '2025-03-30T04:30:00+02:00');
});

test('Google Calendar: all-day multi-day, cancelled, escapes, folded lines, HTML, missing end', async () => {
  const { feed, warnings } = await importFeed(ws, [fixture('google.ics'), '--lang', 'en', '--default-duration', '30']);
  const s = (uid) => byId(feed.sessions, uid);
  const expo = s('expo-2025-google-com');
  assert.equal(expo.start, '2025-03-28T00:00:00+01:00');
  assert.equal(expo.end, '2025-03-31T00:00:00+02:00', 'DTEND of a date is the day after the last');
  assert.equal(s('cancelled-2025-google-com').status, 'cancelled');
  assert.equal(s('opening-2025-google-com').title, 'Opening, welcome');
  assert.equal(s('opening-2025-google-com').venue, 'Main hall; ground floor');
  assert.equal(s('opening-2025-google-com').url, 'https://spring.example/opening');
  assert.equal(s('opening-2025-google-com').track, 'Plenary');
  assert.equal(s('opening-2025-google-com').summary, 'Welcome to the Spring Forum!\nAgenda:\n * Keynote\n * Q&A\n\nDetails at our site.\u00a0See you', '&nbsp; stays a no-break space');
  assert.match(s('night-2025-google-com').summary, /^Starts in winter time, ends in summer time: two hours of real time\.\nSecond line .* seventy-five octets\.$/);
  assert.equal(s('sunday-2025-google-com').title, 'Sunday talk — Воскресный доклад о сотрудничестве регионов России и Китая');
  assert.equal(s('noend-2025-google-com').end, '2025-03-30T15:30:00+02:00');
  assert.ok(warnings.some((w) => /"Open end".*no end: given 30 min/.test(w)), warnings.join('\n'));
  assert.ok(warnings.some((w) => /"Set in the skipped hour".*2025-03-30 02:30 does not exist in Europe\/Berlin.*03:30:00\+02:00/.test(w)), warnings.join('\n'));
  assert.ok(warnings.some((w) => /HTML in the descriptions of 1 event made plain text: event "Opening, welcome"/.test(w)), warnings.join('\n'));
});

test('Outlook: Windows zone names, a custom TZID through its VTIMEZONE, language from LANGUAGE=, all-day', async () => {
  const { feed, warnings } = await importFeed(ws, [fixture('outlook.ics'), '--forum-name', 'Российско-Китайский форум', '--forum-id', 'rcf-2025']);
  assert.equal(feed.defaultLanguage, 'ru');
  assert.equal(feed.forum.timeZone, 'Asia/Vladivostok', '"Vladivostok Standard Time" through CLDR');
  assert.equal(feed.forum.id, 'rcf-2025');
  const [expo, parks, bridge] = feed.sessions;
  assert.equal(parks.title, 'Индустриальные парки');
  assert.equal(parks.start, '2025-05-19T14:00:00+10:00');
  assert.equal(parks.end, '2025-05-19T15:30:00+10:00');
  assert.equal(expo.start, '2025-05-19T00:00:00+10:00');
  assert.equal(expo.end, '2025-05-20T00:00:00+10:00');
  // "Customized Time Zone" is +08:00 by its own VTIMEZONE: 09:00 there is 11:00 in Vladivostok.
  assert.equal(bridge.start, '2025-05-20T11:00:00+10:00');
  assert.ok(warnings.some((w) => /TZID "Customized Time Zone".*own VTIMEZONE/.test(w)), warnings.join('\n'));
  for (const s of feed.sessions) assert.match(s.id, /^[a-z0-9][a-z0-9-]{0,63}$/, 'Outlook\'s 112-character UIDs become valid ids');
  assert.equal(new Set(feed.sessions.map((s) => s.id)).size, 3);
});

test('floating times: no zone anywhere is an error naming --time-zone; with it, times are in that zone', async () => {
  const r = await run([fixture('floating.ics'), '--lang', 'en', '-o', ws.path('f.json')]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /--time-zone/);
  const { feed } = await importFeed(ws, [fixture('floating.ics'), '--lang', 'en', '--time-zone', 'Asia/Vladivostok'], 'f2.json');
  assert.equal(feed.sessions[0].start, '2025-05-19T14:00:00+10:00');
  assert.equal(feed.forum.timeZone, 'Asia/Vladivostok');
});

test('the language is required when the calendar does not say it', async () => {
  const r = await run([fixture('google.ics'), '-o', ws.path('g.json')]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /does not say its language: give --lang ru \(or name it ru=/);
});

test('a repeating event is one session per occurrence: EXDATE left out, a changed occurrence as changed, wall time kept across DST', async () => {
  const { feed, warnings } = await importFeed(ws, [fixture('recurring.ics'), '--lang', 'en'], 'rec.json');
  const expo = feed.sessions.filter((s) => s.id.startsWith('expo-2025-example-org-'));
  assert.deepEqual(
    expo.map((s) => [s.id, s.title, s.start, s.end]),
    [
      ['expo-2025-example-org-20250328t100000', 'Exhibition', '2025-03-28T10:00:00+01:00', '2025-03-28T18:00:00+01:00'],
      ['expo-2025-example-org-20250330t100000', 'Exhibition (short Sunday)', '2025-03-30T12:00:00+02:00', '2025-03-30T16:00:00+02:00'],
      ['expo-2025-example-org-20250331t100000', 'Exhibition', '2025-03-31T10:00:00+02:00', '2025-03-31T18:00:00+02:00'],
    ],
  );
  assert.ok(expo.every((s) => s.venue === 'Hall C'));
  // FREQ=WEEKLY without COUNT or UNTIL: two years of it, and a warning.
  const weekly = feed.sessions.filter((s) => s.id.startsWith('standup-example-org-'));
  assert.equal(weekly.length, 105);
  assert.equal(weekly.at(-1).start, '2027-03-29T09:00:00+02:00');
  assert.ok(warnings.some((w) => /"Weekly briefing".*repeats without end: its first 105 occurrences are imported/.test(w)), warnings.join('\n'));
});
