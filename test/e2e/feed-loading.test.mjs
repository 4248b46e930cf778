// The feed over a real network: many widgets sharing one request and conditional re-checks,
// and every way a feed can fail, with recovery by the loader's own retries (no reload).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import { openPage, waitForState, shadowText, noPageErrors, LINE, useHarness } from './browser.mjs';
import { sampleFeed, htmlPage, textIn } from './fixtures.mjs';

let server;
let browser;
const feed = sampleFeed();
const session = feed.sessions[0];
const title = textIn(session.title, 'en');

useHarness((s, b) => ([server, browser] = [s, b]));

// Installed before the bundle: every forum-feed-* event with what the reader saw at that moment
// (the events fire after the render that caused them).
const recordEvents = () => {
  window.__ev = [];
  for (const type of ['forum-feed-error', 'forum-feed-load']) {
    document.addEventListener(
      type,
      (e) => {
        const el = e.target;
        const root = el.shadowRoot;
        const slot = root && root.querySelector('slot');
        window.__ev.push({
          type,
          id: el.id,
          state: el.getAttribute('state'),
          errors: e.detail && e.detail.errors ? e.detail.errors.slice() : null,
          url: e.detail ? e.detail.url : null,
          fallback: slot ? slot.assignedNodes({ flatten: true }).map((n) => n.textContent).join('').trim() : null,
          text: root ? root.textContent : '',
        });
        if (type === 'forum-feed-error' && window.__onFeedError) window.__onFeedError(el.id);
      },
      true,
    );
  }
};

describe('many widgets on one feed', () => {
  it('50 elements make one request; refresh checks are conditional and a 304 re-renders nothing', async () => {
    const f = server.feed('/many/feed.json', { body: feed });
    const tags = ['forum-session-card', 'speaker-quote', 'organizer-strip', 'partner-counter'];
    const attrs = { 'forum-session-card': `session="${session.id}"`, 'speaker-quote': `quote="${feed.quotes[0].id}"`, 'organizer-strip': '', 'partner-counter': '' };
    const els = Array.from({ length: 50 }, (_, i) => {
      const tag = tags[i % 4];
      return `<${tag} ${attrs[tag]} src="${f.url}" refresh="5"></${tag}>`;
    }).join('\n');
    server.page('/many/page.html', htmlPage({ head: '<script src="/forum-widgets.js" defer></script>', body: els }));
    const p = await openPage(browser);
    try {
      await p.page.goto(server.url('/many/page.html'));
      await waitForState(p.page, 'forum-session-card, speaker-quote, organizer-strip, partner-counter');
      assert.equal(await p.page.evaluate(() => document.querySelectorAll('[state=ready]').length), 50);
      // One request loaded all 50 (a slow machine may already have seen the first 5 s re-check).
      const first = f.requests[0];
      assert.equal(first.outcome, 200, 'the first answer is a full 200');
      assert.equal(f.requests.filter((r) => r.at - first.at < 4000).length, 1, 'requests for 50 elements');

      // Count every change the widgets make from now on.
      await p.page.evaluate(() => {
        window.__mutations = 0;
        const mo = new MutationObserver((list) => (window.__mutations += list.length));
        for (const el of document.querySelectorAll('[state]')) {
          mo.observe(el.shadowRoot, { childList: true, subtree: true, characterData: true, attributes: true });
          mo.observe(el, { attributes: true });
        }
      });
      const n = f.count + 1;
      const second = await f.waitForRequest(n, 30_000);
      assert.ok(second.headers['if-none-match'], `the re-check is conditional (headers: ${JSON.stringify(second.headers)})`);
      assert.equal(second.outcome, 304);
      // Give the 304 time to reach every subscriber (a fetch resolves, then one microtask-driven render).
      await p.page.evaluate(() => new Promise((r) => setTimeout(() => requestAnimationFrame(() => r()), 300)));
      assert.equal(await p.page.evaluate(() => window.__mutations), 0, 'DOM changes after a 304');
      assert.equal(f.count, n, 'one re-check for all 50 elements');

      // Control: a changed feed does re-render (the counter above can see changes).
      const changed = sampleFeed();
      changed.sessions[0].title = { en: 'Changed title', ru: 'Новое название', 'zh-Hans': '新标题' };
      f.set({ body: changed });
      const third = await f.waitForRequest(n + 1, 30_000);
      assert.equal(third.outcome, 200);
      await p.page.waitForFunction(() => [...document.querySelectorAll('forum-session-card')].every((el) => el.shadowRoot.textContent.includes('Changed title')), null, { timeout: 10_000 });
      assert.ok((await p.page.evaluate(() => window.__mutations)) > 0, 'a changed feed re-renders');
      assert.ok(f.count <= n + 2, `requests: ${f.count}`);
      noPageErrors(assert, p.errors);
    } finally {
      await p.close();
    }
  });

  it('20 elements on one failing feed write one console warning', async () => {
    const f = server.feed('/many-bad/feed.json', { status: 404, body: 'gone', contentType: 'text/plain' });
    const els = Array.from({ length: 20 }, () => `<forum-session-card session="${session.id}" src="${f.url}"></forum-session-card>`).join('');
    server.page('/many-bad/page.html', htmlPage({ head: '<script src="/forum-widgets.js" defer></script>', body: els }));
    const p = await openPage(browser);
    try {
      await p.page.goto(server.url('/many-bad/page.html'));
      await waitForState(p.page, 'forum-session-card', ['error']);
      const warnings = p.warnings().filter((w) => w.includes(f.url));
      assert.equal(warnings.length, 1, JSON.stringify(warnings));
      assert.match(warnings[0], /HTTP 404/);
      assert.equal(f.count, 1);
      noPageErrors(assert, p.errors);
    } finally {
      await p.close();
    }
  });
});

