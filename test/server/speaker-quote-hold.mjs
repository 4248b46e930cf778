// A feed that answers only when the test says so: GET /speaker-quote-hold/<key> waits until
// GET /speaker-quote-hold/<key>/release, then serves test/fixtures/quote-feed.json. It lets the
// loading state be looked at deterministically, without sleeping.
import { readFile } from 'node:fs/promises';

const waiting = new Map(); // key -> { promise, release }

function gate(key) {
  let g = waiting.get(key);
  if (!g) {
    let release;
    const promise = new Promise((r) => (release = r));
    g = { promise, release };
    waiting.set(key, g);
    // A test that forgets to release must not hold the server open at shutdown.
    setTimeout(release, 30_000).unref();
  }
  return g;
}

export const speakerQuoteHold = {
  name: 'speaker-quote-hold',
  async serve(context) {
    const m = /^\/speaker-quote-hold\/([a-z0-9-]+)(\/release)?$/.exec(context.path);
    if (!m) return undefined;
    const g = gate(m[1]);
    if (m[2]) {
      g.release();
      return { body: 'released', type: 'text' };
    }
    await g.promise;
    waiting.delete(m[1]);
    const body = await readFile(new URL('../fixtures/quote-feed.json', import.meta.url), 'utf8');
    return { body, type: 'json' };
  },
};
