import { fixture, html, expect, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { PartnerCounter } from '../../src/partner-counter/partner-counter.js';
import { define } from '../../src/base/define.js';
import { setUiLocale } from '../../src/i18n/locale.js';
import { testFeed } from '../helpers/fixtures.js';
import type { FeedDocument } from '../../src/feed/types.js';

define('partner-counter', PartnerCounter);

const NB = '\u00a0'; // what Intl puts between digit groups in Russian

const frame = () => new Promise<number>((r) => requestAnimationFrame(r));
async function frames(n: number) {
  for (let i = 0; i < n; i++) await frame();
}

const items = (el: PartnerCounter) => [...el.shadowRoot!.querySelectorAll('[part~="item"]')];
/** What assistive technology gets for each figure: the copy that is not aria-hidden. */
const finals = (el: PartnerCounter) =>
  items(el).map((li) => li.querySelector('[part~="value"] > span:not([aria-hidden])')!.textContent);
/** What a sighted reader sees: the counting copy while it runs, else the final one. */
const shown = (el: PartnerCounter) =>
  items(el).map(
    (li) =>
      (li.querySelector('[part~="value"] > [aria-hidden="true"]') ??
        li.querySelector('[part~="value"] > span'))!.textContent,
  );
const labels = (el: PartnerCounter) => items(el).map((li) => li.querySelector('[part~="label"]')!.textContent);
const counting = (el: PartnerCounter) => !!el.shadowRoot!.querySelector('[aria-hidden="true"]');
const notice = (el: PartnerCounter) => el.shadowRoot!.querySelector('[part="notice"]')?.textContent;

/** Resolves on the first IntersectionObserver report about `target` (what the element also gets). */
function firstIntersection(target: Element) {
  return new Promise<boolean>((resolve) => {
    const io = new IntersectionObserver((entries) => {
      io.disconnect();
      resolve(entries[0].isIntersecting);
    });
    io.observe(target);
  });
}

/** An element inside a scroll box, below its fold, so it is not in view until scrolled to. */
async function belowFold(feed: unknown, counters?: string) {
  const box = await fixture<HTMLDivElement>(html`
    <div style="block-size: 150px; overflow: auto">
      <div style="block-size: 1000px"></div>
      <partner-counter .feed=${feed} counters=${counters ?? ''}></partner-counter>
    </div>
  `);
  const el = box.querySelector('partner-counter') as PartnerCounter;
  await el.updateComplete;
  return el;
}

/** A feed with one figure of every kind (the same as test/fixtures/counter-feed.json). */
async function fixtureFeed(): Promise<FeedDocument> {
  return (await fetch('/test/fixtures/counter-feed.json')).json();
}

afterEach(async () => {
  await setUiLocale(null);
  await emulateMedia({ reducedMotion: 'no-preference' });
});

describe('partner-counter: content', () => {
  beforeEach(() => setUiLocale('en'));

  it('shows every counter in feed order when no ids are given, number then label', async () => {
    const el = await fixture<PartnerCounter>(html`<partner-counter .feed=${testFeed()}></partner-counter>`);
    expect(el.state).to.equal('ready');
    expect(finals(el)).to.deep.equal(['more than 30', 'more than 3,000', '209']);
    expect(labels(el)).to.deep.equal(['thematic platforms', 'applications to take part', 'countries and territories']);
    const list = el.shadowRoot!.querySelector('ul')!;
    expect(list.getAttribute('part')).to.equal('base list');
    expect(list.children.length).to.equal(3);
    // Number first, label second in each item: that is the order a screen reader says them.
    const li = items(el)[1];
    expect(li.tagName).to.equal('LI');
    expect(li.firstElementChild!.getAttribute('part')).to.equal('value');
    expect(li.lastElementChild!.getAttribute('part')).to.equal('label');
    await expect(el).to.be.accessible();
  });

  it('loads from src (a real URL) and shows the fixture figures', async () => {
    const el = await fixture<PartnerCounter>(html`<partner-counter src="/test/fixtures/counter-feed.json"></partner-counter>`);
    await waitUntil(() => el.state === 'ready', 'feed never became ready');
    await el.updateComplete;
    expect(finals(el)).to.deep.equal(['more than 3,000', 'about 40', '1.5 thousand m²']);
    expect(labels(el)).to.deep.equal(['participants', 'regions of Russia and China', 'of exhibition space']);
    await expect(el).to.be.accessible();
  });

  it('follows the order of the counters attribute and leaves the others out', async () => {
    const el = await fixture<PartnerCounter>(
      html`<partner-counter .feed=${testFeed()} counters=" countries  platforms "></partner-counter>`,
    );
    expect(labels(el)).to.deep.equal(['countries and territories', 'thematic platforms']);
    el.counters = 'applications';
    await el.updateComplete;
    expect(labels(el)).to.deep.equal(['applications to take part']);
    el.counters = '';
    await el.updateComplete;
    expect(labels(el)).to.have.length(3);
  });

  it('formats figures, qualifiers and units in ru, en and zh-Hans', async () => {
    const el = await fixture<PartnerCounter>(html`<partner-counter .feed=${await fixtureFeed()}></partner-counter>`);
    await setUiLocale('ru');
    await el.updateComplete;
    expect(finals(el)).to.deep.equal([`более 3${NB}000`, 'около 40', '1,5 тыс. м²']);
    expect(labels(el)).to.deep.equal(['участников', 'регионов России и Китая', 'выставочной площади']);
    await setUiLocale('en');
    await el.updateComplete;
    expect(finals(el)).to.deep.equal(['more than 3,000', 'about 40', '1.5 thousand m²']);
    await setUiLocale('zh-Hans');
    await el.updateComplete;
    expect(finals(el)).to.deep.equal(['超过3,000', '约40', '1.5千平方米']);
    expect(labels(el)).to.deep.equal(['名参会者', '个俄中地区', 'выставочной площади']);
    await expect(el).to.be.accessible();
  });

  it('marks the qualifier words and the unit as parts, wherever the locale puts them', async () => {
    const el = await fixture<PartnerCounter>(html`<partner-counter .feed=${await fixtureFeed()}></partner-counter>`);
    const [more, about, area] = items(el).map((li) => li.querySelector('[part~="value"] > span')!);
    expect(more.querySelector('[part="qualifier"]')!.textContent).to.equal('more than ');
    expect(more.querySelector('[part="number"]')!.textContent).to.equal('3,000');
    expect(about.querySelector('[part="qualifier"]')!.textContent).to.equal('about ');
    // "exact" has no words at all.
    expect(area.querySelector('[part="qualifier"]')).to.equal(null);
    // Each part carries the space next to it, so the gap is as small as the words.
    expect(area.querySelector('[part="unit"]')!.textContent).to.equal(' thousand m²');
    await setUiLocale('zh-Hans');
    await el.updateComplete;
    const zh = items(el)[0].querySelector('[part~="value"] > span')!;
    expect(zh.querySelector('[part="qualifier"]')!.textContent).to.equal('超过');
    expect(zh.querySelector('[part="number"]')!.textContent).to.equal('3,000');
  });

  it('puts lang on a label or unit that falls back to another language', async () => {
    const el = await fixture<PartnerCounter>(html`<partner-counter .feed=${await fixtureFeed()}></partner-counter>`);
    await setUiLocale('zh-Hans');
    await el.updateComplete;
    const label = items(el)[2].querySelector('[part="label"]')!;
    expect(label.getAttribute('lang')).to.equal('ru');
    expect(items(el)[0].querySelector('[part="label"]')!.hasAttribute('lang')).to.equal(false);
    const feed = await fixtureFeed();
    feed.counters![2].unit = { ru: 'тыс. м²' };
    el.feed = feed;
    await el.updateComplete;
    // A Russian unit in a Chinese page keeps its space and says what language it is.
    expect(finals(el)[2]).to.equal('1.5 тыс. м²');
    expect(items(el)[2].querySelector('[part="unit"]')!.getAttribute('lang')).to.equal('ru');
    await expect(el).to.be.accessible();
  });

  it('shows HTML in labels and units as text', async () => {
    const feed = testFeed();
    feed.counters![0].label = '<img src=x onerror="window.__pwned=1"><b>bold</b>';
    feed.counters![0].unit = '<i>km</i>';
    const el = await fixture<PartnerCounter>(html`<partner-counter .feed=${feed} counters="platforms"></partner-counter>`);
    const li = items(el)[0];
    expect(li.querySelector('[part="label"]')!.textContent).to.equal('<img src=x onerror="window.__pwned=1"><b>bold</b>');
    expect(li.querySelector('[part="unit"]')!.textContent).to.equal(' <i>km</i>');
    expect(li.querySelectorAll('img, b, i')).to.have.length(0);
  });
});

describe('partner-counter: missing, error and fallback', () => {
  beforeEach(() => setUiLocale('en'));

  it('says which ids are not in the feed when none of them is', async () => {
    const el = await fixture<PartnerCounter>(html`<partner-counter .feed=${testFeed()} counters="visitors deals"></partner-counter>`);
    expect(el.state).to.equal('missing');
    expect(notice(el)).to.equal('Figures not found in the feed: visitors, deals');
    await expect(el).to.be.accessible();
    await setUiLocale('ru');
    await el.updateComplete;
    expect(notice(el)).to.equal('В ленте не найдены показатели: visitors, deals');
    await setUiLocale('zh-Hans');
    await el.updateComplete;
    expect(notice(el)).to.equal('数据源中未找到以下数据：visitors, deals');
  });

  it('shows the known ids and warns once about the others', async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...a: unknown[]) => void warnings.push(a.join(' '));
    try {
      const el = await fixture<PartnerCounter>(
        html`<partner-counter .feed=${testFeed()} counters="countries no-such-figure platforms"></partner-counter>`,
      );
      expect(el.state).to.equal('ready');
      expect(labels(el)).to.deep.equal(['countries and territories', 'thematic platforms']);
      await setUiLocale('ru');
      await el.updateComplete;
      el.feed = testFeed();
      await el.updateComplete;
      const mine = warnings.filter((w) => w.includes('no-such-figure'));
      expect(mine).to.have.length(1);
      expect(mine[0]).to.contain('<partner-counter>');
    } finally {
      console.warn = warn;
    }
  });

  it('says so when the feed has no figures at all', async () => {
    const feed = testFeed();
    delete feed.counters;
    const el = await fixture<PartnerCounter>(html`<partner-counter .feed=${feed}></partner-counter>`);
    expect(el.state).to.equal('missing');
    expect(notice(el)).to.equal('There are no figures in the feed yet.');
    await setUiLocale('ru');
    await el.updateComplete;
    expect(notice(el)).to.equal('В ленте пока нет показателей.');
    await expect(el).to.be.accessible();
  });

  it('shows a short notice for an invalid feed and its children as fallback', async () => {
    const bad = { ...testFeed(), version: 2 };
    const el = await fixture<PartnerCounter>(html`<partner-counter .feed=${bad}></partner-counter>`);
    expect(el.state).to.equal('error');
    expect(notice(el)).to.equal('Forum content is unavailable right now.');
    expect(el.shadowRoot!.querySelector('ul')).to.equal(null);
    await expect(el).to.be.accessible();
    const withChildren = await fixture<PartnerCounter>(
      html`<partner-counter .feed=${bad}><a href="https://forum.example.org/">Forum in figures</a></partner-counter>`,
    );
    expect(withChildren.state).to.equal('error');
    expect(withChildren.shadowRoot!.querySelector('slot')).to.not.equal(null);
    expect(withChildren.querySelector('a')!.getBoundingClientRect().height).to.be.greaterThan(0);
    await expect(withChildren).to.be.accessible();
  });

  it('reports a feed that is not there (404) and keeps the fallback', async () => {
    const el = await fixture<PartnerCounter>(
      html`<partner-counter src="/test/fixtures/no-such-counter-feed.json"><p>Figures: forum.example.org</p></partner-counter>`,
    );
    await waitUntil(() => el.state === 'error', 'never reported the 404');
    expect(el.shadowRoot!.querySelector('slot')).to.not.equal(null);
    await expect(el).to.be.accessible();
  });

  it('reserves its height while loading, then shows the figures', async () => {
    const key = `load-${Date.now()}`;
    const el = await fixture<PartnerCounter>(html`<partner-counter src="/__hold/${key}/counter-feed.json"></partner-counter>`);
    expect(el.state).to.equal('loading');
    expect(el.getBoundingClientRect().height).to.be.greaterThan(60);
    await expect(el).to.be.accessible();
    await fetch(`/__hold/${key}/release`);
    await waitUntil(() => el.state === 'ready', 'feed never arrived');
    await el.updateComplete;
    expect(finals(el)).to.deep.equal(['more than 3,000', 'about 40', '1.5 thousand m²']);
  });
});

