import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import { ForumSessionCard } from '../../src/session-card/session-card.js';
import { define } from '../../src/base/define.js';
import { manualClock, setClock } from '../../src/base/clock.js';
import { setUiLocale } from '../../src/i18n/locale.js';
import { safe } from '../../src/base/safe.js';
import { testFeed, T0, MIN } from '../helpers/fixtures.js';

define('forum-session-card', ForumSessionCard);

// testFeed(): `opening` 10:00–11:00 with a stream, `industrial-parks` 12:00–13:30, `cancelled-one`
// 14:00–15:00 cancelled; T0 is 09:00 on 19 May in Khabarovsk (Asia/Vladivostok, UTC+10).
const HOUR = 60 * MIN;
const KHV = 'Asia/Vladivostok';

let clock = manualClock(T0);

async function card(attrs: { session?: string; feed?: unknown; zone?: string; compact?: boolean } = {}) {
  return fixture<ForumSessionCard>(html`<forum-session-card
    session=${attrs.session ?? 'opening'}
    reader-time-zone=${attrs.zone ?? KHV}
    ?compact=${attrs.compact}
    .feed=${attrs.feed ?? testFeed()}
  ></forum-session-card>`);
}

const root = (el: ForumSessionCard) => el.shadowRoot!;
const part = (el: ForumSessionCard, name: string) => root(el).querySelector<HTMLElement>(`[part~="${name}"]`);
const badge = (el: ForumSessionCard) => part(el, 'badge')?.textContent?.trim();
const frames = async (n: number) => {
  for (let i = 0; i < n; i++) await new Promise((r) => requestAnimationFrame(r));
};
const text = (el: ForumSessionCard) => root(el).textContent!.replace(/\s+/g, ' ');

/** Moves the manual clock and lets the card render what its timer asked for. */
async function at(el: ForumSessionCard, t: number) {
  clock.set(t);
  await el.updateComplete;
}

