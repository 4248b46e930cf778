import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { HeadedFeedElement, type LocalText, type Rendered } from '../base/feed-element.js';
import { clock } from '../base/clock.js';
import { BoundaryTimer } from '../base/boundary-timer.js';
import { byId } from '../base/feed-index.js';
import { span } from '../base/localized.js';
import { sessionCalendarLink } from '../base/calendar.js';
import { safe } from '../base/safe.js';
import { tokens } from '../base/tokens.styles.js';
import { uiLocale } from '../i18n/locale.js';
import { strings } from '../i18n/generated/strings/programme.js';
import type { Feed } from '../feed/types.js';
import { dayIn, found, matches, parseList, programmeOf, words, type Item, type Programme } from './programme-data.js';
import { hm, longDay, range, readerZone, shortDay, utc } from './time.js';
import { styles } from './programme.styles.js';

export type ProgrammeMode = 'now' | 'day' | 'all';
type Status = 'upcoming' | 'next' | 'live' | 'ended' | 'cancelled';

/** Kiosk screens re-check the feed this often unless `refresh` says otherwise (seconds). */
const KIOSK_REFRESH = 60;
/**
 * Sessions rendered per task. A day of a big programme (250 sessions, 3,500 elements) built and
 * styled in one go is a long task of 150-250 ms on a slow machine; in steps of this many, one per
 * frame, each task stays short and the first screen appears at once.
 */
const CHUNK = 40;
/** Sessions a day and venues (`now`) shown at most; a feed with more is at fault, and the rest is left out with a warning. */
export const MAX_SESSIONS_PER_DAY = 1000;
export const MAX_VENUES = 100;
/** What changes the list a reader sees: it starts again from its first step. */
const RESTART = ['feed', 'src', 'mode', 'day', 'venue', 'track', 'limit', 'kiosk', '_tab', '_place', '_query'];

/**
 * The forum's programme: what is on now in every venue and what comes next, one day grouped by
 * time slot, or every day as tabs. Filters by venue and track; readers can narrow a day by venue
 * and search titles and people. Statuses change by themselves at the exact moment a session
 * starts or ends (one timer, for the next such moment only).
 *
 * @summary Now and next across the venues, a day's programme, or the whole programme as tabs.
 * @tag forum-programme
 *
 * @attr mode - `now` (default): live and next in every venue; `day`: one day by time slot;
 *   `all`: every day, as tabs.
 * @attr day - `YYYY-MM-DD`: the day `day` mode shows and the tab `all` mode opens on. Default:
 *   today in the forum's zone during the forum, else its first day.
 * @attr venue - Only sessions in these venues: `|`-separated names, matched in any of the feed's
 *   languages (case and surrounding spaces ignored), e.g. `Hall 1|Зал 2`.
 * @attr track - Only sessions of these tracks, matched the same way.
 * @attr limit - At most this many sessions a day (`now` mode: this many venues).
 * @attr kiosk - For hall screens: large type, no links or controls, and the feed is re-checked
 *   every 60 seconds unless `refresh` says otherwise.
 * @attr reader-time-zone - IANA zone of the reader; defaults to the browser's. For tests and Storybook.
 * @attr src - Feed URL; defaults to the embedding script tag's `data-feed`.
 * @attr theme - `light` (default), `dark` or `auto`.
 * @attr heading-level - Level of the group headings (venues, time slots), 2–6 (default 3);
 *   session titles are one level below.
 * @attr refresh - Re-check the feed every this many seconds.
 * @attr state - Reflected: `loading`, `ready`, `missing` (no sessions, or none match `venue`/`track`) or `error`.
 * @prop feed - A feed object; wins over `src`, validated the same way.
 *
 * @slot - Fallback content, shown until the feed arrives and if it never does.
 *
 * @csspart base - The whole programme.
 * @csspart zone - The line naming the zone the times are in.
 * @csspart controls - The reader's venue filter and search (`day` and `all` modes).
 * @csspart tabs - The row of day tabs (`all` mode).
 * @csspart tab - One day's tab.
 * @csspart panel - The selected day's panel (`all` mode).
 * @csspart date - The day's date above its list (`day` mode, and each day in `kiosk` `all` mode).
 * @csspart group - A venue (`now` mode) or a time slot (`day`, `all`).
 * @csspart heading - A group's heading.
 * @csspart session - One session.
 * @csspart title - A session's title (a heading one level below the groups').
 * @csspart link - The link to a session's page.
 * @csspart time - A session's time.
 * @csspart badge - A session's status: live, next, ended, cancelled.
 * @csspart meta - Venue and track.
 * @csspart people - Speakers and moderators.
 * @csspart stream - The live stream link, while live.
 * @csspart calendar - The add-to-calendar button.
 * @csspart message - The line before the forum opens, after it ends, or when nothing matches.
 * @csspart skeleton - Placeholder while loading.
 * @csspart notice - The one-line message when there is nothing to show.
 *
 * @cssprop --forum-programme-min-height - Space reserved while loading (default 20em; `now` mode's guide value).
 * @cssprop --forum-kiosk-font-size - Base text size in `kiosk` (default 1.75em).
 * @cssprop --forum-color-live - The live badge.
 *
 * @event forum-feed-load - A good feed is shown (`detail.url`, `detail.feed`).
 * @event forum-feed-error - The feed failed (`detail.url`, `detail.errors`).
 */
