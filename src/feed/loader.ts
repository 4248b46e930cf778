// The shared feed loader: however many widgets name a feed URL, the page makes one request for it
// and holds one validated feed. Optional refresh re-checks it with conditional requests, backs off
// on failure, never lets a late response overwrite a newer feed, and keeps the last good feed when
// a check fails. One loader per realm (module scope, not window): two copies of the bundle on a
// page each have their own, which costs one extra request and nothing else.
//
// The page is not ours: its fetch wrapper may drop `signal`, its code may patch timers later. So
// the loader keeps the page's fetch and timers as they were when the bundle ran, races every
// request against its own timer, and reads the body itself against a size cap.
import { parsing, type ValidationResult } from './validate.js';
import type { Feed } from './types.js';

/** The largest feed body read, in bytes after decompression (docs/feed-format.md "Limits"). */
export const MAX_FEED_BYTES = 5 * 1024 * 1024;

// Taken when the module runs: a page that replaces fetch or setTimeout later changes nothing here.
const pageFetch = globalThis.fetch;
const pageSetTimeout = globalThis.setTimeout;
const pageClearTimeout = globalThis.clearTimeout;
const pageNow = performance.now.bind(performance);
const pageRandom = Math.random;
const PageChannel = globalThis.MessageChannel;

/** Feeds longer than this (characters) are read from a task of their own, and shown to one widget per task. */
const BIG = 1e6;

/**
 * Runs `fn` once, in a task of its own: a message task (setTimeout(0) is clamped to 4 ms once
 * nested), or the captured timer if the page's MessageChannel is broken or never delivers.
 */
const task = (fn: () => void) => {
  let c: MessageChannel | undefined;
  let ran = 0;
  const go = () => ran++ || (c?.port1.close(), fn());
  try {
    c = new PageChannel!();
    c.port1.onmessage = go;
    c.port2.postMessage(0);
  } catch {
    c = undefined;
  }
  pageSetTimeout.call(globalThis, go, c ? 50 : 0);
};

/**
 * Parses and validates in slices of about 40 ms, handing the page back between them (a message
 * task), so a 5 MB feed is no single long task. Always settles: a throw in any slice (a feed
 * nested deep enough to overflow the stack) is an error result, not a reading that never ends.
 * `wanted` false at a hop (a newer request superseded this one) stops the work.
 */
export const parseSliced = (text: string, wanted: () => boolean = () => true): Promise<ValidationResult> =>
  new Promise((done) => {
    const g = parsing(text, { lenient: true });
    const later = (fn: () => void) => (wanted() ? task(fn) : done({ ok: false, errors: ['feed: superseded by a newer request'] }));
    const slice = () => {
      const t = pageNow();
      let r;
      try {
        while (!(r = g.next()).done) if (pageNow() - t > 40) return later(slice);
      } catch (e) {
        return done({ ok: false, errors: [`feed: could not be read (${String((e as Error)?.message ?? e).slice(0, 200)})`] });
      }
      const v = r.value;
      // A long last slice: the widgets' renders, which follow at once, get a task of their own.
      pageNow() - t > 8 ? later(() => done(v)) : done(v);
    };
    // A big body: its parse starts in a task of its own, not in the one that finished the download.
    text.length > BIG ? later(slice) : slice();
  });

/**
 * What a subscriber receives. A new object only when something changed: a 304, or a 200 with the
 * same bytes, notifies no one, and `feed` keeps its identity until the feed really changes.
 * - `loading`: the first request has not answered yet.
 * - `ready`: `feed` is the validated feed.
 * - `error`: `errors` are `path: message` lines (validator lines, or one `feed:` line for HTTP,
 *   network and timeout problems); `feed` is still the last good feed, if there ever was one.
 */
export type FeedState =
  | { url: string; status: 'loading'; feed?: undefined; errors?: undefined }
  | { url: string; status: 'ready'; feed: Feed; errors?: undefined }
  | { url: string; status: 'error'; feed?: Feed; errors: string[] };

export type FeedListener = (state: FeedState) => void;

export interface SubscribeOptions {
  /** Re-check the feed every this many seconds (at least MIN_REFRESH); the smallest among a URL's subscribers wins. */
  refresh?: number;
}

