// The design's behaviour across widgets (docs/design.md): the card's forum line, year, next step,
// add-to-calendar, clamped summary and bounded people; the page's low-vision hook and the
// contrast themes; the counter's named list; monograms and Chinese punctuation.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import ICAL from 'ical.js';
import { ForumSessionCard } from '../../src/session-card/session-card.js';
import { SpeakerQuote } from '../../src/speaker-quote/speaker-quote.js';
import { PartnerCounter } from '../../src/partner-counter/partner-counter.js';
import { define } from '../../src/base/define.js';
import { manualClock, setClock } from '../../src/base/clock.js';
import { setUiLocale } from '../../src/i18n/locale.js';
import { initials } from '../../src/i18n/typography.js';
import { testFeed, T0 } from '../helpers/fixtures.js';
import type { FeedDocument } from '../../src/feed/types.js';

define('forum-session-card', ForumSessionCard);
define('speaker-quote', SpeakerQuote);
define('partner-counter', PartnerCounter);

const KHV = 'Asia/Vladivostok';
const $ = (el: Element, sel: string) => el.shadowRoot!.querySelector<HTMLElement>(sel);
const $$ = (el: Element, sel: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(sel)];

const LONG = 'Участники сессии обсудили создание индустриальных парков совместно с КНР. '.repeat(12).trim();

function crowded(): FeedDocument {
  const f = testFeed();
  const people = Array.from({ length: 6 }, (_, i) => ({ id: `p${i}`, name: `Иван Петров ${i}`, position: 'Директор департамента инвестиционной политики' }));
  f.people = [...f.people!, ...people];
  f.sessions![1] = { ...f.sessions![1], summary: LONG, speakers: people.map((p) => p.id), url: undefined };
  f.forum.url = 'https://forum.example.org/';
  return f;
}

async function card(session: string, feed: unknown = testFeed(), width = 390) {
  const wrap = await fixture<HTMLDivElement>(html`<div style="inline-size:${width}px"><forum-session-card session=${session} reader-time-zone=${KHV} .feed=${feed}></forum-session-card></div>`);
  const el = wrap.firstElementChild as ForumSessionCard;
  await el.updateComplete;
  return el;
}