export class ForumProgramme extends HeadedFeedElement {
  static override styles = [tokens, styles];
  /** @internal Its translated UI strings (added on first construction, see FeedElement). */
  static override uiStrings = strings;

  static override properties = {
    ...HeadedFeedElement.properties,
    mode: { type: String, reflect: true },
    day: { type: String },
    venue: { type: String },
    track: { type: String },
    limit: { type: Number },
    kiosk: { type: Boolean, reflect: true },
    readerTimeZone: { attribute: 'reader-time-zone' },
    _tab: { state: true },
    _place: { state: true },
    _query: { state: true },
  };

  /** `now`, `day` or `all`. */
  declare mode: ProgrammeMode;
  /** `YYYY-MM-DD` of the day to show (`day`) or to open (`all`). */
  declare day: string | undefined;
  /** `|`-separated venues to show. */
  declare venue: string | undefined;
  /** `|`-separated tracks to show. */
  declare track: string | undefined;
  /** At most this many sessions a day (`now`: venues). */
  declare limit: number | undefined;
  /** Hall-screen variant: large type, nothing interactive, refresh on. */
  declare kiosk: boolean;
  /** The reader's IANA time zone; the browser's when unset. */
  declare readerTimeZone: string | undefined;
  /** The day tab the reader chose (`all` mode). */
  declare private _tab: string | undefined;
  /** The venue the reader chose ('' for all). */
  declare private _place: string;
  /** The reader's search text. */
  declare private _query: string;

  // One timer, for the next instant the output changes (a shown session starting or ending).
  private readonly _timer = new BoundaryTimer(this);
  // `refresh` set by kiosk (and so removed with it), not by the page.
  private _kioskRefresh = false;
  // A tab to focus after the render that selects it (keyboard).
  private _focusTab = false;
  // Derived in willUpdate, used by render.
  private _days: string[] = [];
  // Progressive rendering: sessions allowed this update, left while rendering, whether some
  // were held back, and the pending next step.
  private _budget = CHUNK;
  private _left = 0;
  private _cut = false;
  private _step?: () => void;
  // Each step renders the whole list again. A session already built is reused while what it
  // shows is unchanged (key: status, level, kiosk, locale), so a step costs its own sessions, not
  // all before it. Items belong to one feed object: a new feed builds anew.
  private _made = new WeakMap<Item, [string, TemplateResult]>();

