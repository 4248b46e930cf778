// Every rule of FEED-SPEC.md, each with a feed that passes and one that fails with the exact
// `path: message` line; then the report as a whole (all problems, document order, the cap), and
// that nothing a feed holds makes the validator throw.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { validateFeed, parseFeed, MAX_ERRORS } from '../../src/feed/validate.js';
import { baseFeed, mutatedFeed, mutation, setOwn, type Doc } from './feed-base.js';

/** The lines the validator reports for the base feed after `change`. */
function errorsAfter(change: (f: Doc) => void): string[] {
  const f = baseFeed();
  change(f);
  return validateFeed(f).errors;
}
const passes = (change: (f: Doc) => void) => expect(errorsAfter(change)).to.deep.equal([]);
const fails = (change: (f: Doc) => void, ...lines: string[]) => expect(errorsAfter(change)).to.deep.equal(lines);

const LINK = 'must be an absolute https: or http: URL';
const IMAGE = 'must be an absolute https: or http: URL (or a data:image/ raster, not SVG)';
const LISTS = ['sessions', 'people', 'quotes', 'organizers', 'counters'] as const;
const TEXT = 'must be a string or an object from language tags to strings';

describe('validateFeed: the base feed', () => {
  it('is valid and comes back with its content', () => {
    const r = validateFeed(baseFeed());
    expect(r.errors).to.deep.equal([]);
    expect(r.ok).to.equal(true);
    if (r.ok) expect(r.feed.sessions[0]!.id).to.equal('parks');
  });
  it('absent lists come back as []', () => {
    const f = baseFeed();
    for (const k of ['sessions', 'people', 'quotes', 'organizers', 'counters']) delete f[k];
    const r = validateFeed(f);
    expect(r.ok, r.errors.join('\n')).to.equal(true);
    if (r.ok) {
      expect([r.feed.sessions, r.feed.people, r.feed.quotes, r.feed.organizers, r.feed.counters]).to.deep.equal([[], [], [], [], []]);
    }
  });
});

describe('validateFeed: top level', () => {
  it('version must be 1', () => {
    passes((f) => (f.version = 1));
    fails((f) => delete f.version, 'version: is required');
    fails((f) => (f.version = '1'), 'version: must be 1, not "1" (this reader understands feed version 1 only)');
  });
  it('another version is reported alone, not as a broken version 1 feed', () => {
    fails(
      (f) => ((f.version = 2), (f.forum = null), (f.sessions = 'x')),
      'version: must be 1, not 2 (this reader understands feed version 1 only)',
    );
  });
  it('defaultLanguage is a required BCP 47 tag', () => {
    passes((f) => (f.defaultLanguage = 'zh-Hans'));
    fails((f) => delete f.defaultLanguage, 'defaultLanguage: is required');
    fails((f) => (f.defaultLanguage = 'ru_RU'), 'defaultLanguage: must be a BCP 47 language tag like ru or zh-Hans, not "ru_RU"');
    fails((f) => (f.defaultLanguage = 7), 'defaultLanguage: must be a string, not number');
  });
  it('updated is an ISO 8601 date-time', () => {
    passes((f) => (f.updated = '2025-05-10T02:00:00.5Z'));
    passes((f) => delete f.updated);
    fails(
      (f) => (f.updated = '2025-05-10'),
      'updated: must be an ISO 8601 date-time with offset like 2025-05-19T10:00:00+10:00, not "2025-05-10"',
    );
  });
  it('note is a string', () => {
    passes((f) => delete f.note);
    fails((f) => (f.note = ['a']), 'note: must be a string, not an array');
  });
  it('forum is a required object', () => {
    fails((f) => delete f.forum, 'forum: is required');
    fails((f) => (f.forum = []), 'forum: must be an object, not an array');
  });
  it('each list, when present, is an array (null is not absent)', () => {
    for (const list of LISTS) {
      const only = (value: unknown) => (f: Doc) => {
        for (const l of LISTS) f[l] = [];
        f[list] = value;
      };
      passes(only([]));
      fails(only({}), `${list}: must be an array, not an object`);
      fails(only(null), `${list}: must be an array, not null`);
    }
  });
  it('the whole value must be an object', () => {
    for (const [value, what] of [[null, 'null'], [[], 'an array'], ['feed', 'string'], [1, 'number'], [undefined, 'undefined']] as const) {
      expect(validateFeed(value).errors).to.deep.equal([`feed: must be an object, not ${what}`]);
    }
  });
  it('unknown fields are ignored everywhere', () => {
    passes((f) => {
      f.extra = { any: ['thing', null] };
      for (const o of [f.forum, f.sessions[0], f.people[0], f.quotes[0], f.organizers[0], f.counters[0]]) {
        o.futureField = [1, 'javascript:alert(1)', null];
        setOwn(o, '__proto__', { polluted: true });
      }
    });
    expect(({} as Doc).polluted).to.equal(undefined);
  });
});

