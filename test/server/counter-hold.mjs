// A feed that answers only when the test says so: GET /counter-hold/<key> waits until
// GET /counter-hold/<key>/release, then serves test/fixtures/counter-feed.json. The loading
// state of <partner-counter> can then be checked without sleeping.
import { readFile } from 'node:fs/promises';

const gates = new Map(); // key -> { promise, release }

function gate(key) {
  let g = gates.get(key);
  if (!g) {
    let release;
    const promise = new Promise((r) => (release = r));
    g = { promise, release };
    gates.set(key, g);
    // A test that never releases must not hold the server open at shutdown.
    setTimeout(release, 30_000).unref();
  }
  return g;
}

export const counterHold = {
  name: 'counter-hold',
  async serve(context) {
    const m = /^\/counter-hold\/([a-z0-9-]+)(\/release)?$/.exec(context.path);
    if (!m) return undefined;
    const g = gate(m[1]);
    if (m[2]) {
      g.release();
      return { body: 'released', type: 'text' };
    }
    await g.promise;
    gates.delete(m[1]);
    const body = await readFile(new URL('../fixtures/counter-feed.json', import.meta.url), 'utf8');
    return { body, type: 'json' };
  },
};
