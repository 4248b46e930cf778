// The embed as a core plus one chunk per widget: what a page downloads, the feed loading beside
// the chunk, SRI on the chunks, and the fallback (with a console message saying why) when a chunk
// cannot load. Real pages from a real server, the built dist/.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { bundleBytes, chunkFiles, packageVersion } from './server.mjs';
import { useHarness, openPage, waitForState, shadowText, noPageErrors } from './browser.mjs';
import { sampleFeed, htmlPage, textIn } from './fixtures.mjs';

const feed = sampleFeed();
const session = feed.sessions[0];
const sri = (buf) => `sha384-${createHash('sha384').update(buf).digest('base64')}`;
const chunk = (name) => chunkFiles().find(([f]) => f === `forum-widgets.${name}.js`)[1];
const card = `<forum-session-card session="${session.id}"><a href="https://forum.example/s" id="fallback">Fallback link</a></forum-session-card>`;
const errorsOf = (p) => p.console.filter((m) => m.type === 'error').map((m) => m.text);

describe('the core loads each widget when the page holds it', () => {
  let server;
  let browser;
  useHarness((s, b) => ([server, browser] = [s, b]));

  it('a page with one session card downloads the core and that one chunk, the feed at the same time', async () => {
    const f = server.feed('/one/feed.json', { body: feed });
    // The card's chunk answers slowly: the feed request must not wait for it.
    const slow = chunk('session-card');
    let chunkAnsweredAt;
    server.bundle('/one/forum-widgets.js');
    // Registered after bundle(), so this slow answer replaces the chunk bundle() serves.
    server.route('/one/forum-widgets.session-card.js', (req, res) =>
      setTimeout(() => {
        chunkAnsweredAt = Date.now();
        res.writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'no-store' });
        res.end(slow);
      }, 600),
    );
    server.page('/one/page.html', htmlPage({ head: `<script src="/one/forum-widgets.js" data-feed="${f.url}" defer></script>`, body: card }));
    const p = await openPage(browser);
    try {
      await p.page.goto(server.url('/one/page.html'));
      await waitForState(p.page, 'forum-session-card');
      assert.ok((await shadowText(p.page, 'forum-session-card')).includes(textIn(session.title, 'en')));
      const scripts = server.log.filter((e) => e.path.startsWith('/one/') && e.path.endsWith('.js')).map((e) => e.path);
      assert.deepEqual(scripts, ['/one/forum-widgets.js', '/one/forum-widgets.session-card.js'], 'scripts downloaded');
      assert.equal(f.count, 1, 'feed requests');
      assert.ok(f.requests[0].at < chunkAnsweredAt, `the feed was requested (${f.requests[0].at}) before the chunk arrived (${chunkAnsweredAt})`);
      noPageErrors(assert, p.errors);
    } finally {
      await p.close();
    }
  });

  it('page markup that shadows document.currentScript (DOM clobbering) does not choose where chunks load from', async () => {
    const f = server.feed('/clobber/feed.json', { body: feed });
    server.bundle('/clobber/forum-widgets.js');
    // An article's image named "currentScript": document.currentScript is then that element.
    const trap = `<img name="currentScript" src="/evil/" data-feed="/evil/feed.json" alt="">`;
    server.page('/clobber/page.html', htmlPage({ head: `<script src="/clobber/forum-widgets.js" data-feed="${f.url}" defer></script>`, body: trap + card }));
    const p = await openPage(browser);
    try {
      await p.page.goto(server.url('/clobber/page.html'));
      assert.equal(await p.page.evaluate(() => document.currentScript?.localName), 'img', 'the page does shadow it');
      await waitForState(p.page, 'forum-session-card');
      assert.equal(await p.page.$eval('forum-session-card', (el) => el.getAttribute('state')), 'ready');
      const evil = server.log.filter((e) => e.path.startsWith('/evil/') && e.path !== '/evil/').map((e) => e.path);
      assert.deepEqual(evil, [], 'nothing loaded from the image\'s address');
      assert.ok(server.log.some((e) => e.path === '/clobber/forum-widgets.session-card.js'), 'the chunk came from beside the core');
      assert.equal(f.count, 1);
    } finally {
      await p.close();
    }
  });

  it("with integrity on the core's tag, each chunk loads pinned to its sha384 and the core's crossorigin", async () => {
    const f = server.feed('/sri/feed.json', { body: feed });
    server.bundle('/sri/forum-widgets.js');
    const tag = `<script src="/sri/forum-widgets.js" integrity="${sri(bundleBytes())}" crossorigin="anonymous" data-feed="${f.url}" defer></script>`;
    server.page('/sri/page.html', htmlPage({ head: tag, body: card + `<speaker-quote quote="${feed.quotes[0].id}"></speaker-quote>` }));
    const p = await openPage(browser);
    try {
      await p.page.goto(server.url('/sri/page.html'));
      await waitForState(p.page, 'forum-session-card, speaker-quote');
      const loaded = await p.page.evaluate(() =>
        [...document.querySelectorAll('script[src*="forum-widgets."]')].map((s) => [s.getAttribute('src').replace(/^.*\//, ''), s.integrity, s.getAttribute('crossorigin')]),
      );
      const want = [
        ['forum-widgets.session-card.js', sri(chunk('session-card')), 'anonymous'],
        ['forum-widgets.speaker-quote.js', sri(chunk('speaker-quote')), 'anonymous'],
      ];
      assert.deepEqual(loaded.filter(([f]) => f !== 'forum-widgets.js').sort(), want);
      noPageErrors(assert, p.errors);
    } finally {
      await p.close();
    }
  });

  it('a chunk that fails its integrity check leaves the fallback, with a console error naming the file', async () => {
    const f = server.feed('/bad-sri/feed.json', { body: feed });
    server.bundle('/bad-sri/forum-widgets.js');
    // A tampered copy: one byte more.
    server.file('/bad-sri/forum-widgets.session-card.js', Buffer.concat([chunk('session-card'), Buffer.from(' ')]), { 'content-type': 'text/javascript' });
    const tag = `<script src="/bad-sri/forum-widgets.js" integrity="${sri(bundleBytes())}" crossorigin="anonymous" data-feed="${f.url}" defer></script>`;
    server.page('/bad-sri/page.html', htmlPage({ head: tag, body: card }));
    const p = await openPage(browser);
    try {
      await p.page.goto(server.url('/bad-sri/page.html'));
      await p.page.waitForFunction(() => false, null, { timeout: 1500 }).catch(() => {});
      assert.equal(await p.page.evaluate(() => !!customElements.get('forum-session-card')), false, 'not defined');
      assert.ok(await p.page.isVisible('#fallback'), 'the fallback link shows');
      const mine = errorsOf(p).filter((t) => t.startsWith('forum-widgets:'));
      assert.equal(mine.length, 1, JSON.stringify(errorsOf(p)));
      assert.match(mine[0], /<forum-session-card> stays as its fallback: .*forum-widgets\.session-card\.js did not load .*integrity/);
      noPageErrors(assert, p.errors);
    } finally {
      await p.close();
    }
  });

  for (const [i, what, other] of [
    [1, 'another version', (release) => release.replace(/^[^+]+/, '9.9.9')],
    // A rebuild of the same version whose registry keys differ would read the wrong bindings.
    [2, 'the same version built again with other registry keys', (release) => release.replace(/\+.*/, '+00000000')],
  ]) {
    it(`a chunk of another build (${what}: a stale cache, two builds' files mixed) does not run: the fallback stays and the console names both`, async () => {
      const dir = `/mixed-${i}`;
      const f = server.feed(`${dir}/feed.json`, { body: feed });
      server.bundle(`${dir}/forum-widgets.js`);
      const mine = chunk('session-card').toString('latin1');
      const release = /forum-widgets (\S+): forum-widgets\.session-card\.js does not belong/.exec(mine)?.[1];
      assert.ok(release?.startsWith(`${packageVersion}+`), `the chunk names its release: ${release}`);
      const theirs = other(release);
      const edited = mine.replaceAll(release, theirs);
      assert.notEqual(edited, mine);
      server.file(`${dir}/forum-widgets.session-card.js`, Buffer.from(edited, 'latin1'), { 'content-type': 'text/javascript' });
      server.page(`${dir}/page.html`, htmlPage({ head: `<script src="${dir}/forum-widgets.js" data-feed="${f.url}" defer></script>`, body: card }));
      const p = await openPage(browser);
      try {
        await p.page.goto(server.url(`${dir}/page.html`));
        await p.page.waitForFunction(() => false, null, { timeout: 800 }).catch(() => {});
        assert.equal(await p.page.evaluate(() => !!customElements.get('forum-session-card')), false, 'not defined');
        assert.ok(await p.page.isVisible('#fallback'), 'the fallback link shows');
        const said = errorsOf(p).filter((t) => t.includes('does not belong'));
        assert.equal(said.length, 1, JSON.stringify(errorsOf(p)));
        assert.equal(said[0], `forum-widgets ${theirs}: forum-widgets.session-card.js does not belong to the forum-widgets.js on this page (${release}); publish the files of one build together.`);
        noPageErrors(assert, p.errors);
      } finally {
        await p.close();
      }
    });
  }

  it('a missing chunk (404) leaves the fallback and says so; the other widgets still load', async () => {
    const f = server.feed('/gone/feed.json', { body: feed });
    server.bundle('/gone/forum-widgets.js');
    server.route('/gone/forum-widgets.session-card.js', (req, res) => {
      res.writeHead(404);
      res.end();
    });
    server.page('/gone/page.html', htmlPage({ head: `<script src="/gone/forum-widgets.js" data-feed="${f.url}" defer></script>`, body: card + '<organizer-strip></organizer-strip>' }));
    const p = await openPage(browser);
    try {
      await p.page.goto(server.url('/gone/page.html'));
      await waitForState(p.page, 'organizer-strip');
      await p.page.waitForFunction(() => false, null, { timeout: 500 }).catch(() => {});
      assert.ok(await p.page.isVisible('#fallback'), 'the fallback link shows');
      assert.ok(
        errorsOf(p).some((t) => /^forum-widgets: <forum-session-card> stays as its fallback: .*\/gone\/forum-widgets\.session-card\.js did not load \(not found/.test(t)),
        JSON.stringify(errorsOf(p)),
      );
      noPageErrors(assert, p.errors);
    } finally {
      await p.close();
    }
  });

  it("under enforced Trusted Types without the forum-widgets policy, the fallback stays and the console names the policy", async () => {
    const f = server.feed('/tt/feed.json', { body: feed });
    server.bundle('/tt/forum-widgets.js');
    const csp = "default-src 'none'; script-src 'self'; connect-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html";
    server.page('/tt/page.html', htmlPage({ head: `<script src="/tt/forum-widgets.js" data-feed="${f.url}" defer></script>`, body: card }), {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': csp,
    });
    const p = await openPage(browser);
    try {
      await p.page.goto(server.url('/tt/page.html'));
      await p.page.waitForFunction(() => false, null, { timeout: 800 }).catch(() => {});
      assert.ok(await p.page.isVisible('#fallback'), 'the fallback link shows');
      assert.ok(
        errorsOf(p).some((t) => t.includes('stays as its fallback') && t.includes('trusted-types lit-html forum-widgets')),
        JSON.stringify(errorsOf(p)),
      );
      assert.equal(server.log.filter((e) => e.path === '/tt/forum-widgets.session-card.js').length, 0, 'no chunk request');
      noPageErrors(assert, p.errors);
    } finally {
      await p.close();
    }
  });

  it('data-widgets on the script tag loads those widgets before the page holds them; an unknown name is warned about', async () => {
    server.bundle('/named/forum-widgets.js');
    server.page('/named/page.html', htmlPage({ head: '<script src="/named/forum-widgets.js" data-widgets="programme, nonsense" defer></script>', body: '<p>No widget yet</p>' }));
    const p = await openPage(browser);
    try {
      await p.page.goto(server.url('/named/page.html'));
      // What an application does that creates the element only once the tag is defined.
      await p.page.evaluate(() => customElements.whenDefined('forum-programme'));
      const scripts = server.log.filter((e) => e.path.startsWith('/named/forum-widgets')).map((e) => e.path);
      assert.deepEqual(scripts, ['/named/forum-widgets.js', '/named/forum-widgets.programme.js']);
      assert.ok(p.warnings().some((w) => /data-widgets: "nonsense" is not a widget; known: session-card, /.test(w)), JSON.stringify(p.warnings()));
      noPageErrors(assert, p.errors);
    } finally {
      await p.close();
    }
  });

  it('a block of the markup form, added after the page loaded, loads its widget too', async () => {
    const f = server.feed('/block/feed.json', { body: feed });
    server.bundle('/block/forum-widgets.js');
    server.file(
      '/block/add.js',
      `addEventListener('load', function () { setTimeout(function () {
         document.getElementById('slot').innerHTML = '<div class="forum-widget" data-widget="programme" data-mode="all"><a href="https://forum.example/p">Programme</a></div>';
       }, 50); });`,
      { 'content-type': 'text/javascript' },
    );
    server.page('/block/page.html', htmlPage({ head: `<script src="/block/forum-widgets.js" data-feed="${f.url}" defer></script><script src="/block/add.js" defer></script>`, body: '<div id="slot"></div>' }));
    const p = await openPage(browser);
    try {
      await p.page.goto(server.url('/block/page.html'));
      await waitForState(p.page, 'forum-programme');
      // The upgrader and the block's widget load side by side.
      const scripts = server.log.filter((e) => e.path.startsWith('/block/forum-widgets')).map((e) => e.path);
      assert.deepEqual(scripts.sort(), ['/block/forum-widgets.js', '/block/forum-widgets.markup.js', '/block/forum-widgets.programme.js']);
      noPageErrors(assert, p.errors);
    } finally {
      await p.close();
    }
  });
});
