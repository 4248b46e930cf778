// <forum-programme> from the built bundle on a partner page, beside the other four widgets on the
// same feed: one feed request for all of them, now/next at a pinned instant (Playwright's clock),
// the tabs by keyboard, kiosk, strict CSP with Trusted Types, and axe on the rendered page.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { openPage, waitForState, noPageErrors, useHarness } from './browser.mjs';
import { sampleFeed, htmlPage, widgetsMarkup, textIn } from './fixtures.mjs';

let server;
let browser;
useHarness((s, b) => ([server, browser] = [s, b]));
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The sample feed with a second hall and a second day, so now/next and tabs have something to do. */
function feed() {
  const f = sampleFeed();
  const venue = { ru: 'Большой зал', en: 'Main Hall', 'zh-Hans': '大厅' };
  f.sessions.push(
    { id: 'opening', title: { ru: 'Открытие', en: 'Opening', 'zh-Hans': '开幕式' }, start: '2025-05-19T14:00:00+10:00', end: '2025-05-19T15:00:00+10:00', venue },
    { id: 'after', title: { ru: 'Пленарное заседание', en: 'Plenary session', 'zh-Hans': '全体会议' }, start: '2025-05-19T15:00:00+10:00', end: '2025-05-19T16:00:00+10:00', venue },
    { id: 'day-two', title: { ru: 'Второй день', en: 'Day two', 'zh-Hans': '第二天' }, start: '2025-05-20T10:00:00+10:00', end: '2025-05-20T11:00:00+10:00', venue },
  );
  return f;
}
const PINNED = new Date('2025-05-19T14:30:00+10:00');
const boardText = (page, sel = 'forum-programme') =>
  page.evaluate((s) => [...document.querySelector(s).shadowRoot.querySelectorAll('[part=group]')].map((g) => g.textContent.replace(/\s+/g, ' ').trim()), sel);

describe('<forum-programme> on a partner page', () => {
  it('renders beside the other four widgets from one feed request; now and next at the pinned instant', async () => {
    const f = feed();
    const ep = server.feed('/prog/feed.json', { body: f });
    const body = `${widgetsMarkup(f)}
<forum-programme><a href="https://forum.example/programme">Programme (fallback)</a></forum-programme>
<forum-programme mode="all"></forum-programme>
<forum-programme mode="now" kiosk venue="Main Hall" id="kiosk"></forum-programme>`;
    server.page('/prog/page.html', htmlPage({ head: `<script src="/forum-widgets.js" data-feed="${ep.url}" defer></script>`, body }));
    const p = await openPage(browser);
    try {
      await p.page.clock.setFixedTime(PINNED);
      await p.page.goto(server.url('/prog/page.html'));
      await waitForState(p.page, 'forum-session-card, speaker-quote, organizer-strip, partner-counter, forum-programme');
      assert.equal(ep.count, 1, 'feed requests for seven widgets');
      const parks = textIn(f.sessions[0].title, 'en');
      const board = await boardText(p.page);
      // The sample session (Conference Hall 2, 14:00-15:30) and the opening (Main Hall) are live.
      assert.equal(board.length, 2, JSON.stringify(board));
      assert.match(board.find((g) => g.startsWith('Conference Hall 2')), new RegExp(`Live now ${parks.slice(0, 20)}`));
      assert.match(board.find((g) => g.startsWith('Main Hall')), /Live now Opening .*Next Plenary session/);
      // Kiosk: only Main Hall, nothing to click.
      const kiosk = await p.page.evaluate(() => {
        const r = document.getElementById('kiosk').shadowRoot;
        return { groups: r.querySelectorAll('[part=group]').length, interactive: r.querySelectorAll('a, button, input, select').length, refresh: document.getElementById('kiosk').refresh };
      });
      assert.deepEqual(kiosk, { groups: 1, interactive: 0, refresh: 60 });
      noPageErrors(assert, p.errors);
    } finally {
      await p.close();
    }
  });

  it('all mode: the day tabs work by keyboard, and the page passes axe, under a strict CSP with Trusted Types', async () => {
    const f = feed();
    const ep = server.feed('/prog-csp/feed.json', { body: f });
    const csp = "default-src 'none'; script-src 'self'; connect-src 'self'; img-src 'self' data:; style-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html forum-widgets";
    server.page(
      '/prog-csp/page.html',
      htmlPage({ head: `<script src="/forum-widgets.js" data-feed="${ep.url}" defer></script>`, body: '<main><h1>Forum</h1><h2>Programme</h2><forum-programme mode="all"></forum-programme></main>' }),
      { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': csp },
    );
    const p = await openPage(browser);
    const violations = [];
    p.page.on('console', (m) => /Content Security Policy|Trusted Type/i.test(m.text()) && violations.push(m.text()));
    try {
      await p.page.clock.setFixedTime(PINNED);
      await p.page.goto(server.url('/prog-csp/page.html'));
      await waitForState(p.page, 'forum-programme');
      const selected = () => p.page.evaluate(() => document.querySelector('forum-programme').shadowRoot.querySelector('[aria-selected=true]').textContent.trim());
      assert.equal(await selected(), 'Mon, May 19');
      await p.page.evaluate(() => document.querySelector('forum-programme').shadowRoot.querySelector('[role=tab]').focus());
      await p.page.keyboard.press('ArrowRight');
      await p.page.waitForFunction(() => document.querySelector('forum-programme').shadowRoot.activeElement?.textContent.trim() === 'Tue, May 20');
      assert.equal(await selected(), 'Tue, May 20');
      assert.match((await boardText(p.page)).join(' '), /Day two/);
      await p.page.keyboard.press('Home');
      await p.page.waitForFunction(() => document.querySelector('forum-programme').shadowRoot.activeElement?.textContent.trim() === 'Mon, May 19');
      await p.page.addScriptTag({ content: axeSource }).catch(async () => {
        // The page's CSP forbids inline scripts: run axe through the debugger instead.
        await p.page.evaluate(axeSource);
      });
      const bad = await p.page.evaluate(async () => (await globalThis.axe.run(document, { resultTypes: ['violations'] })).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`));
      assert.deepEqual(bad, []);
      assert.deepEqual(violations, []);
      noPageErrors(assert, p.errors);
    } finally {
      await p.close();
    }
  });
});