describe('a feed on another origin', () => {
  // Partners load the feed from the forum's origin: a second server, so a second origin.
  let feedServer;
  before(async () => {
    feedServer = await startServer();
  });
  after(() => feedServer?.close());

  it('loads with CORS, re-checks conditionally without a preflight, and a feed without CORS headers is a readable error', async () => {
    const cors = { 'access-control-allow-origin': '*' };
    const f = feedServer.feed('/feed.json', { body: feed, headers: cors });
    const closed = feedServer.feed('/no-cors.json', { body: feed });
    server.page(
      '/cors/page.html',
      htmlPage({
        head: '<script src="/forum-widgets.js" defer></script>',
        body: `<forum-session-card id="open" session="${session.id}" src="${f.url}" refresh="5"></forum-session-card>
          <forum-session-card id="closed" session="${session.id}" src="${closed.url}"><a href="https://forum.example/">Fallback</a></forum-session-card>`,
      }),
    );
    const p = await openPage(browser, { initScript: recordEvents });
    try {
      await p.page.goto(server.url('/cors/page.html'));
      await waitForState(p.page, '#open');
      await waitForState(p.page, '#closed', ['error']);
      assert.ok((await shadowText(p.page, '#open')).includes(title));
      const n = f.count + 1;
      const again = await f.waitForRequest(n, 30_000);
      assert.equal(again.method, 'GET', 'no preflight');
      assert.ok(again.headers['if-none-match'], 'conditional re-check across origins');
      assert.equal(again.outcome, 304);
      assert.equal(feedServer.log.filter((r) => r.method === 'OPTIONS').length, 0, 'no preflight requests');
      const err = (await p.page.evaluate(() => window.__ev)).find((e) => e.id === 'closed' && e.type === 'forum-feed-error');
      for (const line of err.errors) assert.match(line, LINE);
      assert.match(err.errors.join('\n'), /^feed: no response from /m);
      assert.equal(err.fallback, 'Fallback');
      noPageErrors(assert, p.errors);
    } finally {
      await p.close();
    }
  });
});

