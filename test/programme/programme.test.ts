import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { ForumProgramme, MAX_VENUES } from '../../src/programme/programme.js';
import { define } from '../../src/base/define.js';
import { manualClock, setClock } from '../../src/base/clock.js';
import { setUiLocale } from '../../src/i18n/locale.js';
import { programmeFeed, at } from './programme-feed.js';
import type { FeedDocument } from '../../src/feed/types.js';

define('forum-programme', ForumProgramme);

const KHV = 'Asia/Vladivostok';
let clock = manualClock(at(19, '09:00'));

interface Attrs {
  mode?: string;
  day?: string;
  venue?: string;
  track?: string;
  limit?: number;
  kiosk?: boolean;
  level?: number;
  feed?: unknown;
}
async function programme(a: Attrs = {}) {
  return fixture<ForumProgramme>(html`<forum-programme
    mode=${a.mode ?? 'now'}
    day=${a.day ?? ''}
    venue=${a.venue ?? ''}
    track=${a.track ?? ''}
    limit=${a.limit ?? 0}
    heading-level=${a.level ?? 3}
    ?kiosk=${a.kiosk}
    reader-time-zone=${KHV}
    .feed=${a.feed ?? programmeFeed()}
  ></forum-programme>`);
}

const root = (el: ForumProgramme) => el.shadowRoot!;
const all = (el: ForumProgramme, sel: string) => [...root(el).querySelectorAll<HTMLElement>(sel)];
const clean = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
/** `now` mode as [venue, [badge title, …]] per venue group. */
const board = (el: ForumProgramme) =>
  all(el, '[part=group]').map((g) => [
    clean(g.querySelector('[part=heading]')!.textContent),
    [...g.querySelectorAll('[part=session]')].map((s) => `${clean(s.querySelector('[part=badge]')?.textContent)} ${clean(s.querySelector('[part=title]')!.textContent)}`),
  ]);
/** `day`/`all` mode as [slot time, [title (venue) badge, …]] per slot. */
const slots = (el: ForumProgramme) =>
  all(el, '[part=group]').map((g) => [
    clean(g.querySelector('[part=heading]')!.textContent),
    [...g.querySelectorAll('[part=session]')].map((s) =>
      clean(`${s.querySelector('[part=title]')!.textContent} (${s.querySelector('[part=meta]')?.textContent ?? ''}) ${s.querySelector('[part=badge]')?.textContent ?? ''}`),
    ),
  ]);

type Session = { id: string; title: unknown; start: string; end: string; venue?: unknown; status?: string };
const WORDS = ['energy', 'ports', 'cities', 'health'];
/** The test programme plus 900 sessions on 19 May in 12 halls, listed out of time order (ties keep the feed's order). */
function bigDay(): FeedDocument {
  const f = programmeFeed();
  const extra = Array.from({ length: 900 }, (_, k) => {
    const m = (k * 7919) % 840; // minutes after 08:00, scattered
    const hhmm = (t: number) => `${String(8 + Math.floor(t / 60)).padStart(2, '0')}:${String(t % 60).padStart(2, '0')}`;
    return {
      id: `big${k}`,
      title: { en: `Talk ${k} on ${WORDS[k % 4]}`, ru: `Доклад ${k} on ${WORDS[k % 4]}` },
      start: `2025-05-19T${hhmm(m - (m % 5))}:00+10:00`,
      end: `2025-05-19T${hhmm(Math.min(m - (m % 5) + 30 + (k % 4) * 15, 959))}:00+10:00`,
      venue: { en: `Hall ${k % 12}`, ru: `Зал ${k % 12}` },
      ...(k % 50 === 7 ? { status: 'cancelled' } : {}),
    };
  });
  f.sessions = [...f.sessions!, ...extra] as FeedDocument['sessions'];
  return f;
}
/** Time order, ties in feed order (what the programme promises), computed here independently. */
const inOrder = (list: Session[]) => list.map((x, k) => [x, k] as const).sort((a, b) => Date.parse(a[0].start) - Date.parse(b[0].start) || a[1] - b[1]).map(([x]) => x);
/** [title, badge] of every session of 19 May at `now` (title in `lang`, badge in English). */
function expected(f: FeedDocument, now: number, lang = 'en'): [string, string][] {
  const day = (f.sessions as Session[]).filter((x) => x.start.startsWith('2025-05-19'));
  return inOrder(day).map((x) => [
    clean((x.title as Record<string, string>)[lang]),
    x.status === 'cancelled' ? 'Cancelled' : now >= Date.parse(x.end) ? 'Ended' : now >= Date.parse(x.start) ? 'Live now' : '',
  ]);
}
const shown = (el: ForumProgramme) => all(el, '[part=session]').map((x) => [clean(x.querySelector('[part=title]')!.textContent), clean(x.querySelector('[part=badge]')?.textContent)]);
/** Until the long list has had all its steps. */
const complete = (el: ForumProgramme) => waitUntil(() => !root(el).querySelector('[aria-busy]'), 'the list did not complete', { timeout: 20000 });

