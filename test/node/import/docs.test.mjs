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

// Words as a shell splits them: "two words" in double quotes is one argument.
const argv = (command) => command.match(/"[^"]*"|\S+/g).slice(4).map((a) => a.replace(/^"|"$/g, ''));

test('the guide shows an import command for each source', () => {
  assert.ok(commands.length >= 6, commands.join('\n'));
  for (const what of ['pretalx.com', 'frab', 'sessionize.com', '.ics', '.csv']) assert.ok(commands.some((c) => c.includes(what)), what);
});

test('the guide shows a first import, without --base (an organiser has no feed yet), naming the forum and its site', () => {
  const firsts = commands.map(argv).map(options).filter((o) => !o.base);
  assert.ok(firsts.length, commands.join('\n'));
  for (const o of firsts) {
    assert.ok(o.forumName && !o.forumName.includes('"'), `--forum-name ${o.forumName}`);
    assert.match(o.forumUrl ?? '', /^https:\/\//);
  }
});

for (const command of commands) {
  test(command, () => {
    const args = argv(command);
    const o = options(args);
    assert.ok(o.inputs.length >= 1);
    assert.ok(o.output);
  });
}
