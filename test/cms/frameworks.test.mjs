// Real client-side template engines from npm over the pasted snippet: an AngularJS 1.8 `ng-app`
// page and a Vue 3 page mounting an in-DOM template, each holding the configurator's snippet for
// a feed whose texts carry template expressions. Nothing they hold executes, the engine still
// runs the page's own expressions, and the widget renders.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useHarness, openPage, settled, blankPage, embedFrame } from '../configurator/helpers.mjs';
import { hostileFeed, vendor, snippetFor, PAYLOADS } from './cms.mjs';

let server;
let browser;
useHarness((s, b) => ([server, browser] = [s, b]));

const FRAMEWORKS = {
  angular: (body, head) =>
    blankPage(`<div ng-app><p id="own">{{ 40 + 2 }}</p>\n${body}\n</div>`, `${head}\n<script src="${vendor(server, 'angular/angular.min.js')}"></script>`),
  vue: (body, head) =>
    blankPage(
      `<div id="app"><p id="own">{{ 40 + 2 }}</p>\n${body}\n</div>\n<script src="${vendor(server, 'vue/dist/vue.global.prod.js')}"></script>\n` +
        // The partner's own app script (a test page without CSP, so inline is fine).
        `<script>Vue.createApp({ data: () => ({}) }).mount('#app')</script>`,
      head,
    ),
};

const CASES = [
  ['forum-session-card', 'widget=forum-session-card&session=industrial-parks'],
  ['speaker-quote', 'widget=speaker-quote&person=ruslan-zalivatsky'],
];

/** Loads `html` and reports whether anything ran, what the engine made of its own expression, and the widget's state. */
async function visit(path, html, tag, form) {
  server.add(path, html);
  const p = await openPage(browser);
  try {
    await p.page.goto(server.url(path));
    await p.page.waitForFunction(() => document.getElementById('own')?.textContent === '42', null, { timeout: 15_000 });
    const frame = form === 'iframe' ? await embedFrame(p.page) : p.page;
    const states = await settled(frame);
    await p.page.waitForTimeout(300); // a digest or re-render after the widgets settled
    return { pwned: await p.page.evaluate(() => window.__pwned ?? null), states, errors: p.errors.filter((e) => !/__pwned/.test(e)) };
  } finally {
    await p.close();
  }
}

describe('template engines over the pasted snippet: nothing from the feed executes', () => {
  for (const form of ['element', 'markup', 'iframe'])
    for (const [tag, q] of CASES) {
      it(`${form}: ${tag} in AngularJS 1.8 ng-app and Vue 3 in-DOM template pages`, async () => {
        server.add('/hostile/feed.json', JSON.stringify(hostileFeed()), { type: 'application/json' });
        const { snippet, template } = await snippetFor(browser, server, `${q}&feed=${encodeURIComponent(server.url('/hostile/feed.json'))}&locale=ru&form=${form}`);
        assert.ok(snippet.includes('constructor') || form === 'iframe', snippet);
        for (const [name, page] of Object.entries(FRAMEWORKS)) {
          const r = await visit(`/fw/${name}-${form}-${tag}.html`, page(snippet, `\n${template}`), tag, form);
          assert.equal(r.pwned, null, `${name}: a feed expression ran`);
          assert.deepEqual(r.states, [`${tag}=ready`], name);
          assert.deepEqual(r.errors, [], name);
        }
      });
    }
});

// The control: the same feed text, put in these pages as it comes (HTML-escaped, not neutralised),
// does run, so the tests above can fail.
describe('control: the feed text as it comes runs in these pages', () => {
  const asText = (t) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  for (const name of Object.keys(FRAMEWORKS)) {
    it(`${name} evaluates the payload when nothing neutralises it`, async () => {
      const path = `/fw/control-${name}.html`;
      // Each engine's own payload (another engine's expression is an error that stops its render).
      const payload = PAYLOADS.find((t) => t.includes(`"${name}"`));
      server.add(path, FRAMEWORKS[name](`<p>${asText(payload)}</p>`, ''));
      const p = await openPage(browser);
      try {
        await p.page.goto(server.url(path));
        await p.page.waitForFunction(() => document.getElementById('own')?.textContent === '42', null, { timeout: 15_000 });
        await p.page.waitForTimeout(300);
        assert.ok((await p.page.evaluate(() => window.__pwned ?? [])).includes(name), `${name} did not run the payload`);
      } finally {
        await p.close();
      }
    });
  }
});
