// Bytes figures: the embed as shipped (the core, each widget's chunk, what a page with one widget
// and one with all five downloads), each element imported alone from the npm build, and where
// each embed file's bytes come from (the bundler's per-module lengths).
import { readFileSync, readdirSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { join } from 'node:path';
import { build } from 'esbuild';

/** raw, gzip -9, gzip default (-6), brotli default (quality 11) of a buffer. */
export function sizes(buf) {
  return {
    raw: buf.length,
    gzip9: gzipSync(buf, { level: 9 }).length,
    gzip: gzipSync(buf).length,
    brotli: brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_SIZE_HINT]: buf.length } }).length,
  };
}

/** Which part of the product a bundled input file belongs to. */
export function areaOf(path) {
  const p = path.replace(/\\/g, '/');
  if (p.includes('virtual:forum-widgets')) return "the core's registry of shared bindings and chunk hashes";
  if (/node_modules\/@lit\/localize\//.test(p)) return '@lit/localize';
  if (/node_modules\/(lit|lit-html|lit-element|@lit\/reactive-element)\//.test(p)) return 'lit';
  if (p.includes('node_modules/')) return 'other dependencies';
  const m = p.match(/src\/([^/]+)\//);
  if (m?.[1] === 'i18n') return p.includes('/generated/') && !p.endsWith('locale-codes.ts') ? 'src/i18n (ru + zh-Hans strings)' : 'src/i18n (locale)';
  if (m) return `src/${m[1]}`;
  return 'entry (src/embed.ts, version.ts)';
}

/** Element folders in the npm build: dist/lib/<folder>/define.js. */
export function elementFolders(root) {
  const lib = join(root, 'dist/lib');
  return readdirSync(lib, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(lib, d.name, 'define.js')) && existsSync(join(lib, d.name, `${d.name}.js`)))
    .map((d) => d.name)
    .sort();
}

/** Sum of separately compressed files: what a page downloads when it fetches each of them. */
const total = (...xs) => Object.fromEntries(['raw', 'gzip9', 'gzip', 'brotli'].map((k) => [k, xs.reduce((s, x) => s + x[k], 0)]));

/** The embed as built in dist/: the core and each widget's chunk beside it (forum-widgets.<name>.js). */
export function embedFiles(root) {
  const dist = join(root, 'dist');
  const core = sizes(readFileSync(join(dist, 'forum-widgets.js')));
  const chunks = {};
  for (const f of readdirSync(dist).sort()) {
    const m = /^forum-widgets\.([a-z-]+)\.js$/.exec(f);
    if (m) chunks[m[1]] = { file: f, ...sizes(readFileSync(join(dist, f))) };
  }
  return { core, chunks };
}

export const EMBED_LIMIT = 16 * 1024;
export const NPM_LIMIT = 13 * 1024;

export async function measureBytes(root) {
  const { core, chunks } = embedFiles(root);
  const { markup, ...widgets } = chunks;
  // A partner page with one widget downloads the core and that widget's chunk (the markup form
  // adds the upgrader's chunk); with all five widgets, the core and five chunks.
  const page = (...files) => ({ ...total(core, ...files), pass: total(core, ...files).gzip9 <= EMBED_LIMIT });
  const onePage = Object.fromEntries(Object.entries(widgets).map(([name, c]) => [name, page(c)]));
  const oneBlock = markup && widgets['session-card'] ? page(markup, widgets['session-card']) : undefined;
  const allWidgets = page(...Object.values(widgets));

  // An npm user importing one element: their bundler (esbuild here) with every dependency in, minified.
  const alone = {};
  const imports = [...elementFolders(root).map((f) => [f, `dist/lib/${f}/define.js`]), ['all five (dist/lib/define.js)', 'dist/lib/define.js']];
  for (const [name, entry] of imports) {
    const r = await build({
      entryPoints: [join(root, entry)],
      bundle: true,
      minify: true,
      format: 'esm',
      target: 'es2021',
      write: false,
      absWorkingDir: root,
      logLevel: 'silent',
    });
    const s = sizes(Buffer.from(r.outputFiles[0].contents));
    alone[name] = { entry, ...s, pass: name.startsWith('all') ? undefined : s.gzip9 <= NPM_LIMIT };
  }

  // Breakdown: the real embed build again (scripts/build-embed.mjs, into a temporary folder), whose
  // bundler reports each module's rendered length in each output; gzip spread by that share.
  const dir = mkdtempSync(join(tmpdir(), 'fw-bytes-'));
  let breakdown;
  try {
    const { buildEmbed } = await import('../../scripts/build-embed.mjs');
    const built = await buildEmbed(dir);
    breakdown = [built.core, ...built.chunks].map((f) => {
      const gz = sizes(Buffer.from(f.code)).gzip9;
      const areas = {};
      for (const [path, len] of Object.entries(f.modules)) areas[areaOf(path)] = (areas[areaOf(path)] ?? 0) + len;
      const sum = Object.values(areas).reduce((x, y) => x + y, 0) || 1;
      const top = Object.entries(f.modules).sort((x, y) => y[1] - x[1]).slice(0, 6).map(([path, len]) => ({ path, rendered: len }));
      return {
        file: f.file,
        gzip9: gz,
        areas: Object.entries(areas).map(([area, len]) => ({ area, rendered: len, share: len / sum, gzipEstimate: Math.round((len / sum) * gz) })).sort((x, y) => y.rendered - x.rendered),
        top,
      };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { core, chunks, onePage, oneBlock, allWidgets, alone, breakdown, limits: { embed: EMBED_LIMIT, npm: NPM_LIMIT } };
}

/**
 * Unminified esbuild bundle of every widget in one classic script, for a CPU profile with readable
 * function names: what the core and the chunks run, without the chunk loading (the tags are
 * defined at once, so pages that load it need no chunks).
 */
export async function devBundle(root) {
  const r = await build({
    stdin: {
      contents: [
        "import { pageConfig } from './src/base/config.ts';",
        "import { startLocalization } from './src/i18n/locale.ts';",
        "import { defineElements } from './src/elements.ts';",
        'const s = document.currentScript;',
        'if (s && s.dataset.feed) pageConfig.feed = new URL(s.dataset.feed, document.baseURI).href;',
        'startLocalization(s && s.dataset.locale);',
        'defineElements();',
      ].join('\n'),
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    minify: false,
    format: 'iife',
    target: 'es2021',
    write: false,
    absWorkingDir: root,
    logLevel: 'silent',
  });
  return r.outputFiles[0].text;
}
