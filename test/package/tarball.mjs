// The package as users get it: `npm pack` of the built checkout into a temp dir, installed into a
// fresh project with npm (dependencies from the shared ~/.npm cache). Tests that judge the
// published package (import map, SSR, framework apps) use this instead of the checkout, so a file
// missing from `files` or a wrong `exports` entry fails them as it would fail a user.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../../', import.meta.url));

/** Packs the checkout (must be built) into `dest`; returns the tarball's path. */
export function pack(dest) {
  if (!existsSync(join(root, 'dist/lib/index.js'))) throw new Error('dist/lib is missing: run `npm run build` first');
  const out = execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dest], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return join(dest, JSON.parse(out)[0].filename);
}

/**
 * A temp project with the packed package installed (`npm install <tarball>`), plus `extra`
 * dependencies. Returns { dir, remove }.
 */
export function installPacked({ extra = [] } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'forum-widgets-pkg-'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'forum-widgets-user', private: true, type: 'module' }));
  const tarball = pack(dir);
  execFileSync('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball, ...extra], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export const listDir = (dir) => (existsSync(dir) ? readdirSync(dir) : []);
