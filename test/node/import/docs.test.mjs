// Every `npx --no forum-feed import` command in docs/feed-format.md is one the CLI accepts: its
// options exist and take the values shown (the inputs are the guide's placeholders).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { root } from './helpers.mjs';
import { options } from '../../../bin/import/cli.js';

const guide = await readFile(join(root, 'docs/feed-format.md'), 'utf8');
const section = guide.slice(guide.indexOf('## From your conference system'));
const commands = [...section.matchAll(/^```bash\n([\s\S]*?)^```/gm)]
  .flatMap((m) => m[1].replace(/\\\n\s*/g, ' ').split('\n'))
  .map((l) => l.trim())
  .filter((l) => l.startsWith('npx --no forum-feed import'));

test('the guide shows an import command for each source', () => {
  assert.ok(commands.length >= 6, commands.join('\n'));
  for (const what of ['pretalx.com', 'frab', 'sessionize.com', '.ics', '.csv']) assert.ok(commands.some((c) => c.includes(what)), what);
});

for (const command of commands) {
  test(command, () => {
    const args = command.split(/\s+/).slice(4).map((a) => a.replace(/^"|"$/g, ''));
    const o = options(args);
    assert.ok(o.inputs.length >= 1);
    assert.ok(o.output);
  });
}
