// The feed validator shared by the browser bundle and the `forum-feed validate` CLI. It checks
// the schema (schema.ts), then the rules that look across the document, and reports every
// problem as one `path: message` line, in the order the document holds them. It never throws,
// whatever it is given.
import { array, field, formatPath, isDate, isDateTime, isId, isObject, quote, type ObjectSchema, type Path } from './schema-kit.js';
import {
  counter as counterSchema,
  feed as feedSchema,
  forum as forumSchema,
  organization as organizationSchema,
  person as personSchema,
  quote as quoteSchema,
  session as sessionSchema,
  version as versionSchema,
} from './schema.js';
import type { Feed } from './types.js';

/**
 * `ok`: the feed to show (in lenient mode, without the items and fields `warnings` name). Not ok:
 * `errors`, every problem (strict) or the faults no widget can work around (lenient).
 */
export type ValidationResult = { ok: true; feed: Feed; errors: []; warnings: string[] } | { ok: false; errors: string[]; warnings?: undefined };

export interface ValidateOptions {
  /**
   * The widgets' reading of the contract (docs/feed-format.md "Errors"): only structural faults reject the
   * feed; an item with a fault of its own is dropped and an unusable optional field ignored, each
   * reported as a warning line. Off (the CLI, the configurator): every problem is an error.
   */
  lenient?: boolean;
}

/** More lines than anyone reads; past it the report says how many were left out. */
export const MAX_ERRORS = 500;

export const LISTS = ['sessions', 'people', 'quotes', 'organizers', 'counters'] as const;
type List = (typeof LISTS)[number];
const ITEM: Record<List, ObjectSchema<unknown>> = {
  sessions: sessionSchema,
  people: personSchema,
  quotes: quoteSchema,
  organizers: organizationSchema,
  counters: counterSchema,
};
const isList = (k: unknown): k is List => (LISTS as readonly unknown[]).includes(k);

type Item = Record<string, unknown>;
type Report = (path: Path, message: string) => void;
/** True for an item the lenient reading has dropped: it neither holds an id nor answers a reference. */
type Gone = (list: string, i: number) => boolean;

/**
 * What a fault at `path` costs under the lenient reading: the whole feed (undefined), one item of a
 * list (its key `list:i`: dropped), or one part of a holder (`[holder, part]`: left out). A holder is
 * an item (`list:i`), `forum` or '' (the feed) whose part is a field, or one list field of an item
 * (`list:i field`) whose part is an entry.
 */
type Cost = undefined | string | [string, string | number];
function classify(path: Path): Cost {
  const [top, i, name, j] = path;
  if (isList(top)) {
    if (typeof i !== 'number') return; // a list that is not a list
    const item = `${top}:${i}`;
    if (typeof name !== 'string' || ITEM[top].required.includes(name)) return item;
    // One bad entry of a list field (a speaker id that points nowhere) costs that entry only.
    return path.length === 4 && typeof j === 'number' ? [`${item} ${name}`, j] : [item, name];
  }
  if (top === 'forum' && typeof i === 'string' && !forumSchema.required.includes(i)) return ['forum', i];
  if (typeof top === 'string' && !feedSchema.required.includes(top)) return ['', top];
  // Not an object, version, defaultLanguage, forum and its required fields: the whole feed.
}

const items = (doc: Item, list: string, gone: Gone): [Item, number][] => {
  const v = field(doc, list);
  const out: [Item, number][] = [];
  if (Array.isArray(v)) for (let i = 0; i < v.length; i++) if (isObject(v[i]) && !gone(list, i)) out.push([v[i] as Item, i]);
  return out;
};

// The checks are generators that yield every 256 list items: the loader runs them in slices and
// hands the page back between slices (a 5 MB feed is a long task otherwise); `run` runs them in one go.
type Steps<T = void> = Generator<void, T>;
const run = <T>(g: Steps<T>): T => {
  let r: IteratorResult<void, T>;
  while (!(r = g.next()).done);
  return r.value;
};

