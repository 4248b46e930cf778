// The .ics files are read back by an independent parser (Mozilla's ical.js, the one Thunderbird
// uses) with the file's own VTIMEZONE, and the instants compared with the feed's.
import { expect } from '@open-wc/testing';
import ICAL from 'ical.js';
import {
  buildCalendar,
  calendarLink,
  escapeText,
  foldLine,
  sessionCalendarLink,
  sessionEvent,
  type CalendarEvent,
} from '../../src/base/calendar.js';
import { validateFeed } from '../../src/feed/validate.js';
import type { Feed } from '../../src/feed/types.js';
import type { Session } from '../../src/feed/types.js';

// The sample feed as published (served by the test server from the repository root).
let feed: Feed;
let parks: Session;
before(async () => {
  const r = validateFeed(await (await fetch('/feeds/rcf-2025.json')).json());
  if (!r.ok) throw new Error(r.errors.join('\n'));
  feed = r.feed as Feed;
  parks = feed.sessions.find((s) => s.id === 'industrial-parks')!;
});

/** Parses an .ics, registering its own time zones, and returns its events. */
function parse(ics: string) {
  const cal = new ICAL.Component(ICAL.parse(ics));
  for (const tz of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(tz));
  return cal.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
}
const instant = (t: ICAL.Time) => t.toUnixTime() * 1000;

const event = (over: Partial<CalendarEvent>): CalendarEvent => ({
  uid: 'x@test',
  start: Date.parse('2025-05-19T14:00:00+10:00'),
  end: Date.parse('2025-05-19T15:30:00+10:00'),
  timeZone: 'Asia/Vladivostok',
  summary: 'S',
  ...over,
});

