#!/usr/bin/env node
// Opens every story of the built Storybook (storybook-static/index.json) in headless Chromium and
// fails on a page error, a console error, a failed or off-machine request, a widget in the wrong
// state, or an axe violation. Each story runs in three toolbar set-ups (locale, theme, direction),
// so dark theme contrast and right-to-left layouts are checked too, not only the defaults.
//
//   node scripts/check-stories.mjs [dir]        (default dir: storybook-static)
//   STORY=<id substring> node scripts/check-stories.mjs   checks only matching stories
//
// Story tags it understands (set in the stories, listed in index.json):
//   expect-loading | expect-error | expect-missing   every widget in the story ends in that state
//                                                    (default: ready)
//   reduced-motion                                   the page runs with prefers-reduced-motion: reduce
//   no-widgets                                       the story shows none of the elements
import { createServer } from 'node:http';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { chromePath, chromeArgs } from './chrome.mjs';

const root = resolve(process.argv[2] ?? 'storybook-static');
const only = process.env.STORY;
const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

// Tags of the five elements; a story's widgets are the elements with these tags in its root.
const TAGS = ['forum-session-card', 'speaker-quote', 'organizer-strip', 'partner-counter', 'forum-programme'];

/** Toolbar set-ups every story is checked in (globals as Storybook's URL takes them). */
const SETUPS = [
  { name: 'en/light/ltr', globals: { locale: 'en', theme: 'light', dir: 'ltr' }, colorScheme: 'light' },
  { name: 'ru/dark/rtl', globals: { locale: 'ru', theme: 'dark', dir: 'rtl' }, colorScheme: 'light' },
  // auto follows the OS: emulate a dark one, so auto must really switch.
  { name: 'zh-Hans/auto(dark OS)/ltr', globals: { locale: 'zh-Hans', theme: 'auto', dir: 'ltr' }, colorScheme: 'dark' },
];

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

if (!existsSync(join(root, 'index.json'))) {
  console.error(`check-stories: ${join(root, 'index.json')} not found; run \`npm run build-storybook\` first.`);
  process.exit(1);
}
const index = JSON.parse(readFileSync(join(root, 'index.json'), 'utf8'));
const stories = Object.values(index.entries).filter((e) => e.type === 'story' && (!only || e.id.includes(only)));
// Docs pages (MDX and the elements' generated pages) render the stories again, with Storybook's
// own blocks around them: checked once, in the default set-up, for errors and axe on the stories.
const docs = Object.values(index.entries).filter((e) => e.type === 'docs' && (!only || e.id.includes(only)));
if (!stories.length && !docs.length) {
  console.error(`check-stories: no stories${only ? ` matching STORY=${only}` : ''} in ${root}/index.json`);
  process.exit(1);
}


// A tiny static server for the built site, on loopback, on a free port.
const server = createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  let file = resolve(root, '.' + path);
  if (file !== root && !file.startsWith(root + sep)) {
    res.writeHead(403).end();
    return;
  }
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  if (!existsSync(file)) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
  createReadStream(file).pipe(res);
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const origin = `http://127.0.0.1:${server.address().port}`;

let browser;
/** Problems per story id, over all set-ups. */
const problemsOf = new Map([...stories, ...docs].map((e) => [e.id, []]));
try {
  browser = await chromium.launch({ executablePath: chromePath(), args: chromeArgs });
  for (const setup of SETUPS) await checkSetup(browser, setup);
  if (docs.length) await checkDocs(browser);
} finally {
  await browser?.close();
  // The browser's keep-alive connections would hold close() open.
  server.closeAllConnections();
  await new Promise((ok) => server.close(ok));
}

const entries = [...stories, ...docs];
const failures = entries.filter((e) => problemsOf.get(e.id).length);
console.log(
  `\nChecked ${stories.length} stories of ${root}, each in ${SETUPS.length} set-ups (${SETUPS.map((s) => s.name).join(', ')}), and ${docs.length} docs pages.`,
);
if (failures.length) {
  console.log('\nFailures:');
  for (const f of failures) {
    console.log(`- ${f.title} / ${f.name} (${f.id}):`);
    for (const p of problemsOf.get(f.id)) console.log(`    ${p}`);
  }
}
console.log(`${entries.length - failures.length} passed, ${failures.length} failed`);
process.exitCode = failures.length ? 1 : 0;

/**
 * Checks every story in one set-up. One page per set-up: Storybook switches stories in place
 * (as its own UI does), which spares a reload of the preview bundle and axe for each story.
 */