describe('design: session card', () => {
  beforeEach(async () => {
    setClock(manualClock(T0));
    await setUiLocale('en');
  });
  afterEach(async () => {
    setClock(null);
    await setUiLocale(null);
    document.documentElement.removeAttribute('data-forum-theme');
  });

  it('names the forum, with a monogram, and adds the year only when it is not the current year', async () => {
    const el = await card('opening');
    expect($(el, '[part="forum"] > span:last-child')!.textContent).to.equal('Russian-Chinese Forum');
    expect($(el, '[part="forum"] .av')!.textContent).to.equal('RCF');
    expect($(el, '[part="forum"] .av')!.getAttribute('aria-hidden')).to.equal('true');
    expect($(el, '[part="time"] time')!.textContent).to.equal('May 19, 10:00 – 11:00 AM');
    // A year later the same session says which year it was.
    setClock(manualClock(T0 + 365 * 86_400_000));
    el.requestUpdate();
    await el.updateComplete;
    expect($(el, '[part="time"] time')!.textContent).to.equal('May 19, 2025, 10:00 – 11:00 AM');
  });

  it('always offers a next step: the session page, else the forum site; it is a focusable link', async () => {
    const el = await card('opening');
    const go = $(el, '.actions a.go') as HTMLAnchorElement;
    expect([go.textContent, go.getAttribute('href')]).to.deep.equal(['Session page', 'https://forum.example.org/opening']);
    go.focus();
    expect(el.shadowRoot!.activeElement).to.equal(go);
    const other = await card('industrial-parks', crowded());
    const fallback = $(other, '.actions a.go')!;
    expect([fallback.textContent, fallback.getAttribute('href')]).to.deep.equal(['Forum website', 'https://forum.example.org/']);
  });

  it('offers the session as <id>.ics in the forum zone, and none once it is over', async () => {
    const el = await card('opening');
    const a = $(el, '[part="calendar"]') as HTMLAnchorElement;
    expect(a.textContent!.trim()).to.equal('Add to calendar');
    expect(a.getAttribute('download')).to.equal('opening.ics');
    // The file is built when the link is reached: by keyboard here (pointer and click below).
    a.focus();
    const ics = decodeURIComponent(a.href.slice(a.href.indexOf(',') + 1));
    const cal = new ICAL.Component(ICAL.parse(ics));
    ICAL.TimezoneService.register(new ICAL.Timezone(cal.getFirstSubcomponent('vtimezone')!));
    const ev = new ICAL.Event(cal.getFirstSubcomponent('vevent')!);
    expect(ev.startDate.toUnixTime() * 1000).to.equal(T0 + 3_600_000);
    expect(ev.startDate.zone.tzid).to.equal(KHV);
    expect([ev.summary, ev.location]).to.deep.equal(['Opening', 'Hall 1, Khabarovsk']);
    ICAL.TimezoneService.reset();
    // A click that comes without focus or hover (a screen reader's activation) downloads the same file.
    const other = await card('opening');
    const link = $(other, '[part="calendar"]') as HTMLAnchorElement;
    let clicked = '';
    link.addEventListener('click', (e) => {
      clicked = link.href;
      e.preventDefault(); // no real download in the test browser
    });
    link.click();
    // The same file (DTSTAMP aside: the test feed has no `updated`, so it is the time of building).
    const stampless = (href: string) => decodeURIComponent(href.slice(href.indexOf(',') + 1)).replace(/^DTSTAMP:.*$/m, '');
    expect(stampless(clicked)).to.have.string('BEGIN:VEVENT').and.equal(stampless(a.href));
    setClock(manualClock(T0 + 3 * 3_600_000));
    el.requestUpdate();
    await el.updateComplete;
    expect($(el, '[part="calendar"]')).to.equal(null);
  });

  it('clamps a long summary to three lines with a "Show more" button that opens and closes it', async () => {
    const el = await card('industrial-parks', crowded());
    const summary = $(el, '[part="summary"]')!;
    const lh = parseFloat(getComputedStyle(summary).lineHeight);
    expect(summary.getBoundingClientRect().height).to.be.closeTo(3 * lh, 1);
    await waitUntil(() => $(el, '.block .more'), 'no more button');
    const more = $(el, '.block .more') as HTMLButtonElement;
    expect([more.textContent, more.getAttribute('aria-expanded'), more.getAttribute('aria-controls')]).to.deep.equal(['Show more', 'false', summary.id]);
    more.click();
    await el.updateComplete;
    expect($(el, '[part="summary"]')!.getBoundingClientRect().height).to.be.greaterThan(6 * lh);
    expect(($(el, '.block .more') as HTMLButtonElement).getAttribute('aria-expanded')).to.equal('true');
    await expect(el).to.be.accessible();
    // A short summary gets no button.
    const short = await card('industrial-parks');
    // Blocks are measured after layout, before paint: two frames later the decision is made.
    for (let i = 0; i < 2; i++) await new Promise((r) => requestAnimationFrame(r));
    await short.updateComplete;
    expect($(short, '.block .more')).to.equal(null);
  });

  it('shows at most three people per group, one row each, then "and N more" that opens the rest', async () => {
    const el = await card('industrial-parks', crowded());
    const rows = $$(el, '#sp [part="person"]');
    expect(rows).to.have.length(2);
    const more = $(el, '.people .more') as HTMLButtonElement;
    expect(more.textContent).to.equal('and 4 more');
    // One row per person: monogram beside a name line and a position line, the same height each.
    expect(new Set(rows.map((r) => Math.round(r.getBoundingClientRect().height))).size).to.equal(1);
    expect(getComputedStyle($(el, '.who .pos')!).whiteSpace).to.equal('nowrap');
    more.click();
    await el.updateComplete;
    expect($$(el, '#sp [part="person"]')).to.have.length(6);
    expect(($(el, '.people .more') as HTMLButtonElement).getAttribute('aria-expanded')).to.equal('true');
  });

  it('follows the page low-vision switch <html data-forum-theme> over its own theme, live', async () => {
    const el = await card('opening');
    el.theme = 'dark';
    await el.updateComplete;
    expect(el.getAttribute('look')).to.equal('dark');
    const base = $(el, '[part="base"]')!;
    document.documentElement.setAttribute('data-forum-theme', 'contrast');
    await waitUntil(() => el.getAttribute('look') === 'contrast');
    expect(getComputedStyle(base).backgroundColor).to.equal('rgb(255, 255, 255)');
    expect(getComputedStyle(base).color).to.equal('rgb(0, 0, 0)');
    // Larger text, and images off (the monogram stays).
    expect(parseFloat(getComputedStyle(base).fontSize)).to.be.greaterThan(16);
    document.documentElement.setAttribute('data-forum-theme', 'contrast-dark');
    await waitUntil(() => el.getAttribute('look') === 'contrast-dark');
    expect(getComputedStyle(base).backgroundColor).to.equal('rgb(0, 0, 0)');
    await expect(el).to.be.accessible();
    document.documentElement.removeAttribute('data-forum-theme');
    await waitUntil(() => el.getAttribute('look') === 'dark');
  });

  it('theme="contrast" hides photos and shows monograms', async () => {
    const f = testFeed();
    const el = await card('industrial-parks', f);
    el.theme = 'contrast';
    await el.updateComplete;
    const photo = $(el, '[part="photo"]')!;
    expect(getComputedStyle(photo).display).to.equal('none');
    expect(photo.parentElement!.textContent!.trim()).to.equal('DC');
  });

  it('joins position and organisation with a full-width comma in Chinese', async () => {
    await setUiLocale('zh-Hans');
    const f = testFeed();
    f.people![0].organization = { ...(f.people![0].organization as object), 'zh-Hans': '哈巴罗夫斯克边疆区政府' };
    const el = await card('industrial-parks', f);
    expect($(el, '[part="person"] .pos')!.textContent).to.equal('州长顾问，哈巴罗夫斯克边疆区政府');
  });
});

