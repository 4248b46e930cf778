// Host pages nobody here controls: hostile CSS, a strict CSP, legacy encodings, two copies of
// the script, every script placement, elements that come, move and go, and no script at all.
// Each case is a real page from a real server, loading the built dist/forum-widgets.js.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, bundleBytes, chunkFiles, packageVersion } from './server.mjs';
import { launch, openPage, waitForState, shadowText, renderedText, noPageErrors, TAGS } from './browser.mjs';
import { sampleFeed, widgetsMarkup, expectedTexts, htmlPage, toWindows1251, textIn } from './fixtures.mjs';

let server;
let browser;
const feed = sampleFeed();
const ALL = TAGS.join(',');

before(async () => {
  bundleBytes(); // fails at once, with the reason, when the bundle is not built
  server = await startServer();
  server.bundle('/forum-widgets.js');
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** Asserts each widget shows its feed strings (and not its fallback). */
async function assertRendered(page, locale, what) {
  const want = expectedTexts(feed, locale);
  for (const tag of TAGS) {
    const text = await shadowText(page, tag);
    for (const s of want[tag]) assert.ok(text.includes(s), `${what}: <${tag}> should show ${JSON.stringify(s)}; it shows ${JSON.stringify(text.slice(0, 300))}`);
    const slotted = await page.evaluate((t) => !!document.querySelector(t).shadowRoot.querySelector('slot'), tag);
    assert.equal(slotted, false, `${what}: <${tag}> still shows its fallback`);
  }
}

// Computed styles of every element inside the widgets' shadow roots, in document order.
const SHADOW_PROPS = [
  'display', 'visibility', 'font-size', 'line-height', 'font-weight', 'font-style', 'text-transform', 'letter-spacing',
  'word-spacing', 'text-align', 'text-indent', 'white-space', 'color', 'background-color', 'opacity', 'position', 'float',
];
function shadowStyles(page) {
  return page.evaluate(
    ([tags, props]) => {
      const out = [];
      const pick = (where, cs) => out.push([where, Object.fromEntries(props.map((p) => [p, cs.getPropertyValue(p)]))]);
      for (const el of document.querySelectorAll(tags)) {
        pick(`<${el.localName}>`, getComputedStyle(el));
        for (const inner of el.shadowRoot.querySelectorAll('*')) {
          if (inner.localName === 'style') continue;
          pick(`<${el.localName}> ${inner.localName}.${[...inner.classList].join('.')}[part=${inner.getAttribute('part') ?? ''}]`, getComputedStyle(inner));
        }
      }
      return out;
    },
    [ALL, SHADOW_PROPS],
  );
}

describe('hostile CSS', () => {
  // What aggressive portals ship: a universal reset, giant inherited text settings on body,
  // their own markup hidden or restyled by element selectors. None of it may reach inside.
  const hostile = `
    *, *::before, *::after { margin: 0; padding: 0; box-sizing: content-box; }
    body { font-size: 40px; line-height: 5; text-transform: uppercase; letter-spacing: .5em; word-spacing: 1em;
      text-align: center; text-indent: 4em; white-space: pre; font-weight: 900; font-style: italic; color: #f0f;
      background: #222; }
    div { display: none; }
    p, h1, h2, h3, h4, h5, h6, a, span, ul, ol, li, figure, blockquote, figcaption, article, section, img, time, small,
    strong, em, button, cite, dl, dt, dd { display: inline; float: left; position: relative; color: #0f0; background: #000;
      font-size: 30px; line-height: 0; visibility: visible; opacity: .5; }
    img { width: 600px; height: 3px; }
    a { color: yellow; text-decoration: none; }
    .card, .notice, .status, .line, .muted, .heading, .skeleton, .name, .value, .label { display: none !important; }
  `;

  async function render(path, css) {
    const f = server.feed(`${path}/feed.json`, { body: feed });
    server.file(`${path}/page.css`, css, { 'content-type': 'text/css' });
    server.page(
      `${path}/page.html`,
      htmlPage({
        head: `<link rel="stylesheet" href="${path}/page.css"><script src="/forum-widgets.js" data-feed="${f.url}" defer></script>`,
        body: `<main><section>${widgetsMarkup(feed)}</section></main>`,
      }),
    );
    const p = await openPage(browser);
    await p.page.goto(server.url(`${path}/page.html`));
    await waitForState(p.page, ALL);
    return p;
  }

  it('the widgets keep their own text styles on a page with aggressive global styles', async () => {
    const clean = await render('/css-clean', 'body { margin: 8px; }');
    const rude = await render('/css-hostile', hostile);
    try {
      const want = await shadowStyles(clean.page);
      const got = await shadowStyles(rude.page);
      assert.ok(want.length > 8, `too few elements inside the widgets to compare (${want.length})`);
      assert.deepEqual(got.map(([w]) => w), want.map(([w]) => w), 'the same elements render on both pages');
      const diffs = [];
      for (let i = 0; i < want.length; i++) {
        for (const p of SHADOW_PROPS) if (got[i][1][p] !== want[i][1][p]) diffs.push(`${want[i][0]} ${p}: ${want[i][1][p]} -> ${got[i][1][p]}`);
      }
      assert.deepEqual(diffs, [], 'computed styles inside the widgets differ from a clean page');
      // And clean means sane: readable text size and line height, nothing hidden.
      for (const [where, s] of want) {
        if (/skeleton|visually-hidden/.test(where)) continue;
        const size = parseFloat(s['font-size']);
        assert.ok(size >= 11 && size <= 40, `${where} font-size ${s['font-size']}`);
        if (s['line-height'] !== 'normal') assert.ok(parseFloat(s['line-height']) >= size && parseFloat(s['line-height']) <= 3 * size, `${where} line-height ${s['line-height']} for ${s['font-size']}`);
      }
      for (const tag of TAGS) {
        const box = await rude.page.locator(tag).first().boundingBox();
        assert.ok(box && box.height > 10 && box.width > 100, `<${tag}> is laid out on the hostile page (${JSON.stringify(box)})`);
      }
      await assertRendered(rude.page, 'en', 'hostile page');
      noPageErrors(assert, rude.errors);
    } finally {
      await clean.close();
      await rude.close();
    }
  });

  it('universal rules with text properties (* { line-height: 3; text-transform: uppercase; ... }) do not reach inside', async () => {
    // `*` matches the widget's host element itself, and inherited values flow on into the shadow
    // tree; only what the widget sets on its own inner elements is safe from it. Font family and
    // size may follow the page; everything else must look as on a clean page.
    const universal = `* { line-height: 3; text-transform: uppercase; letter-spacing: .3em; word-spacing: 1em; color: #0c0;
      text-align: center; white-space: pre; font-style: italic; font-weight: 900; text-indent: 3em; text-shadow: 2px 2px red; }`;
    const clean = await render('/css-universal-clean', 'body { margin: 8px; }');
    const rude = await render('/css-universal', universal);
    const props = ['line-height', 'text-transform', 'letter-spacing', 'word-spacing', 'color', 'text-align', 'white-space', 'font-style', 'font-weight', 'text-indent'];
    try {
      const want = await shadowStyles(clean.page);
      const got = await shadowStyles(rude.page);
      const diffs = [];
      for (let i = 0; i < want.length; i++) {
        if (/visually-hidden/.test(want[i][0])) continue;
        for (const p of props) if (got[i]?.[1][p] !== want[i][1][p]) diffs.push(`${want[i][0]} ${p}: ${want[i][1][p]} -> ${got[i]?.[1][p]}`);
      }
      // The hosts themselves are the page's to style; what renders inside must not change.
      const inner = diffs.filter((d) => /\[part=/.test(d));
      assert.deepEqual(inner.slice(0, 12), [], `text styles inside the widgets changed (${inner.length} differences in all)`);
    } finally {
      await clean.close();
      await rude.close();
    }
  });

  it('the page root font size (html { font-size: 62.5% }) does not shrink the widgets', async () => {
    // A common rem trick on portals: body text is then set in rem by the page itself.
    const clean = await render('/css-root-clean', 'body { font-size: 16px; }');
    const rude = await render('/css-root', 'html { font-size: 62.5%; } body { font-size: 1.6rem; }');
    try {
      const want = await shadowStyles(clean.page);
      const got = await shadowStyles(rude.page);
      const diffs = [];
      for (let i = 0; i < want.length; i++) {
        for (const p of ['font-size', 'line-height']) if (got[i]?.[1][p] !== want[i][1][p]) diffs.push(`${want[i][0]} ${p}: ${want[i][1][p]} -> ${got[i]?.[1][p]}`);
      }
      // Shown by host (the first lines say it all; every inner element follows its host).
      assert.deepEqual(diffs.filter((d) => /^<[\w-]+> (font-size|line-height)/.test(d)), [], `widget text size follows the page root font size (${diffs.length} differences in all)`);
      assert.deepEqual(diffs, [], 'inner elements');
    } finally {
      await clean.close();
      await rude.close();
    }
  });

  it("the widgets' styles leak nothing onto the page", async () => {
    // Page elements named like the widgets' own classes and parts, plus plain elements.
    const probes = `<div id="probes">
      <h2 class="heading">Heading</h2><h3 part="heading">h3</h3><p class="notice">notice</p><p class="muted">muted</p>
      <div class="card skeleton line">card</div><span class="status live">status</span><span class="visually-hidden">vh</span>
      <article part="base">article</article><figure><blockquote>q</blockquote><figcaption>c</figcaption></figure>
      <ul><li part="person">li</li></ul><a href="#x">link</a><button>b</button><img alt="i" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
      <time>t</time><strong>s</strong><small class="value label name">v</small></div>`;
    const css = 'body { font: 15px/1.3 serif; color: #123; } .notice { color: #345; } a { color: #567; }';
    const f = server.feed('/leak/feed.json', { body: feed });
    server.file('/leak/page.css', css, { 'content-type': 'text/css' });
    const page = (script) =>
      htmlPage({
        head: `<link rel="stylesheet" href="/leak/page.css">${script}`,
        body: `${probes}${widgetsMarkup(feed)}`,
      });
    server.page('/leak/without.html', page(''));
    server.page('/leak/with.html', page(`<script src="/forum-widgets.js" data-feed="${f.url}" defer></script>`));
    const snapshot = (pg) =>
      pg.evaluate(() => {
        const skip = new Set(['width', 'height', 'inline-size', 'block-size', 'transform-origin', 'perspective-origin']);
        const out = {};
        const els = [document.documentElement, document.body, ...document.querySelectorAll('#probes, #probes *')];
        els.forEach((el, i) => {
          const cs = getComputedStyle(el);
          const o = {};
          for (let k = 0; k < cs.length; k++) if (!skip.has(cs[k])) o[cs[k]] = cs.getPropertyValue(cs[k]);
          out[`${i}:${el.localName}.${el.className}`] = o;
        });
        return {
          styles: out,
          sheets: document.styleSheets.length,
          adopted: document.adoptedStyleSheets.length,
          styleElements: document.querySelectorAll('style, link[rel=stylesheet]').length,
        };
      });
    const a = await openPage(browser);
    const b = await openPage(browser);
    try {
      await a.page.goto(server.url('/leak/without.html'));
      await b.page.goto(server.url('/leak/with.html'));
      await waitForState(b.page, ALL);
      const before = await snapshot(a.page);
      const afterW = await snapshot(b.page);
      assert.equal(afterW.sheets, before.sheets, 'document.styleSheets');
      assert.equal(afterW.adopted, before.adopted, 'document.adoptedStyleSheets');
      assert.equal(afterW.styleElements, before.styleElements, '<style>/<link> elements in the document');
      const diffs = [];
      for (const [el, props] of Object.entries(before.styles)) {
        for (const [p, v] of Object.entries(props)) if (afterW.styles[el]?.[p] !== v) diffs.push(`${el} ${p}: ${v} -> ${afterW.styles[el]?.[p]}`);
      }
      assert.ok(Object.keys(before.styles).length > 20, 'probes present');
      assert.deepEqual(diffs, [], 'page elements styled differently once the widgets load');
      noPageErrors(assert, b.errors);
    } finally {
      await a.close();
      await b.close();
    }
  });
});

describe('strict CSP', () => {
  const ISSUE_CSP =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' https: data:; connect-src 'self'; " +
    "require-trusted-types-for 'script'; trusted-types lit-html forum-widgets";

  // Registered by an external same-origin script before the bundle: allowed by script-src 'self'.
  const probe = `window.__violations = [];
    document.addEventListener('securitypolicyviolation', function (e) {
      window.__violations.push(e.violatedDirective + ' ' + e.effectiveDirective + ' ' + e.blockedURI + ' ' + (e.sample || ''));
    });`;

  async function cspPage(path, csp, extraBody = '', withBundle = true) {
    const f = server.feed(`${path}/feed.json`, { body: feed });
    server.file(`${path}/probe.js`, probe, { 'content-type': 'text/javascript' });
    server.page(
      `${path}/page.html`,
      htmlPage({
        head: `<script src="${path}/probe.js"></script>${withBundle ? `<script src="/forum-widgets.js" data-feed="${f.url}" defer></script>` : ''}`,
        body: widgetsMarkup(feed) + extraBody,
      }),
      { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': csp },
    );
    const p = await openPage(browser);
    await p.page.goto(server.url(`${path}/page.html`));
    return p;
  }

  const violations = (p) => p.page.evaluate(() => window.__violations);
  const cspConsole = (p) => p.console.filter((m) => /Content Security Policy|Trusted Type/i.test(m.text)).map((m) => m.text);

  it('the probe sees a violation (control: an inline style attribute on a page without the bundle)', async () => {
    const p = await cspPage('/csp-control', ISSUE_CSP, '<p style="color: red">inline style</p>', false);
    try {
      await p.page.waitForFunction(() => window.__violations.length > 0, null, { timeout: 5000 });
      assert.match((await violations(p)).join('\n'), /style-src/);
    } finally {
      await p.close();
    }
  });

  it("renders under the issue's CSP sent as a header, with no violation", async () => {
    const p = await cspPage('/csp', ISSUE_CSP);
    try {
      await waitForState(p.page, ALL);
      await assertRendered(p.page, 'en', 'strict CSP');
      // Let anything queued (styles, images, late policies) happen before judging.
      await p.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 100))));
      assert.deepEqual(await violations(p), [], 'securitypolicyviolation events');
      assert.deepEqual(cspConsole(p), [], 'CSP / Trusted Types console messages');
      noPageErrors(assert, p.errors);
    } finally {
      await p.close();
    }
  });

  it('two copies under the strict CSP: the second copy creates no second Trusted Types policy', async () => {
    const other = '9.8.7-csp';
    const src = bundleBytes().toString('latin1');
    server.bundle('/csp-two/v2/forum-widgets.js', Buffer.from(src, 'latin1'), undefined, (text) => text.split(packageVersion).join(other));
    const f = server.feed('/csp-two/feed.json', { body: feed });
    server.file('/csp-two/probe.js', probe, { 'content-type': 'text/javascript' });
    server.page(
      '/csp-two/page.html',
      htmlPage({
        head: `<script src="/csp-two/probe.js"></script><script src="/forum-widgets.js" data-feed="${f.url}" defer></script><script src="/csp-two/v2/forum-widgets.js" data-feed="${f.url}" defer></script>`,
        body: widgetsMarkup(feed),
      }),
      { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': ISSUE_CSP },
    );
    const p = await openPage(browser);
    try {
      await p.page.goto(server.url('/csp-two/page.html'));
      await waitForState(p.page, ALL);
      await assertRendered(p.page, 'en', 'two copies, strict CSP');
      await p.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 100))));
      assert.deepEqual(await violations(p), [], 'securitypolicyviolation events');
      assert.deepEqual(cspConsole(p), [], 'CSP / Trusted Types console messages');
      assert.equal(p.warnings().filter((w) => w.includes(other)).length, 1, 'one warning naming the second copy');
      noPageErrors(assert, p.errors);
    } finally {
      await p.close();
    }
  });

  it("renders under the smallest CSP the docs give (no style-src, no img-src, only lit-html's and the chunks' policies)", async () => {
    // Measured: what the widgets themselves need, for a feed without photos or logos.
    const minimal = "default-src 'none'; script-src 'self'; connect-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html forum-widgets";
    const p = await cspPage('/csp-min', minimal);
    try {
      await waitForState(p.page, ALL);
      await assertRendered(p.page, 'en', 'minimal CSP');
      await p.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 100))));
      assert.deepEqual(await violations(p), [], 'securitypolicyviolation events');
      assert.deepEqual(cspConsole(p), [], 'CSP / Trusted Types console messages');
      noPageErrors(assert, p.errors);
    } finally {
      await p.close();
    }
  });
});

