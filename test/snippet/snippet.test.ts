// The snippet kit: the widget catalogue that checks untrusted choices, the template-delimiter
// neutraliser, and the markup-form upgrader (CMS blocks -> widgets), in the browser.
import { expect } from '@open-wc/testing';
import { WIDGETS, checkValue, readAttributes, widgetNamed } from '../../src/snippet/catalog.js';
import { neutraliseText, neutraliseUrl, hasNoDelimiters } from '../../src/snippet/neutralise.js';
import { upgradeBlock, upgradeBlocks, upgradeLink, watchBlocks } from '../../src/snippet/markup.js';
import { readChoices, withChoices } from '../../src/snippet/fragment.js';
import { pageConfig } from '../../src/base/config.js';
import { parseFrameQuery } from '../../src/frame/frame.js';

describe('catalog', () => {
  it('names each widget by tag and by short name, nothing else', () => {
    expect(widgetNamed('forum-session-card')?.name).to.equal('session-card');
    expect(widgetNamed('session-card')?.tag).to.equal('forum-session-card');
    expect(widgetNamed('script')).to.equal(undefined);
    expect(widgetNamed('constructor')).to.equal(undefined);
    expect(WIDGETS.map((w) => w.tag)).to.deep.equal(['forum-session-card', 'speaker-quote', 'organizer-strip', 'partner-counter', 'forum-programme']);
  });

  it('checks each kind of value', () => {
    expect(checkValue('boolean', '1')).to.equal('');
    expect(checkValue('boolean', '0')).to.equal(null);
    expect(checkValue('boolean', 'yes')).to.be.instanceOf(Error);
    expect(checkValue('session', 'current')).to.equal('current');
    expect(checkValue('session', 'a"b')).to.be.instanceOf(Error);
    expect(checkValue('id', 'Upper')).to.be.instanceOf(Error);
    expect(checkValue('ids', ' a  b-2 ')).to.equal('a b-2');
    expect(checkValue('ids', 'a <b>')).to.be.instanceOf(Error);
    expect(checkValue('seconds', '60')).to.equal('60');
    expect(checkValue('seconds', '4')).to.be.instanceOf(Error);
    expect(checkValue('seconds', '1e9')).to.be.instanceOf(Error);
    expect(checkValue('level', '7')).to.be.instanceOf(Error);
    expect(checkValue('theme', 'dark')).to.equal('dark');
    expect(checkValue('theme', 'red')).to.be.instanceOf(Error);
    expect(checkValue('url', 'https://forum.example/feed.json')).to.equal('https://forum.example/feed.json');
    for (const bad of ['javascript:alert(1)', 'data:text/html,x', '/relative.json', 'https://']) expect(checkValue('url', bad), bad).to.be.instanceOf(Error);
  });

  it('reads attributes in the catalogue order and names every refused one', () => {
    const w = widgetNamed('session-card')!;
    const got = readAttributes(w, (n) => ({ theme: 'dark', session: 'x', compact: '1', refresh: 'soon', onclick: 'evil()' })[n]);
    expect(got.attrs).to.deep.equal([['session', 'x'], ['compact', ''], ['theme', 'dark']]);
    expect(got.problems).to.deep.equal(['refresh: "soon" is not a number of seconds from 5 to 86400']);
  });
});

describe('neutralise', () => {
  const DELIMS = ['{{', '}}', '${', '[[', ']]', '<%', '%>', '{%', '%}', '{#', '#}'];
  it('splits every template delimiter with an invisible joiner, and only those', () => {
    const text = "{{constructor.constructor('alert(1)')()}} ${x} [[y]] <%= z %> {% raw %} {#c#} {{{triple}}}";
    const out = neutraliseText(text);
    for (const d of DELIMS) expect(out.includes(d), d).to.equal(false);
    expect(hasNoDelimiters(out)).to.equal(true);
    expect(hasNoDelimiters(text)).to.equal(false);
    expect(out.replaceAll('\u2060', '')).to.equal(text);
    expect(neutraliseText('Парки { и } $ 5 % [1] <b>')).to.equal('Парки { и } $ 5 % [1] <b>');
  });

  it('a neutralised text renders the same to the eye (same width)', () => {
    const a = document.createElement('span');
    const b = document.createElement('span');
    a.textContent = 'Title {{x}} [[y]]';
    b.textContent = neutraliseText(a.textContent);
    document.body.append(a, b);
    expect(b.getBoundingClientRect().width).to.be.closeTo(a.getBoundingClientRect().width, 0.5);
    a.remove();
    b.remove();
  });

  it('escapes delimiter characters after the host of a link, keeping escapes and the host', () => {
    expect(neutraliseUrl('https://forum.example/s?q={{1}}&a=[[x]]#%>')).to.equal('https://forum.example/s?q=%7B%7B1%7D%7D&a=%5B%5Bx%5D%5D#%25%3E');
    expect(neutraliseUrl('https://forum.example/a%20b')).to.equal('https://forum.example/a%20b');
    expect(neutraliseUrl('http://[::1]:8080/x')).to.equal('http://[::1]:8080/x');
  });
});