describe('design: quote and counter', () => {
  afterEach(() => setUiLocale(null));

  it('the quote is an excerpt with "Read more" when long', async () => {
    await setUiLocale('en');
    const f = testFeed();
    f.quotes![0].text = LONG;
    const wrap = await fixture<HTMLDivElement>(html`<div style="inline-size:390px"><speaker-quote quote="q-zalivatsky" .feed=${f}></speaker-quote></div>`);
    const el = wrap.firstElementChild as SpeakerQuote;
    await waitUntil(() => $(el, '.more'), 'no read-more button');
    const p = $(el, '[part="text"]')!;
    const lh = parseFloat(getComputedStyle(p).lineHeight);
    expect(p.getBoundingClientRect().height).to.be.closeTo(6 * lh, 1);
    expect($(el, '.more')!.textContent).to.equal('Read more');
    await expect(el).to.be.accessible();
  });

  it('the "Read more" and "Show more" lines are in the first frame painted with the text: nothing inside the widget moves after it shows', async () => {
    await setUiLocale('en');
    const f = testFeed();
    f.quotes![0].text = LONG;
    const shifts: string[] = [];
    for (const make of [
      () => Object.assign(document.createElement('speaker-quote'), { quote: 'q-zalivatsky', feed: f }),
      () => Object.assign(document.createElement('forum-session-card'), { session: 'industrial-parks', readerTimeZone: KHV, feed: crowded() }),
    ]) {
      // A box taller than the widget, so only the widget's own inside can move (a new box is no
      // shift). The test runs on in an animation frame (fixture() waits for one): an update there
      // must not leave the decision to the next frame either.
      const box = await fixture<HTMLDivElement>(html`<div style="inline-size:358px;block-size:1600px"></div>`);
      let cls = 0;
      const po = new PerformanceObserver((l) => l.getEntries().forEach((e) => (cls += (e as unknown as { value: number }).value)));
      po.observe({ type: 'layout-shift' });
      const el = make();
      box.append(el);
      await waitUntil(() => $(el, '.more'), 'no more button');
      for (let i = 0; i < 3; i++) await new Promise((r) => requestAnimationFrame(r));
      await new Promise((r) => setTimeout(r, 50)); // entries are delivered after the frame
      po.disconnect();
      if (cls) shifts.push(`${el.localName}: ${cls}`);
    }
    expect(shifts).to.deep.equal([]);
  });

  it('the counter names its list after the forum', async () => {
    await setUiLocale('ru');
    const el = await fixture<PartnerCounter>(html`<partner-counter .feed=${testFeed()}></partner-counter>`);
    expect($(el, 'ul')!.getAttribute('aria-label')).to.equal('Российско-Китайский форум в цифрах');
  });

  it('monograms: two letters for people, up to three for organisations, first characters in Chinese', () => {
    expect(initials('Руслан Заливацкий', 2)).to.equal('РЗ');
    expect(initials('Российско-Китайский форум', 3)).to.equal('РКФ');
    expect(initials('Russian-Chinese Forum', 3)).to.equal('RCF');
    expect(initials('俄中论坛', 3)).to.equal('俄中');
    expect(initials('鲁斯兰·扎利瓦茨基', 2)).to.equal('鲁');
    expect(initials('АНО «Агентство»', 3)).to.equal('АА');
  });
});