describe('calendar (.ics)', () => {
  afterEach(() => ICAL.TimezoneService.reset());

  it('writes the sample session in the forum zone; parsed back, its instants are the feed\'s', () => {
    const e = sessionEvent(feed, parks, { locale: 'ru', speakersLabel: 'Спикеры' });
    const ics = buildCalendar([e], { stamp: Date.parse(feed.updated!) });
    expect(ics).to.contain('\r\nDTSTART;TZID=Asia/Vladivostok:20250519T140000\r\n');
    expect(ics).to.contain('\r\nDTSTAMP:20261125T011000Z\r\n');
    const [ev] = parse(ics);
    expect(instant(ev.startDate)).to.equal(Date.parse(parks.start));
    expect(instant(ev.endDate)).to.equal(Date.parse(parks.end));
    expect(ev.startDate.zone.tzid).to.equal('Asia/Vladivostok');
    expect(ev.uid).to.equal('industrial-parks.rcf-2025@forum-widgets');
    expect(ev.summary).to.equal('Индустриальные парки: площадка сотрудничества России и Китая');
    expect(ev.location).to.equal('Конференц-зал 2, Хабаровск');
    // No session page in the sample: the forum's page is the link.
    expect(ev.component.getFirstPropertyValue('url')).to.equal('https://roscongress.org/');
    expect(ev.description).to.match(/^Участники сессии обсудили/);
    expect(ev.description).to.contain('\n\nСпикеры: Руслан Заливацкий, Шан Шивэй, Дмитрий Черкашин\n\nРоссийско-Китайский форум');
    expect(ev.component.getFirstProperty('summary')!.getParameter('language')).to.equal('ru');
  });

  it('joins Chinese places and names with full-width punctuation', () => {
    const e = sessionEvent(feed, parks, { locale: 'zh-Hans', speakersLabel: '发言人' });
    expect(e.location).to.equal('第二会议厅，哈巴罗夫斯克');
    expect(e.description).to.contain('发言人：鲁斯兰·扎利瓦茨基、Shang Shiwei、');
  });

  it('keeps instants exact across a daylight-saving change inside the event', () => {
    // Berlin springs forward at 01:00 UTC on 30 March 2025; New York falls back at 06:00 UTC on
    // 2 November 2025, and 05:30Z and 06:30Z are both 01:30 on its clocks (written in UTC).
    const cases: [string, string, string][] = [
      ['Europe/Berlin', '2025-03-30T00:30:00Z', '2025-03-30T01:30:00Z'],
      ['America/New_York', '2025-11-02T05:30:00Z', '2025-11-02T06:30:00Z'],
      ['America/New_York', '2025-11-02T06:30:00Z', '2025-11-02T07:30:00Z'],
      ['Australia/Lord_Howe', '2025-04-05T14:45:00Z', '2025-04-05T15:15:00Z'],
    ];
    const written: string[] = [];
    for (const [timeZone, a, b] of cases) {
      ICAL.TimezoneService.reset();
      const ics = buildCalendar([event({ timeZone, start: Date.parse(a), end: Date.parse(b) })], { stamp: 0 });
      const [ev] = parse(ics);
      expect(instant(ev.startDate), `${timeZone} ${a}\n${ics}`).to.equal(Date.parse(a));
      expect(instant(ev.endDate), `${timeZone} ${b}\n${ics}`).to.equal(Date.parse(b));
      const vevent = ics.slice(ics.indexOf('BEGIN:VEVENT'));
      written.push(vevent.match(/DTSTART[^\r]*/)![0], vevent.match(/DTEND[^\r]*/)![0]);
    }
    expect(written).to.deep.equal([
      'DTSTART;TZID=Europe/Berlin:20250330T013000',
      'DTEND;TZID=Europe/Berlin:20250330T033000',
      'DTSTART:20251102T053000Z',
      'DTEND:20251102T063000Z',
      'DTSTART:20251102T063000Z',
      'DTEND;TZID=America/New_York:20251102T023000',
      // Lord Howe goes back half an hour: 14:45Z and 15:15Z are both 01:45 there.
      'DTSTART:20250405T144500Z',
      'DTEND:20250405T151500Z',
    ]);
  });

  it('falls back to UTC for a zone the browser does not know', () => {
    const ics = buildCalendar([event({ timeZone: 'Mars/Olympus_Mons' })], { stamp: 0 });
    expect(ics).not.to.contain('VTIMEZONE');
    expect(ics).to.contain('\r\nDTSTART:20250519T040000Z\r\n');
    const [ev] = parse(ics);
    expect(instant(ev.endDate)).to.equal(Date.parse('2025-05-19T15:30:00+10:00'));
  });

  it('escapes , ; \\ and line breaks, drops control characters, and reads back the same text', () => {
    const summary = 'A, B; C \\ D\r\nE\nF\u0007G';
    expect(escapeText(summary)).to.equal('A\\, B\\; C \\\\ D\\nE\\nFG');
    const [ev] = parse(buildCalendar([event({ summary, location: 'Зал; 1, этаж 2' })], { stamp: 0 }));
    expect(ev.summary).to.equal('A, B; C \\ D\nE\nFG');
    expect(ev.location).to.equal('Зал; 1, этаж 2');
  });

  it('ends every line with CRLF and folds at 75 octets without splitting a UTF-8 sequence', () => {
    const summary = '工业园区：俄中合作平台'.repeat(12) + ' 😀'.repeat(30) + ' Индустриальные парки'.repeat(8);
    const ics = buildCalendar([event({ summary, description: summary })], { stamp: 0 });
    expect(ics.endsWith('\r\n')).to.equal(true);
    expect(ics.replace(/\r\n/g, '')).not.to.match(/[\r\n]/);
    const lines = ics.split('\r\n').slice(0, -1);
    const bytes = new TextEncoder();
    const strict = new TextDecoder('utf-8', { fatal: true });
    for (const line of lines) {
      const b = bytes.encode(line);
      expect(b.length, line).to.be.at.most(75);
      // Each physical line is valid UTF-8 by itself: no sequence was cut by the fold.
      expect(strict.decode(b)).to.equal(line);
      expect(line).not.to.match(/[\ud800-\udbff]$/);
    }
    expect(lines.filter((l) => l.startsWith(' ')).length).to.be.greaterThan(10);
    const [ev] = parse(ics);
    expect(ev.summary).to.equal(summary);
    expect(ev.description).to.equal(summary);
  });

  it('folds a line that is exactly 75 octets not at all, and 76 octets into two', () => {
    expect(foldLine('x'.repeat(75))).to.equal('x'.repeat(75));
    expect(foldLine('x'.repeat(76))).to.equal('x'.repeat(75) + '\r\n x');
    // ж is 2 octets: 37 of them are 74 octets, the 38th would make 76.
    expect(foldLine('ж'.repeat(38))).to.equal('ж'.repeat(37) + '\r\n ж');
  });

  it('marks a cancelled session cancelled and gives each forum\'s session its own stable UID', () => {
    const other = { ...feed, forum: { ...feed.forum, id: 'rcf-2026' } };
    const a = sessionEvent(feed, { ...parks, status: 'cancelled' }, { locale: 'en' });
    expect(a.uid).to.equal(sessionEvent(feed, parks, { locale: 'ru' }).uid);
    expect(a.uid).not.to.equal(sessionEvent(other, parks, { locale: 'en' }).uid);
    expect(buildCalendar([a])).to.contain('\r\nSTATUS:CANCELLED\r\n');
  });

  it('offers the file as a data: link named after the session, holding exactly the .ics', () => {
    const link = sessionCalendarLink(feed, parks, { locale: 'en' });
    expect(link.download).to.equal('industrial-parks.ics');
    expect(link.href.startsWith('data:text/calendar;charset=utf-8,')).to.equal(true);
    const ics = decodeURIComponent(link.href.slice(link.href.indexOf(',') + 1));
    expect(ics).to.equal(buildCalendar([sessionEvent(feed, parks, { locale: 'en' })], { stamp: Date.parse(feed.updated!) }));
    const [ev] = parse(ics);
    expect(ev.summary).to.equal('Industrial Parks: A Platform for Cooperation between Russia and China');
    expect(calendarLink('x', 'a/b:c').download).to.equal('a-b-c.ics');
  });

  it('writes no URL line for an unsafe link', () => {
    const ics = buildCalendar([event({ url: 'javascript:alert(1)' })], { stamp: 0 });
    expect(ics).not.to.contain('URL:');
  });
});
