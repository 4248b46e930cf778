// A very small schema kit: each schema checks a value at runtime (collecting every problem with
// its path), carries its TypeScript type, and records how it was made, from which json-schema.ts
// writes JSON Schema. One definition (schema.ts) thus gives the types, the validator in the bundle
// and the shipped feed.schema.json, so they cannot drift apart. Written here rather than pulled from a library
// because it is smaller: this kit plus the feed schema measured 2,439 B gzip, the same schema in
// valibot 3,590 B (esbuild --minify, gzip -9; issue 14), and it adds no dependency.
import { memo } from './memo.js';
import { safeUrl, MAX_URL_LENGTH, type UrlKind } from './url.js';

/** Where a problem is: object keys and array indexes from the document root. */
export type Path = readonly (string | number)[];
export type Report = (path: Path, message: string) => void;

export interface Schema<T> {
  /** Phantom field: the TypeScript type this schema admits. */
  readonly _type?: T;
  check(value: unknown, path: Path, report: Report): void;
  /**
   * How the schema was made: the kit's function that made it (array, object, id, …) and its
   * arguments; empty for a plain string(). json-schema.ts writes feed.schema.json from that; the validator never reads it, so
   * JSON Schema's own text (patterns, formats, keywords) stays out of the browser bundle.
   */
  readonly made: readonly unknown[];
}
export type Infer<S> = S extends Schema<infer T> ? T : never;

const schema = <T>(check: Schema<T>['check'], ...made: unknown[]): Schema<T> => ({ check, made });

export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** An own field only: what the document says, never what a prototype lends. */
export const field = (o: Record<string, unknown>, k: string): unknown => (Object.hasOwn(o, k) ? o[k] : undefined);

/**
 * A value quoted for a message, cut short so a 10 MB string cannot flood the report. Objects
 * and arrays are named, not printed: printing them would cost as much as the document.
 */
export const quote = (v: unknown): string =>
  typeof v === 'string'
    ? JSON.stringify(v.length > 60 ? v.slice(0, 60) + '…' : v)
    : typeof v === 'object' || typeof v === 'function' || v === undefined
      ? typeName(v)
      : String(v); // numbers (Infinity and NaN included), booleans, bigints

const typeName = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v == 'object' ? 'an object' : typeof v);

/** A `path: message` line's path: `sessions[0].speakers[1]`, `name["odd key"]`; `feed` for the root. */
export const formatPath = (path: Path): string =>
  path.reduce<string>(
    (s, k) => (typeof k === 'number' ? `${s}[${k}]` : /^[A-Za-z_$][\w$-]{0,63}$/.test(k) ? (s ? `${s}.${k}` : k) : `${s}[${quote(k)}]`),
    '',
  ) || 'feed';

/**
 * A string. `test` returns a problem message or '' for a rule of its own; `made` names the format
 * when the schema is one of those below (a plain string's `made` is empty).
 */
export function string<T extends string = string>(test?: (v: string) => string, ...made: unknown[]): Schema<T> {
  return schema(
    (v, path, report) => {
      if (typeof v !== 'string') report(path, `must be a string, not ${typeName(v)}`);
      else if (test) {
        const problem = test(v);
        if (problem) report(path, problem);
      }
    },
    ...made,
  );
}

export const number = (min?: number): Schema<number> =>
  schema((v, path, report) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) report(path, `must be a finite number, not ${quote(v)}`);
    else if (min !== undefined && v < min) report(path, `must be at least ${min}, not ${v}`);
  }, number, min);

export const constant = <T extends number | string>(value: T, hint = ''): Schema<T> =>
  schema((v, path, report) => v !== value && report(path, `must be ${quote(value)}, not ${quote(v)}${hint}`), constant, value);

export const oneOf = <const T extends readonly string[]>(values: T): Schema<T[number]> =>
  schema((v, path, report) => values.includes(v as string) || report(path, `must be one of ${values.join(', ')}, not ${quote(v)}`), oneOf, values);

export const array = <T>(of: Schema<T>): Schema<T[]> =>
  schema((v, path, report) => {
    if (!Array.isArray(v)) return report(path, `must be an array, not ${typeName(v)}`);
    // An index loop, not forEach: a sparse array's holes are problems too.
    for (let i = 0; i < v.length; i++) of.check(v[i], [...path, i], report);
  }, array, of);

/** Either of two schemas, chosen by `useFirst` (used for Text: a string, else a map). */
export const either = <A, B>(a: Schema<A>, b: Schema<B>, useFirst: (v: unknown) => boolean): Schema<A | B> =>
  schema((v, path, report) => (useFirst(v) ? a : b).check(v, path, report), either, a, b);

