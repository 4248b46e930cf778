// The first paste (issue 9): the configurator, served by the project's own server next to the
// bundle, gives snippets that work exactly as pasted — in every form, into a blank page and into
// a news article — with the space reservation the loaded widget keeps to; every choice lives in
// the page's query; what would break the snippet elsewhere is flagged; and feed text in the
// snippet carries no template delimiter.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { useHarness, openPage, settled, shadowTexts, blankPage, embedFrame, ROOT, TAGS, newsArticle } from './helpers.mjs';

const { hasNoDelimiters } = await import(new URL('dist/lib/snippet/neutralise.js', ROOT).href);
const sample = JSON.parse(readFileSync(new URL('feeds/rcf-2025.json', ROOT), 'utf8'));

let server;
let browser;
useHarness((s, b) => ([server, browser] = [s, b]));

/** The configurator opened with `query`, once it has checked the feed and measured the widget. */
export async function configurator(query = '', opts) {
  const p = await openPage(browser, opts);
  await p.page.goto(server.url(`/demo/${query}`));
  await p.page.waitForSelector('body[data-ready="true"]', { state: 'attached' });
  await p.page.waitForSelector('body[data-reserve="ready"]', { state: 'attached', timeout: 30_000 });
  return p;
}
const read = async (page) => ({
  snippet: await page.textContent('#snippet'),
  template: await page.textContent('#snippet-template'),
  css: await page.textContent('#snippet-css'),
  warnings: await page.$$eval('#snippet-warnings li', (l) => l.map((x) => x.textContent)),
});

/** A partner's news article around `snippet` (and `head` in its template). */
const article = (snippet, head = '') => newsArticle(snippet, { head });
const ARTICLE_CSS = 'body{margin:0;font:18px/1.6 Georgia,serif}header{padding:1rem;background:#eee}article{max-width:44rem;margin:0 auto;padding:1rem}article>*+*{margin-top:1.25rem}';


const QUERIES = {
  'forum-session-card': 'widget=forum-session-card&session=industrial-parks',
  'forum-session-card compact': 'widget=forum-session-card&session=industrial-parks&compact=1',
  'forum-session-card current': 'widget=forum-session-card&session=current',
  'speaker-quote': 'widget=speaker-quote&person=ruslan-zalivatsky',
  'organizer-strip': 'widget=organizer-strip&roles=organizer%20support%20operator',
  'partner-counter': 'widget=partner-counter&counters=thematic-platforms%20applications',
};

