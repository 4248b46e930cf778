// Runs `forum-feed import` as a process, as an organiser does, in a temp dir of its own.
// Needs `npm run build` first (npm test does it): the importer checks with dist/lib's validator.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';

export const root = fileURLToPath(new URL('../../../', import.meta.url));
export const fixtures = join(root, 'test/fixtures/import');
export const fixture = (name) => join(fixtures, name);
const cli = join(root, 'bin/forum-feed.js');

assert.ok(existsSync(join(root, 'dist/lib/feed/validate.js')), 'dist/lib/feed/validate.js is missing: run `npm run build` first (npm test does)');

/** A temp dir for one test file; returns { dir, path(name), write(name, text), cleanup() }. */
export async function workspace() {
  const dir = await mkdtemp(join(tmpdir(), 'forum-import-'));
  return {
    dir,
    path: (name) => join(dir, name),
    write: async (name, text) => {
      const p = join(dir, name);
      await writeFile(p, typeof text === 'string' ? text : JSON.stringify(text));
      return p;
    },
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}

/** Runs the CLI (`stdin`: text written to it, then closed); resolves { code, stdout, stderr, warnings }. */
export function run(args, { cwd = root, env, stdin = '' } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, 'import', ...args], { cwd, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.stdin.on('error', (e) => e.code !== 'EPIPE' && reject(e));
    child.stdin.end(stdin);
    child.on('close', (code) =>
      resolve({ code, stdout, stderr, warnings: stderr.split('\n').filter((l) => l.startsWith('warning: ')) }),
    );
  });
}

/** Imports and reads the feed back; fails the test with the CLI's stderr when it did not exit 0. */
export async function importFeed(ws, args, name = 'feed.json') {
  const r = await run([...args, '-o', ws.path(name)]);
  assert.equal(r.code, 0, `import failed:\n${r.stderr}`);
  const feed = JSON.parse(await readFile(ws.path(name), 'utf8'));
  const { validateFeed } = await import(join(root, 'dist/lib/feed/validate.js'));
  assert.deepEqual(validateFeed(feed).errors, [], 'the written feed is valid');
  return { ...r, feed };
}

export const byId = (list, id) => {
  const item = list.find((x) => x.id === id);
  assert.ok(item, `no item "${id}" in ${JSON.stringify(list.map((x) => x.id))}`);
  return item;
};
