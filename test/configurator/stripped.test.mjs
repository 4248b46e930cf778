// A CMS that strips <script> but keeps <style> (review W1): the pasted reservation must not leave
// a blank box under the fallback link forever. The rule ends itself (a delayed animation) while no
// script has upgraded the element; with the script, the element keeps its reservation.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useHarness, openPage, settled, newsArticle } from './helpers.mjs';

let server;
let browser;
useHarness((s, b) => ([server, browser] = [s, b]));

const QUERY = 'widget=forum-session-card&session=industrial-parks&locale=ru&phone-column=358&desktop-column=704';
const ARTICLE_CSS = 'body{margin:0;font:18px/1.6 Georgia,serif}header{padding:1rem;background:#eee}article{max-width:44rem;margin:0 auto;padding:1rem}article>*+*{margin-top:1.25rem}';

async function snippetFor(form) {
  const p = await openPage(browser);
  try {
    await p.page.goto(server.url(`/demo/?${QUERY}&form=${form}`));
    await p.page.waitForSelector('body[data-ready="true"]', { state: 'attached' });
    await p.page.waitForSelector('body[data-reserve="ready"]', { state: 'attached', timeout: 60_000 });
    const css = await p.page.textContent('#snippet-css');
    const snippet = await p.page.textContent('#snippet');
    const phone = Number(/[^-]min-block-size: (\d+)px/.exec(css)[1]);
    return { snippet, css, phone };
  } finally {
    await p.close();
  }
}

/** The target's height at first paint, its reservation's animations, and its height once they have run. */
async function probe(path, target, reducedMotion = 'no-preference') {
  const p = await openPage(browser, { viewport: { width: 390, height: 900 }, reducedMotion });
  try {
    await p.page.goto(server.url(path));
    return await p.page.$eval(target, async (el) => {
      const first = el.getBoundingClientRect().height;
      const anims = el.getAnimations().map((a) => ({ name: a.animationName, delay: a.effect.getTiming().delay }));
      // Run them to their end now instead of waiting their delay out (same effect, fill forwards).
      for (const a of el.getAnimations()) a.finish();
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      // What the reader sees: the space from the widget's top to the article's next paragraph.
      const next = el.nextElementSibling.getBoundingClientRect().top - el.getBoundingClientRect().top;
      return { first, anims, after: el.getBoundingClientRect().height, next };
    });
  } finally {
    await p.close();
  }
}

describe('script stripped, <style> kept: the reservation ends by itself', () => {
  for (const form of ['element', 'markup']) {
    it(`${form} form: reserved at first, only the fallback link after the delay (8-10 s); untouched once the script runs`, async () => {
      const { snippet, css, phone } = await snippetFor(form);
      server.add('/article.css', ARTICLE_CSS, { type: 'text/css' });
      const target = form === 'element' ? 'forum-session-card' : '.forum-widget';
      const stripped = form === 'element' ? snippet.replace(/<script[^>]*><\/script>\n?/g, '') : snippet;
      assert.ok(!/<script/.test(stripped), stripped);
      server.add(`/stripped/${form}.html`, newsArticle(stripped, { head: form === 'markup' ? `<style>${css}</style>` : '' }));
      const r = await probe(`/stripped/${form}.html`, target);
      assert.equal(Math.round(r.first), phone, 'reserved before any script');
      assert.equal(r.anims.length, 1, JSON.stringify(r.anims));
      assert.ok(r.anims[0].delay >= 8000 && r.anims[0].delay <= 10_000, `delay ${r.anims[0].delay} ms`);
      // The same fallback with no reservation (only the rule's display: block): what the reader should be left with.
      const bareHead = form === 'element' ? '<style>forum-session-card{display:block}</style>' : '';
      server.add(`/stripped/${form}-bare.html`, newsArticle(stripped.replace(/<style>[\s\S]*?<\/style>\n?/, ''), { head: bareHead }));
      const bare = await probe(`/stripped/${form}-bare.html`, target);
      assert.deepEqual(bare.anims, []);
      assert.ok(bare.next < phone / 2, `bare fallback ${bare.next} px`);
      assert.ok(Math.abs(r.next - bare.next) <= 1, `after the delay: ${r.next} px to the next paragraph, ${bare.next} px without the rule`);

      // Readers who asked for reduced motion, on a page with the common reset for them
      // (animation-delay: -1ms !important would end the reservation at once): no unreserve
      // animation, the box stays reserved (their page does not jump when the script comes).
      const RESET = '<style>@media (prefers-reduced-motion: reduce){*,::before,::after{animation-delay:-1ms!important;animation-duration:1ms!important;animation-iteration-count:1!important}}</style>';
      server.add(`/stripped/${form}-reduced.html`, newsArticle(stripped, { head: (form === 'markup' ? `<style>${css}</style>` : '') + RESET }));
      const reduced = await probe(`/stripped/${form}-reduced.html`, target, 'reduce');
      assert.deepEqual(reduced.anims, []);
      assert.equal(Math.round(reduced.first), phone, 'reduced motion: reserved');
      assert.equal(Math.round(reduced.after), phone, 'reduced motion: still reserved');

      if (form === 'element') {
        // With its script the element has a state, so the rule's animation is gone and the box holds.
        server.add('/stripped/kept.html', newsArticle(snippet));
        const p = await openPage(browser, { viewport: { width: 390, height: 900 } });
        try {
          await p.page.goto(server.url('/stripped/kept.html'));
          await settled(p.page);
          const left = await p.page.$eval(target, (el) => el.getAnimations().filter((a) => a.animationName === 'forum-widgets-unreserve').length);
          assert.equal(left, 0);
          assert.equal(Math.round(await p.page.$eval(target, (el) => el.getBoundingClientRect().height)), phone);
          assert.deepEqual(p.errors, []);
        } finally {
          await p.close();
        }
      }
    });
  }
});