/** The outside world, injectable so tests drive time, randomness and visibility. */
export interface FeedLoaderOptions {
  fetch?: (url: string, init: RequestInit) => Promise<Response>;
  setTimeout?: (fn: () => void, ms: number) => unknown;
  clearTimeout?: (id: any) => void;
  /** Milliseconds, monotonic. */
  now?: () => number;
  /** In [0, 1), for backoff jitter. */
  random?: () => number;
  /** A request (headers and body) that takes longer is given up (aborted, and not waited for). Default 15 s. */
  timeoutMs?: number;
  /** Bodies longer than this many bytes (after decompression) are refused. Default MAX_FEED_BYTES. */
  maxBytes?: number;
  /** First retry delay of a feed that never loaded. Default 5 s. */
  retryMs?: number;
  /** Longest retry delay. Default 5 min. */
  maxDelayMs?: number;
  /** Supplies baseURI, hidden and visibilitychange; default `document`, read at first subscribe. */
  document?: Pick<Document, 'hidden' | 'baseURI' | 'addEventListener' | 'removeEventListener'>;
}

/** What the loader holds right now, counted from the real objects (for tests and leak checks). */
export interface LoaderStats {
  urls: number;
  subscribers: number;
  inFlight: number;
  timers: number;
  listeners: number;
}

export interface FeedLoader {
  /**
   * Calls `listener` at once with the current state, then on every change; returns unsubscribe.
   * When the last subscriber of a URL leaves, its timers, request and listener go at the next
   * microtask checkpoint (a subscriber arriving before that takes the entry over as it is).
   */
  subscribe(url: string, listener: FeedListener, options?: SubscribeOptions): () => void;
  /** Checks a subscribed URL now, superseding a request in flight (e.g. a retry button). */
  reload(url: string): void;
  stats(): LoaderStats;
}

/** Refresh intervals below this (seconds) are raised to it: a typo must not flood the feed's origin. */
export const MIN_REFRESH = 5;

interface Sub {
  l: FeedListener;
  r: number | undefined;
}

interface Entry {
  url: string;
  subs: Set<Sub>;
  state: FeedState;
  /** Body of the last good feed, to drop identical 200s (and 304s, which fetch hands over as the cached 200). */
  text?: string;
  /** The request in flight; its identity is the sequence token: a response whose controller is no longer this one is ignored. */
  ctrl?: AbortController;
  timer?: unknown;
  /** Timeout timer of the request in flight. */
  tt?: unknown;
  /** When the next check is due (also while hidden, so that showing the page can catch up). */
  at?: number;
  /** When the last check ended. */
  last: number;
  fails: number;
  /** Backoff delay drawn at the last failure. */
  wait: number;
  /** Checks in a row that got no answer in time: the next one must not queue behind the hung one. */
  hung: number;
}

/** What one check got: the body text, or why there is none (a `feed:` line). */
type Outcome = { text: string; error?: undefined } | { text?: undefined; error: string };

/**
 * The request for a check. Normally `no-cache` (revalidate with the stored ETag). After a check that
 * got no answer in time, the hung request may still hold Chromium's HTTP-cache lock for the URL for
 * about 20 s (a page fetch wrapper that drops `signal` means it is never aborted), and a request
 * through the cache waits behind it: so bypass the cache (`no-store`), and after a second hang add
 * a query parameter too, in case the wrapper also drops `cache`.
 */
export function requestFor(url: string, hung: number, signal: AbortSignal): [string, RequestInit] {
  const init: RequestInit = { cache: hung ? 'no-store' : 'no-cache', credentials: 'omit', mode: 'cors', signal };
  if (hung < 2) return [url, init];
  const u = new URL(url);
  u.searchParams.set('forum-widgets-retry', String(hung - 1));
  return [u.href, init];
}

/**
 * The body as text, read as a stream and given up past `maxBytes` (a 200 KB gzip bomb inflates
 * chunk by chunk, never all at once). It must be UTF-8, as the contract says; a BOM is allowed.
 */
export async function readCapped(res: Response, maxBytes: number): Promise<Outcome> {
  const limit = maxBytes % 1048576 ? `${maxBytes} bytes` : `${maxBytes / 1048576} MB`;
  const tooLarge = { error: `feed: too large (more than ${limit} after decompression)` };
  const declared = Number(res.headers.get('content-length'));
  // Compressed bytes only grow when inflated: a declared length past the cap is enough to refuse.
  if (declared > maxBytes) {
    void res.body?.cancel().catch(() => {});
    return tooLarge;
  }
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const parts: string[] = [];
  let bytes = 0;
  try {
    if (!res.body) {
      // A Response-like from a page's fetch wrapper without a stream: read it whole, then check.
      const buf = new Uint8Array(await res.arrayBuffer());
      return buf.byteLength > maxBytes ? tooLarge : { text: decoder.decode(buf) };
    }
    const reader = res.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      if (bytes > maxBytes) {
        void reader.cancel().catch(() => {});
        return tooLarge;
      }
      parts.push(decoder.decode(value, { stream: true }));
    }
    parts.push(decoder.decode());
  } catch (x) {
    if (x instanceof TypeError && /decod|encod/i.test(String(x))) return { error: 'feed: is not UTF-8 text (the contract asks for UTF-8)' };
    throw x;
  }
  return { text: parts.join('') };
}

