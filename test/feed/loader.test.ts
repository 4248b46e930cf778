// The shared feed loader against a real HTTP server (test/server/feed-endpoints.mjs on the test
// runner's own 127.0.0.1 server), in real Chromium with its real fetch and HTTP cache. Time is
// the only thing faked: a manual clock drives refresh, backoff and timeouts, so nothing waits
// for real time and the delays the loader chooses can be read exactly.
import { expect } from '@open-wc/testing';
import { createFeedLoader, MIN_REFRESH, type FeedLoader, type FeedLoaderOptions, type FeedState } from '../../src/feed/loader.js';
import type { FeedDocument } from '../../src/feed/types.js';

declare function afterEach(fn: () => void | Promise<unknown>): void;

// ---- the server ----------------------------------------------------------------------------

interface Seen {
  method: string;
  headers: Record<string, string>;
  answered: number | 'reset' | 'hang' | 'stall' | null;
  aborted: boolean;
}
interface EndpointConfig {
  status?: number;
  body?: string;
  etag?: string;
  lastModified?: string;
  cacheControl?: string;
  delay?: number;
  hang?: boolean;
  stall?: boolean;
  reset?: boolean;
  clear?: boolean;
}

// Names are unique per page load: the browser's HTTP cache outlives one test file.
const run = Math.random().toString(36).slice(2, 8);
let n = 0;
const endpointName = (what: string) => `${run}-${what}-${++n}`;
const feedUrl = (name: string) => new URL(`/__feed/${name}`, location.href).href;

async function serve(name: string, config: EndpointConfig): Promise<void> {
  const r = await fetch(`/__feed-control/${name}`, { method: 'POST', body: JSON.stringify(config), cache: 'no-store' });
  expect(r.status).to.equal(200);
}
async function seen(name: string): Promise<Seen[]> {
  const r = await fetch(`/__feed-control/${name}`, { cache: 'no-store' });
  return ((await r.json()) as { requests: Seen[] }).requests;
}

// ---- feeds ---------------------------------------------------------------------------------

function tinyFeed(title = 'Индустриальные парки'): FeedDocument {
  return {
    version: 1,
    defaultLanguage: 'ru',
    forum: { id: 'rcf-2025', name: 'Российско-Китайский форум', timeZone: 'Asia/Vladivostok', startDate: '2025-05-19', endDate: '2025-05-20' },
    sessions: [{ id: 'parks', title, start: '2025-05-19T14:00:00+10:00', end: '2025-05-19T15:30:00+10:00' }],
  };
}
const body = (title?: string) => JSON.stringify(tinyFeed(title));
const titleOf = (s: FeedState | undefined) => s?.feed?.sessions[0]?.title;

// ---- time and visibility -------------------------------------------------------------------

/** A manual clock: timers run only when the test advances time. */
class Clock {
  t = 1_000_000;
  private seq = 0;
  readonly timers = new Map<number, { at: number; ms: number; fn: () => void }>();
  now = () => this.t;
  setTimeout = (fn: () => void, ms: number) => {
    this.timers.set(++this.seq, { at: this.t + ms, ms, fn });
    return this.seq;
  };
  clearTimeout = (id: number) => {
    this.timers.delete(id);
  };
  /** The delays of the timers pending now. */
  pending(): number[] {
    return [...this.timers.values()].map((x) => x.ms);
  }
  /** Advances time by `ms`, running every timer that falls due, in order. */
  tick(ms: number): void {
    const end = this.t + ms;
    for (;;) {
      let next: [number, { at: number; fn: () => void }] | undefined;
      for (const e of this.timers) if (e[1].at <= end && (!next || e[1].at < next[1].at)) next = e;
      if (!next) break;
      this.timers.delete(next[0]);
      this.t = next[1].at;
      next[1].fn();
    }
    this.t = end;
  }
  /** Advances time to the only pending timer and runs it. */
  fire(): void {
    expect(this.timers.size, 'pending timers').to.equal(1);
    const [{ at }] = [...this.timers.values()];
    this.tick(at! - this.t);
  }
}

