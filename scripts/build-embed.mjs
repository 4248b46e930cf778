#!/usr/bin/env node
// The embed partners paste: a small core and one chunk per widget beside it, as X's widgets.js.
//   dist/forum-widgets.js              the core: second-copy guard, page config, locale, loader and
//                                      validator, the shared base, Lit, the CMS-markup upgrader, and
//                                      the watcher that loads a widget's chunk when the page holds it
//   dist/forum-widgets.<name>.js       one widget (catalog.ts's short name), a classic script that
//                                      takes Lit and the base from the core (no second copy of Lit)
// All of them are ASCII-only (non-ASCII escaped), so a windows-1251 page cannot garble them.
//
// How a chunk shares the core's modules: the chunk is built as an ES module in which every
// import of Lit or of a shared src/ module is left external ("fw:<key>"); those imports are then
// rewritten to read from the registry the core puts on `self[Symbol.for('forum-widgets')]`
// (`modules[key][name]`), and the chunk is wrapped in a function that checks the registry's
// version. The core's registry holds exactly the bindings the chunks import (collected from the
// chunk builds), and the core pins each chunk's sha384, used when its own tag has `integrity`.
//
// Usage: node scripts/build-embed.mjs [--out DIR]   (default dist/; the bench builds elsewhere)
import { build, minify } from 'vite';
import { minify as terser } from 'terser';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { minifyLitTemplates, toAscii } from './embed-plugins.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const srcDir = resolve(root, 'src');
const { version } = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8'));

/**
 * The chunks: each widget (its short name in src/snippet/catalog.ts is its folder under src/, whose
 * define.ts is the entry) and the CMS-markup upgrader. `own` is the folder whose modules the chunk
 * carries itself; everything else in src/ it imports comes from the core.
 */
export const WIDGETS = [
  ['session-card', 'forum-session-card'],
  ['speaker-quote', 'speaker-quote'],
  ['organizer-strip', 'organizer-strip'],
  ['partner-counter', 'partner-counter'],
  ['programme', 'forum-programme'],
];
const CHUNKS = [
  ...WIDGETS.map(([name, tag]) => ({ name, tag, entry: `${name}/define.ts`, own: `${name}/` })),
  { name: 'markup', entry: 'embed/markup-chunk.ts', own: 'snippet/' },
];
/**
 * Which src/ modules a chunk takes from the core: those the core runs anyway (found by building it
 * once without the registry), and these: the base every widget extends, and what several widgets
 * use and must exist once per page (the pinnable clock, the Intl cache, the per-feed indexes, the
 * warn-once set). Any other module a widget uses is bundled into its chunk (the card and
 * the programme each carry the .ics writer; per-element strings stay with their element), so a
 * page never downloads code for a widget it does not show.
 */
const SHARED_EXTRA = [
  ...['feed-element', 'host-theme', 'define', 'events', 'tokens.styles', 'localized', 'safe'].map((m) => `base/${m}`),
  ...['feed-index', 'intl', 'clock', 'warn'].map((m) => `base/${m}`),
  'feed/text',
];
// src/embed/chunks.ts builds the same name from the short name.
export const chunkFile = (name) => `forum-widgets.${name}.js`;
const REGISTRY = 'forum-widgets';

// Each bundled module's share of an output (rendered length), for the bench's breakdown.
const sizesOf = (modules) => Object.fromEntries(Object.entries(modules).map(([id, m]) => [relative(root, id.replace(/^\0/, '')), m.renderedLength]));
const sri = (buf) => `sha384-${createHash('sha384').update(buf).digest('base64')}`;

/** Leaves Lit and every shared src/ module external, as `fw:<key>`, for the registry rewrite. */
function sharedFromCore({ own }, shared) {
  return {
    name: 'forum-widgets-shared-from-core',
    enforce: 'pre',
    resolveId(source, importer) {
      if (!importer) return null;
      if (/^(lit|lit-html|lit-element|@lit\/)/.test(source)) return { id: `fw:${source}`, external: true };
      if (!source.startsWith('.')) return null;
      const key = relative(srcDir, resolve(dirname(importer), source)).split(sep).join('/').replace(/\.js$/, '');
      const owner = key.split('/')[0];
      if (!key.startsWith(own) && WIDGETS.some(([name]) => name === owner)) throw new Error(`${importer} imports ${source}: a widget's chunk cannot take another widget's module`);
      return shared.has(key) ? { id: `fw:${key}`, external: true } : null;
    },
  };
}

/**
 * A second minifier pass, by terser, over what vite's (oxc) left: its two compress passes find
 * more to fold (~160 B gzip -9 off the core, 30-45 B off a widget's chunk, measured by
 * bench/lib/bytes-changes.mjs). FW_KEEP=terser skips it.
 */
async function squeeze(code) {
  if (process.env.FW_KEEP?.split(',').includes('terser')) return code;
  return (await terser(code, { ecma: 2020, compress: { ecma: 2020, passes: 2 }, mangle: true, format: { ascii_only: true } })).code;
}

