// schema/feed.schema.json is generated from the same schema as the validator (npm run build).
// These tests fail when the committed file is stale, and check that the JSON Schema an editor
// applies never rejects a feed the validator accepts.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { feedJsonSchema } from '../../src/feed/json-schema.js';
import { validateFeed } from '../../src/feed/validate.js';
import { baseFeed, mutatedFeed, mutation, type Doc } from './feed-base.js';

type S = Record<string, unknown>;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

// Just the JSON Schema keywords the generated schema uses, with their 2020-12 meaning (each
// applies only to values of its type; `format` is an annotation). An unknown keyword throws, so a
// schema change this evaluator cannot judge fails the test instead of passing unchecked.
const ANNOTATIONS = new Set(['$schema', '$id', 'title', 'description', 'format', '$defs']);
function accepts(root: S, schema: S, v: unknown): boolean {
  for (const [k, x] of Object.entries(schema)) {
    if (ANNOTATIONS.has(k)) continue;
    const ok = (() => {
      switch (k) {
        case '$ref': {
          const name = /^#\/\$defs\/(\w+)$/.exec(x as string)![1]!;
          return accepts(root, (root.$defs as Record<string, S>)[name]!, v);
        }
        case 'type':
          return x === 'object' ? isObject(v) : x === 'array' ? Array.isArray(v) : typeof v === x;
        case 'const':
          return v === x;
        case 'enum':
          return (x as unknown[]).includes(v);
        case 'anyOf':
          return (x as S[]).some((s) => accepts(root, s, v));
        case 'pattern':
          return typeof v !== 'string' || new RegExp(x as string, 'u').test(v);
        case 'minimum':
          return typeof v !== 'number' || v >= (x as number);
        case 'items':
          return !Array.isArray(v) || v.every((i) => accepts(root, x as S, i));
        case 'required':
          return !isObject(v) || (x as string[]).every((p) => Object.hasOwn(v, p));
        case 'properties':
          return !isObject(v) || Object.entries(x as Record<string, S>).every(([p, s]) => !Object.hasOwn(v, p) || accepts(root, s, v[p]));
        case 'minProperties':
          return !isObject(v) || Object.keys(v).length >= (x as number);
        case 'propertyNames':
          return !isObject(v) || Object.keys(v).every((p) => accepts(root, x as S, p));
        case 'additionalProperties': {
          // Only used where there are no `properties`: every value must match.
          if ('properties' in schema) throw new Error('additionalProperties beside properties: extend this evaluator');
          return !isObject(v) || Object.values(v).every((i) => accepts(root, x as S, i));
        }
        default:
          throw new Error(`JSON Schema keyword ${k} is not known to this test: extend accepts()`);
      }
    })();
    if (!ok) return false;
  }
  return true;
}

describe('schema/feed.schema.json', () => {
  it('is what the schema generates now (run npm run build when this fails)', async () => {
    const res = await fetch('/schema/feed.schema.json');
    expect(res.status, 'schema/feed.schema.json is served from the repo root').to.equal(200);
    const committed = await res.text();
    const fresh = JSON.stringify(feedJsonSchema(), null, 2) + '\n';
    // Name the first line that differs rather than print two 300-line files.
    const a = committed.split('\n');
    const b = fresh.split('\n');
    const line = a.findIndex((l, i) => l !== b[i]);
    const where = line < 0 ? `it ends early at line ${a.length}` : `line ${line + 1} is ${JSON.stringify(a[line])}, generated ${JSON.stringify(b[line])}`;
    expect(committed === fresh, `schema/feed.schema.json is stale (${where}): run npm run build and commit it`).to.equal(true);
  });

  const schema = feedJsonSchema();
  const both = (doc: unknown) => ({ validator: validateFeed(doc).ok, jsonSchema: accepts(schema, schema, doc) });

  it('accepts the valid base feed, like the validator', () => {
    expect(both(baseFeed())).to.deep.equal({ validator: true, jsonSchema: true });
  });

  it('rejects what the validator rejects for its shape', () => {
    const cases: [string, (f: Doc) => void][] = [
      ['no forum', (f) => delete f.forum],
      ['version 2', (f) => (f.version = 2)],
      ['unknown role', (f) => (f.organizers[0].role = 'sponsor')],
      ['negative counter', (f) => (f.counters[0].value = -1)],
      ['bad qualifier', (f) => (f.counters[0].qualifier = 'over')],
      ['empty Text', (f) => (f.forum.name = {})],
      ['Text with a bad key', (f) => (f.forum.name = { en_GB: 'x' })],
      ['null for an optional field', (f) => (f.forum.motto = null)],
      ['uppercase id', (f) => (f.people[0].id = 'Ivanov')],
      ['speakers not a list', (f) => (f.sessions[0].speakers = 'ivanov')],
      ['javascript: link', (f) => (f.sessions[0].url = 'javascript:alert(1)')],
      ['SVG logo', (f) => (f.organizers[0].logo = 'data:image/svg+xml,<svg/>')],
      ['relative photo', (f) => (f.people[0].photo = '/me.jpg')],
      ['sessions not a list', (f) => ((f.sessions = {}), (f.quotes = []))],
    ];
    for (const [what, change] of cases) {
      const f = baseFeed();
      change(f);
      expect(both(f), what).to.deep.equal({ validator: false, jsonSchema: false });
    }
  });

  it('leaves the rules across the document to the validator, as its description says', () => {
    const cases: [string, (f: Doc) => void][] = [
      ['duplicate id', (f) => (f.people[3].id = 'ivanov')],
      ['dangling reference', (f) => (f.quotes[0].person = 'nobody')],
      ['end before start', (f) => (f.sessions[0].end = '2025-05-19T13:00:00+10:00')],
    ];
    for (const [what, change] of cases) {
      const f = baseFeed();
      change(f);
      expect(both(f), what).to.deep.equal({ validator: false, jsonSchema: true });
    }
    expect(schema.description).to.include('unique ids, references, end after start');
  });

  it('never rejects a feed the validator accepts (random damage to a valid feed)', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (ms) => {
        // As JSON text would carry it: what an editor and the widgets both see.
        const doc = JSON.parse(JSON.stringify(mutatedFeed(ms)));
        const r = both(doc);
        if (r.validator) expect(r.jsonSchema, JSON.stringify(doc).slice(0, 2000)).to.equal(true);
      }),
      { numRuns: 400 },
    );
  });
});