export function createFeedLoader(o: FeedLoaderOptions = {}): FeedLoader {
  const {
    fetch: get = (u, i) => pageFetch.call(globalThis, u, i),
    setTimeout: st = (fn, ms) => pageSetTimeout.call(globalThis, fn, ms),
    clearTimeout: ct = (id) => pageClearTimeout.call(globalThis, id),
    now = pageNow,
    random = pageRandom,
    timeoutMs = 15e3,
    maxBytes = MAX_FEED_BYTES,
    retryMs = 5e3,
    maxDelayMs = 3e5,
  } = o;
  const entries = new Map<string, Entry>();
  const timers = new Set<unknown>();
  let doc: NonNullable<FeedLoaderOptions['document']>;
  let listening = 0;

  const later = (fn: () => void, ms: number) => {
    const id = st(() => {
      timers.delete(id);
      fn();
    }, ms);
    timers.add(id);
    return id;
  };
  const cancel = (id: unknown) => timers.delete(id) && ct(id);
  const key = (url: string) => {
    try {
      const u = new URL(url, doc.baseURI);
      u.hash = ''; // never sent: feed.json#a and feed.json are one request
      return u.href;
    } catch {
      return url; // fetch will fail on it and say so in the state
    }
  };
  const call = (s: Sub, state: FeedState) => {
    try {
      s.l(state);
    } catch (x) {
      // A broken listener must not starve the others; its error still surfaces as uncaught.
      queueMicrotask(() => {
        throw x;
      });
    }
  };

  const set = (e: Entry, status: FeedState['status'], feed?: Feed, errors?: string[], spread?: boolean) => {
    const s = e.state;
    if (s.status === status && s.feed === feed && s.errors?.join('\n') === errors?.join('\n')) return;
    const state = (e.state = { url: e.url, status, feed, errors } as FeedState);
    // spread (a big feed): one subscriber per task, so the widgets' first renders of it are not
    // one long task together. A newer state, or a subscriber gone, ends its part.
    const subs = [...e.subs];
    const each = () => {
      for (const sub of subs.splice(0, spread ? 1 : subs.length)) if (e.state === state && e.subs.has(sub)) call(sub, state);
      if (subs.length && e.state === state) task(each);
    };
    each();
  };

  /** The refresh interval in ms (0: none): the smallest positive one asked for. */
  const every = (e: Entry) => {
    let m = Infinity;
    for (const s of e.subs) if (s.r! > 0) m = Math.min(m, s.r!);
    return m < Infinity ? Math.max(m, MIN_REFRESH) * 1e3 : 0;
  };

  /** Sets the timer for the next check, if any: a retry after a failure, else the refresh interval. */
  const plan = (e: Entry) => {
    cancel(e.timer);
    e.at = undefined;
    if (e.ctrl || !e.subs.size) return;
    const wait = e.fails ? e.wait : every(e);
    if (!wait) return;
    const at = (e.at = e.last + wait);
    // Clamped: setTimeout fires at once for delays past 2^31-1 ms.
    e.timer = later(() => doc.hidden || check(e), Math.min(Math.max(at - now(), 0), 2 ** 31 - 1));
  };

  /**
   * One request and its body, within `timeoutMs` in all: the race against our own timer holds even
   * when the page's fetch ignores the abort signal and never settles.
   */
  const fetchFeed = (e: Entry, ctrl: AbortController): Promise<Outcome> =>
    new Promise<Outcome>((done) => {
      // Whichever settles first wins: the answer (which stops the timer) or the timer.
      const timer = (e.tt = later(() => {
        e.hung++;
        ctrl.abort();
        done({ error: `feed: no response within ${timeoutMs / 1e3} s from ${e.url}` });
      }, timeoutMs));
      (async (): Promise<Outcome> => {
        // Conditional requests are left to the HTTP cache: `no-cache` makes the browser revalidate
        // every time with the validators it stored (If-None-Match, If-Modified-Since), and a 304
        // comes back as the cached 200, dropped later as identical bytes. Setting those headers
        // ourselves would make every cross-origin check a preflighted request that fails on static
        // hosts not allowing them, and ETag cannot even be read cross-origin unless exposed.
        const res = await get(...requestFor(e.url, e.hung, ctrl.signal));
        if (!res.ok) return { error: `feed: HTTP ${res.status} from ${e.url}` };
        const out = await readCapped(res, maxBytes);
        e.hung = 0; // answered in time: the cache is free again
        return out;
      })()
        .catch((x) =>
          // A browser hides why a cross-origin fetch failed; a missing CORS header is the usual cause.
          ({ error: `feed: no response from ${e.url} (${x}; offline, or the feed's server does not send Access-Control-Allow-Origin for this site)` }),
        )
        .then((out) => {
          cancel(timer);
          done(out);
        });
    }).then((out) => {
      // Releases the unread body of an error response. Not after a body read to its end: Chromium
      // may not have closed that request yet, and would then log it as aborted.
      if (out.error) ctrl.abort();
      return out;
    });

  /** After a failure: exponential backoff with equal jitter, from the refresh interval once a feed is shown, sooner while the reader sees only fallback content. */
  const backoff = (e: Entry, showing: boolean) => {
    const ms = every(e);
    const base = showing && ms ? ms : Math.min(ms || retryMs, retryMs);
    const d = Math.min(base * 2 ** e.fails++, Math.max(maxDelayMs, ms));
    e.wait = d / 2 + (random() * d) / 2;
  };

  /** Checks the feed now, superseding a check in flight, and plans the next one. */
  const check = async (e: Entry) => {
    cancel(e.timer);
    cancel(e.tt);
    e.at = undefined;
    e.ctrl?.abort(); // superseded: its answer, if any, would be older than ours
    const ctrl = (e.ctrl = new AbortController());
    const got = await fetchFeed(e, ctrl);
    if (e.ctrl !== ctrl) return; // superseded, or the last subscriber left
    // A new body: the widgets' reading of it (lenient: faulty items dropped), or why it is unusable.
    const r = got.text !== undefined && got.text !== e.text ? await parseSliced(got.text, () => e.ctrl === ctrl) : undefined;
    if (e.ctrl !== ctrl) return; // superseded while it was read
    e.ctrl = undefined;
    e.last = now();
    let feed = e.state.feed;
    let errors = got.error === undefined ? undefined : [got.error];
    if (r?.ok) {
      e.text = got.text;
      feed = r.feed;
    } else if (r) errors = r.errors;
    if (errors) {
      backoff(e, !!feed);
      set(e, 'error', feed, errors);
    } else {
      e.fails = 0;
      set(e, 'ready', feed, undefined, (got.text?.length ?? 0) > BIG);
    }
    plan(e);
  };

  const onVisible = () => {
    if (!doc.hidden) for (const e of entries.values()) if (e.at! <= now() && !e.ctrl) check(e);
  };

  const close = (e: Entry) => {
    if (e.subs.size || entries.get(e.url) !== e) return; // taken up again, or already closed
    entries.delete(e.url);
    cancel(e.timer);
    cancel(e.tt);
    e.ctrl?.abort();
    e.ctrl = e.at = undefined;
    if (!entries.size) {
      doc.removeEventListener('visibilitychange', onVisible);
      listening = 0;
    }
  };

  return {
    subscribe(url, l, options = {}) {
      doc ??= o.document ?? document;
      const k = key(url);
      let e = entries.get(k);
      const sub: Sub = { l, r: options.refresh };
      if (!e) {
        entries.set(k, (e = { url: k, subs: new Set([sub]), state: { url: k, status: 'loading' }, last: 0, fails: 0, wait: 0, hung: 0 }));
        if (!listening) {
          listening = 1;
          doc.addEventListener('visibilitychange', onVisible);
        }
        check(e);
      } else {
        e.subs.add(sub);
        plan(e); // the refresh interval may have changed
      }
      const entry = e;
      call(sub, e.state);
      return () => {
        // The last one out closes the entry after this task's microtasks, so that an element
        // moved in the DOM (disconnected, then connected again) keeps its feed and request.
        if (entry.subs.delete(sub)) entry.subs.size ? plan(entry) : queueMicrotask(() => close(entry));
      };
    },
    reload(url) {
      const e = doc && entries.get(key(url));
      if (e) check(e);
    },
    stats() {
      let subscribers = 0;
      let inFlight = 0;
      for (const e of entries.values()) {
        subscribers += e.subs.size;
        if (e.ctrl) inFlight++;
      }
      return { urls: entries.size, subscribers, inFlight, timers: timers.size, listeners: listening };
    },
  };
}

/** The page's loader, shared by every widget of this copy of the bundle. */
export const feedLoader = /* @__PURE__ */ createFeedLoader();
