// 1,000 connect/disconnect cycles of the real bundle leave nothing behind: no pending timer or
// animation frame, no listener on the page's long-lived objects, no observer still watching, and
// no request after the last widget is gone. Counted by wrapping the browser APIs before the
// bundle loads (the bundle does not expose the loader's own stats).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, noPageErrors, useHarness } from './browser.mjs';
import { sampleFeed, htmlPage } from './fixtures.mjs';

let server;
let browser;

useHarness((s, b) => ([server, browser] = [s, b]));

// Runs in the page before any other script.
function instrument() {
  const pending = { timeout: new Map(), interval: new Map(), raf: new Map() };
  const listeners = new Map(); // key -> { target, type, stack }
  const observed = new Map(); // observer -> Set of targets
  const where = () => (new Error().stack || '').split('\n').slice(3, 6).join(' | ');
  const wrapTimer = (setName, clearName, kind, once) => {
    const set = window[setName];
    const clear = window[clearName];
    window[setName] = function (fn, ...rest) {
      let id;
      const cb =
        typeof fn === 'function'
          ? function (...a) {
              if (once) pending[kind].delete(id);
              return fn.apply(this, a);
            }
          : fn;
      id = set.call(window, cb, ...rest);
      pending[kind].set(id, where());
      return id;
    };
    window[clearName] = function (id) {
      pending[kind].delete(id);
      return clear.call(window, id);
    };
  };
  wrapTimer('setTimeout', 'clearTimeout', 'timeout', true);
  wrapTimer('setInterval', 'clearInterval', 'interval', false);
  wrapTimer('requestAnimationFrame', 'cancelAnimationFrame', 'raf', true);

  // Listeners on what outlives a widget: window, document, <html>, <body>, and non-node targets
  // (media queries, visualViewport, ...). A removed widget's own listeners go with it.
  const ids = new WeakMap();
  let next = 0;
  const idOf = (o) => (ids.has(o) ? ids.get(o) : (ids.set(o, ++next), next));
  const longLived = (t) => t === window || t === document || t === document.documentElement || t === document.body || !(t instanceof Node);
  const keyOf = (t, type, fn, opts) => `${idOf(t)}|${type}|${fn && idOf(fn)}|${!!(typeof opts === 'object' ? opts && opts.capture : opts)}`;
  const add = EventTarget.prototype.addEventListener;
  const remove = EventTarget.prototype.removeEventListener;
  EventTarget.prototype.addEventListener = function (type, fn, opts) {
    if (fn && longLived(this)) {
      listeners.set(keyOf(this, type, fn, opts), { target: this.constructor.name, type, stack: where() });
      if (opts && typeof opts === 'object' && opts.signal) opts.signal.addEventListener('abort', () => listeners.delete(keyOf(this, type, fn, opts)));
    }
    return add.call(this, type, fn, opts);
  };
  EventTarget.prototype.removeEventListener = function (type, fn, opts) {
    if (fn) listeners.delete(keyOf(this, type, fn, opts));
    return remove.call(this, type, fn, opts);
  };
  for (const [proto, a, r] of [[MediaQueryList.prototype, 'addListener', 'removeListener']]) {
    const pa = proto[a];
    const pr = proto[r];
    proto[a] = function (fn) {
      listeners.set(keyOf(this, 'change', fn, false), { target: 'MediaQueryList', type: 'change (addListener)', stack: where() });
      return pa.call(this, fn);
    };
    proto[r] = function (fn) {
      listeners.delete(keyOf(this, 'change', fn, false));
      return pr.call(this, fn);
    };
  }

  for (const name of ['IntersectionObserver', 'ResizeObserver', 'MutationObserver']) {
    const proto = window[name].prototype;
    const { observe, disconnect } = proto;
    const unobserve = proto.unobserve;
    proto.observe = function (target, ...rest) {
      if (!observed.has(this)) observed.set(this, { name, stack: where(), targets: new Set() });
      observed.get(this).targets.add(target);
      return observe.call(this, target, ...rest);
    };
    proto.disconnect = function () {
      observed.delete(this);
      return disconnect.call(this);
    };
    if (unobserve) {
      proto.unobserve = function (target) {
        observed.get(this)?.targets.delete(target);
        return unobserve.call(this, target);
      };
    }
  }

  window.__leaks = () => ({
    timeouts: [...pending.timeout.values()],
    intervals: [...pending.interval.values()],
    frames: [...pending.raf.values()],
    listeners: [...listeners.values()].map((l) => `${l.target} ${l.type} @ ${l.stack}`),
    observing: [...observed.values()].filter((o) => o.targets.size).map((o) => `${o.name} x${o.targets.size} @ ${o.stack}`),
  });
}