describe('validateFeed: ids', () => {
  it('an id matches [a-z0-9][a-z0-9-]{0,63}', () => {
    passes((f) => ((f.forum.id = '0'), (f.counters[0].id = 'a'.repeat(64))));
    passes((f) => (f.people[3].id = 'zhang-2-b'));
    for (const bad of ['Zhang', '-zhang', 'zhang wei', '', 'a'.repeat(59) + 'bcdefg', 'чжан']) {
      const shown = JSON.stringify(bad.length > 60 ? bad.slice(0, 60) + '…' : bad); // long values are cut short
      fails((f) => (f.people[3].id = bad), `people[3].id: must be an id matching [a-z0-9][a-z0-9-]{0,63}, not ${shown}`);
    }
    fails((f) => (f.forum.id = 5), 'forum.id: must be a string, not number');
  });
  it('every item needs its id', () => {
    for (const list of ['sessions', 'people', 'quotes', 'organizers', 'counters']) {
      const f = baseFeed();
      const last = f[list].length - 1;
      if (list === 'people') f.people[last].id = undefined; // zhang is referred to by nothing
      else if (list === 'sessions') (delete f.sessions[0].id, delete f.quotes[0].session);
      else delete f[list][last].id;
      expect(validateFeed(f).errors).to.deep.equal([`${list}[${last}].id: is required`]);
    }
  });
  it('ids are unique within their list, and the line names the first holder', () => {
    fails((f) => (f.people[3].id = 'ivanov'), 'people[3].id: duplicate id "ivanov", already used by people[0]');
    fails(
      (f) => f.organizers.push({ id: 'agency', name: 'x', role: 'partner' }),
      'organizers[2].id: duplicate id "agency", already used by organizers[0]',
    );
    // A malformed id gets its own line only, even when repeated.
    fails(
      (f) => ((f.people[2].id = 'Li Wei'), (f.people[3].id = 'Li Wei'), (f.sessions[0].moderators = []), (f.quotes[2].person = 'ivanov')),
      'people[2].id: must be an id matching [a-z0-9][a-z0-9-]{0,63}, not "Li Wei"',
      'people[3].id: must be an id matching [a-z0-9][a-z0-9-]{0,63}, not "Li Wei"',
    );
    // Lists are separate namespaces.
    passes((f) => ((f.people[3].id = 'parks'), (f.counters[0].id = 'agency')));
  });
});

