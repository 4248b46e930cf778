// GET /session-card-hold/<key> answers only after GET /session-card-hold/<key>/release, with
// test/fixtures/session-card-feed.json: the card's loading state, looked at without sleeping.
import { readFile } from 'node:fs/promises';

const gates = new Map(); // key -> { promise, release }

function gate(key) {
  if (!gates.has(key)) {
    let release;
    const promise = new Promise((r) => (release = r));
    gates.set(key, { promise, release });
    // A test that never releases must not keep the server from shutting down.
    setTimeout(release, 30_000).unref();
  }
  return gates.get(key);
}

export const sessionCardHold = {
  name: 'session-card-hold',
  async serve(context) {
    const m = /^\/session-card-hold\/([a-z0-9-]+)(\/release)?$/.exec(context.path);
    if (!m) return undefined;
    const g = gate(m[1]);
    if (m[2]) {
      g.release();
      return { body: 'released', type: 'text' };
    }
    await g.promise;
    gates.delete(m[1]);
    return { body: await readFile(new URL('../fixtures/session-card-feed.json', import.meta.url), 'utf8'), type: 'json' };
  },
};