function* crossChecks(doc: Item, report: Report, gone: Gone): Steps {
  // Unique ids within each list, naming the first holder of the id. A malformed id already has
  // its own line, here and in references below.
  const index: Record<string, Map<string, number>> = {};
  for (const list of LISTS) {
    const seen = (index[list] = new Map());
    for (const [item, i] of items(doc, list, gone)) {
      if (!(i & 255)) yield;
      const id = field(item, 'id');
      if (!isId(id)) continue;
      const first = seen.get(id);
      if (first === undefined) seen.set(id, i);
      else report([list, i, 'id'], `duplicate id ${quote(id)}, already used by ${list}[${first}]`);
    }
  }
  // References that point nowhere name both ends.
  const ref = (path: Path, value: unknown, list: string, what: string) => {
    if (isId(value) && !index[list]!.has(value)) report(path, `no ${what} ${quote(value)} in ${list}`);
  };
  for (const [s, i] of items(doc, 'sessions', gone)) {
    if (!(i & 255)) yield;
    for (const key of ['speakers', 'moderators']) {
      const ids = field(s, key);
      if (Array.isArray(ids)) for (let j = 0; j < ids.length; j++) ref(['sessions', i, key, j], ids[j], 'people', 'person');
    }
    const start = field(s, 'start');
    const end = field(s, 'end');
    // Only between two well-formed times: a malformed one already has its own line.
    if (isDateTime(start) && isDateTime(end) && Date.parse(start) >= Date.parse(end)) {
      report(['sessions', i, 'end'], `must be after start (${start})`);
    }
  }
  for (const [q, i] of items(doc, 'quotes', gone)) {
    ref(['quotes', i, 'person'], field(q, 'person'), 'people', 'person');
    ref(['quotes', i, 'session'], field(q, 'session'), 'sessions', 'session');
  }
  const forum = field(doc, 'forum');
  if (isObject(forum)) {
    const start = field(forum, 'startDate');
    const end = field(forum, 'endDate');
    if (isDate(start) && isDate(end) && end < start) {
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

type Found = [path: Path, message: string];

/** `path: message` lines in document order, at most MAX_ERRORS of them (and a line counting the rest). */
function lines(doc: unknown, found: Found[], more: number): string[] {
  const keys = new Map<Item, string[]>();
  const keysOf = (o: Item) => keys.get(o) ?? keys.set(o, Object.keys(o)).get(o)!;
  const sorted = found.map((f) => [position(doc, f[0], keysOf), ...f] as const).sort((a, b) => byPosition(a[0], b[0])); // stable
  more += Math.max(0, sorted.length - MAX_ERRORS);
  const out = sorted.slice(0, MAX_ERRORS).map((f) => `${formatPath(f[1])}: ${f[2]}`);
  if (more) out.push(`feed: ${more} more problems not listed`);
  return out;
}

/** A copy with only `o`'s own fields, minus `omit`, on no prototype: nothing a host page added to Object.prototype shows through. */
function own(o: Item, omit?: Set<unknown>): Item {
  const c: Item = Object.create(null);
  for (const k of Object.keys(o)) if (!omit?.has(k)) c[k] = o[k];
  return c;
}

// The lenient reading's warnings, kept with the feed they were found in (the loader hands feeds on).
const feedWarnings = new WeakMap<object, string[]>();

/** The warnings of a feed returned by the lenient reading (what it dropped or ignored); [] for any other. */
export const warningsOf = (feed: object | undefined): readonly string[] => (feed && feedWarnings.get(feed)) || [];

/** Validates a parsed JSON value as a version 1 forum feed (strict, or lenient for widgets). */
export const validateFeed = (value: unknown, options?: ValidateOptions): ValidationResult => run(validating(value, options));

/** validateFeed in steps. */
function* validating(value: unknown, options: ValidateOptions = {}): Steps<ValidationResult> {
  const lenient = !!options.lenient;
  const found: Found[] = [];
  const fatal: Found[] = [];
  let more = 0;
  // Lenient bookkeeping: dropped items (`list:i`), and the parts left out of each holder (see Cost).
  const dropped = new Set<string>();
  const left = new Map<string, Set<string | number>>();
  const seen = new Set<string>();
  let lostReferenced = false;
  const report: Report = (path, message) => {
    if (lenient) {
      const c = classify(path);
      if (!c) {
        if (fatal.length < MAX_ERRORS) fatal.push([path, message]);
        return;
      }
      if (typeof c === 'string') {
        if (!dropped.has(c)) lostReferenced ||= /^(sessions|people):/.test(c);
        dropped.add(c);
      } else (left.get(c[0]) ?? left.set(c[0], new Set()).get(c[0])!).add(c[1]);
      // Re-checked references repeat some lines; each is reported once.
      const line = `${formatPath(path)}: ${message}`;
      if (seen.has(line)) return;
      seen.add(line);
    }
    // Collect generously (for sorting), then list MAX_ERRORS: a 10 MB feed of junk stays cheap.
    if (found.length < MAX_ERRORS * 4) found.push([path, message]);
    else more++;
  };
  try {
    const version = isObject(value) ? field(value, 'version') : undefined;
    if (typeof version === 'number' && version !== 1) {
      // Another version's feed is not a broken version 1 feed: its other fields are not ours to judge.
      versionSchema.check(version, ['version'], report);
    } else if (!isObject(value)) feedSchema.check(value, [], report);
    else {
      // feedSchema.check in the same order (the lists are its last fields), list items one by one.
      feedSchema.check(own(value, new Set(LISTS)), [], report);
      for (const list of LISTS) {
        const v = field(value, list);
        if (v === undefined) continue;
        if (!Array.isArray(v)) array(ITEM[list]).check(v, [list], report);
        else
          for (let i = 0; i < v.length; i++) {
            if (!(i & 255)) yield;
            ITEM[list].check(v[i], [list, i], report);
          }
      }
      if (!fatal.length) {
        // No key to build while nothing is dropped (a valid feed of 100,000 items stays cheap);
        // the strict reading drops nothing.
        const gone: Gone = (list, i) => dropped.size > 0 && dropped.has(`${list}:${i}`);
        yield* crossChecks(value, report, gone);
        // A dropped session or person leaves references to it pointing nowhere: check again
        // until nothing more falls (each round drops something, so this ends; in practice 2 rounds).
        for (let round = 0; lostReferenced && round < 10; round++) {
          lostReferenced = false;
          yield* crossChecks(value, report, gone);
        }
      }
    }
    if (fatal.length) return { ok: false, errors: lines(value, fatal, 0) };
    if (found.length && !lenient) return { ok: false, errors: lines(value, found, more) };
  } catch (e) {
    // Only reachable through values JSON cannot make (proxies, throwing getters): still no throw.
    return { ok: false, errors: [`feed: could not be read (${why(e)})`] };
  }
  const doc = value as Item;
  if (!lenient) {
    const feed: Item = { ...doc };
    for (const list of LISTS) feed[list] = field(doc, list) ?? [];
    return { ok: true, feed: feed as Feed, errors: [], warnings: [] };
  }
  const feed = own(doc, left.get(''));
  feed.forum = own(field(doc, 'forum') as Item, left.get('forum'));
  // The per-item keys are built only when something was dropped or ignored: for a valid feed
  // of 100,000 items they were most of this function's time.
  const marked = dropped.size > 0 || left.size > 0;
  for (const list of LISTS) {
    const v = (field(doc, list) ?? []) as Item[];
    const kept: Item[] = [];
    for (let i = 0; i < v.length; i++) {
      if (!(i & 255)) yield;
      if (!marked) {
        kept.push(own(v[i]!));
        continue;
      }
      const key = `${list}:${i}`;
      if (dropped.has(key)) continue;
      const item = own(v[i]!, left.get(key));
      if (left.size)
        for (const k of Object.keys(item)) {
          const out = left.get(`${key} ${k}`);
          if (out) item[k] = (item[k] as unknown[]).filter((_, j) => !out.has(j));
        }
      kept.push(item);
    }
    feed[list] = kept;
  }
  const warnings = found.length ? lines(value, found, more) : [];
  feedWarnings.set(feed, warnings);
  return { ok: true, feed: feed as Feed, errors: [], warnings };
}

/** What a caught exception says. */
const why = (e: unknown) => (e instanceof Error ? e.message : quote(e));

/** Parses JSON text and validates it; a parse failure is one `feed:` line. */
export const parseFeed = (json: string, options?: ValidateOptions): ValidationResult => run(parsing(json, options));

/** parseFeed in steps, the parse one of them. */
export function* parsing(json: string, options?: ValidateOptions): Steps<ValidationResult> {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (e) {
    return { ok: false, errors: [`feed: is not valid JSON (${why(e)})`] };
  }
  yield;
  return yield* validating(value, options);
}
