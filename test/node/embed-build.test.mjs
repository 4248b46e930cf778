// What the built embed (dist/, from `npm run build`) and an npm user's bundle of one element are
// made of: Lit's production build (not its dev build with warnings), and none of the code the
// build rewrites make unneeded (Lit's css tag, lit-localize's run-time message hashing).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { unidentifiedMsgCalls } from '../../scripts/short-msg-ids.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dist = `${root}dist`;
const embed = () => {
  assert.ok(existsSync(`${dist}/forum-widgets.js`), 'dist/forum-widgets.js is missing: run npm run build first');
  return readdirSync(dist)
    .filter((f) => /^forum-widgets(\.[a-z-]+)?\.js$/.test(f))
    .map((f) => [f, readFileSync(`${dist}/${f}`, 'latin1')]);
};
// Text only Lit's development builds carry.
const DEV = ['Lit is in dev mode', 'reactive-element/development', 'Multiple versions of Lit loaded'];

describe('the built embed and npm bundles', () => {
  it("carry Lit's production build, and no css tag or message hashing", () => {
    const files = embed();
    assert.ok(files.length >= 7, files.map(([f]) => f).join());
    for (const [f, text] of files) {
      for (const d of DEV) assert.ok(!text.includes(d), `${f}: ${d}`);
      // Lit's css tag's own message (the build writes css`` as unsafeCSS(`…`)).
      assert.ok(!text.includes("must be a 'css' function result"), `${f}: Lit's css tag`);
      // FNV-1a 64's offset basis, as lit-localize's hasher (top 16 bits) or src/i18n/msg-id.ts
      // (BigInt) write it: the build gives every msg() its id, so nothing hashes messages.
      assert.ok(!/\b(52210|0xcbf2|14695981039346656037n|0xcbf29ce484222325n)\b/i.test(text), `${f}: message hashing`);
    }
    const core = files.find(([f]) => f === 'forum-widgets.js')[1];
    assert.ok(core.includes('litHtmlVersions'), 'lit-html is in the core');
  });

  it("an npm user's bundle of one element takes Lit's production modules, each once", async () => {
    const r = await build({
      entryPoints: [`${root}dist/lib/speaker-quote/define.js`],
      bundle: true,
      minify: true,
      format: 'esm',
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const inputs = Object.keys(r.metafile.inputs);
    assert.deepEqual(inputs.filter((p) => p.includes('/development/')), []);
    assert.ok(inputs.some((p) => p.endsWith('node_modules/lit-html/lit-html.js')), inputs.join());
    const text = r.outputFiles[0].text;
    for (const d of DEV) assert.ok(!text.includes(d), d);
    assert.ok(!text.includes("must be a 'css' function result"), "Lit's css tag");
  });

  it('in dist/lib every msg() call carries the short id its translations are keyed by (else ru and zh-Hans readers get English)', () => {
    const lib = `${root}dist/lib`;
    const js = readdirSync(lib, { recursive: true }).filter((f) => String(f).endsWith('.js') && !String(f).includes('generated'));
    const ids = new Set();
    for (const f of js) {
      const code = readFileSync(`${lib}/${f}`, 'utf8');
      assert.deepEqual(unidentifiedMsgCalls(code), [], f);
      for (const m of code.matchAll(/\bmsg\((?:'(?:[^'\\]|\\.)*'|str\s*`(?:[^`\\]|\\.)*`),\{id:'([0-9a-z]+)'\}\)/g)) ids.add(m[1]);
    }
    const keys = new Set();
    for (const f of readdirSync(`${lib}/i18n/generated/strings`).filter((f) => f.endsWith('.js'))) {
      const ru = readFileSync(`${lib}/i18n/generated/strings/${f}`, 'utf8').split("'zh-Hans'")[0];
      for (const m of ru.matchAll(/^\s*'([0-9a-z]+)':/gm)) if (m[1] !== 'ru') keys.add(m[1]);
    }
    assert.ok(ids.size >= 30, `${ids.size} ids`);
    assert.deepEqual([...ids].filter((id) => !keys.has(id)), [], 'calls whose id has no ru translation');
    assert.deepEqual([...keys].filter((k) => !ids.has(k)), [], 'ru translations no call asks for');
  });
});
