// Reading an input for `import`: the same reader as `validate` (bin/read-input.js: a file, an
// http(s) URL or `-`, size- and time-capped, FIFOs and devices refused), with import's own larger
// cap and its flags named in the messages. Then text: UTF-8 (a byte-order mark dropped); text
// that is not UTF-8 is read as windows-1251, which is what Excel on a Russian Windows saves as
// "CSV", and the caller is told.
import { readBytes as readInput, Unreadable } from '../read-input.js';

export { Unreadable } from '../read-input.js';

// Programme exports (a year of iCalendar, a big c3voc schedule) may exceed the 5 MB a feed may
// be; the feed written is checked against that limit separately.
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;
export const DEFAULT_TIMEOUT_S = 30;

/** @returns {Promise<Uint8Array>} */
export async function readBytes(source, { maxBytes = DEFAULT_MAX_BYTES, timeoutS = DEFAULT_TIMEOUT_S } = {}) {
  try {
    return await readInput(source, { maxBytes, timeoutS });
  } catch (e) {
    if (e?.reason === 'too-large') throw new Unreadable(`cannot read ${source}: more than ${maxBytes} bytes (--max-size)`);
    if (e?.reason === 'timeout') {
      const what = source === '-' ? 'standard input: no end' : `${source}: no answer`;
      throw new Unreadable(`cannot read ${what} within ${timeoutS} s (--timeout)`);
    }
    throw e;
  }
}

/** @returns {{ text: string, encoding: 'utf-8' | 'windows-1251' }} */
export function decode(bytes) {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, ''), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1251').decode(bytes), encoding: 'windows-1251' };
  }
}
