// The guides' code blocks are the ones that run: every ```html block is rendered in Chromium
// against the built bundle (CDN address and sample feed URL pointed at 127.0.0.1, the hash
// placeholder replaced by the real one so SRI is checked), every ```json block validates as a
// feed (```json fragment: parses), `npx --no forum-feed validate` lines run against the sample feed,
// CSS blocks name only parts and custom properties that exist, and import lines name only
// exported modules and names.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, mkdtempSync, copyFileSync, rmSync, existsSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { useHarness, openPage, settled, shadowTexts, blankPage, toLocal, bundleIntegrity, VERSION, ROOT, TAGS } from './helpers.mjs';

const root = fileURLToPath(ROOT);
const { validateFeed } = await import(new URL('dist/lib/feed/validate.js', ROOT).href);
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const DOCS = ['embedding.en.md', 'embedding.ru.md', 'feed-format.md', 'hosting.md', 'npm.md'];

/** Fenced blocks of a guide: { doc, line, lang, flags, code }. */
function blocks(doc) {
  const text = readFileSync(join(root, 'docs', doc), 'utf8');
  const out = [];
  const re = /^```([^\n`]*)\n([\s\S]*?)^```[ \t]*$/gm;
  for (let m; (m = re.exec(text)); ) {
    const [lang = '', ...flags] = m[1].trim().split(/\s+/);
    const section = [...text.slice(0, m.index).matchAll(/^#+ (.+)$/gm)].at(-1)?.[1] ?? '';
    out.push({ doc, line: text.slice(0, m.index).split('\n').length, lang, flags, section, code: m[2] });
  }
  return out;
}
const all = DOCS.flatMap(blocks);
const where = (b) => `docs/${b.doc}:${b.line}`;

it('every guide exists and has code blocks', () => {
  for (const d of DOCS) assert.ok(blocks(d).length > 0, d);
});

describe('html blocks render a widget against the built bundle', () => {
  let server;
  let browser;
  useHarness((s, b) => ([server, browser] = [s, b]));

  // `html importmap` blocks load dist/lib from node_modules: test/package/importmap.test.mjs runs them.
  const html = all.filter((b) => b.lang === 'html' && !b.flags.includes('fragment') && !b.flags.includes('importmap'));
  it('there are html blocks in both embedding guides and npm.md', () => {
    for (const d of ['embedding.en.md', 'embedding.ru.md', 'npm.md']) assert.ok(html.some((b) => b.doc === d), d);
  });

  for (const [i, b] of html.entries()) {
    it(`${where(b)}`, async () => {
      // A widget as an element, as a markup-form block (data-widget) or link, or as an iframe of embed.html.
      const frame = b.code.includes('/embed.html?');
      const short = (t) => t.replace(/^forum-/, '');
      // Also a bare fallback link carrying the markup form's choices (what CKEditor 5 keeps of a block).
      const tags = TAGS.filter((t) => b.code.includes(`<${t}`) || b.code.includes(`data-widget="${short(t)}"`) || b.code.includes(`#forum-widget=${short(t)}&`) || (frame && b.code.includes(`widget=${t}`)));
      assert.ok(tags.length, 'the block has a widget');
      let code = toLocal(b.code, server.origin)
        .replaceAll('https://forum.example/feed.json', server.url('/feeds/rcf-2025.json'))
        .replaceAll(encodeURIComponent('https://forum.example/feed.json'), encodeURIComponent(server.url('/feeds/rcf-2025.json')))
        .replace(/https:\/\/cdn\.example\/forum-widgets\/[^/"]+\/(embed\.html|forum-widgets-resizer\.js)/g, `${server.origin}/dist/$1`);
      if (/integrity=/.test(code)) {
        assert.ok(code.includes('integrity="sha384-…"'), 'integrity is the documented placeholder');
        code = code.replaceAll('integrity="sha384-…"', `integrity="${bundleIntegrity()}"`);
      }
      // A block without the script tag (npm.md) is an application page: give it the bundle.
      const head = /<script/.test(code) ? '' : `\n<script src="${server.url('/dist/forum-widgets.js')}" defer></script>`;
      server.add(`/docs-block/${i}.html`, blankPage(code, head));
      const p = await openPage(browser);
      try {
        await p.page.goto(server.url(`/docs-block/${i}.html`));
        const where = frame ? await (await p.page.waitForSelector('iframe.forum-widget-frame')).contentFrame() : p.page;
        const states = await settled(where);
        assert.deepEqual(states, states.map((s) => s.replace(/=.*/, '=ready')), `every widget ready: ${states.join(', ')}`);
        for (const t of await shadowTexts(where)) assert.ok(t.length > 10, `rendered text: ${t}`);
        assert.deepEqual(p.errors, []);
      } finally {
        await p.close();
      }
    });
  }
});

