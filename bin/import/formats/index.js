// The formats the importer reads, and telling them apart by their content.
import { isC3voc, parseC3voc } from './c3voc.js';
import { parseICalendar } from './ical.js';
import { parseFrab } from './frab.js';
import { parseCsv } from './csv.js';
import { isPretalxWidget, parsePretalxWidget } from './pretalx.js';
import { isSessionizeAll, parseSessionize } from './sessionize.js';

/** name -> { describe, parse(text, ctx) } ; parse returns a programme (see ../build.js). */
export const FORMATS = {
  c3voc: { label: 'c3voc schedule.json', kind: 'json', is: isC3voc, parse: (doc) => parseC3voc(doc) },
  pretalx: { label: 'pretalx widget data', kind: 'json', is: isPretalxWidget, parse: (doc) => parsePretalxWidget(doc) },
  sessionize: { label: 'Sessionize "All" JSON', kind: 'json', is: isSessionizeAll, parse: (doc) => parseSessionize(doc) },
  frab: { label: 'frab schedule.xml', kind: 'text', parse: (text) => parseFrab(text) },
  ical: { label: 'iCalendar', kind: 'text', parse: (text) => parseICalendar(text) },
  csv: { label: 'CSV', kind: 'text', parse: (text) => parseCsv(text) },
};

export class NotAProgramme extends Error {}

const json = (text) => {
  try {
    return { doc: JSON.parse(text) };
  } catch (e) {
    return { error: e };
  }
};

/**
 * Parses `text` as `forced` or, without it, as the format its content shows.
 * @returns {object} a programme
 */
export function parseProgramme(text, { forced, ctx }) {
  const head = text.trimStart().slice(0, 512);
  let name = forced;
  let doc;
  if (!name) {
    if (/^BEGIN:VCALENDAR/i.test(head)) name = 'ical';
    else if (/^</.test(head)) {
      if (/<schedule[\s>]/.test(text.slice(0, 4096))) name = 'frab';
      else throw new NotAProgramme('is XML but not a frab schedule.xml (no <schedule> element)');
    } else if (/^[[{]/.test(head)) {
      const r = json(text);
      if (r.error) throw new NotAProgramme(`is not valid JSON (${r.error.message})`);
      doc = r.doc;
      name = detectJson(doc);
    } else name = 'csv';
  }
  const format = FORMATS[name];
  if (!format) throw new NotAProgramme(`the format "${name}" is not one the importer reads (${Object.keys(FORMATS).join(', ')})`);
  if (format.kind === 'json' && doc === undefined) {
    const r = json(text);
    if (r.error) throw new NotAProgramme(`is not valid JSON (${r.error.message})`);
    doc = r.doc;
  }
  if (format.is && !format.is(doc)) throw new NotAProgramme(`is not ${format.label} (--from ${name})`);
  try {
    return format.parse(format.kind === 'json' ? doc : text, ctx);
  } catch (e) {
    if (e?.notAProgramme) throw new NotAProgramme(e.message);
    throw e;
  }
}

function detectJson(doc) {
  if (isC3voc(doc)) return 'c3voc';
  if (isPretalxWidget(doc)) return 'pretalx';
  if (isSessionizeAll(doc)) return 'sessionize';
  if (Array.isArray(doc) && doc.some((g) => g && Array.isArray(g.sessions) && 'groupName' in g)) {
    throw new NotAProgramme('is Sessionize\'s "Sessions" view: export the "All" view instead (it has the speakers and rooms)');
  }
  if (doc && typeof doc === 'object' && doc.version === 1 && doc.forum) {
    throw new NotAProgramme('is already a forum feed: use it as --base, or check it with `forum-feed validate`');
  }
  throw new NotAProgramme(
    'is JSON, but not an export the importer knows (c3voc schedule.json, pretalx widget data, Sessionize "All"): name its format with --from',
  );
}
