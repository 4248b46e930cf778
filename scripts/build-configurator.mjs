#!/usr/bin/env node
// Run by scripts/build.mjs after vite: writes what the embed configurator needs to know about
// the built bundle, and a self-contained static copy of the configurator.
//   dist/configurator/embed.json  version, SRI hash of dist/forum-widgets.js, and the versioned
//                                 CDN URL when FORUM_WIDGETS_CDN names one
//   dist/configurator/*           demo/ (the configurator page) with its paths rewritten for dist/
// The hash is of the very bytes in dist/forum-widgets.js, so a snippet copied from the
// configurator verifies against the file that is published.
// FORUM_WIDGETS_CDN sets the CDN base (e.g. https://cdn.forum.example/forum-widgets): snippets
// then name <base>/<version>/forum-widgets.js. Without it the configurator names the bundle where
// it is itself published (forum-widgets.js beside configurator/), so `npm start` and any static
// hosting of dist/ give snippets that work as pasted.
import { copyFileSync, mkdirSync, rmSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const at = (p) => root + p;

const { version } = JSON.parse(readFileSync(at('package.json'), 'utf8'));
const bundle = readFileSync(at('dist/forum-widgets.js'));
const cdn = (process.env.FORUM_WIDGETS_CDN || '').trim().replace(/\/+$/, '');
if (cdn && !/^https?:\/\/[^/]/i.test(cdn)) throw new Error(`FORUM_WIDGETS_CDN must be an http(s) URL, got "${cdn}"`);
const info = {
  version,
  cdn: !!cdn,
  ...(cdn ? { src: `${cdn}/${version}/forum-widgets.js` } : {}),
  integrity: `sha384-${createHash('sha384').update(bundle).digest('base64')}`,
  bytes: bundle.length,
};

const out = at('dist/configurator/');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
writeFileSync(out + 'embed.json', JSON.stringify(info, null, 2) + '\n');

// The page in demo/ refers to ../dist/… and ../feeds/…; the static copy lives in dist/configurator/,
// so the bundle and the ES modules are one level up and the sample feed sits beside the page.
const rewrite = (text) =>
  text
    .replaceAll('../dist/configurator/', './')
    .replaceAll('../dist/', '../')
    .replaceAll('../feeds/rcf-2025.json', './rcf-2025.json');
for (const name of readdirSync(at('demo'))) {
  if (!/\.(html|js|css)$/.test(name)) continue;
  writeFileSync(out + name, rewrite(readFileSync(at(`demo/${name}`), 'utf8')));
}
copyFileSync(at('feeds/rcf-2025.json'), out + 'rcf-2025.json');
console.log(`[build] dist/configurator: ${info.src ?? 'bundle beside the page'} ${info.integrity} (${info.bytes} B)`);
