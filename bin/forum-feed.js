#!/usr/bin/env node
// `forum-feed validate <file-or-url>`: checks a forum feed with the very validator the widgets
// run in the browser (dist/lib/feed/validate.js), so an organiser sees what a partner page would.
// Exit status: 0 valid, 1 invalid (text that is not JSON included), 2 unreadable or misuse.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const TIMEOUT_S = 30;
const USAGE = `Usage: forum-feed validate <file-or-url>

Checks a forum feed (version 1) with the same validator the widgets use, and prints
every problem as one "path: message" line, then a summary.

  <file-or-url>  a file path, or an http(s):// URL (given up after ${TIMEOUT_S} s)

Exit status: 0 valid, 1 invalid (including text that is not JSON),
             2 unreadable (missing file, bad URL, network or HTTP error) or misuse.
`;

/** Stops with status 2 and one line on stderr. */
class Unreadable extends Error {}

async function loadValidator() {
  const where = new URL('../dist/lib/feed/validate.js', import.meta.url);
  try {
    return await import(where.href);
  } catch (e) {
    if (e?.code !== 'ERR_MODULE_NOT_FOUND') throw e;
    throw new Unreadable(`the validator is not built (${fileURLToPath(where)} is missing): run \`npm run build\` first`);
  }
}

async function readSource(source) {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(source)) {
    let url;
    try {
      url = new URL(source);
    } catch {
      throw new Unreadable(`${source} is not a valid URL`);
    }
    if (url.protocol === 'file:') return readPath(fileURLToPath(url), source);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      throw new Unreadable(`cannot read ${source}: only http:, https: and file: URLs are supported`);
    }
    let res;
    try {
      res = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_S * 1000), headers: { accept: 'application/json' } });
      if (!res.ok) {
        await res.body?.cancel();
        throw new Unreadable(`cannot read ${source}: HTTP ${res.status}${res.statusText ? ' ' + res.statusText : ''}`);
      }
      return await res.text(); // UTF-8, byte-order mark dropped, as fetch() does in the browser
    } catch (e) {
      if (e instanceof Unreadable) throw e;
      const why =
        e?.name === 'TimeoutError' ? `no answer within ${TIMEOUT_S} s` : [e?.message, e?.cause?.code ?? e?.cause?.message].filter(Boolean).join(': ');
      throw new Unreadable(`cannot read ${source}: ${why}`);
    }
  }
  return readPath(source, source);
}

async function readPath(path, source) {
  try {
    // Drop a byte-order mark, as the browser's fetch() does, so both judge the same text.
    return (await readFile(path, 'utf8')).replace(/^\uFEFF/, '');
  } catch (e) {
    const why = { ENOENT: 'no such file', EISDIR: 'it is a directory', EACCES: 'permission denied' }[e?.code] ?? e?.message;
    throw new Unreadable(`cannot read ${source}: ${why}`);
  }
}

const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;

async function validate(source) {
  const { parseFeed } = await loadValidator();
  const text = await readSource(source);
  const result = parseFeed(text);
  if (result.ok) {
    const f = result.feed;
    const counts = [
      plural(f.sessions.length, 'session'),
      `${f.people.length} ${f.people.length === 1 ? 'person' : 'people'}`,
      plural(f.quotes.length, 'quote'),
      plural(f.organizers.length, 'organization'),
      plural(f.counters.length, 'counter'),
    ];
    process.stdout.write(`${source}: valid forum feed, version 1 (${counts.join(', ')})\n`);
    return 0;
  }
  const lines = result.errors;
  const more = /^feed: (\d+) more problems not listed$/.exec(lines.at(-1) ?? '');
  const total = lines.length + (more ? Number(more[1]) - 1 : 0);
  process.stdout.write(lines.join('\n') + `\n${source}: not a valid forum feed, ${plural(total, 'problem')}\n`);
  return 1;
}

async function main(args) {
  if (args[0] === 'import') return (await import('./import/cli.js')).runImport(args.slice(1));
  if (args.length === 1 && (args[0] === '--help' || args[0] === '-h' || args[0] === 'help')) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (args[0] !== 'validate' || args.length !== 2 || args[1].startsWith('-')) {
    const why = args.length === 0 ? '' : args[0] !== 'validate' ? `unknown command: ${args[0]}` : 'validate takes one file or URL';
    process.stderr.write((why && `forum-feed: ${why}\n\n`) + USAGE);
    return 2;
  }
  try {
    return await validate(args[1]);
  } catch (e) {
    if (!(e instanceof Unreadable)) throw e;
    process.stderr.write(`forum-feed: ${e.message}\n`);
    return 2;
  }
}

// Exit once stdout and stderr have flushed (a pipe gets every line), without waiting for
// fetch's idle keep-alive socket, which would hold the process for seconds.
const exit = (code) => process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
main(process.argv.slice(2)).then(exit, (e) => {
  process.stderr.write(`forum-feed: unexpected error: ${e?.stack ?? e}\n`);
  exit(2);
});
