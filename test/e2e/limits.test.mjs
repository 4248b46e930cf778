// Issue 10's cases against the built bundle on real host pages (127.0.0.1): a host page that adds
// enumerable Object.prototype properties, a fetch wrapper that drops `signal` while the first
// request never settles, a gzip bomb and an oversized plain body, 100,000 organisations, feed
// text and numbers that would widen the page, -0, and a session across the autumn DST change.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { openPage, waitForState, shadowText, noPageErrors, LINE, useHarness } from './browser.mjs';
import { sampleFeed, htmlPage, textIn } from './fixtures.mjs';

let server;
let browser;
useHarness((s, b) => ([server, browser] = [s, b]));

const FOUR = 'forum-session-card, speaker-quote, organizer-strip, partner-counter';
const widgets = (feed, src = '') => `
  <forum-session-card session="${feed.sessions[0].id}" ${src}><a href="https://forum.example/">Fallback session</a></forum-session-card>
  <speaker-quote quote="${feed.quotes[0].id}" ${src}><p>Fallback quote</p></speaker-quote>
  <organizer-strip ${src}><p>Fallback organisers</p></organizer-strip>
  <partner-counter ${src}><p>Fallback counters</p></partner-counter>`;

/** Records forum-feed-load / forum-feed-error on the page from the start. */
const recordEvents = () => {
  window.__ev = [];
  for (const type of ['forum-feed-load', 'forum-feed-error'])
    document.addEventListener(type, (e) => window.__ev.push({ type, tag: e.target.localName, detail: { errors: e.detail.errors, warnings: e.detail.warnings } }), true);
};

describe('hostile host pages', () => {
  it('enumerable Object.prototype properties (extend, url, missing, …) break nothing', async () => {
    const feed = sampleFeed();
    const f = server.feed('/proto/feed.json', { body: feed });
    server.page(
      '/proto/page.html',
      htmlPage({
        // An old library's habit, before the bundle runs.
        head: `<script>
          for (const k of ['extend', 'each', 'url', 'stream', 'logo', 'photo', 'missing', 'sessions', 'speakers', 'warnings'])
            Object.prototype[k] = k === 'sessions' ? 7 : 'javascript:window.__pwned=1';
        </script><script src="/forum-widgets.js" data-feed="${f.url}" defer></script>`,
        body: widgets(feed),
      }),
    );
    const p = await openPage(browser, { initScript: recordEvents });
    try {
      await p.page.goto(server.url('/proto/page.html'));
      await waitForState(p.page, FOUR, ['ready']);
      const ev = await p.page.evaluate(() => window.__ev);
      assert.equal(ev.filter((e) => e.type === 'forum-feed-error').length, 0, JSON.stringify(ev));
      assert.deepEqual(ev.find((e) => e.type === 'forum-feed-load').detail.warnings, []);
      const hrefs = await p.page.evaluate((sel) => [...document.querySelectorAll(sel)].flatMap((h) => [...h.shadowRoot.querySelectorAll('[href],[src]')].map((e) => e.getAttribute('href') ?? e.getAttribute('src'))), FOUR);
      assert.ok(hrefs.length > 0);
      for (const h of hrefs) assert.match(h, /^https?:/);
      assert.ok((await shadowText(p.page, 'forum-session-card')).includes(textIn(feed.sessions[0].title, 'en')));
      noPageErrors(assert, p.errors);
    } finally {
      await p.close();
    }
  });

  it('a fetch wrapper that drops signal, and a first request that never settles: the widget still loads (timeout, then a retry past the hung request)', async () => {
    const feed = sampleFeed();
    let n = 0;
    const requests = [];
    const url = server.route('/hung/feed.json', (req, res) => {
      requests.push({ at: Date.now(), query: new URL(req.url, 'http://x').search, headers: req.headers });
      if (++n === 1) {
        res.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
        res.write('{"version": 1,'); // and never more
        return new Promise(() => {});
      }
      res.writeHead(200, { 'content-type': 'application/json', etag: '"v1"' });
      res.end(JSON.stringify(feed));
    });
    server.page(
      '/hung/page.html',
      htmlPage({
        head: `<script>
          const real = window.fetch;
          // A page's wrapper that rebuilds the init and loses the abort signal.
          window.fetch = (input, init = {}) => real(input, { method: init.method, headers: init.headers, credentials: init.credentials, mode: init.mode, cache: init.cache });
        </script><script src="/forum-widgets.js" data-feed="${url}" defer></script>`,
        body: `<forum-session-card session="${feed.sessions[0].id}"><a href="https://forum.example/">Fallback</a></forum-session-card>`,
      }),
    );
    const p = await openPage(browser, { initScript: recordEvents });
    try {
      const t0 = Date.now();
      await p.page.goto(server.url('/hung/page.html'));
      await waitForState(p.page, 'forum-session-card', ['ready'], 45_000);
      const took = (Date.now() - t0) / 1000;
      console.log(`# hung first request with a signal-dropping fetch wrapper: ready after ${took.toFixed(1)} s, ${requests.length} requests`);
      assert.ok(requests.length >= 2, 'a retry was made');
      const ev = await p.page.evaluate(() => window.__ev);
      assert.match(ev.find((e) => e.type === 'forum-feed-error').detail.errors[0], /^feed: no response within 15 s from /);
      noPageErrors(assert, p.errors);
    } finally {
      await p.close();
    }
  });
});