async function set(el: ForumProgramme, t: number) {
  clock.set(t);
  await el.updateComplete;
}

describe('forum-programme', () => {
  beforeEach(async () => {
    clock = manualClock(at(19, '09:00'));
    setClock(clock);
    await setUiLocale('en');
  });
  afterEach(async () => {
    setClock(null);
    await setUiLocale(null);
  });

  describe('mode="now"', () => {
    it('before the forum: the first day opening session of every venue, and when it opens', async () => {
      clock.set(at(19, '09:00') - 3 * 86_400_000);
      const el = await programme();
      expect(el.getAttribute('state')).to.equal('ready');
      expect(el.getAttribute('mode')).to.equal('now');
      expect(clean(root(el).querySelector('[part=message]')!.textContent)).to.equal('The forum opens on Monday, May 19.');
      // Hall C's 10:00 session is cancelled: its first real one is at 11:00.
      expect(board(el)).to.deep.equal([
        ['Hall A', ['Next Session a1']],
        ['Hall B', ['Next Session b1']],
        ['Hall C', ['Next Far East logistics']],
      ]);
      expect(clock.pending()).to.equal(1);
      await expect(el).to.be.accessible();
    });

    it('moves on at the exact boundaries: together in several venues, across a gap, to the last session and the end', async () => {
      const el = await programme();
      await set(el, at(19, '10:00') - 1);
      expect(board(el)[0]).to.deep.equal(['Hall A', ['Next Session a1']]);
      await set(el, at(19, '10:00'));
      expect(board(el)).to.deep.equal([
        ['Hall A', ['Live now Session a1', 'Next Session a2']],
        ['Hall B', ['Live now Session b1', 'Next Session b2']],
        ['Hall C', ['Next Far East logistics']],
      ]);
      expect(clock.pending()).to.equal(1);
      await set(el, at(19, '11:00') - 1);
      expect(board(el)[1]).to.deep.equal(['Hall B', ['Live now Session b1', 'Next Session b2']]);
      // Three sessions end and three start at the same instant.
      await set(el, at(19, '11:00'));
      expect(board(el)).to.deep.equal([
        ['Hall A', ['Live now Session a2', 'Next Session a3']],
        ['Hall B', ['Live now Session b2', 'Next Session d2']],
        ['Hall C', ['Live now Far East logistics']],
      ]);
      expect(all(el, '[part=stream]').map((a) => a.getAttribute('href'))).to.deep.equal(['https://stream.example.org/a2']);
      // A next session on another day names its day.
      expect(clean(all(el, '[part=group]')[1]!.querySelectorAll('[part=time]')[1]!.textContent)).to.match(/^May 20/);
      await set(el, at(19, '12:00'));
      // Hall A is in its gap: nothing live, its next session at 14:00; hall C has nothing more.
      expect(board(el)).to.deep.equal([
        ['Hall A', ['Next Session a3']],
        ['Hall B', ['Live now Session b2', 'Next Session d2']],
      ]);
      await set(el, at(19, '12:30'));
      expect(board(el)).to.deep.equal([
        ['Hall A', ['Next Session a3']],
        ['Hall B', ['Next Session d2']],
      ]);
      expect(clock.pending()).to.equal(1);
      await set(el, at(20, '11:00'));
      expect(board(el)).to.deep.equal([['Hall B', ['Live now Session d2']]]);
      await set(el, at(20, '12:00') - 1);
      expect(board(el)).to.deep.equal([['Hall B', ['Live now Session d2']]]);
      // The last session ends: the forum is over, with a link to it, and no timer is left.
      await set(el, at(20, '12:00'));
      expect(board(el)).to.deep.equal([]);
      const msgEl = root(el).querySelector('[part=message]')!;
      expect(clean(msgEl.textContent)).to.contain('The forum has ended.');
      expect(msgEl.querySelector('a')!.getAttribute('href')).to.equal('https://forum.example.org/');
      expect(clock.pending()).to.equal(0);
      await expect(el).to.be.accessible();
    });

    it('one timer per element, for the next boundary only, dropped when disconnected', async () => {
      const el = await programme();
      const other = await programme({ mode: 'day' });
      expect(clock.pending()).to.equal(2);
      el.remove();
      other.remove();
      expect(clock.pending()).to.equal(0);
    });

    it('reschedules on a new clock', async () => {
      const el = await programme();
      const next = manualClock(at(19, '10:30'));
      setClock(next);
      await el.updateComplete;
      expect(board(el)[0]).to.deep.equal(['Hall A', ['Live now Session a1', 'Next Session a2']]);
      expect([clock.pending(), next.pending()]).to.deep.equal([0, 1]);
      clock = next;
    });

    it('limit caps the venues shown', async () => {
      clock.set(at(19, '10:30'));
      const el = await programme({ limit: 2 });
      expect(board(el).map((g) => g[0])).to.deep.equal(['Hall A', 'Hall B']);
    });
  });

  describe('filters', () => {
    it('venue matches its text in any of the feed languages, case and spaces aside', async () => {
      clock.set(at(19, '10:30'));
      const el = await programme({ venue: 'Зал A| hall c ' });
      expect(board(el).map((g) => g[0])).to.deep.equal(['Hall A', 'Hall C']);
      el.venue = 'C厅';
      await el.updateComplete;
      expect(board(el).map((g) => g[0])).to.deep.equal(['Hall C']);
    });

    it('track matches in any language; in day mode the meta line shows venue and track', async () => {
      const el = await programme({ mode: 'day', day: '2025-05-19', track: 'Энергетика' });
      expect(slots(el)).to.deep.equal([
        ['10:00 AM', ['Session b1 (Hall B · Energy)']],
        ['11:00 AM', ['Session a2 (Hall A · Energy)']],
      ]);
      el.track = 'energy|INDUSTRY';
      await el.updateComplete;
      expect(slots(el).flatMap((s) => s[1]).length).to.equal(4);
    });

    it('a venue or track that matches nothing: state missing, with a notice', async () => {
      const el = await programme({ venue: 'Hall Z' });
      expect(el.getAttribute('state')).to.equal('missing');
      expect(clean(root(el).querySelector('[part=notice]')!.textContent)).to.equal('No sessions in the forum programme match this venue or track.');
      await expect(el).to.be.accessible();
    });

    it('the reader narrows a day by venue and searches titles and people', async () => {
      const el = await programme({ mode: 'day', day: '2025-05-19' });
      const select = root(el).querySelector('select')!;
      expect([...select.options].map((o) => o.text)).to.deep.equal(['All venues', 'Hall A', 'Hall B', 'Hall C']);
      select.value = 'Зал B';
      select.dispatchEvent(new Event('change'));
      await el.updateComplete;
      expect(slots(el).flatMap((s) => s[1])).to.deep.equal(['Session b1 (Hall B · Energy)', 'Session b2 (Hall B · Industry)']);
      expect(clean(root(el).querySelector('[role=status]')!.textContent)).to.equal('Sessions found: 2');
      select.value = '';
      select.dispatchEvent(new Event('change'));
      const input = root(el).querySelector('input')!;
      input.focus();
      // A person's name in another language than the UI's: 尚世伟 is Shang Shiwei, speaker of b1.
      await sendKeys({ type: '尚世伟' });
      await el.updateComplete;
      expect(slots(el).flatMap((s) => s[1])).to.deep.equal(['Session b1 (Hall B · Energy)']);
      input.value = 'far EAST';
      input.dispatchEvent(new Event('input'));
      await el.updateComplete;
      expect(slots(el)).to.deep.equal([['11:00 AM', ['Far East logistics (Hall C)']]]);
      input.value = 'nothing like this';
      input.dispatchEvent(new Event('input'));
      await el.updateComplete;
      expect(clean(root(el).querySelector('[part=message]')!.textContent)).to.equal('No sessions match your search.');
      await expect(el).to.be.accessible();
    });
  });

  describe('mode="day"', () => {
    it('the day by time slot, each session with venue, people and status', async () => {
      clock.set(at(19, '11:15'));
      const el = await programme({ mode: 'day', day: '2025-05-19' });
      expect(slots(el)).to.deep.equal([
        ['10:00 AM', ['Session a1 (Hall A · Industry) Ended', 'Session b1 (Hall B · Energy) Ended', 'Session c1 (Hall C) Cancelled']],
        ['11:00 AM', ['Session a2 (Hall A · Energy) Live now', 'Session b2 (Hall B · Industry) Live now', 'Far East logistics (Hall C) Live now']],
        ['2:00 PM', ['Session a3 (Hall A)']],
      ]);
      const b1 = all(el, '[part=session]')[1]!;
      expect(clean(b1.querySelector('[part=people]')!.textContent)).to.equal('Shang Shiwei, Dmitry Cherkashin');
      expect(all(el, '[part=heading]')[0]!.localName).to.equal('h3');
      expect(all(el, '[part=title]')[0]!.localName).to.equal('h4');
      expect(all(el, '[part=link]')[0]!.getAttribute('href')).to.equal('https://forum.example.org/a1');
      // Ended and cancelled sessions offer no calendar entry; the others do.
      expect(all(el, '[part=calendar]').length).to.equal(4);
      expect(clean(root(el).querySelector('[part=date]')!.textContent)).to.equal('Monday, May 19');
      await set(el, at(19, '12:00'));
      expect(slots(el)[1]![1]).to.deep.equal(['Session a2 (Hall A · Energy) Ended', 'Session b2 (Hall B · Industry) Live now', 'Far East logistics (Hall C) Ended']);
      expect(clock.pending()).to.equal(1);
      await expect(el).to.be.accessible();
    });

    it('add to calendar downloads the session as an .ics file in the forum zone', async () => {
      const el = await programme({ mode: 'day', day: '2025-05-19' });
      let got: { href: string; download: string } | undefined;
      root(el).addEventListener('click', (e) => {
        const a = e.target as HTMLAnchorElement;
        if (a.localName !== 'a' || !a.download) return;
        got = { href: a.href, download: a.download };
        e.preventDefault(); // no real download in the test browser
      }, true);
      const button = all(el, '[part=calendar]')[0]!;
      expect(clean(button.textContent)).to.equal('Add to calendar: Session a1');
      button.click();
      expect(got!.download).to.equal('a1.ics');
      const ics = decodeURIComponent(got!.href.slice(got!.href.indexOf(',') + 1));
      expect(got!.href).to.match(/^data:text\/calendar/);
      expect(ics).to.match(/^SUMMARY(;LANGUAGE=en)?:Session a1\r$/m);
      expect(ics).to.contain('DTSTART;TZID=Asia/Vladivostok:20250519T100000');
      expect(ics).to.contain('UID:a1.rcf-2025@forum-widgets');
      expect(root(el).querySelector('a[download]')).to.equal(null);
    });

    it('defaults to today in the forum zone during the forum, else the first day', async () => {
      clock.set(at(20, '09:00'));
      const el = await programme({ mode: 'day' });
      expect(slots(el)).to.deep.equal([['10:00 AM', ['Session d1 (Hall A)', 'Session d2 (Hall B)']]]);
      clock.set(at(20, '09:00') + 30 * 86_400_000);
      el.day = undefined;
      el.requestUpdate();
      await el.updateComplete;
      expect(slots(el)[0]![0]).to.equal('10:00 AM');
      expect(slots(el).length).to.equal(3);
    });

    it('limit caps the sessions of the day; heading-level moves every heading', async () => {
      const el = await programme({ mode: 'day', day: '2025-05-19', limit: 4, level: 2 });
      expect(slots(el).flatMap((s) => s[1]).length).to.equal(4);
      expect(all(el, '[part=heading]')[0]!.localName).to.equal('h2');
      expect(all(el, '[part=title]')[0]!.localName).to.equal('h3');
    });

    it('names the zone of the times, and the reader zone when it differs', async () => {
      const el = await programme({ mode: 'day' });
      expect(clean(root(el).querySelector('[part=zone]')!.textContent)).to.equal('Times: Khabarovsk, UTC+10');
      el.readerTimeZone = 'Europe/Moscow';
      await el.updateComplete;
      expect(clean(root(el).querySelector('[part=zone]')!.textContent)).to.equal('Times: Khabarovsk, UTC+10 (your zone: UTC+3)');
      await setUiLocale('ru');
      await el.updateComplete;
      expect(clean(root(el).querySelector('[part=zone]')!.textContent)).to.equal('Время: Хабаровск, UTC+10 (ваш пояс: UTC+3)');
      expect(slots(el)[0]![0]).to.equal('10:00');
    });
  });

  describe('big programmes', () => {
    it('a long day renders in steps, aria-busy until the last one; a new filter starts again', async () => {
      const feed = programmeFeed();
      const extra = Array.from({ length: 130 }, (_, k) => ({
        id: `x${k}`,
        title: { en: `Extra ${k}`, ru: `Доп. ${k}` },
        start: `2025-05-19T16:${String(k % 60).padStart(2, '0')}:00+10:00`,
        end: '2025-05-19T18:00:00+10:00',
        venue: { en: `Room ${k % 7}`, ru: `Комната ${k % 7}` },
      }));
      feed.sessions = [...feed.sessions!, ...extra];
      const el = await programme({ mode: 'all', feed });
      const count = () => all(el, '[part=session]').length;
      expect(count()).to.equal(40);
      expect(root(el).querySelector('.groups')!.getAttribute('aria-busy')).to.equal('true');
      await waitUntil(() => count() === 137, 'the rest of the day did not follow', { timeout: 5000 });
      expect(root(el).querySelector('[aria-busy]')).to.equal(null);
      // Time order holds across the steps.
      const times = all(el, '[part=session] time').map((t) => Date.parse(t.getAttribute('datetime')!));
      expect(times).to.deep.equal([...times].sort((a, b) => a - b));
      const input = root(el).querySelector('input')!;
      input.value = 'extra';
      input.dispatchEvent(new Event('input'));
      await el.updateComplete;
      expect(count()).to.equal(40);
      await waitUntil(() => count() === 130, 'the search results did not complete', { timeout: 5000 });
      await expect(el).to.be.accessible();
    });
    // The steps reuse the sessions they already built (keyed by status, level, kiosk and locale):
    // the finished list must be what a one-go render would give, and follow the clock and the locale.
    it('a 900-session day: every session, in time order, each with its status, and it follows the clock and the locale', async () => {
      const feed = bigDay();
      const el = await programme({ mode: 'day', day: '2025-05-19', feed });
      clock.set(at(19, '12:00'));
      await complete(el);
      expect(shown(el)).to.deep.equal(expected(feed, at(19, '12:00')));
      // A boundary later: statuses change for the sessions already shown, not only the new ones.
      await set(el, at(19, '12:30'));
      await complete(el);
      expect(shown(el)).to.deep.equal(expected(feed, at(19, '12:30')));
      await setUiLocale('ru');
      await el.updateComplete;
      await complete(el);
      const titles = all(el, '[part=title]').map((t) => clean(t.textContent));
      expect(titles).to.deep.equal(expected(feed, at(19, '12:30'), 'ru').map(([t]) => t));
    });

    it('a 900-session day: venue filter and search give every match, in order', async () => {
      const feed = bigDay();
      const day = (feed.sessions as Session[]).filter((x) => x.start.startsWith('2025-05-19'));
      const el = await programme({ mode: 'day', day: '2025-05-19', venue: 'Hall 3', feed });
      await complete(el);
      const want = (ok: (x: Session) => boolean) => inOrder(day.filter(ok)).map((x) => clean((x.title as Record<string, string>).en));
      expect(all(el, '[part=title]').map((t) => clean(t.textContent))).to.deep.equal(want((x) => (x.venue as Record<string, string>)?.en === 'Hall 3'));
      el.venue = '';
      await el.updateComplete;
      const input = root(el).querySelector('input')!;
      input.value = 'PORTS';
      input.dispatchEvent(new Event('input'));
      await el.updateComplete;
      await complete(el);
      expect(all(el, '[part=title]').map((t) => clean(t.textContent))).to.deep.equal(want((x) => /ports/.test((x.title as Record<string, string>).en)));
    });
  });

  describe('limits', () => {
    it('shows at most MAX_VENUES venues now and says what it left out in forum-feed-load', async () => {
      const feed = programmeFeed();
      feed.sessions = Array.from({ length: MAX_VENUES + 5 }, (_, k) => ({
        id: `v${k}`,
        title: `Session ${k}`,
        start: '2025-05-19T10:00:00+10:00',
        end: '2025-05-19T11:00:00+10:00',
        venue: `Room ${k}`,
      }));
      const loaded = new Promise<CustomEvent>((ok) => document.addEventListener('forum-feed-load', (e) => ok(e as CustomEvent), { once: true }));
      const el = await programme({ feed });
      expect(board(el).length).to.equal(MAX_VENUES);
      expect((await loaded).detail.warnings).to.include(`<forum-programme>: ${MAX_VENUES + 5} venues; it shows the first ${MAX_VENUES}`);
    });
  });

  describe('mode="all"', () => {
    it('days as tabs; arrows, Home and End move the selection and the focus', async () => {
      const el = await programme({ mode: 'all' });
      const tabs = () => all(el, '[role=tab]');
      const selected = () => tabs().findIndex((t) => t.getAttribute('aria-selected') === 'true');
      expect(tabs().map((t) => clean(t.textContent))).to.deep.equal(['Mon, May 19', 'Tue, May 20']);
      expect(selected()).to.equal(0);
      expect(tabs().map((t) => t.tabIndex)).to.deep.equal([0, -1]);
      const panel = root(el).querySelector('[role=tabpanel]')!;
      expect(panel.getAttribute('aria-labelledby')).to.equal(tabs()[0]!.id);
      expect(tabs()[0]!.getAttribute('aria-controls')).to.equal(panel.id);
      expect(slots(el).length).to.equal(3);

      tabs()[0]!.focus();
      const changed = oneEvent(el, 'forum-programme-day');
      await sendKeys({ press: 'ArrowRight' });
      expect((await changed).detail.day).to.equal('2025-05-20');
      await el.updateComplete;
      expect(selected()).to.equal(1);
      expect(root(el).activeElement).to.equal(tabs()[1]);
      expect(slots(el)).to.deep.equal([['10:00 AM', ['Session d1 (Hall A)', 'Session d2 (Hall B)']]]);
      // Wraps around at the ends.
      await sendKeys({ press: 'ArrowRight' });
      await el.updateComplete;
      expect(selected()).to.equal(0);
      await sendKeys({ press: 'ArrowLeft' });
      await el.updateComplete;
      expect(selected()).to.equal(1);
      await sendKeys({ press: 'Home' });
      await el.updateComplete;
      expect([selected(), root(el).activeElement]).to.deep.equal([0, tabs()[0]]);
      await sendKeys({ press: 'End' });
      await el.updateComplete;
      expect([selected(), root(el).activeElement]).to.deep.equal([1, tabs()[1]]);
      // Tab leaves the tab row for the panel.
      await sendKeys({ press: 'Tab' });
      expect(root(el).activeElement).to.equal(root(el).querySelector('[role=tabpanel]'));
      // A click selects too.
      tabs()[0]!.click();
      await el.updateComplete;
      expect(selected()).to.equal(0);
      await expect(el).to.be.accessible();
    });

    it('opens on the day attribute', async () => {
      const el = await programme({ mode: 'all', day: '2025-05-20' });
      expect(all(el, '[role=tab]')[1]!.getAttribute('aria-selected')).to.equal('true');
    });
  });

  describe('kiosk', () => {
    it('large type, nothing interactive, refresh on', async () => {
      clock.set(at(19, '11:15'));
      const el = await programme({ kiosk: true });
      const plain = await programme();
      expect(el.refresh).to.equal(60);
      expect(plain.refresh).to.equal(undefined);
      const size = (e: ForumProgramme) => parseFloat(getComputedStyle(root(e).querySelector('[part=base]')!).fontSize);
      expect(size(el)).to.be.greaterThan(size(plain) * 1.5);
      expect(all(el, 'a, button, input, select, [tabindex]')).to.deep.equal([]);
      expect(all(plain, 'a, button').length).to.be.greaterThan(0);
      expect(board(el)[0]).to.deep.equal(['Hall A', ['Live now Session a2', 'Next Session a3']]);
      await expect(el).to.be.accessible();
      el.kiosk = false;
      await el.updateComplete;
      expect(el.refresh).to.equal(undefined);
    });

    it('in all mode shows every day one after another instead of tabs', async () => {
      const el = await programme({ mode: 'all', kiosk: true });
      expect(all(el, '[role=tab]')).to.deep.equal([]);
      expect(all(el, '[part=date]').map((d) => clean(d.textContent))).to.deep.equal(['Monday, May 19', 'Tuesday, May 20']);
      expect(all(el, 'a, button, input, select').length).to.equal(0);
      await expect(el).to.be.accessible();
    });
  });

  describe('states', () => {
    it('keeps its fallback children while loading and when the feed is unusable', async () => {
      const el = await fixture<ForumProgramme>(
        html`<forum-programme src="/__hold/never-${Math.random().toString(36).slice(2)}/programme.json"><a href="https://forum.example.org/programme">Programme</a></forum-programme>`,
      );
      expect(el.getAttribute('state')).to.equal('loading');
      expect(root(el).querySelector('slot')).to.exist;
      // An unsupported version on purpose (the type says 1; the run-time check must catch it).
      el.feed = { ...programmeFeed(), version: 2 } as unknown as FeedDocument;
      await waitUntil(() => el.getAttribute('state') === 'error');
      expect(root(el).querySelector('slot')).to.exist;
    });

    it('says so when the programme is empty', async () => {
      const feed = programmeFeed();
      feed.sessions = [];
      const el = await programme({ feed });
      expect(el.getAttribute('state')).to.equal('missing');
      expect(clean(root(el).querySelector('[part=notice]')!.textContent)).to.equal('The forum programme has no sessions yet.');
    });
  });
});
