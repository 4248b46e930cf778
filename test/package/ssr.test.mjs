// Server-side: the packed package imported in Node. Every documented entry imports without
// reading a DOM global from the package's own code (Lit's server build probes and shims its
// own), and @lit-labs/ssr renders the elements to HTML with declarative shadow roots and the
// feed's text, as docs/npm.md shows.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { installPacked } from './tarball.mjs';

let project;
before(() => {
  project = installPacked({ extra: ['@lit-labs/ssr@^4'] });
});
after(() => project?.remove());

// DOM globals a browser-only module would read at import time.
const DOM = [
  'window', 'document', 'navigator', 'location', 'localStorage', 'sessionStorage', 'matchMedia',
  'requestAnimationFrame', 'IntersectionObserver', 'MutationObserver', 'ResizeObserver',
  'getComputedStyle', 'HTMLElement', 'customElements', 'Element', 'Node', 'CSSStyleSheet',
  'ShadowRoot', 'Document', 'DocumentFragment', 'CustomEvent', 'Event', 'EventTarget',
];

// Runs in its own Node process per entry: traps every DOM global, imports the entry, prints
// which globals a frame inside the package (not Lit) touched.
const PROBE = `
const names = ${JSON.stringify(DOM)};
const touched = new Set();
for (const n of names) {
  const had = Object.getOwnPropertyDescriptor(globalThis, n);
  const read = () => (had ? (had.get ? had.get.call(globalThis) : had.value) : undefined);
  Object.defineProperty(globalThis, n, {
    configurable: true,
    get() {
      if (/node_modules\\/forum-widgets\\//.test(new Error().stack.split('\\n').slice(2).join('\\n'))) touched.add(n);
      return read();
    },
    set(v) { Object.defineProperty(globalThis, n, { value: v, writable: true, configurable: true }); },
  });
}
await import(process.argv[2]);
console.log(JSON.stringify([...touched]));
`;

test('every documented entry imports in Node and its code reads no DOM global', () => {
  writeFileSync(join(project.dir, 'probe.mjs'), PROBE);
  const map = JSON.parse(readFileSync(join(project.dir, 'node_modules/forum-widgets/importmap.json'), 'utf8'));
  const entries = Object.keys(map.imports).filter((s) => s.startsWith('forum-widgets') && !s.endsWith('/'));
  entries.push('forum-widgets/react', 'forum-widgets/vue', 'forum-widgets/svelte', 'forum-widgets/define.js');
  assert.ok(entries.includes('forum-widgets/define') && entries.includes('forum-widgets/speaker-quote/define'));
  const found = {};
  for (const entry of entries) {
    const out = execFileSync(process.execPath, ['probe.mjs', entry], { cwd: project.dir, encoding: 'utf8' });
    const touched = JSON.parse(out.trim().split('\n').at(-1));
    if (touched.length) found[entry] = touched;
  }
  assert.deepEqual(found, {}, 'entries whose import read a DOM global');
});

test('the probe sees a module that reads a DOM global at import time', () => {
  // The check above must be able to fail: a module in the package that reads `document`.
  const bad = join(project.dir, 'node_modules/forum-widgets/dist/lib/probe-bad.js');
  writeFileSync(bad, 'export const lang = globalThis.document?.documentElement.lang;\n');
  const out = execFileSync(process.execPath, ['probe.mjs', 'forum-widgets/probe-bad.js'], { cwd: project.dir, encoding: 'utf8' });
  assert.deepEqual(JSON.parse(out.trim()), ['document']);
});

test('@lit-labs/ssr renders the elements with the feed, as docs/npm.md shows', () => {
  const doc = readFileSync(new URL('../../docs/npm.md', import.meta.url), 'utf8');
  const block = doc.match(/^```js ssr\n([\s\S]*?)^```$/m)?.[1];
  assert.ok(block, 'docs/npm.md has a js ssr block');
  writeFileSync(join(project.dir, 'ssr.mjs'), block);
  const html = execFileSync(process.execPath, ['ssr.mjs'], { cwd: project.dir, encoding: 'utf8' });
  // Declarative shadow DOM, the session's English title and the quote's speaker from the feed.
  assert.match(html, /<forum-session-card[^>]*session="industrial-parks"[^>]*>\s*<template shadowroot(mode)?="open"/);
  assert.match(html, /Industrial Parks: A Platform for Cooperation between Russia and China/);
  assert.match(html, /<speaker-quote[^>]*>\s*<template shadowroot(mode)?="open"/);
  assert.match(html, /state="ready"/);
});
