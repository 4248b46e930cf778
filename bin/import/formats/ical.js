// iCalendar (RFC 5545) as Google Calendar, Outlook, pretalx and frab write it, read by ical.js
// (folded lines, escapes, parameters, DURATION). Zones: a TZID that is an IANA name, a Windows
// name (Outlook) or a vendor-prefixed IANA name is placed with the runtime's IANA database; any
// other TZID falls back to the calendar's own VTIMEZONE rules. Times without a zone ("floating")
// are placed in --time-zone, else the calendar's X-WR-TIMEZONE. A repeating event (RRULE, RDATE,
// EXDATE, changed occurrences) becomes one session per occurrence, by ical.js's expansion.
import ICAL from 'ical.js';
import { resolveZone } from '../time.js';
import { describe, httpUrl, nonEmpty, summaryOf } from './common.js';

/** Occurrences of one repeating event that become sessions, at most. */
const MAX_OCCURRENCES = 500;

export const isICalendar = (text) => /^\s*BEGIN:VCALENDAR/i.test(text);

export function parseICalendar(text) {
  const warnings = [];
  let cal;
  try {
    cal = new ICAL.Component(ICAL.parse(text));
  } catch (e) {
    throw Object.assign(new Error(`is not a readable iCalendar file (${e.message})`), { notAProgramme: true });
  }
  // A file may hold several VCALENDARs; ical.js then returns a list.
  const calendars = Array.isArray(cal.jCal?.[0]) ? cal.jCal.map((j) => new ICAL.Component(j)) : [cal];
  const calZoneName = calendars.map((c) => c.getFirstPropertyValue('x-wr-timezone')).find(Boolean);
  const calZone = calZoneName ? resolveZone(calZoneName) : null;
  if (calZoneName && !calZone) warnings.push(`X-WR-TIMEZONE "${calZoneName}" is not a time zone this computer knows`);
  const zoneVotes = new Map();
  const languages = new Set();
  const events = [];
  const unknownZones = new Set();

  // A time as the builder takes it; `tzid` is the property's TZID parameter.
  const placeTime = (t, tzid, where) => {
    const wall = { y: t.year, mo: t.month, d: t.day, h: t.isDate ? 0 : t.hour, mi: t.isDate ? 0 : t.minute, s: t.isDate ? 0 : t.second };
    if (t.isDate) return { wall };
    if (t.zone === ICAL.Timezone.utcTimezone || (!tzid && t.zone?.tzid === 'UTC')) return { ms: Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second) };
    if (!tzid) return { wall }; // floating
    const zone = resolveZone(tzid);
    if (zone) {
      zoneVotes.set(zone, (zoneVotes.get(zone) ?? 0) + 1);
      return { wall, zone };
    }
    if (t.zone && t.zone.tzid !== 'floating' && t.zone.component) {
      unknownZones.add(tzid);
      return { ms: t.toUnixTime() * 1000 };
    }
    warnings.push(`${where}: TZID "${tzid}" is neither a zone this computer knows nor defined in the file: read as floating time`);
    return { wall };
  };
  const tzidOf = (vevent, name) => vevent.getFirstProperty(name)?.getParameter('tzid');

  /** One programme event from a VEVENT (or an occurrence of one: its own start and end). */
  const toEvent = (vevent, { key, idSource, startTime, endTime, where }) => {
    const ev = new ICAL.Event(vevent);
    const lang = vevent.getFirstProperty('summary')?.getParameter('language');
    if (lang) languages.add(lang);
    const start = placeTime(startTime, tzidOf(vevent, 'dtstart'), where);
    const dtend = vevent.getFirstProperty('dtend');
    let end = null;
    let duration;
    if (endTime) end = placeTime(endTime, tzidOf(vevent, dtend ? 'dtend' : 'dtstart'), where);
    else if (dtend) end = placeTime(dtend.getFirstValue(), dtend.getParameter('tzid'), where);
    else {
      const dur = vevent.getFirstPropertyValue('duration');
      if (dur) {
        // Weeks and days are calendar days (the same wall time), the rest exact time: RFC 5545 3.3.6.
        const sign = dur.isNegative ? -1 : 1;
        duration = { days: sign * (dur.weeks * 7 + dur.days), ms: sign * ((dur.hours * 60 + dur.minutes) * 60 + dur.seconds) * 1000 };
      }
    }
    const { summary, htmlStripped } = summaryOf(ev.description);
    const categories = vevent.getAllProperties('categories').flatMap((p) => p.getValues()).filter((v) => typeof v === 'string' && v.trim());
    return {
      key,
      idSource,
      where,
      title: nonEmpty(ev.summary) ?? '',
      summary,
      htmlStripped,
      start,
      end,
      allDay: startTime.isDate,
      duration,
      venue: nonEmpty(ev.location),
      track: categories[0],
      speakers: [],
      moderators: [],
      cancelled: String(vevent.getFirstPropertyValue('status') ?? '').toUpperCase() === 'CANCELLED',
      url: httpUrl(vevent.getFirstPropertyValue('url')),
    };
  };

  const vevents = calendars.flatMap((c) => c.getAllSubcomponents('vevent'));
  // Changed occurrences of a repeating event (RECURRENCE-ID) belong to their master.
  const masters = new Map();
  for (const v of vevents) if (!v.hasProperty('recurrence-id') && v.getFirstPropertyValue('uid')) masters.set(String(v.getFirstPropertyValue('uid')), v);
  const exceptions = new Map();
  for (const v of vevents) {
    const uid = v.getFirstPropertyValue('uid');
    if (v.hasProperty('recurrence-id') && masters.get(String(uid))?.hasProperty('rrule')) {
      (exceptions.get(String(uid)) ?? exceptions.set(String(uid), []).get(String(uid))).push(v);
    }
  }
  const compact = (t) => t.toString().replace(/[-:]/g, '').toLowerCase();

  for (const vevent of vevents) {
    const summaryText = vevent.getFirstPropertyValue('summary');
    const uid = nonEmpty(vevent.getFirstPropertyValue('uid'));
    const where = describe('event', summaryText, uid);
    if (!uid) {
      warnings.push(`${where}: dropped: it has no UID to recognise it by on the next import`);
      continue;
    }
    const rid = vevent.getFirstPropertyValue('recurrence-id');
    if (rid && exceptions.get(uid)?.includes(vevent)) continue; // read with its master below
    const dtstart = vevent.getFirstProperty('dtstart');
    if (!dtstart) {
      warnings.push(`${where}: dropped: it has no DTSTART`);
      continue;
    }
    if (!vevent.hasProperty('rrule')) {
      events.push(toEvent(vevent, { key: rid ? `${uid}@${rid.toString()}` : uid, idSource: rid ? `${uid}-${compact(rid)}` : uid, startTime: dtstart.getFirstValue(), where }));
      continue;
    }
    // A repeating event: each occurrence is a session (EXDATEs left out, changed ones as changed),
    // up to MAX_OCCURRENCES or two years, whichever comes first.
    const master = new ICAL.Event(vevent);
    for (const x of exceptions.get(uid) ?? []) master.relateException(x);
    const first = dtstart.getFirstValue();
    const until = first.clone();
    until.year += 2;
    const it = master.iterator();
    let n = 0;
    let next;
    while ((next = it.next())) {
      if (next.compare(until) > 0 || n >= MAX_OCCURRENCES) {
        warnings.push(`${where}: repeats without end: its first ${n} occurrences are imported`);
        break;
      }
      n++;
      const d = master.getOccurrenceDetails(next);
      const item = d.item.component;
      const occ = describe('event', item.getFirstPropertyValue('summary'), `${uid} on ${d.recurrenceId.toString().slice(0, 10)}`);
      events.push(toEvent(item, { key: `${uid}@${d.recurrenceId.toString()}`, idSource: `${uid}-${compact(d.recurrenceId)}`, startTime: d.startDate, endTime: d.endDate, where: occ }));
    }
  }
  for (const z of unknownZones) warnings.push(`TZID "${z}" is not a zone name this computer knows: its times were placed with the file's own VTIMEZONE rules`);
  const voted = [...zoneVotes].sort((a, b) => b[1] - a[1])[0]?.[0];
  const name = calendars.map((c) => c.getFirstPropertyValue('x-wr-calname')).find(Boolean);
  return {
    format: 'iCalendar',
    lang: languages.size === 1 ? [...languages][0] : undefined,
    timeZone: calZone ?? voted ?? undefined,
    forum: { name: nonEmpty(name) },
    events,
    warnings,
  };
}
