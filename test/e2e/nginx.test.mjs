// The hosting docs/hosting.md recommends, run by real nginx (Debian's package; installed by
// scripts/ensure-nginx.mjs when missing): docs/nginx/forum-widgets.conf is included as it is, and
// the built dist/ is published under /forum-widgets/<version>/ beside /feed.json, as the guide says.
// Real requests check the headers; a host page on another 127.0.0.1 origin loads the widgets from
// it (with Subresource Integrity), refreshes with 304s, and rides out nginx stopped and started.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, cpSync, writeFileSync, renameSync, readFileSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import { gunzipSync, gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { startNginx } from './nginx.mjs';
import { startServer, distDir, bundleBytes, packageVersion } from './server.mjs';
import { launch, openPage, waitForState, noPageErrors, TAGS } from './browser.mjs';
import { sampleFeed, widgetsMarkup, expectedTexts, htmlPage } from './fixtures.mjs';

const BASE = `/forum-widgets/${packageVersion}/`;
const BUNDLE = `${BASE}forum-widgets.js`;

let dir;
let www;
let nginx;

/** A GET with exactly these headers; the body as sent (not decompressed). */
function get(path, headers = {}) {
  return new Promise((ok, fail) => {
    const req = request(nginx.url(path), { headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => ok({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', fail);
    req.end();
  });
}

/** Cache-Control as { directive: value|true }. */
const cacheControl = (v = '') => Object.fromEntries(v.split(',').map((d) => d.trim()).filter(Boolean).map((d) => { const [k, x] = d.split('='); return [k.toLowerCase(), x === undefined ? true : x]; }));

/** Replaces the feed in one step (write, then rename), as the guide tells organisers to; a later mtime makes a new ETag. */
function publishFeed(feed, bump = 0) {
  const tmp = join(www, '.feed.json.tmp');
  writeFileSync(tmp, JSON.stringify(feed, null, 2));
  if (bump) utimesSync(tmp, new Date(Date.now() + bump), new Date(Date.now() + bump));
  renameSync(tmp, join(www, 'feed.json'));
}

before(async () => {
  bundleBytes(); // fails with "run npm run build" when there is no build
  dir = mkdtempSync(join(tmpdir(), 'forum-widgets-nginx-'));
  www = join(dir, 'www');
  // dist/ as a whole, as the guide says to upload it: the bundle, whatever it loads from beside it, embed.html, the configurator.
  cpSync(distDir, join(www, BASE), { recursive: true });
  publishFeed(sampleFeed());
  nginx = await startNginx(dir, www);
});

after(async () => {
  await nginx?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('nginx with docs/nginx/forum-widgets.conf: headers', () => {
  it('the feed: gzip, ETag and 304, a short cache that is revalidated, CORS for any site (also on a 404)', async () => {
    const file = readFileSync(join(www, 'feed.json'));
    const origin = 'http://partner.example';
    const r = await get('/feed.json', { 'accept-encoding': 'gzip, deflate, br', origin });
    assert.equal(r.status, 200);
    assert.equal(r.headers['content-type'], 'application/json; charset=utf-8');
    assert.equal(r.headers['content-encoding'], 'gzip');
    assert.deepEqual(gunzipSync(r.body), file, 'the gzip body is the file');
    // At the configured level 5, not nginx's default 1 (this 20,672 B file: 7,376 B from nginx at 5, 8,338 B at 1).
    assert.ok(r.body.length <= gzipSync(file, { level: 5 }).length * 1.02, `gzip -5: ${r.body.length} of ${file.length} B`);
    assert.match(r.headers.vary ?? '', /accept-encoding/i, 'caches keep gzip and plain apart');
    assert.equal(r.headers['access-control-allow-origin'], '*');
    const cc = cacheControl(r.headers['cache-control']);
    assert.ok(cc['max-age'] !== undefined && +cc['max-age'] <= 300, `short max-age: ${r.headers['cache-control']}`);
    assert.ok(!cc.immutable && !cc['no-store'], `revalidatable: ${r.headers['cache-control']}`);
    assert.ok(r.headers.etag, 'an ETag');

    // Revalidation: the gzip variant's (weak) ETag and the plain one's both get a 304 without a body.
    const again = await get('/feed.json', { 'accept-encoding': 'gzip', origin, 'if-none-match': r.headers.etag });
    assert.equal(again.status, 304);
    assert.equal(again.body.length, 0);
    assert.equal(again.headers['access-control-allow-origin'], '*');
    assert.equal(again.headers['cache-control'], r.headers['cache-control']);
    const plain = await get('/feed.json');
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.deepEqual(plain.body, file);
    assert.equal((await get('/feed.json', { 'if-none-match': plain.headers.etag })).status, 304);
    // Through a CDN (it adds Via), still compressed.
    const viaCdn = await get('/feed.json', { 'accept-encoding': 'gzip', via: '1.1 cdn.example' });
    assert.equal(viaCdn.headers['content-encoding'], 'gzip', 'gzip also for requests that came through a proxy');
    assert.ok(cacheControl(viaCdn.headers['cache-control'])['stale-if-error'], 'a CDN may answer while the origin fails');

    // A new feed is a new ETag: the old one gets the new body.
    const changed = sampleFeed();
    changed.sessions[0].title = { en: 'A title of this test', ru: 'Название этого теста' };
    publishFeed(changed, 5_000);
    const fresh = await get('/feed.json', { 'if-none-match': plain.headers.etag });
    assert.equal(fresh.status, 200);
    assert.notEqual(fresh.headers.etag, plain.headers.etag);
    assert.deepEqual(JSON.parse(fresh.body), changed);

    // A missing feed still carries CORS, so widgets can say "HTTP 404" rather than "no response".
    renameSync(join(www, 'feed.json'), join(www, 'feed.json.away'));
    try {
      const gone = await get('/feed.json', { origin });
      assert.equal(gone.status, 404);
      assert.equal(gone.headers['access-control-allow-origin'], '*');
    } finally {
      renameSync(join(www, 'feed.json.away'), join(www, 'feed.json'));
    }
    publishFeed(sampleFeed(), 10_000);
  });

  it('the versioned bundle: immutable for a year, CORS, gzip, 304; a version not uploaded is a 404 cached by no one', async () => {
    const bytes = readFileSync(join(www, BUNDLE));
    const r = await get(BUNDLE, { 'accept-encoding': 'gzip', origin: 'http://partner.example' });
    assert.equal(r.status, 200);
    assert.match(r.headers['content-type'], /^(text|application)\/javascript\b/);
    assert.equal(r.headers['content-encoding'], 'gzip');
    assert.deepEqual(gunzipSync(r.body), bytes, 'the gzip body is the file, byte for byte (SRI checks these bytes)');
    assert.ok(r.body.length <= gzipSync(bytes, { level: 5 }).length * 1.02, `gzip -5: ${r.body.length} of ${bytes.length} B`);
    assert.equal(r.headers['access-control-allow-origin'], '*');
    const cc = cacheControl(r.headers['cache-control']);
    assert.ok(cc.immutable, `immutable: ${r.headers['cache-control']}`);
    assert.ok(+cc['max-age'] >= 31_536_000, `a year: ${r.headers['cache-control']}`);
    assert.equal((await get(BUNDLE, { 'accept-encoding': 'gzip', 'if-none-match': r.headers.etag })).status, 304);
    assert.equal(r.headers['x-site-rule'], undefined, "the site's own `location ~* \\.js$` did not take the bundle");
    const viaCdn = await get(BUNDLE, { 'accept-encoding': 'gzip', via: '1.1 cdn.example' });
    assert.equal(viaCdn.headers['content-encoding'], 'gzip', 'gzip also for requests that came through a proxy');

    // Outside a version folder a file may change: cached briefly, still with CORS.
    writeFileSync(join(www, 'forum-widgets', 'forum-widgets.js'), bytes);
    const loose = await get('/forum-widgets/forum-widgets.js', { origin: 'http://partner.example' });
    assert.equal(loose.status, 200);
    assert.equal(loose.headers['access-control-allow-origin'], '*');
    const looseCc = cacheControl(loose.headers['cache-control']);
    assert.ok(!looseCc.immutable && +looseCc['max-age'] <= 3600, `not a year without a version: ${loose.headers['cache-control']}`);

    const missing = await get('/forum-widgets/0.0.0-not-uploaded/forum-widgets.js', { origin: 'http://partner.example' });
    assert.equal(missing.status, 404);
    assert.equal(missing.headers['cache-control'], undefined, 'a 404 must not be cached for a year');
    assert.equal(missing.headers['access-control-allow-origin'], '*');
  });
});

// Installed before the bundle: every forum-feed-* event, with what the reader saw at that moment.
const recordEvents = () => {
  window.__ev = [];
  for (const type of ['forum-feed-error', 'forum-feed-load'])
    document.addEventListener(type, (e) => window.__ev.push({ type, tag: e.target.localName, text: e.target.shadowRoot?.textContent ?? '' }), true);
};

describe('widgets on another origin, hosted by nginx', () => {
  let server;
  let browser;
  before(async () => {
    server = await startServer();
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('load with SRI from the versioned URL, refresh with 304s, keep their content while nginx is down and recover when it is back', async (t) => {
    const feed = sampleFeed();
    publishFeed(feed, 15_000);
    const integrity = `sha384-${createHash('sha384').update(readFileSync(join(www, BUNDLE))).digest('base64')}`;
    // The snippet partners paste: versioned URL, integrity, crossorigin; a 5 s refresh (the loader's minimum).
    const head = `<script src="${nginx.url(BUNDLE)}" integrity="${integrity}" crossorigin="anonymous" data-feed="${nginx.url('/feed.json')}" defer></script>`;
    server.page('/partner.html', htmlPage({ head, body: widgetsMarkup(feed, 'refresh="5"') }));
    assert.notEqual(new URL(server.origin).port, String(nginx.port), 'the host page is on another origin');
    const p = await openPage(browser, { initScript: recordEvents });
    const feedLog = () => nginx.log().filter((e) => e.uri === '/feed.json');
    // The first access-log entry at or after index `from` that `pred` accepts.
    const waitForLog = async (from, pred, what, ms = 30_000) => {
      const end = Date.now() + ms;
      for (;;) {
        const hit = nginx.log().slice(from).find(pred);
        if (hit) return hit;
        if (Date.now() > end) throw new Error(`nginx access log: no ${what} within ${ms} ms:\n${JSON.stringify(nginx.log(), null, 1)}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    };
    const texts = () => p.page.evaluate((tags) => tags.map((t) => document.querySelector(t)?.shadowRoot?.textContent ?? ''), TAGS);
    const seen = nginx.log().length;
    try {
      await p.page.goto(server.url('/partner.html'));
      // A timeout alone says little: name what the page and nginx saw.
      await waitForState(p.page, TAGS.join(', ')).catch((e) => {
        throw new Error(`${e.message}\nconsole: ${JSON.stringify(p.console)}\nnginx: ${JSON.stringify(nginx.log().slice(seen))}`);
      });
      const want = expectedTexts(feed, 'en');
      for (const [i, t] of TAGS.entries()) for (const s of want[t]) assert.ok((await texts())[i].includes(s), `${t} shows ${JSON.stringify(s)}`);

      // What nginx saw: the bundle (and anything it loaded from beside it) fetched in CORS mode from
      // the partner's origin, then one gzip feed request for all four widgets.
      const fromPage = nginx.log().slice(seen);
      const assets = fromPage.filter((e) => e.uri.startsWith(BASE));
      assert.ok(assets.some((e) => e.uri === BUNDLE && e.status === 200), JSON.stringify(fromPage));
      t.diagnostic(`from nginx: ${assets.map((e) => `${e.uri.slice(BASE.length)} ${e.status} ${e.enc || 'identity'} ${e.bytes} B`).join(', ')}`);
      for (const e of assets) {
        assert.equal(e.status, 200, `${e.uri}: ${e.status}`);
        assert.equal(e.origin, server.origin, `${e.uri} requested with crossorigin (CORS mode)`);
      }
      const first = fromPage.filter((e) => e.uri === '/feed.json');
      assert.equal(first.length, 1, `one feed request for four widgets: ${JSON.stringify(first)}`);
      assert.deepEqual([first[0].status, first[0].enc, first[0].origin], [200, 'gzip', server.origin]);

      // The 5 s refresh revalidates: If-None-Match, 304, no body.
      const reval = await waitForLog(nginx.log().length, (e) => e.uri === '/feed.json', 'refresh');
      assert.deepEqual([reval.status, reval.bytes], [304, 0], JSON.stringify(reval));
      assert.ok(reval.inm, 'the refresh sends If-None-Match');

      // nginx stops: the next check fails, and every widget keeps what it showed.
      const before = await texts();
      await nginx.stop();
      await p.page.waitForFunction(() => window.__ev.some((e) => e.type === 'forum-feed-error'), null, { timeout: 30_000, polling: 100 });
      const down = await p.page.evaluate(() => window.__ev.filter((e) => e.type === 'forum-feed-error'));
      for (const e of down) assert.equal(e.text, before[TAGS.indexOf(e.tag)], `${e.tag} keeps its content when the refresh fails`);
      assert.deepEqual(await texts(), before, 'nothing changed on the page while nginx is down');
      assert.equal(await p.page.evaluate((tags) => tags.map((t) => document.querySelector(t).getAttribute('state')).join(), TAGS), TAGS.map(() => 'ready').join());

      // nginx is back: the loader's retry revalidates (304, the ETag survived), and the widgets report a load again.
      const downAt = nginx.log().length;
      await nginx.start();
      await p.page.waitForFunction(() => window.__ev.at(-1).type === 'forum-feed-load' && window.__ev.some((e) => e.type === 'forum-feed-error'), null, { timeout: 60_000, polling: 100 });
      const back = nginx.log().slice(downAt).filter((e) => e.uri === '/feed.json');
      assert.equal(back[0]?.status, 304, `the first check after the restart: ${JSON.stringify(back)}`);
      assert.deepEqual(await texts(), before);

      // And a new feed still reaches the page.
      const changed = sampleFeed();
      changed.sessions[0].title = { en: 'Changed while hosted by nginx', ru: 'Изменено', 'zh-Hans': '已更改' };
      publishFeed(changed, 20_000);
      await p.page.waitForFunction(() => document.querySelector('forum-session-card').shadowRoot.textContent.includes('Changed while hosted by nginx'), null, { timeout: 30_000, polling: 100 });
      assert.equal(feedLog().at(-1).status, 200);
      noPageErrors(assert, p.errors);
    } finally {
      await p.close();
    }
  });
  it('the configurator published beside the bundle gives element and iframe snippets that work on a partner page', async (t) => {
    const feed = sampleFeed();
    publishFeed(feed, 25_000);
    const session = feed.sessions[0].id;
    for (const form of ['element', 'iframe']) {
      // What an organiser does: open the configurator of this version on their own server, pick, copy.
      const c = await openPage(browser);
      let snippet;
      let template;
      try {
        const q = new URLSearchParams({ feed: nginx.url('/feed.json'), widget: 'forum-session-card', session, form });
        await c.page.goto(nginx.url(`${BASE}configurator/?${q}`));
        const ready = async (sel) =>
          c.page.waitForSelector(sel, { state: 'attached', timeout: 30_000 }).catch((e) => {
            throw new Error(`configurator (${form}): ${e.message}\nconsole: ${JSON.stringify(c.console)}\nnginx: ${JSON.stringify(nginx.log().slice(-20))}`);
          });
        await ready('body[data-ready="true"]');
        await ready('body[data-reserve="ready"]'); // it has measured the widget to reserve its space
        snippet = await c.page.textContent('#snippet');
        template = await c.page.textContent('#snippet-template');
        noPageErrors(assert, c.errors, `configurator (${form})`);
      } finally {
        await c.close();
      }
      const named = form === 'iframe' ? `${BASE}embed.html?` : BUNDLE;
      assert.ok(`${snippet}\n${template}`.includes(nginx.url(named)), `the ${form} snippet names this version on nginx:\n${snippet}\n${template}`);
      t.diagnostic(`${form}: ${snippet.split('\n')[0].slice(0, 160)}`);

      // Pasted as given into a page on another origin (the template's line goes in its <head>).
      server.page(`/pasted-${form}.html`, htmlPage({ head: template ?? '', body: snippet }));
      const p = await openPage(browser);
      try {
        await p.page.goto(server.url(`/pasted-${form}.html`));
        let where = p.page;
        if (form === 'iframe') {
          const el = await p.page.waitForSelector('iframe', { timeout: 30_000 });
          where = await el.contentFrame();
          await where.waitForLoadState('load');
        }
        await waitForState(where, 'forum-session-card').catch((e) => {
          throw new Error(`${e.message}\nconsole: ${JSON.stringify(p.console)}`);
        });
        const title = await where.evaluate(() => document.querySelector('forum-session-card').shadowRoot.textContent);
        const want = expectedTexts(feed, 'en')['forum-session-card'][0];
        assert.ok(title.includes(want), `${form}: the card shows ${JSON.stringify(want)}: ${title.slice(0, 200)}`);
        noPageErrors(assert, p.errors, `partner page (${form})`);
      } finally {
        await p.close();
      }
    }
  });
});
