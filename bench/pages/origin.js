// Origin load under simulated time. The real loader from the npm build (dist/lib/feed/loader.js)
// gets an injected clock (setTimeout/clearTimeout/now) that only moves when this driver moves it,
// and the browser's real fetch, so requests really go to the feed origin through Chromium's HTTP
// cache (ETag -> If-None-Match -> 304). Virtual time advances to the next timer only once no
// request is in flight, so a 10-minute session runs in well under a second of wall time.
import { createFeedLoader } from '/dist/lib/feed/loader.js';

function virtualClock() {
  let t = 0;
  let seq = 0;
  const timers = new Map();
  return {
    now: () => t,
    setTimeout: (fn, ms) => (timers.set(++seq, { at: t + Math.max(0, ms), fn }), seq),
    clearTimeout: (id) => void timers.delete(id),
    /** When the earliest timer is due, if at or before `end`. */
    next(end) {
      let at;
      for (const e of timers.values()) if (e.at <= end && (at === undefined || e.at < at)) at = e.at;
      return at;
    },
    /** Runs the earliest timer due at or before `end`; false when there is none. */
    step(end) {
      let next;
      for (const e of timers) if (e[1].at <= end && (!next || e[1].at < next[1].at)) next = e;
      if (!next) return false;
      timers.delete(next[0]);
      t = next[1].at;
      next[1].fn();
      return true;
    },
  };
}

const macrotask = () => new Promise((r) => setTimeout(r, 0));

/** Four widgets sharing the loader, each subscribed with `refresh` seconds, for `minutes`. */
window.loaderRun = async (url, { widgets = 4, refresh = 60, minutes = 10 } = {}) => {
  const c = virtualClock();
  const doc = { hidden: false, baseURI: location.href, addEventListener() {}, removeEventListener() {} };
  const loader = createFeedLoader({ setTimeout: c.setTimeout, clearTimeout: c.clearTimeout, now: c.now, document: doc });
  const seen = Array.from({ length: widgets }, () => []);
  const offs = seen.map((log, i) => loader.subscribe(url, (s) => log.push([c.now(), s.status, !!s.feed]), { refresh }));
  const settle = async () => {
    do await macrotask();
    while (loader.stats().inFlight);
  };
  await settle();
  while (c.step(minutes * 60e3)) await settle();
  offs.forEach((off) => off());
  // What the widgets were told: a 304 must notify no one.
  return { notifications: seen.map((l) => l.length), endedAt: c.now(), states: seen[0].map((x) => x[1]) };
};

/** The naive design: each widget fetches the whole feed itself every interval, unconditionally. */
window.naiveRun = async (url, { widgets = 4, refresh = 60, minutes = 10 } = {}) => {
  const c = virtualClock();
  let inFlight = 0;
  let bytes = 0;
  const tick = async () => {
    inFlight++;
    try {
      bytes += (await (await fetch(url, { cache: 'no-store', credentials: 'omit' })).text()).length;
    } finally {
      inFlight--;
    }
    c.setTimeout(tick, refresh * 1e3);
  };
  for (let i = 0; i < widgets; i++) tick();
  const settle = async () => {
    do await macrotask();
    while (inFlight);
  };
  await settle();
  while (c.step(minutes * 60e3)) await settle();
  return { endedAt: c.now(), chars: bytes };
};

/**
 * The loader against a feed that flaps (bench/lib/origin-load.mjs serves it by a schedule in
 * virtual time). The page tells the feed server the virtual time before each timer runs
 * (`benchTime`, exposed by the driver), so a request gets the answer its moment calls for. Time
 * moves on once no request is in flight, or the one in flight is being held by the server (a
 * hang: the loader's own 15 s timeout, also on the virtual clock, gives it up), or a request has
 * not reached the server after 5 s of real time (queued in the browser: counted as `stuck`).
 */
window.flapRun = async (url, { widgets = 4, refresh = 60, minutes = 10 } = {}) => {
  const c = virtualClock();
  const doc = { hidden: false, baseURI: location.href, addEventListener() {}, removeEventListener() {} };
  const loader = createFeedLoader({ setTimeout: c.setTimeout, clearTimeout: c.clearTimeout, now: c.now, document: doc });
  const feeds = [];
  const seen = Array.from({ length: widgets }, () => []);
  let stuck = 0;
  await window.benchTime(0);
  const offs = seen.map((log) =>
    loader.subscribe(url, (s) => {
      if (s.feed && !feeds.includes(s.feed)) feeds.push(s.feed);
      log.push({ t: c.now(), status: s.status, feed: s.feed ? feeds.indexOf(s.feed) : -1, version: s.feed?.updated ?? null });
    }, { refresh }),
  );
  const settle = async () => {
    const began = performance.now();
    for (;;) {
      await macrotask();
      const { held } = await window.benchTime(c.now());
      if (loader.stats().inFlight <= held) return;
      if (performance.now() - began > 5000) return void stuck++;
    }
  };
  await settle();
  const end = minutes * 60e3;
  for (let at = c.next(end); at !== undefined; at = c.next(end)) {
    await window.benchTime(at);
    c.step(end);
    await settle();
  }
  offs.forEach((off) => off());
  return { endedAt: c.now(), notifications: seen.map((l) => l.length), timeline: seen[0], stuck };
};