describe('legacy encoding', () => {
  it('the bundle, its core and every chunk, is pure ASCII', () => {
    const files = [['forum-widgets.js', bundleBytes()], ...chunkFiles()];
    assert.ok(files.length > 5, `the core and its chunks: ${files.map(([f]) => f)}`);
    for (const [file, bytes] of files) {
      const at = bytes.findIndex((b) => b > 0x7f);
      assert.equal(at, -1, `${file}: non-ASCII byte at offset ${at}: ${bytes.subarray(Math.max(0, at - 40), at + 10).toString('latin1')}`);
    }
  });

  // Widget text on a windows-1251 page (charset in the header, or in a meta tag) and on a
  // page that declares no charset, compared with the same page in UTF-8. The bundle is served
  // without a charset, so the browser decodes it with the page's encoding.
  const variants = [
    { name: 'windows-1251 in the Content-Type header', header: 'text/html; charset=windows-1251', meta: '', encode: toWindows1251 },
    { name: 'windows-1251 in a meta tag', header: 'text/html', meta: '<meta charset="windows-1251">', encode: toWindows1251 },
    { name: 'no charset at all (ASCII page)', header: 'text/html', meta: '', encode: (s) => Buffer.from(s, 'latin1'), ascii: true },
  ];
  for (const locale of ['ru', 'zh-Hans']) {
    it(`Cyrillic and Chinese come out right (page lang ${locale})`, async () => {
      const f = server.feed(`/enc-${locale}/feed.json`, { body: feed });
      const fallback = locale === 'ru' ? 'Индустриальные парки — программа сессии' : 'Industrial parks';
      const body = (ascii) =>
        `<forum-session-card session="${feed.sessions[0].id}"><a href="https://forum.example/">${ascii ? 'Industrial parks' : fallback}</a></forum-session-card>
        <speaker-quote quote="${feed.quotes[0].id}"></speaker-quote><organizer-strip></organizer-strip><partner-counter></partner-counter>
        <p id="own">${ascii ? 'page text' : fallback}</p>`;
      const script = `<script src="/forum-widgets.js" data-feed="${f.url}" defer></script>`;
      server.page(`/enc-${locale}/utf8.html`, htmlPage({ lang: locale, head: script, body: body(false) }));
      const texts = {};
      const p = await openPage(browser, { reducedMotion: 'reduce' });
      try {
        await p.page.goto(server.url(`/enc-${locale}/utf8.html`));
        await waitForState(p.page, ALL);
        await assertRendered(p.page, locale, `UTF-8 page, ${locale}`);
        for (const tag of TAGS) texts[tag] = await renderedText(p.page, tag);
        assert.match(Object.values(texts).join(' '), locale === 'ru' ? /[А-Яа-яЁё]{4}/ : /[\u4e00-\u9fff]{2}/, 'the baseline shows the script');
        noPageErrors(assert, p.errors);
      } finally {
        await p.close();
      }
      for (const v of variants) {
        const path = `/enc-${locale}/${v.name.replace(/\W+/g, '-')}.html`;
        server.page(path, v.encode(htmlPage({ lang: locale, meta: v.meta, head: script, body: body(!!v.ascii) })), { 'content-type': v.header });
        const q = await openPage(browser, { reducedMotion: 'reduce' });
        try {
          await q.page.goto(server.url(path));
          await waitForState(q.page, ALL);
          const charset = await q.page.evaluate(() => document.characterSet);
          if (!v.ascii) assert.equal(charset, 'windows-1251', `${v.name}: the page really is windows-1251`);
          if (!v.ascii) assert.equal(await q.page.locator('#own').textContent(), fallback, `${v.name}: the page's own Cyrillic (control)`);
          for (const tag of TAGS) {
            const got = await renderedText(q.page, tag);
            const want = v.ascii ? texts[tag].replace(fallback, 'Industrial parks') : texts[tag];
            assert.equal(got, want, `${v.name} (${charset}): <${tag}> text differs from the UTF-8 page`);
            assert.doesNotMatch(got, /\uFFFD|Ð|Ñ|Ã|â€/, `${v.name}: <${tag}> shows mojibake`);
          }
          noPageErrors(assert, q.errors, v.name);
        } finally {
          await q.close();
        }
      }
    });
  }
});

