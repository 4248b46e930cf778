// Shared by the configurator and docs tests: a real 127.0.0.1 server (the project's static
// server plus pages and feeds a test adds), headless Chromium, and reading widget text.
import { before, after } from 'node:test';
import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { chromium } from 'playwright-core';
import { chromePath, chromeArgs } from '../../scripts/chrome.mjs';
import { createStaticServer } from '../../scripts/serve.mjs';

export const ROOT = new URL('../../', import.meta.url);
// These tests judge the built artefacts (bundle, ES modules, configurator copy), not the sources.
for (const f of ['dist/forum-widgets.js', 'dist/lib/feed/validate.js', 'dist/configurator/embed.json']) {
  if (!existsSync(new URL(f, ROOT))) throw new Error(`${f} is missing: run \`npm run build\` first`);
}
export const TAGS = ['forum-session-card', 'speaker-quote', 'organizer-strip', 'partner-counter', 'forum-programme'];
export const VERSION = JSON.parse(readFileSync(new URL('package.json', ROOT), 'utf8')).version;

/** SRI of the built bundle, computed here from the file (not read from the configurator's JSON). */
export const bundleIntegrity = () =>
  `sha384-${createHash('sha384').update(readFileSync(new URL('dist/forum-widgets.js', ROOT))).digest('base64')}`;

/** The static server of `npm start`, plus `extra` paths set by the test: path -> { body, type, status }. */
export async function startServer() {
  const statics = createStaticServer().listeners('request')[0];
  const extra = new Map();
  const server = createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    const e = extra.get(path);
    if (!e) return statics(req, res);
    res.writeHead(e.status ?? 200, { 'content-type': e.type ?? 'text/html; charset=utf-8', 'cache-control': 'no-cache', ...(e.headers ?? {}) });
    res.end(e.body);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    url: (p) => origin + p,
    add: (path, body, opts = {}) => extra.set(path, { body, ...opts }),
    close: () => new Promise((r) => server.close(r)),
  };
}

export const launch = () => chromium.launch({ executablePath: chromePath(), args: chromeArgs, headless: true });

/** A page in its own context. Reduced motion: the counter's count-up would change text mid-compare. */
export async function openPage(browser, opts = {}) {
  const context = await browser.newContext({ reducedMotion: 'reduce', locale: 'en-US', viewport: { width: 1280, height: 1000 }, ...opts });
  const page = await context.newPage();
  const errors = [];
  const consoleLines = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => consoleLines.push(`${m.type()}: ${m.text()}`));
  return { page, errors, console: consoleLines, close: () => context.close() };
}

/** Waits in `frame` (a Page or Frame) until every widget there has left `loading`; returns their states. */
export async function settled(frame, timeout = 15_000) {
  await frame.waitForFunction(
    (tags) => {
      const els = document.querySelectorAll(tags.join(','));
      return els.length > 0 && [...els].every((e) => e.shadowRoot && e.getAttribute('state') && e.getAttribute('state') !== 'loading');
    },
    TAGS,
    { timeout, polling: 50 },
  );
  return frame.evaluate((tags) => [...document.querySelectorAll(tags.join(','))].map((e) => `${e.localName}=${e.getAttribute('state')}`), TAGS);
}

/** Each widget's shadow-root text with whitespace folded, in document order. */
// Without the "more" buttons: whether a clamped text overflows (and so gets one) depends on the
// width it is shown at, which differs between the preview and a pasted page; the feed text does not.
export const shadowTexts = (frame) =>
  frame.evaluate(
    (tags) =>
      [...document.querySelectorAll(tags.join(','))].map((e) => {
        const root = e.shadowRoot;
        if (!root) return '';
        const more = [...root.querySelectorAll('button.more')].map((b) => b.textContent ?? '');
        let text = root.textContent ?? '';
        for (const m of more) text = text.replace(m, '');
        return text.replace(/\s+/g, ' ').trim();
      }),
    TAGS,
  );

/** An empty HTML page around `body`: what a webmaster's blank file looks like. */
/**
 * A partner's news article (h1, text, the snippet, more text), the page the paste and layout-shift
 * tests put a snippet in; `head` lands in its template's head, `stylesheet` is the article's CSS.
 */
export const newsArticle = (snippet, { head = '', stylesheet = '/article.css' } = {}) => `<!doctype html>
<html lang="ru"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Новости</title>${head}
<link rel="stylesheet" href="${stylesheet}"></head>
<body><header><p>Региональные новости</p></header><article>
<h1>В Хабаровске прошёл Российско-Китайский форум</h1>
<p>19–20 мая в Хабаровске прошёл Российско-Китайский форум. Участники обсудили сотрудничество и логистику.</p>
${snippet}
<p>На сессии эксперты рассмотрели механизмы управления площадками и нормы регулирования.</p>
<p>Организаторы форума благодарят партнёров и участников.</p>
</article></body></html>`;

export const blankPage = (body, head = '') => `<!doctype html>\n<html>\n<head>\n<meta charset="utf-8">\n<title>pasted</title>${head}\n</head>\n<body>\n${body}\n</body>\n</html>\n`;

/** The snippet with the CDN's versioned URL pointed at the local build (integrity untouched). */
export const toLocal = (html, origin) =>
  html.replace(/https:\/\/cdn\.example\/forum-widgets\/[^/"]+\/forum-widgets\.js/g, `${origin}/dist/forum-widgets.js`);

/**
 * Registers the hooks each configurator test file (or block) needs: the loopback static server
 * and one browser, started before its tests and stopped after. `set` receives them once started.
 */
export function useHarness(set) {
  let server;
  let browser;
  before(async () => {
    server = await startServer();
    browser = await launch();
    set(server, browser);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
}

/** The embed.html frame in `page`, once loaded (iframe form). */
export async function embedFrame(page) {
  for (let i = 0; i < 300; i++) {
    const f = page.frames().find((x) => x.url().includes('/embed.html?'));
    if (f) {
      await f.waitForLoadState('load');
      return f;
    }
    await page.waitForTimeout(50);
  }
  throw new Error('no embed.html frame');
}
