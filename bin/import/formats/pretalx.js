// pretalx's widget data (…/schedule/widgets/schedule.json, the data its schedule widget reads):
// talks with speaker codes, room and track ids, and names that are either strings or
// {locale: text} maps; breaks have no code. Written from pretalx's Schedule.build_data().
import { resolveZone } from '../time.js';
import { describe, httpUrl, isoTime, nonEmpty, str, summaryOf } from './common.js';

export const isPretalxWidget = (doc) => !!doc && typeof doc === 'object' && Array.isArray(doc.talks) && (Array.isArray(doc.rooms) || Array.isArray(doc.speakers));

/** pretalx locales ("zh-hans", "pt_BR") as BCP 47 tags; a string stays a string. */
function localized(v) {
  if (v == null || typeof v !== 'object') return nonEmpty(v);
  const out = {};
  for (const [k, t] of Object.entries(v)) {
    if (typeof t !== 'string' || !t.trim()) continue;
    try {
      out[Intl.getCanonicalLocales(k.replace(/_/g, '-'))[0]] = t;
    } catch {
      /* not a language tag: skipped */
    }
  }
  return Object.keys(out).length ? out : undefined;
}

export function parsePretalxWidget(doc) {
  const warnings = [];
  const zone = doc.timezone ? resolveZone(doc.timezone) : null;
  if (doc.timezone && !zone) warnings.push(`timezone "${doc.timezone}" is not a time zone this computer knows`);
  const byId = (list) => new Map((Array.isArray(list) ? list : []).filter((x) => x && typeof x === 'object').map((x) => [String(x.id ?? x.code), x]));
  const rooms = byId(doc.rooms);
  const tracks = byId(doc.tracks);
  const speakers = new Map((Array.isArray(doc.speakers) ? doc.speakers : []).filter((s) => s?.code).map((s) => [String(s.code), s]));
  const locales = new Set();
  const events = [];
  for (const t of doc.talks) {
    if (!t || typeof t !== 'object') continue;
    const code = nonEmpty(t.code);
    const where = describe(code ? 'talk' : 'break', typeof t.title === 'string' ? t.title : localized(t.title), code ?? t.id);
    const start = isoTime(str(t.start), zone ?? undefined);
    // A break has no code; its slot id changes with every schedule release, its time and room do not.
    const key = code ?? (start && 'ms' in start ? `break-${new Date(start.ms).toISOString().slice(0, 16).replace(/\D/g, '')}-${t.room ?? ''}` : undefined);
    if (!key) {
      warnings.push(`${where}: dropped: it has neither a code nor a time`);
      continue;
    }
    if (nonEmpty(t.content_locale)) locales.add(t.content_locale);
    const { summary, htmlStripped } = summaryOf(typeof t.abstract === 'string' ? t.abstract : undefined);
    const room = rooms.get(String(t.room));
    const track = tracks.get(String(t.track));
    events.push({
      key,
      where,
      title: localized(t.title) ?? '',
      summary,
      htmlStripped,
      start,
      end: isoTime(str(t.end), zone ?? undefined),
      durationMs: typeof t.duration === 'number' ? t.duration * 60_000 : undefined,
      venue: room ? localized(room.name) : undefined,
      track: track ? localized(track.name) : undefined,
      speakers: (Array.isArray(t.speakers) ? t.speakers : []).map((c) => {
        const s = speakers.get(String(c)) ?? {};
        return { key: String(c), name: nonEmpty(s.name) ?? String(c), photo: httpUrl(s.avatar) };
      }),
      moderators: [],
      cancelled: /cancel|withdrawn/i.test(str(t.state) ?? ''),
    });
  }
  return {
    format: 'pretalx widget data',
    lang: locales.size === 1 ? [...locales][0] : undefined,
    timeZone: zone ?? undefined,
    forum: { startDate: str(doc.event_start), endDate: str(doc.event_end) },
    events,
    warnings,
  };
}
