// What <forum-programme> derives from a feed, once per feed object: sessions parsed and in time
// order with their day in the forum's zone, the forum's days, the venues in programme order, and
// lower-cased texts for the filters and the search. Pure functions, no DOM.
import type { Feed, Session, Text } from '../feed/types.js';
import { intl } from '../base/intl.js';

export interface Item {
  s: Session;
  /** Start and end, ms since epoch. */
  a: number;
  b: number;
  /** The session's day in the forum's zone, YYYY-MM-DD. */
  day: string;
  /** Key of its venue ('' when it has none): the venue text in the feed's default language. */
  venue: string;
  /**
   * Its texts lower-cased for the filters, made on first use: normalizing every session of a big
   * programme up front is a long task (40 ms for 3,800), and the first screen needs none of it.
   */
  lc(): Keys;
}

export interface Keys {
  /** Every language's venue and track text, trimmed and lower-cased, for the attribute filters. */
  venues: string[];
  tracks: string[];
  /** Titles and people's names in every language, lower-cased, for the reader's search. */
  haystack: string;
}

export interface Programme {
  items: Item[];
  /** The forum's days (startDate..endDate, plus any day a session falls on), in order. */
  days: string[];
  /** Venue keys in the order their first session starts (the hall that opens the forum first). */
  venueOrder: string[];
  /** A venue key's Text, for showing it in the reader's language. */
  venueText: Map<string, Text>;
}

/** Every string of a Text, or none. */
const texts = (t: Text | undefined): string[] => (t === undefined ? [] : typeof t === 'string' ? [t] : Object.values(t));
const norm = (s: string) => s.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
const first = (t: Text, lang: string) => (typeof t === 'string' ? t : (t[lang] ?? Object.values(t)[0] ?? ''));

/** YYYY-MM-DD of instant `t` in zone `tz`. */
export function dayIn(tz: string, t: number): string {
  const f = intl(Intl.DateTimeFormat, 'en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' });
  const p = Object.fromEntries(f.formatToParts(t).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}`;
}

/** The calendar days from `from` to `to` (YYYY-MM-DD), at most a year of them. */
function span(from: string, to: string): string[] {
  const out: string[] = [];
  const end = Date.parse(`${to}T12:00:00Z`);
  for (let t = Date.parse(`${from}T12:00:00Z`); t <= end && out.length < 366; t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

const cache = new WeakMap<Feed, Programme>();

export function programmeOf(feed: Feed): Programme {
  let p = cache.get(feed);
  if (p) return p;
  const tz = feed.forum.timeZone;
  const lang = feed.defaultLanguage;
  let names: Map<string, string> | undefined;
  const keys = (s: Session): Keys => {
    names ??= new Map(feed.people.map((x) => [x.id, texts(x.name).join(' ')]));
    const people = [...(s.speakers ?? []), ...(s.moderators ?? [])].map((id) => names!.get(id) ?? '');
    return { venues: texts(s.venue).map(norm), tracks: texts(s.track).map(norm), haystack: norm([...texts(s.title), ...people].join('\n')) };
  };
  const venueText = new Map<string, Text>();
  // Sessions share start times (slots): one zoned formatting per instant, not per session.
  const dayOf = new Map<number, string>();
  const items = feed.sessions
    .map((s): Item => {
      const a = Date.parse(s.start);
      const venue = s.venue === undefined ? '' : first(s.venue, lang);
      if (s.venue !== undefined && !venueText.has(venue)) venueText.set(venue, s.venue);
      let day = dayOf.get(a);
      if (!day) dayOf.set(a, (day = dayIn(tz, a)));
      let k: Keys | undefined;
      return { s, a, b: Date.parse(s.end), day, venue, lc: () => (k ??= keys(s)) };
    })
    // Time order; sessions starting together keep the feed's order (sort is stable).
    .sort((x, y) => x.a - y.a);
  const days = [...new Set([...span(feed.forum.startDate, feed.forum.endDate), ...items.map((i) => i.day)])].sort();
  const venueOrder = [...new Set(items.map((i) => i.venue))];
  cache.set(feed, (p = { items, days, venueOrder, venueText }));
  return p;
}

/** `"Hall 1|Зал 2"` → normalized values; undefined (no filter) when the attribute is absent or empty. */
export function parseList(attr: string | null | undefined): string[] | undefined {
  const v = attr?.split('|').map(norm).filter(Boolean);
  return v?.length ? v : undefined;
}

/** True when one of `have` (a session's venue or track texts) equals one of `want`. */
export const matches = (have: string[], want: string[] | undefined) => !want || have.some((h) => want.includes(h));

/** The search query as lower-cased words; a session matches when its haystack holds them all. */
export const words = (q: string) => norm(q).split(' ').filter(Boolean);
export const found = (i: Item, w: string[]) => w.every((x) => i.lc().haystack.includes(x));