describe('the snippet works exactly as pasted', () => {
  for (const form of ['element', 'markup', 'iframe'])
    for (const [name, q] of Object.entries(QUERIES)) {
      it(`${form}: ${name}, in a blank page and in an article at 390 and 1280 px, holding its reserved space`, async () => {
        // The article's column: 358 px on a 390 px phone, 704 px (44rem) on a wide screen.
        const p = await configurator(`?${q}&locale=ru&form=${form}&desktop-column=700`);
        let got;
        try {
          got = await read(p.page);
          assert.deepEqual(p.errors, []);
        } finally {
          await p.close();
        }
        const tag = name.split(' ')[0];
        if (form === 'markup') {
          assert.ok(!/<script|<forum-|style=|<style/.test(got.snippet), `markup form is plain:\n${got.snippet}`);
          assert.match(got.template, /^<script src="[^"]+\/dist\/forum-widgets\.js"/);
        } else if (form === 'iframe') {
          assert.match(got.snippet, /^<iframe class="forum-widget-frame" src="[^"]+\/dist\/embed\.html\?widget=/);
          assert.match(got.template, /^<script src="[^"]+\/dist\/forum-widgets-resizer\.js" defer><\/script>/);
        } else assert.match(got.snippet, new RegExp(`<${tag}[ >]`));
        const prop = form === 'iframe' ? 'block-size' : 'min-block-size';
        assert.match(got.css, new RegExp(`${prop}: \\d+px`), 'a reservation rule');
        const reserved = [...got.css.matchAll(new RegExp(`[^-]${prop}: (\\d+)px`, 'g'))].map((m) => Number(m[1]));
        assert.equal(reserved.length, 2, got.css);
        const pages = {
          // The iframe without its resizer in the blank page: the reserved height alone.
          blank: form === 'markup' ? blankPage(got.snippet, `\n${got.template}`) : blankPage(got.snippet),
          // The markup and iframe forms' rule goes in the partner's stylesheet; the element form carries it inline.
          article: form === 'element' ? article(got.snippet) : article(got.snippet, `\n${got.template}<style>${got.css}</style>`),
        };
        server.add('/article.css', ARTICLE_CSS, { type: 'text/css' });
        for (const [kind, html] of Object.entries(pages)) {
          const path = `/paste/${form}-${name.replace(/ /g, '-')}-${kind}.html`;
          server.add(path, html);
          // A blank page once; the article at both widths, where the reservation is checked.
          for (const [vw, i] of kind === 'blank' ? [[1280, 1]] : [[390, 0], [1280, 1]]) {
            const q2 = await openPage(browser, { viewport: { width: vw, height: 900 } });
            try {
              await q2.page.goto(server.url(path));
              const frame = form === 'iframe' ? await embedFrame(q2.page) : q2.page;
              assert.deepEqual(await settled(frame), [`${tag}=ready`], `${kind} ${vw}`);
              const text = (await shadowTexts(frame))[0];
              assert.ok(text.length > 10, text);
              assert.deepEqual(q2.errors, []);
              if (form === 'iframe') {
                await q2.page.waitForTimeout(200); // the resizer's message, if any
                const inner = await frame.evaluate(() => ({ scroll: document.documentElement.scrollHeight, client: document.documentElement.clientHeight, content: Math.ceil(document.body.getBoundingClientRect().height) }));
                const outer = await q2.page.$eval('iframe.forum-widget-frame', (f) => f.getBoundingClientRect().height);
                assert.ok(inner.content <= outer + 0.5, `${kind} ${vw}: content ${inner.content} px in a ${outer} px frame`);
                assert.equal(inner.scroll, inner.client, 'no inner scrolling');
                if (kind === 'article') {
                  // With the resizer, exactly the content's height, and that is what was reserved.
                  assert.equal(Math.round(outer), inner.content);
                  assert.ok(inner.content <= reserved[i], `${vw}: ${inner.content} px content, ${reserved[i]} px reserved`);
                } else assert.equal(Math.round(outer), reserved[0], "no stylesheet, no resizer: the height attribute (the phone's reservation)");
              } else if (kind === 'article') {
                // The loaded widget fits the space reserved for it (so nothing below it moves).
                const h = await q2.page.$eval(tag, (e) => e.getBoundingClientRect().height);
                assert.ok(h <= reserved[i] + 0.5, `${tag} at ${vw} px: ${h} px tall, ${reserved[i]} px reserved`);
                const box = form === 'markup' ? '.forum-widget' : tag;
                assert.equal(Math.round(await q2.page.$eval(box, (e) => e.getBoundingClientRect().height)), Math.max(reserved[i], Math.round(h)));
              }
            } finally {
              await q2.close();
            }
          }
        }
      });
    }

  it('control: without its reservation the session card in the article is taller than its first paint', async () => {
    const p = await configurator('?widget=forum-session-card&session=industrial-parks&form=element');
    const { snippet } = await read(p.page);
    await p.close();
    const bare = snippet.replace(/<style>[\s\S]*?<\/style>\n/, '');
    assert.notEqual(bare, snippet);
    server.add('/paste/bare.html', article(bare));
    const q = await openPage(browser, { viewport: { width: 390, height: 900 } });
    try {
      // Before the script: the element's box as the reader first sees it.
      await q.page.route('**/dist/forum-widgets.js', (r) => new Promise((res) => setTimeout(res, 300)).then(() => r.continue()));
      await q.page.goto(server.url('/paste/bare.html'), { waitUntil: 'commit' });
      await q.page.waitForSelector('forum-session-card a', { state: 'attached' });
      const before = await q.page.$eval('forum-session-card', (e) => e.getBoundingClientRect().height);
      await settled(q.page);
      const after = await q.page.$eval('forum-session-card', (e) => e.getBoundingClientRect().height);
      assert.ok(after > before + 100, `${before} -> ${after}`);
    } finally {
      await q.close();
    }
  });

  it('iframe: a host page whose policy allows only frame-src shows it; embed.html runs under its own strict CSP with Trusted Types, no violation', async () => {
    const p = await configurator('?widget=organizer-strip&form=iframe');
    const { snippet } = await read(p.page);
    await p.close();
    server.add('/paste/frame-only.html', blankPage(snippet), { headers: { 'content-security-policy': `default-src 'none'; frame-src ${server.origin}` } });
    const q = await openPage(browser);
    try {
      await q.page.goto(server.url('/paste/frame-only.html'));
      const frame = await embedFrame(q.page);
      assert.deepEqual(await settled(frame), ['organizer-strip=ready']);
      const meta = await frame.$eval('meta[http-equiv="Content-Security-Policy"]', (m) => m.content);
      assert.match(meta, /script-src 'self';/);
      assert.match(meta, /require-trusted-types-for 'script'; trusted-types lit-html/);
      assert.deepEqual(q.console.filter((l) => /Content Security Policy|Trusted Type|refused/i.test(l)), []);
      assert.deepEqual(q.errors, []);
      // A query that is not ours shows one line naming the problem, not a widget.
      await frame.goto(server.url('/dist/embed.html?widget=organizer-strip&feed=javascript:alert(1)&roles=%3Cimg%3E'));
      assert.match(await frame.textContent('body'), /feed: "javascript:alert\(1\)" is not an absolute http\(s\) URL; roles: "<img>" is not an id/);
      assert.equal(await frame.$('organizer-strip'), null);
    } finally {
      await q.close();
    }
  });

  it("the <style> block's CSP hash lets a strict policy apply exactly that block", async () => {
    const p = await configurator('?widget=partner-counter&form=element');
    await p.page.waitForFunction(() => /sha256-/.test(document.getElementById('snippet-csp').textContent));
    const { snippet } = await read(p.page);
    const csp = await p.page.textContent('#snippet-csp');
    await p.close();
    const hash = /style-src ('sha256-[^']+')/.exec(csp)[1];
    const policy = (h) => `default-src 'none'; script-src ${server.origin}; connect-src ${server.origin}; style-src ${h}; require-trusted-types-for 'script'; trusted-types lit-html forum-widgets`;
    for (const [h, applies] of [[hash, true], ["'sha256-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA='", false]]) {
      server.add('/paste/csp.html', blankPage(snippet), { headers: { 'content-security-policy': policy(h) } });
      const q = await openPage(browser);
      try {
        await q.page.goto(server.url('/paste/csp.html'));
        assert.deepEqual(await settled(q.page), ['partner-counter=ready']);
        const min = await q.page.$eval('partner-counter', (e) => getComputedStyle(e).minBlockSize);
        assert.equal(min !== 'auto' && min !== '0px', applies, `min-block-size ${min} with ${h}`);
      } finally {
        await q.close();
      }
    }
  });
});