const common = (plugins) => ({
  root,
  configFile: false,
  logLevel: 'warn',
  plugins: [minifyLitTemplates(), ...plugins],
  build: { target: 'es2021', write: false, minify: true, sourcemap: false, emptyOutDir: false },
});
const firstChunk = (r) => (Array.isArray(r) ? r : [r]).flatMap((x) => x.output).find((o) => o.type === 'chunk');

/** One widget's chunk: its code, and the registry bindings it needs ({key: Set of names}). */
async function buildChunk(spec, shared) {
  const { name } = spec;
  const cfg = common([sharedFromCore(spec, shared)]);
  cfg.build.lib = { entry: resolve(srcDir, spec.entry), formats: ['es'], fileName: () => chunkFile(name) };
  const { code, modules } = firstChunk(await build(cfg));
  // The imports of shared bindings, rewritten by finishChunk() once every chunk's are known.
  const imports = [];
  const body = code
    .replace(/import\s*\{([^}]*)\}\s*from\s*"fw:([^"]+)";?/g, (_, list, key) => {
      const names = list
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
        .map((s) => s.split(/\s+as\s+/));
      imports.push({ key, names });
      return `\0IMPORT${imports.length - 1}\0`;
    })
    .replace(/import\s*"fw:[^"]+";?/g, '');
  if (/"fw:|\bimport\s*[*{"]|^export\b|\bexport\s*\{/m.test(body)) {
    throw new Error(`${chunkFile(name)}: an import or export the registry rewrite does not handle:\n${body.slice(0, 400)}`);
  }
  return { ...spec, file: chunkFile(name), body, imports, modules: sizesOf(modules) };
}

/**
 * Every shared binding the chunks import gets a short registry key (a, b, …, aa, …): a chunk
 * reads `var{a:e,b:t}=registry.modules`, and the core's registry is one flat object of them.
 */
function bindingKeys(chunks) {
  const pairs = [...new Set(chunks.flatMap((c) => c.imports.flatMap(({ key, names }) => names.map(([n]) => `${key}\t${n}`))))].sort();
  const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_$';
  const short = (i) => (i < letters.length ? letters[i] : short(Math.floor(i / letters.length) - 1) + letters[i % letters.length]);
  return new Map(pairs.map((p, i) => [p, short(i)]));
}

/**
 * A chunk's final code: its imports read from the registry, wrapped in the version check, minified
 * (vite's library build leaves an ES module's whitespace, for the pure annotations) and ASCII.
 */
async function finishChunk(c, keys, release) {
  // One destructuring of the registry for all the chunk's imports, at its start (where the
  // bundler put them), instead of one per imported module.
  const bindings = c.imports.flatMap(({ key, names }) => names.map(([n, as]) => `${keys.get(`${key}\t${n}`)}:${as ?? n}`));
  const body = c.body.replace(/\0IMPORT(\d+)\0/g, '');
  // The version check: a chunk from another build (a stale cache, files of two releases mixed,
  // or a rebuild of the same version whose registry keys differ) says so instead of running
  // against a core it was not built for.
  const wrapped =
    `(function(){"use strict";var __fwR=self[Symbol.for(${JSON.stringify(REGISTRY)})];` +
    `if(!__fwR||__fwR.version!==${JSON.stringify(release)}){console.error("forum-widgets ${release}: ${c.file} does not belong to the forum-widgets.js on this page ("+(__fwR?__fwR.version:"none loaded")+"); publish the files of one build together.");return}` +
    `var{${bindings.join(',')}}=__fwR.modules;\n${body}\n})();\n`;
  const { code, errors } = await minify(c.file, wrapped, { compress: { target: 'es2021' }, mangle: true });
  if (errors?.length) throw new Error(`${c.file}: ${errors.map((e) => e.message).join('; ')}`);
  return { ...c, code: toAscii(await squeeze(code)) + '\n' };
}

