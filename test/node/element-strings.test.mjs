// Importing one element carries only its own UI strings and the shared ones: each
// dist/lib/<widget>/define.js is bundled the way an npm user's bundler would (esbuild, every
// dependency in, minified; as the bench's bytes section does), and the bundle must hold every
// ru/zh-Hans string of that widget's module and of the shared module, and none of the strings
// only other widgets use. Needs `npm run build` first (npm test runs it).
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { analyse } from '../../scripts/localize.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const lib = join(root, 'dist/lib');
const stringsDir = join(lib, 'i18n/generated/strings');

/** The literal text pieces of a module's translations: whole strings, and str`` templates' static parts. */
function pieces(strings) {
  const out = new Set();
  for (const table of Object.values(strings))
    for (const v of Object.values(table)) for (const p of typeof v === 'string' ? [v] : v.strings) if (p.trim()) out.add(p);
  return out;
}

/** The bundle's code, and the src/ files (by their dist/lib/ modules) it holds. */
async function bundle(entry) {
  const r = await build({ entryPoints: [entry], bundle: true, minify: true, format: 'esm', target: 'es2021', charset: 'utf8', write: false, metafile: true, logLevel: 'silent', absWorkingDir: root, outfile: join(root, '.element-strings-out.js') });
  const inputs = Object.keys(r.metafile.inputs).filter((p) => p.startsWith('dist/lib/')).map((p) => p.replace(/^dist\/lib\//, 'src/').replace(/\.js$/, '.ts'));
  return Object.assign(r.outputFiles[0].text, { inputs });
}

/** Whether the bundle holds `piece` as written or as the minifier escapes it in a string. */
const holds = (code, piece) => code.includes(piece) || code.includes(JSON.stringify(piece).slice(1, -1));

describe('one element, its own strings', () => {
  const groups = new Map();
  const widgets = [];
  before(async () => {
    assert.ok(existsSync(stringsDir), 'dist/lib is missing or stale: npm run build first');
    for (const f of readdirSync(stringsDir).filter((f) => f.endsWith('.js'))) {
      const { strings } = await import(pathToFileURL(join(stringsDir, f)).href);
      groups.set(f.slice(0, -3), pieces(strings));
    }
    widgets.push(...[...groups.keys()].filter((g) => existsSync(join(lib, g, 'define.js'))));
  });

  it('there is a string module per widget and a shared one', () => {
    assert.ok(groups.has('shared'));
    assert.deepEqual(widgets.sort(), ['organizer-strip', 'partner-counter', 'programme', 'session-card', 'speaker-quote']);
  });

  it('dist/lib/<widget>/define.js bundled alone: its strings and the shared ones, no other widget’s', async () => {
    for (const w of widgets) {
      const code = String(await bundle(join(lib, w, 'define.js')));
      const own = new Set([...groups.get(w), ...groups.get('shared')]);
      const absent = [...own].filter((p) => !holds(code, p));
      assert.deepEqual(absent, [], `${w}: its own or shared strings are missing from its bundle`);
      // Others' pieces with a Cyrillic or Chinese letter (not bare punctuation like ', ' between
      // placeholders) that are not also text of this bundle's own strings (a short Chinese word
      // can be part of a longer own string).
      const others = [...groups].filter(([g]) => g !== w && g !== 'shared').flatMap(([, ps]) => [...ps]);
      const foreign = others.filter((p) => /[^\x00-\x7f]/.test(p) && /\p{L}/u.test(p) && ![...own].some((o) => o.includes(p)));
      assert.ok(foreign.length > 20, `${w}: too few other-widget strings to check (${foreign.length})`);
      const leaked = foreign.filter((p) => holds(code, p));
      assert.deepEqual(leaked, [], `${w}: another widget's strings are in its bundle`);
    }
  });

  it('every message a widget’s bundle can show is in its own module or the shared one', async () => {
    // Messages go by folder (scripts/localize.mjs); this fails if a widget came to import a file of
    // another widget's folder that has messages (its bundle would show them untranslated).
    const { groupOf, filesOf } = await analyse();
    for (const w of widgets) {
      const { inputs } = await bundle(join(lib, w, 'define.js'));
      assert.ok(inputs.includes(`src/${w}/${w}.ts`), `${w}: ${inputs.join()}`);
      const used = [...filesOf].filter(([, files]) => inputs.some((f) => files.has(f))).map(([id]) => id);
      assert.ok(used.length > 0, w);
      const elsewhere = used.filter((id) => groupOf.get(id) !== w && groupOf.get(id) !== 'shared').map((id) => `${id} (${[...filesOf.get(id)]}: ${groupOf.get(id)})`);
      assert.deepEqual(elsewhere, [], `${w}: messages its bundle uses are in another widget's module`);
    }
  });

  it('the all-elements entry (dist/lib/define.js) holds every widget’s strings', async () => {
    const code = String(await bundle(join(lib, 'define.js')));
    const absent = [...groups.values()].flatMap((ps) => [...ps]).filter((p) => !holds(code, p));
    assert.deepEqual(absent, []);
  });
});
