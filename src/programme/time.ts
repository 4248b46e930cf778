// Times and dates as the programme writes them, in the forum's zone, with the shared formatter
// cache (a programme formats hundreds of times per render).
import { intl } from '../base/intl.js';

const fmt = (locale: string, timeZone: string, o: Intl.DateTimeFormatOptions) => intl(Intl.DateTimeFormat, locale, o, timeZone);

const HM: Intl.DateTimeFormatOptions = { hour: 'numeric', minute: '2-digit' };

/** "10:00" (or "10:00 AM") */
export const hm = (loc: string, tz: string, t: number) => fmt(loc, tz, HM).format(t);

const DAY_HM: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', ...HM };
// formatRange costs ~60 µs, and a long day is rendered again at each of its steps; sessions of
// a slot share their times. Bounded: instants come from feeds.
const ranges = new Map<string, string>();
/** "10:00–11:30"; a range over midnight gets its dates. */
export const range = (loc: string, tz: string, a: number, b: number, withDay = false) => {
  const k = `${loc} ${tz} ${a} ${b} ${withDay}`;
  let v = ranges.get(k);
  if (v === undefined) {
    if (ranges.size >= 4000) ranges.clear();
    ranges.set(k, (v = fmt(loc, tz, withDay ? DAY_HM : HM).formatRange(a, b)));
  }
  return v;
};

/** "Monday, 19 May" for a YYYY-MM-DD day (noon UTC is that day in every zone up to ±12 h). */
export const longDay = (loc: string, day: string) =>
  fmt(loc, 'UTC', { weekday: 'long', day: 'numeric', month: 'long' }).format(Date.parse(`${day}T12:00:00Z`));

/** "Mon, 19 May": a tab's label. */
export const shortDay = (loc: string, day: string) =>
  fmt(loc, 'UTC', { weekday: 'short', day: 'numeric', month: 'long' }).format(Date.parse(`${day}T12:00:00Z`));

/** "UTC+10", "UTC+5:30": the zone's offset at that instant, the same in every locale. */
export const utc = (tz: string, t: number) =>
  fmt('en', tz, { timeZoneName: 'shortOffset' })
    .formatToParts(t)
    .find((p) => p.type === 'timeZoneName')!
    .value.replace('GMT', 'UTC');

let browserZone: string | undefined;
/** The reader's zone, asked of the browser once. */
export const readerZone = () => (browserZone ??= Intl.DateTimeFormat().resolvedOptions().timeZone);
