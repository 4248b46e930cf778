// The forum-feed CLI as npm users get it: the packed package installed into a fresh project
// (its runtime dependencies from the registry, as declared), then `npx forum-feed import` and
// `validate` run there. Fails when an importer library is missing from `dependencies`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { installPacked, root } from './tarball.mjs';

let project;
before(() => (project = installPacked()));
after(() => project?.remove());

const cli = (...args) => spawnSync(process.execPath, [join(project.dir, 'node_modules/forum-widgets/bin/forum-feed.js'), ...args], { cwd: project.dir, encoding: 'utf8' });

test('installed: forum-feed import reads a pretalx export, an .ics and a CSV template, then validate agrees', () => {
  for (const f of ['pretalx-widget.json', 'google.ics']) copyFileSync(join(root, 'test/fixtures/import', f), join(project.dir, f));
  let r = cli('import', 'pretalx-widget.json', '--forum-name', 'School', '-o', 'a.json');
  assert.equal(r.status, 0, r.stderr);
  r = cli('import', '--lang', 'en', 'google.ics', '-o', 'b.json');
  assert.equal(r.status, 0, r.stderr);
  assert.equal(JSON.parse(readFileSync(join(project.dir, 'b.json'), 'utf8')).forum.timeZone, 'Europe/Berlin');
  const template = join(project.dir, 'node_modules/forum-widgets/docs/templates/programme-ru.csv');
  r = cli('import', `ru=${template}`, '--time-zone', 'Asia/Vladivostok', '--forum-name', 'Форум', '-o', 'c.json');
  assert.equal(r.status, 0, r.stderr);
  for (const out of ['a.json', 'b.json', 'c.json']) {
    r = cli('validate', out);
    assert.equal(r.status, 0, r.stdout + r.stderr);
  }
});