describe('validateFeed: references name both ends', () => {
  it('quote.person must be a person', () => {
    passes((f) => (f.quotes[2].person = 'zhang'));
    fails((f) => (f.quotes[2].person = 'li-wei-2'), 'quotes[2].person: no person "li-wei-2" in people');
    fails((f) => delete f.quotes[2].person, 'quotes[2].person: is required');
  });
  it('quote.session must be a session', () => {
    fails((f) => (f.quotes[0].session = 'gala'), 'quotes[0].session: no session "gala" in sessions');
    passes((f) => delete f.quotes[0].session);
  });
  it('speakers and moderators must be people', () => {
    passes((f) => ((f.sessions[0].speakers = ['zhang', 'ivanov']), (f.sessions[0].moderators = [])));
    fails((f) => f.sessions[0].speakers.push('li'), 'sessions[0].speakers[2]: no person "li" in people');
    fails((f) => (f.sessions[0].moderators = ['nobody']), 'sessions[0].moderators[0]: no person "nobody" in people');
    fails((f) => (f.sessions[0].speakers = 'ivanov'), 'sessions[0].speakers: must be an array, not string');
    fails((f) => (f.sessions[0].speakers = ['Ivanov']), 'sessions[0].speakers[0]: must be an id matching [a-z0-9][a-z0-9-]{0,63}, not "Ivanov"');
  });
  it('a removed person is reported at every place that names them', () => {
    fails(
      (f) => f.people.splice(1, 1),
      'sessions[0].speakers[1]: no person "li-wei" in people',
      'quotes[1].person: no person "li-wei" in people',
    );
  });
});

describe('validateFeed: localized text', () => {
  it('is a plain string or an object from language tags to strings', () => {
    passes((f) => (f.forum.name = 'Форум'));
    passes((f) => (f.forum.name = { 'zh-Hans-CN': '论坛', 'sr-Latn': 'Forum', en: '' }));
    fails((f) => (f.forum.name = 42), `forum.name: ${TEXT}, not number`);
    fails((f) => (f.forum.name = ['a']), `forum.name: ${TEXT}, not an array`);
    fails((f) => (f.forum.name = null), `forum.name: ${TEXT}, not null`);
    fails((f) => (f.forum.name = {}), 'forum.name: must have at least one entry');
    fails((f) => (f.forum.name.en = 1), 'forum.name.en: must be a string, not number');
    fails((f) => (f.forum.name.en_GB = 'x'), 'forum.name.en_GB: key must be a BCP 47 language tag like ru or zh-Hans, not "en_GB"');
    fails((f) => (f.forum.name['en gb'] = 'x'), 'forum.name["en gb"]: key must be a BCP 47 language tag like ru or zh-Hans, not "en gb"');
  });
  it('every Text field is checked', () => {
    const fields: [string, (f: Doc) => Doc][] = [
      ['forum.motto', (f) => f.forum],
      ['forum.location', (f) => f.forum],
      ['sessions[0].title', (f) => f.sessions[0]],
      ['sessions[0].summary', (f) => f.sessions[0]],
      ['sessions[0].venue', (f) => f.sessions[0]],
      ['sessions[0].track', (f) => f.sessions[0]],
      ['people[0].name', (f) => f.people[0]],
      ['people[0].position', (f) => f.people[0]],
      ['people[0].organization', (f) => f.people[0]],
      ['quotes[0].text', (f) => f.quotes[0]],
      ['organizers[0].name', (f) => f.organizers[0]],
      ['organizers[1].roleLabel', (f) => f.organizers[1]],
      ['counters[0].label', (f) => f.counters[0]],
      ['counters[0].unit', (f) => f.counters[0]],
    ];
    for (const [path, holder] of fields) {
      const key = path.split('.').pop()!;
      passes((f) => (holder(f)[key] = { en: 'ok' }));
      fails((f) => (holder(f)[key] = true), `${path}: ${TEXT}, not boolean`);
    }
  });
});

