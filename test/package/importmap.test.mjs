// Bundler-less use: a page that loads the packed package straight from node_modules with only
// the import map the package ships (importmap.json pasted into <script type="importmap">). The
// documented extensionless entries, a `.js` path through the prefix entry, the sample feed as a
// JSON module and Lit's own imports must all resolve, with no 404 and no development build.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { installPacked } from './tarball.mjs';
import { serveDir } from './serve-dir.mjs';
import { launch, openPage, waitForState, renderedText, noPageErrors } from '../e2e/browser.mjs';

let project;
let server;
let browser;
before(async () => {
  project = installPacked();
  server = await serveDir(project.dir);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
  project?.remove();
});

const page = (importmap) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>import map</title><link rel="icon" href="data:,">
<script type="importmap">${importmap}</script>
</head><body>
<forum-session-card id="card" session="industrial-parks"></forum-session-card>
<speaker-quote id="quote" quote="zalivatsky-technopark"></speaker-quote>
<forum-session-card id="bad" session="industrial-parks"></forum-session-card>
<script type="module">
  window.events = [];
  document.addEventListener('forum-feed-load', (e) => events.push(['load', e.target.id]));
  document.addEventListener('forum-feed-error', (e) => events.push(['error', e.target.id, e.detail.errors]));
  import 'forum-widgets/define';
  import { validateFeed } from 'forum-widgets/feed';
  // By its .js name, through the "forum-widgets/" prefix entry.
  import { SpeakerQuote } from 'forum-widgets/speaker-quote/speaker-quote.js';
  import feed from 'forum-widgets/feeds/rcf-2025.json' with { type: 'json' };
  window.sameClass = customElements.get('speaker-quote') === SpeakerQuote;
  window.valid = validateFeed(feed).ok;
  card.feed = feed;
  quote.feed = feed;
  bad.feed = { version: 1 };
</script>
</body></html>`;

test('the shipped import map alone loads the elements, the feed module and Lit in Chromium', async () => {
  const importmap = readFileSync(join(project.dir, 'node_modules/forum-widgets/importmap.json'), 'utf8');
  writeFileSync(join(project.dir, 'index.html'), page(importmap));
  const p = await openPage(browser);
  try {
    await p.page.goto(`${server.origin}/index.html`);
    await waitForState(p.page, '#card, #quote', ['ready']);
    await waitForState(p.page, '#bad', ['error']);
    assert.match(await renderedText(p.page, '#card'), /Industrial Parks: A Platform for Cooperation between Russia and China/);
    assert.ok((await renderedText(p.page, '#quote')).length > 40);
    const state = await p.page.evaluate(() => ({ events, sameClass, valid }));
    assert.equal(state.sameClass, true, 'the prefix path and the define entry load one module');
    assert.equal(state.valid, true);
    assert.deepEqual(state.events.filter((e) => e[0] === 'load').map((e) => e[1]).sort(), ['card', 'quote']);
    const error = state.events.find((e) => e[0] === 'error');
    assert.equal(error?.[1], 'bad');
    assert.ok(error[2].includes('forum: is required'), error[2].join('\n'));
    noPageErrors(assert, p.errors);
    assert.deepEqual(server.log.filter((r) => r.status !== 200), [], 'every request found');
    const paths = server.log.map((r) => r.path);
    assert.ok(paths.includes('/node_modules/lit-html/lit-html.js'), 'Lit came through the map');
    assert.deepEqual(paths.filter((x) => /\/(development|node)\//.test(x)), [], 'production browser builds only');
  } finally {
    await p.close();
  }
});

test('docs/npm.md: the import map example works with the shipped map pasted in', async () => {
  const doc = readFileSync(new URL('../../docs/npm.md', import.meta.url), 'utf8');
  const block = doc.match(/^```html importmap\n([\s\S]*?)^```$/m)?.[1];
  assert.ok(block, 'docs/npm.md has an html importmap block');
  const importmap = readFileSync(join(project.dir, 'node_modules/forum-widgets/importmap.json'), 'utf8');
  const code = block.replace(/(<script type="importmap">)[\s\S]*?(<\/script>)/, `$1${importmap}$2`);
  assert.notEqual(code, block, 'the block has an import map to replace');
  writeFileSync(join(project.dir, 'docs.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>docs</title><link rel="icon" href="data:,"></head><body>\n${code}\n</body></html>`);
  server.log.length = 0;
  const p = await openPage(browser);
  try {
    await p.page.goto(`${server.origin}/docs.html`);
    await waitForState(p.page, 'forum-session-card', ['ready']);
    assert.match(await renderedText(p.page, 'forum-session-card'), /Industrial Parks/);
    noPageErrors(assert, p.errors);
    assert.deepEqual(server.log.filter((r) => r.status !== 200), []);
  } finally {
    await p.close();
  }
});
