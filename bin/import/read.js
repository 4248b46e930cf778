// Reading an input: a file, or an http(s) URL fetched with a size cap and a timeout. Bytes,
// then text: UTF-8 (a byte-order mark dropped); text that is not UTF-8 is read as windows-1251,
// which is what Excel on a Russian Windows saves as "CSV", and the caller is told.
import { open } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/** Cannot read an input: exit status 2. */
export class Unreadable extends Error {}

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;
export const DEFAULT_TIMEOUT_S = 30;

export const isUrl = (s) => /^[a-z][a-z0-9+.-]*:\/\//i.test(s);

/** @returns {Promise<Uint8Array>} */
export async function readBytes(source, { maxBytes = DEFAULT_MAX_BYTES, timeoutS = DEFAULT_TIMEOUT_S } = {}) {
  if (isUrl(source)) {
    let url;
    try {
      url = new URL(source);
    } catch {
      throw new Unreadable(`${source} is not a valid URL`);
    }
    if (url.protocol === 'file:') return readFileCapped(fileURLToPath(url), source, maxBytes);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Unreadable(`cannot read ${source}: only http:, https: and file: URLs are supported`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(timeoutS * 1000) });
      if (!res.ok) {
        await res.body?.cancel();
        throw new Unreadable(`cannot read ${source}: HTTP ${res.status}${res.statusText ? ' ' + res.statusText : ''}`);
      }
      const declared = Number(res.headers.get('content-length'));
      if (declared > maxBytes) {
        await res.body?.cancel();
        throw new Unreadable(`cannot read ${source}: it is ${declared} bytes, over the ${maxBytes}-byte limit (--max-size)`);
      }
      // Count what arrives rather than trusting the header (and compressed bodies grow).
      const chunks = [];
      let size = 0;
      for await (const chunk of res.body ?? []) {
        size += chunk.byteLength;
        if (size > maxBytes) {
          await res.body.cancel().catch(() => {});
          throw new Unreadable(`cannot read ${source}: more than ${maxBytes} bytes (--max-size)`);
        }
        chunks.push(chunk);
      }
      return concat(chunks, size);
    } catch (e) {
      if (e instanceof Unreadable) throw e;
      const why = e?.name === 'TimeoutError' ? `no answer within ${timeoutS} s (--timeout)` : [e?.message, e?.cause?.code ?? e?.cause?.message].filter(Boolean).join(': ');
      throw new Unreadable(`cannot read ${source}: ${why}`);
    }
  }
  return readFileCapped(source, source, maxBytes);
}

async function readFileCapped(path, source, maxBytes) {
  let fh;
  try {
    fh = await open(path, 'r');
    const { size } = await fh.stat();
    if (size > maxBytes) throw new Unreadable(`cannot read ${source}: it is ${size} bytes, over the ${maxBytes}-byte limit (--max-size)`);
    return new Uint8Array(await fh.readFile());
  } catch (e) {
    if (e instanceof Unreadable) throw e;
    const why = { ENOENT: 'no such file', EISDIR: 'it is a directory', EACCES: 'permission denied' }[e?.code] ?? e?.message;
    throw new Unreadable(`cannot read ${source}: ${why}`);
  } finally {
    await fh?.close();
  }
}

function concat(chunks, size) {
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/** @returns {{ text: string, encoding: 'utf-8' | 'windows-1251' }} */
export function decode(bytes) {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, ''), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1251').decode(bytes), encoding: 'windows-1251' };
  }
}
