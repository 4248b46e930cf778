// frab schedule.xml (the c3voc XSD, schedule.xml.xsd), as frab and pretalx write it:
// schedule > conference, day > room > event. Read with fast-xml-parser; every value is kept as
// a string (a duration "01:30" or an id must not become a number).
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { resolveZone, parseClockDuration } from '../time.js';
import { describe, httpUrl, isoTime, isStreamLink, joinTitle, nonEmpty, str, summaryOf } from './common.js';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  textNodeName: '#text',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  htmlEntities: true,
});

// Repeated elements as lists whatever the parser made of one or none.
const list = (v) => (Array.isArray(v) ? v : v == null || v === '' ? [] : [v]);
const text = (node) => (node == null ? undefined : typeof node === 'object' ? str(node['#text']) : str(node));

export function parseFrab(xml) {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    const { msg, line } = valid.err;
    throw Object.assign(new Error(`is not well-formed XML (line ${line}: ${msg})`), { notAProgramme: true });
  }
  const doc = parser.parse(xml);
  const schedule = doc.schedule;
  if (!schedule || typeof schedule !== 'object') throw Object.assign(new Error('is not a frab schedule.xml (no <schedule> element)'), { notAProgramme: true });
  const conf = schedule.conference ?? {};
  const warnings = [];
  const zoneName = text(conf.time_zone_name);
  const zone = zoneName ? resolveZone(zoneName) : null;
  if (zoneName && !zone) warnings.push(`<time_zone_name>${zoneName}</time_zone_name> is not a time zone this computer knows`);
  const base = httpUrl(text(conf.base_url));
  const languages = new Set();
  const events = [];
  for (const day of list(schedule.day)) {
    for (const room of list(day.room)) {
      for (const ev of list(room.event)) {
        const guid = nonEmpty(ev['@guid']);
        const code = nonEmpty(ev['@code']);
        const id = nonEmpty(ev['@id']);
        const title = text(ev.title);
        const where = describe('event', title, code ?? guid ?? id);
        const key = guid ?? code ?? id;
        if (!key) {
          warnings.push(`${where}: dropped: it has no guid, code or id to recognise it by on the next import`);
          continue;
        }
        const lang = nonEmpty(text(ev.language));
        if (lang) languages.add(lang);
        const { summary, htmlStripped } = summaryOf(text(ev.abstract), text(ev.description));
        const persons = list(ev.persons?.person).map((p) => ({
          key: nonEmpty(p['@guid']) ?? nonEmpty(p['@code']) ?? nonEmpty(p['@id']),
          keys: [nonEmpty(p['@guid']), nonEmpty(p['@code']), nonEmpty(p['@id'])].filter(Boolean),
          idSource: nonEmpty(p['@code']) ?? nonEmpty(p['@id']) ?? nonEmpty(p['@guid']),
          name: text(p) ?? '',
        }));
        const links = list(ev.links?.link).map((l) => ({ url: l['@href'], title: text(l) }));
        events.push({
          key,
          keys: [guid, code, id].filter(Boolean),
          idSource: code ?? id ?? guid,
          where,
          title: joinTitle(nonEmpty(title), nonEmpty(text(ev.subtitle))),
          summary,
          htmlStripped,
          start: isoTime(text(ev.date), zone ?? undefined),
          end: null,
          durationMs: parseClockDuration(text(ev.duration)) ?? undefined,
          venue: nonEmpty(text(ev.room)) ?? nonEmpty(room['@name']),
          track: nonEmpty(text(ev.track)),
          speakers: persons,
          moderators: [],
          url: httpUrl(text(ev.url), base),
          stream: links.filter(isStreamLink).map((l) => httpUrl(l.url, base)).find(Boolean),
        });
      }
    }
  }
  return {
    format: 'frab schedule.xml',
    lang: languages.size === 1 ? [...languages][0] : undefined,
    timeZone: zone ?? undefined,
    forum: { id: nonEmpty(text(conf.acronym)), name: nonEmpty(text(conf.title)), url: httpUrl(text(conf.url)), startDate: text(conf.start), endDate: text(conf.end) },
    events,
    warnings,
  };
}