describe('the CSP the embedding guides document', () => {
  let server;
  let browser;
  useHarness((s, b) => ([server, browser] = [s, b]));
  for (const doc of ['embedding.en.md', 'embedding.ru.md']) {
    it(`${doc}: the directives it lists, with nothing else allowed, run every widget of its first snippet with no violation`, async () => {
      const bs = blocks(doc);
      const cspBlock = bs.find((b) => b.lang === 'text' && /^script-src /m.test(b.code));
      assert.ok(cspBlock, 'a text block with the directives');
      const directives = cspBlock.code.trim().split('\n').map((l) => l.trim().replace(/https:\/\/(cdn|forum)\.example/g, server.origin));
      assert.deepEqual(directives.map((d) => d.split(' ')[0]), ['script-src', 'connect-src', 'img-src', 'trusted-types']);
      const csp = ["default-src 'none'", ...directives, "require-trusted-types-for 'script'"].join('; ');
      const snippet = bs.find((b) => b.lang === 'html' && TAGS.filter((t) => b.code.includes(`<${t}`)).length > 1);
      const code = toLocal(snippet.code, server.origin)
        .replaceAll('https://forum.example/feed.json', server.url('/feeds/rcf-2025.json'))
        .replaceAll('integrity="sha384-…"', `integrity="${bundleIntegrity()}"`);
      server.add(`/csp/${doc}.html`, blankPage(code), { headers: { 'content-security-policy': csp } });
      const p = await openPage(browser);
      try {
        await p.page.goto(server.url(`/csp/${doc}.html`));
        const states = await settled(p.page);
        assert.equal(states.length, 4);
        assert.deepEqual(states.filter((s) => !s.endsWith('=ready')), []);
        await p.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 100))));
        assert.deepEqual(p.console.filter((l) => /Content Security Policy|Trusted Type/i.test(l)), []);
        assert.deepEqual(p.errors, []);
      } finally {
        await p.close();
      }
    });
  }
});

