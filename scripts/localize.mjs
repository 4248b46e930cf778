#!/usr/bin/env node
// Step 1 of `npm run build`: the UI strings, one module per widget folder plus a shared one, so
// a bundle of one element carries only its own ru/zh-Hans strings (and the shared ones).
//
// lit-localize (runtime mode) reads locales/*.xlf and writes one module per locale holding every
// message. Its output goes to a temporary directory; this script splits it by the source file
// lit-localize's own extractor finds each message in:
//   src/<widget>/…                 -> src/i18n/generated/strings/<widget>.ts
//   anything else (src/base, …), or a message used by more than one widget folder
//                                  -> src/i18n/generated/strings/shared.ts
// (a widget folder is src/<name>/ holding <name>.ts and define.ts; widgets do not import each
// other's folders, so a message's folder is the one widget whose bundle needs it). The shared module is registered by src/i18n/locale.ts,
// each widget's by its class (FeedElement's `static uiStrings`), so they load with the code that
// uses them. A message without a translation is a warning here, as in lit-localize, and a failure
// in test/node/strings.test.mjs.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { readConfigFileAndWriteSchema } from '@lit/localize-tools/lib/config.js';
import { RuntimeLitLocalizer } from '@lit/localize-tools/lib/modes/runtime.js';
import { extractMessagesFromProgram } from '@lit/localize-tools/lib/program-analysis.js';

const root = fileURLToPath(new URL('..', import.meta.url));
export const OUT_DIR = 'src/i18n/generated/strings';
export const SHARED = 'shared';

