#!/usr/bin/env node
// `npm run build`: every artefact the package ships, in dependency order.
//   1. locale modules from locales/*.xlf (lit-localize, runtime mode), one per widget + a shared one
//   2. dist/lib: side-effect-free ES modules + .d.ts for npm users (tsc; Lit templates minified),
//      and importmap.json for pages that load dist/lib without a bundler
//   3. schema/feed.schema.json from the same schema as the validator
//   4. dist/forum-widgets.js: the classic script partners embed, and its widgets' chunks beside it
//      (scripts/build-embed.mjs, vite)
//   5. custom-elements.json, and from it dist/frameworks/{react,vue,svelte}.d.ts
//   6. dist/configurator/: the embed configurator page and the bundle's SRI hash (embed.json)
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { minifyTemplates } from './minify-templates.mjs';
import { msgIdTable, shortenMsgIds, unidentifiedMsgCalls } from './short-msg-ids.mjs';
import { execFileSync } from 'node:child_process';

const run = (cmd, args) => {
  console.log(`[build] ${cmd} ${args.join(' ')}`);
  execFileSync(cmd, args, { stdio: 'inherit' });
};
const bin = (name) => `node_modules/.bin/${name}`;

rmSync('dist', { recursive: true, force: true });
// The version the elements report (define() warnings name it) comes from package.json.
const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
const versionModule = `// Written by scripts/build.mjs from package.json; test/base/base.test.ts checks they agree.\nexport const VERSION = '${version}';\n`;
if (readFileSync('src/version.ts', 'utf8') !== versionModule) writeFileSync('src/version.ts', versionModule);
run('node', ['scripts/localize.mjs']);
run(bin('tsc'), ['-p', 'tsconfig.build.json']);
// The npm build gets the embed's template minification too (an npm user's bundler leaves
// template text alone as well).
// Short msg() ids too (scripts/short-msg-ids.mjs), by the same table as the embed.
const msgIds = msgIdTable('src');
for (const f of readdirSync('dist/lib', { recursive: true })) {
  if (!String(f).endsWith('.js')) continue;
  const path = `dist/lib/${f}`;
  const code = readFileSync(path, 'utf8');
  const short = shortenMsgIds(code, msgIds) ?? code;
  // The string modules are keyed by the short ids now: a call left on its hash id would find
  // no translation (tsc's `str `…`` once slipped past the rewrite that way).
  const left = unidentifiedMsgCalls(short);
  if (left.length) throw new Error(`${path}: msg() calls the build cannot give a short id: ${left.join(' | ')}`);
  const out = minifyTemplates(short, { html: true, css: true, unsafeCSS: true }) ?? short;
  if (out !== code) writeFileSync(path, out);
}
// So, as in the embed (scripts/embed-plugins.mjs), nothing in dist/lib hashes a message: the
// locale runtime's hasher is a stub there (its .d.ts stays; sources and tests keep the real one).
writeFileSync('dist/lib/i18n/msg-id.js', "// Stub: every msg() call in dist/lib carries its id (scripts/build.mjs).\nexport const msgId = () => '';\n");
run('node', ['scripts/gen-importmap.mjs']);
run('node', ['scripts/gen-schema.mjs']);
run('node', ['scripts/build-embed.mjs']);
// custom-elements.json (shipped; Storybook's controls and IDEs read it) from the elements' JSDoc.
run(bin('cem'), ['analyze']);
// Shipped without indentation: the inherited members repeat per element, and whitespace was a
// third of its bytes in the tarball (tools read it, people read Storybook's docs).
writeFileSync('custom-elements.json', JSON.stringify(JSON.parse(readFileSync('custom-elements.json', 'utf8'))) + '\n');
// React/Vue/Svelte typings from that manifest (dist/frameworks/).
run('node', ['scripts/gen-framework-types.mjs']);
run('node', ['scripts/build-embed-page.mjs']);
run('node', ['scripts/build-configurator.mjs']);