/** The lines console.warn gets while each test of the calling describe() runs. */
function captureWarnings(): string[] {
  const lines: string[] = [];
  const warn = console.warn;
  beforeEach(() => {
    lines.length = 0;
    console.warn = (...a: unknown[]) => lines.push(a.join(' '));
  });
  afterEach(() => {
    console.warn = warn;
  });
  return lines;
}

describe('markup form', () => {
  const block = (attrs: Record<string, string>, inner = '<a href="https://forum.example/">Forum</a>') => {
    const d = document.createElement('div');
    d.className = 'forum-widget';
    for (const [k, v] of Object.entries(attrs)) d.setAttribute(k, v);
    d.innerHTML = inner;
    document.body.append(d);
    return d;
  };
  const warnings = captureWarnings();
  afterEach(() => {
    for (const b of document.querySelectorAll('.forum-widget')) b.remove();
  });

  it('turns a block into its widget, with checked attributes and the fallback inside', () => {
    const b = block({ 'data-widget': 'session-card', 'data-session': 'industrial-parks', 'data-compact': '1', 'data-theme': 'dark' });
    const el = upgradeBlock(b)!;
    expect(el.localName).to.equal('forum-session-card');
    expect([...el.attributes].map((a) => `${a.name}=${a.value}`)).to.deep.equal(['session=industrial-parks', 'compact=', 'theme=dark']);
    expect(el.querySelector('a')?.textContent).to.equal('Forum');
    expect(b.firstElementChild).to.equal(el);
    expect(upgradeBlock(b), 'once only').to.equal(undefined);
    expect(warnings).to.deep.equal([]);
  });

  it('refuses an unknown widget or a bad value, leaving the block as it was, with a warning naming it', () => {
    const unknown = block({ 'data-widget': 'script' });
    const bad = block({ 'data-widget': 'speaker-quote', 'data-quote': '"><img src=x onerror=alert(1)>' });
    const src = block({ 'data-widget': 'partner-counter', 'data-src': 'javascript:alert(1)' });
    upgradeBlocks(document);
    for (const b of [unknown, bad, src]) {
      expect(b.querySelector('forum-session-card, speaker-quote, partner-counter, script')).to.equal(null);
      expect(b.querySelector('a')?.textContent).to.equal('Forum');
    }
    expect(warnings.length).to.equal(3);
    expect(warnings[0]).to.match(/data-widget="script"\S*: unknown widget; known: session-card, speaker-quote, organizer-strip, partner-counter/);
    expect(warnings[1]).to.match(/data-quote: ".*" is not an id/);
    expect(warnings[2]).to.match(/data-src: "javascript:alert\(1\)" is not an absolute http\(s\) URL/);
  });

  it('upgrades blocks added later, also inside added subtrees', async () => {
    const observer = watchBlocks(document);
    try {
      const wrap = document.createElement('section');
      wrap.innerHTML = '<div class="forum-widget" data-widget="organizer-strip" data-roles="organizer"><a href="https://forum.example/">Forum</a></div>';
      document.body.append(wrap);
      const direct = block({ 'data-widget': 'partner-counter' });
      await new Promise((r) => setTimeout(r));
      expect(wrap.querySelector('organizer-strip')?.getAttribute('roles')).to.equal('organizer');
      expect(direct.querySelector('partner-counter')).to.not.equal(null);
      wrap.remove();
    } finally {
      observer.disconnect();
    }
  });
});

