// The embed with all five widgets, each showing a message of its own string module (src/i18n/
// generated/strings/<widget>.ts; the widgets' strings are split per element): all translated in
// ru, and all follow <html lang> to zh-Hans live. Whatever the embed is made of (one file or a
// core with chunks), every widget's strings must reach the page with it.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useHarness, openPage, waitForState, noPageErrors } from './browser.mjs';
import { sampleFeed, htmlPage } from './fixtures.mjs';

const BODY = `
<forum-session-card session="no-such-session"></forum-session-card>
<speaker-quote quote="no-such-quote"></speaker-quote>
<organizer-strip roles="no-such-role"></organizer-strip>
<partner-counter counters="no-such-figure"></partner-counter>
<forum-programme venue="No such hall"></forum-programme>`;

// Each widget's "missing" notice: a message only that widget's module holds.
const EXPECTED = {
  ru: {
    'forum-session-card': 'Этой сессии нет в программе форума.',
    'speaker-quote': 'Цитата «no-such-quote» не найдена.',
    'organizer-strip': 'Нет сведений об организациях.',
    'partner-counter': 'В ленте не найдены показатели: no-such-figure',
    'forum-programme': 'В программе форума нет сессий для этого зала или направления.',
  },
  'zh-Hans': {
    'forum-session-card': '论坛议程中没有这场会议。',
    'speaker-quote': '未找到引语“no-such-quote”。',
    'organizer-strip': '暂无机构信息。',
    'partner-counter': '数据源中未找到以下数据：no-such-figure',
    'forum-programme': '论坛日程中没有符合该会场或主题的活动。',
  },
};

const notices = (page) =>
  page.evaluate((tags) => Object.fromEntries(tags.map((t) => [t, document.querySelector(t)?.shadowRoot?.querySelector('[part~="notice"]')?.textContent?.trim()])), Object.keys(EXPECTED.ru));

describe('the embed: every widget’s own strings', () => {
  let server;
  let browser;
  useHarness((s, b) => ([server, browser] = [s, b]));

  it('ru from <html lang>, then zh-Hans when the page switches language', async () => {
    server.feed('/strings/feed.json', { body: sampleFeed() });
    server.page('/strings/page.html', htmlPage({ lang: 'ru', head: '<script src="/forum-widgets.js" data-feed="feed.json" defer></script>', body: BODY }));
    const p = await openPage(browser);
    try {
      await p.page.goto(server.url('/strings/page.html'));
      const tags = Object.keys(EXPECTED.ru).join(',');
      await waitForState(p.page, tags, ['missing']);
      await p.page.waitForFunction((want) => Object.entries(want).every(([t, s]) => document.querySelector(t)?.shadowRoot?.textContent?.includes(s)), EXPECTED.ru, { timeout: 10_000 }).catch(() => {});
      assert.deepEqual(await notices(p.page), EXPECTED.ru);
      await p.page.evaluate(() => (document.documentElement.lang = 'zh-CN'));
      await p.page.waitForFunction((want) => Object.entries(want).every(([t, s]) => document.querySelector(t)?.shadowRoot?.textContent?.includes(s)), EXPECTED['zh-Hans'], { timeout: 10_000 }).catch(() => {});
      assert.deepEqual(await notices(p.page), EXPECTED['zh-Hans']);
      noPageErrors(assert, p.errors);
    } finally {
      await p.close();
    }
  });
});
