// Reading what the CLI is pointed at — a file, an http(s) URL, or `-` for standard input — as
// bytes under a size cap and a time limit, then as UTF-8 text; and making anything it echoes safe
// for a terminal. The input is untrusted: a FIFO must not hang the command, /dev/zero must not
// fill memory, a gzip bomb must not inflate past the cap, and a feed must not be able to send
// escape sequences that clear the screen and hide the verdict.
import { open, stat } from 'node:fs/promises';
import { constants } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Cannot read an input (exit status 2). `reason` is 'timeout' when the time limit ran out, so a
 * command can name its own flag for it.
 */
export class Unreadable extends Error {
  constructor(message, reason) {
    super(message);
    this.reason = reason;
  }
}

/**
 * A whole-feed fault found while reading (too large, not UTF-8): a `feed:` line (exit status 1).
 * `reason` is 'too-large' past the size cap.
 */
export class Refused extends Error {
  constructor(message, reason) {
    super(message);
    this.reason = reason;
  }
}

/** The feed contract's limit (FEED-SPEC "Limits"), the same as the widgets'. */
export const MAX_BYTES = 5 * 1024 * 1024;
export const TIMEOUT_S = 30;

const tooLarge = (maxBytes) =>
  new Refused(`feed: too large (more than ${maxBytes % 1048576 ? `${maxBytes} bytes` : `${maxBytes / 1048576} MB`} after decompression)`, 'too-large');

export const isUrl = (s) => /^[a-z][a-z0-9+.-]*:\/\//i.test(s);

/**
 * Control characters (C0, DEL, C1), bidi overrides and isolates, and line/paragraph separators,
 * as visible `\u001b`-style escapes; everything else as it is. For every line printed.
 */
export const escapeControls = (s) =>
  String(s).replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** Collects chunks up to `maxBytes`; throws Refused past it. */
async function collect(chunks, maxBytes, stop) {
  const parts = [];
  let size = 0;
  for await (const chunk of chunks) {
    size += chunk.byteLength;
    if (size > maxBytes) {
      stop?.();
      throw tooLarge(maxBytes);
    }
    parts.push(chunk);
  }
  return Buffer.concat(parts, size);
}

/** Rejects after `seconds` with Unreadable, unless `promise` settles first. */
function within(promise, seconds, what, onTimeout) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => {
      onTimeout?.();
      reject(new Unreadable(`cannot read ${what}: no end within ${seconds} s`, 'timeout'));
    }, seconds * 1000);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function readFileBytes(path, source, maxBytes) {
  let info;
  try {
    info = await stat(path);
  } catch (e) {
    const why = { ENOENT: 'no such file', EACCES: 'permission denied', ENOTDIR: 'no such file' }[e?.code] ?? e?.message;
    throw new Unreadable(`cannot read ${source}: ${why}`);
  }
  if (info.isDirectory()) throw new Unreadable(`cannot read ${source}: it is a directory`);
  // A FIFO would block until someone writes; a device (/dev/zero, /dev/random) never ends.
  if (!info.isFile()) {
    const kind = info.isFIFO() ? 'a named pipe (FIFO)' : info.isCharacterDevice() || info.isBlockDevice() ? 'a device' : info.isSocket() ? 'a socket' : 'not a regular file';
    throw new Unreadable(`cannot read ${source}: it is ${kind}, not a regular file (use - to read standard input)`);
  }
  if (info.size > maxBytes) throw tooLarge(maxBytes);
  let handle;
  try {
    // O_NONBLOCK: should the path have become a FIFO since stat, opening it still returns at once.
    handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const again = await handle.stat();
    if (!again.isFile()) throw new Unreadable(`cannot read ${source}: not a regular file`);
    // A file that grows while it is read is still cut off at the cap.
    return await collect(handle.createReadStream({ autoClose: false }), maxBytes);
  } catch (e) {
    if (e instanceof Unreadable || e instanceof Refused) throw e;
    throw new Unreadable(`cannot read ${source}: ${{ EACCES: 'permission denied' }[e?.code] ?? e?.message}`);
  } finally {
    await handle?.close();
  }
}

