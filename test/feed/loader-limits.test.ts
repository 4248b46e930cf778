// The loader against a hostile page and oversized bodies: a fetch wrapper that drops `signal` and
// never settles, fetch patched after the bundle ran, bodies past the cap (declared or streamed),
// bodies that are not UTF-8. Responses are built in the page (real Response and ReadableStream);
// the real-server cases (gzip bombs, the HTTP-cache lock) are in test/e2e/limits.test.mjs.
import { expect } from '@open-wc/testing';
import { createFeedLoader, readCapped, requestFor, MAX_FEED_BYTES, type FeedState } from '../../src/feed/loader.js';

const feedText = JSON.stringify({
  version: 1,
  defaultLanguage: 'ru',
  forum: { id: 'f', name: 'Форум', timeZone: 'Asia/Vladivostok', startDate: '2025-05-19', endDate: '2025-05-20' },
});

/** A manual clock (timers run only when the test says). */
function clock() {
  let t = 0;
  let seq = 0;
  const timers = new Map<number, { at: number; fn: () => void }>();
  return {
    now: () => t,
    setTimeout: (fn: () => void, ms: number) => (timers.set(++seq, { at: t + ms, fn }), seq),
    clearTimeout: (id: number) => void timers.delete(id),
    tick(ms: number) {
      const end = t + ms;
      for (;;) {
        const due = [...timers].filter(([, x]) => x.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        timers.delete(due[0]);
        t = due[1].at;
        due[1].fn();
      }
      t = end;
    },
  };
}
const flush = () => new Promise((r) => setTimeout(r, 0));
const doc = { hidden: false, baseURI: 'https://feeds.example/', addEventListener() {}, removeEventListener() {} };

/** A body streamed in chunks of `size` bytes, `count` of them; counts what was pulled. */
function streamed(chunk: Uint8Array, count: number) {
  const pulled = { n: 0, cancelled: false };
  const body = new ReadableStream<Uint8Array>({
    pull(c) {
      if (pulled.n++ >= count) c.close();
      else c.enqueue(chunk);
    },
    cancel() {
      pulled.cancelled = true;
    },
  });
  return { res: new Response(body, { status: 200 }), pulled };
}

describe('feed loader: a fetch that ignores the abort signal and never settles', () => {
  it('times out by its own timer, retries bypassing the HTTP cache, then with a new URL, and loads', async () => {
    const c = clock();
    const calls: [string, RequestInit][] = [];
    const loader = createFeedLoader({
      ...c,
      random: () => 0.5,
      document: doc,
      // The page's wrapper: drops `signal`, and its first two requests never settle.
      fetch: (url, init) => {
        const { signal: _dropped, ...rest } = init;
        calls.push([url, rest]);
        return calls.length <= 2 ? new Promise<Response>(() => {}) : Promise.resolve(new Response(feedText, { status: 200 }));
      },
    });
    const states: FeedState[] = [];
    const off = loader.subscribe('https://feeds.example/feed.json', (s) => states.push(s));
    try {
      expect(calls.length).to.equal(1);
      c.tick(15_000);
      await flush();
      expect(states.at(-1)).to.include({ status: 'error' });
      expect(states.at(-1)!.errors).to.deep.equal(['feed: no response within 15 s from https://feeds.example/feed.json']);
      c.tick(5_000);
      await flush();
      expect(calls.length, 'retried after the backoff').to.equal(2);
      c.tick(15_000);
      await flush();
      c.tick(10_000);
      await flush();
      await flush();
      expect(calls.length).to.equal(3);
      expect(states.at(-1)!.status).to.equal('ready');
      expect(calls.map(([u, i]) => [u, i.cache])).to.deep.equal([
        ['https://feeds.example/feed.json', 'no-cache'],
        ['https://feeds.example/feed.json', 'no-store'],
        ['https://feeds.example/feed.json?forum-widgets-retry=1', 'no-store'],
      ]);
      expect(loader.stats().inFlight).to.equal(0);
    } finally {
      off();
    }
  });

  it('after an answer in time, checks go back to revalidating through the cache', () => {
    const ctrl = new AbortController();
    expect(requestFor('https://f.example/a.json?x=1', 0, ctrl.signal)).to.deep.equal([
      'https://f.example/a.json?x=1',
      { cache: 'no-cache', credentials: 'omit', mode: 'cors', signal: ctrl.signal },
    ]);
    expect(requestFor('https://f.example/a.json?x=1', 3, ctrl.signal)[0]).to.equal('https://f.example/a.json?x=1&forum-widgets-retry=2');
  });
});

describe('feed loader: the page replaces fetch and setTimeout after the bundle ran', () => {
  it('still uses the ones it found', async () => {
    const { fetch: f, setTimeout: st } = window;
    let used = 0;
    window.fetch = () => {
      used++;
      return new Promise(() => {});
    };
    window.setTimeout = (() => {
      used++;
      return 0;
    }) as unknown as typeof setTimeout;
    let loader;
    try {
      loader = createFeedLoader({ document: { ...doc, baseURI: location.href } });
    } finally {
      // Restored before awaiting: the test runner needs its timers.
      Object.assign(window, { fetch: f, setTimeout: st });
    }
    // The patch was in place when the loader was made; it captured the module's copies at import.
    window.fetch = () => {
      used++;
      return new Promise(() => {});
    };
    try {
      const states: FeedState[] = [];
      const off = loader.subscribe('/test/fixtures/counter-feed.json', (s) => states.push(s));
      for (let i = 0; i < 200 && states.at(-1)?.status !== 'ready'; i++) await new Promise((r) => st(r, 10));
      off();
      expect(states.at(-1)?.status).to.equal('ready');
      expect(used).to.equal(0);
    } finally {
      window.fetch = f;
    }
  });
});

describe('feed loader: body limits', () => {
  it(`refuses a body past ${MAX_FEED_BYTES / 1048576} MB as it streams, without reading the rest`, async () => {
    const { res, pulled } = streamed(new Uint8Array(64 * 1024).fill(0x20), 10_000); // 640 MB offered
    expect(await readCapped(res, MAX_FEED_BYTES)).to.deep.equal({ error: 'feed: too large (more than 5 MB after decompression)' });
    expect(pulled.n).to.be.below(MAX_FEED_BYTES / (64 * 1024) + 3);
    expect(pulled.cancelled).to.equal(true);
  });

  it('refuses at once a body whose declared length is past the cap', async () => {
    const { res, pulled } = streamed(new Uint8Array(1024), 10);
    const declared = new Response(res.body, { headers: { 'content-length': String(MAX_FEED_BYTES + 1) } });
    expect((await readCapped(declared, MAX_FEED_BYTES)).error).to.match(/^feed: too large/);
    expect(pulled.n).to.be.below(2);
  });

  it('reads a body just under the cap, split anywhere inside multi-byte characters', async () => {
    const text = '"' + 'Ж中'.repeat(10) + '"';
    const bytes = new TextEncoder().encode(text);
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        for (const b of bytes) c.enqueue(new Uint8Array([b]));
        c.close();
      },
    });
    expect(await readCapped(new Response(body), bytes.length)).to.deep.equal({ text });
    expect((await readCapped(new Response(bytes), bytes.length - 1)).error).to.match(/^feed: too large/);
  });

  it('refuses a body that is not UTF-8 (windows-1251 Cyrillic), and reads one with a BOM', async () => {
    const cp1251 = new Uint8Array([0x22, 0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2, 0x22]); // "Привет"
    expect(await readCapped(new Response(cp1251), MAX_FEED_BYTES)).to.deep.equal({ error: 'feed: is not UTF-8 text (the contract asks for UTF-8)' });
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('{"a":1}')]);
    expect(await readCapped(new Response(bom), MAX_FEED_BYTES)).to.deep.equal({ text: '{"a":1}' });
  });

  it('the loader reports the limit as the feed error line', async () => {
    const c = clock();
    const loader = createFeedLoader({ ...c, document: doc, maxBytes: 1000, fetch: async () => new Response(feedText + ' '.repeat(1000)) });
    const states: FeedState[] = [];
    const off = loader.subscribe('https://feeds.example/big.json', (s) => states.push(s));
    for (let i = 0; i < 20 && states.at(-1)?.status === 'loading'; i++) await flush();
    off();
    expect(states.at(-1)?.errors).to.deep.equal(['feed: too large (more than 1000 bytes after decompression)']);
  });
});
