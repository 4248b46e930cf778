// The embed configurator in Chromium, served by the project's own static server on 127.0.0.1:
// its choices change the snippet, it lists a bad feed's problems as the validator does, and for
// each widget the copied snippet, pasted into a blank page (CDN address pointed at the local
// build, integrity kept), renders what the preview showed.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { useHarness, openPage, settled, shadowTexts, blankPage, toLocal, bundleIntegrity, VERSION, ROOT, TAGS, startServer } from './helpers.mjs';

const { validateFeed } = await import(new URL('dist/lib/feed/validate.js', ROOT).href);
const { STRINGS } = await import(new URL('demo/strings.js', ROOT).href);
const sample = JSON.parse(readFileSync(new URL('feeds/rcf-2025.json', ROOT), 'utf8'));

let server;
let browser;
useHarness((s, b) => ([server, browser] = [s, b]));

/** The configurator at `path`, once it has checked the sample feed. */
async function configurator(path = '/demo/', opts) {
  const p = await openPage(browser, opts);
  await p.page.goto(server.url(path));
  await p.page.waitForSelector('body[data-ready="true"]', { state: 'attached' });
  // The snippet is final once the widget's space is measured.
  await p.page.waitForSelector('body[data-reserve="ready"]', { state: 'attached', timeout: 30_000 });
  return p;
}
const snippet = (page) => page.textContent('#snippet');
const previewFrame = (page) => page.frames().find((f) => f !== page.mainFrame() && f.url() === 'about:srcdoc');

/** Waits until the preview shows the current snippet's element and it has settled. */
async function preview(page, tag) {
  await page.waitForFunction((t) => {
    const d = document.getElementById('preview').contentDocument;
    return d?.querySelector(t)?.getAttribute('state') === 'ready';
  }, tag, { timeout: 15_000, polling: 50 });
  const frame = previewFrame(page);
  await settled(frame);
  return frame;
}

