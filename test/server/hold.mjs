// A feed that answers only when the test says so, so a widget's loading state can be looked at
// without sleeping: GET /__hold/<key>/<fixture>.json waits until GET /__hold/<key>/release,
// then serves test/fixtures/<fixture>.json.
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

export const holdEndpoints = {
  name: 'hold',
  async serve(context) {
    const m = /^\/__hold\/([a-z0-9-]+)\/(release|[a-z0-9-]+\.json)$/.exec(context.path);
    if (!m) return undefined;
    const g = gate(m[1]);
    if (m[2] === 'release') {
      g.release();
      return { body: 'released', type: 'text' };
    }
    await g.promise;
    gates.delete(m[1]);
    return { body: await readFile(new URL(`../fixtures/${m[2]}`, import.meta.url), 'utf8'), type: 'json' };
  },
};
