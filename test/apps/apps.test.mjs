// The framework recipes of docs/npm.md as real apps: React 19, Vue 3, Svelte 5 and Angular, one
// shared install (test/apps/package.json, `npm ci` once, ~/.npm cache), forum-widgets installed
// from the tarball `npm pack` makes of this checkout. Each app is type-checked with its own
// checker (tsc, vue-tsc with strictTemplates, svelte-check, ngc), built with its usual tool, served
// on 127.0.0.1 and opened in Chromium: the feed's text renders and both events reach the app.
// Needs `npm run build` first. Run: `npm run test:apps` (prints each step's time).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pack } from '../package/tarball.mjs';
import { serveDir } from '../package/serve-dir.mjs';
import { launch, openPage, waitForState, renderedText, noPageErrors } from '../e2e/browser.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const bin = (name) => join(here, 'node_modules/.bin', name);
const times = [];
function step(what, cmd, args, cwd = here) {
  const t0 = performance.now();
  try {
    execFileSync(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', env: { ...process.env, NG_CLI_ANALYTICS: 'false' } });
  } catch (e) {
    throw new Error(`${what} failed:\n${e.stdout}\n${e.stderr}`);
  }
  times.push(`${what}: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

// The apps: how each is type-checked and built, and where its build lands.
const APPS = {
  react: { check: [bin('tsc'), ['-p', 'react/tsconfig.json']], build: [bin('vite'), ['build', '--config', 'react/vite.config.ts']], dist: 'react/dist' },
  vue: { check: [bin('vue-tsc'), ['-p', 'vue/tsconfig.json']], build: [bin('vite'), ['build', '--config', 'vue/vite.config.ts']], dist: 'vue/dist' },
  svelte: {
    check: [bin('svelte-check'), ['--tsconfig', join(here, 'svelte/tsconfig.json'), '--workspace', join(here, 'svelte'), '--fail-on-warnings']],
    build: [bin('vite'), ['build', '--config', 'svelte/vite.config.ts']],
    dist: 'svelte/dist',
  },
  // ngc: the Angular compiler's type-check of the templates (strictTemplates); ng build: the
  // application builder (esbuild) an Angular CLI project uses.
  angular: { check: [bin('ngc'), ['-p', 'angular/tsconfig.json']], build: [bin('ng'), ['build'], join(here, 'angular')], dist: 'angular/dist/browser' },
};

let browser;
before(() => {
  // One install for all apps; `npm ci` only when the lock changed since the last one.
  const lock = join(here, 'package-lock.json');
  const stamp = join(here, 'node_modules/.package-lock.json');
  if (!existsSync(stamp) || statSync(stamp).mtimeMs < statSync(lock).mtimeMs) {
    step('npm ci (apps)', 'npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts']);
  }
  const tmp = mkdtempSync(join(tmpdir(), 'forum-widgets-apps-'));
  try {
    const t0 = performance.now();
    const tarball = pack(tmp);
    times.push(`npm pack: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    step('npm install <tarball>', 'npm', ['install', '--no-save', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball]);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
});
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
  console.log(`times (measured by this run):\n${times.map((t) => `  ${t}`).join("\n")}`);
});

for (const [name, app] of Object.entries(APPS)) {
  test(`${name}: type-checks, builds and shows the feed with both events in Chromium`, async () => {
    step(`${name} type-check`, ...app.check);
    rmSync(join(here, app.dist), { recursive: true, force: true });
    step(`${name} build`, ...app.build);
    const server = await serveDir(join(here, app.dist), { fallback: '/index.html' });
    const p = await openPage(browser);
    try {
      await p.page.goto(`${server.origin}/`);
      await waitForState(p.page, 'forum-session-card, speaker-quote', ['ready']);
      await waitForState(p.page, 'organizer-strip', ['error']);
      assert.match(await renderedText(p.page, 'forum-session-card'), /Industrial Parks: A Platform for Cooperation between Russia and China/);
      // heading-level={2} reached the element as an attribute.
      assert.equal(await p.page.evaluate(() => document.querySelector('forum-session-card')?.shadowRoot?.querySelector('h2') != null), true);
      assert.ok((await renderedText(p.page, 'speaker-quote')).length > 40);
      // The feed went in as a property (an object), not as "[object Object]".
      assert.equal(await p.page.evaluate(() => typeof document.querySelector('speaker-quote')?.feed), 'object');
      // The fallback link stays when the feed fails.
      assert.match(await renderedText(p.page, 'organizer-strip'), /The forum's organisers/);
      await p.page.waitForFunction(() => /forum-feed-error/.test(document.querySelector('#events')?.textContent ?? ''), null, { timeout: 10_000 });
      const events = (await p.page.textContent('#events')).split('\n').sort();
      assert.deepEqual(events, ['forum-feed-error organizer-strip 1', 'forum-feed-load forum-session-card rcf-2025', 'forum-feed-load speaker-quote rcf-2025']);
      noPageErrors(assert, p.errors);
      const warnings = p.console.filter((m) => m.type === 'warning' || m.type === 'error').map((m) => m.text);
      // The only console line is the widget's own report of the missing feed (and the browser's 404).
      assert.deepEqual(warnings.filter((w) => !/no-such-feed\.json|404/.test(w)), []);
    } finally {
      await p.close();
      await server.close();
    }
  });
}

// docs/npm.md shows these apps' files verbatim: a block whose info string names a file under
// test/apps must be that file, so the guide cannot drift from what is tested here.
test('the recipes in docs/npm.md are the tested apps\' files', async () => {
  const { readFileSync } = await import('node:fs');
  const doc = readFileSync(join(here, '../../docs/npm.md'), 'utf8');
  const blocks = [...doc.matchAll(/^```\w+ (test\/apps\/\S+)\n([\s\S]*?)^```$/gm)];
  const named = blocks.map((b) => b[1]);
  for (const app of Object.keys(APPS)) assert.ok(named.some((n) => n.startsWith(`test/apps/${app}/`)), `a ${app} recipe`);
  for (const [, file, code] of blocks) assert.equal(code, readFileSync(join(here, '../..', file), 'utf8'), file);
});