describe('lifecycle', () => {
  it('1,000 connect/disconnect cycles leave no timers, listeners, observers or requests behind', async () => {
    // A session 30 minutes away: the card counts down (timers at minute boundaries).
    const feed = sampleFeed();
    const now = Date.now();
    feed.sessions[0].start = new Date(now + 30 * 60_000).toISOString();
    feed.sessions[0].end = new Date(now + 90 * 60_000).toISOString();
    const f = server.feed('/cycles/feed.json', { body: feed });
    const f2 = server.feed('/cycles/other.json', { body: feed });
    // data-widgets: the elements come only later, once the tags are defined.
    server.page(
      '/cycles/page.html',
      htmlPage({ head: `<script src="/forum-widgets.js" data-feed="${f.url}" data-widgets="session-card speaker-quote organizer-strip partner-counter" defer></script>`, body: '<div id="box"></div><div id="box2"></div>' }),
    );
    // Motion allowed: the counter's count-up animation runs while widgets come and go.
    const p = await openPage(browser, { initScript: instrument, reducedMotion: 'no-preference' });
    try {
      await p.page.goto(server.url('/cycles/page.html'));
      await p.page.waitForFunction(() => customElements.get('partner-counter'));
      const baseline = await p.page.evaluate(() => window.__leaks());

      // Prove the instruments see widgets' resources: one of each, ready, holds some.
      const held = await p.page.evaluate(
        async ([session, quote, other]) => {
          const box = document.getElementById('box');
          box.innerHTML = `<forum-session-card session="${session}" refresh="5"></forum-session-card><speaker-quote quote="${quote}"></speaker-quote><organizer-strip src="${other}" refresh="7"></organizer-strip><partner-counter></partner-counter>`;
          await new Promise((r) => {
            const check = () => ([...box.children].every((e) => e.getAttribute('state') === 'ready') ? r() : setTimeout(check, 20));
            check();
          });
          const during = window.__leaks();
          box.replaceChildren();
          return during;
        },
        [feed.sessions[0].id, feed.quotes[0].id, f2.url],
      );
      assert.ok(held.timeouts.length > baseline.timeouts.length, `live widgets hold timers (refresh, countdown): ${JSON.stringify(held.timeouts)}`);
      assert.ok(held.listeners.length > baseline.listeners.length, `live widgets hold page listeners (locale, visibility): ${JSON.stringify(held.listeners)}`);

      const result = await p.page.evaluate(
        async ([session, quote, other]) => {
          const box = document.getElementById('box');
          const box2 = document.getElementById('box2');
          const make = (i) => {
            const tag = ['forum-session-card', 'speaker-quote', 'organizer-strip', 'partner-counter'][i % 4];
            const el = document.createElement(tag);
            if (tag === 'forum-session-card') el.setAttribute('session', i % 8 ? session : 'current');
            if (tag === 'speaker-quote') el.setAttribute('quote', quote);
            if (i % 3 === 0) el.setAttribute('refresh', String(5 + (i % 5)));
            if (i % 5 === 0) el.setAttribute('src', other);
            el.textContent = 'fallback';
            return el;
          };
          const ready = (el) =>
            new Promise((r) => {
              const check = () => (['ready', 'error', 'missing'].includes(el.getAttribute('state')) ? r() : setTimeout(check, 10));
              check();
            });
          for (let i = 0; i < 1000; i++) {
            const el = make(i);
            box.append(el);
            if (i % 50 === 0) await ready(el); // some live long enough to fetch, schedule and animate
            else if (i % 7 === 0) await el.updateComplete;
            if (i % 11 === 0) {
              box2.append(el); // moved
              await new Promise((r) => setTimeout(r, 0));
            }
            if (i % 13 === 0) el.src = other; // source changed while connected
            el.remove();
            if (i % 4 === 3) await new Promise((r) => setTimeout(r, 0));
          }
          // Let aborted requests settle and any last render finish.
          await new Promise((r) => setTimeout(r, 300));
          await new Promise((r) => requestAnimationFrame(() => r()));
          return { leaks: window.__leaks(), left: document.querySelectorAll('#box *, #box2 *').length };
        },
        [feed.sessions[0].id, feed.quotes[0].id, f2.url],
      );
      assert.equal(result.left, 0);
      assert.deepEqual(result.leaks, baseline, 'resources held after every widget was removed (baseline: before any widget)');

      // Nothing left to ask for the feeds: no request during more than one refresh interval.
      const counts = [f.count, f2.count];
      await p.page.waitForTimeout(5_500);
      assert.deepEqual([f.count, f2.count], counts, 'requests after the last widget was removed');
      noPageErrors(assert, p.errors);
    } finally {
      await p.close();
    }
  });
});