describe('validateFeed: forum', () => {
  it('timeZone is a real IANA zone', () => {
    passes((f) => (f.forum.timeZone = 'UTC'));
    passes((f) => (f.forum.timeZone = 'Europe/Moscow'));
    // Khabarovsk keeps Vladivostok time and has no zone of its own: the spec's own trap.
    for (const bad of ['Asia/Khabarovsk', 'Asia/Nowhere', '+10:00', 'Vladivostok', '']) {
      fails((f) => (f.forum.timeZone = bad), `forum.timeZone: must be an IANA time zone like Asia/Vladivostok, not ${JSON.stringify(bad)}`);
    }
    fails((f) => delete f.forum.timeZone, 'forum.timeZone: is required');
  });
  it('startDate and endDate are real ISO dates, end not before start', () => {
    passes((f) => (f.forum.endDate = '2025-05-19'));
    fails((f) => (f.forum.startDate = '2025-02-30'), 'forum.startDate: must be an ISO date like 2025-05-19, not "2025-02-30"');
    fails((f) => (f.forum.endDate = '20.05.2025'), 'forum.endDate: must be an ISO date like 2025-05-19, not "20.05.2025"');
    fails((f) => (f.forum.endDate = '2025-05-18'), 'forum.endDate: must not be before startDate (2025-05-19)');
    fails((f) => delete f.forum.startDate, 'forum.startDate: is required');
  });
  it('name and id are required', () => {
    fails((f) => ((f.forum.name = undefined), delete f.forum.id), 'forum.id: is required', 'forum.name: is required');
  });
});

describe('validateFeed: sessions', () => {
  it('start and end are date-times with an offset', () => {
    passes((f) => ((f.sessions[0].start = '2025-05-19T04:00Z'), (f.sessions[0].end = '2025-05-19T04:00:00.001Z')));
    const msg = 'must be an ISO 8601 date-time with offset like 2025-05-19T10:00:00+10:00, not';
    fails((f) => (f.sessions[0].start = '2025-05-19T14:00:00'), `sessions[0].start: ${msg} "2025-05-19T14:00:00"`);
    fails((f) => (f.sessions[0].start = '2025-05-19 14:00:00+10:00'), `sessions[0].start: ${msg} "2025-05-19 14:00:00+10:00"`);
    fails((f) => (f.sessions[0].end = '2025-05-32T14:00:00+10:00'), `sessions[0].end: ${msg} "2025-05-32T14:00:00+10:00"`);
    fails((f) => (f.sessions[0].end = '2025-05-19T24:00:00+10:00'), `sessions[0].end: ${msg} "2025-05-19T24:00:00+10:00"`);
    fails((f) => delete f.sessions[0].start, 'sessions[0].start: is required');
  });
  it('end is after start, comparing instants across offsets', () => {
    passes((f) => (f.sessions[0].end = '2025-05-19T04:01:00Z')); // 14:01 in Vladivostok
    fails((f) => (f.sessions[0].end = '2025-05-19T04:00:00Z'), 'sessions[0].end: must be after start (2025-05-19T14:00:00+10:00)');
    fails((f) => (f.sessions[0].end = '2025-05-19T13:00:00+10:00'), 'sessions[0].end: must be after start (2025-05-19T14:00:00+10:00)');
  });
  it('a malformed time gets one line, not a second "after start" one', () => {
    fails(
      (f) => (f.sessions[0].end = 'May 19 2025 10:00'),
      'sessions[0].end: must be an ISO 8601 date-time with offset like 2025-05-19T10:00:00+10:00, not "May 19 2025 10:00"',
    );
  });
  it('status is scheduled or cancelled', () => {
    passes((f) => (f.sessions[0].status = 'cancelled'));
    passes((f) => delete f.sessions[0].status);
    fails((f) => (f.sessions[0].status = 'postponed'), 'sessions[0].status: must be one of scheduled, cancelled, not "postponed"');
  });
  it('title is required', () => {
    fails((f) => delete f.sessions[0].title, 'sessions[0].title: is required');
  });
  it('an item that is not an object says so', () => {
    fails((f) => f.sessions.push('parks-2'), 'sessions[1]: must be an object, not string');
  });
});

