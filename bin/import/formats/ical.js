// iCalendar (RFC 5545) as Google Calendar, Outlook, pretalx and frab write it, read by ical.js
// (folded lines, escapes, parameters, DURATION). Zones: a TZID that is an IANA name, a Windows
// name (Outlook) or a vendor-prefixed IANA name is placed with the runtime's IANA database; any
// other TZID falls back to the calendar's own VTIMEZONE rules. Times without a zone ("floating")
// are placed in --time-zone, else the calendar's X-WR-TIMEZONE.
import ICAL from 'ical.js';
import { resolveZone } from '../time.js';
import { describe, httpUrl, nonEmpty, summaryOf } from './common.js';

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

  for (const c of calendars) {
    for (const vevent of c.getAllSubcomponents('vevent')) {
      const ev = new ICAL.Event(vevent);
      const uid = nonEmpty(ev.uid);
      const rid = vevent.getFirstPropertyValue('recurrence-id');
      const where = describe('event', ev.summary, uid);
      if (!uid) {
        warnings.push(`${where}: dropped: it has no UID to recognise it by on the next import`);
        continue;
      }
      const lang = vevent.getFirstProperty('summary')?.getParameter('language');
      if (lang) languages.add(lang);
      if (vevent.hasProperty('rrule')) warnings.push(`${where}: repeats (RRULE): only its first occurrence is imported`);
      const dtstart = vevent.getFirstProperty('dtstart');
      if (!dtstart) {
        warnings.push(`${where}: dropped: it has no DTSTART`);
        continue;
      }
      const place = (prop) => {
        const t = prop.getFirstValue();
        const tzid = prop.getParameter('tzid');
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
      const start = place(dtstart);
      const allDay = dtstart.getFirstValue().isDate;
      const dtend = vevent.getFirstProperty('dtend');
      const end = dtend ? place(dtend) : null;
      let duration;
      const dur = vevent.getFirstPropertyValue('duration');
      if (!dtend && dur) {
        // Weeks and days are calendar days (the same wall time), the rest exact time: RFC 5545 3.3.6.
        const sign = dur.isNegative ? -1 : 1;
        duration = { days: sign * (dur.weeks * 7 + dur.days), ms: sign * ((dur.hours * 60 + dur.minutes) * 60 + dur.seconds) * 1000 };
      }
      const { summary, htmlStripped } = summaryOf(ev.description);
      const categories = vevent.getAllProperties('categories').flatMap((p) => p.getValues()).filter((v) => typeof v === 'string' && v.trim());
      events.push({
        key: rid ? `${uid}@${rid.toString()}` : uid,
        idSource: rid ? `${uid}-${rid.toString()}` : uid,
        where,
        title: nonEmpty(ev.summary) ?? '',
        summary,
        htmlStripped,
        start,
        end,
        allDay,
        duration,
        venue: nonEmpty(ev.location),
        track: categories[0],
        speakers: [],
        moderators: [],
        cancelled: String(vevent.getFirstPropertyValue('status') ?? '').toUpperCase() === 'CANCELLED',
        url: httpUrl(vevent.getFirstPropertyValue('url')),
      });
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
