// From parsed programmes (one per input, one language each) to a forum feed: times placed in
// the forum's zone, the languages merged by the events' own ids, people de-duplicated, stable
// feed ids, and the rest of a --base feed kept. Every event dropped or changed gets a warning.
import { feedId, uniqueIds } from './ids.js';
import { addDays, dateInZone, formatInZone, parseIsoDateTime, zonedInstant } from './time.js';
import { oneLine } from './text.js';

/** An input that cannot become a feed: exit status 1, one message naming what to do. */
export class ImportError extends Error {}

const MINUTE = 60_000;

/** A text as a language map, from a plain string in `lang` or an export's own map. */
function ltext(value, lang) {
  if (value == null) return {};
  if (typeof value === 'object') {
    const out = {};
    // "" is the input's own language (a CSV column without a :LANG suffix).
    for (const [k, v] of Object.entries(value)) if (typeof v === 'string' && v.trim()) out[k === '' ? lang : k] = v;
    return out;
  }
  const s = String(value);
  return s.trim() ? { [lang]: s } : {};
}
const hasText = (t) => Object.keys(t).length > 0;
const addText = (into, from) => {
  for (const [k, v] of Object.entries(from)) if (!(k in into)) into[k] = v;
};

/** A feed Text: a plain string when only the default language has it. */
function feedText(t, defaultLanguage) {
  const keys = Object.keys(t);
  if (keys.length === 1 && keys[0] === defaultLanguage) return t[defaultLanguage];
  return { ...t };
}

const nameKey = (name) => oneLine(name).normalize('NFKC').toLowerCase();

/**
 * @param {Array<{ programme: object, lang: string, label: string }>} inputs in the order given
 * @param {{ timeZone?: string, base?: object, defaultDuration: number, forumId?: string, forumName?: string, forumUrl?: string }} opts
 * @returns {{ feed: object, warnings: string[], stats: object }}
 */