describe('validateFeed: people, quotes, organisations, counters', () => {
  it('a person needs a name', () => {
    fails((f) => delete f.people[3].name, 'people[3].name: is required');
  });
  it('a quote needs text and may have an ISO date', () => {
    fails((f) => delete f.quotes[2].text, 'quotes[2].text: is required');
    fails((f) => (f.quotes[0].date = '2025-5-19'), 'quotes[0].date: must be an ISO date like 2025-05-19, not "2025-5-19"');
  });
  it('role is one of the five, and required', () => {
    for (const role of ['organizer', 'support', 'operator', 'partner', 'media-partner']) passes((f) => (f.organizers[1].role = role));
    const line = 'must be one of organizer, support, operator, partner, media-partner, not';
    fails((f) => (f.organizers[1].role = 'sponsor'), `organizers[1].role: ${line} "sponsor"`);
    fails((f) => (f.organizers[1].role = 'Organizer'), `organizers[1].role: ${line} "Organizer"`);
    fails((f) => delete f.organizers[1].role, 'organizers[1].role: is required');
  });
  it('a counter value is a finite number >= 0', () => {
    passes((f) => (f.counters[0].value = 0));
    passes((f) => (f.counters[0].value = 1e308));
    fails((f) => (f.counters[0].value = -1), 'counters[0].value: must be at least 0, not -1');
    fails((f) => (f.counters[0].value = '3000'), 'counters[0].value: must be a finite number, not "3000"');
    fails((f) => (f.counters[0].value = JSON.parse('1e400')), 'counters[0].value: must be a finite number, not Infinity');
    fails((f) => (f.counters[0].value = NaN), 'counters[0].value: must be a finite number, not NaN');
    fails((f) => delete f.counters[0].value, 'counters[0].value: is required');
  });
  it('qualifier is more-than, about or exact', () => {
    for (const q of ['more-than', 'about', 'exact']) passes((f) => (f.counters[0].qualifier = q));
    passes((f) => delete f.counters[0].qualifier);
    fails((f) => (f.counters[0].qualifier = 'over'), 'counters[0].qualifier: must be one of more-than, about, exact, not "over"');
  });
});

describe('validateFeed: URLs', () => {
  const links: [string, (f: Doc) => Doc][] = [
    ['forum.url', (f) => f.forum],
    ['sessions[0].url', (f) => f.sessions[0]],
    ['sessions[0].stream', (f) => f.sessions[0]],
    ['organizers[0].url', (f) => f.organizers[0]],
  ];
  const images: [string, (f: Doc) => Doc][] = [
    ['people[0].photo', (f) => f.people[0]],
    ['organizers[0].logo', (f) => f.organizers[0]],
  ];
  it('links are absolute https: or http:', () => {
    for (const [path, holder] of links) {
      const key = path.split('.').pop()!;
      passes((f) => (holder(f)[key] = 'http://example.org/a?b=1'));
      for (const bad of ['javascript:alert(1)', ' JaVaScRiPt:alert(1)', '/relative', '//example.org/x', 'ftp://example.org/', 'data:image/png;base64,AA==']) {
        fails((f) => (holder(f)[key] = bad), `${path}: ${LINK}, not ${JSON.stringify(bad)}`);
      }
    }
  });
  it('photos and logos may also be raster data: URLs, never SVG or HTML', () => {
    for (const [path, holder] of images) {
      const key = path.split('.').pop()!;
      passes((f) => (holder(f)[key] = 'data:image/webp;base64,UklGRg=='));
      passes((f) => (holder(f)[key] = 'https://example.org/logo.svg'));
      for (const bad of ['data:image/svg+xml,<svg onload=alert(1)>', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)']) {
        fails((f) => (holder(f)[key] = bad), `${path}: ${IMAGE}, not ${JSON.stringify(bad)}`);
      }
    }
  });
  it('a URL longer than a million characters is reported by its length', () => {
    fails(
      (f) => (f.people[0].photo = 'data:image/png;base64,' + 'A'.repeat(1_000_000)),
      'people[0].photo: is too long (1000022 characters; at most 1000000)',
    );
  });
});