describe('configurator: choices change the snippet', () => {
  it('starts with the sample feed checked and a session-card snippet naming the bundle it is served beside, with the SRI of the built file', async () => {
    const p = await configurator();
    try {
      assert.match(await p.page.textContent('#feed-summary'), /Valid forum feed/);
      const s = await snippet(p.page);
      assert.ok(s.includes(`src="${server.url('/dist/forum-widgets.js')}"`), s);
      assert.ok(s.includes(`integrity="${bundleIntegrity()}"`), `integrity of dist/forum-widgets.js in:\n${s}`);
      assert.ok(s.includes('crossorigin="anonymous"'));
      assert.ok(s.includes(`data-feed="${server.url('/feeds/rcf-2025.json')}"`), s);
      assert.match(s, /<forum-session-card session="current" ng-non-bindable v-pre>\n  <a href="https:\/\/roscongress\.org\/">Российско-Китайский форум<\/a>\n<\/forum-session-card>/);
      assert.deepEqual(p.errors, []);
    } finally {
      await p.close();
    }
  });

  it('each choice shows up in the snippet, the stylesheet rule and the preview', async () => {
    const p = await configurator();
    const { page } = p;
    try {
      await page.selectOption('#session', 'industrial-parks');
      await page.check('#compact');
      await page.fill('#refresh', '60');
      await page.dispatchEvent('#refresh', 'change');
      await page.selectOption('#locale', 'zh-Hans');
      await page.selectOption('#theme', 'dark');
      await page.selectOption('#heading-level', '2');
      let s = await snippet(page);
      assert.match(s, /data-locale="zh-Hans" defer><\/script>/);
      assert.match(s, /<forum-session-card session="industrial-parks" compact refresh="60" theme="dark" heading-level="2" ng-non-bindable v-pre>/);
      // The fallback link is in the chosen language.
      assert.ok(s.includes('>工业园区：俄中合作平台 — 俄中论坛</a>'), s);
      const frame = await preview(page, 'forum-session-card');
      assert.equal(await frame.evaluate(() => document.querySelector('forum-session-card').getAttribute('theme')), 'dark');
      assert.match((await shadowTexts(frame))[0], /工业园区/);

      await page.check('#accent-on');
      await page.fill('#accent', '#116644');
      await page.fill('#font', "Georgia, serif; } body { color: red");
      await page.waitForSelector('body[data-reserve="ready"]', { state: 'attached' });
      const css = await page.textContent('#snippet-css');
      assert.ok(css.startsWith('forum-session-card {\n  --forum-color-accent: #116644;\n  --forum-font-family: Georgia, serif body color red;\n}\n'), css);
      // The preview applies the same rule; nothing typed escapes the declaration.
      const looks = await frame.evaluate(() => {
        const cs = getComputedStyle(document.querySelector('forum-session-card'));
        return [cs.getPropertyValue('--forum-color-accent').trim(), getComputedStyle(document.body).color];
      });
      assert.equal(looks[0], '#116644');
      assert.notEqual(looks[1], 'rgb(255, 0, 0)');

      await page.check('input[name="widget"][value="speaker-quote"]');
      await page.selectOption('#quote', 'person:shang-shiwei');
      s = await snippet(page);
      assert.match(s, /<speaker-quote person="shang-shiwei" theme="dark" ng-non-bindable v-pre>/);
      assert.ok(!s.includes('heading-level'), 'speaker-quote has no heading');
      assert.match(await page.textContent('#snippet-css'), /^speaker-quote \{/);

      await page.check('input[name="widget"][value="organizer-strip"]');
      assert.match(await snippet(page), /<organizer-strip theme="dark" heading-level="2" ng-non-bindable v-pre>/, 'all roles: no roles attribute');
      await page.uncheck('input[name="role"][value="support"]');
      assert.match(await snippet(page), /<organizer-strip roles="organizer operator" theme="dark" heading-level="2" ng-non-bindable v-pre>/);

      await page.check('input[name="widget"][value="partner-counter"]');
      assert.match(await snippet(page), /<partner-counter theme="dark" ng-non-bindable v-pre>/);
      await page.check('input[name="counter"][value="applications"]');
      await page.check('input[name="counter"][value="thematic-platforms"]');
      assert.match(await snippet(page), /<partner-counter counters="thematic-platforms applications" theme="dark" ng-non-bindable v-pre>/, 'feed order');

      await page.waitForFunction(() => /sha256-/.test(document.getElementById('snippet-csp').textContent));
      const csp = await page.textContent('#snippet-csp');
      assert.match(csp, new RegExp(`^script-src ${server.origin};\nconnect-src ${server.origin};\ntrusted-types lit-html forum-widgets;\nstyle-src 'sha256-[A-Za-z0-9+/]+=*'\n$`));
      assert.deepEqual(p.errors, []);
    } finally {
      await p.close();
    }
  });

  it('the preview frame is a phone (360 px) or a desktop column (720 px) wide and fits the widget', async () => {
    const p = await configurator();
    const { page } = p;
    try {
      await preview(page, 'forum-session-card');
      const box = () => page.$eval('#preview', (f) => [f.clientWidth, f.clientHeight, f.contentDocument.body.getBoundingClientRect().height]);
      let [w, h, body] = await box();
      assert.equal(w, 360);
      await page.check('input[name="width"][value="desktop"]');
      await page.waitForFunction(() => document.getElementById('preview').clientWidth === 720);
      // Wider means shorter: the frame follows the widget's height (body + its 24 px of margin).
      await page.waitForFunction((old) => document.getElementById('preview').clientHeight < old, h);
      [w, h, body] = await box();
      assert.ok(Math.abs(h - (body + 24)) <= 2, `frame ${h} px, page ${body} px`);
    } finally {
      await p.close();
    }
  });

  it('CSP lines name the image origins of the feed, and the copy button puts the snippet on the clipboard', async () => {
    const feed = structuredClone(sample);
    feed.people[0].photo = 'https://photos.example.org/a.jpg';
    feed.organizers[0].logo = 'https://logos.example.net/x.png';
    server.add('/img/feed.json', JSON.stringify(feed), { type: 'application/json' });
    const p = await configurator('/demo/', { permissions: ['clipboard-read', 'clipboard-write'] });
    const { page } = p;
    try {
      await page.fill('#feed-url', server.url('/img/feed.json'));
      await page.click('#feed-check');
      await page.waitForFunction(() => document.getElementById('snippet').textContent.includes('/img/feed.json'));
      await page.waitForSelector('body[data-reserve="ready"]', { state: 'attached', timeout: 30_000 });
      assert.match(await page.textContent('#snippet-csp'), /\nimg-src https:\/\/photos\.example\.org;\n/);
      await page.check('input[name="widget"][value="organizer-strip"]');
      assert.match(await page.textContent('#snippet-csp'), /\nimg-src https:\/\/logos\.example\.net;\n/);
      await page.waitForSelector('body[data-reserve="ready"]', { state: 'attached', timeout: 30_000 });
      await page.click('#copy');
      await page.waitForFunction(() => document.getElementById('copy-status').textContent !== '');
      assert.equal(await page.textContent('#copy-status'), 'Snippet copied.');
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), await snippet(page));
    } finally {
      await p.close();
    }
  });

  it('without the Clipboard API the copy button selects the snippet and says what to do', async () => {
    const p = await openPage(browser);
    const { page } = p;
    try {
      // An older browser, or a page where the API is missing: the fallback path, not the API.
      await page.addInitScript(() => Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined }));
      await page.goto(server.url('/demo/'));
      await page.waitForSelector('body[data-ready="true"]', { state: 'attached' });
      await page.waitForSelector('body[data-reserve="ready"]', { state: 'attached', timeout: 30_000 });
      await page.click('#copy');
      await page.waitForFunction(() => document.getElementById('copy-status').textContent !== '');
      assert.equal((await page.evaluate(() => getSelection().toString())).trimEnd(), (await snippet(page)).trimEnd());
      assert.match(await page.textContent('#copy-status'), /^(Snippet copied\.|Snippet selected: press Ctrl\+C)/);
    } finally {
      await p.close();
    }
  });
});