/** Widget folders: src/<name>/ with <name>.ts (the class) and define.ts (its own entry). */
function widgetFolders(src) {
  return new Set(
    readdirSync(src, { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(join(src, d.name, 'define.ts')) && existsSync(join(src, d.name, `${d.name}.ts`)))
      .map((d) => d.name),
  );
}

/** The `templates` object's entries of a module lit-localize generated: id -> source text of its value. */
function entriesOf(code) {
  const file = ts.createSourceFile('locale.ts', code, ts.ScriptTarget.Latest, true);
  const out = new Map();
  const visit = (node) => {
    if (ts.isVariableDeclaration(node) && node.name.getText(file) === 'templates' && node.initializer && ts.isObjectLiteralExpression(node.initializer)) {
      for (const p of node.initializer.properties) {
        if (!ts.isPropertyAssignment(p) || !ts.isStringLiteral(p.name)) throw new Error(`unexpected entry in lit-localize's output: ${p.getText(file)}`);
        out.set(p.name.text, p.initializer.getText(file));
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return out;
}

/**
 * Runs lit-localize's extractor and build (into a temporary directory) and returns
 * {locales, groups: Map<group, Map<locale, Map<id, valueSource>>>, groupOf: Map<id, group>,
 * filesOf: Map<id, Set<src/… path>>, missing: [{locale, id, file}], text: Map<id, English>, localeCodes}.
 */
export async function analyse({ xliffDir } = {}) {
  const config = readConfigFileAndWriteSchema(join(root, 'lit-localize.json'));
  const tmp = mkdtempSync(join(tmpdir(), 'fw-localize-'));
  try {
    // `xliffDir`: other translations than locales/ (the tests check a missing one is reported).
    const interchange = xliffDir ? { ...config.interchange, xliffDir } : config.interchange;
    // Everything lit-localize writes goes to the temporary directory: analysing (the tests do)
    // must not touch src/; the build copies what changed.
    const output = { ...config.output, outputDir: tmp, localeCodesModule: join(tmp, 'locale-codes.ts') };
    const localizer = new RuntimeLitLocalizer({ ...config, interchange, output });
    const src = join(config.baseDir, 'src');
    const widgets = widgetFolders(src);

    // Which group each message belongs to. lit-localize's extractor dedupes messages across the
    // program (keeping one file per id), so it runs here file by file to see every use.
    const program = localizer.program;
    const checker = program.getTypeChecker();
    const groupsOf = new Map(); // id -> Set<group>
    const filesOf = new Map(); // id -> the files using it (src/…)
    const text = new Map(); // id -> its English source
    for (const file of program.getSourceFiles()) {
      if (file.isDeclarationFile) continue;
      const rel = relative(src, file.fileName);
      if (rel.startsWith('..')) continue;
      const top = rel.split(sep)[0];
      const group = rel.includes(sep) && widgets.has(top) ? top : SHARED;
      const { messages, errors } = extractMessagesFromProgram({ getSourceFiles: () => [file], getTypeChecker: () => checker });
      if (errors.length) throw new Error(`lit-localize could not read the messages in ${rel}`);
      for (const m of messages) {
        if (!groupsOf.has(m.name)) groupsOf.set(m.name, new Set());
        groupsOf.get(m.name).add(group);
        if (!filesOf.has(m.name)) filesOf.set(m.name, new Set());
        filesOf.get(m.name).add(`src/${rel.split(sep).join('/')}`);
        text.set(m.name, m.contents.map((c) => (typeof c === 'string' ? c : c.untranslatable)).join(''));
      }
    }
    const groupOf = (id) => {
      const g = groupsOf.get(id);
      if (!g) throw new Error(`message ${id} is in lit-localize's output but not found in src/`);
      return g.size === 1 ? [...g][0] : SHARED;
    };

    // lit-localize's own build (validates placeholders, writes one module per locale): the values
    // are taken from it verbatim, so escaping and placeholder order are lit-localize's.
    const warn = console.warn;
    const warnings = [];
    console.warn = (...a) => warnings.push(a.join(' '));
    try {
      await localizer.build();
    } finally {
      console.warn = warn;
    }
    for (const w of warnings) if (!/is missing, using canonical text/.test(w)) console.warn(w);

    const { translations } = localizer.readTranslationsSync();
    const missing = [];
    const groups = new Map([[SHARED, new Map()]]);
    for (const g of widgets) groups.set(g, new Map());
    for (const locale of config.targetLocales) {
      const have = new Set((translations.get(locale) ?? []).map((m) => m.name));
      for (const [id] of groupsOf) if (!have.has(id)) missing.push({ locale, id, file: [...filesOf.get(id)][0] });
      const entries = entriesOf(readFileSync(join(tmp, `${locale}.ts`), 'utf8'));
      for (const g of groups.values()) g.set(locale, new Map());
      for (const [id, value] of entries) groups.get(groupOf(id)).get(locale).set(id, value);
    }
    const localeCodes = { path: relative(root, config.resolve(config.output.localeCodesModule)), code: readFileSync(join(tmp, 'locale-codes.ts'), 'utf8') };
    const groupOfId = new Map([...groupsOf.keys()].map((id) => [id, groupOf(id)]));
    return { locales: config.targetLocales, groups, groupOf: groupOfId, filesOf, missing, text, localeCodes };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** The TypeScript module for one group. */
export function moduleSource(group, byLocale) {
  const body = [...byLocale].map(([locale, entries]) => {
    const lines = [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([id, v]) => `    '${id.replace(/[\\']/g, '\\$&')}': ${v},`);
    return `  '${locale}': {\n${lines.join('\n')}\n  },`;
  });
  const all = [...byLocale.values()].flatMap((e) => [...e.values()]).join('\n');
  const imports = [
    all.includes('html`') ? "import { html } from 'lit';" : '',
    all.includes('str`') ? "import { str } from '@lit/localize';" : '',
    "import type { LocaleStrings } from '../../strings.js';",
  ].filter(Boolean);
  const whose = group === SHARED ? 'shared by the widgets (src/base, src/i18n, … and messages used in several widget folders)' : `of src/${group}/ only`;
  return `// Written by scripts/localize.mjs (npm run build) from locales/*.xlf; do not edit by hand.
// The translated UI strings ${whose}.
/* eslint-disable */
${imports.join('\n')}

export const strings: LocaleStrings = {
${body.join('\n')}
};
`;
}

/** What the build writes for analyse()'s result: path (relative to the project) -> source. */
export function generatedModules({ groups, localeCodes }) {
  const files = new Map([[localeCodes.path, localeCodes.code]]);
  for (const [group, byLocale] of groups) files.set(`${OUT_DIR}/${group}.ts`, moduleSource(group, byLocale));
  return files;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const result = await analyse();
  const { missing } = result;
  const files = generatedModules(result);
  for (const m of missing) console.warn(`[localize] ${m.locale}: no translation for ${m.id} (${m.file}); English is shown`);
  mkdirSync(join(root, OUT_DIR), { recursive: true });
  // Modules of folders that no longer have strings go.
  for (const f of readdirSync(join(root, OUT_DIR))) if (!files.has(`${OUT_DIR}/${f}`)) rmSync(join(root, OUT_DIR, f));
  // Only what changed is written: the bench rebuilds when a source is newer than dist/.
  for (const [path, code] of files) {
    const abs = join(root, path);
    if (!existsSync(abs) || readFileSync(abs, 'utf8') !== code) writeFileSync(abs, code);
  }
  console.log(`[localize] ${[...files.keys()].join(', ')}`);
}
