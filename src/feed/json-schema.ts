// The JSON Schema (draft 2020-12) of the feed, for editors and other tools, written from the same
// schema objects the validator checks with (each records how it was made: `made`). Not in the
// browser bundle: only scripts/gen-schema.mjs and the staleness test import it, so JSON Schema's
// own text (patterns, formats, keywords) lives here and not in the bundle.
import {
  array,
  constant,
  date,
  dateTime,
  either,
  id,
  ID,
  LANG,
  languageTag,
  number,
  object,
  oneOf,
  record,
  timeZone,
  url,
  type Schema,
} from './schema-kit.js';
import { counter, feed, forum, organization, person, quote, session, text } from './schema.js';

type JsonSchema = Record<string, unknown>;
type Defs = Record<string, JsonSchema>;
type Any = Schema<unknown>;

/** The schemas written once under `$defs/<name>` and referred to elsewhere. */
const NAMED = new Map<Any, string>([
  [text, 'Text'],
  [forum, 'Forum'],
  [session, 'Session'],
  [person, 'Person'],
  [quote, 'Quote'],
  [organization, 'Organization'],
  [counter, 'Counter'],
]);

// JSON Schema patterns have no flags: spell the schemes case-insensitively for editors, as
// safeUrl() reads them.
const anyCase = (t: string) => t.replace(/[a-z]/g, (c) => `[${c}${c.toUpperCase()}]`);

/** `schema` as JSON Schema; named schemas go into `defs` (inner ones first) and come back as a $ref. */
function write(schema: Any, defs: Defs): JsonSchema {
  const name = NAMED.get(schema);
  if (name) {
    defs[name] ??= body(schema, defs);
    return { $ref: `#/$defs/${name}` };
  }
  return body(schema, defs);
}

function body(schema: Any, defs: Defs): JsonSchema {
  const [made, ...args] = schema.made;
  const arg = (i: number) => args[i] as Any;
  const shape = (i: number) => args[i] as Record<string, Any>;
  switch (made) {
    case undefined: // string()
      return { type: 'string' };
    case id:
      return { type: 'string', pattern: ID.source };
    case languageTag:
      return { type: 'string', pattern: LANG.source };
    case date:
      return { type: 'string', format: 'date' };
    case dateTime:
      return { type: 'string', format: 'date-time' };
    case timeZone:
      return { type: 'string', description: 'IANA time zone name, e.g. Asia/Vladivostok' };
    case url:
      return {
        type: 'string',
        pattern: `^\\s*${anyCase(args[0] === 'link' ? 'https?:' : '(https?:|data:image/(png|jpeg|jpg|gif|webp|avif|bmp)[;,])')}`,
      };
    case number:
      return { type: 'number', ...(args[0] !== undefined && { minimum: args[0] }) };
    case constant:
      return { const: args[0] };
    case oneOf:
      return { enum: [...(args[0] as string[])] };
    case array:
      return { type: 'array', items: write(arg(0), defs) };
    case either:
      return { anyOf: [write(arg(0), defs), write(arg(1), defs)] };
    case record:
      return { type: 'object', minProperties: 1, propertyNames: write(arg(0), defs), additionalProperties: write(arg(1), defs) };
    case object: {
      const properties: JsonSchema = {};
      for (const [k, v] of [...Object.entries(shape(0)), ...Object.entries(shape(1))]) properties[k] = write(v, defs);
      return { type: 'object', required: Object.keys(shape(0)), properties };
    }
  }
  throw new Error(`json-schema.ts cannot write a schema made by ${String((made as { name?: string })?.name ?? made)}`);
}

export function feedJsonSchema(): Record<string, unknown> {
  const $defs: Defs = {};
  const root = write(feed, $defs);
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://unpkg.com/forum-widgets/schema/feed.schema.json',
    title: 'Forum feed, version 1',
    description:
      'The JSON document the forum-widgets elements read. Contract: docs/feed-format.md. This schema checks the shape; ' +
      'the rules that look across the document (unique ids, references, end after start, real dates and time zones, ' +
      'safe URLs) are checked by `forum-feed validate`, the same validator the widgets run.',
    ...root,
    $defs,
  };
}
