// The widgets' reading of the feed (FEED-SPEC "Errors"): structural faults reject the feed, a
// fault confined to an item drops that item, an unusable optional field is ignored, and each is
// one `path: message` warning. The strict reading (CLI) of the same feeds is checked alongside.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { validateFeed, parseFeed, warningsOf } from '../../src/feed/validate.js';
import { safeUrl } from '../../src/feed/url.js';
import { baseFeed, type Doc } from './feed-base.js';

function lenient(change: (f: Doc) => void) {
  const f = baseFeed();
  change(f);
  const strict = validateFeed(f);
  const r = validateFeed(f, { lenient: true });
  return { r, strict, doc: f };
}
const ids = (list: { id: string }[]) => list.map((x) => x.id);

describe('validateFeed lenient: whole-feed faults', () => {
  const cases: [string, (f: Doc) => void, string][] = [
    ['another version', (f) => (f.version = 2), 'version: must be 1, not 2 (this reader understands feed version 1 only)'],
    ['no defaultLanguage', (f) => delete f.defaultLanguage, 'defaultLanguage: is required'],
    ['no forum', (f) => delete f.forum, 'forum: is required'],
    ['a bad timeZone', (f) => (f.forum.timeZone = 'Asia/Khabarovsk'), 'forum.timeZone: must be an IANA time zone like Asia/Vladivostok, not "Asia/Khabarovsk"'],
    ['a list that is not a list', (f) => (f.sessions = { parks: f.sessions[0] }), 'sessions: must be an array, not an object'],
  ];
  for (const [what, change, line] of cases) {
    it(what, () => {
      const { r, strict } = lenient((f) => {
        change(f);
        f.sessions = Array.isArray(f.sessions) ? [...f.sessions, { id: 'bad' }] : f.sessions; // item faults are not listed then
      });
      expect(r.ok).to.equal(false);
      expect(r.errors).to.deep.equal([line]);
      expect(strict.ok).to.equal(false);
    });
  }
  it('a feed that is not an object, or not JSON', () => {
    expect(validateFeed([], { lenient: true }).errors).to.deep.equal(['feed: must be an object, not an array']);
    expect(parseFeed('{', { lenient: true }).ok).to.equal(false);
  });
});

describe('validateFeed lenient: an item with a fault of its own is dropped', () => {
  const cases: [string, (f: Doc) => void, string, string[]][] = [
    ['end before start', (f) => ((f.sessions[0].end = '2025-05-19T13:00:00+10:00'), delete f.quotes[0].session), 'sessions[0].end: must be after start (2025-05-19T14:00:00+10:00)', ['sessions', 'parks']],
    ['a counter value that is not a number', (f) => (f.counters[0].value = '30'), 'counters[0].value: must be a finite number, not "30"', ['counters', 'platforms']],
    ['a duplicate id (the later item goes)', (f) => (f.people[3].id = 'ivanov'), 'people[3].id: duplicate id "ivanov", already used by people[0]', ['people', 'zhang']],
    ['an unknown role', (f) => (f.organizers[1].role = 'sponsor'), 'organizers[1].role: must be one of organizer, support, operator, partner, media-partner, not "sponsor"', ['organizers', 'roscongress']],
    ['a required reference that points nowhere', (f) => (f.quotes[2].person = 'nobody'), 'quotes[2].person: no person "nobody" in people', ['quotes', 'q3']],
    ['an item that is not an object', (f) => f.counters.push(7), 'counters[1]: must be an object, not number', ['counters', '']],
  ];
  for (const [what, change, line, [list, gone]] of cases) {
    it(what, () => {
      const { r, strict } = lenient(change);
      expect(strict.errors).to.deep.equal([line]);
      expect(r.ok, r.errors.join('\n')).to.equal(true);
      if (!r.ok) return;
      expect(r.warnings).to.deep.equal([line]);
      expect(warningsOf(r.feed)).to.deep.equal([line]);
      const kept = ids((r.feed as Doc)[list!]);
      expect(kept).not.to.include(gone);
      expect(kept.length).to.equal((baseFeed()[list!] as unknown[]).length - (gone ? 1 : 0));
    });
  }
  it('a dropped person takes the references to it along (quotes dropped, speaker entries left out)', () => {
    const { r } = lenient((f) => (f.people[1].name = 42));
    expect(r.ok).to.equal(true);
    if (!r.ok) return;
    expect(r.warnings).to.deep.equal([
      'sessions[0].speakers[1]: no person "li-wei" in people',
      'people[1].name: must be a string or an object from language tags to strings, not number',
      'quotes[1].person: no person "li-wei" in people',
    ]);
    expect(ids(r.feed.people)).to.deep.equal(['ivanov', 'petrova', 'zhang']);
    expect(r.feed.sessions[0]!.speakers).to.deep.equal(['ivanov']);
    expect(ids(r.feed.quotes)).to.deep.equal(['q1', 'q3']);
  });
  it('a dropped session leaves quotes that name it without their session', () => {
    const { r } = lenient((f) => (f.sessions[0].start = 'tomorrow'));
    expect(r.ok).to.equal(true);
    if (!r.ok) return;
    expect(r.feed.sessions).to.deep.equal([]);
    expect(r.warnings[1]).to.equal('quotes[0].session: no session "parks" in sessions');
    expect(ids(r.feed.quotes)).to.deep.equal(['q1', 'q2', 'q3']);
    expect(r.feed.quotes[0]!.session).to.equal(undefined);
  });
});

