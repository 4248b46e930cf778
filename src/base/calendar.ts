// "Add to calendar": an RFC 5545 iCalendar file for feed sessions, built in the browser, and the
// link that offers it. Pure functions: no DOM, no side effects, so cards, the programme and tests
// share them.
//
// Times are written in the forum's zone (DTSTART;TZID=Asia/Vladivostok:…) with a VTIMEZONE that
// is derived from the browser's own zone data for exactly the instants in the file, so the file
// is self-contained and every instant is exact even in a client that does not know the zone name.
// A zone the browser cannot resolve (or a name unsafe in a parameter) falls back to UTC.
//
// The file is offered as a `data:text/calendar` link with `download`: no object URL to revoke,
// it works from a plain click, right-click "save as" and keyboard, and Content-Security-Policy
// governs no anchor navigation or download (the guides' strict policy is checked in the e2e tests).
import type { Feed, Session, Text } from '../feed/types.js';
import { pickText } from '../feed/text.js';
import { safeUrl } from '../feed/url.js';
import { VERSION } from '../version.js';
import { intl } from './intl.js';
import { colon, comma, enumComma } from '../i18n/typography.js';

/** One VEVENT, with texts already resolved for the reader's language. */
export interface CalendarEvent {
  /** Globally unique and stable across downloads, so a second import updates the first. */
  uid: string;
  /** Instants, ms since the epoch. */
  start: number;
  end: number;
  /** IANA zone the times are written in; UTC when absent or unknown to the browser. */
  timeZone?: string;
  summary: string;
  /** BCP 47 tag of `summary`/`description` (the LANGUAGE parameter). */
  lang?: string;
  location?: string;
  url?: string;
  description?: string;
  cancelled?: boolean;
}

export interface CalendarOptions {
  /** DTSTAMP: when the information was last revised (the feed's `updated`); default now. */
  stamp?: number;
}

const CRLF = '\r\n';
const encoder = new TextEncoder();

/** TEXT value escaping (RFC 5545 3.3.11): \ ; , and line breaks; other controls are dropped. */
export function escapeText(s: string): string {
  return s
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
    .replace(/[\\;,]/g, (c) => '\\' + c)
    .replace(/\n/g, '\\n');
}

/**
 * Folds one content line to lines of at most 75 octets (RFC 5545 3.1): CRLF plus a space, and
 * never inside a UTF-8 sequence (the loop steps by code point, so a surrogate pair stays whole).
 */