export function buildFeed(inputs, opts) {
  const warnings = [];
  const warn = (label, where, message) => warnings.push(`${label}: ${where ? where + ': ' : ''}${message}`);
  for (const { programme, label } of inputs) for (const w of programme.warnings ?? []) warn(label, '', w);

  const base = opts.base;
  const exportZone = inputs.find((i) => i.programme.timeZone)?.programme.timeZone;
  const forumZone = exportZone ?? opts.timeZone ?? base?.forum?.timeZone;
  if (!forumZone) {
    throw new ImportError(
      `${inputs.map((i) => i.label).join(', ')}: the export does not say the forum's time zone: give it with --time-zone, e.g. --time-zone Asia/Vladivostok`,
    );
  }
  const floatingZone = opts.timeZone ?? forumZone;
  if (exportZone && opts.timeZone && opts.timeZone !== exportZone) {
    warn('--time-zone', '', `the export says the forum is in ${exportZone}, so that is the feed's zone; ${opts.timeZone} is used only for times the export gives without a zone`);
  }
  const defaultLanguage = base?.defaultLanguage ?? inputs[0].lang;

  // 1. Each input's events with exact instants; the unusable ones dropped with the reason.
  const merged = new Map(); // match key -> merged event
  const order = [];
  for (const { programme, lang, label } of inputs) {
    const seen = new Set();
    // HTML made text is one line per export (a pretalx or frab export has it in every abstract).
    const htmlIn = [];
    for (const ev of programme.events) {
      const where = ev.where;
      if (seen.has(ev.key)) {
        warn(label, where, `dropped: a second event with the same id (${ev.key})`);
        continue;
      }
      seen.add(ev.key);
      const title = ltext(typeof ev.title === 'string' ? oneLine(ev.title) : ev.title, lang);
      if (!hasText(title)) {
        warn(label, where, 'dropped: it has no title');
        continue;
      }
      const place = (t, what) => {
        if (!t) return null;
        if ('ms' in t) return t.ms;
        const zone = t.zone ?? floatingZone;
        const r = zonedInstant(t.wall, zone);
        if (r.gap) warn(label, where, `its ${what} ${fmtWall(t.wall)} does not exist in ${zone} (the clocks skip it), read as ${formatInZone(r.ms, zone)}`);
        return r.ms;
      };
      const start = place(ev.start, 'start');
      if (start == null || Number.isNaN(start)) {
        warn(label, where, 'dropped: it has no start time');
        continue;
      }
      let end = place(ev.end, 'end');
      const duration = ev.duration ?? (ev.durationMs != null ? { days: 0, ms: ev.durationMs } : null);
      if (end == null && duration) {
        // Whole days are calendar days (the same wall time, whatever DST does), the rest exact.
        end = (duration.days && ev.start.wall ? place({ wall: addDays(ev.start.wall, duration.days), zone: ev.start.zone }, 'end') : start + duration.days * 86_400_000) + duration.ms;
      }
      if (end == null && ev.allDay && ev.start.wall) end = place({ wall: addDays(ev.start.wall, 1), zone: ev.start.zone }, 'end');
      if (end == null || end === start) {
        end = start + opts.defaultDuration * MINUTE;
        warn(label, where, `it has no end: given ${opts.defaultDuration} min (--default-duration to change)`);
      }
      if (end <= start) {
        warn(label, where, `dropped: it ends (${formatInZone(end, forumZone)}) before it starts (${formatInZone(start, forumZone)})`);
        continue;
      }
      if (ev.htmlStripped) htmlIn.push(where);
      // Any id the event shares with one already read is the same event (a pretalx talk is its
      // guid in schedule.json and its code in the widget data).
      const ids = [ev.key, ...(ev.keys ?? [])];
      let m = ids.map((k) => merged.get(k)).find(Boolean);
      if (!m) {
        m = {
          key: ev.key,
          idSource: ev.idSource ?? ev.key,
          start,
          end,
          title: {},
          summary: {},
          venue: {},
          track: {},
          speakers: [],
          moderators: [],
          cancelled: false,
          url: ev.url,
          stream: ev.stream,
          firstLabel: label,
          where,
          langs: new Set(),
        };
        order.push(m);
      } else if (m.start !== start || m.end !== end) {
        warn(label, where, `its time differs from ${m.firstLabel} (${formatInZone(m.start, forumZone)}): kept that one`);
      }
      for (const k of ids) if (!merged.has(k)) merged.set(k, m);
      m.langs.add(lang);
      addText(m.title, title);
      addText(m.summary, ltext(ev.summary, lang));
      addText(m.venue, ltext(typeof ev.venue === 'string' ? oneLine(ev.venue) : ev.venue, lang));
      addText(m.track, ltext(typeof ev.track === 'string' ? oneLine(ev.track) : ev.track, lang));
      m.url ??= ev.url;
      m.stream ??= ev.stream;
      m.cancelled ||= !!ev.cancelled;
      for (const role of ['speakers', 'moderators']) {
        (m[`${role}In`] ??= []).push({ lang, label, list: ev[role] ?? [] });
      }
    }
    if (htmlIn.length) {
      const shown = htmlIn.slice(0, 3).join('; ');
      warn(label, '', `HTML in the descriptions of ${htmlIn.length} event${htmlIn.length === 1 ? '' : 's'} made plain text: ${shown}${htmlIn.length > 3 ? ` and ${htmlIn.length - 3} more` : ''}`);
    }
  }

  // 2. Events some exports lack: kept, in the languages that have them.
  if (inputs.length > 1) {
    for (const m of order) {
      const missing = inputs.filter((i) => !m.langs.has(i.lang)).map((i) => i.label);
      if (missing.length) warn(missing.join(', '), m.where, `not in this export: kept with ${[...m.langs].join(', ')} text only`);
    }
  }

  // 3. People: one per source id, else per name; across languages the same position in the
  // same event's list is the same person when the export has no ids.
  const people = new Map(); // person key -> { key, idSource, name: LText, ... }
  const alias = new Map(); // lang-scoped key -> person key
  const personFor = (p, lang, sameSlot) => {
    const name = typeof p.name === 'string' ? oneLine(p.name) : p.name;
    const names = ltext(name, lang);
    if (!hasText(names)) return null;
    // A person's ids (guid, code, id): the first one already known names them.
    const ids = [p.key, ...(p.keys ?? [])].filter(Boolean).map((k) => `id:${k}`);
    const own = ids.length ? (ids.map((k) => alias.get(k)).find(Boolean) ?? ids[0]) : null;
    if (own) for (const k of ids) if (!alias.has(k)) alias.set(k, own);
    const byName = `name:${lang}:${nameKey(Object.values(names)[0])}`;
    let key = own ? own : alias.get(byName);
    if (!key && sameSlot) key = sameSlot;
    if (!key) key = own ?? byName;
    if (!own) alias.set(byName, key);
    let person = people.get(key);
    if (!person) {
      person = { key, idSource: p.idSource ?? p.key ?? Object.values(names)[0], name: {}, position: {}, organization: {} };
      people.set(key, person);
    }
    addText(person.name, names);
    addText(person.position, ltext(p.position, lang));
    addText(person.organization, ltext(p.organization, lang));
    person.photo ??= p.photo;
    return key;
  };
  for (const m of order) {
    for (const role of ['speakers', 'moderators']) {
      const keys = [];
      for (const { lang, list } of m[`${role}In`]) {
        list.forEach((p, i) => {
          const key = personFor(p, lang, keys[i]);
          if (key && !keys.includes(key)) keys.push(key);
        });
      }
      m[role] = keys;
    }
  }

  // 4. Stable ids from the sources' own ids.
  const sessionIds = uniqueIds(new Map(order.map((m) => [m.key, feedId(m.idSource, 's')])));
  const personIds = uniqueIds(new Map([...people.values()].map((p) => [p.key, feedId(p.idSource, 'p')])));

  // 5. The feed.
  order.sort((a, b) => a.start - b.start || a.end - b.end || sessionIds.get(a.key).localeCompare(sessionIds.get(b.key)));
  const sessions = order.map((m) => {
    const s = { id: sessionIds.get(m.key), title: feedText(m.title, defaultLanguage) };
    if (hasText(m.summary)) s.summary = feedText(m.summary, defaultLanguage);
    s.start = formatInZone(m.start, forumZone);
    s.end = formatInZone(m.end, forumZone);
    if (hasText(m.venue)) s.venue = feedText(m.venue, defaultLanguage);
    if (hasText(m.track)) s.track = feedText(m.track, defaultLanguage);
    if (m.speakers.length) s.speakers = m.speakers.map((k) => personIds.get(k));
    if (m.moderators.length) s.moderators = m.moderators.map((k) => personIds.get(k));
    if (m.cancelled) s.status = 'cancelled';
    if (m.url) s.url = m.url;
    if (m.stream) s.stream = m.stream;
    return s;
  });
  const used = [];
  for (const m of order) for (const k of [...m.speakers, ...m.moderators]) if (!used.includes(k)) used.push(k);
  let feedPeople = used.map((k) => {
    const p = people.get(k);
    const out = { id: personIds.get(k), name: feedText(p.name, defaultLanguage) };
    if (hasText(p.position)) out.position = feedText(p.position, defaultLanguage);
    if (hasText(p.organization)) out.organization = feedText(p.organization, defaultLanguage);
    if (p.photo) out.photo = p.photo;
    return out;
  });

  const forumInfo = inputs.find((i) => i.programme.forum?.name)?.programme.forum ?? inputs[0].programme.forum ?? {};
  const first = sessions.length ? Math.min(...order.map((m) => m.start)) : null;
  const last = sessions.length ? Math.max(...order.map((m) => m.end - 1)) : null;
  // The export's own conference dates when it has them, widened to hold every session.
  const asDate = (v) => {
    const t = parseIsoDateTime(v);
    return t && 'ms' in t ? dateInZone(t.ms, forumZone) : typeof v === 'string' ? v.slice(0, 10) : undefined;
  };
  const dates = [asDate(forumInfo.startDate), asDate(forumInfo.endDate), first != null && dateInZone(first, forumZone), last != null && dateInZone(last, forumZone)]
    .filter((d) => typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d))
    .sort();
  const startDate = dates[0];
  const endDate = dates.at(-1);
  if (!startDate || !endDate) throw new ImportError(`${inputs.map((i) => i.label).join(', ')}: no event could be imported, so the forum has no dates`);

  let forum;
  if (base) {
    forum = { ...base.forum, timeZone: forumZone, startDate, endDate };
    if (base.forum.timeZone && base.forum.timeZone !== forumZone) {
      warn('--base', 'forum.timeZone', `was ${base.forum.timeZone}, the export says ${forumZone}: changed`);
    }
  } else {
    // The forum's name in every language an export gives it in.
    const names = opts.forumName ? ltext(opts.forumName, defaultLanguage) : {};
    if (!opts.forumName) for (const { programme, lang } of inputs) addText(names, ltext(programme.forum?.name, lang));
    if (!hasText(names)) {
      throw new ImportError(
        `${inputs.map((i) => i.label).join(', ')}: the export does not name the forum: give --forum-name "…" (and --forum-id), or --base feed.json`,
      );
    }
    const id = opts.forumId ?? feedId(forumInfo.id ?? Object.values(names)[0], 'forum');
    forum = { id, name: feedText(names, defaultLanguage), timeZone: forumZone, startDate, endDate };
    if (forumInfo.url) forum.url = forumInfo.url;
  }
  if (opts.forumUrl) forum.url = opts.forumUrl;
  // Without it a partner page whose script is stripped or fails shows the forum's name as plain
  // text, not a link (the configurator warns partners; the organiser can fix it here).
  if (!forum.url) warn('forum.url', '', "none: partners' fallback links will be plain text; give --forum-url https://… (your forum's site)");

  const feed = { version: 1, defaultLanguage, updated: formatInZone(Math.floor((opts.now ?? Date.now()) / 1000) * 1000, forumZone) };
  if (base?.note) feed.note = base.note;
  feed.forum = forum;
  feed.sessions = sessions;
  let quotes = [];
  if (base) {
    // What the programme does not carry is kept from the base feed. People the base's quotes
    // name stay; an imported person keeps the base's position, organisation and photo when the
    // export has none.
    const baseById = new Map((Array.isArray(base.people) ? base.people : []).map((p) => [p?.id, p]));
    feedPeople = feedPeople.map((p) => {
      const old = baseById.get(p.id);
      return old ? { ...old, ...p, ...Object.fromEntries(['position', 'organization', 'photo'].filter((k) => !(k in p) && k in old).map((k) => [k, old[k]])) } : p;
    });
    const ids = new Set(feedPeople.map((p) => p.id));
    const sessionIdSet = new Set(sessions.map((s) => s.id));
    quotes = (Array.isArray(base.quotes) ? base.quotes : []).map((q, i) => {
      if (q && typeof q.session === 'string' && !sessionIdSet.has(q.session)) {
        warn('--base', `quotes[${i}]`, `its session "${q.session}" is no longer in the programme: the quote is kept without it`);
        const { session: _gone, ...rest } = q;
        return rest;
      }
      return q;
    });
    for (const q of quotes) {
      const old = baseById.get(q?.person);
      if (old && !ids.has(old.id)) {
        feedPeople.push(old);
        ids.add(old.id);
      }
    }
  }
  feed.people = feedPeople;
  if (base) {
    // The lists the base has (a base without quotes gets no empty "quotes": [] either).
    if ('quotes' in base) feed.quotes = quotes;
    if ('organizers' in base) feed.organizers = Array.isArray(base.organizers) ? base.organizers : [];
    if ('counters' in base) feed.counters = Array.isArray(base.counters) ? base.counters : [];
    // Nothing changed: keep the base's `updated`, so the file is byte-for-byte the same and
    // partners' revalidations stay 304s.
    if (typeof base.updated === 'string' && canonical({ ...feed, updated: null }) === canonical({ ...base, updated: null })) feed.updated = base.updated;
  }
  return {
    feed,
    warnings,
    stats: { sessions: sessions.length, people: feedPeople.length, languages: textLanguages(feed), zone: forumZone },
  };
}

/** JSON with object keys sorted, to compare two feeds whatever order their keys were written in. */
function canonical(value) {
  return JSON.stringify(value, (_k, v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]])) : v));
}

/** The languages the feed's texts are in, the default first. */
function textLanguages(feed) {
  const found = new Set([feed.defaultLanguage]);
  const visit = (t) => {
    if (t && typeof t === 'object') for (const k of Object.keys(t)) found.add(k);
  };
  visit(feed.forum.name);
  for (const s of feed.sessions) for (const k of ['title', 'summary', 'venue', 'track']) visit(s[k]);
  for (const p of feed.people) visit(p.name);
  return [...found];
}

const p2 = (n) => String(n).padStart(2, '0');
const fmtWall = (w) => `${w.y}-${p2(w.mo)}-${p2(w.d)} ${p2(w.h ?? 0)}:${p2(w.mi ?? 0)}`;