describe('validateFeed lenient: an unusable optional field is ignored', () => {
  const cases: [string, (f: Doc) => void, string, (f: Doc) => unknown][] = [
    ['a javascript: link', (f) => (f.sessions[0].url = 'javascript:alert(1)'), 'sessions[0].url: must be an absolute https: or http: URL, not "javascript:alert(1)"', (f) => f.sessions[0].url],
    ['an SVG photo', (f) => (f.people[0].photo = 'data:image/svg+xml,<svg/>'), 'people[0].photo: must be an absolute https: or http: URL (or a data:image/ raster, not SVG), not "data:image/svg+xml,<svg/>"', (f) => f.people[0].photo],
    ['an unknown qualifier', (f) => (f.counters[0].qualifier = 'over'), 'counters[0].qualifier: must be one of more-than, about, exact, not "over"', (f) => f.counters[0].qualifier],
    ['a bad forum url', (f) => (f.forum.url = 'ftp://x'), 'forum.url: must be an absolute https: or http: URL, not "ftp://x"', (f) => f.forum.url],
    ['a bad updated', (f) => (f.updated = 'yesterday'), 'updated: must be an ISO 8601 date-time with offset like 2025-05-19T10:00:00+10:00, not "yesterday"', (f) => f.updated],
  ];
  for (const [what, change, line, get] of cases) {
    it(what, () => {
      const { r, strict } = lenient(change);
      expect(strict.errors).to.deep.equal([line]);
      expect(r.ok).to.equal(true);
      if (!r.ok) return;
      expect(r.warnings).to.deep.equal([line]);
      expect(get(r.feed as Doc)).to.equal(undefined);
      // Everything else is still there.
      expect(r.feed.sessions.length + r.feed.people.length + r.feed.quotes.length).to.equal(8);
    });
  }
});

describe('validateFeed: inherited properties are never read', () => {
  const added = ['extend', 'url', 'missing', 'sessions', 'speakers', 'photo'];
  afterEach(() => {
    for (const k of added) delete (Object.prototype as Doc)[k];
  });
  it('a page with enumerable Object.prototype properties still gets a valid feed, with no borrowed fields', () => {
    for (const k of added) (Object.prototype as Doc)[k] = k === 'sessions' ? 7 : 'javascript:alert(1)';
    for (const options of [{}, { lenient: true }]) {
      const r = validateFeed(baseFeed(), options);
      expect(r.errors).to.deep.equal([]);
    }
    const f = baseFeed();
    delete f.sessions[0].url;
    const r = validateFeed(f, { lenient: true });
    expect(r.ok).to.equal(true);
    if (!r.ok) return;
    // The cleaned items have no prototype to lend a field.
    expect((r.feed.sessions[0] as Doc).url).to.equal(undefined);
    expect((r.feed.people[0] as Doc).extend).to.equal(undefined);
  });
});

describe('validateFeed lenient: property', () => {
  it('random damage to items never rejects the feed, and no forbidden URL survives', () => {
    const junk = fc.oneof(fc.constant('javascript:alert(1)'), fc.constant(null), fc.integer(), fc.string(), fc.constant({}), fc.constant('data:text/html,x'));
    const lists = ['sessions', 'people', 'quotes', 'organizers', 'counters'] as const;
    const fieldsOf: Record<string, string[]> = {
      sessions: ['id', 'title', 'start', 'end', 'url', 'stream', 'speakers', 'status', 'track'],
      people: ['id', 'name', 'photo', 'position'],
      quotes: ['id', 'person', 'session', 'text', 'date'],
      organizers: ['id', 'name', 'role', 'url', 'logo'],
      counters: ['id', 'value', 'qualifier', 'label', 'unit'],
    };
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...lists), fc.nat(5), fc.nat(9), junk), { maxLength: 8 }), (damage) => {
        const f = baseFeed();
        for (const [list, i, k, v] of damage) {
          const items = f[list] as Doc[];
          const item = items[i % items.length];
          if (item) item[fieldsOf[list]![k % fieldsOf[list]!.length]!] = v;
        }
        const r = validateFeed(f, { lenient: true });
        expect(r.ok, r.errors.join('\n')).to.equal(true);
        if (!r.ok) return;
        const strict = validateFeed(f);
        expect(r.warnings.length > 0).to.equal(!strict.ok);
        for (const s of r.feed.sessions) for (const u of [s.url, s.stream]) if (u !== undefined) expect(safeUrl(u)).to.be.a('string');
        for (const p of r.feed.people) if (p.photo !== undefined) expect(safeUrl(p.photo, 'image')).to.be.a('string');
        for (const o of r.feed.organizers) {
          if (o.url !== undefined) expect(safeUrl(o.url)).to.be.a('string');
          if (o.logo !== undefined) expect(safeUrl(o.logo, 'image')).to.be.a('string');
        }
        // What is left is a valid feed by the strict reading.
        expect(validateFeed(JSON.parse(JSON.stringify(r.feed))).errors).to.deep.equal([]);
      }),
      { numRuns: 300 },
    );
  });
});