async function readUrlBytes(source, maxBytes, timeoutS) {
  let url;
  try {
    url = new URL(source);
  } catch {
    throw new Unreadable(`${source} is not a valid URL`);
  }
  if (url.protocol === 'file:') return readFileBytes(fileURLToPath(url), source, maxBytes);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Unreadable(`cannot read ${source}: only http:, https: and file: URLs are supported`);
  const ctrl = new AbortController();
  const read = (async () => {
    let res;
    try {
      res = await fetch(url, { signal: ctrl.signal, headers: { accept: 'application/json' } });
    } catch (e) {
      if (ctrl.signal.aborted) return new Promise(() => {}); // the timeout reports it
      throw new Unreadable(`cannot read ${source}: ${[e?.message, e?.cause?.code ?? e?.cause?.message].filter(Boolean).join(': ')}`);
    }
    if (!res.ok) {
      await res.body?.cancel();
      throw new Unreadable(`cannot read ${source}: HTTP ${res.status}${res.statusText ? ' ' + res.statusText : ''}`);
    }
    // A compressed body only grows when inflated: a declared length past the cap is enough.
    if (Number(res.headers.get('content-length')) > maxBytes) {
      await res.body?.cancel();
      throw tooLarge(maxBytes);
    }
    // fetch inflates gzip/br/deflate as it streams, so the cap counts decompressed bytes.
    return collect(res.body ?? [], maxBytes, () => ctrl.abort());
  })();
  return within(read, timeoutS, source, () => ctrl.abort());
}

function readStdinBytes(maxBytes, timeoutS) {
  const stdin = process.stdin;
  return within(
    collect(stdin, maxBytes, () => stdin.destroy()),
    timeoutS,
    'standard input',
    () => stdin.destroy(),
  );
}

/**
 * The bytes of `source`: `-` (standard input), an http(s)/file URL, or a path.
 * @returns {Promise<Buffer>}
 */
export function readBytes(source, { maxBytes = MAX_BYTES, timeoutS = TIMEOUT_S } = {}) {
  if (source === '-') return readStdinBytes(maxBytes, timeoutS);
  if (isUrl(source)) return readUrlBytes(source, maxBytes, timeoutS);
  return readFileBytes(source, source, maxBytes);
}

/**
 * The text of a feed: UTF-8 as the contract says (a byte-order mark dropped, as fetch() does in
 * the browser). Anything else is refused, saying where, rather than read with U+FFFD in place of
 * every Cyrillic letter.
 */
export function decodeFeed(bytes) {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const where = firstBadByte(bytes);
    const hex = bytes[where.offset]?.toString(16).toUpperCase().padStart(2, '0');
    throw new Refused(
      `feed: is not UTF-8 text (byte 0x${hex} at offset ${where.offset}, line ${where.line}); save it as UTF-8 (it may be windows-1251 or another legacy encoding)`,
    );
  }
}

/** Where the first byte that is not UTF-8 is, { offset, line }: the longest prefix that decodes (binary search). */
function firstBadByte(bytes) {
  let lo = 0;
  let hi = bytes.length;
  const ok = (n, stream = true) => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, n), { stream });
      return true;
    } catch {
      return false;
    }
  };
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (ok(mid)) lo = mid;
    else hi = mid - 1;
  }
  // The prefix may end inside a sequence the next byte broke: the fault starts at its lead byte.
  if (!ok(lo, false)) {
    let k = lo;
    while (k > 0 && lo - k < 3 && (bytes[k - 1] & 0xc0) === 0x80) k--;
    if (k > 0 && bytes[k - 1] >= 0xc0) lo = k - 1;
  }
  let line = 1;
  for (let i = 0; i < lo; i++) if (bytes[i] === 0x0a) line++;
  return { offset: lo, line };
}
