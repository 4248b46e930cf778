#!/usr/bin/env node
// Run by scripts/build.mjs after tsc: writes importmap.json, the import map a bundler-less page
// pastes into <script type="importmap"> to use dist/lib straight from node_modules.
//   - every documented extensionless entry (`forum-widgets/define`, `…/speaker-quote/define`),
//     because a prefix entry alone would send them to `dist/lib/define` (no `.js`, a 404);
//   - the prefix `forum-widgets/` → dist/lib/, for any module by its `.js` name, and
//     `forum-widgets/feeds/` for the sample feed (a JSON module);
//   - Lit's packages as the browser resolves them (the `browser`/`default` export, never
//     `development` or `node`), each bare name and its `/` prefix: lit imports lit-html,
//     lit-element and @lit/reactive-element by bare name, so a map without them fails.
// Addresses start with /node_modules/ (the page is served from the project root); a page served
// from elsewhere or from a CDN replaces that prefix (docs/npm.md says how).
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const BASE = '/node_modules/';
const LIT = ['lit', 'lit-html', 'lit-element', '@lit/reactive-element', '@lit/localize'];

/** The file a browser gets for `pkg`'s main entry: exports['.'] under browser conditions. */
export function browserEntry(pkgJson) {
  const pick = (t) => {
    if (typeof t === 'string') return t;
    if (!t || typeof t !== 'object') return undefined;
    for (const cond of ['browser', 'import', 'default']) if (cond in t) return pick(t[cond]);
    return undefined;
  };
  const dot = typeof pkgJson.exports === 'object' && !Array.isArray(pkgJson.exports) && '.' in pkgJson.exports ? pkgJson.exports['.'] : pkgJson.exports;
  return (pick(dot) ?? pkgJson.module ?? pkgJson.main ?? 'index.js').replace(/^\.\//, '');
}

export function buildImportMap(base = BASE) {
  const own = `${base}forum-widgets/`;
  const lib = `${own}dist/lib/`;
  const imports = {
    'forum-widgets': `${lib}index.js`,
    'forum-widgets/define': `${lib}define.js`,
    'forum-widgets/feed': `${lib}feed/index.js`,
  };
  // An element's folder holds its class module of the same name and a define module.
  for (const dir of readdirSync(root + 'dist/lib', { withFileTypes: true })) {
    const at = `${root}dist/lib/${dir.name}/`;
    if (dir.isDirectory() && existsSync(`${at}define.js`) && existsSync(`${at}${dir.name}.js`)) {
      imports[`forum-widgets/${dir.name}/define`] = `${lib}${dir.name}/define.js`;
      imports[`forum-widgets/${dir.name}/${dir.name}`] = `${lib}${dir.name}/${dir.name}.js`;
    }
  }
  imports['forum-widgets/feeds/'] = `${own}feeds/`;
  imports['forum-widgets/'] = lib;
  for (const name of LIT) {
    const pkg = JSON.parse(readFileSync(`${root}node_modules/${name}/package.json`, 'utf8'));
    imports[name] = `${base}${name}/${browserEntry(pkg)}`;
    imports[`${name}/`] = `${base}${name}/`;
  }
  return { imports };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(root + 'importmap.json', JSON.stringify(buildImportMap(), null, 2) + '\n');
  console.log('[build] importmap.json');
}
