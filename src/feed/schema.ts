// The forum feed, version 1 (docs/feed-format.md), as one schema: the source of the types
// (types.ts), the runtime validator (validate.ts) and feed.schema.json (scripts/gen-schema.mjs).
// Rules that look across the document (unique ids, references, end after start) are in validate.ts.
import {
  array,
  constant,
  date,
  dateTime,
  either,
  id,
  languageTag,
  number,
  object,
  oneOf,
  record,
  string,
  timeZone,
  url,
  type Schema,
} from './schema-kit.js';

/** A plain string in the feed's defaultLanguage, or a map from BCP 47 tags to strings. */
export const text: Schema<string | Record<string, string>> = either(
  string(),
  record(languageTag(), string(), 'a string or an object from language tags to strings'),
  (v) => typeof v === 'string',
);

export const ROLES = ['organizer', 'support', 'operator', 'partner', 'media-partner'] as const;
export const QUALIFIERS = ['more-than', 'about', 'exact'] as const;
export const SESSION_STATUSES = ['scheduled', 'cancelled'] as const;

// Each list's item and the forum are written once under $defs in JSON Schema (json-schema.ts names them).
export const forum = object(
  { id: id(), name: text, timeZone: timeZone(), startDate: date(), endDate: date() },
  { motto: text, location: text, url: url() },
);

export const session = object(
  { id: id(), title: text, start: dateTime(), end: dateTime() },
  {
    summary: text,
    venue: text,
    // Added within version 1 for programme filters; older widgets ignore it (unknown fields are).
    track: text,
    speakers: array(id()),
    moderators: array(id()),
    status: oneOf(SESSION_STATUSES),
    url: url(),
    stream: url(),
  },
);

export const person = object({ id: id(), name: text }, { position: text, organization: text, photo: url('image') });

export const quote = object({ id: id(), person: id(), text }, { session: id(), date: date() });

export const organization = object(
  { id: id(), name: text, role: oneOf(ROLES) },
  { url: url(), logo: url('image'), roleLabel: text },
);

export const counter = object({ id: id(), value: number(0), label: text }, { qualifier: oneOf(QUALIFIERS), unit: text });

export const FEED_VERSION = 1;
export const version = constant(FEED_VERSION, ' (this reader understands feed version 1 only)');

export const feed = object(
  {
    version,
    defaultLanguage: languageTag(),
    forum,
  },
  {
    updated: dateTime(),
    note: string(),
    sessions: array(session),
    people: array(person),
    quotes: array(quote),
    organizers: array(organization),
    counters: array(counter),
  },
);