export function foldLine(line: string): string {
  if (encoder.encode(line).length <= 75) return line;
  let out = '';
  let width = 0;
  let limit = 75;
  for (const ch of line) {
    const n = encoder.encode(ch).length;
    if (width + n > limit) {
      out += CRLF + ' ';
      width = 1;
      limit = 75;
    }
    out += ch;
    width += n;
  }
  return out;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** 20250519T040000Z */
const utcStamp = (t: number) => {
  const d = new Date(t);
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`;
};

// Through the shared bounded cache (intl.ts): zone names come from feeds.
const WALL_CLOCK = {
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
} as const;
const zoneFormat = (tz: string) => intl(Intl.DateTimeFormat, 'en-US', WALL_CLOCK, tz);

/** Wall-clock fields of instant `t` in zone `tz`. */
function wall(tz: string, t: number) {
  const p: Record<string, number> = {};
  for (const { type, value } of zoneFormat(tz).formatToParts(t)) if (type !== 'literal') p[type] = Number(value);
  return p as { year: number; month: number; day: number; hour: number; minute: number; second: number };
}

/** The zone's UTC offset at `t`, in minutes. */
function offsetAt(tz: string, t: number): number {
  const w = wall(tz, t);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return Math.round((asUtc - Math.floor(t / 1000) * 1000) / 60_000);
}

/** 20250519T140000: the local time of `t` at the given offset. */
const localStamp = (t: number, offset: number) => utcStamp(t + offset * 60_000).slice(0, -1);

/** +1000, -0330 */
const offsetText = (m: number) => `${m < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(m) / 60))}${pad(Math.abs(m) % 60)}`;

/**
 * True when `t`'s wall-clock time happens twice in the zone (the hour repeated when clocks go
 * back). RFC 5545 3.3.5 says a local time means its first occurrence, but clients differ (ical.js
 * takes the second), so either occurrence is written in UTC, which every client reads alike.
 */
function ambiguousWallTime(tz: string, t: number): boolean {
  const o = offsetAt(tz, t);
  for (const near of [t - 86_400_000, t + 86_400_000]) {
    const other = offsetAt(tz, near);
    if (other !== o && offsetAt(tz, t + (o - other) * 60_000) === other) return true;
  }
  return false;
}

/** The zone name if the browser knows it and it is safe as a bare parameter value. */
function usableZone(tz: string | undefined): string | undefined {
  if (!tz || !/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(tz) || /^(UTC|Etc\/UTC|GMT|Z)$/i.test(tz)) return undefined;
  try {
    zoneFormat(tz);
    return tz;
  } catch {
    return undefined;
  }
}

/**
 * A VTIMEZONE that is right for every instant in `times`: the offset before the first, then each
 * change between consecutive instants, found by bisection to the second (zone rules change on
 * whole minutes, so the result is exact).
 */
function vtimezone(tz: string, times: number[]): string[] {
  const sorted = [...new Set(times)].sort((a, b) => a - b);
  const rules: { at: number; from: number; to: number }[] = [];
  const first = offsetAt(tz, sorted[0]);
  rules.push({ at: Date.UTC(1970, 0, 1) - first * 60_000, from: first, to: first });
  for (let i = 1; i < sorted.length; i++) {
    let lo = sorted[i - 1];
    let hi = sorted[i];
    const a = offsetAt(tz, lo);
    const b = offsetAt(tz, hi);
    if (a === b) continue;
    while (hi - lo > 1000) {
      const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
      if (offsetAt(tz, mid) === a) lo = mid;
      else hi = mid;
    }
    rules.push({ at: hi, from: a, to: b });
  }
  const out = ['BEGIN:VTIMEZONE', `TZID:${tz}`];
  for (const r of rules) {
    const kind = r.to > r.from ? 'DAYLIGHT' : 'STANDARD';
    // An observance's DTSTART is local time in the offset in force before it (TZOFFSETFROM).
    out.push(
      `BEGIN:${kind}`,
      `DTSTART:${localStamp(r.at, r.from)}`,
      `TZOFFSETFROM:${offsetText(r.from)}`,
      `TZOFFSETTO:${offsetText(r.to)}`,
      `END:${kind}`,
    );
  }
  out.push('END:VTIMEZONE');
  return out;
}

/** The text of an .ics file (CRLF lines, folded) holding `events`. */
export function buildCalendar(events: CalendarEvent[], options: CalendarOptions = {}): string {
  const stamp = utcStamp(options.stamp ?? Date.now());
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:-//forum-widgets//forum-widgets ${VERSION}//EN`, 'CALSCALE:GREGORIAN'];
  // One VTIMEZONE per zone, covering all its events' instants.
  const zones = new Map<string, number[]>();
  for (const e of events) {
    const tz = usableZone(e.timeZone);
    if (tz) zones.set(tz, [...(zones.get(tz) ?? []), e.start, e.end]);
  }
  for (const [tz, times] of zones) lines.push(...vtimezone(tz, times));
  for (const e of events) {
    const tz = usableZone(e.timeZone);
    const time = (name: string, t: number) =>
      tz && !ambiguousWallTime(tz, t) ? `${name};TZID=${tz}:${localStamp(t, offsetAt(tz, t))}` : `${name}:${utcStamp(t)}`;
    const lang = e.lang && /^[A-Za-z0-9-]+$/.test(e.lang) ? `;LANGUAGE=${e.lang}` : '';
    lines.push('BEGIN:VEVENT', `UID:${escapeText(e.uid)}`, `DTSTAMP:${stamp}`, time('DTSTART', e.start), time('DTEND', e.end));
    lines.push(`SUMMARY${lang}:${escapeText(e.summary)}`);
    if (e.location) lines.push(`LOCATION${lang}:${escapeText(e.location)}`);
    if (e.description) lines.push(`DESCRIPTION${lang}:${escapeText(e.description)}`);
    // A URI value is not TEXT-escaped; safeUrl() leaves only a parsed http(s) href (no spaces or controls).
    const url = safeUrl(e.url);
    if (url) lines.push(`URL:${url}`);
    lines.push(`STATUS:${e.cancelled ? 'CANCELLED' : 'CONFIRMED'}`, 'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join(CRLF) + CRLF;
}

/** "Конференц-зал 2, Хабаровск"; "第二会议厅，哈巴罗夫斯克" (full-width comma in Chinese). */
export function joinPlaces(parts: (string | undefined)[], locale: string): string {
  return parts.filter(Boolean).join(comma(locale));
}

export interface SessionEventOptions {
  /** The reader's UI locale: texts are picked for it like the widgets pick them. */
  locale: string;
  /** Localized label before the speakers' names in the description ("Speakers"); omitted when absent. */
  speakersLabel?: string;
}

/**
 * The calendar event of one feed session: title, the forum's zone, venue and the forum's place,
 * the session's page (else the forum's), and a description of summary, speakers and forum.
 * UID is `<session id>.<forum id>@forum-widgets`: the same session from the same forum is the
 * same event wherever the reader downloads it.
 */
export function sessionEvent(feed: Feed, s: Session, { locale, speakersLabel }: SessionEventOptions): CalendarEvent {
  const pick = (t: Text | undefined) => pickText(t, locale, feed.defaultLanguage);
  const title = pick(s.title)!;
  const people = new Map(feed.people.map((p) => [p.id, p]));
  const names = (s.speakers ?? []).map((id) => pick(people.get(id)?.name)?.text).filter((n): n is string => !!n);
  const url = safeUrl(s.url) ?? safeUrl(feed.forum.url);
  const forum = pick(feed.forum.name)?.text;
  const description = [
    pick(s.summary)?.text,
    names.length ? (speakersLabel ? speakersLabel + colon(locale) : '') + names.join(enumComma(locale)) : undefined,
    forum,
  ]
    .filter(Boolean)
    .join('\n\n');
  return {
    uid: `${s.id}.${feed.forum.id}@forum-widgets`,
    start: Date.parse(s.start),
    end: Date.parse(s.end),
    timeZone: feed.forum.timeZone,
    summary: title.text,
    lang: title.lang,
    location: joinPlaces([pick(s.venue)?.text, pick(feed.forum.location)?.text], locale) || undefined,
    url,
    description: description || undefined,
    cancelled: s.status === 'cancelled',
  };
}

/** The feed's `updated` instant, the right DTSTAMP for its events; undefined when absent. */
export function feedStamp(feed: Feed): number | undefined {
  const t = feed.updated ? Date.parse(feed.updated) : NaN;
  return Number.isFinite(t) ? t : undefined;
}

/** The `href` prefix of every calendar link; by itself, an empty file. */
export const CALENDAR_HREF = 'data:text/calendar;charset=utf-8,';

/** The file name an .ics link offers for `name` (a session id): `<name>.ics`, safe characters only. */
export const calendarFileName = (name: string) => `${name.replace(/[^\p{L}\p{N}._-]+/gu, '-') || 'event'}.ics`;

/** `href` and `download` of the link that offers an .ics file: `<a href=… download=…>`. */
export function calendarLink(ics: string, name: string): { href: string; download: string } {
  return { href: CALENDAR_HREF + encodeURIComponent(ics), download: calendarFileName(name) };
}

/** The link for one session: `<session id>.ics`, times in the forum's zone. */
export function sessionCalendarLink(feed: Feed, s: Session, options: SessionEventOptions): { href: string; download: string } {
  return calendarLink(buildCalendar([sessionEvent(feed, s, options)], { stamp: feedStamp(feed) }), s.id);
}
