// Property-based: any JSON value never makes the validator throw (run in Node on the built
// dist/lib for speed), and random valid feeds, built from the schema with consistent references,
// always validate and always render without error in the real bundle (the `feed` property).
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { distDir } from './server.mjs';
import { openPage, noPageErrors, LINE, useHarness } from './browser.mjs';
import { htmlPage, sampleFeed } from './fixtures.mjs';

const lib = (p) => {
  const file = resolve(distDir, 'lib', p);
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first.`);
  return import(pathToFileURL(file).href);
};

let validateFeed;
let parseFeed;
let pickText;

before(async () => {
  ({ validateFeed, parseFeed } = await lib('feed/validate.js'));
  ({ pickText } = await lib('feed/text.js'));
});

/** The validator's answer has its documented shape. */
function assertResult(r) {
  assert.equal(typeof r, 'object');
  if (r.ok) {
    assert.deepEqual(r.errors, []);
    assert.equal(typeof r.feed, 'object');
  } else {
    assert.ok(Array.isArray(r.errors) && r.errors.length > 0, 'a rejection says why');
    for (const line of r.errors) {
      assert.equal(typeof line, 'string');
      assert.match(line, LINE);
    }
  }
}

// ---- an arbitrary valid feed, built from the spec ----
const str = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 20 }), fc.constantFrom('', 'Хабаровск', '哈巴罗夫斯克', '<b>x</b>'));
const lang = fc.constantFrom('ru', 'en', 'zh-Hans', 'zh', 'zh-CN', 'de', 'fr-CA', 'sr-Latn', 'ar');
const text = fc.oneof(str, fc.dictionary(lang, str, { minKeys: 1, maxKeys: 4 }));
const idArb = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,20}$/);
const ids = (max) => fc.uniqueArray(idArb, { maxLength: max });
const link = fc.constantFrom('https://forum.example/a', 'http://example.org/x?y=1#z', 'https://例子.测试/путь');
const image = fc.constantFrom('https://cdn.example/p.jpg', 'data:image/png;base64,iVBORw0KGgo=');
const day = fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2026, 11, 31) });
const isoDate = (ms) => new Date(ms).toISOString().slice(0, 10);
const opt = (arb) => fc.option(arb, { nil: undefined });
const clean = (o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

const validFeed = fc
  .record({ peopleIds: ids(8), sessionIds: ids(8), quoteIds: ids(6), orgIds: ids(6), counterIds: ids(6) })
  .chain(({ peopleIds, sessionIds, quoteIds, orgIds, counterIds }) => {
    const person = (id) => fc.record({ name: text, position: opt(text), organization: opt(text), photo: opt(image) }).map((p) => clean({ id, ...p }));
    const session = (id) =>
      fc
        .record({
          title: text,
          summary: opt(text),
          venue: opt(text),
          start: fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2026, 0, 1) }),
          minutes: fc.integer({ min: 1, max: 600 }),
          offset: fc.constantFrom('Z', '+10:00', '-03:30', '+05:45'),
          speakers: opt(fc.subarray(peopleIds)),
          moderators: opt(fc.subarray(peopleIds)),
          status: opt(fc.constantFrom('scheduled', 'cancelled')),
          url: opt(link),
          stream: opt(link),
        })
        .map(({ start, minutes, offset, ...s }) => {
          const at = (ms) => {
            // Local wall time for the offset, written with that offset.
            const sign = offset === 'Z' ? 0 : offset[0] === '+' ? 1 : -1;
            const mins = offset === 'Z' ? 0 : sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4)));
            return new Date(ms + mins * 60_000).toISOString().slice(0, 19) + offset;
          };
          return clean({ id, ...s, start: at(start), end: at(start + minutes * 60_000) });
        });
    const quote = (id) =>
      fc
        .record({ person: fc.constantFrom(...peopleIds), session: sessionIds.length ? opt(fc.constantFrom(...sessionIds)) : fc.constant(undefined), text, date: opt(day.map(isoDate)) })
        .map((q) => clean({ id, ...q }));
    const org = (id) =>
      fc
        .record({ name: text, role: fc.constantFrom('organizer', 'support', 'operator', 'partner', 'media-partner'), url: opt(link), logo: opt(image), roleLabel: opt(text) })
        .map((o) => clean({ id, ...o }));
    const counter = (id) =>
      fc
        .record({
          value: fc.oneof(fc.nat(10_000_000), fc.double({ min: 0, max: 1e9, noNaN: true, noDefaultInfinity: true })),
          label: text,
          qualifier: opt(fc.constantFrom('more-than', 'about', 'exact')),
          unit: opt(text),
        })
        .map((c) => clean({ id, ...c }));
    const list = (idsOf, make) => (idsOf.length ? fc.tuple(...idsOf.map(make)) : fc.constant([]));
    return fc
      .record({
        defaultLanguage: lang,
        forum: fc
          .record({
            id: idArb,
            name: text,
            motto: opt(text),
            timeZone: fc.constantFrom('Asia/Vladivostok', 'Europe/Moscow', 'Asia/Shanghai', 'UTC', 'America/St_Johns'),
            start: day,
            days: fc.integer({ min: 0, max: 5 }),
            location: opt(text),
            url: opt(link),
          })
          .map(({ start, days, ...f }) => clean({ ...f, startDate: isoDate(start), endDate: isoDate(start + days * 86_400_000) })),
        sessions: list(sessionIds, session),
        people: list(peopleIds, person),
        quotes: peopleIds.length ? list(quoteIds, quote) : fc.constant([]),
        organizers: list(orgIds, org),
        counters: list(counterIds, counter),
        // Unknown fields are ignored (forward compatibility).
        extra: opt(fc.jsonValue({ maxDepth: 2 })),
      })
      .map(({ extra, ...f }) => clean({ version: 1, ...f, 'x-future': extra }));
  });

describe('validator properties (Node, dist/lib)', () => {
  it('no JSON value makes the validator throw; every answer is ok or readable lines', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => assertResult(validateFeed(v))),
      { numRuns: 1000 },
    );
  });

  it('random values anywhere inside a good feed never make it throw', () => {
    const paths = [];
    const walk = (o, path) => {
      if (o && typeof o === 'object') for (const k of Object.keys(o)) (paths.push([...path, k]), walk(o[k], [...path, k]));
    };
    walk(sampleFeed(), []);
    fc.assert(
      fc.property(fc.constantFrom(...paths), fc.jsonValue(), (path, v) => {
        const feed = sampleFeed();
        let o = feed;
        for (const k of path.slice(0, -1)) o = o[k];
        o[path.at(-1)] = v;
        assertResult(validateFeed(feed));
      }),
      { numRuns: 1000 },
    );
  });

  it('no text makes parseFeed throw', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.json()), (s) => assertResult(parseFeed(s))),
      { numRuns: 1000 },
    );
  });

  it('every random feed built from the spec is valid', () => {
    fc.assert(
      fc.property(validFeed, (feed) => {
        const r = validateFeed(feed);
        assert.deepEqual(r.errors, [], JSON.stringify(feed).slice(0, 500));
      }),
      { numRuns: 300 },
    );
  });
});

describe('random valid feeds in the browser', () => {
  let server;
  let browser;
  useHarness((s, b) => ([server, browser] = [s, b]));

  it('30 random feeds render through the feed property without error', async (t) => {
    const seed = Date.now() ^ 0x5eed;
    t.diagnostic(`fast-check seed ${seed}`);
    // Plus the sample feed, whose titles differ per language: the locale checks below then bite.
    const feeds = [...fc.sample(validFeed, { numRuns: 30, seed }), sampleFeed()];
    // data-widgets: the elements are made by script below, once the tags are defined.
    server.page('/random/page.html', htmlPage({ head: '<script src="/forum-widgets.js" data-widgets="session-card speaker-quote organizer-strip partner-counter"></script>', body: '<div id="box"></div>' }));
    const p = await openPage(browser);
    try {
      await p.page.goto(server.url('/random/page.html'));
      const states = await p.page.evaluate(async (feeds) => {
        await Promise.all(['forum-session-card', 'speaker-quote', 'organizer-strip', 'partner-counter'].map((t) => customElements.whenDefined(t)));
        const box = document.getElementById('box');
        const out = [];
        for (const [i, feed] of feeds.entries()) {
          const group = document.createElement('section');
          group.id = `g${i}`;
          const card = document.createElement('forum-session-card');
          card.setAttribute('session', feed.sessions[0]?.id ?? 'current');
          const quote = document.createElement('speaker-quote');
          if (feed.quotes[0]) quote.setAttribute('quote', feed.quotes[0].id);
          else quote.setAttribute('person', feed.people[0]?.id ?? 'nobody');
          const els = [card, quote, document.createElement('organizer-strip'), document.createElement('partner-counter')];
          for (const el of els) {
            el.feed = feed;
            group.append(el);
          }
          box.append(group);
        }
        for (const el of box.querySelectorAll('section > *')) await el.updateComplete;
        for (const el of box.querySelectorAll('section > *')) out.push([el.parentNode.id, el.localName, el.getAttribute('state'), el.shadowRoot.textContent]);
        return out;
      }, feeds);
      assert.equal(states.length, 124);
      for (const [g, tag, state, text] of states) {
        const feed = feeds[Number(g.slice(1))];
        assert.ok(['ready', 'missing'].includes(state), `${g} <${tag}>: state ${state} for a valid feed ${JSON.stringify(feed).slice(0, 300)}`);
        if (tag === 'forum-session-card' && feed.sessions.length) {
          const title = pickText(feed.sessions[0].title, 'en', feed.defaultLanguage).text;
          assert.ok(text.includes(title), `${g}: the card shows its title ${JSON.stringify(title)}: ${JSON.stringify(text.slice(0, 300))}`);
        }
      }
      // The same feeds in the other UI locales (the page switches language; widgets follow).
      for (const lang of ['ru', 'zh-Hans']) {
        const shown = await p.page.evaluate(async (lang) => {
          document.documentElement.lang = lang;
          await new Promise((r) => setTimeout(r, 50));
          const els = [...document.querySelectorAll('section > *')];
          for (const el of els) await el.updateComplete;
          return els.map((el) => [el.localName, el.getAttribute('state'), el.shadowRoot.textContent]);
        }, lang);
        for (const [i, [tag, state]] of shown.entries()) assert.ok(['ready', 'missing'].includes(state), `${lang}: #${i} <${tag}> state ${state}`);
        for (const [g, feed] of feeds.entries()) {
          if (!feed.sessions.length) continue;
          const title = pickText(feed.sessions[0].title, lang, feed.defaultLanguage).text;
          assert.ok(shown[g * 4][2].includes(title), `${lang} g${g}: the card shows ${JSON.stringify(title)}`);
        }
      }
      noPageErrors(assert, p.errors);
      assert.deepEqual(p.console.filter((m) => m.type === 'error' && !m.text.startsWith('Failed to load resource')).map((m) => m.text), [], 'console errors');
    } finally {
      await p.close();
    }
  });
});
