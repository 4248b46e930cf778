#!/usr/bin/env node
// `npm run screenshots`: PNGs of every widget × locale × theme × width, for design review, in
// screenshots/ (gitignored: review material, not source). Each shot is the built embed on a
// host page with a realistic portal font (Arial, or its metric twin Liberation Sans; CJK fonts
// after it), a page background that follows the theme, and a reader in Moscow, so the card shows
// both times. Also writes screenshots/heights.json: every widget's rendered height per shot.
//   ONLY=session-card,partner-counter  LOCALES=ru  THEMES=dark  WIDTHS=390  narrow the set.
//   README=1  writes docs/widgets.png instead (the README's picture; optimised if pngquant is there).
import { chromium } from 'playwright-core';
import { mkdir, writeFile, stat } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { chromePath, chromeArgs } from './chrome.mjs';
import { createStaticServer } from './serve.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const list = (v, all) => (v ? v.split(',').map((s) => s.trim()) : all);

const WIDGETS = {
  'session-card': '<forum-session-card session="industrial-parks" reader-time-zone="Europe/Moscow"></forum-session-card>',
  'speaker-quote': '<speaker-quote person="ruslan-zalivatsky"></speaker-quote>',
  'partner-counter': '<partner-counter counters="thematic-platforms applications"></partner-counter>',
  'organizer-strip': '<organizer-strip></organizer-strip>',
};
const widgets = list(process.env.ONLY, Object.keys(WIDGETS));
const locales = list(process.env.LOCALES, ['ru', 'en', 'zh-Hans']);
const themes = list(process.env.THEMES, ['light', 'dark', 'contrast']);
const widths = list(process.env.WIDTHS, ['390', '1280']).map(Number);

const PAGE_BG = { light: ['#ffffff', '#1b1f24'], dark: ['#16191d', '#eef0f2'], contrast: ['#ffffff', '#000000'] };

/** A partner's article page: heading, a paragraph, the widget(s), a paragraph. */
const page = (locale, theme, body, wide) => `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>screenshot</title>
<style>
  body { margin: 0; padding: 16px; background: ${PAGE_BG[theme][0]}; color: ${PAGE_BG[theme][1]};
    font: 16px/1.5 Arial, "Liberation Sans", "Helvetica Neue", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif; }
  main { max-width: ${wide ? '1248px' : 'none'}; margin: 0 auto; }
  .grid { display: grid; gap: 24px; grid-template-columns: repeat(auto-fit, minmax(340px, 1fr)); align-items: start; }
  .grid > .wide { grid-column: 1 / -1; }
</style>
<script src="/dist/forum-widgets.js" data-feed="/feeds/rcf-2025.json" defer></script>
</head><body><main>${body}</main></body></html>`;

const server = createStaticServer();
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ executablePath: chromePath(), args: chromeArgs, headless: true });
const heights = {};
let count = 0;

async function shoot({ html, width, locale, theme, file, selector, full }) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale, reducedMotion: 'reduce', colorScheme: theme === 'dark' ? 'dark' : 'light' });
  const p = await context.newPage();
  const problems = [];
  p.on('pageerror', (e) => problems.push(String(e)));
  p.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  await p.route(`${origin}/demo/__shot.html`, (route) => route.fulfill({ body: html, contentType: 'text/html; charset=utf-8' }));
  await p.goto(`${origin}/demo/__shot.html`);
  await p.waitForFunction(
    () => [...document.querySelectorAll('main [state]')].every((el) => el.getAttribute('state') !== 'loading'),
    null,
    { timeout: 30_000, polling: 50 },
  );
  await p.evaluate(() => document.fonts.ready);
  // Photos and logos, if any, have arrived.
  await p.waitForFunction(() => [...document.querySelectorAll('main [state]')].every((el) => [...el.shadowRoot.querySelectorAll('img')].every((i) => i.complete)));
  if (problems.length) throw new Error(`${file}: ${problems.join('\n')}`);
  const target = full ? p.locator('main') : p.locator(selector);
  const box = await target.boundingBox();
  await target.screenshot({ path: file, animations: 'disabled' });
  await context.close();
  count++;
  return Math.round(box.height);
}

try {
  if (process.env.README) {
    // The README's picture: the four widgets on one English page at 1024 px, light.
    const body = `<div class="grid">
      <div>${WIDGETS['session-card'].replace('<forum-session-card', '<forum-session-card theme="light"')}</div>
      <div style="display:grid;gap:24px">${WIDGETS['speaker-quote']}${WIDGETS['partner-counter']}</div>
      <div class="wide">${WIDGETS['organizer-strip']}</div></div>`;
    const file = `${root}docs/widgets.png`;
    await shoot({ html: page('en', 'light', body, true), width: 1024, locale: 'en', theme: 'light', file, full: true });
    try {
      execFileSync('pngquant', ['--force', '--skip-if-larger', '--quality=70-90', '--strip', '--output', file, file]);
    } catch {
      console.warn('pngquant not found or failed: docs/widgets.png is not optimised (apt-get install pngquant)');
    }
    console.log(`docs/widgets.png: ${(await stat(file)).size} bytes`);
  } else {
    const out = `${root}screenshots`;
    await mkdir(out, { recursive: true });
    for (const w of widgets)
      for (const locale of locales)
        for (const theme of themes)
          for (const width of widths) {
            const el = WIDGETS[w].replace(/^<([a-z-]+)/, `<$1 theme="${theme}"`);
            const name = `${w}.${locale}.${theme}.${width}`;
            const h = await shoot({ html: page(locale, theme, el, width > 800), width, locale, theme, file: `${out}/${name}.png`, selector: 'main > *' });
            heights[name] = h;
          }
    await writeFile(`${out}/heights.json`, JSON.stringify(heights, null, 2) + '\n');
    console.log(`${count} screenshots in screenshots/ (heights in screenshots/heights.json)`);
    for (const [k, v] of Object.entries(heights)) console.log(`${String(v).padStart(5)} px  ${k}`);
  }
} finally {
  await browser.close();
  server.close();
}