describe('every choice lives in the page query', () => {
  it('a link reproduces the snippet, and changing a choice rewrites the address', async () => {
    const q = '?widget=forum-session-card&session=industrial-parks&compact=1&refresh=60&heading-level=2&locale=zh-Hans&theme=dark&form=markup';
    const p = await configurator(q);
    try {
      const { snippet } = await read(p.page);
      assert.match(snippet, /^<div class="forum-widget" data-widget="session-card" data-session="industrial-parks" data-compact="1" data-refresh="60" data-theme="dark" data-heading-level="2">/);
      assert.match(snippet, /工业园区/);
      const url = new URL(p.page.url());
      for (const [k, v] of new URLSearchParams(q)) assert.equal(url.searchParams.get(k), v, k);
      assert.equal(url.searchParams.get('feed'), server.url('/feeds/rcf-2025.json'));
      await p.page.check('input[name="widget"][value="speaker-quote"]');
      await p.page.selectOption('#quote', 'quote:shang-industrial-park');
      await p.page.check('input[name="form"][value="element"]');
      const moved = new URL(p.page.url());
      assert.equal(moved.searchParams.get('widget'), 'speaker-quote');
      assert.equal(moved.searchParams.get('quote'), 'shang-industrial-park');
      assert.equal(moved.searchParams.get('form'), 'element');
      await p.page.waitForSelector('body[data-reserve="ready"]', { state: 'attached' });
      const again = await configurator(moved.search);
      try {
        assert.equal((await read(again.page)).snippet, (await read(p.page)).snippet);
      } finally {
        await again.close();
      }
    } finally {
      await p.close();
    }
  });

  it('values in the query are checked: a hostile one is ignored, not written into the snippet', async () => {
    const p = await configurator('?widget=forum-session-card&session=%22%3E%3Cscript%3Ealert(1)%3C/script%3E&refresh=1e9&theme=evil&form=nope&heading-level=9');
    try {
      const { snippet } = await read(p.page);
      assert.ok(!/alert|evil|1e9|heading-level="9"/.test(snippet), snippet);
      assert.match(snippet, /<forum-session-card session="current"/);
      assert.equal(await p.page.$eval('input[name="form"]:checked', (i) => i.value), 'element');
    } finally {
      await p.close();
    }
  });
});