describe('feed faults', () => {
  // A structural fault (FEED-SPEC "Errors"): a fault confined to one item would only drop that item.
  const bad = sampleFeed();
  bad.forum.timeZone = 'Asia/Khabarovsk';
  const faults = {
    'http-404': { reply: { status: 404, body: 'not found', contentType: 'text/plain' }, line: /^feed: HTTP 404 /m },
    'http-500': { reply: { status: 500, body: 'oops', contentType: 'text/plain' }, line: /^feed: HTTP 500 /m },
    reset: { reply: { reset: true }, line: /^feed: no response from /m },
    'never-ends': { reply: { hang: true, body: feed }, line: /^feed: no response within \d+ s/m },
    'invalid-json': { reply: { body: '{"version": 1, "defaultLanguage": "ru", "forum": {' }, line: /^feed: is not valid JSON/m },
    'other-version': { reply: { body: { ...sampleFeed(), version: 2 } }, line: /^version: /m },
    'schema-error': { reply: { body: bad }, line: /^forum\.timeZone: must be an IANA time zone/m },
  };

  it('each fault: no uncaught error, fallback or a notice shown, readable error lines, recovery on its own', async () => {
    const eps = {};
    let body = '';
    for (const [name, { reply }] of Object.entries(faults)) {
      eps[name] = server.feed(`/fault/${name}.json`, reply);
      body += `<forum-session-card id="${name}" session="${session.id}" src="${eps[name].url}" refresh="5"><a href="https://forum.example/">Fallback ${name}</a></forum-session-card>\n`;
    }
    // A widget with no children shows one short line instead of its fallback.
    body += `<partner-counter id="bare" src="${eps['http-404'].url}" refresh="5"></partner-counter>\n`;
    // Good, then a schema error, then good again; and good, then HTTP 500, then good again.
    const turns = { 'turns-invalid': { body: bad }, 'turns-500': { status: 500, body: 'oops', contentType: 'text/plain' } };
    for (const name of Object.keys(turns)) {
      eps[name] = server.feed(`/fault/${name}.json`, { body: feed });
      body += `<forum-session-card id="${name}" session="${session.id}" src="${eps[name].url}" refresh="5"><a href="https://forum.example/">Fallback ${name}</a></forum-session-card>\n`;
    }
    server.page('/fault/page.html', htmlPage({ head: '<script src="/forum-widgets.js" defer></script>', body }));

    const p = await openPage(browser, { initScript: recordEvents });
    try {
      // The feed becomes good again as soon as the page has reported the error: the widget
      // must then recover through the loader's own retry.
      const healed = new Set();
      await p.page.exposeFunction('__onFeedError', (id) => {
        const ep = eps[id === 'bare' ? 'http-404' : id];
        if (ep && !healed.has(id)) {
          healed.add(id);
          ep.set({ body: feed });
        }
      });
      await p.page.goto(server.url('/fault/page.html'));
      // Turn the good-first feeds bad once they are shown.
      await waitForState(p.page, '#turns-invalid, #turns-500');
      for (const [name, reply] of Object.entries(turns)) eps[name].set(reply);

      const ids = [...Object.keys(faults), 'bare', ...Object.keys(turns)];
      const recovered = () =>
        p.page.evaluate((ids) => {
          const ev = window.__ev;
          return ids.filter((id) => {
            const err = ev.findIndex((e) => e.id === id && e.type === 'forum-feed-error');
            return err >= 0 && ev.some((e, i) => i > err && e.id === id && e.type === 'forum-feed-load');
          });
        }, ids);
      // The slowest path: 15 s timeout of the never-ending response, then a retry after 2.5-5 s.
      await p.page
        .waitForFunction(
          (ids) => ids.every((id) => {
            const ev = window.__ev;
            const err = ev.findIndex((e) => e.id === id && e.type === 'forum-feed-error');
            return err >= 0 && ev.some((e, i) => i > err && e.id === id && e.type === 'forum-feed-load');
          }),
          ids,
          { timeout: 60_000, polling: 100 },
        )
        .catch(async (e) => {
          throw new Error(`not every widget failed and recovered: recovered ${JSON.stringify(await recovered())} of ${JSON.stringify(ids)}; events ${JSON.stringify(await p.page.evaluate(() => window.__ev.map((x) => [x.id, x.type, x.errors])))}`, { cause: e });
        });

      const events = await p.page.evaluate(() => window.__ev);
      for (const id of ids) {
        const fault = faults[id] ?? (id === 'bare' ? faults['http-404'] : undefined);
        const err = events.find((e) => e.id === id && e.type === 'forum-feed-error');
        assert.ok(err.errors.length > 0, `${id}: error lines`);
        for (const line of err.errors) {
          assert.match(line, LINE, `${id}: a readable path: message line`);
          assert.doesNotMatch(line, /\[object |undefined|null:/, `${id}: ${line}`);
        }
        if (fault) assert.match(err.errors.join('\n'), fault.line, `${id}: says what went wrong`);
        if (id.startsWith('turns-')) {
          // The reader keeps the last good content.
          assert.equal(err.state, 'ready', `${id}: state while the feed is bad`);
          assert.equal(err.fallback, null, `${id}: no fallback while a good feed is held`);
          assert.ok(err.text.includes(title), `${id}: keeps showing the last good feed`);
          if (id === 'turns-invalid') assert.match(err.errors.join('\n'), /^forum\.timeZone: /m);
          if (id === 'turns-500') assert.match(err.errors.join('\n'), /^feed: HTTP 500 /m);
        } else if (id === 'bare') {
          assert.equal(err.state, 'error');
          assert.ok(err.text.trim().length > 5 && err.text.length < 200, `bare: one short line, got ${JSON.stringify(err.text)}`);
        } else {
          assert.equal(err.state, 'error', `${id}: state`);
          assert.equal(err.fallback, `Fallback ${id}`, `${id}: the fallback children are shown`);
        }
      }
      // Recovered: every widget shows the feed, nothing of the error remains.
      await waitForState(p.page, ids.map((id) => `#${id}`).join(','));
      for (const id of ids) {
        if (id === 'bare') continue;
        assert.ok((await shadowText(p.page, `#${id}`)).includes(title), `${id}: recovered content`);
      }
      noPageErrors(assert, p.errors);
    } finally {
      await p.close();
    }
  });
});