describe('two copies of the script', () => {
  it('a second copy (another version) does not throw, warns once naming both versions, and the widgets work', async () => {
    const other = '9.8.7-second';
    const src = bundleBytes().toString('latin1');
    const copies = src.split(packageVersion).length - 1;
    assert.ok(copies >= 2, `the bundle names its version ${packageVersion} (found ${copies} times)`);
    // A second CDN folder: the core and its chunks, all of the other version.
    server.bundle('/v2/forum-widgets.js', Buffer.from(src, 'latin1'), undefined, (text) => text.split(packageVersion).join(other));
    const f = server.feed('/two/feed.json', { body: feed });
    const orders = [
      ['first', `<script src="/forum-widgets.js" data-feed="${f.url}" defer></script><script src="/v2/forum-widgets.js" data-feed="${f.url}" defer></script>`, '', packageVersion],
      // The CMS block with the other version comes after the widgets, in the body, synchronously.
      ['later in the body', `<script src="/v2/forum-widgets.js" data-feed="${f.url}"></script>`, `<script src="/forum-widgets.js" data-feed="${f.url}"></script>`, other],
    ];
    for (const [name, head, tail, kept] of orders) {
      server.page(`/two/${name.replace(/\W+/g, '-')}.html`, htmlPage({ head, body: widgetsMarkup(feed) + tail }));
      const p = await openPage(browser);
      try {
        await p.page.goto(server.url(`/two/${name.replace(/\W+/g, '-')}.html`));
        await waitForState(p.page, ALL);
        await assertRendered(p.page, 'en', `two copies (${name})`);
        const version = await p.page.evaluate(() => customElements.get('forum-session-card').version);
        assert.equal(version, kept, `${name}: the first definition stays`);
        const named = p.warnings().filter((w) => w.includes(packageVersion) || w.includes(other));
        assert.equal(named.length, 1, `${name}: exactly one warning naming a version, got ${JSON.stringify(named)}`);
        assert.ok(named[0].includes(packageVersion) && named[0].includes(other), `${name}: the warning names both versions: ${named[0]}`);
        noPageErrors(assert, p.errors, name);
      } finally {
        await p.close();
      }
    }
  });
});

