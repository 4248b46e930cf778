// The design's promises on real host pages, with the built bundle: the rendered card can be
// reached by keyboard (a link, always), its add-to-calendar file downloads under the guides'
// strict CSP, and the counters' text holds the final figures before the reader scrolls there.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { useHarness, openPage, waitForState } from './browser.mjs';
import { sampleFeed, htmlPage } from './fixtures.mjs';

let server;
let browser;
useHarness((s, b) => ([server, browser] = [s, b]));

// The embedding guides' strict policy (as in host-pages.test.mjs).
const STRICT_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' https: data:; connect-src 'self'; " +
  "require-trusted-types-for 'script'; trusted-types lit-html forum-widgets";

/** The sample feed with its session moved a year ahead of now (so it can be added to a calendar). */
function futureFeed() {
  const f = sampleFeed();
  const s = f.sessions[0];
  const year = new Date().getUTCFullYear() + 1;
  s.start = s.start.replace(/^\d{4}/, String(year));
  s.end = s.end.replace(/^\d{4}/, String(year));
  return f;
}

function hostPage(path, feed, body, headers = {}) {
  const f = server.feed(`${path}/feed.json`, { body: feed });
  server.page(
    `${path}/page.html`,
    htmlPage({ lang: 'ru', head: `<script src="/forum-widgets.js" data-feed="${f.url}" defer></script>`, body }),
    { 'content-type': 'text/html; charset=utf-8', ...headers },
  );
  return server.url(`${path}/page.html`);
}

describe('design on host pages', () => {
  it('the rendered session card has a link a keyboard reaches (the sample session has no url: the forum site)', async () => {
    const feed = sampleFeed();
    const url = hostPage('/focus', feed, `<p><a href="#top">before</a></p><forum-session-card session="${feed.sessions[0].id}"></forum-session-card>`);
    const p = await openPage(browser);
    try {
      await p.page.goto(url);
      await waitForState(p.page, 'forum-session-card');
      // Tab from the page's own link into the card; the "Show more" button may come first.
      const stops = [];
      for (let i = 0; i < 4; i++) {
        await p.page.keyboard.press('Tab');
        stops.push(
          await p.page.evaluate(() => {
            const card = document.activeElement;
            const a = card?.shadowRoot?.activeElement;
            return { host: card?.localName, tag: a?.localName, href: a?.getAttribute('href') ?? undefined, text: a?.textContent?.trim() };
          }),
        );
      }
      const focused = stops.find((x) => x.tag === 'a');
      assert.deepEqual(focused, { host: 'forum-session-card', tag: 'a', href: feed.forum.url, text: 'Сайт форума' }, JSON.stringify(stops));
    } finally {
      await p.close();
    }
  });

  it('add to calendar downloads <session>.ics under the strict CSP, with the session in the forum zone', async () => {
    const feed = futureFeed();
    const s = feed.sessions[0];
    const url = hostPage('/ics', feed, `<forum-session-card session="${s.id}"></forum-session-card>`, { 'content-security-policy': STRICT_CSP });
    const p = await openPage(browser);
    try {
      await p.page.goto(url);
      await waitForState(p.page, 'forum-session-card');
      const [download] = await Promise.all([
        p.page.waitForEvent('download'),
        p.page.locator('forum-session-card').locator('[part="calendar"]').click(),
      ]);
      assert.equal(download.suggestedFilename(), `${s.id}.ics`);
      const ics = readFileSync(await download.path(), 'utf8');
      assert.match(ics, /^BEGIN:VCALENDAR\r\n/);
      const local = s.start.slice(0, 19).replace(/[-:]/g, ''); // 20xx0519T140000, the feed's wall time (+10:00)
      assert.ok(ics.includes(`\r\nDTSTART;TZID=${feed.forum.timeZone}:${local}\r\n`), ics);
      assert.ok(ics.includes('\r\nLOCATION;LANGUAGE=ru:Конференц-зал 2\\, Хабаровск\r\n'), ics);
      assert.deepEqual(p.console.filter((m) => /Content Security Policy|Trusted Type/i.test(m.text)), []);
      assert.deepEqual(p.errors, []);
    } finally {
      await p.close();
    }
  });

  it("the counters' text holds the final figures before the reader scrolls to them, then counts up once", async () => {
    const feed = sampleFeed();
    const url = hostPage('/counter', feed, '<div style="height: 3000px">article</div><partner-counter></partner-counter>');
    // Motion allowed: the count-up would play if it started too early.
    const p = await openPage(browser, { reducedMotion: 'no-preference', viewport: { width: 390, height: 700 } });
    try {
      await p.page.goto(url);
      await waitForState(p.page, 'partner-counter');
      await p.page.waitForTimeout(300);
      const before = await p.page.evaluate(() => {
        const el = document.querySelector('partner-counter');
        return { text: el.shadowRoot.textContent.replace(/\s+/g, ' '), counting: !!el.shadowRoot.querySelector('[aria-hidden="true"]') };
      });
      assert.equal(before.counting, false);
      for (const c of feed.counters) {
        const n = new Intl.NumberFormat('ru').format(c.value).replace(/\s+/g, ' ');
        assert.ok(before.text.includes(n), `${c.id}: ${n} not in ${before.text}`);
      }
      assert.doesNotMatch(before.text, /более 0 /);
      const done = p.page.evaluate(() => new Promise((r) => document.querySelector('partner-counter').addEventListener('forum-counter-done', () => r(true), { once: true })));
      await p.page.locator('partner-counter').scrollIntoViewIfNeeded();
      assert.equal(await done, true);
      assert.deepEqual(p.errors, []);
    } finally {
      await p.close();
    }
  });
});