describe('forum-session-card', () => {
  beforeEach(async () => {
    clock = manualClock(T0);
    setClock(clock);
    await setUiLocale('en');
  });
  afterEach(async () => {
    setClock(null);
    await setUiLocale(null);
  });

  it('renders a session from a feed object: title, time with zone, venue, people, summary, link', async () => {
    await setUiLocale('ru');
    const el = await card({ session: 'industrial-parks' });
    expect(el.getAttribute('state')).to.equal('ready');
    expect(part(el, 'heading')!.localName).to.equal('h3');
    expect(part(el, 'heading')!.textContent).to.equal('Индустриальные парки: площадка сотрудничества России и Китая');
    expect(part(el, 'time')!.textContent!.replace(/\s+/g, ' ')).to.contain('19 мая, 12:00–13:30').and.contain('(Хабаровск, UTC+10)');
    expect(root(el).querySelector('time')!.getAttribute('datetime')).to.equal(testFeed().sessions![1].start);
    // A person is a monogram (decoration, hidden), the name line and the position line.
    const people = [...root(el).querySelectorAll('[part="person"] .who')].map((p) => [...p.children].map((c) => c.textContent).join(' '));
    expect(people).to.deep.equal([
      'Руслан Заливацкий Советник губернатора, Правительство Хабаровского края',
      'Шан Шивэй',
      'Дмитрий Черкашин',
    ]);
    expect(text(el)).to.contain('Спикеры').and.contain('Модератор');
    expect(part(el, 'summary')!.textContent).to.equal('Обсуждение совместных парков.');
    expect(part(el, 'link')!.getAttribute('href')).to.equal('https://forum.example.org/industrial-parks');
    const photo = part(el, 'photo') as HTMLImageElement;
    expect([photo.alt, photo.getAttribute('width'), photo.getAttribute('height'), photo.loading]).to.deep.equal(['', '40', '40', 'lazy']);
    expect(badge(el)).to.equal('Запланирована');
    await expect(el).to.be.accessible();
  });

  it('renders from src, a real URL on the test server', async () => {
    const loaded = fixture<ForumSessionCard>(
      html`<forum-session-card session="industrial-parks" reader-time-zone=${KHV} src="/test/fixtures/session-card-feed.json"></forum-session-card>`,
    );
    const el = await loaded;
    await waitUntil(() => el.getAttribute('state') === 'ready', 'feed did not load');
    await el.updateComplete;
    expect(part(el, 'heading')!.textContent).to.equal('Industrial parks: a platform for Russian-Chinese cooperation');
    expect(part(el, 'venue')!.textContent).to.equal('Hall 3');
    expect((part(el, 'photo') as HTMLImageElement).src).to.equal('https://forum.example.org/photos/zalivatsky.jpg');
  });

  it('reserves its size and is accessible while loading, then shows the feed', async () => {
    const key = `k${Math.random().toString(36).slice(2)}`;
    const el = await fixture<ForumSessionCard>(
      html`<forum-session-card session="industrial-parks" src=${`/__hold/${key}/session-card-feed.json`}></forum-session-card>`,
    );
    expect(el.getAttribute('state')).to.equal('loading');
    expect(part(el, 'skeleton')).to.exist;
    expect(parseFloat(getComputedStyle(el).minBlockSize)).to.be.greaterThan(100);
    await expect(el).to.be.accessible();
    await frames(2); // the loading box is laid out and reported
    const loading = el.getBoundingClientRect().height;
    await fetch(`/__hold/${key}/release`);
    await waitUntil(() => el.getAttribute('state') === 'ready', 'feed did not load');
    // It keeps the loading box's height (its content is shorter here) until its width changes.
    expect(el.getBoundingClientRect().height).to.equal(loading);
    el.style.inlineSize = '300px';
    await frames(2);
    expect(el.style.minBlockSize).to.equal('');
    expect(el.getBoundingClientRect().height).to.equal(part(el, 'base')!.getBoundingClientRect().height);
  });

  it('lets go of the loading box\'s height once it is below the viewport, where nothing seen moves; holds it above the viewport', async () => {
    const key = `k${Math.random().toString(36).slice(2)}`;
    const src = `/__hold/${key}/session-card-feed.json`;
    const box = await fixture<HTMLDivElement>(
      html`<div>
        <forum-session-card session="industrial-parks" src=${src}></forum-session-card>
        <div style="block-size: 300vh"></div>
        <forum-session-card session="industrial-parks" src=${src}></forum-session-card>
      </div>`,
    );
    const [seen, below] = box.querySelectorAll('forum-session-card') as NodeListOf<ForumSessionCard>;
    await waitUntil(() => [seen, below].every((c) => part(c, 'skeleton')), 'no skeletons');
    await frames(2);
    const loading = seen.getBoundingClientRect().height;
    await fetch(`/__hold/${key}/release`);
    await waitUntil(() => [seen, below].every((c) => c.getAttribute('state') === 'ready'), 'feed did not load');
    // The card in view keeps its box; the one below the viewport takes its content's height.
    await waitUntil(() => below.style.minBlockSize === '', 'the card below the viewport is still held');
    expect(below.getBoundingClientRect().height).to.equal(part(below, 'base')!.getBoundingClientRect().height);
    expect(seen.getBoundingClientRect().height).to.equal(loading);
    // Scrolled off the top, the first card stays held: letting go there would move what the reader sees where
    // the browser does not anchor the scroll.
    below.scrollIntoView();
    await frames(3);
    expect(seen.getBoundingClientRect().bottom).to.be.below(0);
    expect(seen.getBoundingClientRect().height).to.equal(loading);
    window.scrollTo(0, 0);
  });

  it('a page of cards with no reservation does not move when the feed comes, at 390 and 1280 px', async () => {
    const shifts: string[] = [];
    try {
      for (const width of [390, 1280]) {
        await setViewport({ width, height: 900 });
        const key = `k${Math.random().toString(36).slice(2)}`;
        const src = `/__hold/${key}/session-card-feed.json`;
        const ids = ['industrial-parks', 'industrial-parks', 'industrial-parks']; // the one session of this feed
        const box = await fixture<HTMLDivElement>(
          html`<div>${ids.map((s) => html`<forum-session-card session=${s} src=${src}></forum-session-card><forum-session-card compact session=${s} src=${src}></forum-session-card>`)}</div>`,
        );
        const cards = [...box.children];
        await waitUntil(() => cards.every((c) => c.shadowRoot?.querySelector('[part=skeleton]')), 'no skeletons');
        await frames(2);
        let cls = 0;
        const po = new PerformanceObserver((l) => l.getEntries().forEach((e) => (cls += (e as unknown as { value: number }).value)));
        po.observe({ type: 'layout-shift' });
        await fetch(`/__hold/${key}/release`);
        await waitUntil(() => cards.every((c) => c.getAttribute('state') === 'ready'), 'feed did not load', { timeout: 5000 });
        await frames(3);
        await new Promise((r) => setTimeout(r, 50)); // entries are delivered after the frame
        po.disconnect();
        if (cls) shifts.push(`${width} px: CLS ${cls}`);
      }
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
    expect(shifts).to.deep.equal([]);
  });

  it('goes upcoming → starts in N minutes → live → ended at the exact instants, with one timer', async () => {
    clock.set(T0 - HOUR);
    const el = await card({ session: 'opening' });
    expect(badge(el)).to.equal('Upcoming');
    expect(clock.pending()).to.equal(1);
    await at(el, T0 + 35 * MIN); // 25 minutes before the start
    expect(badge(el)).to.equal('Starts in 25 minutes');
    expect(clock.pending()).to.equal(1);
    await at(el, T0 + 36 * MIN - 1);
    expect(badge(el)).to.equal('Starts in 25 minutes');
    await at(el, T0 + 36 * MIN);
    expect(badge(el)).to.equal('Starts in 24 minutes');
    await at(el, T0 + 59 * MIN + 30_000);
    expect(badge(el)).to.equal('Starts in 1 minute');
    expect(part(el, 'stream')).to.equal(null);
    await at(el, T0 + HOUR - 1);
    expect(badge(el)).to.equal('Starts in 1 minute');
    await at(el, T0 + HOUR);
    expect(badge(el)).to.equal('Live now');
    expect(part(el, 'stream')!.getAttribute('href')).to.equal('https://stream.example.org/opening');
    expect(clock.pending()).to.equal(1);
    await expect(el).to.be.accessible();
    await at(el, T0 + 2 * HOUR - 1);
    expect(badge(el)).to.equal('Live now');
    await at(el, T0 + 2 * HOUR);
    expect(badge(el)).to.equal('Ended');
    expect(part(el, 'stream')).to.equal(null);
    expect(clock.pending()).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('crosses the one-hour boundary exactly', async () => {
    clock.set(T0 - 1);
    const el = await card({ session: 'opening' });
    expect(badge(el)).to.equal('Upcoming');
    await at(el, T0);
    expect(badge(el)).to.equal('Starts in 60 minutes');
  });

  it('announces status changes politely, but not the first status', async () => {
    const el = await card({ session: 'opening' });
    const region = root(el).querySelector('[aria-live="polite"]')!;
    expect(region.textContent).to.equal('');
    await at(el, T0 + HOUR);
    expect(region.textContent).to.equal('Opening — Live now');
  });

  it('the live badge pulses, but not under prefers-reduced-motion', async () => {
    clock.set(T0 + HOUR);
    const el = await card({ session: 'opening' });
    const dot = () => getComputedStyle(part(el, 'badge')!, '::before').animationName;
    try {
      await emulateMedia({ reducedMotion: 'no-preference' });
      expect(dot()).to.equal('pulse');
      await emulateMedia({ reducedMotion: 'reduce' });
      expect(dot()).to.equal('none');
    } finally {
      await emulateMedia({ reducedMotion: 'no-preference' });
    }
  });

  it('shows a cancelled session as cancelled, with no timer', async () => {
    const el = await card({ session: 'cancelled-one' });
    expect(badge(el)).to.equal('Cancelled');
    expect(clock.pending()).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('current: live, else the next one not cancelled, else the last; moves on by itself', async () => {
    clock.set(T0 - HOUR);
    const el = await card({ session: 'current' });
    const title = () => part(el, 'heading')!.textContent;
    expect([title(), badge(el)]).to.deep.equal(['Opening', 'Upcoming']);
    await at(el, T0 + HOUR);
    expect([title(), badge(el)]).to.deep.equal(['Opening', 'Live now']);
    expect(clock.pending()).to.equal(1);
    await at(el, T0 + 2 * HOUR);
    expect([title(), badge(el)]).to.deep.equal(['Industrial parks: a platform for Russian-Chinese cooperation', 'Starts in 60 minutes']);
    await at(el, T0 + 3 * HOUR);
    expect(badge(el)).to.equal('Live now');
    // After the last scheduled session the cancelled one is skipped: the card stays on the last one.
    await at(el, T0 + 4 * HOUR + 30 * MIN);
    expect([title(), badge(el)]).to.deep.equal(['Industrial parks: a platform for Russian-Chinese cooperation', 'Ended']);
    expect(clock.pending()).to.equal(0);
  });

  it('current: says so when the programme is empty', async () => {
    const feed = testFeed();
    feed.sessions = [];
    feed.quotes = [feed.quotes![1]];
    const el = await card({ session: 'current', feed });
    expect(el.getAttribute('state')).to.equal('missing');
    expect(part(el, 'notice')!.textContent).to.equal('The forum programme has no sessions yet.');
  });

  it('an unknown id says so in the UI language', async () => {
    const el = await card({ session: 'no-such-session' });
    expect(el.getAttribute('state')).to.equal('missing');
    expect(part(el, 'notice')!.textContent).to.equal('This session is not in the forum programme.');
    await expect(el).to.be.accessible();
    await setUiLocale('ru');
    await el.updateComplete;
    expect(part(el, 'notice')!.textContent).to.equal('Этой сессии нет в программе форума.');
  });

  it('stops its timer when disconnected and rearms when connected again', async () => {
    const el = await card({ session: 'opening' });
    expect(clock.pending()).to.equal(1);
    const parent = el.parentNode!;
    el.remove();
    expect(clock.pending()).to.equal(0);
    clock.set(T0 + HOUR);
    parent.appendChild(el);
    await el.updateComplete;
    expect(badge(el)).to.equal('Live now');
    expect(clock.pending()).to.equal(1);
  });

  it('reschedules on a new clock and on a new feed', async () => {
    const el = await card({ session: 'opening' });
    const next = manualClock(T0 + 90 * MIN);
    setClock(next);
    await el.updateComplete;
    expect(badge(el)).to.equal('Live now');
    expect([clock.pending(), next.pending()]).to.deep.equal([0, 1]);
    clock = next;
    // The organiser moves the session an hour later: live becomes upcoming, the timer follows.
    const feed = testFeed();
    feed.sessions![0].start = '2025-05-19T01:00:00Z';
    feed.sessions![0].end = '2025-05-19T02:00:00Z';
    el.feed = feed;
    await el.updateComplete;
    expect(badge(el)).to.equal('Starts in 30 minutes');
    expect(next.pending()).to.equal(1);
    await at(el, T0 + 2 * HOUR);
    expect(badge(el)).to.equal('Live now');
  });

  it('compact: three lines of one height for every session, state, language and width from a 390 px phone up, the height it holds while loading', async () => {
    const long = testFeed() as { sessions: { title: unknown }[] };
    long.sessions[1].title = { en: 'A very long session title that would take several lines on any phone '.repeat(3) };
    const heights: number[] = [];
    // `opening` upcoming and then live (badge and stream link on the status line), a long title, cancelled.
    const cases = [[T0, 'opening', testFeed()], [T0 + 90 * MIN, 'opening', testFeed()], [T0, 'industrial-parks', long], [T0, 'cancelled-one', testFeed()]] as const;
    // The phone columns of 390 and 414 px screens (16 px margins) and a desktop one, in each UI language.
    for (const l of ['en', 'ru', 'zh-Hans'])
    for (const w of [358, 382, 900])
      for (const [t, s, f] of cases) {
        await setUiLocale(l);
        clock.set(t);
        const box = await fixture<HTMLDivElement>(html`<div style="inline-size:${w}px;font:16px/1.5 system-ui,sans-serif"></div>`);
        const el = document.createElement('forum-session-card') as ForumSessionCard;
        el.setAttribute('compact', '');
        el.setAttribute('session', s);
        el.setAttribute('state', 'loading');
        box.append(el);
        const loading = el.getBoundingClientRect().height;
        el.feed = f as never;
        await el.updateComplete;
        heights.push(loading, el.getBoundingClientRect().height);
      }
    // Fails if a title or the time wraps, the status line's height follows its link, or the
    // loading box differs from the loaded one.
    expect(heights.every((h) => Math.abs(h - heights[0]) < 0.5), heights.join(' ')).to.equal(true);
  });

  it('compact, live: the whole time and the whole "watch" link show at phone widths, in every language, also in large text', async () => {
    clock.set(T0 + 90 * MIN); // `opening` is live, with a stream
    const cut: string[] = [];
    // The phone columns of 320, 390 and 414 px screens (16 px margins); the contrast theme is the
    // low-vision version (larger text).
    for (const w of [288, 358, 382])
      for (const l of ['ru', 'en', 'zh-Hans'])
        for (const theme of ['light', 'contrast']) {
          await setUiLocale(l);
          const box = await fixture<HTMLDivElement>(html`<div style="inline-size:${w}px;font:16px/1.5 system-ui,sans-serif"></div>`);
          const el = document.createElement('forum-session-card') as ForumSessionCard;
          el.compact = true;
          el.session = 'opening';
          el.theme = theme as 'light';
          el.feed = testFeed();
          box.append(el);
          await el.updateComplete;
          const base = part(el, 'base')!.getBoundingClientRect();
          for (const name of ['time', 'stream']) {
            const p = part(el, name);
            if (!p) {
              cut.push(`${w} ${l} ${theme}: no ${name}`);
              continue;
            }
            // Not cut with an ellipsis, and every line box of its text inside the card (not
            // hidden by an ancestor's overflow).
            const range = document.createRange();
            range.selectNodeContents(p);
            const out = [...range.getClientRects()].some((r) => r.left < base.left - 0.5 || r.right > base.right + 0.5 || r.top < base.top - 0.5 || r.bottom > base.bottom + 0.5);
            if (p.scrollWidth > p.clientWidth || out) cut.push(`${w} ${l} ${theme}: ${name} "${p.textContent}" cut (${p.scrollWidth} > ${p.clientWidth} or outside the card)`);
          }
        }
    expect(cut, cut.join('\n')).to.deep.equal([]);
  });

  it('compact: title, time and status badge', async () => {
    const el = await card({ session: 'opening', compact: true });
    expect(el.hasAttribute('compact')).to.equal(true);
    expect(part(el, 'base')!.classList.contains('line')).to.equal(true);
    expect(part(el, 'heading')!.textContent).to.equal('Opening');
    expect(part(el, 'time')!.textContent).to.equal('May 19, 10:00 – 11:00 AM UTC+10');
    expect(badge(el)).to.equal('Starts in 60 minutes');
    expect(part(el, 'people')).to.equal(null);
    expect(part(el, 'base')!.getBoundingClientRect().height).to.be.lessThan(90);
    await expect(el).to.be.accessible();
    el.compact = false;
    await el.updateComplete;
    expect(el.hasAttribute('compact')).to.equal(false);
    expect(part(el, 'people')).to.exist;
  });

  it('speaks ru, en and zh-Hans: month names and the minutes countdown', async () => {
    clock.set(T0 + 35 * MIN);
    const el = await card({ session: 'opening' });
    const seen: string[][] = [];
    for (const l of ['ru', 'en', 'zh-Hans']) {
      await setUiLocale(l);
      await el.updateComplete;
      seen.push([root(el).querySelector('time')!.textContent!, badge(el)!, part(el, 'venue')!.textContent!]);
    }
    expect(seen).to.deep.equal([
      ['19 мая, 10:00–11:00', 'Начало через 25 минут', 'Зал 1'],
      ['May 19, 10:00 – 11:00 AM', 'Starts in 25 minutes', 'Hall 1'],
      ['5月19日 10:00–11:00', '25分钟后开始', '1号厅'],
    ]);
  });

  it("shows the reader's own time only when the offset differs at that instant", async () => {
    await setUiLocale('ru');
    const same = await card({ session: 'opening', zone: 'Australia/Brisbane' }); // also UTC+10
    expect(part(same, 'local-time')).to.equal(null);
    const moscow = await card({ session: 'opening', zone: 'Europe/Moscow' });
    expect(part(moscow, 'local-time')!.textContent).to.equal('По вашему времени: 03:00–04:00');
    const ny = await card({ session: 'opening', zone: 'America/New_York' });
    expect(part(ny, 'local-time')!.textContent).to.equal('По вашему времени: 18 мая, 20:00–21:00');
    const unknown = await card({ session: 'opening', zone: 'Mars/Olympus' });
    expect(unknown.getAttribute('state')).to.equal('ready');
    expect(part(unknown, 'local-time')).to.equal(null);
  });

  it('uses the browser zone when no reader zone is set', async () => {
    const el = await fixture<ForumSessionCard>(html`<forum-session-card session="opening" .feed=${testFeed()}></forum-session-card>`);
    const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const differs =
      new Intl.DateTimeFormat('en', { timeZone: browserZone, timeZoneName: 'shortOffset' }).format(T0) !==
      new Intl.DateTimeFormat('en', { timeZone: KHV, timeZoneName: 'shortOffset' }).format(T0);
    expect(!!part(el, 'local-time')).to.equal(differs);
  });

  it('an unsafe URL is ignored with a warning: the card renders without it, forum-feed-load names the path', async () => {
    for (const [field, value] of [
      ['url', 'javascript:alert(1)'],
      ['stream', 'data:text/html,<script>alert(1)</script>'],
    ] as const) {
      const feed = testFeed();
      feed.sessions![0][field] = value;
      const el = document.createElement('forum-session-card') as ForumSessionCard;
      el.session = 'opening';
      el.feed = feed;
      el.innerHTML = '<a href="https://forum.example.org/opening">Opening — programme</a>';
      const loaded = oneEvent(el, 'forum-feed-load');
      document.body.append(el);
      const ev = await loaded;
      await el.updateComplete;
      expect(ev.detail.warnings.join('\n')).to.contain(`sessions[0].${field}: must be an absolute https: or http: URL`);
      expect(el.getAttribute('state')).to.equal('ready');
      expect(root(el).textContent).to.contain('Opening');
      // Every href is the feed's own http(s) link or the card's add-to-calendar data:text/calendar file.
      const hrefs = [...root(el).querySelectorAll('[href]')].map((x) => x.getAttribute('href')!);
      expect(hrefs.filter((h) => !/^https:|^data:text\/calendar;/.test(h))).to.deep.equal([]);
      expect(root(el).innerHTML).not.to.contain(value.slice(0, 14));
      await expect(el).to.be.accessible();
      el.remove();
    }
  });

  it('a feed without what everything depends on is rejected: fallback shown, forum-feed-error fired', async () => {
    const feed = testFeed();
    (feed.forum as { timeZone: string }).timeZone = 'Asia/Khabarovsk';
    const el = document.createElement('forum-session-card') as ForumSessionCard;
    el.session = 'opening';
    el.feed = feed;
    el.innerHTML = '<a href="https://forum.example.org/opening">Opening — programme</a>';
    const failed = oneEvent(el, 'forum-feed-error');
    document.body.append(el);
    const ev = await failed;
    await el.updateComplete;
    expect(ev.detail.errors).to.deep.equal(['forum.timeZone: must be an IANA time zone like Asia/Vladivostok, not "Asia/Khabarovsk"']);
    expect(el.getAttribute('state')).to.equal('error');
    expect(root(el).querySelector('slot')).to.exist;
    el.remove();
  });

  it('never renders an unsafe URL even if one got past validation (safe())', () => {
    expect(safe('javascript:alert(1)')).to.equal(undefined);
    expect(safe('data:text/html,<b>x</b>', 'image')).to.equal(undefined);
    expect(safe('data:image/svg+xml,<svg/>', 'image')).to.equal(undefined);
    expect(safe(' JaVaScRiPt:alert(1)')).to.equal(undefined);
    expect(safe('https://forum.example.org/a')).to.equal('https://forum.example.org/a');
    expect(safe('data:image/png;base64,iVBORw0KGgo=', 'image')).to.equal('data:image/png;base64,iVBORw0KGgo=');
  });

  it('shows a 404 feed as its notice and reports it', async () => {
    const el = document.createElement('forum-session-card') as ForumSessionCard;
    el.session = 'opening';
    el.src = '/test/fixtures/no-such-session-card-feed.json';
    const failed = oneEvent(el, 'forum-feed-error');
    document.body.append(el);
    await failed;
    await el.updateComplete;
    expect(el.getAttribute('state')).to.equal('error');
    expect(part(el, 'notice')!.textContent).to.equal('Forum content is unavailable right now.');
    await expect(el).to.be.accessible();
    el.remove();
  });

  it('shows HTML in feed texts as text', async () => {
    const feed = testFeed();
    feed.sessions![0].title = '<img src=x onerror=alert(1)><b>Opening</b>';
    feed.sessions![0].summary = '<script>alert(1)</script>';
    const el = await card({ feed });
    expect(part(el, 'heading')!.textContent).to.equal('<img src=x onerror=alert(1)><b>Opening</b>');
    expect(root(el).querySelector('b, script, img:not([part="photo"])')).to.equal(null);
    expect(part(el, 'summary')!.textContent).to.equal('<script>alert(1)</script>');
  });

  it('puts lang on texts that fell back to another language', async () => {
    const el = await card({ session: 'cancelled-one' }); // title only in ru, UI in en
    expect(part(el, 'heading')!.getAttribute('lang')).to.equal('ru');
    await setUiLocale('ru');
    await el.updateComplete;
    expect(part(el, 'heading')!.hasAttribute('lang')).to.equal(false);
    await setUiLocale('zh-Hans');
    const parks = await card({ session: 'industrial-parks' });
    const names = [...root(parks).querySelectorAll('.name')].map((n) => [n.textContent, n.getAttribute('lang')]);
    expect(names).to.deep.equal([
      ['鲁斯兰·扎利瓦茨基', null],
      ['尚世伟', null],
      ['Дмитрий Черкашин', 'ru'],
    ]);
  });

  it('honours heading-level and theme', async () => {
    const el = await fixture<ForumSessionCard>(
      html`<forum-session-card session="opening" heading-level="2" theme="dark" .feed=${testFeed()}></forum-session-card>`,
    );
    expect(part(el, 'heading')!.localName).to.equal('h2');
    expect(getComputedStyle(part(el, 'base')!).backgroundColor).to.equal('rgb(22, 25, 29)');
    await expect(el).to.be.accessible();
    el.headingLevel = 5;
    await el.updateComplete;
    expect(part(el, 'heading')!.localName).to.equal('h5');
  });

  it('on a right-to-left page mirrors its boxes but keeps left-to-right text in order', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div dir="rtl">
      <forum-session-card session="industrial-parks" reader-time-zone=${KHV} .feed=${testFeed()}></forum-session-card>
    </div>`);
    const el = wrap.querySelector('forum-session-card') as ForumSessionCard;
    await setUiLocale('ru');
    await el.updateComplete;
    const base = part(el, 'base')!;
    const time = part(el, 'time')!;
    // The card itself is right-to-left (its boxes mirror) ...
    expect(getComputedStyle(base).direction).to.equal('rtl');
    // ... while the Russian date line runs left to right, right-aligned: "19 мая, 12:00–13:30"
    // in that order, not "мая, 12:00–13:30 19".
    expect(getComputedStyle(time).direction).to.equal('ltr');
    expect(getComputedStyle(time).textAlign).to.equal('right');
  });
});

