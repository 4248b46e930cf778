// The npm package as `npm pack` would publish it: only the files an application, a bundler-less
// page or a Node tool needs (no configurator, no source maps, no classic-bundle entry as a module),
// under a size budget, with a LICENSE, links that work inside the package, and exports that
// resolve. Needs `npm run build` first (npm test does it).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { posix } from 'node:path';

const root = fileURLToPath(new URL('../../', import.meta.url));
const pkg = JSON.parse(readFileSync(root + 'package.json', 'utf8'));

/**
 * Packed (gzip tarball) and unpacked budgets; measured 152.7 KB / 560 KB at 0.1.0 with the first
 * importer CLI, 181.3 KB / 671 KB once forum-programme, all six importers, their guide section and
 * the CSV templates were in (npm pack --dry-run --json); 191.9 KB / 655 KB with the framework
 * typings and recipes, custom-elements.json shipped without indentation; 201.5 KB / 685 KB once the
 * hardened loader and lenient validator were in; 281.7 KB / 835 KB with the redesigned widgets'
 * manifest (custom-elements.json 120 KB), the iframe form and the README's picture (docs/widgets.png,
 * 49 KB); 311.2 KB / 917 KB with the embed as a core and six chunks, per-element strings, the nginx
 * configuration and the benchmark's new sections in bench/RESULTS.md (54 KB). The budget leaves
 * ~10% for growth.
 */
const PACKED_MAX = 345_000;
const UNPACKED_MAX = 1_010_000;

// Every packed file must match one of these.
const ALLOWED = [
  /^package\.json$/,
  /^README\.md$/,
  /^LICENSE$/,
  /^custom-elements\.json$/,
  /^importmap\.json$/,
  /^schema\/feed\.schema\.json$/,
  /^bin\/([\w-]+\/)*[\w.-]+\.js$/, // the forum-feed CLI (validate, import)
  /^feeds\/[\w.-]+\.json$/,
  /^feeds\/README\.md$/,
  /^feeds\/sample-feed\.d\.ts$/,
  /^dist\/frameworks\/(react|vue|svelte)\.(js|d\.ts)$/,
  /^docs\/[\w.-]+\.md$/,
  /^docs\/templates\/[\w.-]+\.csv$/, // the importer's spreadsheet templates, linked from docs/feed-format.md
  /^docs\/widgets\.png$/, // the README's picture of the widgets (README and docs/design.md show it)
  /^docs\/nginx\/[\w.-]+\.conf$/, // the tested nginx configuration docs/hosting.md links
  /^bench\/RESULTS\.md$/,
  /^dist\/forum-widgets\.js$/,
  /^dist\/forum-widgets\.[a-z-]+\.js$/, // each widget's chunk, loaded by the core from beside it
  /^dist\/(embed\.html|embed-frame\.js|forum-widgets-resizer\.js)$/, // the iframe form, beside the bundle on a CDN
  /^dist\/lib\/([\w-]+\/)*[\w.-]+\.(js|d\.ts)$/,
];
// …and none of these, whatever the list above lets through.
const FORBIDDEN = [/\.map$/, /^dist\/configurator\//, /^dist\/lib\/embed[./]/, /^src\//, /^test\//, /node_modules/];

let pack;
before(() => {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  [pack] = JSON.parse(out);
});
const paths = () => pack.files.map((f) => f.path);

test('every packed file is on the allowed list, and none is forbidden', () => {
  const unexpected = paths().filter((p) => !ALLOWED.some((re) => re.test(p)) || FORBIDDEN.some((re) => re.test(p)));
  assert.deepEqual(unexpected, [], 'files that should not be in the package');
});

test('the package holds what users import, run and read', () => {
  const need = [
    'LICENSE',
    'README.md',
    'package.json',
    'custom-elements.json',
    'importmap.json',
    'schema/feed.schema.json',
    'bin/forum-feed.js',
    'feeds/rcf-2025.json',
    'feeds/sample-feed.d.ts',
    'dist/frameworks/react.d.ts',
    'dist/frameworks/vue.d.ts',
    'dist/frameworks/svelte.d.ts',
    'dist/forum-widgets.js',
    ...['session-card', 'speaker-quote', 'organizer-strip', 'partner-counter', 'programme'].map((w) => `dist/forum-widgets.${w}.js`),
    'dist/lib/index.js',
    'dist/lib/index.d.ts',
    'dist/lib/define.js',
    'dist/lib/feed/index.js',
    'dist/lib/feed/index.d.ts',
  ];
  for (const el of ['session-card', 'speaker-quote', 'organizer-strip', 'partner-counter']) {
    need.push(`dist/lib/${el}/define.js`, `dist/lib/${el}/${el}.js`, `dist/lib/${el}/${el}.d.ts`);
  }
  const have = new Set(paths());
  assert.deepEqual(need.filter((p) => !have.has(p)), [], 'missing from the package');
});

test(`the tarball stays under ${PACKED_MAX} B packed and ${UNPACKED_MAX} B unpacked`, () => {
  assert.ok(pack.size <= PACKED_MAX, `packed ${pack.size} B > ${PACKED_MAX} B`);
  assert.ok(pack.unpackedSize <= UNPACKED_MAX, `unpacked ${pack.unpackedSize} B > ${UNPACKED_MAX} B`);
});

test('LICENSE is the MIT licence package.json names', () => {
  assert.equal(pkg.license, 'MIT');
  const text = readFileSync(root + 'LICENSE', 'utf8');
  assert.match(text, /^MIT License\n\nCopyright \(c\) \d{4}/);
  assert.match(text, /THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND/);
});

test('relative links in the packed Markdown point at packed files', () => {
  const have = new Set(paths());
  const broken = [];
  for (const file of paths().filter((p) => p.endsWith('.md'))) {
    const text = readFileSync(root + file, 'utf8');
    for (const [, target] of text.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('#')) continue;
      const path = posix.normalize(posix.join(posix.dirname(file), decodeURI(target.split('#')[0])));
      if (!have.has(path)) broken.push(`${file}: ${target}`);
    }
  }
  assert.deepEqual(broken, []);
});

