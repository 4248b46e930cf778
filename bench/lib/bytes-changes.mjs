// What each build-time rewrite saves: the embed built again by vite into a temporary folder with
// one rewrite switched off (FW_KEEP, read by vite.config.ts), gzip -9 of each against the real
// build. Source-level changes (the base, the templates) are not switchable; their savings are
// measured between commits and reported by hand.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sizes } from './bytes.mjs';

const VARIANTS = [
  ['html', 'html`` template indentation removed (scripts/minify-templates.mjs, new)'],
  ['css', 'css`` templates minified (the same module; vite.config.ts did this before)'],
  ['msg-ids', 'short msg() ids instead of lit-localize hashes (scripts/short-msg-ids.mjs)'],
];

export function measureByteChanges(root, shipped) {
  const dir = mkdtempSync(join(tmpdir(), 'fw-bytes-'));
  try {
    const build = (keep) => {
      execFileSync(join(root, 'node_modules/.bin/vite'), ['build', '--outDir', dir, '--emptyOutDir', '--logLevel', 'silent'], {
        cwd: root,
        env: { ...process.env, FW_KEEP: keep },
        stdio: 'ignore',
      });
      return sizes(readFileSync(join(dir, 'forum-widgets.js'))).gzip9;
    };
    const all = build('');
    const rows = VARIANTS.map(([keep, what]) => {
      const without = build(keep);
      return { change: what, withoutGzip9: without, withGzip9: all, savedGzip9: without - all };
    });
    const none = build(VARIANTS.map((v) => v[0]).join(','));
    return { shippedGzip9: shipped, rebuiltGzip9: all, rows, neitherGzip9: none, allSavedGzip9: none - all };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
