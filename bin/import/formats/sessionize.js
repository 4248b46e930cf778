// Sessionize's "All" API output (sessions, speakers, questions, categories, rooms). Its times
// are the event's wall-clock times without a zone, so the forum's zone comes from --time-zone.
// The track is the category whose title says so (Track, Трек, Направление, Topic).
import { describe, httpUrl, isoTime, nonEmpty, str, summaryOf } from './common.js';

export const isSessionizeAll = (doc) =>
  !!doc && typeof doc === 'object' && Array.isArray(doc.sessions) && Array.isArray(doc.speakers) && (Array.isArray(doc.rooms) || Array.isArray(doc.categories));

const TRACK = /^(tracks?|трек[иа]?|направлени[ея]|тем[аы]|topics?|streams?|分论坛|专题)$/i;

export function parseSessionize(doc) {
  const warnings = [];
  const rooms = new Map((Array.isArray(doc.rooms) ? doc.rooms : []).map((r) => [String(r?.id), r]));
  const speakers = new Map(doc.speakers.filter((s) => s && typeof s === 'object').map((s) => [String(s.id), s]));
  const trackItems = new Map();
  for (const c of Array.isArray(doc.categories) ? doc.categories : []) {
    if (!TRACK.test(String(c?.title ?? '').trim())) continue;
    for (const item of Array.isArray(c.items) ? c.items : []) trackItems.set(String(item?.id), item?.name);
  }
  const events = [];
  for (const s of doc.sessions) {
    if (!s || typeof s !== 'object') continue;
    const id = s.id != null ? String(s.id) : undefined;
    const where = describe(s.isServiceSession ? 'service session' : 'session', s.title, id);
    if (!id) {
      warnings.push(`${where}: dropped: it has no id`);
      continue;
    }
    const { summary, htmlStripped } = summaryOf(s.description);
    const track = (Array.isArray(s.categoryItems) ? s.categoryItems : []).map((i) => trackItems.get(String(i))).find(Boolean);
    events.push({
      key: id,
      where,
      title: nonEmpty(s.title) ?? '',
      summary,
      htmlStripped,
      start: isoTime(str(s.startsAt)),
      end: isoTime(str(s.endsAt)),
      venue: nonEmpty(rooms.get(String(s.roomId))?.name) ?? nonEmpty(s.room),
      track: nonEmpty(track),
      speakers: (Array.isArray(s.speakers) ? s.speakers : []).map((ref) => {
        // "All" lists speaker ids; the "Sessions" view lists {id, name}.
        const sid = String(typeof ref === 'object' && ref ? ref.id : ref);
        const p = speakers.get(sid) ?? (typeof ref === 'object' ? ref : {});
        const name = nonEmpty(p.fullName) ?? [p.firstName, p.lastName].filter((x) => nonEmpty(x)).join(' ') ?? nonEmpty(p.name);
        return { key: sid, name: name || nonEmpty(p.name) || '', position: nonEmpty(p.tagLine), photo: httpUrl(p.profilePicture) };
      }),
      moderators: [],
      cancelled: /cancel/i.test(str(s.status) ?? ''),
      stream: httpUrl(s.liveUrl),
      url: httpUrl(s.recordingUrl),
    });
  }
  return { format: 'Sessionize "All" JSON', lang: undefined, timeZone: undefined, forum: {}, events, warnings };
}