/** The core's virtual module: the registry of shared bindings and the chunks' files and hashes. */
function coreRegistry(chunks, keys, release = version) {
  const ID = 'virtual:forum-widgets/chunks';
  return {
    name: 'forum-widgets-core-registry',
    enforce: 'pre',
    resolveId: (source) => (source === ID ? '\0' + ID : null),
    load(id) {
      if (id !== '\0' + ID) return null;
      const byModule = {};
      for (const [pair, short] of keys) {
        const [key, name] = pair.split('\t');
        (byModule[key] ??= []).push([name, short]);
      }
      const lines = [];
      const entries = [];
      Object.keys(byModule)
        .sort()
        .forEach((key, i) => {
          let from = key === '@lit/localize' ? resolve(srcDir, 'i18n/localize.ts') : key; // msg, str without its index's load-time code
          if (!/^(lit|@lit\/)/.test(key)) {
            from = resolve(srcDir, `${key}.ts`);
            if (!existsSync(from)) throw new Error(`registry: src/${key}.ts not found`);
          }
          lines.push(`import { ${byModule[key].map(([n], j) => `${n} as m${i}_${j}`).join(', ')} } from ${JSON.stringify(from)};`);
          entries.push(...byModule[key].map(([, short], j) => `${short}: m${i}_${j}`));
        });
      // The file name is not written: the core makes it from the name (chunkFile()'s pattern).
      const info = (c) => ({ name: c.name, integrity: sri(Buffer.from(c.code)) });
      const widgets = Object.fromEntries(chunks.filter((c) => c.tag).map((c) => [c.tag, info(c)]));
      const markup = chunks.find((c) => c.name === 'markup');
      return (
        // A function, read once the core has started: some bindings are live (@lit/localize's
        // msg is replaced when localization is configured), so they are read after that.
        `${lines.join('\n')}\nexport const modules = () => ({ ${entries.join(',\n')} });\n` +
        `export const release = ${JSON.stringify(release)};\n` +
        `export const widgets = ${JSON.stringify(widgets)};\nexport const markup = ${JSON.stringify(markup ? info(markup) : {})};\n`
      );
    },
  };
}

/**
 * The second-copy guard around the core: a copy that finds forum-widgets already on the page
 * (this core's registry, or the tags an older bundle or an npm build defined) skips itself with one
 * warning naming both versions, before Lit runs, so it never registers a second Trusted Types policy.
 */
const guard = (code) =>
  `(function(){var d=self[Symbol.for(${JSON.stringify(REGISTRY)})]||self.customElements&&customElements.get("forum-session-card");` +
  `if(d){console.warn("forum-widgets ${version}: forum-widgets "+(d.version||"(unknown version)")+" is already on this page; this copy is not used.");return}\n` +
  toAscii(code) +
  '\n})();\n';

/** The widget list above must match src/snippet/catalog.ts (the markup form's names and tags). */
function checkCatalog() {
  const text = readFileSync(resolve(srcDir, 'snippet/catalog.ts'), 'utf8');
  const listed = [...text.matchAll(/\{\s*tag: '([a-z-]+)',\s*name: '([a-z-]+)'/g)].map(([, tag, name]) => `${name}=${tag}`);
  const here = WIDGETS.map(([name, tag]) => `${name}=${tag}`);
  if (listed.sort().join() !== [...here].sort().join()) throw new Error(`scripts/build-embed.mjs WIDGETS (${here}) and src/snippet/catalog.ts (${listed}) differ`);
}

export async function buildEmbed(outDir = resolve(root, 'dist')) {
  const chunks = [];
  checkCatalog();
  const buildCore = async (chunks, keys = new Map(), release) => {
    const cfg = common([coreRegistry(chunks, keys, release)]);
    cfg.build.lib = { entry: resolve(srcDir, 'embed.ts'), formats: ['iife'], name: 'ForumWidgets', fileName: () => 'forum-widgets.js' };
    return firstChunk(await build(cfg));
  };
  // The modules the core runs by itself (its registry empty), as keys like "base/feed-element".
  const alone = await buildCore([]);
  const shared = new Set(SHARED_EXTRA);
  for (const id of Object.keys(alone.modules)) {
    const key = relative(srcDir, id).split(sep).join('/').replace(/\.ts$/, '');
    if (!key.startsWith('..') && !key.startsWith('embed')) shared.add(key);
  }
  const built = [];
  for (const spec of CHUNKS) built.push(await buildChunk(spec, shared));
  const keys = bindingKeys(built);
  // The release the core and its chunks check each other by: the version, and a hash of the
  // registry's keys, which can change between two builds of one version (a chunk of the other
  // build would read the wrong bindings).
  const release = `${version}+${createHash('sha256').update(JSON.stringify([...keys])).digest('hex').slice(0, 8)}`;
  for (const c of built) chunks.push(await finishChunk(c, keys, release));
  const out = await buildCore(chunks, keys, release);
  // No module in two files of a page: a chunk takes everything the core holds from the registry.
  for (const c of chunks) {
    const twice = Object.keys(c.modules).filter((m) => m in out.modules);
    if (twice.length) throw new Error(`${c.file} bundles what the core holds too: ${twice.join(', ')}`);
  }
  const core = { file: 'forum-widgets.js', code: toAscii(await squeeze(guard(out.code))) + '\n', modules: sizesOf(out.modules) };
  mkdirSync(outDir, { recursive: true });
  for (const f of [core, ...chunks]) writeFileSync(resolve(outDir, f.file), f.code);
  return { core, chunks };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--out');
  const out = i > 0 ? resolve(process.argv[i + 1]) : undefined;
  const r = await buildEmbed(out);
  console.log(`[build] ${[r.core, ...r.chunks].map((f) => f.file).join(', ')}`);
}
