// The feed validator shared by the browser bundle and the `forum-feed validate` CLI. It checks
// the schema (schema.ts), then the rules that look across the document, and reports every
// problem as one `path: message` line, in the order the document holds them. It never throws,
// whatever it is given.
import { field, formatPath, isDate, isDateTime, isId, isObject, quote, type Path } from './schema-kit.js';
import { feed as feedSchema, version as versionSchema } from './schema.js';
import type { Feed } from './types.js';

export type ValidationResult = { ok: true; feed: Feed; errors: [] } | { ok: false; errors: string[] };

/** More lines than anyone reads; past it the report says how many were left out. */
export const MAX_ERRORS = 500;

const LISTS = ['sessions', 'people', 'quotes', 'organizers', 'counters'] as const;

type Item = Record<string, unknown>;
type Report = (path: Path, message: string) => void;

const items = (doc: Item, list: string): [Item, number][] => {
  const v = field(doc, list);
  const out: [Item, number][] = [];
  if (Array.isArray(v)) for (let i = 0; i < v.length; i++) if (isObject(v[i])) out.push([v[i] as Item, i]);
  return out;
};

function crossChecks(doc: Item, report: Report): void {
  // Unique ids within each list, naming the first holder of the id. A malformed id already has
  // its own line, here and in references below.
  const index: Record<string, Map<string, number>> = {};
  for (const list of LISTS) {
    const seen = (index[list] = new Map());
    for (const [item, i] of items(doc, list)) {
      const id = field(item, 'id');
      if (typeof id !== 'string' || !isId(id)) continue;
      const first = seen.get(id);
      if (first === undefined) seen.set(id, i);
      else report([list, i, 'id'], `duplicate id ${quote(id)}, already used by ${list}[${first}]`);
    }
  }
  // References that point nowhere name both ends.
  const ref = (path: Path, value: unknown, list: string, what: string) => {
    if (typeof value === 'string' && isId(value) && !index[list]!.has(value)) report(path, `no ${what} ${quote(value)} in ${list}`);
  };
  for (const [s, i] of items(doc, 'sessions')) {
    for (const key of ['speakers', 'moderators']) {
      const ids = field(s, key);
      if (Array.isArray(ids)) for (let j = 0; j < ids.length; j++) ref(['sessions', i, key, j], ids[j], 'people', 'person');
    }
    const start = field(s, 'start');
    const end = field(s, 'end');
    // Only between two well-formed times: a malformed one already has its own line.
    if (typeof start === 'string' && typeof end === 'string' && isDateTime(start) && isDateTime(end) && Date.parse(start) >= Date.parse(end)) {
      report(['sessions', i, 'end'], `must be after start (${start})`);
    }
  }
  for (const [q, i] of items(doc, 'quotes')) {
    ref(['quotes', i, 'person'], field(q, 'person'), 'people', 'person');
    ref(['quotes', i, 'session'], field(q, 'session'), 'sessions', 'session');
  }
  const forum = field(doc, 'forum');
  if (isObject(forum)) {
    const start = field(forum, 'startDate');
    const end = field(forum, 'endDate');
    if (typeof start === 'string' && typeof end === 'string' && isDate(start) && isDate(end) && end < start) {
      report(['forum', 'endDate'], `must not be before startDate (${start})`);
    }
  }
}

// Where a path points in the document, as a sortable list: the index of each key among its
// object's keys (-1 when the key is missing, so "is required" comes first within its object),
// or the array index. `version` always sorts first: nothing else matters if it is wrong.
function position(doc: unknown, path: Path, keysOf: (o: Item) => string[]): number[] {
  if (path[0] === 'version') return [-2];
  const pos: number[] = [];
  let node = doc;
  for (const k of path) {
    if (typeof k === 'number') {
      pos.push(k);
      node = Array.isArray(node) ? node[k] : undefined;
    } else {
      const i = isObject(node) ? keysOf(node).indexOf(k) : -1;
      pos.push(i);
      node = i < 0 ? undefined : (node as Item)[k];
    }
  }
  return pos;
}

function byPosition(a: number[], b: number[]): number {
  for (let i = 0; i < a.length && i < b.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

/** Validates a parsed JSON value as a version 1 forum feed. */
export function validateFeed(value: unknown): ValidationResult {
  const found: { path: Path; message: string }[] = [];
  let dropped = 0;
  const report: Report = (path, message) => {
    // Collect generously (for sorting), then list MAX_ERRORS: a 10 MB feed of junk stays cheap.
    if (found.length < MAX_ERRORS * 4) found.push({ path, message });
    else dropped++;
  };
  try {
    const version = isObject(value) ? field(value, 'version') : undefined;
    if (typeof version === 'number' && version !== 1) {
      // Another version's feed is not a broken version 1 feed: its other fields are not ours to judge.
      versionSchema.check(version, ['version'], report);
    } else {
      feedSchema.check(value, [], report);
      if (isObject(value)) crossChecks(value, report);
    }
    if (found.length) {
      const keys = new Map<Item, string[]>();
      const keysOf = (o: Item) => keys.get(o) ?? keys.set(o, Object.keys(o)).get(o)!;
      const sorted = found
        .map((f) => ({ ...f, at: position(value, f.path, keysOf) }))
        .sort((a, b) => byPosition(a.at, b.at)); // stable: ties keep the order they were found in
      dropped += Math.max(0, sorted.length - MAX_ERRORS);
      const errors = sorted.slice(0, MAX_ERRORS).map((f) => `${formatPath(f.path)}: ${f.message}`);
      if (dropped) errors.push(`feed: ${dropped} more problems not listed`);
      return { ok: false, errors };
    }
  } catch (e) {
    // Only reachable through values JSON cannot make (proxies, throwing getters): still no throw.
    return { ok: false, errors: [`feed: could not be read (${e instanceof Error ? e.message : quote(e)})`] };
  }
  const doc = value as Item;
  const feed: Item = { ...doc };
  for (const list of LISTS) feed[list] = field(doc, list) ?? [];
  return { ok: true, feed: feed as Feed, errors: [] };
}

/** Parses JSON text and validates it; a parse failure is one `feed:` line. */
export function parseFeed(json: string): ValidationResult {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (e) {
    return { ok: false, errors: [`feed: is not valid JSON (${e instanceof Error ? e.message : quote(e)})`] };
  }
  return validateFeed(value);
}
