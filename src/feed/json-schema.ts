// The JSON Schema (draft 2020-12) of the feed, for editors and other tools. Not in the browser
// bundle: only scripts/gen-schema.mjs and the staleness test import it.
import type { Defs } from './schema-kit.js';
import { feed } from './schema.js';

export function feedJsonSchema(): Record<string, unknown> {
  const $defs: Defs = {};
  const root = feed.json($defs);
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
