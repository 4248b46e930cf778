// A very small schema kit: each schema checks a value at runtime (collecting every problem with
// its path), carries its TypeScript type, and writes itself as JSON Schema. One definition
// (schema.ts) thus gives the types, the validator in the bundle and the shipped
// feed.schema.json, so they cannot drift apart. Written here rather than pulled from a library
// because it is smaller: this kit plus the feed schema measured 2,439 B gzip, the same schema in
// valibot 3,590 B (esbuild --minify, gzip -9; issue 14), and it adds no dependency.
import { safeUrl, MAX_URL_LENGTH } from './url.js';

/** Where a problem is: object keys and array indexes from the document root. */
export type Path = readonly (string | number)[];
export type Report = (path: Path, message: string) => void;
export type JsonSchema = Record<string, unknown>;
export type Defs = Record<string, JsonSchema>;

export interface Schema<T> {
  /** Phantom field: the TypeScript type this schema admits. */
  readonly _type?: T;
  check(value: unknown, path: Path, report: Report): void;
  json(defs: Defs): JsonSchema;
}
export type Infer<S> = S extends Schema<infer T> ? T : never;

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

/** A string, optionally with a rule of its own (`test` returns an error message or ''). */
export function string<T extends string = string>(json: JsonSchema = {}, test?: (v: string) => string): Schema<T> {
  return {
    check(v, path, report) {
      if (typeof v !== 'string') report(path, `must be a string, not ${typeName(v)}`);
      else if (test) {
        const problem = test(v);
        if (problem) report(path, problem);
      }
    },
    json: () => ({ type: 'string', ...json }),
  };
}

export function number(min?: number): Schema<number> {
  return {
    check(v, path, report) {
      if (typeof v !== 'number' || !Number.isFinite(v)) report(path, `must be a finite number, not ${quote(v)}`);
      else if (min !== undefined && v < min) report(path, `must be at least ${min}, not ${v}`);
    },
    json: () => ({ type: 'number', ...(min !== undefined && { minimum: min }) }),
  };
}

export function constant<T extends number | string>(value: T, hint = ''): Schema<T> {
  return {
    check(v, path, report) {
      if (v !== value) report(path, `must be ${quote(value)}, not ${quote(v)}${hint}`);
    },
    json: () => ({ const: value }),
  };
}

export function oneOf<const T extends readonly string[]>(values: T): Schema<T[number]> {
  return {
    check(v, path, report) {
      if (!values.includes(v as string)) report(path, `must be one of ${values.join(', ')}, not ${quote(v)}`);
    },
    json: () => ({ enum: [...values] }),
  };
}

export function array<T>(of: Schema<T>): Schema<T[]> {
  return {
    check(v, path, report) {
      if (!Array.isArray(v)) return report(path, `must be an array, not ${typeName(v)}`);
      // An index loop, not forEach: a sparse array's holes are problems too.
      for (let i = 0; i < v.length; i++) of.check(v[i], [...path, i], report);
    },
    json: (defs) => ({ type: 'array', items: of.json(defs) }),
  };
}

/** Either of two schemas, chosen by `useFirst` (used for Text: a string, else a map). */
export function either<A, B>(a: Schema<A>, b: Schema<B>, useFirst: (v: unknown) => boolean): Schema<A | B> {
  return {
    check: (v, path, report) => (useFirst(v) ? a : b).check(v, path, report),
    json: (defs) => ({ anyOf: [a.json(defs), b.json(defs)] }),
  };
}

/** A map from keys matching `key` to values of `of`, with at least one entry. */
export function record<T>(key: Schema<string>, of: Schema<T>, what: string): Schema<Record<string, T>> {
  return {
    check(v, path, report) {
      if (!isObject(v)) return report(path, `must be ${what}, not ${typeName(v)}`);
      const keys = Object.keys(v);
      if (!keys.length) report(path, `must have at least one entry`);
      for (const k of keys) {
        key.check(k, [...path, k], (p, m) => report(p, `key ${m}`));
        of.check(v[k], [...path, k], report);
      }
    },
    json: (defs) => ({
      type: 'object',
      minProperties: 1,
      propertyNames: key.json(defs),
      additionalProperties: of.json(defs),
    }),
  };
}

