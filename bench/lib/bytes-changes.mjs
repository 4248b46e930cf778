// What each build-time rewrite saves: the embed built again (scripts/build-embed.mjs) into a
// temporary folder with one rewrite switched off (FW_KEEP, read by scripts/embed-plugins.mjs),
// gzip -9 of the core and of all files together against the real build. Source-level cuts are not
// switchable: bench/bytes-cuts.json records each one as measured between commits.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { embedFiles } from './bytes.mjs';

const VARIANTS = [
  ['html', 'html`` template indentation removed (scripts/minify-templates.mjs)'],
  ['css', 'css`` templates minified (the same module)'],
  ['msg-ids', "short msg() ids instead of lit-localize hashes (scripts/short-msg-ids.mjs), and so no run-time hashing (lit-localize's fnv1a64 stubbed out)"],
  ['unsafe-css', 'css`` templates built as unsafeCSS(`…`), so no css tag in the bundle (scripts/minify-templates.mjs)'],
  ['terser', "a second minifier pass by terser over vite's (oxc) output (scripts/build-embed.mjs)"],
];

export function measureByteChanges(root, shipped) {
  const dir = mkdtempSync(join(tmpdir(), 'fw-bytes-'));
  try {
    const build = (keep) => {
      execFileSync(process.execPath, [join(root, 'scripts/build-embed.mjs'), '--out', join(dir, 'dist')], {
        cwd: root,
        env: { ...process.env, FW_KEEP: keep },
        stdio: 'ignore',
      });
      // All five widgets' files: every rewrite touches the core and the chunks.
      const { core, chunks } = embedFiles(dir);
      return core.gzip9 + Object.values(chunks).reduce((s, c) => s + c.gzip9, 0);
    };
    const all = build('');
    const rows = VARIANTS.map(([keep, what]) => {
      const without = build(keep);
      return { change: what, withoutGzip9: without, withGzip9: all, savedGzip9: without - all };
    });
    const none = build(VARIANTS.map((v) => v[0]).join(','));
    return { shippedGzip9: shipped, rebuiltGzip9: all, rows, neitherGzip9: none, allSavedGzip9: none - all, cuts: sourceCuts(root) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Source-level cuts (not switchable at build time), each measured by building the commit before
 * and the commit with it (npm run build, node:zlib gzip -9 of dist/): bench/bytes-cuts.json.
 */
export function sourceCuts(root) {
  return JSON.parse(readFileSync(join(root, 'bench/bytes-cuts.json'), 'utf8'));
}