describe('partner-counter: counting up', () => {
  beforeEach(() => setUiLocale('en'));

  it('shows the final figure below the fold, counts up once scrolled into view and ends on the exact value', async () => {
    const el = await belowFold(testFeed(), 'applications');
    expect(await firstIntersection(el)).to.equal(false);
    await frames(2);
    // A screenshot, a print or a reader who never scrolls there sees the real figure, never 0.
    expect(counting(el)).to.equal(false);
    expect(shown(el)).to.deep.equal(['more than 3,000']);
    const box = (e: Element) => e.getBoundingClientRect().toJSON();
    const before = { host: box(el), item: box(items(el)[0]) };
    const seen: number[] = [];
    const mo = new MutationObserver(() => {
      const t = counting(el) && shown(el)[0];
      if (t) seen.push(Number(t.replace(/\D/g, '')));
    });
    mo.observe(el.shadowRoot!, { subtree: true, childList: true, characterData: true });
    const done = oneEvent(el, 'forum-counter-done');
    el.scrollIntoView();
    await done;
    mo.disconnect();
    expect(counting(el)).to.equal(false);
    expect(shown(el)).to.deep.equal(['more than 3,000']);
    // It really counted: values in between, never going back.
    expect(seen.some((n) => n > 0 && n < 3000)).to.equal(true);
    expect(seen.every((n, i) => i === 0 || n >= seen[i - 1])).to.equal(true);
    // Nothing moved: the box was the final value's size all along (only scrolled, hence y).
    const after = { host: box(el), item: box(items(el)[0]) };
    for (const k of ['host', 'item'] as const) {
      expect([after[k].width, after[k].height]).to.deep.equal([before[k].width, before[k].height]);
    }
    await expect(el).to.be.accessible();
  });

  it('gives assistive technology only the final value, also while counting', async () => {
    const el = await belowFold(testFeed(), 'applications');
    el.scrollIntoView();
    await waitUntil(() => counting(el), 'never started counting');
    expect(finals(el)).to.deep.equal(['more than 3,000']);
    // The text left for assistive technology: everything not aria-hidden, and the final copy is
    // only transparent (opacity), never display:none or visibility:hidden, which would hide it.
    const li = items(el)[0];
    const spoken = (node: Node): string =>
      node instanceof Element && node.getAttribute('aria-hidden') === 'true'
        ? ''
        : node.nodeType === Node.TEXT_NODE
          ? node.textContent!
          : [...node.childNodes].map(spoken).join('');
    expect(spoken(li).replace(/\s+/g, ' ').trim()).to.equal('more than 3,000 applications to take part');
    const finalCopy = li.querySelector('[part~="value"] > span')!;
    expect(getComputedStyle(finalCopy).visibility).to.equal('visible');
    expect(getComputedStyle(finalCopy).display).to.not.equal('none');
    expect(getComputedStyle(finalCopy).opacity).to.equal('0');
    expect(el.shadowRoot!.querySelector('[aria-live], [role="status"], [role="timer"]')).to.equal(null);
    // The counting copy sits over the final one, which sizes the box: nothing moves.
    const value = el.shadowRoot!.querySelector('[part~="value"]')!;
    const [final, run] = [...value.children] as HTMLElement[];
    expect(run.getBoundingClientRect().width).to.be.at.most(final.getBoundingClientRect().width);
    await expect(el).to.be.accessible();
  });

  it('does not count at all under prefers-reduced-motion', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    const el = await belowFold(testFeed(), 'applications');
    expect(counting(el)).to.equal(false);
    expect(shown(el)).to.deep.equal(['more than 3,000']);
    let done = false;
    el.addEventListener('forum-counter-done', () => (done = true));
    el.scrollIntoView();
    expect(await firstIntersection(el)).to.equal(true);
    await frames(3);
    expect(counting(el)).to.equal(false);
    expect(done).to.equal(false);
    expect(shown(el)).to.deep.equal(['more than 3,000']);
  });

  it('shows a changed value at once after counting, without counting again', async () => {
    const el = await belowFold(testFeed(), 'applications');
    const done = oneEvent(el, 'forum-counter-done');
    el.scrollIntoView();
    await done;
    const feed = testFeed();
    feed.counters![1].value = 3500;
    el.feed = feed;
    await el.updateComplete;
    expect(counting(el)).to.equal(false);
    expect(shown(el)).to.deep.equal(['more than 3,500']);
  });

  it('stops when removed mid-count and shows the final value when put back', async () => {
    const el = await belowFold(testFeed(), 'applications');
    const box = el.parentElement!;
    el.scrollIntoView();
    await waitUntil(() => counting(el) && shown(el)[0] !== 'more than 0', 'never started counting');
    let done = false;
    el.addEventListener('forum-counter-done', () => (done = true));
    el.remove();
    await frames(3);
    expect(done).to.equal(false);
    box.append(el);
    await el.updateComplete;
    expect(counting(el)).to.equal(false);
    expect(shown(el)).to.deep.equal(['more than 3,000']);
  });

  it('keeps waiting when moved before it was seen, and counts where it lands', async () => {
    const el = await belowFold(testFeed(), 'platforms');
    expect(await firstIntersection(el)).to.equal(false);
    const host = el.parentElement!.parentElement!;
    el.remove();
    const done = oneEvent(el, 'forum-counter-done');
    host.prepend(el);
    await done;
    expect(shown(el)).to.deep.equal(['more than 30']);
  });
});

describe('partner-counter: theme', () => {
  it('passes axe in the dark theme', async () => {
    const el = await fixture<PartnerCounter>(html`<partner-counter theme="dark" .feed=${testFeed()}></partner-counter>`);
    expect(getComputedStyle(el.shadowRoot!.querySelector('ul')!).backgroundColor).to.equal('rgb(22, 25, 29)');
    await expect(el).to.be.accessible();
  });

  it('takes the figure size and colour from its custom properties', async () => {
    const el = await fixture<PartnerCounter>(
      html`<partner-counter style="--forum-counter-size: 20px; --forum-counter-color: rgb(0, 90, 0)" .feed=${testFeed()}></partner-counter>`,
    );
    const value = getComputedStyle(el.shadowRoot!.querySelector('[part~="value"]')!);
    expect([value.fontSize, value.color]).to.deep.equal(['20px', 'rgb(0, 90, 0)']);
  });
});