describe('configurator: feed check', () => {
  it("lists a bad feed's problems as the validator's path: message lines, in a live region; says what the widgets would show", async () => {
    const broken = structuredClone(sample);
    broken.quotes[1].person = 'li-wei';
    broken.sessions[0].end = '2025-05-19T13:00:00+10:00';
    server.add('/broken/feed.json', JSON.stringify(broken), { type: 'application/json' });
    const expected = validateFeed(broken);
    assert.equal(expected.ok, false);
    // The widgets read it leniently (docs/feed-format.md "Errors"): they show it without those items.
    assert.equal(validateFeed(broken, { lenient: true }).ok, true);
    // One item-level typo, the review's case: one strict problem, and the widgets show the rest.
    const typo = structuredClone(sample);
    typo.sessions[0].speakers[0] = 'ivan-petrv';
    server.add('/typo/feed.json', JSON.stringify(typo), { type: 'application/json' });
    // A fault no widget can work around: the lenient reading rejects the feed too.
    const fatal = structuredClone(sample);
    fatal.forum.timeZone = 'Asia/Vladivostock';
    server.add('/fatal/feed.json', JSON.stringify(fatal), { type: 'application/json' });
    assert.equal(validateFeed(fatal, { lenient: true }).ok, false);
    const p = await configurator();
    const { page } = p;
    const check = async (url) => {
      await page.fill('#feed-url', url);
      await page.click('#feed-check');
      await page.waitForFunction((u) => document.getElementById('feed-status').dataset.state !== 'loading' && document.getElementById('snippet').textContent.includes(u), new URL(url).pathname);
      return {
        state: await page.$eval('#feed-status', (e) => e.dataset.state),
        summary: await page.textContent('#feed-summary'),
        lines: await page.$$eval('#feed-errors li', (lis) => lis.map((l) => l.textContent)),
      };
    };
    try {
      let r = await check(server.url('/broken/feed.json'));
      assert.deepEqual(r.lines, expected.errors);
      assert.ok(r.lines.some((l) => /quotes\[1\]\.person: .*li-wei/.test(l)), r.lines.join('\n'));
      assert.equal(r.state, 'warn');
      assert.match(r.summary, new RegExp(`^The widgets would show this feed, without the items or fields named below \\(${expected.errors.length} problems to fix in the feed\\)`));
      assert.doesNotMatch(r.summary, /fallback/);
      const region = await page.$eval('#feed-status', (e) => [e.getAttribute('role'), e.getAttribute('aria-live')]);
      assert.deepEqual(region, ['status', 'polite']);
      // The choices are what the widgets would show: the faulty session is dropped, so not offered.
      assert.equal(await page.$$eval(`#session option[value="${sample.sessions[0].id}"]`, (o) => o.length), 0);

      r = await check(server.url('/typo/feed.json'));
      assert.deepEqual(r.lines, ['sessions[0].speakers[0]: no person "ivan-petrv" in people']);
      assert.match(r.summary, /\(1 problem to fix in the feed\)/);
      assert.equal(await page.$$eval(`#session option[value="${sample.sessions[0].id}"]`, (o) => o.length), 1);

      r = await check(server.url('/fatal/feed.json'));
      assert.equal(r.state, 'error');
      assert.deepEqual(r.lines, validateFeed(fatal).errors);
      assert.match(r.summary, /^Not a valid forum feed: 1 problem\. The widgets would show their fallback content\./);
      // Counted in each language's grammar (Russian: 1 ошибка, 2 ошибки, 5 ошибок).
      await page.selectOption('#ui-lang', 'ru');
      assert.match(await page.textContent('#feed-summary'), /^Фид не годится: в нём 1 ошибка\. Виджеты покажут запасное содержимое/);
      await page.selectOption('#ui-lang', 'en');

      r = await check(server.url('/nowhere/feed.json'));
      assert.deepEqual(r.lines, [`feed: HTTP 404 from ${server.url('/nowhere/feed.json')}`]);
      assert.match(r.summary, /^Could not load the feed: its server answered with an error/);

      r = await check(server.url('/feeds/rcf-2025.json'));
      assert.deepEqual([r.state, r.lines], ['ok', []]);
      assert.match(r.summary, /^Valid forum feed/);
    } finally {
      await p.close();
    }
  });

  it('tells a feed its server will not share with other sites (no CORS header), or no answer at all, from an invalid feed — in each UI language', async () => {
    // Another origin (its own port on 127.0.0.1) serving the feed without Access-Control-Allow-Origin.
    const other = await startServer();
    other.add('/nocors.json', readFileSync(new URL('feeds/rcf-2025.json', ROOT), 'utf8'), { type: 'application/json' });
    const closed = await startServer();
    const gone = closed.url('/feed.json');
    await closed.close(); // nothing listens there any more
    const p = await configurator();
    const { page } = p;
    try {
      for (const [lang, cors, none] of [
        ['en', /^Could not read the feed: its server answered but does not let other sites read it\. It must send the header Access-Control-Allow-Origin \(docs\/hosting\.md/, /^Could not load the feed: no answer from that address\..*Access-Control-Allow-Origin/],
        ['ru', /^Не удалось прочитать фид: сервер ответил, но не разрешает.*Access-Control-Allow-Origin.*docs\/hosting\.md/, /^Не удалось загрузить фид: по этому адресу никто не ответил/],
        ['zh-Hans', /^无法读取数据源：服务器有响应，但不允许其他网站读取。.*Access-Control-Allow-Origin.*docs\/hosting\.md/, /^无法加载数据源：该地址没有响应/],
      ]) {
        await page.selectOption('#ui-lang', lang);
        for (const [url, want] of [
          [other.url('/nocors.json'), cors],
          [gone, none],
        ]) {
          await page.fill('#feed-url', url);
          await page.click('#feed-check');
          await page.waitForFunction(() => document.getElementById('feed-status').dataset.state === 'error');
          const summary = await page.textContent('#feed-summary');
          assert.match(summary, want, `${lang} ${url}`);
          assert.equal(summary, STRINGS[lang][want === cors ? 'unreachableCors' : 'unreachable'], lang);
          assert.match(await page.textContent('#feed-errors li'), /^feed: no response from /);
          // Back to a good feed, so the next check's error state is its own.
          await page.fill('#feed-url', server.url('/feeds/rcf-2025.json'));
          await page.click('#feed-check');
          await page.waitForFunction(() => document.getElementById('feed-status').dataset.state === 'ok');
        }
      }
    } finally {
      await p.close();
      await other.close();
    }
  });
});

describe('configurator: languages, accessibility, CSP, static build', () => {
  it('every UI language has every string', () => {
    for (const lang of ['ru', 'zh-Hans']) assert.deepEqual(Object.keys(STRINGS[lang]).sort(), Object.keys(STRINGS.en).sort(), lang);
  });

  for (const [lang, heading, browserLocale] of [
    ['ru', 'Конструктор кода для вставки', 'ru-RU'],
    ['zh-Hans', '嵌入代码生成器', 'zh-CN'],
    ['en', 'Embed configurator', 'en-GB'],
  ]) {
    it(`${lang}: follows the browser's language, labels the choices, and the showcase widgets follow`, async () => {
      const p = await configurator('/demo/', { locale: browserLocale });
      const { page } = p;
      try {
        assert.equal(await page.getAttribute('html', 'lang'), lang);
        assert.equal(await page.textContent('h1'), heading);
        assert.equal(await page.textContent('label[for="feed-url"]'), STRINGS[lang].feedUrl);
        assert.equal(await page.textContent('#copy'), STRINGS[lang].copy);
        assert.equal(await page.title(), STRINGS[lang].title);
        await settled(page);
        const title = { ru: 'Индустриальные парки', 'zh-Hans': '工业园区', en: 'Industrial Parks' }[lang];
        assert.match((await shadowTexts(page))[1], new RegExp(title));
        // Option labels come from the feed in the UI language.
        assert.match(await page.$eval('#session option[value="industrial-parks"]', (o) => o.textContent), new RegExp(title));
      } finally {
        await p.close();
      }
    });
  }

  it('the language switch changes the page at once', async () => {
    const p = await configurator();
    try {
      await p.page.selectOption('#ui-lang', 'ru');
      assert.equal(await p.page.textContent('h1'), 'Конструктор кода для вставки');
      assert.equal(await p.page.textContent('#feed-summary'), STRINGS.ru.valid.replace(/\{(\w+)\}/g, (_, k) => String(sample[k].length)));
    } finally {
      await p.close();
    }
  });

  it('passes axe (WCAG 2 A/AA) with every widget panel', async () => {
    // bypassCSP only lets the test inject axe; the page itself runs under its own policy elsewhere.
    const p = await configurator('/demo/', { bypassCSP: true });
    const { page } = p;
    try {
      await page.addScriptTag({ path: new URL('node_modules/axe-core/axe.min.js', ROOT).pathname });
      for (const tag of TAGS) {
        await page.check(`input[name="widget"][value="${tag}"]`);
        await settled(page);
        const r = await page.evaluate(() =>
          axe.run(document, { runOnly: ['wcag2a', 'wcag2aa'], exclude: [['.showcase']] }).then((x) => x.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)),
        );
        assert.deepEqual(r, [], tag);
      }
      // Every form control has a label.
      const unlabelled = await page.$$eval('input, select, button', (els) => els.filter((e) => !e.labels?.length && !e.textContent.trim()).map((e) => e.id || e.name));
      assert.deepEqual(unlabelled, []);
    } finally {
      await p.close();
    }
  });

  it('runs under its own strict CSP (no inline script or style, Trusted Types) with no violation', async () => {
    const p = await configurator();
    const { page } = p;
    try {
      const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
      assert.match(csp, /script-src 'self';/);
      assert.match(csp, /style-src 'self';/);
      assert.match(csp, /require-trusted-types-for 'script'/);
      for (const tag of TAGS) {
        await page.check(`input[name="widget"][value="${tag}"]`);
        await preview(page, tag);
      }
      await settled(page);
      assert.deepEqual(p.console.filter((l) => /Content Security Policy|Trusted Type/i.test(l)), []);
      assert.deepEqual(p.errors, []);
    } finally {
      await p.close();
    }
  });

  it('showcase.html: the four widgets alone under the page CSP, following its language and theme controls', async () => {
    const p = await openPage(browser);
    const { page } = p;
    try {
      await page.goto(server.url('/demo/showcase.html'));
      assert.deepEqual((await settled(page)).filter((s) => !s.endsWith('=ready')), []);
      assert.match((await shadowTexts(page))[0], /Индустриальные парки/);
      await page.selectOption('#locale', 'zh-Hans');
      await page.waitForFunction(() => /工业园区/.test(document.querySelector('forum-session-card').shadowRoot.textContent));
      await page.selectOption('#theme', 'dark');
      assert.deepEqual(await page.$$eval('.showcase > *', (els) => [...new Set(els.map((e) => e.getAttribute('theme')))]), ['dark']);
      assert.deepEqual(p.console.filter((l) => /Content Security Policy|Trusted Type/i.test(l)), []);
      assert.deepEqual(p.errors, []);
    } finally {
      await p.close();
    }
  });

  it('the static build in dist/configurator/ works on its own (embed.json, sample feed beside it)', async () => {
    const info = JSON.parse(readFileSync(new URL('dist/configurator/embed.json', ROOT), 'utf8'));
    assert.equal(info.version, VERSION);
    assert.equal(info.integrity, bundleIntegrity());
    const p = await configurator('/dist/configurator/');
    try {
      assert.match(await p.page.textContent('#feed-summary'), /Valid forum feed/);
      assert.ok((await snippet(p.page)).includes(`data-feed="${server.url('/dist/configurator/rcf-2025.json')}"`));
      await preview(p.page, 'forum-session-card');
      assert.deepEqual((await settled(p.page)).length, 5);
      assert.deepEqual(p.errors, []);
    } finally {
      await p.close();
    }
  });
});
