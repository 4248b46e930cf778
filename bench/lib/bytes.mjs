// Bytes figures: the embed bundle as shipped, each element imported alone from the npm build, and
// where the embed's bytes come from (an esbuild approximation of the vite bundle).
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { join, relative } from 'node:path';
import { build } from 'esbuild';
import { minifyTemplates } from '../../scripts/minify-templates.mjs';
import { msgIdTable, shortenMsgIds } from '../../scripts/short-msg-ids.mjs';

/** raw, gzip -9, gzip default (-6), brotli default (quality 11) of a buffer. */
export function sizes(buf) {
  return {
    raw: buf.length,
    gzip9: gzipSync(buf, { level: 9 }).length,
    gzip: gzipSync(buf).length,
    brotli: brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_SIZE_HINT]: buf.length } }).length,
  };
}

// The same transforms as vite.config.ts's minifyLitTemplates (html`` indentation and css``
// layout removed, short msg() ids), so the esbuild approximation counts templates as shipped.
const litTemplates = {
  name: 'bench-minify-lit-templates',
  setup(b) {
    const ids = msgIdTable('src');
    b.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, (args) => {
      const code = readFileSync(args.path, 'utf8');
      const short = shortenMsgIds(code, ids) ?? code;
      const out = minifyTemplates(short) ?? short;
      return out === code ? undefined : { loader: 'ts', contents: out };
    });
  },
};

/** Which part of the product a bundled input file belongs to. */
export function areaOf(path) {
  const p = path.replace(/\\/g, '/');
  if (/node_modules\/@lit\/localize\//.test(p)) return '@lit/localize';
  if (/node_modules\/(lit|lit-html|lit-element|@lit\/reactive-element)\//.test(p)) return 'lit';
  if (p.includes('node_modules/')) return 'other dependencies';
  const m = p.match(/src\/([^/]+)\//);
  if (m?.[1] === 'i18n') return p.includes('/generated/') && !p.endsWith('locale-codes.ts') ? 'src/i18n (ru + zh-Hans strings)' : 'src/i18n (locale)';
  if (m) return `src/${m[1]}`;
  return 'entry (src/embed.ts, elements.ts, version.ts)';
}

/** Element folders in the npm build: dist/lib/<folder>/define.js. */
export function elementFolders(root) {
  const lib = join(root, 'dist/lib');
  return readdirSync(lib, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(lib, d.name, 'define.js')) && existsSync(join(lib, d.name, `${d.name}.js`)))
    .map((d) => d.name)
    .sort();
}

export async function measureBytes(root) {
  const embed = sizes(readFileSync(join(root, 'dist/forum-widgets.js')));

  // An npm user importing one element: their bundler (esbuild here) with every dependency in, minified.
  const alone = {};
  const imports = [...elementFolders(root).map((f) => [f, `dist/lib/${f}/define.js`]), ['all four (dist/lib/define.js)', 'dist/lib/define.js']];
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
    alone[name] = { entry, ...sizes(Buffer.from(r.outputFiles[0].contents)) };
  }

  // Breakdown: esbuild's metafile says how many output bytes each input file contributed.
  const r = await build({
    entryPoints: [join(root, 'src/embed.ts')],
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2021',
    write: false,
    metafile: true,
    outfile: join(root, '.bench-out.js'),
    absWorkingDir: root,
    logLevel: 'silent',
    plugins: [litTemplates],
  });
  const out = Object.values(r.metafile.outputs)[0];
  const approx = sizes(Buffer.from(r.outputFiles.find((f) => f.path.endsWith('.js')).contents));
  const areas = {};
  const files = [];
  for (const [path, { bytesInOutput }] of Object.entries(out.inputs)) {
    const a = areaOf(path);
    areas[a] = (areas[a] ?? 0) + bytesInOutput;
    files.push({ path: relative(root, join(root, path)), area: a, bytes: bytesInOutput });
  }
  const total = Object.values(areas).reduce((x, y) => x + y, 0);
  const breakdown = Object.entries(areas)
    .map(([area, bytes]) => ({ area, minified: bytes, share: bytes / total, gzipEstimate: Math.round((bytes / total) * approx.gzip) }))
    .sort((x, y) => y.minified - x.minified);
  files.sort((x, y) => y.bytes - x.bytes);
  return { embed, alone, approx, breakdown, topFiles: files.slice(0, 15) };
}

/** Unminified esbuild bundle of src/embed.ts, for a CPU profile with readable function names. */
export async function devBundle(root) {
  const r = await build({
    entryPoints: [join(root, 'src/embed.ts')],
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
