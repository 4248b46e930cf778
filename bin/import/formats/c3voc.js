// c3voc schedule.json as frab, pretalx and the CCC hub write it
// (https://c3voc.de/schedule/schema.json): the classic shape, conference.days[].rooms{name: events},
// and the newer one (schema2) with schedule.events and schedule.persons at the top.
import { resolveZone, parseClockDuration } from '../time.js';
import { describe, httpUrl, joinTitle, isoTime, isStreamLink, nonEmpty, str, summaryOf } from './common.js';

export const isC3voc = (doc) => !!doc && typeof doc === 'object' && !!doc.schedule?.conference;

export function parseC3voc(doc) {
  const schedule = doc.schedule;
  const conf = schedule.conference ?? {};
  const warnings = [];
  const zone = conf.time_zone_name ? resolveZone(conf.time_zone_name) : null;
  if (conf.time_zone_name && !zone) warnings.push(`conference.time_zone_name "${conf.time_zone_name}" is not a time zone this computer knows`);
  const base = httpUrl(schedule.base_url);

  // schema2: people listed once at the top, events name them by guid.
  const persons = new Map();
  for (const p of Array.isArray(schedule.persons) ? schedule.persons : []) {
    const key = personKey(p);
    if (key) persons.set(key, p);
  }
  const rawEvents = [];
  if (Array.isArray(schedule.events)) {
    rawEvents.push(...schedule.events);
  } else {
    for (const day of Array.isArray(conf.days) ? conf.days : []) {
      for (const [roomName, list] of Object.entries(day?.rooms ?? {})) {
        for (const ev of Array.isArray(list) ? list : []) rawEvents.push({ ...ev, room: ev?.room ?? roomName });
      }
    }
  }
  const rooms = new Map((Array.isArray(conf.rooms) ? conf.rooms : []).map((r) => [r?.guid, r]));
  const tracks = Array.isArray(conf.tracks) ? conf.tracks : [];

  const languages = new Set();
  const events = [];
  for (const ev of rawEvents) {
    if (!ev || typeof ev !== 'object') continue;
    const key = nonEmpty(ev.guid) ?? nonEmpty(ev.code) ?? (ev.id != null ? String(ev.id) : undefined);
    const where = describe('event', ev.title, ev.code ?? ev.guid ?? ev.id);
    if (!key) {
      warnings.push(`${where}: dropped: it has no guid, code or id to recognise it by on the next import`);
      continue;
    }
    if (nonEmpty(ev.language)) languages.add(ev.language);
    // Classic: "date" is the start with its offset; schema2: "start" is. "start" in the
    // classic shape is only the wall time ("10:00").
    const start = isoTime(ev.date, zone ?? undefined) ?? isoTime(ev.start, zone ?? undefined);
    const end = isoTime(ev.end, zone ?? undefined);
    const durationMs = parseClockDuration(ev.duration) ?? undefined;
    const room = typeof ev.room === 'object' && ev.room ? rooms.get(ev.room.guid)?.name ?? ev.room.name : ev.room;
    const track = typeof ev.track === 'object' && ev.track ? tracks.find((t) => t?.slug === ev.track.slug || (ev.track.guid && t?.guid === ev.track.guid))?.name ?? ev.track.name : ev.track;
    const title = joinTitle(nonEmpty(ev.title), nonEmpty(ev.subtitle));
    const { summary, htmlStripped } = summaryOf(ev.abstract, ev.description);
    const people = (Array.isArray(ev.participants) ? ev.participants : Array.isArray(ev.persons) ? ev.persons : [])
      .filter((p) => p && typeof p === 'object')
      .map((p) => ({ role: String(p.role ?? 'speaker').toLowerCase(), person: person({ ...persons.get(personKey(p)), ...p }, base) }));
    const links = Array.isArray(ev.links) ? ev.links : [];
    const stream = links.filter((l) => l && typeof l === 'object' && isStreamLink(l)).map((l) => httpUrl(l.url, base)).find(Boolean);
    events.push({
      key,
      keys: [nonEmpty(ev.guid), nonEmpty(ev.code), ev.id != null ? String(ev.id) : undefined].filter(Boolean),
      idSource: nonEmpty(ev.code) ?? (ev.id != null ? String(ev.id) : key),
      where,
      title,
      summary,
      htmlStripped,
      start,
      end,
      durationMs,
      venue: nonEmpty(room),
      track: nonEmpty(track),
      speakers: people.filter((p) => !/moderat|host|chair|модератор/.test(p.role)).map((p) => p.person),
      moderators: people.filter((p) => /moderat|host|chair|модератор/.test(p.role)).map((p) => p.person),
      cancelled: /cancel|withdrawn/i.test(str(ev.state) ?? str(ev.status) ?? ''),
      url: httpUrl(ev.url, base),
      stream,
    });
  }
  const declared = Array.isArray(conf.languages) && conf.languages.length === 1 ? conf.languages[0] : undefined;
  return {
    format: schedule.events ? 'c3voc schedule.json (schema2)' : 'c3voc schedule.json',
    lang: declared ?? (languages.size === 1 ? [...languages][0] : undefined),
    timeZone: zone ?? undefined,
    forum: {
      id: nonEmpty(conf.acronym),
      name: nonEmpty(conf.title),
      url: httpUrl(conf.url),
      startDate: str(conf.start),
      endDate: str(conf.end),
    },
    events,
    warnings,
  };
}

function personKey(p) {
  if (!p || typeof p !== 'object') return undefined;
  const k = nonEmpty(p.guid) ?? nonEmpty(p.code) ?? (p.id != null ? String(p.id) : undefined);
  return k;
}

function person(p, base) {
  const avatar = typeof p.avatar === 'object' && p.avatar ? p.avatar.url : p.avatar;
  return {
    key: personKey(p),
    keys: [nonEmpty(p.guid), nonEmpty(p.code), p.id != null ? String(p.id) : undefined].filter(Boolean),
    idSource: nonEmpty(p.code) ?? (p.id != null ? String(p.id) : nonEmpty(p.guid)),
    name: nonEmpty(p.name) ?? nonEmpty(p.public_name) ?? nonEmpty(p.full_public_name) ?? '',
    photo: httpUrl(avatar, base),
  };
}
