// A programme planned in a spreadsheet, saved as CSV: one row per session under a header row
// in English or Russian (docs/templates/programme-*.csv). Parsed by csv-parse; the separator
// (comma, semicolon as Excel writes it in Russian, or tab) is read from the header row.
// A column name may end in ":LANG" (title:en, название:zh-Hans) for that language's text;
// the other columns are in the file's language.
import { parse } from 'csv-parse/sync';
import { addDays, validWall } from '../time.js';
import { describe, httpUrl, isoTime, nonEmpty, summaryOf } from './common.js';

/** Each field and the header names that mean it (compared lower-case, spaces collapsed). */
export const COLUMNS = {
  id: ['id', 'код', 'идентификатор'],
  title: ['title', 'название', 'тема'],
  date: ['date', 'дата'],
  start: ['start', 'начало'],
  end: ['end', 'конец', 'окончание'],
  duration: ['duration', 'длительность', 'продолжительность'],
  venue: ['venue', 'room', 'зал', 'место', 'площадка'],
  track: ['track', 'трек', 'направление'],
  speakers: ['speakers', 'спикеры', 'докладчики'],
  moderators: ['moderators', 'модераторы', 'модератор'],
  summary: ['summary', 'description', 'описание', 'аннотация'],
  status: ['status', 'статус'],
  url: ['url', 'link', 'ссылка', 'страница'],
  stream: ['stream', 'трансляция'],
};
const FIELD_BY_NAME = new Map(Object.entries(COLUMNS).flatMap(([field, names]) => names.map((n) => [n, field])));
const LOCALIZED = new Set(['title', 'venue', 'track', 'summary', 'speakers', 'moderators']);

function separator(text) {
  const firstLine = text.split(/\r?\n/, 1)[0].replace(/"[^"]*"/g, '');
  const counts = [';', ',', '\t'].map((s) => [s, firstLine.split(s).length - 1]);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0][1] > 0 ? counts[0][0] : ',';
}

