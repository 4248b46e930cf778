// The feed validator shared by the browser bundle and the `forum-feed validate` CLI. It checks
// the schema (schema.ts), then the rules that look across the document, and reports every
// problem as one `path: message` line. It never throws, whatever it is given.
import { quote } from './schema-kit.js';
import { feed as feedSchema } from './schema.js';
import type { Feed } from './types.js';

export type ValidationResult = { ok: true; feed: Feed; errors: [] } | { ok: false; errors: string[] };

/** More lines than anyone reads; past it the report says how many were left out. */
export const MAX_ERRORS = 500;

const LISTS = ['sessions', 'people', 'quotes', 'organizers', 'counters'] as const;

type Item = Record<string, unknown>;
const items = (doc: Item, list: string): [Item, number][] =>
  Array.isArray(doc[list])
    ? (doc[list] as unknown[]).flatMap((v, i): [Item, number][] => (v && typeof v === 'object' && !Array.isArray(v) ? [[v as Item, i]] : []))
    : [];

function crossChecks(doc: Item, report: (path: string, message: string) => void): void {
  // Unique ids within each list, naming the first holder of the id.
  const index: Record<string, Map<unknown, number>> = {};
  for (const list of LISTS) {
    const seen = (index[list] = new Map());
    for (const [item, i] of items(doc, list)) {
      if (typeof item.id !== 'string') continue;
      const first = seen.get(item.id);
      if (first === undefined) seen.set(item.id, i);
      else report(`${list}[${i}].id`, `duplicate id ${quote(item.id)}, already used by ${list}[${first}]`);
    }
  }
  // References that point nowhere name both ends.
  const ref = (path: string, value: unknown, list: string, what: string) => {
    if (typeof value === 'string' && !index[list]!.has(value)) report(path, `no ${what} ${quote(value)} in ${list}`);
  };
  for (const [s, i] of items(doc, 'sessions')) {
    for (const field of ['speakers', 'moderators']) {
      const ids = s[field];
      if (Array.isArray(ids)) ids.forEach((p, j) => ref(`sessions[${i}].${field}[${j}]`, p, 'people', 'person'));
    }
    if (typeof s.start === 'string' && typeof s.end === 'string') {
      const start = Date.parse(s.start);
      const end = Date.parse(s.end);
      if (start >= end) report(`sessions[${i}].end`, `must be after start (${s.start})`);
    }
  }
  for (const [q, i] of items(doc, 'quotes')) {
    ref(`quotes[${i}].person`, q.person, 'people', 'person');
    ref(`quotes[${i}].session`, q.session, 'sessions', 'session');
  }
  const forum = doc.forum as Item | undefined;
  if (forum && typeof forum.startDate === 'string' && typeof forum.endDate === 'string' && forum.endDate < forum.startDate) {
    report('forum.endDate', `must not be before startDate (${forum.startDate})`);
  }
}

/** Validates a parsed JSON value as a version 1 forum feed. */
export function validateFeed(value: unknown): ValidationResult {
  const errors: string[] = [];
  let dropped = 0;
  const report = (path: string, message: string) => {
    if (errors.length < MAX_ERRORS) errors.push(`${path}: ${message}`);
    else dropped++;
  };
  try {
    feedSchema.check(value, '', report);
    if (value && typeof value === 'object' && !Array.isArray(value)) crossChecks(value as Item, report);
  } catch (e) {
    // Only reachable through exotic values (proxies, getters that throw): still no throw.
    report('feed', `could not be read (${e instanceof Error ? e.message : String(e)})`);
  }
  if (dropped) errors.push(`feed: ${dropped} more problems not listed`);
  if (errors.length) return { ok: false, errors };
  const doc = value as Item;
  const feed = { ...doc } as Item;
  for (const list of LISTS) feed[list] = doc[list] ?? [];
  return { ok: true, feed: feed as Feed, errors: [] };
}

/** Parses JSON text and validates it; a parse failure is one `feed:` line. */
export function parseFeed(json: string): ValidationResult {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (e) {
    return { ok: false, errors: [`feed: is not valid JSON (${e instanceof Error ? e.message : String(e)})`] };
  }
  return validateFeed(value);
}
