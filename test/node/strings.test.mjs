// The UI strings pipeline (scripts/localize.mjs): every message translated into every target
// locale, each message in the module of the one widget folder that uses it (else the shared
// one), and the committed modules exactly what `npm run build` writes.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyse, generatedModules, OUT_DIR, SHARED } from '../../scripts/localize.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('UI strings', () => {
  let result;
  before(async () => {
    result = await analyse();
  });

  it('every message has a translation in every target locale', () => {
    assert.deepEqual(result.locales, ['ru', 'zh-Hans']);
    const lines = result.missing.map((m) => `${m.locale}: ${m.id} (${m.file})`);
    assert.deepEqual(lines, [], 'add the missing <target> to locales/<locale>.xlf (npx lit-localize extract adds the units)');
  });

  it('reports a message whose translation is missing (naming its locale and source file)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fw-xliff-'));
    try {
      cpSync(join(root, 'locales'), dir, { recursive: true });
      const ru = readFileSync(join(dir, 'ru.xlf'), 'utf8');
      // speaker-quote's "Read more", dropped from ru only.
      const unit = /<trans-unit id="(s[0-9a-f]{16})">\s*<source>Read more<\/source>[\s\S]*?<\/trans-unit>\s*/;
      const id = ru.match(unit)[1];
      writeFileSync(join(dir, 'ru.xlf'), ru.replace(unit, ''));
      const { missing } = await analyse({ xliffDir: dir });
      assert.deepEqual(missing, [{ locale: 'ru', id, file: 'src/speaker-quote/speaker-quote.ts' }]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('puts each message in its widget folder’s module, a message of src/base or of two widgets in the shared one', () => {
    const ids = (group, locale = 'ru') => [...result.groups.get(group).get(locale).keys()];
    const src = (f) => readFileSync(join(root, 'src', f), 'utf8');
    // By English text: the ids are hashes of it.
    const idOf = (text) => {
      for (const [g, byLocale] of result.groups) for (const id of byLocale.get('ru').keys()) if (result.text.get(id) === text) return [g, id];
      return [];
    };
    assert.equal(idOf('Read more')[0], 'speaker-quote');
    assert.equal(idOf('Session page')[0], 'session-card');
    assert.equal(idOf('Forum content is unavailable right now.')[0], SHARED); // src/base/feed-element.ts
    // "Add to calendar" is in the session card and the programme: shared.
    assert.ok(src('session-card/session-card.ts').includes("msg('Add to calendar')") && src('programme/programme.ts').includes("msg('Add to calendar')"));
    assert.equal(idOf('Add to calendar')[0], SHARED);
    // Each id in exactly one module, the same ones in every locale.
    const all = [...result.groups.keys()].flatMap((g) => ids(g));
    assert.equal(new Set(all).size, all.length);
    for (const g of result.groups.keys()) assert.deepEqual(ids(g, 'zh-Hans'), ids(g, 'ru'), g);
    for (const g of ['session-card', 'speaker-quote', 'organizer-strip', 'partner-counter', 'programme']) assert.ok(ids(g).length > 0, g);
  });

  it('the committed modules in src/i18n/generated/ are what the build writes', () => {
    const files = generatedModules(result);
    const onDisk = readdirSync(join(root, OUT_DIR)).map((f) => `${OUT_DIR}/${f}`);
    assert.deepEqual(onDisk.sort(), [...files.keys()].filter((p) => p.startsWith(`${OUT_DIR}/`)).sort());
    assert.ok(files.has('src/i18n/generated/locale-codes.ts'));
    for (const [path, code] of files) assert.equal(readFileSync(join(root, path), 'utf8'), code, `${path} is stale: npm run build (or node scripts/localize.mjs) and commit it`);
  });
});