/** The same schema, written once under `$defs/name` in JSON Schema and referred to elsewhere. */
export function named<T, S extends Schema<T>>(name: string, schema: S & Schema<T>): S {
  return {
    ...schema,
    json(defs) {
      defs[name] ??= schema.json(defs);
      return { $ref: `#/$defs/${name}` };
    },
  };
}

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
    check(v, path, report) {
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
    },
    json(defs) {
      const properties: Record<string, JsonSchema> = {};
      for (const k of req) properties[k] = required[k]!.json(defs);
      for (const k of opt) properties[k] = optional[k]!.json(defs);
      return { type: 'object', required: req, properties };
    },
  };
}

// ---- formats used by the feed ----

const ID = '^[a-z0-9][a-z0-9-]{0,63}$';
export const isId = (v: string) => new RegExp(ID).test(v);
export const id = () =>
  string({ pattern: ID }, (v) => (isId(v) ? '' : `must be an id matching [a-z0-9][a-z0-9-]{0,63}, not ${quote(v)}`));

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** A real calendar date: 2025-02-30 is not one. */
export function isDate(v: string): boolean {
  const m = DATE.exec(v);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
  return d.getUTCFullYear() === +m[1]! && d.getUTCMonth() === +m[2]! - 1 && d.getUTCDate() === +m[3]!;
}
export const date = () =>
  string({ format: 'date' }, (v) => (isDate(v) ? '' : `must be an ISO date like 2025-05-19, not ${quote(v)}`));

// ISO 8601 extended format with an offset (seconds optional), as RFC 3339 writes offsets.
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;
export const isDateTime = (v: string) => DATE_TIME.test(v) && isDate(v.slice(0, 10)) && !Number.isNaN(Date.parse(v));
export const dateTime = () =>
  string({ format: 'date-time' }, (v) =>
    isDateTime(v) ? '' : `must be an ISO 8601 date-time with offset like 2025-05-19T10:00:00+10:00, not ${quote(v)}`,
  );

const LANG = '^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$';
// A feed repeats the same few tags in every Text, and asking Intl is the validator's slowest step.
const tags = new Map<string, boolean>();
export function isLanguageTag(v: string): boolean {
  // The length cap keeps a 10 MB "string of subtags" away from Intl.
  if (v.length > 100 || !new RegExp(LANG).test(v)) return false;
  let ok = tags.get(v);
  if (ok === undefined) {
    try {
      ok = Intl.getCanonicalLocales(v).length === 1;
    } catch {
      ok = false;
    }
    if (tags.size > 200) tags.clear();
    tags.set(v, ok);
  }
  return ok;
}
export const languageTag = () =>
  string({ pattern: LANG }, (v) => (isLanguageTag(v) ? '' : `must be a BCP 47 language tag like ru or zh-Hans, not ${quote(v)}`));

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
export const timeZone = () =>
  string({ description: 'IANA time zone name, e.g. Asia/Vladivostok' }, (v) =>
    isTimeZone(v) ? '' : `must be an IANA time zone like Asia/Vladivostok, not ${quote(v)}`,
  );

// JSON Schema patterns have no flags: spell the schemes case-insensitively for editors, as
// safeUrl() reads them. The validator's rule is safeUrl() itself.
const anyCase = (s: string) => s.replace(/[a-z]/g, (c) => `[${c}${c.toUpperCase()}]`);
export const url = (kind: 'link' | 'image' = 'link') =>
  string(
    {
      pattern: `^\\s*${anyCase(kind === 'link' ? 'https?:' : '(https?:|data:image/(png|jpeg|jpg|gif|webp|avif|bmp)[;,])')}`,
    },
    (v) =>
      v.length > MAX_URL_LENGTH
        ? `is too long (${v.length} characters; at most ${MAX_URL_LENGTH})`
        : safeUrl(v, kind)
          ? ''
          : `must be an absolute https: or http: URL${kind === 'image' ? ' (or a data:image/ raster, not SVG)' : ''}, not ${quote(v)}`,
  );
