// Real WYSIWYG editors from npm over the configurator's markup-form snippet: TinyMCE and
// CKEditor 5 with their default configurations, and DOMPurify's default sanitize, in Chromium.
// The configurator's Copy button puts the snippet on the clipboard; its text/html, as Chromium
// hands it back, reaches each editor as a real paste (a ClipboardEvent whose DataTransfer carries
// it, what the editor's own paste pipeline reads), the editor's saved HTML (getContent,
// getData) goes into a page whose template has the configurator's script tag, and every widget
// renders. What each editor keeps differs: TinyMCE and DOMPurify keep the block's div and data-*,
// CKEditor 5 keeps only links and paragraphs, so there the fallback link's fragment carries the
// widget; the test checks which carrier each one used, and a control without the fragment shows
// CKEditor's output is then nothing but a link.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { useHarness, openPage, settled, shadowTexts, blankPage, ROOT } from '../configurator/helpers.mjs';
import { vendor } from './cms.mjs';

let server;
let browser;
useHarness((s, b) => ([server, browser] = [s, b]));

const WIDGETS = {
  'forum-session-card': 'widget=forum-session-card&session=industrial-parks&compact=1',
  'speaker-quote': 'widget=speaker-quote&person=ruslan-zalivatsky',
  'organizer-strip': 'widget=organizer-strip&roles=organizer%20support',
  'partner-counter': 'widget=partner-counter&counters=thematic-platforms%20applications',
  'forum-programme': 'widget=forum-programme&mode=all',
};

const TYPES = { js: 'text/javascript; charset=utf-8', css: 'text/css; charset=utf-8', woff: 'font/woff', woff2: 'font/woff2', svg: 'image/svg+xml' };

/** Serves every file TinyMCE loads by itself (theme, model, icons, skins) under /vendor/tinymce/. */
function serveTinymce() {
  const dir = fileURLToPath(new URL('node_modules/tinymce/', ROOT));
  const walk = (rel) => {
    for (const name of readdirSync(join(dir, rel))) {
      const r = rel ? `${rel}/${name}` : name;
      if (r === 'plugins') continue; // the default configuration loads none
      if (statSync(join(dir, r)).isDirectory()) walk(r);
      else if (TYPES[name.split('.').pop()]) server.add(`/vendor/tinymce/${r}`, readFileSync(join(dir, r)), { type: TYPES[name.split('.').pop()] });
    }
  };
  walk('');
}

// An editing page each, as a CMS's admin screen would load it; `window.saved()` returns what the
// CMS would store. Default configurations: TinyMCE with no options but where its files are and
// the GPL licence key (required since 7); CKEditor 5's classic editor with the plugins its former
// default build (@ckeditor/ckeditor5-build-classic) bundled, less the cloud-upload ones that need
// a service (CKFinder, CKBox, EasyImage, CloudServices), and the GPL licence key.
const EDITORS = {
  tinymce: () =>
    blankPage(
      `<textarea id="ed"></textarea>\n<script>
tinymce.init({ selector: '#ed', license_key: 'gpl' }).then(([ed]) => {
  window.target = () => (ed.focus(), ed.getBody());
  window.saved = () => ed.getContent();
  window.ready = true;
});
</script>`,
      `\n<script src="${server.url('/vendor/tinymce/tinymce.min.js')}"></script>`,
    ),
  ckeditor5: () =>
    blankPage(
      `<div id="ed"></div>\n<script>
const C = CKEDITOR;
C.ClassicEditor.create(document.getElementById('ed'), {
  licenseKey: 'GPL',
  plugins: [C.Essentials, C.Autoformat, C.Bold, C.Italic, C.BlockQuote, C.Heading, C.Image, C.ImageCaption, C.ImageStyle,
    C.ImageToolbar, C.Indent, C.Link, C.List, C.MediaEmbed, C.Paragraph, C.PasteFromOffice, C.Table, C.TableToolbar, C.TextTransformation],
  toolbar: ['heading', '|', 'bold', 'italic', 'link', 'bulletedList', 'numberedList', 'blockQuote', 'insertTable', 'mediaEmbed', 'undo', 'redo'],
}).then((ed) => {
  window.target = () => (ed.editing.view.focus(), ed.ui.getEditableElement());
  window.saved = () => ed.getData();
  window.ready = true;
});
</script>`,
      `\n<link rel="stylesheet" href="${vendor(server, 'ckeditor5/dist/browser/ckeditor5.css', 'text/css')}">\n<script src="${vendor(server, 'ckeditor5/dist/browser/ckeditor5.umd.js')}"></script>`,
    ),
};