/** A map from keys matching `key` to values of `of`, with at least one entry. */
export const record = <T>(key: Schema<string>, of: Schema<T>, what: string): Schema<Record<string, T>> =>
  schema((v, path, report) => {
    if (!isObject(v)) return report(path, `must be ${what}, not ${typeName(v)}`);
    const keys = Object.keys(v);
    if (!keys.length) report(path, `must have at least one entry`);
    for (const k of keys) {
      key.check(k, [...path, k], (p, m) => report(p, `key ${m}`));
      of.check(v[k], [...path, k], report);
    }
  }, record, key, of);

type Shape = Record<string, Schema<unknown>>;
type Simplify<T> = { [K in keyof T]: T[K] } & {};
type ObjectOf<R extends Shape, O extends Shape> = Simplify<
  { [K in keyof R]: Infer<R[K]> } & { [K in keyof O]?: Infer<O[K]> }
>;

/**
 * An object with required and optional fields. Unknown fields are ignored (forward
 * compatibility). An optional field is absent or valid: `null` is not absent (JSON Schema says
 * the same, and widgets would meet the null).
 */
export interface ObjectSchema<T> extends Schema<T> {
  /** Names of the required fields (the validator's lenient mode tells item faults from field faults by them). */
  readonly required: readonly string[];
}

export function object<R extends Shape, O extends Shape>(required: R, optional: O): ObjectSchema<ObjectOf<R, O>> {
  // Own keys only, fixed once: a host page that adds an enumerable Object.prototype.extend must
  // not make `extend` a required field (for...in would list it).
  const req = Object.keys(required);
  const opt = Object.keys(optional);
  return {
    required: req,
    ...schema((v, path, report) => {
      if (!isObject(v)) return report(path, `must be an object, not ${typeName(v)}`);
      for (const k of req) {
        const x = field(v, k);
        if (x === undefined) report([...path, k], 'is required');
        else required[k]!.check(x, [...path, k], report);
      }
      for (const k of opt) {
        const x = field(v, k);
        if (x !== undefined) optional[k]!.check(x, [...path, k], report);
      }
    }, object, required, optional),
  };
}

// ---- formats used by the feed ----

/** A string in a format: `is` tells it, `what` says what it must be (`must be <what>, not "…"`). */
const format = (is: (v: string) => boolean, what: string, ...made: unknown[]) =>
  string((v) => (is(v) ? '' : `must be ${what}, not ${quote(v)}`), ...made);

/** The id rule; json-schema.ts writes its source as the pattern. */
export const ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
// The is* tests take any value (false for a non-string) so the validator's cross-checks need no typeof.
export const isId = (v: unknown): v is string => typeof v === 'string' && ID.test(v);
export const id = () => format(isId, `an id matching ${ID.source.slice(1, -1)}`, id);

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** A real calendar date: 2025-02-30 is not one. */
export function isDate(v: unknown): v is string {
  const m = typeof v === 'string' && DATE.exec(v);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
  return d.getUTCFullYear() === +m[1]! && d.getUTCMonth() === +m[2]! - 1 && d.getUTCDate() === +m[3]!;
}
export const date = () => format(isDate, 'an ISO date like 2025-05-19', date);

// ISO 8601 extended format with an offset (seconds optional), as RFC 3339 writes offsets.
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;
export const isDateTime = (v: unknown): v is string =>
  typeof v === 'string' && DATE_TIME.test(v) && isDate(v.slice(0, 10)) && !Number.isNaN(Date.parse(v));
export const dateTime = () => format(isDateTime, 'an ISO 8601 date-time with offset like 2025-05-19T10:00:00+10:00', dateTime);

/** The language tag's shape; json-schema.ts writes its source as the pattern. */
export const LANG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;
// A feed repeats the same few tags in every Text: Intl is asked once per tag.
const canonical = memo((v) => {
  try {
    return Intl.getCanonicalLocales(v).length === 1;
  } catch {
    return false;
  }
});
// The length cap keeps a 10 MB "string of subtags" away from Intl.
export const isLanguageTag = (v: string): boolean => v.length <= 100 && LANG.test(v) && canonical(v);
export const languageTag = () => format(isLanguageTag, 'a BCP 47 language tag like ru or zh-Hans', languageTag);

export function isTimeZone(v: string): boolean {
  // Intl knows the IANA database of the runtime; a fixed offset like "+10:00", which newer
  // engines also accept, is not a zone.
  if (v.length > 64 || !/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(v)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: v });
    return true;
  } catch {
    return false;
  }
}
export const timeZone = () => format(isTimeZone, 'an IANA time zone like Asia/Vladivostok', timeZone);

/** A link (pages, streams) or an image (photos, logos): the validator's rule is safeUrl() itself. */
export const url = (kind: UrlKind = 'link') =>
  string(
    (v) =>
      v.length > MAX_URL_LENGTH
        ? `is too long (${v.length} characters; at most ${MAX_URL_LENGTH})`
        : safeUrl(v, kind)
          ? ''
          : `must be an absolute https: or http: URL${kind === 'image' ? ' (or a data:image/ raster, not SVG)' : ''}, not ${quote(v)}`,
    url,
    kind,
  );
