// The loader reads a feed in slices (parseSliced), handing the page back between them, so a 5 MB
// feed is no single long task (issue 10). The slices must change nothing: the same feed, warnings,
// errors and order as the one-go reader (parseFeed), on big valid feeds and on damaged ones.
import { expect } from '@open-wc/testing';
import { parseSliced, createFeedLoader, type FeedState } from '../../src/feed/loader.js';
import { parseFeed, warningsOf } from '../../src/feed/validate.js';
import { buildFeed, syntheticProgramme } from '../helpers/feed-builder.mjs';

/** A programme of `sessions` sessions and `orgs` organisations (valid). */
function big(sessions: number, orgs: number) {
  const { sessions: s, people } = syntheticProgramme({ sessions, people: 400 });
  const organizers = Array.from({ length: orgs }, (_, i) => ({ id: `o${i}`, name: `O${i}`, role: 'partner' as const, url: `https://o${i}.example/` }));
  return buildFeed({ sessions: s, people, organizers }) as any;
}

/** Damage spread over the lists: dropped items, ignored fields, references left dangling, duplicates. */
function damaged() {
  const f = big(1500, 3000);
  f.sessions.forEach((s: any, i: number) => {
    if (i % 7 === 0) s.url = 'javascript:alert(1)';
    if (i % 11 === 0) delete s.title;
    if (i % 13 === 0) s.end = s.start;
    if (i % 17 === 0) s.speakers = [...(s.speakers ?? []), 'nobody'];
  });
  f.people.forEach((p: any, i: number) => i % 9 === 0 && (p.photo = 'data:image/svg+xml,<svg/>'));
  f.people[5].id = f.people[4].id;
  delete f.people[3].name; // a dropped person: the sessions naming it lose that speaker
  f.organizers.forEach((o: any, i: number) => i % 3 === 0 && (o.role = 'sponsor'));
  return f;
}

async function same(text: string) {
  const one = parseFeed(text, { lenient: true });
  const sliced = await parseSliced(text);
  expect(sliced).to.deep.equal(one);
  if (one.ok) expect(warningsOf(sliced.ok ? sliced.feed : undefined)).to.deep.equal(one.warnings);
  return one;
}

describe('parseSliced: the same reading as parseFeed', () => {
  it('a big valid feed', async () => {
    const r = await same(JSON.stringify(big(3000, 20000)));
    expect(r.ok && r.feed.organizers.length).to.equal(20000);
  });

  it('a feed damaged all over (past the 500 listed lines: the cut and the count are the same too)', async () => {
    const r = await same(JSON.stringify(damaged()));
    expect(r.ok && r.warnings.length).to.equal(501);
    expect(r.ok && r.warnings.at(-1)).to.match(/^feed: \d+ more problems not listed$/);
  });

  it('rejected feeds: not JSON, not an object, another version, a list that is not a list, a bad forum', async () => {
    const f = big(300, 10);
    const cases = [
      JSON.stringify(f).slice(0, -10),
      '[1, 2]',
      JSON.stringify({ ...f, version: 2 }),
      JSON.stringify({ ...f, people: { a: 1 } }),
      JSON.stringify({ ...f, forum: { ...f.forum, timeZone: 'Mars/Olympus' }, defaultLanguage: 7 }),
    ];
    for (const text of cases) expect((await same(text)).ok, text.slice(0, 40)).to.equal(false);
  });
});

describe('parseSliced: hands the page back', () => {
  it('a timer set before a big feed is read fires before the reading ends', async () => {
    const text = JSON.stringify(big(3000, 100000));
    let fired = 0;
    setTimeout(() => (fired = performance.now()), 0);
    const t0 = performance.now();
    const r = await parseSliced(text);
    const end = performance.now();
    expect(r.ok).to.equal(true);
    // Guards the premise: a reading shorter than one slice would never need to yield.
    expect(end - t0).to.be.above(100);
    expect(fired).to.be.above(0).and.below(end);
  });

  it('a reading no longer wanted (a newer request superseded it) stops at its next hop', async () => {
    const text = JSON.stringify(big(3000, 100000));
    let asked = 0;
    const r = await parseSliced(text, () => (asked++, false));
    expect(asked).to.equal(1);
    expect(r).to.deep.equal({ ok: false, errors: ['feed: superseded by a newer request'] });
  });

  it('the loader shows the big feed read that way', async () => {
    const text = JSON.stringify(big(3000, 100000));
    let fired = false;
    const states: FeedState[] = [];
    const loader = createFeedLoader({
      fetch: async () => new Response(text),
      maxBytes: 64 * 1024 * 1024, // bigger than the contract's 5 MB, to make the reading long on a fast machine
      document: { hidden: false, baseURI: 'https://feeds.example/', addEventListener() {}, removeEventListener() {} },
    });
    const ready = new Promise<void>((resolve) =>
      loader.subscribe('feed.json', (s) => {
        states.push(s);
        if (s.status !== 'loading') resolve();
      }),
    );
    // Queued once the body is in: the reading, not the fetch, must let it through.
    setTimeout(() => (fired = states.length === 1), 0);
    await ready;
    const last = states.at(-1)!;
    expect(last.status, String(last.errors)).to.equal('ready');
    expect(last.feed).to.deep.equal((parseFeed(text, { lenient: true }) as any).feed);
    expect(fired).to.equal(true);
  });
});

describe('the loader shows a big feed to one widget per task', () => {
  /** Subscribes three listeners; says for each whether it ran in a task after the first listener's (its microtasks had run). */
  async function deliveries(text: string) {
    const loader = createFeedLoader({
      fetch: async () => new Response(text),
      document: { hidden: false, baseURI: 'https://feeds.example/', addEventListener() {}, removeEventListener() {} },
    });
    let firstDone = false;
    const seen: string[] = [];
    let offC = () => {};
    const all = new Promise<void>((resolve) => {
      const on = (name: string) => (s: FeedState) => {
        if (s.status === 'loading') return;
        expect(s.status, String(s.errors)).to.equal('ready');
        if (name === 'a') {
          // A listener may drop another before its turn: that one must not be called.
          offC();
          queueMicrotask(() => (firstDone = true));
          seen.push('a');
        } else seen.push(`${name}:${firstDone ? 'later task' : 'same task'}`);
        if (name === 'b') resolve();
      };
      loader.subscribe('feed.json', on('a'));
      offC = loader.subscribe('feed.json', on('c'));
      loader.subscribe('feed.json', on('b'));
    });
    await all;
    await new Promise((r) => setTimeout(r, 100));
    return seen;
  }

  it('a feed over 1,000,000 characters: each subscriber in a task of its own, one dropped meanwhile not called', async () => {
    const text = JSON.stringify(big(1500, 1000));
    expect(text.length).to.be.above(1e6);
    expect(await deliveries(text)).to.deep.equal(['a', 'b:later task']);
  });

  it('a small feed: every subscriber at once, as before', async () => {
    const text = JSON.stringify(big(20, 10));
    expect(await deliveries(text)).to.deep.equal(['a', 'b:same task']);
  });
});