async function checkSetup(browser, setup) {
  const context = await browser.newContext({ colorScheme: setup.colorScheme, viewport: { width: 1000, height: 800 } });
  const page = await context.newPage();
  /** Where page events go: the story being checked. */
  let sink = [];
  await watch(page, (p) => sink.push(p));
  try {
    let first = true;
    for (const story of stories) {
      const started = Date.now();
      const problems = (sink = []);
      try {
        await checkStory(page, story, setup, first, problems);
      } catch (e) {
        problems.push(`check crashed: ${e.message.split('\n')[0]}`);
        await page.goto('about:blank').catch(() => {});
      }
      problemsOf.get(story.id).push(...problems.map((p) => `[${setup.name}] ${p}`));
      console.log(`${problems.length ? 'FAIL' : 'ok  '} [${setup.name}] ${story.id} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
      for (const p of problems) console.log(`       ${p}`);
      // After a failure, the next story starts on a fresh page load, so nothing carries over.
      first = problems.length > 0;
    }
  } finally {
    await context.close();
  }
}

/** Reports what goes wrong in a page: errors, failed requests, and any request off the local server. */
async function watch(page, report) {
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin + '/') || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    report(`request off the local server: ${url}`);
    return route.abort();
  });
  page.on('pageerror', (e) => report(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') report(`console error: ${m.text()}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) report(`HTTP ${r.status()} for ${r.url()}`);
  });
  page.on('requestfailed', (r) => {
    // An aborted request is not a failure: the loader aborts a check that a newer one supersedes
    // or whose last widget left, and Storybook swaps stories in place. A missing file is a 404 (above).
    if (r.failure()?.errorText === 'net::ERR_ABORTED') return;
    if (r.url().startsWith(origin)) report(`request failed: ${r.url()} (${r.failure()?.errorText})`);
  });
}