describe('script placement and element lifecycle on the page', () => {
  const placements = {
    'before the elements (in head, blocking)': (s) => ({ head: s(''), tail: '' }),
    'after the elements (end of body)': (s) => ({ head: '', tail: s('') }),
    'defer in head': (s) => ({ head: s(' defer'), tail: '' }),
    'async in head': (s) => ({ head: s(' async'), tail: '' }),
  };
  for (const [name, place] of Object.entries(placements)) {
    it(`script ${name}: all four render from one request`, async () => {
      const slug = name.replace(/\W+/g, '-');
      const f = server.feed(`/place/${slug}.json`, { body: feed });
      const { head, tail } = place((extra) => `<script src="/forum-widgets.js?${slug}" data-feed="${f.url}"${extra}></script>`);
      server.page(`/place/${slug}.html`, htmlPage({ head, body: widgetsMarkup(feed) + tail }));
      const p = await openPage(browser);
      try {
        await p.page.goto(server.url(`/place/${slug}.html`));
        await waitForState(p.page, ALL);
        await assertRendered(p.page, 'en', name);
        assert.equal(f.count, 1, 'feed requests');
        noPageErrors(assert, p.errors);
      } finally {
        await p.close();
      }
    });
  }

  it("elements added later by the page's own script render", async () => {
    const f = server.feed('/later/feed.json', { body: feed });
    server.file(
      '/later/add.js',
      // After the bundle ran (not on whenDefined: a tag is defined only once the page holds it).
      `addEventListener('load', function () {
         setTimeout(function () {
           document.getElementById('slot1').innerHTML = ${JSON.stringify(widgetsMarkup(feed))};
           var el = document.createElement('forum-session-card');
           el.setAttribute('session', ${JSON.stringify(feed.sessions[0].id)});
           el.id = 'made';
           document.getElementById('slot2').append(el);
         }, 50);
       });`,
      { 'content-type': 'text/javascript' },
    );
    server.page(
      '/later/page.html',
      htmlPage({
        head: `<script src="/forum-widgets.js" data-feed="${f.url}" defer></script><script src="/later/add.js" defer></script>`,
        body: '<div id="slot1"></div><div id="slot2"></div>',
      }),
    );
    const p = await openPage(browser);
    try {
      await p.page.goto(server.url('/later/page.html'));
      await p.page.waitForFunction(() => document.querySelectorAll('forum-session-card').length === 2);
      await waitForState(p.page, ALL);
      await assertRendered(p.page, 'en', 'added later');
      assert.ok((await shadowText(p.page, '#made')).includes(textIn(feed.sessions[0].title, 'en')));
      assert.equal(f.count, 1, 'feed requests');
      noPageErrors(assert, p.errors);
    } finally {
      await p.close();
    }
  });

  it('elements moved and removed keep working and leave no errors', async () => {
    const f = server.feed('/move/feed.json', { body: feed });
    server.page(
      '/move/page.html',
      htmlPage({
        head: `<script src="/forum-widgets.js" data-feed="${f.url}" defer></script>`,
        body: `<div id="a">${widgetsMarkup(feed)}</div><div id="b"></div>`,
      }),
    );
    const p = await openPage(browser);
    try {
      await p.page.goto(server.url('/move/page.html'));
      await waitForState(p.page, ALL);
      // Move every widget to another container, then through a detached fragment and back.
      await p.page.evaluate(() => {
        const b = document.getElementById('b');
        for (const el of [...document.getElementById('a').children]) b.append(el);
        const frag = document.createDocumentFragment();
        frag.append(...b.children);
        document.getElementById('a').append(frag);
      });
      await waitForState(p.page, '#a > *');
      await assertRendered(p.page, 'en', 'after moving');
      // Remove one, put it back: it renders again.
      await p.page.evaluate(() => {
        const el = document.querySelector('speaker-quote');
        el.remove();
        window.__kept = el;
      });
      await p.page.evaluate(() => document.getElementById('b').append(window.__kept));
      await waitForState(p.page, ALL);
      await assertRendered(p.page, 'en', 'after re-adding');
      // Remove them all: nothing throws.
      await p.page.evaluate(() => document.querySelectorAll('forum-session-card, speaker-quote, organizer-strip, partner-counter').forEach((e) => e.remove()));
      await p.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))));
      assert.ok(f.count >= 1 && f.count <= 2, `feed requests: ${f.count}`);
      noPageErrors(assert, p.errors);
    } finally {
      await p.close();
    }
  });
});