describe('size limits', () => {
  it('a 200 KB gzip body that inflates to 200 MB, and a 6 MB plain body, are refused as too large', async () => {
    const bomb = gzipSync(Buffer.alloc(200 * 1024 * 1024, 0x20), { level: 9 });
    const bombUrl = server.route('/big/bomb.json', (req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip', 'content-length': bomb.length });
      res.end(bomb);
    });
    const plain = server.feed('/big/plain.json', { body: { ...sampleFeed(), note: 'x'.repeat(6 * 1024 * 1024) } });
    server.page(
      '/big/page.html',
      htmlPage({
        head: '<script src="/forum-widgets.js" defer></script>',
        body: `<partner-counter id="bomb" src="${bombUrl}"><p>Fallback</p></partner-counter><partner-counter id="plain" src="${plain.url}"><p>Fallback</p></partner-counter>`,
      }),
    );
    const p = await openPage(browser, { initScript: recordEvents });
    try {
      const t0 = Date.now();
      await p.page.goto(server.url('/big/page.html'));
      await waitForState(p.page, '#bomb, #plain', ['error'], 30_000);
      console.log(`# gzip bomb (${bomb.length} B → 200 MB) and 6 MB body refused after ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      const errors = (await p.page.evaluate(() => window.__ev)).filter((e) => e.type === 'forum-feed-error').map((e) => e.detail.errors[0]);
      assert.equal(errors.length, 2);
      for (const e of errors) assert.equal(e, 'feed: too large (more than 5 MB after decompression)');
      noPageErrors(assert, p.errors);
    } finally {
      await p.close();
    }
  });

  it('100,000 organisations: the strip shows 100, warns about the rest, and adds a bounded number of nodes', async () => {
    const feed = sampleFeed();
    for (let i = 0; i < 100_000; i++) feed.organizers.push({ id: `o${i}`, name: `O${i}`, role: 'partner' }); // 4.7 MB in all, under the limit
    const f = server.feed('/many/feed.json', { body: feed });
    server.page('/many/page.html', htmlPage({ head: `<script src="/forum-widgets.js" data-feed="${f.url}" defer></script>`, body: '<organizer-strip></organizer-strip>' }));
    const p = await openPage(browser, { initScript: recordEvents });
    try {
      await p.page.goto(server.url('/many/page.html'));
      await waitForState(p.page, 'organizer-strip', ['ready'], 60_000);
      const { items, nodes } = await p.page.evaluate(() => {
        const root = document.querySelector('organizer-strip').shadowRoot;
        return { items: root.querySelectorAll('[part~=item]').length, nodes: root.querySelectorAll('*').length };
      });
      assert.equal(items, 100);
      assert.ok(nodes < 1000, `${nodes} nodes`);
      const load = (await p.page.evaluate(() => window.__ev)).find((e) => e.type === 'forum-feed-load');
      assert.ok(load.detail.warnings.includes('organizers: 100007 organizations to show; <organizer-strip> shows the first 100'), JSON.stringify(load.detail.warnings));
      for (const w of load.detail.warnings) assert.match(w, LINE);
      assert.equal(p.warnings().filter((w) => w.includes('organizers: 100007')).length, 1, 'warned once');
    } finally {
      await p.close();
    }
  });
});

describe('layout and numbers', () => {
  const long = 'Индустриальные'.repeat(1) + 'x'.repeat(5000);
  const feed = sampleFeed();
  feed.sessions[0].title = long;
  feed.sessions[0].venue = 'y'.repeat(3000);
  feed.people[0].name = 'z'.repeat(3000);
  feed.quotes[0].text = 'q'.repeat(5000);
  feed.organizers[0].name = 'o'.repeat(3000);
  feed.organizers[0].logo = undefined;
  feed.counters = [
    { id: 'huge', value: 1.79e308, label: 'l'.repeat(2000), unit: 'u'.repeat(500) },
    { id: 'negzero', value: -0, label: 'zero' },
    { id: 'billions', value: 3.2e9, label: 'big' },
    { id: 'plain', value: 999_999_999, label: 'nine nines' },
  ];
  const json = JSON.stringify(feed).replace('"value":0,"label":"zero"', '"value":-0,"label":"zero"');

  for (const width of [1200, 360]) {
    it(`at ${width} px: no feed text or number widens the page or overflows its widget; -0 is 0; huge figures are compact`, async () => {
      const f = server.feed(`/wide/${width}/feed.json`, { body: json });
      server.page(`/wide/${width}/page.html`, htmlPage({ head: `<script src="/forum-widgets.js" data-feed="${f.url}" defer></script>`, body: `<main style="max-width: 40em">${widgets(feed)}</main>` }));
      const p = await openPage(browser, { viewport: { width, height: 800 } });
      try {
        await p.page.goto(server.url(`/wide/${width}/page.html`));
        await waitForState(p.page, FOUR, ['ready']);
        const m = await p.page.evaluate((sel) => {
          const out = { scrollWidth: document.scrollingElement.scrollWidth, innerWidth, overflow: [] };
          for (const host of document.querySelectorAll(sel)) {
            const box = host.getBoundingClientRect();
            const inside = (r) => r.right <= box.right + 1 && r.left >= box.left - 1;
            // A line cut with an ellipsis is wider than its box but clipped by it: nothing shows outside.
            const clipped = (el) => {
              for (let a = el.parentElement; a; a = a.parentElement) if (getComputedStyle(a).overflowX !== 'visible') return inside(a.getBoundingClientRect());
              return false;
            };
            for (const el of host.shadowRoot.querySelectorAll('*')) {
              const r = el.getBoundingClientRect();
              if (r.width && !inside(r) && !clipped(el)) out.overflow.push(`${host.localName} ${el.localName}.${el.className} ${Math.round(r.left)}..${Math.round(r.right)} outside ${Math.round(box.left)}..${Math.round(box.right)}`);
            }
          }
          out.numbers = [...document.querySelector('partner-counter').shadowRoot.querySelectorAll('[part~=number]')].map((e) => e.textContent);
          return out;
        }, FOUR);
        assert.ok(m.scrollWidth <= m.innerWidth, `page scroll width ${m.scrollWidth} > viewport ${m.innerWidth}`);
        assert.deepEqual(m.overflow.slice(0, 5), []);
        assert.deepEqual(m.numbers.slice(0, 4), ['1.79E308', '0', '3.2B', '999,999,999']);
        noPageErrors(assert, p.errors);
      } finally {
        await p.close();
      }
    });
  }
});

describe('time', () => {
  it('a session across the autumn DST change shows both offsets, in the forum zone and the reader’s', async () => {
    const feed = sampleFeed();
    feed.forum.timeZone = 'Europe/Berlin';
    // 02:30 CEST, then the clocks go back: ends 02:15 CET, 45 minutes later.
    feed.sessions[0].start = '2025-10-26T02:30:00+02:00';
    feed.sessions[0].end = '2025-10-26T02:15:00+01:00';
    const f = server.feed('/dst/feed.json', { body: feed });
    server.page('/dst/page.html', htmlPage({ head: `<script src="/forum-widgets.js" data-feed="${f.url}" defer></script>`, body: `<forum-session-card session="${feed.sessions[0].id}"></forum-session-card>` }));
    const p = await openPage(browser);
    try {
      await p.page.goto(server.url('/dst/page.html'));
      await waitForState(p.page, 'forum-session-card', ['ready']);
      const time = await p.page.evaluate(() => document.querySelector('forum-session-card').shadowRoot.querySelector('[part~=time] time').textContent);
      assert.match(time, /02:30( AM)? UTC\+2 – 02:15( AM)? UTC\+1/, time);
    } finally {
      await p.close();
    }
  });
});