it('the versioned CDN URLs in the guides are the package version', () => {
  for (const d of DOCS) {
    const text = readFileSync(join(root, 'docs', d), 'utf8');
    for (const m of text.matchAll(/cdn\.example\/forum-widgets\/([^/\s"]+)\/forum-widgets\.js/g)) assert.equal(m[1], VERSION, d);
  }
});

describe('json blocks', () => {
  const json = all.filter((b) => b.lang === 'json');
  it('there is a whole feed and fragments', () => {
    assert.ok(json.some((b) => !b.flags.includes('fragment')));
    assert.ok(json.some((b) => b.flags.includes('fragment')));
  });
  // A fragment is checked in place: put into the guide's whole feed where its section says.
  const whole = json.find((b) => b.doc === 'feed-format.md' && !b.flags.includes('fragment'));
  const place = {
    'sessions[]': (f, x) => (f.sessions[0] = x),
    'people[]': (f, x) => (f.people[0] = x),
    'quotes[]': (f, x) => (f.quotes[0] = x),
    'organizers[]': (f, x) => (f.organizers[f.organizers.findIndex((o) => o.id === x.id)] = x),
    'counters[]': (f, x) => (f.counters[0] = x),
    'Texts in several languages': (f, x) => (f.forum.location = x),
  };
  for (const b of json) {
    const fragment = b.flags.includes('fragment');
    it(`${where(b)}${fragment ? ` (fragment in "${b.section}")` : ''}`, () => {
      const value = JSON.parse(b.code);
      let feed = value;
      if (fragment) {
        assert.ok(place[b.section], `no rule to place a fragment under "${b.section}"`);
        feed = JSON.parse(whole.code);
        place[b.section](feed, value);
      }
      const r = validateFeed(feed);
      assert.deepEqual(r.errors, []);
      assert.equal(r.ok, true);
    });
  }
});

describe('bash blocks', () => {
  const lines = all.filter((b) => b.lang === 'bash').flatMap((b) => b.code.split('\n').map((l) => ({ ...b, cmd: l.trim() })));
  // `--no`: npx runs only the local copy (the package is not on the registry; see feed-format.md).
  const cli = lines.filter((l) => l.cmd.startsWith('npx --no forum-feed validate'));
  it('feed-format.md shows the validator', () => assert.ok(cli.some((l) => l.doc === 'feed-format.md')));
  for (const l of cli) {
    it(`${where(l)}: ${l.cmd} (on the sample feed)`, () => {
      // `npx --no forum-feed` is this package's bin; run it as npx would, in a folder holding the sample as the named file.
      const args = l.cmd.split(/\s+/).slice(3);
      assert.equal(args.length, 2, 'validate <file>');
      const dir = mkdtempSync(join(tmpdir(), 'forum-docs-'));
      try {
        copyFileSync(join(root, 'feeds/rcf-2025.json'), join(dir, args[1]));
        const r = spawnSync(process.execPath, [join(root, pkg.bin['forum-feed']), ...args], { cwd: dir, encoding: 'utf8' });
        assert.equal(r.status, 0, r.stdout + r.stderr);
        assert.match(r.stdout, new RegExp(`^${args[1].replace('.', '\\.')}: valid forum feed, version 1 `));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }
  const sri = lines.filter((l) => l.cmd.includes('openssl dgst -sha384'));
  it('hosting.md gives the SRI command', () => assert.ok(sri.some((l) => l.doc === 'hosting.md')));
  for (const l of sri) {
    const haveOpenssl = spawnSync('openssl', ['version']).status === 0;
    it(`${where(l)}: the SRI command prints the hash the configurator uses`, { skip: !haveOpenssl && 'no openssl here' }, () => {
      const out = execFileSync('sh', ['-c', l.cmd], { cwd: root, encoding: 'utf8' }).trim();
      assert.equal(out, bundleIntegrity());
      assert.equal(out, JSON.parse(readFileSync(join(root, 'dist/configurator/embed.json'), 'utf8')).integrity);
    });
  }
});

// test/e2e/nginx.test.mjs runs docs/nginx/forum-widgets.conf in real nginx; a guide's copy must be that file.
describe('nginx blocks are the configuration the nginx test runs', () => {
  const conf = readFileSync(join(root, 'docs/nginx/forum-widgets.conf'), 'utf8');
  const nginx = all.filter((b) => b.lang === 'nginx');
  it('hosting.md shows docs/nginx/forum-widgets.conf', () => assert.ok(nginx.some((b) => b.doc === 'hosting.md')));
  for (const b of nginx) it(`${where(b)} is docs/nginx/forum-widgets.conf, verbatim`, () => assert.equal(b.code, conf));
});

describe('styling in the guides matches the code', () => {
  const src = (p) => readFileSync(join(root, 'src', p), 'utf8');
  const files = {
    'forum-session-card': 'session-card/session-card.ts',
    'speaker-quote': 'speaker-quote/speaker-quote.ts',
    'organizer-strip': 'organizer-strip/organizer-strip.ts',
    'partner-counter': 'partner-counter/partner-counter.ts',
    'forum-programme': 'programme/programme.ts',
  };
  // Parts: each element's documented @csspart, plus those the base class renders for all.
  const base = [...src('base/feed-element.ts').matchAll(/part="([a-z-]+)"/g)].map((m) => m[1]);
  const parts = Object.fromEntries(
    Object.entries(files).map(([tag, f]) => [tag, new Set([...base, ...[...src(f).matchAll(/@csspart ([a-z-]+)/g)].map((m) => m[1])])]),
  );
  const allSrc = readdirSync(join(root, 'src'), { recursive: true })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => src(f))
    .join('\n');
  const props = new Set([...allSrc.matchAll(/var\((--[a-z0-9-]+)/g)].map((m) => m[1]));

  it('every ::part() in a css block is a part of that element', () => {
    const css = all.filter((b) => b.lang === 'css');
    assert.ok(css.length >= 2);
    let n = 0;
    for (const b of css) {
      for (const m of b.code.matchAll(/([a-z-]+)::part\(([a-z-]+)\)/g)) {
        n++;
        assert.ok(parts[m[1]]?.has(m[2]), `${where(b)}: ${m[1]}::part(${m[2]})`);
      }
    }
    assert.ok(n > 0);
  });

  it('every custom property the guides name is read by the widgets', () => {
    const cliOptions = new Set(readFileSync(join(root, 'bin/import/cli.js'), 'utf8').match(/--[a-z][a-z0-9-]+/g));
    for (const d of DOCS) {
      const text = readFileSync(join(root, 'docs', d), 'utf8');
      // `--forum-name` in a command line is the importer's option, not a custom property.
      for (const [name] of text.matchAll(/--(?:forum|speaker-quote)-[a-z0-9-]+/g)) {
        if (!props.has(name)) assert.ok(cliOptions.has(name), `docs/${d}: ${name} is neither a custom property nor a forum-feed option`);
      }
    }
  });

  it('the part lists in the embedding guides are the elements\' parts', () => {
    for (const d of ['embedding.en.md', 'embedding.ru.md']) {
      const text = readFileSync(join(root, 'docs', d), 'utf8').replace(/\n/g, ' ');
      for (const [tagWord, tag] of [
        [/(?:Session card|Карточка сессии): `([^`]+)`/, 'forum-session-card'],
        [/(?:Quote|Цитата): `([^`]+)`/, 'speaker-quote'],
        [/(?:Organisers|Организаторы): `([^`]+)`/, 'organizer-strip'],
        [/(?:Figures|Цифры): `([^`]+)`/, 'partner-counter'],
        [/(?:Programme|Программа): `([^`]+)`/, 'forum-programme'],
      ]) {
        const m = tagWord.exec(text);
        assert.ok(m, `${d}: part list of ${tag}`);
        const listed = m[1].split(/\s+/);
        for (const p of listed) assert.ok(parts[tag].has(p), `${d}: ${tag} part ${p}`);
        const missing = [...parts[tag]].filter((p) => !listed.includes(p) && !base.includes(p) && p !== 'base');
        assert.deepEqual(missing, [], `${d}: ${tag} parts not listed`);
      }
    }
  });
});

describe('import lines in npm.md name exported modules and names', () => {
  const code = all.filter((b) => b.doc === 'npm.md' && (b.lang === 'js' || b.lang === 'ts'));
  /** The .d.ts text of a module and everything it re-exports with `export *`. */
  const dts = (file, seen = new Set()) => {
    if (seen.has(file)) return '';
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    let out = text;
    for (const m of text.matchAll(/export (?:type )?\* from '([^']+)'/g)) out += dts(join(file, '..', m[1].replace(/\.js$/, '.d.ts')), seen);
    return out;
  };
  it('has imports', () => assert.ok(code.some((b) => /from 'forum-widgets/.test(b.code))));
  for (const b of code) {
    it(where(b), () => {
      for (const m of b.code.matchAll(/import\s+(type\s+)?(?:(?:[\w$]+\s*,?\s*)?(?:\{([^}]*)\})?\s*from\s+)?'([^']+)'/g)) {
        const spec = m[3];
        // Recipes also import their framework (react, vue, @lit-labs/ssr): only ours are checked here.
        if (spec !== pkg.name && !spec.startsWith(`${pkg.name}/`)) continue;
        // Resolved as an application resolves it: Node's exports resolution (this checkout
        // references itself by its package name), then the declarations beside the module.
        let file;
        try {
          file = fileURLToPath(import.meta.resolve(spec));
        } catch (e) {
          assert.fail(`package.json exports ${spec}: ${e.code}`);
        }
        if (file.endsWith('.json')) continue;
        const types = file.replace(/\.js$/, '.d.ts');
        assert.ok(existsSync(types), types);
        const text = dts(types);
        for (const name of (m[2] ?? '').split(',').map((s) => s.trim().replace(/^type\s+/, '')).filter(Boolean)) {
          assert.match(text, new RegExp(`\\b${name}\\b`), `${spec} exports ${name}`);
        }
      }
    });
  }
});