/**
 * A document stand-in for visibility: headless Chromium cannot hide its own page from inside it
 * (document.hidden follows the real tab), so these tests hand the loader an object with `hidden`
 * and real EventTarget listeners, counted. One test below also drives the real `document`.
 */
class FakeDocument extends EventTarget {
  hidden = false;
  baseURI = document.baseURI;
  listeners = 0;
  override addEventListener(type: string, l: EventListenerOrEventListenerObject | null, o?: boolean | AddEventListenerOptions) {
    if (type === 'visibilitychange') this.listeners++;
    super.addEventListener(type, l, o);
  }
  override removeEventListener(type: string, l: EventListenerOrEventListenerObject | null, o?: boolean | EventListenerOptions) {
    if (type === 'visibilitychange') this.listeners--;
    super.removeEventListener(type, l, o);
  }
  show(hidden: boolean) {
    this.hidden = hidden;
    this.dispatchEvent(new Event('visibilitychange'));
  }
}

// ---- harness -------------------------------------------------------------------------------

async function until(what: string, cond: () => boolean | Promise<boolean>, ms = 5000): Promise<void> {
  const end = performance.now() + ms;
  while (!(await cond())) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

interface Harness {
  loader: FeedLoader;
  clock: Clock;
  doc: FakeDocument;
  /** Resolves when no request is in flight. */
  settled(): Promise<void>;
}
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

function harness(options: FeedLoaderOptions = {}): Harness {
  const clock = new Clock();
  const doc = new FakeDocument();
  const loader = createFeedLoader({
    setTimeout: clock.setTimeout,
    clearTimeout: clock.clearTimeout,
    now: clock.now,
    random: () => 0.5,
    document: doc,
    ...options,
  });
  return { loader, clock, doc, settled: () => until('the request to end', () => loader.stats().inFlight === 0) };
}

/** Subscribes and records every state delivered; unsubscribed after the test. */
function listen(loader: FeedLoader, url: string, refresh?: number) {
  const states: FeedState[] = [];
  const off = loader.subscribe(url, (s) => states.push(s), { refresh });
  cleanups.push(off);
  return { states, off, last: () => states[states.length - 1] };
}

// ---- tests ---------------------------------------------------------------------------------

describe('feed loader: sharing', () => {
  it('makes one request for many subscribers of the same URL, however it is written', async () => {
    const name = endpointName('many');
    await serve(name, { body: body() });
    const { loader, settled } = harness();
    const url = feedUrl(name);
    const forms = [url, `/__feed/${name}`, `./__feed/${name}`, `${url}#sessions`, url.replace('http://', 'HTTP://')];
    const subs = Array.from({ length: 50 }, (_, i) => listen(loader, forms[i % forms.length]!));
    expect(loader.stats()).to.include({ urls: 1, subscribers: 50, inFlight: 1 });
    await settled();
    expect((await seen(name)).length).to.equal(1);
    const feed = subs[0]!.last().feed;
    expect(feed?.sessions[0]?.id).to.equal('parks');
    for (const s of subs) {
      expect(s.states.map((x) => x.status)).to.deep.equal(['loading', 'ready']);
      expect(s.last().feed).to.equal(feed); // the same object, validated once
      expect(s.last().url).to.equal(url);
    }
    // A late subscriber gets the current state at once, and no request is made for it.
    const late: FeedState[] = [];
    cleanups.push(loader.subscribe(url, (s) => late.push(s)));
    expect(late.length).to.equal(1);
    expect(late[0]).to.include({ status: 'ready', url });
    expect(late[0]!.feed).to.equal(feed);
    expect(loader.stats()).to.include({ inFlight: 0, subscribers: 51 });
    expect((await seen(name)).length).to.equal(1);
  });

  it('keeps different URLs apart', async () => {
    const a = endpointName('a');
    const b = endpointName('b');
    await serve(a, { body: body('A') });
    await serve(b, { body: body('B') });
    const { loader, settled } = harness();
    const sa = listen(loader, feedUrl(a));
    const sb = listen(loader, feedUrl(b));
    expect(loader.stats().urls).to.equal(2);
    await settled();
    expect(titleOf(sa.last())).to.equal('A');
    expect(titleOf(sb.last())).to.equal('B');
  });

  it('sends no credentials (cookies of the page stay home)', async () => {
    const name = endpointName('cookie');
    await serve(name, { body: body() });
    document.cookie = `fw-loader-test=${run}; path=/`;
    try {
      expect(document.cookie).to.contain(`fw-loader-test=${run}`);
      const { loader, settled } = harness();
      listen(loader, feedUrl(name));
      await settled();
      const [req] = await seen(name);
      expect(req!.headers.cookie).to.equal(undefined);
    } finally {
      document.cookie = 'fw-loader-test=; path=/; max-age=0';
    }
  });

  it('reads a cross-origin feed with a simple request (no preflight)', async () => {
    // localhost and 127.0.0.1 are different origins on the same test server.
    const name = endpointName('cors');
    await serve(name, { body: body(), etag: '"c1"' });
    const { loader, settled, clock } = harness();
    const url = `http://localhost:${location.port}/__feed/${name}`;
    expect(new URL(url).origin).not.to.equal(location.origin);
    const s = listen(loader, url, 60);
    await settled();
    expect(s.last().status, String(s.last().errors)).to.equal('ready');
    clock.tick(60_000);
    await settled();
    const reqs = await seen(name);
    expect(reqs.map((r) => r.method)).to.deep.equal(['GET', 'GET']);
    expect(reqs[0]!.headers.origin).to.equal(location.origin);
    expect(reqs[1]!.headers['if-none-match']).to.equal('"c1"');
    expect(reqs[1]!.answered).to.equal(304);
    expect(s.states.length).to.equal(2);
  });
});

describe('feed loader: refresh', () => {
  it('re-checks conditionally; a 304 notifies no one', async () => {
    const name = endpointName('etag');
    const lastModified = 'Mon, 19 May 2025 01:00:00 GMT';
    // No Cache-Control: a heuristic freshness would let a plain fetch skip the server entirely.
    await serve(name, { body: body(), etag: '"v1"', lastModified });
    const { loader, clock, settled } = harness();
    const s = listen(loader, feedUrl(name), 60);
    await settled();
    expect(s.states.map((x) => x.status)).to.deep.equal(['loading', 'ready']);
    const feed = s.last().feed;

    expect(clock.pending()).to.deep.equal([60_000]);
    clock.tick(59_999);
    expect(loader.stats().inFlight, 'not due yet').to.equal(0);
    clock.tick(1);
    expect(loader.stats().inFlight).to.equal(1);
    await settled();
    const reqs = await seen(name);
    expect(reqs.length).to.equal(2);
    expect(reqs[0]!.headers['if-none-match']).to.equal(undefined);
    expect(reqs[1]!.headers['if-none-match']).to.equal('"v1"');
    expect(reqs[1]!.headers['if-modified-since']).to.equal(lastModified);
    expect(reqs[1]!.answered).to.equal(304);
    expect(s.states.length, 'no notification for a 304').to.equal(2);
    expect(clock.pending(), 'the next check is planned').to.deep.equal([60_000]);

    // A changed feed arrives as a new object, once.
    await serve(name, { body: body('Новое'), etag: '"v2"', lastModified: 'Mon, 19 May 2025 02:00:00 GMT' });
    clock.tick(60_000);
    await settled();
    expect((await seen(name))[2]!.answered).to.equal(200);
    expect(s.states.length).to.equal(3);
    expect(s.last().status).to.equal('ready');
    expect(titleOf(s.last())).to.equal('Новое');
    expect(s.last().feed).not.to.equal(feed);
  });

  it('uses Last-Modified alone when there is no ETag', async () => {
    const name = endpointName('lm');
    const lastModified = 'Mon, 19 May 2025 01:00:00 GMT';
    await serve(name, { body: body(), lastModified, cacheControl: 'no-cache' });
    const { loader, clock, settled } = harness();
    const s = listen(loader, feedUrl(name), 60);
    await settled();
    clock.tick(60_000);
    await settled();
    const reqs = await seen(name);
    expect(reqs[1]!.headers['if-modified-since']).to.equal(lastModified);
    expect(reqs[1]!.answered).to.equal(304);
    expect(s.states.length).to.equal(2);
  });

  it('a 200 with the same bytes notifies no one', async () => {
    const name = endpointName('same');
    await serve(name, { body: body(), cacheControl: 'no-store' });
    const { loader, clock, settled } = harness();
    const s = listen(loader, feedUrl(name), 60);
    await settled();
    clock.tick(60_000);
    await settled();
    const reqs = await seen(name);
    expect(reqs.map((r) => r.answered)).to.deep.equal([200, 200]);
    expect(reqs[1]!.headers['if-none-match']).to.equal(undefined);
    expect(s.states.length).to.equal(2);
  });

  it('takes the smallest refresh among subscribers, and follows it when they leave', async () => {
    const name = endpointName('interval');
    await serve(name, { body: body(), cacheControl: 'no-store' });
    const { loader, clock, settled } = harness();
    const url = feedUrl(name);
    listen(loader, url, 300);
    await settled();
    expect(clock.pending()).to.deep.equal([300_000]);
    const fast = listen(loader, url, 60);
    listen(loader, url); // no refresh: does not count
    listen(loader, url, 0); // nor does 0
    expect(clock.pending()).to.deep.equal([60_000]);
    clock.tick(60_000);
    expect(loader.stats().inFlight).to.equal(1);
    await settled();
    fast.off();
    expect(clock.pending()).to.deep.equal([300_000]);
    clock.tick(299_999);
    expect(loader.stats().inFlight).to.equal(0);
    clock.tick(1);
    expect(loader.stats().inFlight).to.equal(1);
    await settled();
    expect((await seen(name)).length).to.equal(3);
  });

  it(`raises a refresh below ${MIN_REFRESH} s to ${MIN_REFRESH} s`, async () => {
    const name = endpointName('min');
    await serve(name, { body: body() });
    const { loader, clock, settled } = harness();
    listen(loader, feedUrl(name), 0.01);
    await settled();
    expect(clock.pending()).to.deep.equal([MIN_REFRESH * 1000]);
  });

  it('without refresh, loads once and holds no timer', async () => {
    const name = endpointName('once');
    await serve(name, { body: body() });
    const { loader, clock, settled } = harness();
    listen(loader, feedUrl(name));
    await settled();
    expect(clock.pending()).to.deep.equal([]);
    expect(loader.stats().timers).to.equal(0);
    clock.tick(3_600_000);
    expect((await seen(name)).length).to.equal(1);
  });
});

describe('feed loader: hidden page', () => {
  it('does not poll while hidden, and checks once when shown if a check is due', async () => {
    const name = endpointName('hidden');
    await serve(name, { body: body(), etag: '"h1"' });
    const { loader, clock, doc, settled } = harness();
    listen(loader, feedUrl(name), 60);
    await settled();
    expect(doc.listeners).to.equal(1);

    doc.show(true);
    clock.tick(60_000);
    expect(loader.stats().inFlight, 'no request while hidden').to.equal(0);
    expect(loader.stats().timers, 'and no timer either').to.equal(0);
    clock.tick(3_600_000);
    expect(loader.stats().inFlight).to.equal(0);
    expect((await seen(name)).length).to.equal(1);

    doc.show(false);
    expect(loader.stats().inFlight, 'one check on showing').to.equal(1);
    doc.show(false); // a second event while that check runs adds nothing
    await settled();
    expect((await seen(name)).length).to.equal(2);
    expect(clock.pending()).to.deep.equal([60_000]);

    // Hidden and shown again before the next check is due: no extra request.
    doc.show(true);
    clock.tick(10_000);
    doc.show(false);
    expect(loader.stats().inFlight).to.equal(0);
    clock.tick(50_000);
    expect(loader.stats().inFlight).to.equal(1);
    await settled();
    expect((await seen(name)).length).to.equal(3);
  });

  it('loads the feed the first time even when the page starts hidden', async () => {
    const name = endpointName('hidden-start');
    await serve(name, { body: body() });
    const { loader, doc, settled } = harness();
    doc.hidden = true;
    const s = listen(loader, feedUrl(name), 60);
    await settled();
    expect(s.last().status).to.equal('ready');
  });

  it('listens to the real document by default', async () => {
    const name = endpointName('real-doc');
    await serve(name, { body: body() });
    const clock = new Clock();
    const loader = createFeedLoader({ setTimeout: clock.setTimeout, clearTimeout: clock.clearTimeout, now: clock.now });
    let hidden = true;
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
    try {
      listen(loader, `/__feed/${name}`, 60);
      await until('the load', () => loader.stats().inFlight === 0);
      clock.tick(60_000);
      expect(loader.stats().inFlight).to.equal(0);
      hidden = false;
      document.dispatchEvent(new Event('visibilitychange'));
      expect(loader.stats().inFlight).to.equal(1);
      await until('the check', () => loader.stats().inFlight === 0);
      expect((await seen(name)).length).to.equal(2);
    } finally {
      delete (document as { hidden?: boolean }).hidden;
    }
    expect(document.hidden).to.equal(false);
  });
});

describe('feed loader: failures', () => {
  it('retries a failed first load with capped exponential backoff and jitter, and recovers', async () => {
    const name = endpointName('backoff');
    await serve(name, { status: 500, body: 'oops' });
    const randoms = [0, 0.5, 0.999];
    let r = 0;
    const { loader, clock, settled } = harness({ random: () => randoms[r++ % randoms.length]! });
    const url = feedUrl(name);
    const s = listen(loader, url);
    const delays: number[] = [];
    for (let i = 0; i < 9; i++) {
      await settled();
      const [ms] = clock.pending();
      const d = Math.min(5000 * 2 ** i, 300_000);
      expect(ms, `retry ${i + 1}`).to.be.within(d / 2, d);
      expect(ms).to.equal(d / 2 + (randoms[i % 3]! * d) / 2);
      delays.push(ms!);
      clock.fire();
    }
    await settled();
    expect((await seen(name)).length).to.equal(10);
    // Capped: the last ones are drawn from [150 s, 300 s].
    expect(Math.max(...delays)).to.be.at.most(300_000);
    expect(delays.slice(-3).every((x) => x >= 150_000)).to.equal(true);
    // Same error each time: one notification, not ten.
    expect(s.states.map((x) => x.status)).to.deep.equal(['loading', 'error']);
    expect(s.last()).to.deep.equal({ url, status: 'error', feed: undefined, errors: [`feed: HTTP 500 from ${url}`] });

    await serve(name, { body: body() });
    clock.fire();
    await settled();
    expect(s.last().status).to.equal('ready');
    expect(titleOf(s.last())).to.equal('Индустриальные парки');
    expect(loader.stats().timers, 'no refresh: nothing planned').to.equal(0);
  });

  it('a failed or invalid refresh keeps the last good feed and says why', async () => {
    const name = endpointName('faults');
    await serve(name, { body: body() });
    const { loader, clock, settled } = harness();
    const url = feedUrl(name);
    const s = listen(loader, url, 60);
    await settled();
    const good = s.last().feed!;
    expect(good).to.not.equal(undefined);

    const faults: [EndpointConfig, string[]][] = [
      [{ status: 404, body: 'not here' }, [`feed: HTTP 404 from ${url}`]],
      [{ body: '{"version": 1,' }, []], // JSON.parse's own wording differs by engine: checked by prefix
      [{ body: JSON.stringify({ ...tinyFeed(), version: 2 }) }, ['version: must be 1, not 2 (this reader understands feed version 1 only)']],
      [{ body: JSON.stringify({ ...tinyFeed(), forum: { ...tinyFeed().forum, timeZone: 'Mars/Olympus' } }) }, []],
      [{ reset: true }, []],
    ];
    for (const [i, [config, lines]] of faults.entries()) {
      await serve(name, config);
      clock.fire();
      await settled();
      const st = s.last();
      expect(st.status, JSON.stringify(config)).to.equal('error');
      expect(st.feed, 'the last good feed stays').to.equal(good);
      expect(st.errors!.length).to.be.greaterThan(0);
      for (const line of st.errors!) expect(line).to.match(/^[\w.[\]]+: /);
      if (lines.length) expect(st.errors).to.deep.equal(lines);
      // Backoff steps from the refresh interval once a feed is shown (random 0.5: 3/4 of the step).
      expect(clock.pending()).to.deep.equal([Math.min(60_000 * 2 ** i, 300_000) * 0.75]);
    }
    const errs = s.states.slice(2).map((x) => x.errors![0]);
    expect(errs[1]).to.match(/^feed: is not valid JSON/);
    expect(errs[3]).to.match(/^forum\.timeZone: /);
    expect(errs[4]).to.match(new RegExp(`^feed: no response from ${url.replace(/[.?]/g, '\\$&')} \\(TypeError`));

    // Good again, with the very same bytes: ready, and the same feed object as before.
    await serve(name, { body: body() });
    clock.fire();
    await settled();
    expect(s.last().status).to.equal('ready');
    expect(s.last().feed).to.equal(good);
    expect(clock.pending(), 'back to the refresh interval').to.deep.equal([60_000]);
  });

  it('aborts a request that never answers, and one whose body never ends', async () => {
    for (const mode of ['hang', 'stall'] as const) {
      const name = endpointName(mode);
      await serve(name, { body: body(), [mode]: true });
      const { loader, clock, settled } = harness({ timeoutMs: 15_000 });
      const url = feedUrl(name);
      const s = listen(loader, url);
      await until('the request to reach the server', async () => (await seen(name)).length === 1);
      if (mode === 'stall') await new Promise((r) => setTimeout(r, 50)); // let the headers arrive
      expect(loader.stats().inFlight).to.equal(1);
      expect(clock.pending().sort((a, b) => a - b)).to.deep.equal([15_000]);
      clock.tick(14_999);
      expect(loader.stats().inFlight).to.equal(1);
      clock.tick(1);
      await settled();
      expect(s.last(), mode).to.deep.equal({ url, status: 'error', feed: undefined, errors: [`feed: no response within 15 s from ${url}`] });
      await until('the server to see the client go', async () => (await seen(name))[0]!.aborted);
      expect(clock.pending(), 'a retry is planned').to.deep.equal([3750]);
    }
  });

  it('a feed URL that cannot be parsed is an error line, not an exception', async () => {
    const { loader, settled } = harness();
    const s = listen(loader, 'http://[');
    await settled();
    expect(s.last().status).to.equal('error');
    expect(s.last().errors![0]).to.match(/^feed: no response from http:\/\/\[ \(TypeError/);
  });
});

describe('feed loader: ordering', () => {
  it('a response to a superseded request never lands (server answers the first one late)', async () => {
    const name = endpointName('late');
    await serve(name, { body: body('Старое'), delay: 3000 });
    const { loader, settled } = harness();
    const url = feedUrl(name);
    const s = listen(loader, url);
    await until('the first request', async () => (await seen(name)).length === 1);
    await serve(name, { body: body('Новое') });
    loader.reload(url);
    await settled();
    expect(titleOf(s.last())).to.equal('Новое');
    const reqs = await seen(name);
    expect(reqs.length).to.equal(2);
    await until('the first request to be dropped', async () => (await seen(name))[0]!.aborted);
    expect(s.states.map(titleOf)).to.deep.equal([undefined, 'Новое']);
  });

  it('a response that arrives after a newer one is ignored (sequence guard)', async () => {
    // The first response is held in the page after it arrived, beyond the reach of abort, so
    // only the loader's own bookkeeping can keep it out.
    const name = endpointName('late-js');
    await serve(name, { body: body('Старое'), cacheControl: 'no-store' });
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let consumed!: () => void;
    const read = new Promise<void>((r) => (consumed = r));
    let calls = 0;
    const { loader, settled } = harness({
      fetch: async (url, init) => {
        if (++calls > 1) return fetch(url, init);
        const text = await (await fetch(url, { ...init, signal: undefined })).text();
        await held;
        consumed();
        return new Response(text, { status: 200 });
      },
    });
    const url = feedUrl(name);
    const s = listen(loader, url);
    await until('the first request', async () => (await seen(name)).length === 1);
    await serve(name, { body: body('Новое'), cacheControl: 'no-store' });
    loader.reload(url);
    await settled();
    expect(titleOf(s.last())).to.equal('Новое');
    release();
    await read;
    await new Promise((r) => setTimeout(r, 50)); // the loader reads the late body (a stream) meanwhile
    expect(s.states.map(titleOf)).to.deep.equal([undefined, 'Новое']);
    expect(titleOf(s.last())).to.equal('Новое');
  });
});

/** Lets the microtasks queued so far run (the loader closes a URL's entry in one). */
const microtasks = () => Promise.resolve();

describe('feed loader: lifecycle', () => {
  it('a subscriber that leaves and comes back in one go (an element moved) keeps the feed', async () => {
    const name = endpointName('move');
    await serve(name, { body: body() });
    const { loader, settled } = harness();
    const url = feedUrl(name);
    const first = listen(loader, url, 60);
    await settled();
    const feed = first.last().feed;
    first.off();
    const again = listen(loader, url, 60);
    expect(again.states).to.deep.equal([{ url, status: 'ready', feed, errors: undefined }]);
    await microtasks();
    expect(loader.stats()).to.include({ urls: 1, subscribers: 1, inFlight: 0, timers: 1 });
    expect((await seen(name)).length).to.equal(1);
  });

  it('the last unsubscribe leaves no timer, listener or request behind', async () => {
    const slow = endpointName('gone-hang');
    const fine = endpointName('gone-ok');
    await serve(slow, { hang: true });
    await serve(fine, { body: body() });
    const { loader, clock, doc, settled } = harness();
    const a = [listen(loader, feedUrl(fine), 60), listen(loader, feedUrl(fine), 30)];
    await settled();
    const b = [listen(loader, feedUrl(slow), 60), listen(loader, feedUrl(slow))];
    await until('the hung request', async () => (await seen(slow)).length === 1);
    expect(loader.stats()).to.deep.equal({ urls: 2, subscribers: 4, inFlight: 1, timers: 2, listeners: 1 });
    expect(clock.timers.size, 'the clock agrees').to.equal(2);
    expect(doc.listeners).to.equal(1);

    a[0]!.off();
    a[0]!.off(); // twice is harmless
    expect(loader.stats().urls).to.equal(2);
    for (const s of [a[1]!, ...b]) s.off();
    await microtasks();
    expect(loader.stats()).to.deep.equal({ urls: 0, subscribers: 0, inFlight: 0, timers: 0, listeners: 0 });
    expect(clock.timers.size).to.equal(0);
    expect(doc.listeners).to.equal(0);
    await until('the hung request to be aborted', async () => (await seen(slow))[0]!.aborted);
    clock.tick(24 * 3_600_000);
    doc.show(false);
    expect((await seen(fine)).length).to.equal(1);
    expect((await seen(slow)).length).to.equal(1);
    const delivered = a[1]!.states.length;
    expect(delivered).to.equal(2);
  });

  it('1,000 subscribe/unsubscribe cycles leave nothing behind', async () => {
    const name = endpointName('cycles');
    await serve(name, { body: body() });
    const { loader, clock, doc, settled } = harness();
    const url = feedUrl(name);
    const keep = listen(loader, url, 60);
    await settled();
    for (let i = 0; i < 1000; i++) loader.subscribe(url, () => {}, { refresh: 5 + (i % 100) })();
    expect(loader.stats()).to.deep.equal({ urls: 1, subscribers: 1, inFlight: 0, timers: 1, listeners: 1 });
    expect(clock.pending()).to.deep.equal([60_000]);
    keep.off();
    await microtasks();
    expect(loader.stats().urls).to.equal(0);
    // Whole entries too: each cycle starts a request and drops it.
    for (let i = 0; i < 20; i++) {
      loader.subscribe(url, () => {}, { refresh: 60 })();
      await microtasks();
    }
    expect(loader.stats()).to.deep.equal({ urls: 0, subscribers: 0, inFlight: 0, timers: 0, listeners: 0 });
    expect(clock.timers.size).to.equal(0);
    expect(doc.listeners).to.equal(0);
  });
});
