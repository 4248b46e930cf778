// The importer's libraries are the CLI's alone: no module of the elements (src/, so dist/lib and
// the embed) imports them, and the built embed carries none of their code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { root } from './helpers.mjs';

const CLI_ONLY = ['ical.js', 'fast-xml-parser', 'csv-parse', 'html-to-text', 'cldr-core'];

test('no source module of the elements imports an importer library', async () => {
  const files = (await readdir(join(root, 'src'), { recursive: true })).filter((f) => /\.ts$/.test(f) && !f.includes('.stories.'));
  assert.ok(files.length > 10);
  const offenders = [];
  for (const f of files) {
    const text = await readFile(join(root, 'src', f), 'utf8');
    for (const lib of CLI_ONLY) if (new RegExp(`from\\s+['"]${lib.replace('.', '\\.')}(/[^'"]*)?['"]|import\\(\\s*['"]${lib.replace('.', '\\.')}`).test(text)) offenders.push(`src/${f}: ${lib}`);
  }
  assert.deepEqual(offenders, []);
});

test('the embed holds none of their code', async () => {
  // The core and every chunk beside it.
  const files = (await readdir(join(root, 'dist'))).filter((f) => /^forum-widgets(\.[a-z-]+)?\.js$/.test(f));
  assert.ok(files.length > 1, `the core and its chunks in dist/: ${files}`);
  const embed = (await Promise.all(files.map((f) => readFile(join(root, 'dist', f), 'utf8')))).join('\n');
  // Identifiers each library defines and keeps in its minified build.
  for (const marker of ['TimezoneService', 'XMLParser', 'relax_column_count', 'wordwrap']) assert.ok(!embed.includes(marker), marker);
});