  constructor() {
    super();
    this.mode = 'now';
    this.kiosk = false;
    this._place = '';
    this._query = '';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('kiosk')) {
      if (this.kiosk && this.refresh == null) {
        this.refresh = KIOSK_REFRESH;
        this._kioskRefresh = true;
      } else if (!this.kiosk && this._kioskRefresh) {
        this.refresh = undefined;
        this._kioskRefresh = false;
      }
    }
    if (changed.has('refresh') && this.refresh !== KIOSK_REFRESH) this._kioskRefresh = false;
    // A new `day` attribute opens that tab again.
    if (changed.has('day')) this._tab = undefined;
    if (RESTART.some((k) => changed.has(k as keyof ForumProgramme))) this._budget = CHUNK;
    this._left = this._budget;
    this._cut = false;
    // renderFeed (called by the base's willUpdate) moves it to the next boundary it shows.
    this._timer.next = Infinity;
    super.willUpdate(changed);
  }

  protected override updated(): void {
    super.updated();
    if (this._focusTab) {
      this._focusTab = false;
      this.renderRoot.querySelector<HTMLElement>('[role=tab][aria-selected=true]')?.focus();
    }
    if (this._cut && !this._step && this.isConnected) this._step = afterFrame(() => {
      this._step = undefined;
      this._budget += CHUNK;
      this.requestUpdate();
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._step?.();
    this._step = undefined;
  }

  /** The day to open: `day` if the programme has it, else today during the forum, else the first day. */
  private defaultDay(p: Programme, tz: string, now: number): string | undefined {
    if (this.day && p.days.includes(this.day)) return this.day;
    const today = dayIn(tz, now);
    return p.days.includes(today) ? today : p.days[0];
  }

  protected renderFeed(feed: Feed): Rendered {
    const p = programmeOf(feed);
    if (!p.items.length) return { missing: msg('The forum programme has no sessions yet.') };
    const venues = parseList(this.venue);
    const tracks = parseList(this.track);
    const items = venues || tracks ? p.items.filter((i) => matches(i.lc().venues, venues) && matches(i.lc().tracks, tracks)) : p.items;
    if (!items.length) return { missing: msg('No sessions in the forum programme match this venue or track.') };
    const now = clock().now();
    const mode = this.mode === 'day' || this.mode === 'all' ? this.mode : 'now';
    const zone = this.zoneLine(feed, now);
    const body = mode === 'now' ? this.renderNow(feed, p, items, now) : this.renderDays(feed, p, items, now, mode);
    return html`<div part="base" class="programme ${mode}">${zone}${body}</div>`;
  }

  /** "Times: Khabarovsk, UTC+10", and the reader's own offset when it differs. */
  private zoneLine(feed: Feed, now: number): TemplateResult {
    const tz = feed.forum.timeZone;
    const zone = utc(tz, now);
    let yours: string | undefined;
    try {
      const z = utc(this.readerTimeZone || readerZone(), now);
      if (z !== zone) yours = z;
    } catch {
      // An unknown reader zone: name the forum's only.
    }
    const where = this.t(feed.forum.location);
    return html`<p part="zone" class="zone">
      ${msg('Times:')} ${where ? html`${span(where)}, ` : nothing}${zone}${yours ? html` (${msg(str`your zone: ${yours}`)})` : nothing}
    </p>`;
  }

  // ---- mode="now" ----

  private renderNow(feed: Feed, p: Programme, all: Item[], now: number): TemplateResult {
    const on = all.filter((i) => i.s.status !== 'cancelled');
    const last = on.reduce((m, i) => Math.max(m, i.b), -Infinity);
    // Every start and end may change what is live or next: the earliest one still ahead.
    this.boundaries(on, now);
    if (!on.length || now >= last) {
      const url = safe(feed.forum.url);
      const name = this.t(feed.forum.name);
      return html`<p part="message" class="message">
        ${msg('The forum has ended. Thank you for following it.')}
        ${url && !this.kiosk ? html`<a part="link" href=${url}>${name ? span(name) : msg('The forum website')}</a>` : nothing}
      </p>`;
    }
    const before = now < on[0]!.a;
    // Before the forum: each venue's opening session on the first day; during it, per venue the
    // live sessions and the next one (the next may be tomorrow's first).
    const firstDay = on[0]!.day;
    const pool = before ? on.filter((i) => i.day === firstDay) : on;
    const groups: { venue: string; live: Item[]; next?: Item }[] = [];
    const byVenue = new Map<string, (typeof groups)[number]>();
    for (const key of p.venueOrder) byVenue.set(key, { venue: key, live: [] });
    for (const i of pool) {
      const g = byVenue.get(i.venue)!;
      if (i.a <= now && now < i.b) g.live.push(i);
      else if (i.a > now && !g.next) g.next = i;
    }
    for (const key of p.venueOrder) {
      const g = byVenue.get(key)!;
      if (g.live.length || g.next) groups.push(g);
    }
    if (groups.length > MAX_VENUES) this.warn(`<forum-programme>: ${groups.length} venues; it shows the first ${MAX_VENUES}`);
    const shown = groups.slice(0, this.limit && this.limit > 0 ? Math.min(this.limit, MAX_VENUES) : MAX_VENUES);
    const today = dayIn(feed.forum.timeZone, now);
    const level = this.level();
    return html`${before
        ? html`<p part="message" class="message">${msg(str`The forum opens on ${longDay(uiLocale(), firstDay)}.`)}</p>`
        : nothing}
      <div class="groups">
        ${shown.map(
          (g) => html`<section part="group" class="group">
            ${this.h(level, g.venue ? span(this.t(p.venueText.get(g.venue))) : msg('Other sessions'), 'heading')}
            <ul role="list">
              ${g.live.map((i) => this.session(feed, i, 'live', level + 1, false, today))}
              ${g.next ? this.session(feed, g.next, 'next', level + 1, false, today) : nothing}
            </ul>
          </section>`,
        )}
      </div>`;
  }

  // ---- mode="day" and mode="all" ----

  private renderDays(feed: Feed, p: Programme, items: Item[], now: number, mode: 'day' | 'all'): TemplateResult {
    const tz = feed.forum.timeZone;
    const loc = uiLocale();
    const chosen = this._tab && p.days.includes(this._tab) ? this._tab : this.defaultDay(p, tz, now);
    this._days = p.days;
    // The reader's own filters: venue and search (never in kiosk, which has no controls).
    const w = this.kiosk ? [] : words(this._query);
    const place = this.kiosk ? '' : this._place;
    const narrowed = place || w.length ? items.filter((i) => (!place || i.venue === place) && found(i, w)) : items;
    const controls = this.kiosk ? nothing : this.controls(p, items, narrowed, chosen, mode);

    if (mode === 'day' || this.kiosk) {
      // Kiosk shows every day one after the other (a screen cannot switch tabs).
      const days = mode === 'day' ? [chosen!] : p.days;
      return html`${controls}${days.map(
        (d) => html`<p part="date" class="date">${longDay(loc, d)}</p>${this.dayList(feed, narrowed, d, now)}`,
      )}`;
    }
    return html`${controls}
      <div role="tablist" part="tabs" class="tabs" aria-label=${msg('Forum days')} @keydown=${this.onTabKey}>
        ${p.days.map((d) => {
          const on = d === chosen;
          return html`<button
            type="button"
            role="tab"
            part="tab"
            id=${`tab-${d}`}
            aria-selected=${on ? 'true' : 'false'}
            aria-controls=${on ? 'panel' : nothing}
            tabindex=${on ? '0' : '-1'}
            @click=${() => this.select(d)}
          >
            ${shortDay(loc, d)}
          </button>`;
        })}
      </div>
      <div role="tabpanel" part="panel" id="panel" class="panel" aria-labelledby=${`tab-${chosen}`} tabindex="0">
        ${this.dayList(feed, narrowed, chosen!, now)}
      </div>`;
  }

  private controls(p: Programme, items: Item[], narrowed: Item[], day: string | undefined, mode: 'day' | 'all'): TemplateResult {
    // Venues the attribute filters left, in programme order.
    const have = new Set(items.map((i) => i.venue));
    const places = p.venueOrder.filter((v) => v && have.has(v));
    const count = narrowed.filter((i) => mode === 'all' || i.day === day).length;
    return html`<div part="controls" class="controls">
      ${places.length > 1
        ? html`<label
            >${msg('Venue')}
            <select @change=${(e: Event) => (this._place = (e.target as HTMLSelectElement).value)}>
              <option value="" ?selected=${!this._place}>${msg('All venues')}</option>
              ${places.map((v) => html`<option value=${v} ?selected=${v === this._place}>${this.t(p.venueText.get(v))?.text}</option>`)}
            </select></label
          >`
        : nothing}
      <label
        >${msg('Search titles and people')}
        <input type="search" .value=${this._query} @input=${(e: Event) => (this._query = (e.target as HTMLInputElement).value)}
      /></label>
      <span class="visually-hidden" role="status">${this._place || this._query.trim() ? msg(str`Sessions found: ${count}`) : ''}</span>
    </div>`;
  }

  private dayList(feed: Feed, items: Item[], day: string, now: number): TemplateResult {
    let list = items.filter((i) => i.day === day);
    if (list.length > MAX_SESSIONS_PER_DAY) this.warn(`<forum-programme>: ${list.length} sessions on ${day}; it shows the first ${MAX_SESSIONS_PER_DAY}`);
    list = list.slice(0, this.limit && this.limit > 0 ? Math.min(this.limit, MAX_SESSIONS_PER_DAY) : MAX_SESSIONS_PER_DAY);
    if (!list.length) {
      return html`<p part="message" class="message">
        ${this._place || this._query.trim() ? msg('No sessions match your search.') : msg('No sessions on this day.')}
      </p>`;
    }
    this.boundaries(list, now);
    // The first steps of a long list (see CHUNK); aria-busy until it is complete.
    const shown = list.slice(0, Math.max(0, this._left));
    this._left -= shown.length;
    const busy = shown.length < list.length;
    if (busy) this._cut = true;
    // Time slots: sessions that start at the same instant.
    const slots: Item[][] = [];
    for (const i of shown) {
      const last = slots.at(-1);
      if (last && last[0]!.a === i.a) last.push(i);
      else slots.push([i]);
    }
    const loc = uiLocale();
    const tz = feed.forum.timeZone;
    const level = this.level();
    return html`<div class="groups" aria-busy=${busy ? 'true' : nothing}>
      ${slots.map(
        (slot) => html`<section part="group" class="group slot">
          ${this.h(level, html`<time datetime=${slot[0]!.s.start}>${hm(loc, tz, slot[0]!.a)}</time>`, 'heading')}
          <ul role="list">
            ${slot.map((i) => this.made(feed, i, statusOf(i, now), level + 1))}
          </ul>
        </section>`,
      )}
    </div>`;
  }

  /** Moves the timer to the earliest start or end ahead among these sessions (cancelled ones never change). */
  private boundaries(list: Item[], now: number): void {
    let next = this._timer.next;
    for (const i of list) {
      if (i.s.status === 'cancelled') continue;
      if (i.a > now && i.a < next) next = i.a;
      if (i.b > now && i.b < next) next = i.b;
    }
    this._timer.next = next;
  }

  private select(day: string, focus = false): void {
    if (this._tab === day && !focus) return;
    this._tab = day;
    this._focusTab = focus;
    this.dispatchEvent(new CustomEvent('forum-programme-day', { bubbles: true, composed: true, detail: { day } }));
  }

  // WAI-ARIA tabs: arrows move (and select) along the row, wrapping; Home and End jump to the ends.
  private onTabKey = (e: KeyboardEvent) => {
    const days = this._days;
    const at = days.indexOf((e.target as HTMLElement).id.slice(4));
    if (at < 0) return;
    const back = this.matches(':dir(rtl)') ? 'ArrowRight' : 'ArrowLeft';
    const to =
      e.key === 'Home'
        ? 0
        : e.key === 'End'
          ? days.length - 1
          : e.key === back
            ? (at - 1 + days.length) % days.length
            : e.key === 'ArrowRight' || e.key === 'ArrowLeft'
              ? (at + 1) % days.length
              : -1;
    if (to < 0) return;
    e.preventDefault();
    this.select(days[to]!, true);
  };

  // ---- one session ----

  /** A day list's session, built once per key (see _made). */
  private made(feed: Feed, i: Item, status: Status, level: number): TemplateResult {
    const key = `${status} ${level} ${this.kiosk} ${uiLocale()}`;
    const m = this._made.get(i);
    if (m?.[0] === key) return m[1];
    const t = this.session(feed, i, status, level, true);
    this._made.set(i, [key, t]);
    return t;
  }

  private session(feed: Feed, i: Item, status: Status, level: number, inDay: boolean, today?: string): TemplateResult {
    const { s } = i;
    const loc = uiLocale();
    const tz = feed.forum.timeZone;
    const title = this.t(s.title)!;
    const url = this.kiosk ? undefined : safe(s.url);
    const stream = status === 'live' && !this.kiosk ? safe(s.stream) : undefined;
    const label = {
      upcoming: '',
      next: msg('Next'),
      live: msg('Live now'),
      ended: msg('Ended'),
      cancelled: msg('Cancelled'),
    }[status];
    // A next session on another day says which day.
    const time = range(loc, tz, i.a, i.b, !inDay && (i.day !== today || dayIn(tz, i.b) !== i.day));
    const venue = inDay && s.venue ? this.t(s.venue) : undefined;
    const track = this.t(s.track);
    const people = this.people(feed, [...(s.speakers ?? []), ...(s.moderators ?? [])]);
    return html`<li part="session" class="session ${status}">
      <p class="when">
        <time part="time" datetime=${s.start}>${time}</time>
        ${label ? html`<span part="badge" class="badge">${label}</span>` : nothing}
        ${stream ? html`<a part="stream" href=${stream}>${msg('Live stream')}</a>` : nothing}
      </p>
      ${this.h(level, url ? html`<a part="link" href=${url}>${title.text}</a>` : title.text, 'title', title.lang)}
      ${venue || track
        ? html`<p part="meta" class="meta">${span(venue)}${venue && track ? html`<span aria-hidden="true"> · </span>` : nothing}${span(track)}</p>`
        : nothing}
      ${people}
      ${this.kiosk || status === 'ended' || status === 'cancelled' ? nothing : this.calendar(feed, i, title)}
    </li>`;
  }

  private people(feed: Feed, ids: string[]): TemplateResult | typeof nothing {
    if (!ids.length) return nothing;
    const names = ids.map((id) => this.t(byId(feed, 'people', id)?.name)).filter((n): n is LocalText => !!n);
    return names.length
      ? html`<p part="people" class="people">${names.map((n, k) => html`${k ? ', ' : ''}${span(n)}`)}</p>`
      : nothing;
  }

  /**
   * Add to calendar: the .ics file of src/base/calendar.ts, built when asked for. A button, not a
   * data: link per session: a day of 250 sessions would otherwise build 250 files per render.
   */
  private calendar(feed: Feed, i: Item, title: LocalText): TemplateResult {
    return html`<button type="button" part="calendar" class="calendar" @click=${() => this.download(feed, i)}>
      ${msg('Add to calendar')}<span class="visually-hidden">: ${title.text}</span>
    </button>`;
  }

  private download(feed: Feed, i: Item): void {
    const { href, download } = sessionCalendarLink(feed, i.s, { locale: uiLocale(), speakersLabel: msg('Speakers') });
    const a = document.createElement('a');
    a.href = href;
    a.download = download;
    a.hidden = true;
    this.renderRoot.append(a);
    a.click();
    a.remove();
  }

  private level(): number {
    const l = Math.round(this.headingLevel);
    return l >= 2 && l <= 6 ? l : 3;
  }

  /** A heading at level 2-6 (deeper levels stay at 6); a tag name cannot be a binding in lit-html. */
  private h(level: number, content: unknown, part: string, lang?: string): TemplateResult {
    const lg = lang ?? nothing;
    if (level <= 2) return html`<h2 part=${part} class=${part} lang=${lg}>${content}</h2>`;
    if (level === 3) return html`<h3 part=${part} class=${part} lang=${lg}>${content}</h3>`;
    if (level === 4) return html`<h4 part=${part} class=${part} lang=${lg}>${content}</h4>`;
    if (level === 5) return html`<h5 part=${part} class=${part} lang=${lg}>${content}</h5>`;
    return html`<h6 part=${part} class=${part} lang=${lg}>${content}</h6>`;
  }
}

/** Runs `fn` in a task after the next frame (each step's style and layout is its own); returns a cancel. */
function afterFrame(fn: () => void): () => void {
  let t: ReturnType<typeof setTimeout> | undefined;
  // Hidden pages get no frames: go on with plain tasks.
  const f = document.hidden ? 0 : requestAnimationFrame(() => (t = setTimeout(fn)));
  if (!f) t = setTimeout(fn);
  return () => {
    cancelAnimationFrame(f);
    clearTimeout(t);
  };
}

/** A session's status at `now` in a day list. */
const statusOf = (i: Item, now: number): Status =>
  i.s.status === 'cancelled' ? 'cancelled' : now >= i.b ? 'ended' : now >= i.a ? 'live' : 'upcoming';


declare global {
  interface HTMLElementTagNameMap {
    'forum-programme': ForumProgramme;
  }
}