/** The configurator's snippet for `query`: as shown, as its Copy button puts it on the clipboard (text/html), and its template part. */
async function copied(query) {
  const p = await openPage(browser, { permissions: ['clipboard-read', 'clipboard-write'] });
  try {
    await p.page.goto(server.url(`/demo/?${query}`));
    await p.page.waitForSelector('body[data-ready="true"]', { state: 'attached' });
    await p.page.waitForSelector('body[data-reserve="ready"]', { state: 'attached', timeout: 30_000 });
    await p.page.click('#copy');
    await p.page.waitForFunction(() => document.getElementById('copy-status').textContent !== '');
    const clip = await p.page.evaluate(async () => {
      const [item] = await navigator.clipboard.read();
      const read = async (t) => (item.types.includes(t) ? (await item.getType(t)).text() : null);
      return { html: await read('text/html'), plain: await read('text/plain') };
    });
    assert.deepEqual(p.errors, []);
    const css = await p.page.textContent('#snippet-css');
    return { snippet: await p.page.textContent('#snippet'), template: await p.page.textContent('#snippet-template'), css, ...clip };
  } finally {
    await p.close();
  }
}

/** Pastes `html` into the editor page at `path` as the browser would, and returns the editor's saved HTML. */
async function throughEditor(name, html) {
  const path = `/editors/${name}.html`;
  server.add(path, EDITORS[name]());
  const p = await openPage(browser);
  try {
    await p.page.goto(server.url(path));
    await p.page.waitForFunction(() => window.ready === true, null, { timeout: 30_000 });
    await p.page.evaluate((html) => {
      const target = window.target();
      const win = target.ownerDocument.defaultView; // TinyMCE edits inside an iframe
      const data = new win.DataTransfer();
      data.setData('text/html', html);
      data.setData('text/plain', target.ownerDocument.createRange().createContextualFragment(html).textContent);
      target.dispatchEvent(new win.ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, html);
    await p.page.waitForFunction(() => /<a /.test(window.saved()), null, { timeout: 10_000 });
    const saved = await p.page.evaluate(() => window.saved());
    assert.deepEqual(p.errors, [], `${name}: page errors`);
    return saved;
  } finally {
    await p.close();
  }
}

/** DOMPurify.sanitize(html) with its defaults, in Chromium (it needs a DOM). */
async function purified(html) {
  server.add('/editors/purify.html', blankPage('', `\n<script src="${vendor(server, 'dompurify/dist/purify.min.js')}"></script>`));
  const p = await openPage(browser);
  try {
    await p.page.goto(server.url('/editors/purify.html'));
    return await p.page.evaluate((h) => window.DOMPurify.sanitize(h), html);
  } finally {
    await p.close();
  }
}

/**
 * `stored` in a page whose template has `template` and whose stylesheet has the configurator's
 * rule `css`: each widget's state, carrier, text, box heights (before the script runs and once
 * ready) and errors.
 */
async function rendered(key, stored, template, css) {
  const path = `/editors/page-${key}.html`;
  server.add(path, blankPage(`<article>\n<h1>Новости</h1>\n<p>Текст статьи.</p>\n${stored}\n<p>Ещё текст.</p>\n</article>`, `\n${template}\n<style>${css}</style>`));
  const p = await openPage(browser);
  try {
    // The script held back a moment: the box the reader first sees is the link's (or the block's).
    await p.page.route('**/forum-widgets.js', (r) => new Promise((res) => setTimeout(res, 300)).then(() => r.continue()));
    await p.page.goto(server.url(path), { waitUntil: 'commit' });
    await p.page.waitForSelector('article > :nth-child(4)', { state: 'attached' });
    const first = await p.page.$eval('article > :nth-child(3)', (e) => e.getBoundingClientRect().height);
    const states = await settled(p.page);
    const texts = await shadowTexts(p.page);
    const boxes = await p.page.evaluate(() =>
      [...document.querySelectorAll('forum-session-card,speaker-quote,organizer-strip,partner-counter,forum-programme')].map((w) => ({
        carrier: w.querySelector(':scope > a[data-forum-widget]') ? 'link' : w.parentElement?.matches('.forum-widget[data-widget]') ? 'div' : 'other',
        widget: w.getBoundingClientRect().height,
        block: w.parentElement.getBoundingClientRect().height,
        // What stands in the article where the snippet went (CKEditor's paragraph, or the block).
        slot: document.querySelector('article > :nth-child(3)').getBoundingClientRect().height,
      })),
    );
    return { states, texts, boxes, first, errors: p.errors, console: p.console.filter((l) => /^(warning|error)/.test(l)) };
  } finally {
    await p.close();
  }
}

describe('real CMS editors keep the markup form working', () => {
  const snippets = {};
  before(async () => {
    serveTinymce();
    for (const [tag, q] of Object.entries(WIDGETS)) snippets[tag] = await copied(`${q}&locale=ru&form=markup`);
  });

  // Which carrier reaches the page: measured with these versions, asserted so a change shows.
  const CARRIER = { tinymce: 'div', ckeditor5: 'link', dompurify: 'div', 'tinymce+dompurify': 'div', 'ckeditor5+dompurify': 'link' };

  for (const [tag] of Object.entries(WIDGETS)) {
    it(`${tag}: pasted into TinyMCE and CKEditor 5, saved, sanitised by DOMPurify, rendered`, async () => {
      const { snippet, template, css, html, plain } = snippets[tag];
      // The configurator's reservation at this page's width (1280 px: its wide-screen height).
      const reserved = Number([...css.matchAll(/[^-]min-block-size: (\d+)px/g)][1]?.[1]);
      assert.ok(reserved > 50, css);
      assert.match(snippet, /^<div class="forum-widget" data-widget="[^"]+"[^>]*>\n {2}<a href="[^"#]+#forum-widget=/, snippet);
      assert.match(template, /^<script src=/);
      // Plain text for a source view, the block itself for a visual one.
      assert.equal(plain, snippet);
      assert.ok(html.includes(snippet.trim()), html);
      const stored = { tinymce: await throughEditor('tinymce', html), ckeditor5: await throughEditor('ckeditor5', html), dompurify: await purified(snippet) };
      stored['tinymce+dompurify'] = await purified(stored.tinymce);
      stored['ckeditor5+dompurify'] = await purified(stored.ckeditor5);
      // What CKEditor 5 keeps of the block by default: the link in a paragraph, nothing else.
      assert.doesNotMatch(stored.ckeditor5, /forum-widget"|data-widget/, stored.ckeditor5);
      for (const [how, html] of Object.entries(stored)) {
        const r = await rendered(`${tag}-${how}`, html, template, css);
        assert.deepEqual(r.states, [`${tag}=ready`], `${how}: ${html}`);
        assert.ok(r.texts[0].length > 10, `${how}: rendered text ${r.texts[0]}`);
        const [box] = r.boxes;
        assert.equal(box.carrier, CARRIER[how], `${how}: carried by\n${html}`);
        // The space holds: what the reader first sees (the link or the block) is the reserved
        // height, and the widget fits it, so nothing below moves.
        assert.ok(box.widget <= reserved + 0.5, `${how}: widget ${box.widget} px, ${reserved} px reserved`);
        assert.equal(Math.round(box.block), reserved, how);
        assert.equal(Math.round(r.first), reserved, `${how}: before the script, ${r.first} px`);
        assert.equal(Math.round(box.slot), reserved, `${how}: once ready, ${box.slot} px`);
        assert.deepEqual(r.errors, [], how);
        assert.deepEqual(r.console, [], how);
      }
    });
  }

  it('the configurator warns when the markup form would have no link to carry it (a feed without urls)', async () => {
    const feed = JSON.parse(readFileSync(new URL('feeds/rcf-2025.json', ROOT), 'utf8'));
    delete feed.forum.url;
    for (const x of feed.sessions) delete x.url;
    server.add('/editors/no-url.json', JSON.stringify(feed), { type: 'application/json' });
    const warningsFor = async (feedPath, form) => {
      const p = await openPage(browser);
      try {
        await p.page.goto(server.url(`/demo/?widget=partner-counter&form=${form}&feed=${encodeURIComponent(server.url(feedPath))}`));
        await p.page.waitForSelector('body[data-ready="true"]', { state: 'attached' });
        await p.page.waitForSelector('body[data-reserve="ready"]', { state: 'attached', timeout: 30_000 });
        return { warnings: await p.page.$$eval('#snippet-warnings li', (l) => l.map((x) => x.textContent)), snippet: await p.page.textContent('#snippet') };
      } finally {
        await p.close();
      }
    };
    const bare = await warningsFor('/editors/no-url.json', 'markup');
    assert.doesNotMatch(bare.snippet, /<a /, bare.snippet);
    assert.ok(bare.warnings.some((w) => /no address .*CKEditor 5/.test(w)), bare.warnings.join('\n'));
    for (const [path, form] of [['/feeds/rcf-2025.json', 'markup'], ['/editors/no-url.json', 'element']])
      assert.ok(!(await warningsFor(path, form)).warnings.some((w) => /CKEditor/.test(w)), `${path} ${form}`);
  });

  it('control: without the fragment, what CKEditor 5 keeps of the block renders no widget', async () => {
    const { html, template } = snippets['forum-session-card'];
    const bare = html.replace(/#forum-widget=[^"]*/, '');
    assert.notEqual(bare, html);
    const saved = await throughEditor('ckeditor5', bare);
    const path = '/editors/control.html';
    server.add(path, blankPage(saved, `\n${template}`));
    const p = await openPage(browser);
    try {
      await p.page.goto(server.url(path));
      // The bundle ran (its core's registry is there) and whatever it would load has loaded: it
      // defines a tag only when the page holds that widget.
      await p.page.waitForFunction(() => self[Symbol.for('forum-widgets')], null, { timeout: 15_000 });
      await p.page.waitForLoadState('networkidle');
      await p.page.waitForTimeout(200);
      assert.equal(await p.page.$$eval('forum-session-card', (l) => l.length), 0, saved);
      assert.ok(await p.page.$('a[href]'), 'the fallback link is all that shows');
    } finally {
      await p.close();
    }
  });
});