describe('validateFeed: the report', () => {
  it('lists every problem, in document order, version first', () => {
    const f = baseFeed();
    const { version: _v, ...rest } = f; // version last in the document, yet first in the report
    const doc: Doc = { ...rest, version: '1' };
    doc.forum.timeZone = '+10:00';
    delete doc.forum.name;
    doc.sessions[0].end = '2025-05-19T13:00:00+10:00';
    doc.sessions[0].speakers[1] = 'li';
    doc.people[3].id = 'ivanov';
    doc.quotes[2].person = 'nobody';
    doc.counters[0].value = -1;
    doc.counters[0].qualifier = 'over';
    expect(validateFeed(doc).errors).to.deep.equal([
      'version: must be 1, not "1" (this reader understands feed version 1 only)',
      'forum.name: is required',
      'forum.timeZone: must be an IANA time zone like Asia/Vladivostok, not "+10:00"',
      'sessions[0].end: must be after start (2025-05-19T14:00:00+10:00)',
      'sessions[0].speakers[1]: no person "li" in people',
      'people[3].id: duplicate id "ivanov", already used by people[0]',
      'quotes[2].person: no person "nobody" in people',
      'counters[0].value: must be at least 0, not -1',
      'counters[0].qualifier: must be one of more-than, about, exact, not "over"',
    ]);
  });
  it('follows the order of keys in the document, not in the schema', () => {
    const doc = parseFeed(
      JSON.stringify({ ...baseFeed(), counters: [{ unit: 1, qualifier: 'x', label: 2, value: -1, id: 'C' }] }),
    );
    expect(doc.errors).to.deep.equal([
      `counters[0].unit: ${TEXT}, not number`,
      'counters[0].qualifier: must be one of more-than, about, exact, not "x"',
      `counters[0].label: ${TEXT}, not number`,
      'counters[0].value: must be at least 0, not -1',
      'counters[0].id: must be an id matching [a-z0-9][a-z0-9-]{0,63}, not "C"',
    ]);
  });
  it(`stops listing at ${MAX_ERRORS} lines and says how many more there were`, () => {
    const errors = errorsAfter((f) => {
      f.sessions = Array.from({ length: MAX_ERRORS + 100 }, (_, i) => ({ ...f.sessions[0], id: `S${i}`, speakers: [] }));
      delete f.quotes[0].session;
    });
    expect(errors.length).to.equal(MAX_ERRORS + 1);
    expect(errors[0]).to.equal('sessions[0].id: must be an id matching [a-z0-9][a-z0-9-]{0,63}, not "S0"');
    expect(errors[MAX_ERRORS - 1]).to.equal(`sessions[${MAX_ERRORS - 1}].id: must be an id matching [a-z0-9][a-z0-9-]{0,63}, not "S${MAX_ERRORS - 1}"`);
    expect(errors[MAX_ERRORS]).to.equal('feed: 100 more problems not listed');
  });
  it('parseFeed: text that is not JSON is one feed: line', () => {
    const r = parseFeed('{"version": 1,');
    expect(r.ok).to.equal(false);
    expect(r.errors).to.have.length(1);
    expect(r.errors[0]).to.match(/^feed: is not valid JSON \(.+\)$/);
    expect(parseFeed(JSON.stringify(baseFeed())).ok).to.equal(true);
  });
});

