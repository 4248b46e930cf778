// Facts the guides state about the package, checked against the package itself: how to get it
// (it is not on the npm registry yet), the tags it defines, the files hosting must upload.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const read = (p) => readFileSync(join(root, p), 'utf8');
const pkg = JSON.parse(read('package.json'));
const guides = ['README.md', ...readdirSync(join(root, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];

test('no guide tells people to fetch forum-feed or forum-widgets from the registry, where neither is published', () => {
  for (const g of guides) {
    read(g).split('\n').forEach((line, i) => {
      // npx given a bare name downloads whatever the registry holds under it (a squatter's code).
      assert.doesNotMatch(line, /npx (?!--no |-p \.\/)[^`\n]*forum-feed/, `${g}:${i + 1}: ${line}`);
      // `npm install forum-widgets` only inside the sentence that says it answers 404.
      if (/npm (install|i) forum-widgets\b/.test(line)) assert.match(line, /not on the npm registry/, `${g}:${i + 1}: ${line}`);
    });
  }
});

test('the tarball the guides name is the one npm pack writes', () => {
  const tgz = `forum-widgets-${pkg.version}.tgz`;
  for (const g of ['docs/npm.md', 'docs/feed-format.md']) {
    const named = [...read(g).matchAll(/forum-widgets-[0-9][^\s`]*?\.tgz/g)].map((m) => m[0]);
    assert.ok(named.length, g);
    for (const n of named) assert.equal(n, tgz, g);
  }
});

test('docs/npm.md counts and lists every tag and define module', () => {
  const tags = [...read('src/elements.ts').matchAll(/define\('([a-z-]+)'/g)].map((m) => m[1]);
  const words = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven'];
  const npm = read('docs/npm.md');
  assert.match(npm, new RegExp(`defines all ${words[tags.length]} tags`));
  for (const t of tags) assert.ok(npm.includes(`\`${t}\``), t);
  for (const dir of readdirSync(join(root, 'src'), { withFileTypes: true })) {
    // An element's folder holds <folder>.ts and define.ts (src/base/define.ts is the helper, not one).
    const files = dir.isDirectory() ? readdirSync(join(root, 'src', dir.name)) : [];
    if (files.includes('define.ts') && files.includes(`${dir.name}.ts`)) assert.ok(npm.includes(`\`${dir.name}\``), `define module ${dir.name}`);
  }
  assert.match(npm, new RegExp(`leaves the other ${words[tags.length - 1]} out`));
});

test('docs/hosting.md names every top-level file of dist/ the package ships, and the framing headers embed.html must not get', () => {
  const hosting = read('docs/hosting.md');
  const shipped = pkg.files.filter((f) => /^dist\/[^/*]+$/.test(f)).map((f) => f.slice('dist/'.length));
  assert.ok(shipped.includes('embed.html'), shipped.join());
  for (const f of shipped) assert.ok(hosting.includes(f), f);
  for (const h of ['X-Frame-Options', 'frame-ancestors']) assert.ok(hosting.includes(h), h);
});
