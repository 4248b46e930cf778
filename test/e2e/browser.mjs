// One headless Chromium per test file, a fresh context (own HTTP cache) per case, and what a
// case needs to see: uncaught page errors, console messages, and widget text in shadow roots.
import { chromium } from 'playwright-core';
import { chromePath, chromeArgs } from '../../scripts/chrome.mjs';
import { before, after } from 'node:test';
import { startServer, bundleBytes } from './server.mjs';

export const TAGS = ['forum-session-card', 'speaker-quote', 'organizer-strip', 'partner-counter'];

export async function launch() {
  return chromium.launch({ executablePath: chromePath(), args: chromeArgs, headless: true });
}

/**
 * A new page in its own context. `errors` collects uncaught exceptions and unhandled
 * rejections, `console` every console message as { type, text }.
 */
export async function openPage(browser, { initScript, locale = 'en-US', viewport, reducedMotion = 'reduce' } = {}) {
  // Reduced motion by default: the counter's count-up would otherwise change text mid-check.
  const context = await browser.newContext({ locale, reducedMotion, viewport: viewport ?? { width: 1200, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  const consoleMessages = [];
  page.on('pageerror', (e) => errors.push(e));
  page.on('console', (m) => consoleMessages.push({ type: m.type(), text: m.text() }));
  if (initScript) await page.addInitScript(initScript);
  return {
    page,
    errors,
    console: consoleMessages,
    warnings: () => consoleMessages.filter((m) => m.type === 'warning').map((m) => m.text),
    close: () => context.close(),
  };
}

/** Waits until every element matching `selector` has one of `states` (default: ready). */
export function waitForState(page, selector, states = ['ready'], timeout = 30_000) {
  return page.waitForFunction(
    ([sel, want]) => {
      const els = [...document.querySelectorAll(sel)];
      return els.length > 0 && els.every((el) => want.includes(el.getAttribute('state')));
    },
    [selector, states],
    { timeout, polling: 50 },
  );
}

/** The shadow root's text of the first element matching `selector` ('' when there is none). */
export function shadowText(page, selector) {
  return page.evaluate((sel) => document.querySelector(sel)?.shadowRoot?.textContent ?? '', selector);
}

/** Text as a reader gets it (rendered text, slots resolved), whitespace folded. */
export function renderedText(page, selector) {
  return page.evaluate((sel) => {
    const el = document.querySelector(sel);
    if (!el) return '';
    const parts = [];
    const walk = (node) => {
      if (node.nodeType === 3) parts.push(node.data);
      if (node.nodeType !== 1 && node.nodeType !== 11) return;
      if (node.localName === 'slot') {
        for (const n of node.assignedNodes({ flatten: true })) walk(n);
        return;
      }
      if (node.localName === 'style' || node.localName === 'script') return;
      const kids = node.nodeType === 1 && node.shadowRoot ? node.shadowRoot.childNodes : node.childNodes;
      for (const k of kids) walk(k);
    };
    walk(el);
    return parts.join(' ').replace(/\s+/g, ' ').trim();
  }, selector);
}

/** Fails with every uncaught page error listed. */
export function noPageErrors(assert, errors, what = 'page') {
  assert.deepEqual(
    errors.map((e) => String(e.stack || e)),
    [],
    `${what}: uncaught errors`,
  );
}

/** A `path: message` line as the validator and loader write them. */
// The path: `feed`, or a key followed by `[index]`, `["quoted key"]` (JSON-quoted) or `.key` parts.
export const LINE = /^(feed|[A-Za-z_$][\w$-]*)(\[(\d+|"(?:[^"\\]|\\.)*")\]|\.[A-Za-z_$][\w$-]*)*: \S.*$/s;

/**
 * Registers the hooks every end-to-end file needs: start a loopback server that serves the built
 * bundle at /forum-widgets.js and one browser, before the file's (or block's) tests, and stop
 * both after. `set` receives them once started.
 */
export function useHarness(set) {
  let server;
  let browser;
  before(async () => {
    bundleBytes();
    server = await startServer();
    server.bundle('/forum-widgets.js');
    browser = await launch();
    set(server, browser);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
}