describe('validateFeed: hostile input', () => {
  const ten = 'x'.repeat(10 * 1024 * 1024);
  it('10 MB strings in every kind of field give short lines', () => {
    const errors = errorsAfter((f) => {
      f.defaultLanguage = ten;
      f.forum.timeZone = ten;
      f.forum.id = ten;
      f.sessions[0].start = ten;
      f.sessions[0].status = ten;
      f.people[0].photo = ten;
      f.forum.name = { [ten]: 'x' };
      f.counters[0].value = ten;
    });
    expect(errors).to.have.length(8);
    for (const line of errors) expect(line.length).to.be.below(300, line.slice(0, 300));
    expect(errors[0]).to.equal(`defaultLanguage: must be a BCP 47 language tag like ru or zh-Hans, not "${'x'.repeat(60)}…"`);
    expect(errors).to.include(`forum.name["${'x'.repeat(60)}…"]: key must be a BCP 47 language tag like ru or zh-Hans, not "${'x'.repeat(60)}…"`);
  });
  it('a 10 MB JSON text of junk does not throw', () => {
    expect(parseFeed(ten).errors[0]).to.match(/^feed: is not valid JSON/);
    expect(parseFeed(JSON.stringify({ version: 1, junk: ten })).errors).to.deep.equal(['defaultLanguage: is required', 'forum: is required']);
  });
  it('arrays nested 100 000 deep, wherever they are', () => {
    let deep: unknown = [];
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(validateFeed(deep).errors).to.deep.equal(['feed: must be an object, not an array']);
    fails((f) => (f.forum = deep), 'forum: must be an object, not an array');
    fails((f) => (f.sessions[0].speakers = deep), 'sessions[0].speakers[0]: must be a string, not an array');
    fails((f) => (f.counters[0].value = deep), 'counters[0].value: must be a finite number, not an array');
    passes((f) => (f.extra = deep));
    const text = '['.repeat(100_000) + ']'.repeat(100_000);
    expect(() => parseFeed(text)).not.to.throw();
    expect(parseFeed(text).ok).to.equal(false);
  });
  it('__proto__ and other prototype keys are plain data', () => {
    const r = parseFeed(
      JSON.stringify(baseFeed()).replace('"version":1', '"__proto__":{"version":1,"polluted":1},"constructor":{"prototype":{"polluted":1}},"version":1')
        .replace('"ru":"Хабаровск"', '"__proto__":"x","ru":"Хабаровск"'),
    );
    expect(r.errors).to.deep.equal(['forum.location.__proto__: key must be a BCP 47 language tag like ru or zh-Hans, not "__proto__"']);
    expect(({} as Doc).polluted).to.equal(undefined);
    // A required field lent by a prototype is still missing.
    const lent = Object.create({ version: 1, defaultLanguage: 'ru' }) as Doc;
    lent.forum = baseFeed().forum;
    expect(validateFeed(lent).errors).to.deep.equal(['version: is required', 'defaultLanguage: is required']);
  });
  it('values JSON cannot make (proxies, throwing getters) give a line, not an exception', () => {
    const fail = () => {
      throw new Error('trap');
    };
    const trap = new Proxy({}, { ownKeys: fail, get: fail, getOwnPropertyDescriptor: fail, has: fail });
    expect(validateFeed(trap).errors).to.deep.equal(['feed: could not be read (trap)']);
  });
  it('never throws for any JSON value, and every line is one path: message', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const r = validateFeed(v);
        expect(r.ok).to.equal(false);
        wellFormed(r.errors);
      }),
      { numRuns: 300 },
    );
  });
  it('never throws for random damage to a valid feed', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 6 }), (ms) => {
        const doc = mutatedFeed(ms);
        const r = validateFeed(doc);
        expect(r.ok).to.equal(r.errors.length === 0);
        wellFormed(r.errors);
        if (r.ok) for (const k of ['sessions', 'people', 'quotes', 'organizers', 'counters'] as const) expect(r.feed[k]).to.be.an('array');
        // The same document as JSON text (what the CLI and the loader see) is just as safe.
        wellFormed(parseFeed(JSON.stringify(doc)).errors);
      }),
      { numRuns: 300 },
    );
  });
});

function wellFormed(errors: string[]) {
  expect(errors.length).to.be.at.most(MAX_ERRORS + 1);
  for (const line of errors) {
    expect(line).to.match(/^\S.*: \S/, line);
    expect(line).not.to.include('\n');
  }
}

describe('the sample feed', () => {
  it('feeds/rcf-2025.json validates clean', async () => {
    const res = await fetch('/feeds/rcf-2025.json');
    expect(res.status).to.equal(200);
    expect(parseFeed(await res.text()).errors).to.deep.equal([]);
  });
});
