// The build's rewrites of the sources (scripts/minify-templates.mjs, scripts/short-msg-ids.mjs):
// what they change, and what they must leave alone.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { minifyHtml, minifyTemplates } from '../../scripts/minify-templates.mjs';
import { msgIdTable, shortenMsgIds, unidentifiedMsgCalls } from '../../scripts/short-msg-ids.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('minifyTemplates', () => {
  it('drops indentation next to block-level tags and at the template edges', () => {
    const out = minifyTemplates('html`\n  <article>\n    <p>a</p>\n    <p>b</p>\n  </article>\n`');
    assert.equal(out, 'html`<article><p>a</p><p>b</p></article>`');
  });

  it('keeps a line break between inline content as one space, and same-line spaces as written', () => {
    assert.equal(minifyHtml('<p><span>a</span>\n   <span>b</span>  <b>c</b></p>'), '<p><span>a</span> <span>b</span>  <b>c</b></p>');
    // Between two bindings (HOLE characters) it cannot know what renders: one space.
    assert.equal(minifyHtml('<p>\u0000\n  \u0000</p>'), '<p>\u0000 \u0000</p>');
  });

  it('keeps one space between attributes split over lines', () => {
    assert.equal(minifyTemplates('html`<img\n    src=${a}\n    alt="">`'), 'html`<img src=${a} alt="">`');
  });

  it('rewrites templates nested in ${…} and leaves expressions, strings and untagged templates alone', () => {
    const src = "const x = `keep\n   me`; html`<div>\n  ${c ? html`<p>\n  ${'a\\n  b'}\n</p>` : `raw\n  t`}\n</div>`";
    assert.equal(minifyTemplates(src), "const x = `keep\n   me`; html`<div>${c ? html`<p>${'a\\n  b'}</p>` : `raw\n  t`}</div>`");
  });

  it('leaves <pre> and <textarea> templates as written', () => {
    assert.equal(minifyTemplates('html`<pre>\n  a\n</pre>`'), undefined);
  });

  it('minifies css`` without touching ${…}', () => {
    assert.equal(minifyTemplates('css`\n  :host {\n    color: red; /* why */\n  }\n  ${x}\n`'), 'css`:host{color:red}${x}`');
  });

  it('with unsafeCSS, turns a css`` without ${…} into unsafeCSS(`…`) imported once, nested ones too, and leaves comments and interpolating ones alone', () => {
    const only = { html: true, css: true, unsafeCSS: true };
    const out = minifyTemplates("import { css, html } from 'lit';\n// the build rewrites css`` templates\nconst a = css`\n  :host { color: red }\n`;\nconst b = html`<p>${css`b{}`}</p>`;", only);
    assert.equal(
      out,
      "import { unsafeCSS as __fwUnsafeCSS } from 'lit';\nimport { css, html } from 'lit';\n// the build rewrites css`` templates\nconst a = __fwUnsafeCSS(`:host{color:red}`);\nconst b = html`<p>${__fwUnsafeCSS(`b{}`)}</p>`;",
    );
    assert.equal(minifyTemplates('css`a{}${x}`', only), undefined);
    // An interpolation after an escaped backslash is still one (the css tag must keep checking it),
    // and `x.css` / `$css` are not Lit's tag.
    assert.equal(minifyTemplates('css`.x{content:"\\\\${evil}"}`', only), undefined);
    assert.equal(minifyTemplates('x.css`a{}`; $css`b{}`', { ...only, css: false }), undefined);
    // The same CSS text either way (the escapes CSS needs survive as written).
    const text = "figure{quotes:'\\\\201c' '\\\\201d'}";
    assert.equal(minifyTemplates(`css\`${text}\``, only), `import { unsafeCSS as __fwUnsafeCSS } from 'lit';\n__fwUnsafeCSS(\`${text}\`)`);
  });

  it('every element source still parses after the rewrite (same exports, valid JS)', async () => {
    for (const f of ['src/session-card/session-card.ts', 'src/base/feed-element.ts', 'src/speaker-quote/speaker-quote.ts']) {
      const code = readFileSync(`${root}/${f}`, 'utf8');
      const out = minifyTemplates(code) ?? code;
      // Every line outside templates survives: the import block is unchanged.
      assert.equal(out.split('\n').filter((l) => l.startsWith('import ')).join('\n'), code.split('\n').filter((l) => l.startsWith('import ')).join('\n'), f);
      assert.ok(out.length <= code.length, f);
    }
  });
});

describe('short msg() ids', () => {
  const table = msgIdTable(`${root}/src`);
  const dir = `${root}/src/i18n/generated/strings`;
  const modules = readdirSync(dir).filter((f) => f.endsWith('.ts'));
  const keys = (f) => [...readFileSync(`${dir}/${f}`, 'utf8').matchAll(/'(s[0-9a-f]{16})'/g)].map((m) => m[1]);

  it('finds every translated message in src/ (each locale key has its msg() call)', () => {
    assert.ok(modules.length >= 6, modules.join());
    for (const f of modules) {
      const missing = keys(f).filter((k) => !table.has(k));
      assert.deepEqual(missing, [], `${f}: messages the rewrite would leave on hash ids`);
    }
    assert.ok(table.size >= 30);
  });

  it('gives a call and its translation the same short id', () => {
    const [hash, short] = [...table].find(([h]) => keys('speaker-quote.ts').includes(h));
    const ru = shortenMsgIds(readFileSync(`${dir}/speaker-quote.ts`, 'utf8'), table);
    assert.ok(ru.includes(`'${short}':`) && !ru.includes(hash));
    const call = shortenMsgIds("msg('Forum content is unavailable right now.')", table);
    assert.match(call, /^msg\('Forum content is unavailable right now\.',\{id:'[0-9a-z]+'\}\)$/);
    assert.equal(shortenMsgIds("msg('A string no source has')", table), undefined);
  });

  it('finds the msg() calls left without a short id (the embed build fails on them: its lit-localize cannot hash)', () => {
    const code = "msg('a (b)',{id:'3'}) + msg(str`x ${y}`, { id: 'a1' }) + msg(text) + msg('new') // msg() in a comment";
    assert.deepEqual(unidentifiedMsgCalls(code).map((c) => c.split(' ')[0]), ['msg(text)', "msg('new')"]);
    for (const f of ['src/session-card/session-card.ts', 'src/programme/programme.ts']) {
      assert.deepEqual(unidentifiedMsgCalls(shortenMsgIds(readFileSync(`${root}/${f}`, 'utf8'), table)), [], f);
    }
  });
});