describe('markup form: the fallback link\'s fragment (editors that drop the div)', () => {
  const card = widgetNamed('session-card')!;
  const FEED = 'https://forum.example/feed.json';
  const warnings = captureWarnings();
  afterEach(() => {
    delete pageConfig.feed;
    for (const p of document.querySelectorAll('.link-test')) p.remove();
  });
  /** A paragraph holding one link, as CKEditor 5 saves the block. */
  const para = (href: string) => {
    const p = document.createElement('p');
    p.className = 'link-test';
    const a = document.createElement('a');
    a.href = href;
    a.textContent = 'Industrial parks';
    p.append(a);
    document.body.append(p);
    return { p, a };
  };

  it('writes the choices after the link (booleans as 1, the feed encoded), keeping a fragment the link had', () => {
    const attrs: [string, string][] = [['session', 'industrial-parks'], ['compact', '']];
    expect(withChoices('https://forum.example/s', card, attrs, FEED)).to.equal(
      'https://forum.example/s#forum-widget=session-card&session=industrial-parks&compact=1&feed=https%3A%2F%2Fforum.example%2Ffeed.json',
    );
    const kept = withChoices('https://forum.example/programme#day-1', card, attrs);
    expect(kept).to.equal('https://forum.example/programme#day-1:~:forum-widget=session-card&session=industrial-parks&compact=1');
    expect(readChoices(kept)).to.deep.equal({ widget: card, attrs: [['session', 'industrial-parks'], ['compact', '']] });
    expect(readChoices(withChoices('https://x.example/', card, attrs, FEED))).to.deep.equal({ widget: card, attrs, feed: FEED });
  });

  it('ignores fragments that are not ours, refuses ours when anything in it is not catalogued or well-formed', () => {
    for (const href of ['https://forum.example/', 'https://forum.example/#top', 'https://forum.example/#x=1&forum-widget=session-card']) expect(readChoices(href), href).to.equal(undefined);
    const problems = (h: string) => (readChoices(h) as { problems: string[] }).problems;
    expect(problems('https://f.example/#forum-widget=script')).to.deep.equal(['forum-widget: "script" is not one of the widgets']);
    expect(problems('https://f.example/#forum-widget=speaker-quote&quote=%22%3E%3Cimg%20src%3Dx%3E&onclick=x&src=https%3A%2F%2Fe.example%2F&feed=javascript%3Aalert(1)&person=a&person=b')).to.deep.equal([
      'onclick: not an option of speaker-quote',
      'src: not an option of speaker-quote',
      'person: given more than once',
      'quote: "?><img src=x>" is not an id (a-z, 0-9, hyphens)',
      'feed: "javascript:alert(1)" is not an absolute http(s) URL',
    ]);
  });

  it('turns the link into its widget where it stands, the link inside as its fallback', () => {
    const { p, a } = para(withChoices('https://forum.example/s', card, [['session', 'industrial-parks'], ['compact', '']], FEED));
    const el = upgradeLink(a)!;
    const block = el.parentElement!;
    expect(block.parentElement).to.equal(p);
    expect([...block.attributes].map((x) => `${x.name}=${x.value}`), 'the block the editor dropped, again').to.deep.equal([
      'class=forum-widget',
      'data-widget=session-card',
      'data-session=industrial-parks',
      'data-compact=1',
      'data-forum-widget=session-card',
    ]);
    expect([...el.attributes].map((x) => `${x.name}=${x.value}`)).to.deep.equal(['session=industrial-parks', 'compact=', `src=${FEED}`]);
    expect(el.firstElementChild).to.equal(a);
    expect(upgradeLink(a), 'once only').to.equal(undefined);
    upgradeBlocks(document);
    expect(document.querySelectorAll('.link-test forum-session-card').length).to.equal(1);
    expect(warnings).to.deep.equal([]);
  });

  it("the page script's data-feed wins over the fragment's feed", () => {
    pageConfig.feed = 'https://portal.example/feed.json';
    const { a } = para(withChoices('https://forum.example/s', card, [['session', 'x']], 'https://elsewhere.example/feed.json'));
    expect(upgradeLink(a)!.hasAttribute('src')).to.equal(false);
  });

  it('leaves a refused link as it is, with a warning naming the problem; a link inside a block is the block\'s', () => {
    const { p, a } = para('https://forum.example/#forum-widget=session-card&session=Bad%20Id');
    upgradeBlocks(document);
    expect(p.firstElementChild).to.equal(a);
    expect(warnings.length).to.equal(1);
    expect(warnings[0]).to.match(/session: "Bad Id" is not a session id/);
    const div = document.createElement('div');
    div.className = 'forum-widget link-test';
    div.dataset.widget = 'nope';
    div.innerHTML = '<a href="https://forum.example/#forum-widget=partner-counter">Forum</a>';
    document.body.append(div);
    upgradeBlocks(document);
    expect(div.querySelector('partner-counter'), 'a refused block keeps its content as it is').to.equal(null);
  });

  it('upgrades links added later', async () => {
    const observer = watchBlocks(document);
    try {
      const { p } = para('https://forum.example/#forum-widget=organizer-strip&roles=organizer');
      await new Promise((r) => setTimeout(r));
      expect(p.querySelector('organizer-strip')?.getAttribute('roles')).to.equal('organizer');
    } finally {
      observer.disconnect();
    }
  });
});

describe('embed.html query (iframe form)', () => {
  const feed = encodeURIComponent('https://forum.example/feed.json');
  it('shows a catalogued widget with checked attributes, the feed as its src', () => {
    expect(parseFrameQuery(`?widget=forum-session-card&feed=${feed}&session=industrial-parks&compact=1&locale=ru`)).to.deep.equal({
      tag: 'forum-session-card',
      attrs: [['session', 'industrial-parks'], ['compact', ''], ['src', 'https://forum.example/feed.json']],
      locale: 'ru',
    });
  });
  it('refuses anything else, naming each problem', () => {
    expect(parseFrameQuery(`?widget=iframe&feed=${feed}`)).to.deep.equal({ problems: ['widget: "iframe" is not one of the widgets'] });
    const r = parseFrameQuery(`?widget=speaker-quote&feed=javascript:alert(1)&quote=a&quote=b&onload=x&src=${feed}&locale=fr&session=x`) as { problems: string[] };
    expect(r.problems).to.deep.equal([
      'quote: given more than once',
      'onload: not an option of speaker-quote',
      'src: not an option of speaker-quote',
      'session: not an option of speaker-quote',
      'feed: "javascript:alert(1)" is not an absolute http(s) URL',
      'locale: "fr" is not ru, en or zh-Hans',
    ]);
    expect((parseFrameQuery('?widget=partner-counter') as { problems: string[] }).problems).to.deep.equal(['feed: missing']);
  });
});