/** A header cell as { field, lang? }, or null for a column the importer does not use. */
function column(header) {
  const m = /^(.*?)(?:\s*[:@]\s*([A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*))?$/.exec(header.trim());
  const field = FIELD_BY_NAME.get(m[1].toLowerCase().replace(/\s+/g, ' '));
  if (!field) return null;
  if (!m[2]) return { field };
  if (!LOCALIZED.has(field)) return null;
  try {
    return { field, lang: Intl.getCanonicalLocales(m[2])[0] };
  } catch {
    return null;
  }
}

// 2025-05-19, 19.05.2025 (Excel in Russian), each with an optional 14:00[:00]; or a time alone.
const DATE_TIME = /^(?:(\d{4})-(\d{1,2})-(\d{1,2})|(\d{1,2})\.(\d{1,2})\.(\d{4}))(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const TIME = /^(\d{1,2})[:.](\d{2})(?::(\d{2}))?$/;

function wallOf(dateCell, timeCell) {
  const t = (timeCell ?? '').trim();
  if (!t) return null;
  const iso = isoTime(t);
  if (iso) return iso;
  let m = DATE_TIME.exec(t);
  if (m && m[7] !== undefined) {
    const w = m[1] ? { y: +m[1], mo: +m[2], d: +m[3] } : { y: +m[6], mo: +m[5], d: +m[4] };
    return ok({ ...w, h: +m[7], mi: +m[8], s: +(m[9] ?? 0) });
  }
  m = TIME.exec(t);
  const d = DATE_TIME.exec((dateCell ?? '').trim());
  if (m && d && d[7] === undefined) {
    const w = d[1] ? { y: +d[1], mo: +d[2], d: +d[3] } : { y: +d[6], mo: +d[5], d: +d[4] };
    return ok({ ...w, h: +m[1], mi: +m[2], s: +(m[3] ?? 0) });
  }
  return undefined; // there, but not understood
}
const ok = (w) => (validWall(w) ? { wall: w } : undefined);

const names = (cell) =>
  (cell ?? '')
    .split(/[;\n]/)
    .map((s) => s.trim())
    .filter(Boolean);

export function parseCsv(text) {
  const warnings = [];
  let rows;
  try {
    // info: each row's line in the file (a cell with line breaks makes a row span several).
    rows = parse(text, { delimiter: separator(text), bom: true, relax_column_count: true, skip_empty_lines: true, trim: false, info: true }).map(
      ({ record, info }) => Object.assign(record, { line: info.lines - record.reduce((n, v) => n + (v.match(/\r\n|\r|\n/g)?.length ?? 0), 0) }),
    );
  } catch (e) {
    throw Object.assign(new Error(`is not a readable CSV file (${e.message})`), { notAProgramme: true });
  }
  if (!rows.length) throw Object.assign(new Error('is empty'), { notAProgramme: true });
  const header = rows[0].map(column);
  const has = (field) => header.some((c) => c?.field === field && !c.lang);
  const missing = ['title', 'start'].filter((f) => !header.some((c) => c?.field === f));
  if (missing.length) {
    throw Object.assign(
      new Error(
        `is not a programme: its header row lacks ${missing.join(' and ')} (the columns are ${Object.values(COLUMNS).map((n) => `${n[0]}/${n.find((x) => /[а-я]/.test(x))}`).join(', ')}; see docs/feed-format.md)`,
      ),
      { notAProgramme: true },
    );
  }
  if (!has('id')) warnings.push('has no id column: rows are matched by their order and ids made from titles, which change when a title does; add an id column');
  const events = [];
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r];
    const cell = (field) => {
      const i = header.findIndex((c) => c?.field === field && !c.lang);
      return i < 0 ? undefined : row[i];
    };
    const localized = (field) => {
      const out = {};
      header.forEach((c, i) => {
        if (c?.field === field && c.lang && nonEmpty(row[i])) out[c.lang] = row[i].trim();
      });
      return out;
    };
    const line = row.line;
    const id = nonEmpty(cell('id'))?.trim();
    const title = nonEmpty(cell('title'))?.trim();
    const where = `line ${line}: ${describe('session', title ?? Object.values(localized('title'))[0], id)}`;
    if (!row.some((v) => v.trim())) continue;
    const start = wallOf(cell('date'), cell('start'));
    if (start === undefined) {
      warnings.push(`${where}: dropped: its start "${cell('start')}" is not a date and time like 2025-05-19 14:00 or 19.05.2025 14:00 (or a time with a date column)`);
      continue;
    }
    let end = wallOf(cell('date'), cell('end'));
    if (end === undefined) {
      warnings.push(`${where}: its end "${cell('end')}" is not understood: ignored`);
      end = null;
    }
    // An end time before the start time on the same date is after midnight (a night session,
    // 23:30-00:30), as the guide says, when that makes at most MAX_NIGHT_MS; longer is a typo
    // (12:00-11:30 would be 23.5 hours and move the forum's end date): warn and ignore the end.
    if (end && start && 'wall' in end && 'wall' in start && TIME.test((cell('end') ?? '').trim()) && cmp(end.wall, start.wall) < 0) {
      const night = { wall: addDays(end.wall, 1) };
      if (cmp(night.wall, start.wall) <= MAX_NIGHT_MS) end = night;
      else {
        warnings.push(
          `${where}: its end ${cell('end').trim()} is before its start ${hhmm(start.wall)}: the end is ignored. ` +
            `Fix the end time; for a session that really runs past midnight for longer than ${MAX_NIGHT_MS / 3_600_000} hours, write the end with its date (${isoDay(night.wall)} ${cell('end').trim()})`,
        );
        end = null;
      }
    }
    const minutes = Number(String(cell('duration') ?? '').replace(',', '.').trim() || NaN);
    const { summary, htmlStripped } = summaryOf(cell('summary'));
    const people = (field) => {
      const base = names(cell(field));
      const other = Object.entries(localized(field)).map(([lang, v]) => [lang, names(v)]);
      const n = Math.max(base.length, ...other.map(([, l]) => l.length));
      return Array.from({ length: n }, (_, i) => {
        const name = {};
        if (base[i]) name[''] = base[i];
        for (const [lang, l] of other) if (l[i]) name[lang] = l[i];
        return { name };
      });
    };
    const withLocalized = (field, plain) => {
      const extra = localized(field);
      return Object.keys(extra).length ? { ...(plain ? { '': plain } : {}), ...extra } : plain;
    };
    events.push({
      key: id ?? `row-${r}`,
      idSource: id ?? title ?? Object.values(localized('title'))[0] ?? `row-${r}`,
      where,
      title: withLocalized('title', title) ?? '',
      summary: withLocalized('summary', summary),
      htmlStripped,
      start,
      end,
      durationMs: Number.isFinite(minutes) && minutes > 0 ? minutes * 60_000 : undefined,
      venue: withLocalized('venue', nonEmpty(cell('venue'))?.trim()),
      track: withLocalized('track', nonEmpty(cell('track'))?.trim()),
      speakers: people('speakers'),
      moderators: people('moderators'),
      cancelled: /cancel|отмен|取消/i.test(cell('status') ?? ''),
      url: httpUrl(cell('url')),
      stream: httpUrl(cell('stream')),
    });
  }
  return { format: 'CSV', lang: undefined, timeZone: undefined, forum: {}, events, warnings };
}

/** The longest session an end time before its start time can make by meaning "after midnight". */
const MAX_NIGHT_MS = 12 * 3_600_000;
const pad2 = (n) => String(n).padStart(2, '0');
const hhmm = (w) => `${pad2(w.h)}:${pad2(w.mi)}`;
const isoDay = (w) => `${w.y}-${pad2(w.mo)}-${pad2(w.d)}`;
const cmp = (a, b) => Date.UTC(a.y, a.mo - 1, a.d, a.h, a.mi, a.s) - Date.UTC(b.y, b.mo - 1, b.d, b.h, b.mi, b.s);