describe('what would stop the snippet working elsewhere is flagged, with the fix', () => {
  it('loopback script and feed (npm start) are flagged', async () => {
    const p = await configurator();
    try {
      const { warnings } = await read(p.page);
      assert.equal(warnings.length, 2, warnings.join('\n'));
      assert.match(warnings[0], /script comes from this computer.*Publish dist\//);
      assert.match(warnings[1], /feed is on this computer.*public https URL/);
    } finally {
      await p.close();
    }
  });

  it('a CDN set at build time wins; a placeholder CDN host is flagged; the preview still uses the local build', async () => {
    const real = JSON.parse(readFileSync(new URL('dist/configurator/embed.json', ROOT), 'utf8'));
    server.add('/dist/configurator/embed.json', JSON.stringify({ ...real, cdn: true, src: 'https://cdn.example/forum-widgets/9.9.9/forum-widgets.js' }), { type: 'application/json' });
    try {
      const p = await openPage(browser);
      try {
        await p.page.goto(server.url('/dist/configurator/'));
        await p.page.waitForSelector('body[data-ready="true"]', { state: 'attached' });
        const { snippet, warnings } = await read(p.page);
        assert.match(snippet, /src="https:\/\/cdn\.example\/forum-widgets\/9\.9\.9\/forum-widgets\.js"/);
        assert.match(warnings[0], /https:\/\/cdn\.example\/.* is a placeholder.*FORUM_WIDGETS_CDN/);
        await p.page.waitForFunction(() => document.getElementById('preview').contentDocument?.querySelector('forum-session-card')?.getAttribute('state') === 'ready', null, { timeout: 15_000 });
      } finally {
        await p.close();
      }
    } finally {
      server.add('/dist/configurator/embed.json', JSON.stringify(real), { type: 'application/json' });
    }
  });

  it('a feed without CORS for other sites, or one allowing a single origin, is flagged; a relative address too', async () => {
    const body = JSON.stringify(sample);
    server.add('/cors/none.json', body, { type: 'application/json' });
    server.add('/cors/one.json', body, { type: 'application/json', headers: { 'access-control-allow-origin': 'https://only.example.org' } });
    server.add('/cors/any.json', body, { type: 'application/json', headers: { 'access-control-allow-origin': '*' } });
    const p = await configurator();
    const { page } = p;
    try {
      const check = async (typed) => {
        await page.fill('#feed-url', typed);
        await page.click('#feed-check');
        const full = new URL(typed, server.url('/demo/')).href;
        await page.waitForFunction((u) => document.getElementById('feed-status').dataset.state === 'ok' && document.getElementById('snippet').textContent.includes(u), full);
        return (await read(page)).warnings.join('\n');
      };
      assert.match(await check(server.url('/cors/none.json')), /does not send Access-Control-Allow-Origin/);
      assert.match(await check(server.url('/cors/one.json')), /allows only https:\/\/only\.example\.org/);
      const any = await check(server.url('/cors/any.json'));
      assert.doesNotMatch(any, /Access-Control/);
      assert.match(await check('../cors/any.json'), /“\.\.\/cors\/any\.json” is a relative address; the snippet uses the full one, http:\/\/127\.0\.0\.1:\d+\/cors\/any\.json/);
    } finally {
      await p.close();
    }
  });
});

describe('feed text in a snippet carries no template delimiter', () => {
  const PAYLOADS = ["{{constructor.constructor('window.__pwned=1')()}}", '${alert(1)}', '[[window.x]]', '<%= evil %>', '{% raw %}', '{#c#}'];
  it('fallback text and links, in every form, read the same with the delimiters split', async () => {
    const feed = structuredClone(sample);
    const s = feed.sessions.find((x) => x.id === 'industrial-parks');
    s.title = { ru: `Парки ${PAYLOADS.join(' ')}`, en: 'Parks' };
    s.url = 'https://forum.example/s?q={{1+1}}&a=[[x]]';
    feed.forum.name = { ru: 'Форум {{2*2}}', en: 'Forum' };
    server.add('/tpl/feed.json', JSON.stringify(feed), { type: 'application/json' });
    for (const form of ['element', 'markup', 'iframe']) {
      const p = await configurator(`?feed=${encodeURIComponent(server.url('/tpl/feed.json'))}&widget=forum-session-card&session=industrial-parks&locale=ru&form=${form}`);
      try {
        const { snippet } = await read(p.page);
        assert.ok(hasNoDelimiters(snippet), `${form}:\n${snippet}`);
        for (const d of ['{{', '}}', '${', '[[', ']]', '<%', '%>', '{%', '%}', '{#', '#}']) assert.ok(!snippet.includes(d), `${form}: ${d} in\n${snippet}`);
        if (form !== 'iframe') {
          // Without the invisible joiners the text is the feed's own.
          const visible = snippet.replaceAll('\u2060', '').replaceAll('&lt;', '<').replaceAll('&gt;', '>');
          assert.ok(visible.includes(`Парки ${PAYLOADS.join(' ')} — Форум {{2*2}}`), visible);
          // The markup form's link also carries the widget in its fragment (what CKEditor 5 keeps).
          const href = 'href="https://forum.example/s?q=%7B%7B1+1%7D%7D&amp;a=%5B%5Bx%5D%5D' + (form === 'markup' ? '#forum-widget=session-card&amp;session=industrial-parks&amp;' : '"');
          assert.ok(snippet.includes(href), `${href}\n${snippet}`);
        }
      } finally {
        await p.close();
      }
    }
  });
});
