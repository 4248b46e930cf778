#!/usr/bin/env node
// `forum-feed validate <file-or-url>`: checks a forum feed with the very validator the widgets
// run in the browser (dist/lib/feed/validate.js), so an organiser sees what a partner page would.
// Exit status: 0 valid, 1 invalid (text that is not JSON included), 2 unreadable or misuse.
import { fileURLToPath } from 'node:url';
import { readBytes, decodeFeed, escapeControls, Unreadable, Refused, MAX_BYTES, TIMEOUT_S as DEFAULT_TIMEOUT_S } from './read-input.js';

// FORUM_FEED_TIMEOUT_S shortens the limit (tests); it never lengthens it past the default.
const TIMEOUT_S = Math.min(Number(process.env.FORUM_FEED_TIMEOUT_S) || DEFAULT_TIMEOUT_S, DEFAULT_TIMEOUT_S);
const USAGE = `Usage: forum-feed validate <file-or-url>

Checks a forum feed (version 1) with the same validator the widgets use, and prints
every problem as one "path: message" line, then a summary.

  <file-or-url>  a file path, an http(s):// URL, or - for standard input; at most
                 ${MAX_BYTES / 1048576} MB (after decompression), read within ${TIMEOUT_S} s; UTF-8 only

Exit status: 0 valid, 1 invalid (including text that is not JSON or not UTF-8, or too large),
             2 unreadable (missing file, not a regular file, bad URL, network or HTTP error,
               no end in time) or misuse.
`;

async function loadValidator() {
  const where = new URL('../dist/lib/feed/validate.js', import.meta.url);
  try {
    return await import(where.href);
  } catch (e) {
    if (e?.code !== 'ERR_MODULE_NOT_FOUND') throw e;
    throw new Unreadable(`the validator is not built (${fileURLToPath(where)} is missing): run \`npm run build\` first`);
  }
}

/** Prints lines on stdout, each with its control characters escaped (a feed cannot drive the terminal). */
const print = (...lines) => process.stdout.write(lines.map(escapeControls).join('\n') + '\n');

const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;

// East Asian Wide and Fullwidth characters (Unicode UAX #11), which terminals draw two columns wide.
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{1f300}-\u{1f64f}\u{1f900}-\u{1f9ff}\u{20000}-\u{3fffd}]/u;
const terminalWidth = (s) => [...s].reduce((w, c) => w + (WIDE.test(c) ? 2 : 1), 0);

/**
 * JSON.parse says where it stopped as an offset ("at position 270"); someone editing the feed in
 * Notepad needs a line and column, and the line itself with a caret under the spot.
 */
function withLineAndColumn(line, text) {
  const m = /^feed: is not valid JSON \((.*)\)$/s.exec(line);
  if (!m) return [line];
  const at = /at position (\d+)/.exec(m[1]);
  const offset = at ? Number(at[1]) : /end of (JSON )?input/i.test(m[1]) ? text.length : -1;
  if (offset < 0 || offset > text.length) return [line];
  const before = text.slice(0, offset).split(/\r\n|\r|\n/);
  const row = before.length;
  const column = before.at(-1).length + 1;
  const source = (text.split(/\r\n|\r|\n/)[row - 1] ?? '').replace(/\t/g, ' '); // a tab, escaped when printed, would move the caret
  // Long lines (a minified feed) are cut to 60 characters either side of the spot.
  const from = Math.max(0, column - 61);
  const shown = (from ? '…' : '') + source.slice(from, column + 59) + (source.length > column + 59 ? '…' : '');
  // The caret's column on a terminal: what print() shows before the spot (controls escaped to
  // several characters), with Chinese, Japanese and Korean characters two columns wide.
  const pad = ' '.repeat(terminalWidth(escapeControls((from ? '…' : '') + source.slice(from, column - 1))));
  return [`feed: is not valid JSON at line ${row}, column ${column} (${m[1]})`, `  ${shown}`, `  ${pad}^`];
}

async function validate(source) {
  const { parseFeed } = await loadValidator();
  const name = source === '-' ? 'standard input' : source;
  let result;
  let text = '';
  try {
    text = decodeFeed(await readBytes(source, { timeoutS: TIMEOUT_S }));
    result = parseFeed(text);
  } catch (e) {
    if (!(e instanceof Refused)) throw e;
    result = { ok: false, errors: [e.message] };
  }
  if (result.ok) {
    const f = result.feed;
    const counts = [
      plural(f.sessions.length, 'session'),
      `${f.people.length} ${f.people.length === 1 ? 'person' : 'people'}`,
      plural(f.quotes.length, 'quote'),
      plural(f.organizers.length, 'organization'),
      plural(f.counters.length, 'counter'),
    ];
    print(`${name}: valid forum feed, version 1 (${counts.join(', ')})`);
    return 0;
  }
  const lines = result.errors;
  const more = /^feed: (\d+) more problems not listed$/.exec(lines.at(-1) ?? '');
  const total = lines.length + (more ? Number(more[1]) - 1 : 0);
  print(...lines.flatMap((line) => withLineAndColumn(line, text)), `${name}: not a valid forum feed, ${plural(total, 'problem')}`);
  return 1;
}

async function main(args) {
  if (args[0] === 'import') return (await import('./import/cli.js')).runImport(args.slice(1));
  if (args.length === 1 && (args[0] === '--help' || args[0] === '-h' || args[0] === 'help')) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (args[0] !== 'validate' || args.length !== 2 || (args[1].startsWith('-') && args[1] !== '-')) {
    const why = args.length === 0 ? '' : args[0] !== 'validate' ? `unknown command: ${args[0]}` : 'validate takes one file or URL (or - for standard input)';
    process.stderr.write((why && `forum-feed: ${escapeControls(why)}\n\n`) + USAGE);
    return 2;
  }
  try {
    return await validate(args[1]);
  } catch (e) {
    if (!(e instanceof Unreadable)) throw e;
    process.stderr.write(`forum-feed: ${escapeControls(e.message)}\n`);
    return 2;
  }
}

// Exit once stdout and stderr have flushed (a pipe gets every line), without waiting for
// fetch's idle keep-alive socket, which would hold the process for seconds.
const exit = (code) => process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
main(process.argv.slice(2)).then(exit, (e) => {
  process.stderr.write(`forum-feed: unexpected error: ${escapeControls(e?.stack ?? e)}\n`);
  exit(2);
});
