// The shared feed loader: however many widgets name a feed URL, the page makes one request for it
// and holds one validated feed. Optional refresh re-checks it with conditional requests, backs off
// on failure, never lets a late response overwrite a newer feed, and keeps the last good feed when
// a check fails. One loader per realm (module scope, not window): two copies of the bundle on a
// page each have their own, which costs one extra request and nothing else.
import { parseFeed } from './validate.js';
import type { Feed } from './types.js';

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
  /** A request (headers and body) that takes longer is aborted. Default 15 s. */
  timeoutMs?: number;
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
}

export function createFeedLoader(o: FeedLoaderOptions = {}): FeedLoader {
  const {
    fetch: get = (u, i) => fetch(u, i),
    setTimeout: st = setTimeout,
    clearTimeout: ct = clearTimeout as (id: any) => void,
    now = () => performance.now(),
    random = Math.random,
    timeoutMs = 15e3,
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

  const set = (e: Entry, status: FeedState['status'], feed?: Feed, errors?: string[]) => {
    const s = e.state;
    if (s.status === status && s.feed === feed && s.errors?.join('\n') === errors?.join('\n')) return;
    e.state = { url: e.url, status, feed, errors } as FeedState;
    for (const sub of e.subs) call(sub, e.state);
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

  const check = async (e: Entry) => {
    cancel(e.timer);
    cancel(e.tt);
    e.at = undefined;
    e.ctrl?.abort(); // superseded: its answer, if any, would be older than ours
    const ctrl = (e.ctrl = new AbortController());
    let timedOut = false;
    e.tt = later(() => {
      timedOut = true;
      ctrl.abort();
    }, timeoutMs);
    let text: string | undefined;
    let errors: string[] | undefined;
    try {
      // Conditional requests are left to the HTTP cache: `no-cache` makes the browser revalidate
      // every time with the validators it stored (If-None-Match, If-Modified-Since), and a 304
      // comes back as the cached 200, dropped below as identical bytes. Setting those headers
      // ourselves would make every cross-origin check a preflighted request that fails on static
      // hosts not allowing them, and ETag cannot even be read cross-origin unless exposed.
      const res = await get(e.url, { cache: 'no-cache', credentials: 'omit', mode: 'cors', signal: ctrl.signal });
      if (res.ok) text = await res.text();
      else errors = [`feed: HTTP ${res.status} from ${e.url}`];
    } catch (x) {
      // A browser hides why a cross-origin fetch failed; a missing CORS header is the usual cause.
      errors = [
        timedOut
          ? `feed: no response within ${timeoutMs / 1e3} s from ${e.url}`
          : `feed: no response from ${e.url} (${x}; offline, or the feed's server does not send Access-Control-Allow-Origin for this site)`,
      ];
    }
    ctrl.abort(); // releases the unread body of an error response
    if (e.ctrl !== ctrl) return; // superseded, or the last subscriber left
    cancel(e.tt);
    e.ctrl = undefined;
    e.last = now();
    let feed = e.state.feed;
    if (text !== undefined && text !== e.text) {
      // The widgets' reading: a fault confined to an item drops it (warningsOf(feed) says which).
      const r = parseFeed(text, { lenient: true });
      if (r.ok) {
        e.text = text;
        feed = r.feed;
      } else errors = r.errors;
    }
    const ms = every(e);
    if (errors) {
      // Exponential backoff with equal jitter, from the refresh interval once a feed is shown,
      // sooner while the reader sees only fallback content.
      const base = feed && ms ? ms : Math.min(ms || retryMs, retryMs);
      const d = Math.min(base * 2 ** e.fails++, Math.max(maxDelayMs, ms));
      e.wait = d / 2 + (random() * d) / 2;
      set(e, 'error', feed, errors);
    } else {
      e.fails = 0;
      set(e, 'ready', feed);
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
        entries.set(k, (e = { url: k, subs: new Set([sub]), state: { url: k, status: 'loading' }, last: 0, fails: 0, wait: 0 }));
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