describe('the embed contract (issue 3)', () => {
  const other = sampleFeed();
  other.sessions[0].title = { ru: 'Другой фид', en: 'Other feed', 'zh-Hans': '另一个源' };
  const prop = sampleFeed();
  prop.sessions[0].title = { ru: 'Свойство', en: 'Property feed', 'zh-Hans': '属性源' };
  const id = feed.sessions[0].id;

  it('feed: element src, else a page-relative data-feed; the feed property wins; data-locale beats <html lang>', async () => {
    const f = server.feed('/embed/feed.json', { body: feed });
    const o = server.feed('/embed/other.json', { body: other });
    server.page(
      '/embed/page.html',
      htmlPage({
        lang: 'ru',
        head: '<script src="/forum-widgets.js" data-feed="feed.json" data-locale="zh-Hans" defer></script>',
        body: `<forum-session-card id="a" session="${id}"></forum-session-card>
          <forum-session-card id="b" session="${id}" src="/embed/other.json"></forum-session-card>
          <forum-session-card id="c" session="${id}" src="/embed/other.json"></forum-session-card>`,
      }),
    );
    const p = await openPage(browser);
    try {
      await p.page.goto(server.url('/embed/page.html'));
      await p.page.evaluate((json) => customElements.whenDefined('forum-session-card').then(() => (document.getElementById('c').feed = JSON.parse(json))), JSON.stringify(prop));
      await waitForState(p.page, 'forum-session-card');
      assert.ok((await shadowText(p.page, '#a')).includes(textIn(feed.sessions[0].title, 'zh-Hans')), 'data-feed, in data-locale');
      assert.ok((await shadowText(p.page, '#b')).includes('另一个源'), 'src beats data-feed');
      assert.ok((await shadowText(p.page, '#c')).includes('属性源'), 'the feed property beats src');
      assert.equal(f.count, 1);
      assert.ok(o.count <= 1, `other.json requests: ${o.count}`);
      noPageErrors(assert, p.errors);
    } finally {
      await p.close();
    }
  });

  it('without data-locale the UI follows <html lang> live (zh-CN maps to zh-Hans, anything else to en)', async () => {
    const f = server.feed('/embed-lang/feed.json', { body: feed });
    server.page(
      '/embed-lang/page.html',
      htmlPage({ lang: 'ru', head: `<script src="/forum-widgets.js" data-feed="${f.url}" defer></script>`, body: `<forum-session-card session="${id}"></forum-session-card>` }),
    );
    const p = await openPage(browser);
    try {
      await p.page.goto(server.url('/embed-lang/page.html'));
      await waitForState(p.page, 'forum-session-card');
      const title = feed.sessions[0].title;
      for (const [lang, want] of [['ru', title.ru], ['en', title.en], ['zh-CN', title['zh-Hans']], ['de', title.en], ['ru-RU', title.ru]]) {
        await p.page.evaluate((l) => (document.documentElement.lang = l), lang);
        await p.page
          .waitForFunction((w) => document.querySelector('forum-session-card').shadowRoot.textContent.includes(w), want, { timeout: 5000 })
          .catch(async () => assert.fail(`<html lang=${lang}>: expected ${JSON.stringify(want)}, shows ${JSON.stringify((await shadowText(p.page, 'forum-session-card')).slice(0, 200))}`));
      }
      noPageErrors(assert, p.errors);
    } finally {
      await p.close();
    }
  });
});

describe('no script at all', () => {
  it('a CMS that strips the script still shows readable fallback children', async () => {
    server.page('/noscript/page.html', htmlPage({ lang: 'ru', body: widgetsMarkup(feed).replace('Session page (fallback)', 'Индустриальные парки — программа сессии') }));
    const p = await openPage(browser);
    try {
      await p.page.goto(server.url('/noscript/page.html'));
      assert.equal(await p.page.evaluate(() => !!customElements.get('forum-session-card')), false);
      const link = p.page.locator('forum-session-card a');
      assert.equal(await link.textContent(), 'Индустриальные парки — программа сессии');
      assert.equal(await link.getAttribute('href'), `https://forum.example/${feed.sessions[0].id}`);
      assert.ok(await link.isVisible(), 'the fallback link is visible');
      const text = await p.page.evaluate(() => document.body.innerText);
      for (const s of ['Индустриальные парки', 'Quote fallback', 'Organisers fallback', 'Counters fallback']) assert.ok(text.includes(s), `readable: ${s}`);
      noPageErrors(assert, p.errors);
    } finally {
      await p.close();
    }
  });
});
