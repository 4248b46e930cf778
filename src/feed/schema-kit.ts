// A very small schema kit: each schema checks a value at runtime (collecting every problem as a
// `path: message` line), carries its TypeScript type, and writes itself as JSON Schema. One
// definition (schema.ts) thus gives the types, the validator in the bundle and the shipped
// feed.schema.json, so they cannot drift apart. Written here rather than pulled from a library
// because the validators that also emit JSON Schema cost 10-50 KB gzip; this costs about 1 KB.
import { safeUrl } from './url.js';

export type Report = (path: string, message: string) => void;
export type JsonSchema = Record<string, unknown>;
export type Defs = Record<string, JsonSchema>;

export interface Schema<T> {
  /** Phantom field: the TypeScript type this schema admits. */
  readonly _type?: T;
  check(value: unknown, path: string, report: Report): void;
  json(defs: Defs): JsonSchema;
}
export type Infer<S> = S extends Schema<infer T> ? T : never;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A value quoted for a message, cut short so a 10 MB string cannot flood the report. */
export const quote = (v: unknown): string => {
  let s: string;
  try {
    s = typeof v === 'string' ? JSON.stringify(v.length > 60 ? v.slice(0, 60) + '…' : v) : String(JSON.stringify(v));
  } catch {
    s = typeof v;
  }
  return s.length > 70 ? s.slice(0, 70) + '…' : s;
};

const typeName = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v);

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
      if (v !== value) report(path, `must be ${quote(value)}${hint}, not ${quote(v)}`);
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
      v.forEach((item, i) => of.check(item, `${path}[${i}]`, report));
    },
    json: (defs) => ({ type: 'array', items: of.json(defs) }),
  };
}

/** Either of two schemas; reports the second's problems when neither fits (used for Text). */
export function either<A, B>(a: Schema<A>, b: Schema<B>, describe: (v: unknown) => boolean): Schema<A | B> {
  return {
    check: (v, path, report) => (describe(v) ? a : b).check(v, path, report),
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
        key.check(k, `${path}.${k}`, (p, m) => report(p, `key ${m}`));
        of.check(v[k], `${path}.${k}`, report);
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

type Shape = Record<string, Schema<unknown>>;
type Simplify<T> = { [K in keyof T]: T[K] } & {};
type ObjectOf<R extends Shape, O extends Shape> = Simplify<
  { [K in keyof R]: Infer<R[K]> } & { [K in keyof O]?: Infer<O[K]> }
>;

/**
 * An object with required and optional fields. Unknown fields are ignored (forward
 * compatibility). With `name`, the JSON Schema puts it under `$defs`.
 */
export function object<R extends Shape, O extends Shape>(required: R, optional: O, name?: string): Schema<ObjectOf<R, O>> {
  return {
    check(v, path, report) {
      if (!isObject(v)) return report(path || 'feed', `must be an object, not ${typeName(v)}`);
      const at = (k: string) => (path ? `${path}.${k}` : k);
      for (const k in required) {
        if (v[k] === undefined) report(at(k), 'is required');
        else required[k]!.check(v[k], at(k), report);
      }
      for (const k in optional) if (v[k] !== undefined && v[k] !== null) optional[k]!.check(v[k], at(k), report);
    },
    json(defs) {
      const properties: Record<string, JsonSchema> = {};
      for (const k in required) properties[k] = required[k]!.json(defs);
      for (const k in optional) properties[k] = optional[k]!.json(defs);
      const schema = { type: 'object', required: Object.keys(required), properties };
      if (!name) return schema;
      defs[name] = schema;
      return { $ref: `#/$defs/${name}` };
    },
  };
}

// ---- formats used by the feed ----

const ID = '^[a-z0-9][a-z0-9-]{0,63}$';
export const id = () => string({ pattern: ID }, (v) => (new RegExp(ID).test(v) ? '' : `must be an id matching [a-z0-9][a-z0-9-]{0,63}, not ${quote(v)}`));

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** A real calendar date: 2025-02-30 is not one. */
export function isDate(v: string): boolean {
  const m = DATE.exec(v);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
  return d.getUTCFullYear() === +m[1]! && d.getUTCMonth() === +m[2]! - 1 && d.getUTCDate() === +m[3]!;
}
export const date = () => string({ format: 'date' }, (v) => (isDate(v) ? '' : `must be an ISO date like 2025-05-19, not ${quote(v)}`));

const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3]):?[0-5]\d)$/;
export const isDateTime = (v: string) => DATE_TIME.test(v) && isDate(v.slice(0, 10)) && !Number.isNaN(Date.parse(v));
export const dateTime = () =>
  string({ format: 'date-time' }, (v) =>
    isDateTime(v) ? '' : `must be an ISO 8601 date-time with offset like 2025-05-19T10:00:00+10:00, not ${quote(v)}`,
  );

const LANG = '^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$';
export function isLanguageTag(v: string): boolean {
  if (!new RegExp(LANG).test(v)) return false;
  try {
    return Intl.getCanonicalLocales(v).length === 1;
  } catch {
    return false;
  }
}
export const languageTag = () => string({ pattern: LANG }, (v) => (isLanguageTag(v) ? '' : `must be a BCP 47 language tag like ru or zh-Hans, not ${quote(v)}`));

export function isTimeZone(v: string): boolean {
  // Intl knows the IANA database of the runtime; a fixed offset like "+10:00" is not a zone.
  if (!/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(v)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: v });
    return true;
  } catch {
    return false;
  }
}
export const timeZone = () =>
  string({ description: 'IANA time zone name, e.g. Asia/Vladivostok' }, (v) => (isTimeZone(v) ? '' : `must be an IANA time zone like Asia/Vladivostok, not ${quote(v)}`));

export const url = (kind: 'link' | 'image' = 'link') =>
  string(
    kind === 'link'
      ? { format: 'uri', pattern: '^https?://' }
      : { pattern: '^(https?://|data:image/(png|jpeg|jpg|gif|webp|avif|bmp)[;,])' },
    (v) =>
      safeUrl(v, kind)
        ? ''
        : `must be an absolute https: or http: URL${kind === 'image' ? ' (or a data:image/ raster, not SVG)' : ''}, not ${quote(v)}`,
  );