test('every export target is packed; ./embed is not exported', () => {
  const have = new Set(paths());
  const targets = [];
  const walk = (t) => (typeof t === 'string' ? targets.push(t) : t && Object.values(t).forEach(walk));
  for (const [key, target] of Object.entries(pkg.exports)) if (!key.includes('*')) walk(target);
  assert.deepEqual(targets.map((t) => t.replace(/^\.\//, '')).filter((t) => !have.has(t)), []);
  assert.equal(pkg.exports['./embed'], null);
});

// Self-reference: this file is inside the package, so Node resolves 'forum-widgets/…' through
// package.json's exports, as it would in an application's node_modules.
test('Node resolves the documented subpaths through exports', async () => {
  const at = (s) => fileURLToPath(import.meta.resolve(s)).slice(root.length);
  assert.equal(at('forum-widgets'), 'dist/lib/index.js');
  assert.equal(at('forum-widgets/define'), 'dist/lib/define.js');
  assert.equal(at('forum-widgets/define.js'), 'dist/lib/define.js');
  assert.equal(at('forum-widgets/feed'), 'dist/lib/feed/index.js');
  assert.equal(at('forum-widgets/speaker-quote/define'), 'dist/lib/speaker-quote/define.js');
  assert.equal(at('forum-widgets/speaker-quote/define.js'), 'dist/lib/speaker-quote/define.js');
  assert.equal(at('forum-widgets/feeds/rcf-2025.json'), 'feeds/rcf-2025.json');
  const { default: feed } = await import('forum-widgets/feeds/rcf-2025.json', { with: { type: 'json' } });
  assert.equal(feed.version, 1);
  assert.ok(feed.sessions.length > 0);
  for (const s of ['forum-widgets/embed', 'forum-widgets/embed.js']) {
    assert.throws(() => import.meta.resolve(s), { code: 'ERR_PACKAGE_PATH_NOT_EXPORTED' }, s);
  }
});

test('importmap.json maps the documented entries to packed files, and Lit to its browser builds', () => {
  const { imports } = JSON.parse(readFileSync(root + 'importmap.json', 'utf8'));
  const have = new Set(paths());
  const own = '/node_modules/forum-widgets/';
  for (const s of ['forum-widgets', 'forum-widgets/define', 'forum-widgets/feed', 'forum-widgets/speaker-quote/define', 'forum-widgets/']) {
    assert.ok(imports[s], `${s} is mapped`);
  }
  for (const [spec, url] of Object.entries(imports)) {
    if (url.startsWith(own)) {
      const file = url.slice(own.length);
      if (spec.endsWith('/')) assert.ok(paths().some((p) => p.startsWith(file)), `${spec} → ${url}: nothing packed there`);
      else assert.ok(have.has(file), `${spec} → ${url} is not packed`);
      // The same subpath must mean the same module in Node (exports) and in the browser (map).
      if (!spec.endsWith('/')) assert.equal(fileURLToPath(import.meta.resolve(spec)).slice(root.length), file, spec);
    } else {
      assert.match(url, /^\/node_modules\/(lit|lit-html|lit-element|@lit\/reactive-element|@lit\/localize)\//);
      assert.doesNotMatch(url, /\/(development|node)\//, `${spec}: not the browser production build`);
      assert.ok(existsSync(root + url.slice(1)), `${spec} → ${url} does not exist`);
    }
  }
});