/** Each docs page once (en/light/ltr): no errors, every widget on it rendered, no axe violation in its stories. */
async function checkDocs(browser) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
  try {
    for (const entry of docs) {
      const started = Date.now();
      const problems = [];
      const page = await context.newPage();
      await watch(page, (p) => problems.push(p));
      try {
        const globals = [...Object.entries(SETUPS[0].globals).map(([k, v]) => `${k}:${v}`), 'a11y.manual:!true'].join(';');
        await page.goto(`${origin}/iframe.html?id=${encodeURIComponent(entry.id)}&viewMode=docs&globals=${globals}`);
        // Rendered: the docs content is there and every widget rendered and left "loading",
        // except in the stories that show loading.
        await page.waitForFunction(
          ({ tags, loadingStories }) => {
            const root = document.querySelector('#storybook-docs .sbdocs-content');
            if (!root || !root.querySelector('.docs-story, table, h1')) return false;
            return [...root.querySelectorAll(tags.join(','))].every((el) => {
              const story = el.closest('.forum-frame')?.getAttribute('data-story');
              return el.hasAttribute('state') && (el.getAttribute('state') !== 'loading' || loadingStories.includes(story));
            });
          },
          { tags: TAGS, loadingStories: Object.values(index.entries).filter((e) => e.tags?.includes('expect-loading')).map((e) => e.id) },
          { timeout: 30000, polling: 200 },
        );
        await page.waitForLoadState('networkidle');
        await page.addScriptTag({ content: axeSource });
        const violations = await page.evaluate(async () => {
          const stories = [...document.querySelectorAll('#storybook-docs .docs-story')];
          if (!stories.length) return [];
          // heading-order is about the page's outline, here Storybook's (an h1 title, then the
          // widgets' default h3): partners fit it with heading-level; the stories check it alone.
          const r = await globalThis.axe.run({ include: stories }, { resultTypes: ['violations'], rules: { 'heading-order': { enabled: false } } });
          return r.violations.map((v) => ({ id: v.id, help: v.help, targets: v.nodes.map((n) => JSON.stringify(n.target)).slice(0, 5) }));
        });
        for (const v of violations) problems.push(`axe ${v.id}: ${v.help} at ${v.targets.join(' ')}`);
      } catch (e) {
        problems.push(`check crashed: ${e.message.split('\n')[0]}`);
      } finally {
        await page.close();
      }
      problemsOf.get(entry.id).push(...problems.map((p) => `[docs] ${p}`));
      console.log(`${problems.length ? 'FAIL' : 'ok  '} [docs] ${entry.id} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
      for (const p of problems) console.log(`       ${p}`);
    }
  } finally {
    await context.close();
  }
}

/**
 * axe takes a colour's background from what is painted at the element's place, and content that
 * `content-visibility: auto` skips below the fold (the programme's later time slots) is painted
 * nowhere: axe then compares against white and reports dark-theme text as failing. For the check,
 * such content is shown while axe runs, then the widgets' styles are put back.
 */
async function withSkippedContentShown(page, run) {
  await page.evaluate(() => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync('* { content-visibility: visible !important }');
    globalThis.__shownForAxe = sheet;
    for (const el of document.querySelectorAll('*')) if (el.shadowRoot) el.shadowRoot.adoptedStyleSheets = [...el.shadowRoot.adoptedStyleSheets, sheet];
  });
  try {
    return await run();
  } finally {
    await page.evaluate(() => {
      const sheet = globalThis.__shownForAxe;
      for (const el of document.querySelectorAll('*')) if (el.shadowRoot) el.shadowRoot.adoptedStyleSheets = el.shadowRoot.adoptedStyleSheets.filter((s) => s !== sheet);
    });
  }
}

/** Shows one story in the page and records what is wrong with it in `problems`. */
async function checkStory(page, story, setup, fresh, problems) {
  const tags = new Set(story.tags ?? []);
  const expected = tags.has('expect-loading') ? 'loading' : tags.has('expect-error') ? 'error' : tags.has('expect-missing') ? 'missing' : 'ready';
  await page.emulateMedia({ reducedMotion: tags.has('reduced-motion') ? 'reduce' : 'no-preference' });
  if (fresh) {
    // The a11y addon's own axe run is switched off (a11y.manual): this script runs axe itself on
    // the story root, and two runs on 2 cores only double the wait.
    const globals = [...Object.entries(setup.globals).map(([k, v]) => `${k}:${v}`), 'a11y.manual:!true'].join(';');
    await page.goto(`${origin}/iframe.html?id=${encodeURIComponent(story.id)}&viewMode=story&globals=${globals}`);
    await page.addScriptTag({ content: axeSource });
  } else {
    await page.evaluate((storyId) => globalThis.__STORYBOOK_ADDONS_CHANNEL__.emit('setCurrentStory', { storyId, viewMode: 'story' }), story.id);
  }

  // Rendered: Storybook finished this story (or showed its error screen), every widget left
  // "loading" (unless that is the state the story shows), images settled.
  let settled;
  try {
    settled = await page.waitForFunction(
      ({ tags, expected, id, noWidgets }) => {
        const body = document.body.classList;
        const render = globalThis.__STORYBOOK_PREVIEW__?.currentRender;
        if (render?.id !== id || render.phase !== 'finished') return false;
        if (body.contains('sb-show-errordisplay')) return { storybookError: document.querySelector('#error-message')?.textContent || 'story failed to render' };
        const root = document.querySelector('#storybook-root');
        const els = [...root.querySelectorAll(tags.join(','))];
        // A story shows widgets, unless tagged no-widgets (e.g. the tokens table), which must show none.
        if (!els.length !== noWidgets) return false;
        if (els.some((el) => !customElements.get(el.localName) || !el.hasAttribute('state'))) return false;
        if (expected !== 'loading' && els.some((el) => el.getAttribute('state') === 'loading')) return false;
        // Images settled (loaded or failed); lazy ones below the fold never start, so skip those.
        const imgs = els.flatMap((el) => [...(el.shadowRoot?.querySelectorAll('img') ?? [])]);
        const due = (i) => i.loading !== 'lazy' || i.getBoundingClientRect().top < innerHeight;
        if (imgs.some((i) => due(i) && !i.complete)) return false;
        return { ok: true };
      },
      { tags: TAGS, expected, id: story.id, noWidgets: tags.has('no-widgets') },
      { timeout: 15000, polling: 100 },
    );
  } catch (e) {
    problems.push(`did not render within 15 s (${e.message.split('\n')[0]})`);
    return;
  }
  const first = await settled.jsonValue();
  if (first.storybookError) {
    problems.push(`Storybook error: ${first.storybookError.trim().slice(0, 300)}`);
    return;
  }
  const result = await page.evaluate(async (tags) => {
    const root = document.querySelector('#storybook-root');
    const els = [...root.querySelectorAll(tags.join(','))];
    await Promise.all(els.map((el) => el.updateComplete));
    // Let image error handlers and the second frame of any transition run before axe looks.
    await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
    return {
      states: els.map((el) => `${el.localName}=${el.getAttribute('state')}`),
      themes: els.map((el) => el.getAttribute('theme')),
      lang: document.documentElement.lang,
      dir: root.querySelector('.forum-frame')?.getAttribute('dir'),
    };
  }, TAGS);
  // The toolbar set-up really applied (a story that ignores the globals would pass unnoticed).
  if (result.lang !== setup.globals.locale) problems.push(`<html lang> is ${result.lang}, expected ${setup.globals.locale}`);
  if (result.dir !== setup.globals.dir) problems.push(`frame dir is ${result.dir}, expected ${setup.globals.dir}`);
  if (result.themes.some((t) => t !== setup.globals.theme)) problems.push(`widget themes ${result.themes.join(',')}, expected ${setup.globals.theme}`);
  const wrong = result.states.filter((s) => !s.endsWith(`=${expected}`));
  if (wrong.length) problems.push(`expected every widget ${expected}, got ${wrong.join(', ')}`);

  const violations = await withSkippedContentShown(page, () =>
    page.evaluate(async () => {
      const r = await globalThis.axe.run('#storybook-root', { resultTypes: ['violations'] });
      return r.violations.map((v) => ({ id: v.id, help: v.help, targets: v.nodes.map((n) => JSON.stringify(n.target)).slice(0, 5) }));
    }),
  );
  for (const v of violations) problems.push(`axe ${v.id}: ${v.help} at ${v.targets.join(' ')}`);
}
