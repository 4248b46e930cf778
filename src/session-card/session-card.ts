import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { HeadedFeedElement, type Rendered } from '../base/feed-element.js';
import { clock } from '../base/clock.js';
import { BoundaryTimer } from '../base/boundary-timer.js';
import { byId } from '../base/feed-index.js';
import { intl } from '../base/intl.js';
import { inline } from '../base/localized.js';
import { safe } from '../base/safe.js';
import { tokens } from '../base/tokens.styles.js';
import { avatarClamp } from '../base/avatar-clamp.styles.js';
import { uiLocale } from '../i18n/locale.js';
import { strings } from '../i18n/generated/strings/session-card.js';
import type { Feed, Person, Session } from '../feed/types.js';
import { styles } from './session-card.styles.js';
import { CALENDAR_HREF, calendarFileName, sessionCalendarLink } from '../base/calendar.js';
import { ClampController } from '../base/clamp.js';
import { HoldController } from './hold.js';
import { comma, initials } from '../i18n/typography.js';

const MIN = 60_000;
const HOUR = 60 * MIN;

/** `soon` is upcoming within the hour, when the card counts the minutes down. */
export type SessionStatus = 'upcoming' | 'soon' | 'live' | 'ended' | 'cancelled';

interface Timed {
  s: Session;
  a: number;
  b: number;
}

/** A session's status at `now` and the instant it next changes (Infinity: never). */
function statusAt({ s, a, b }: Timed, now: number): [SessionStatus, number] {
  if (s.status === 'cancelled') return ['cancelled', Infinity];
  if (now >= b) return ['ended', Infinity];
  if (now >= a) return ['live', b];
  if (a - now > HOUR) return ['upcoming', a - HOUR];
  // "in N minutes" rounds up, so N holds until exactly N-1 minutes are left; the last step is `a`.
  return ['soon', a - (Math.ceil((a - now) / MIN) - 1) * MIN];
}

const fmt = (locale: string, timeZone: string, o: Intl.DateTimeFormatOptions) => intl(Intl.DateTimeFormat, locale, o, timeZone);

// A feed's sessions parsed and in time order, once per feed object (cards that share a feed
// share it; a new feed object is a new entry).
const timelines = new WeakMap<Feed, { list: Timed[]; byId: Map<string, Timed> }>();
const timeline = (feed: Feed) => {
  let t = timelines.get(feed);
  if (!t) {
    const list = feed.sessions.map((s) => ({ s, a: Date.parse(s.start), b: Date.parse(s.end) })).sort((x, y) => x.a - y.a);
    timelines.set(feed, (t = { list, byId: new Map(list.map((x) => [x.s.id, x])) }));
  }
  return t;
};
// The reader's zone, asked of the browser once rather than per card and render.
let browserZone: string | undefined;
const readerZone = () => (browserZone ??= Intl.DateTimeFormat().resolvedOptions().timeZone);
const DAY: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long' };
const HM: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit' };
// Module constants, so the formatter cache computes each key once.
const DAY_Y: Intl.DateTimeFormatOptions = { ...DAY, year: 'numeric' };
const DAY_HM: Intl.DateTimeFormatOptions = { ...DAY, ...HM };
const DAY_Y_HM: Intl.DateTimeFormatOptions = { ...DAY_Y, ...HM };
const YEAR: Intl.DateTimeFormatOptions = { year: 'numeric' };
const OFFSET: Intl.DateTimeFormatOptions = { timeZoneName: 'shortOffset' };
// Formatted times, shared by all cards: a programme's sessions share a few time slots, and
// formatting (formatRange, formatToParts) was most of a card's own script time. Keys hold every
// input (msg() follows the locale, which is in the key); bounded, as a page open for days sees
// ever new instants.
const formatted = new Map<string, string>();
const memo = (key: string, make: () => string) => {
  let v = formatted.get(key);
  if (v === undefined) {
    if (formatted.size >= 2000) formatted.clear();
    formatted.set(key, (v = make()));
  }
  return v;
};
/** "UTC+10", "UTC+5:30", "UTC": the zone's offset at that instant, the same in every locale. */
const utc = (tz: string, t: number) =>
  memo(`u${tz} ${t}`, () =>
    fmt('en', tz, OFFSET)
      .formatToParts(t)
      .find((p) => p.type === 'timeZoneName')!
      .value.replace('GMT', 'UTC'),
  );
const day = (tz: string, t: number) => fmt('en', tz, DAY).format(t);
/**
 * "19 мая, 12:00–13:30" in zone `tz`. The date is written out by itself because CLDR's interval
 * pattern turns Chinese month names into "5/19"; a session over midnight gets the full range.
 * (formatRange is in every browser the es2021 bundle runs in.)
 */
const when = (loc: string, tz: string, a: number, b: number, withDay = true, withYear = false) =>
  memo(`w${loc} ${tz} ${a} ${b} ${withDay} ${withYear}`, () => formatWhen(loc, tz, a, b, withDay, withYear));
const formatWhen = (loc: string, tz: string, a: number, b: number, withDay: boolean, withYear: boolean) => {
  const d = withYear ? DAY_Y : DAY;
  const dhm = withYear ? DAY_Y_HM : DAY_HM;
  const date = fmt(loc, tz, d).format(a);
  const sameDay = day(tz, a) === day(tz, b);
  // Across a DST change each end carries its offset: the autumn's repeated hour would otherwise
  // read "1:30 – 1:15".
  if (utc(tz, a) !== utc(tz, b)) {
    const end = (t: number, o: Intl.DateTimeFormatOptions) => `${fmt(loc, tz, o).format(t)} ${utc(tz, t)}`;
    const time = `${end(a, HM)} – ${end(b, HM)}`;
    if (!withDay) return time;
    return sameDay ? msg(str`${date}, ${time}`) : `${end(a, dhm)} – ${end(b, dhm)}`;
  }
  const time = fmt(loc, tz, HM).formatRange(a, b);
  if (!withDay) return time;
  return sameDay ? msg(str`${date}, ${time}`) : fmt(loc, tz, dhm).formatRange(a, b);
};

/** Speakers (and moderators) rendered at most per session; the rest is left out with a warning. */
export const MAX_PEOPLE = 20;

/** People shown per group before "and N more" opens the rest (the card's height stays bounded). */
export const PEOPLE_SHOWN = 3;

/**
 * A forum session: title, time in the forum's zone (and the reader's), venue, people, summary,
 * link, and a status that changes by itself at the exact moment the session starts or ends.
 *
 * @summary One programme session, or the current one, live-updating its status.
 * @tag forum-session-card
 *
 * @attr session - Session id from the feed, or `current`: the live session, else the next one
 *   not cancelled, else the last one; it moves on by itself.
 * @attr compact - Three lines: the title (cut with an ellipsis); the time; the status and, while live, the stream link.
 * @attr reader-time-zone - IANA zone of the reader; defaults to the browser's. For tests and Storybook.
 * @attr heading-level - Level of the title heading, 2–6 (default 3).
 *
 * @csspart base - The card (or the compact line).
 * @csspart forum - The forum's monogram and name above the title.
 * @csspart heading - The session title.
 * @csspart time - Date and time range with the zone, and the reader's time.
 * @csspart local-time - The reader's own time, when their zone differs.
 * @csspart status - The status line: badge and stream link.
 * @csspart badge - The status label.
 * @csspart stream - The live stream link (while live).
 * @csspart venue - The hall or room.
 * @csspart people - Each group of speakers or moderators.
 * @csspart person - One person.
 * @csspart photo - A person's photo.
 * @csspart summary - The summary text.
 * @csspart link - The next step: the session's page, else the forum's site.
 * @csspart calendar - The add-to-calendar link (an .ics file in the forum's zone), while the session is ahead or live.
 *
 * @cssprop --forum-photo-size - Size of people's photos and monograms (default 2.5em).
 * @cssprop --forum-summary-lines - Lines of the summary before "Show more" (default 3).
 * @cssprop --forum-session-card-min-height - Space reserved while loading, which the card then keeps (default: a full card with a two-line title, three speakers, a moderator and a summary: 45em, 31em in windows from 45em wide; the compact card: its three lines).
 *
 */
export class ForumSessionCard extends HeadedFeedElement {
  static override styles = [tokens, avatarClamp, styles];
  /** @internal Its translated UI strings (added on first construction, see FeedElement). */
  static override uiStrings = strings;

  static override properties = {
    ...HeadedFeedElement.properties,
    session: { type: String },
    compact: { type: Boolean, reflect: true },
    readerTimeZone: { attribute: 'reader-time-zone' },
  };

  /** Session id, or `current`. */
  declare session: string | undefined;
  /** One-line variant. */
  declare compact: boolean;
  /** The reader's IANA time zone; the browser's when unset. Meant for tests and Storybook. */
  declare readerTimeZone: string | undefined;

  // Which long texts overflow their lines, and which the reader opened.
  private readonly clamp = new ClampController(this);
  // One timer, for the next instant the output changes.
  private readonly _timer = new BoundaryTimer(this);

  // Status changes are announced politely, but not the first status shown.
  private _seen?: string;
  private _said = '';
  // The session the add-to-calendar link offers (none once over), and its file once built.
  private _calSession?: Session;
  private _ics?: { s: Session; loc: string; href: string };

  constructor() {
    super();
    // Keeps the loading box's height once the content is in (a page without reservation does not move).
    new HoldController(this);
    this.compact = false;
  }

  protected renderFeed(feed: Feed): Rendered {
    const now = clock().now();
    const { list, byId } = timeline(feed);
    const current = this.session === 'current';
    const on = current ? list.filter((x) => x.s.status !== 'cancelled') : [];
    const it = current
      ? (on.find((x) => x.a <= now && now < x.b) ?? on.find((x) => x.a > now) ?? on.at(-1) ?? list.at(-1))
      : byId.get(this.session ?? '');
    if (!it) {
      return {
        missing: current ? msg('The forum programme has no sessions yet.') : msg('This session is not in the forum programme.'),
      };
    }
    let [status, next] = statusAt(it, now);
    // In `current` mode any start or end may hand the card to another session.
    if (current) for (const x of on) for (const t of [x.a, x.b]) if (t > now && t < next) next = t;
    this._timer.next = next;

    const { s, a, b } = it;
    const loc = uiLocale();
    const tz = feed.forum.timeZone;
    const title = this.t(s.title)!;
    const inMinutes = status === 'soon' ? intl(Intl.RelativeTimeFormat, loc).format(Math.ceil((a - now) / MIN), 'minute') : '';
    const label = status === 'soon' ? msg(str`Starts ${inMinutes}`) : LABELS[status]();
    const key = s.id + status;
    if (this._seen && this._seen !== key) this._said = `${title.text} — ${label}`;
    this._seen = key;

    // The year, whenever the session is not in the current year (in the forum's zone).
    const year = fmt('en', tz, YEAR);
    const withYear = year.format(a) !== year.format(now);
    const time = when(loc, tz, a, b, true, withYear);
    const zone = utc(tz, a);
    const stream = status === 'live' && safe(s.stream);
    const url = safe(s.url);
    // Written out in both templates below rather than as nested templates: each nested one costs
    // a template instance and markers per card, which adds up over a programme of cards. Block
    // bindings follow each other without a line break (a break would be a text node per card).
    const said = this._said;

    if (this.compact) {
      return html`<div part="base" class="line" lang=${loc}>
        ${this.heading(url ? html`<a part="link" href=${url}>${title.text}</a>` : title.text, title.lang)}
        <time part="time" datetime=${s.start}>${time} ${zone}</time><p part="status" class="status ${status}"><span part="badge" class="badge">${label}</span>${stream
          ? html`<a part="stream" href=${stream}>${msg('Live stream')}</a>`
          : nothing}</p><span class="visually-hidden" aria-live="polite">${said}</span>
      </div>`;
    }

    // The reader's own time, when their offset differs at that instant (with the date if it differs too).
    let yours: string | undefined;
    try {
      const rz = this.readerTimeZone || readerZone();
      if (utc(rz, a) !== zone) yours = when(loc, rz, a, b, day(rz, a) !== day(tz, a), withYear);
    } catch {
      // An unknown reader zone: show the forum's time only.
    }
    const where = this.t(feed.forum.location);
    const forum = this.t(feed.forum.name)!;
    const venue = this.t(s.venue);
    // The next step, always one: the stream while live, else the session's page, else the forum's.
    const goHref = stream || url || safe(feed.forum.url);
    const goText = stream ? msg('Watch the live stream') : url ? msg('Session page') : msg('Forum website');
    // Adding a session that is over or cancelled to a calendar helps nobody. The file itself is
    // built when the reader reaches the link (calendarHref), not for every card on every render.
    const cal = (this._calSession = status === 'ended' || status === 'cancelled' ? undefined : s);
    const ics = this._ics;
    const icsHref = ics && ics.s === s && ics.loc === loc ? ics.href : CALENDAR_HREF;
    const summary = this.t(s.summary);
    const open = this.clamp.open.has('summary');
    return html`<article part="base" class="card" lang=${loc}>
      <div class="top">
        <p part="forum" class="forum"><span class="av mark" aria-hidden="true">${initials(forum.text, 3)}</span><span lang=${forum.lang ?? nothing}>${forum.text}</span></p>
        <p part="status" class="status ${status}"><span part="badge" class="badge">${label}</span></p>
      </div>
      ${this.heading(title.text, title.lang)}
      <p part="time" class="time">
        <time datetime=${s.start}>${time}</time>
        <span class="zone">(${where?.lang ? html`<span lang=${where.lang}>${where.text}</span>${comma(loc)}` : where ? where.text + comma(loc) : ''}${zone})</span>
        ${yours ? html`<span part="local-time" class="local">${msg(str`Your time: ${yours}`)}</span>` : nothing}
      </p>
      ${venue ? html`<p part="venue" class="venue" lang=${venue.lang ?? nothing}>${venue.text}</p>` : nothing}${this.people(feed, 'sp', s.speakers, msg('Speaker'), msg('Speakers'))}${this.people(feed, 'mo', s.moderators, msg('Moderator'), msg('Moderators'))}${summary
        ? html`<div class="block"><p part="summary" id="summary" class=${open ? '' : 'clamp'} lang=${summary.lang ?? nothing}>${summary.text}</p>${this.clamp.clipped.has('summary')
            ? html`<button type="button" class="more" aria-expanded=${open} aria-controls="summary" @click=${this.toggleSummary}>${open ? msg('Show less') : msg('Show more')}</button>`
            : nothing}</div>`
        : nothing}${goHref || cal
        ? html`<p class="actions">${goHref ? html`<a part=${stream ? 'stream' : 'link'} class="go" href=${goHref}>${goText}</a>` : nothing}${cal
            ? html`<a part="calendar" class="cal" href=${icsHref} download=${calendarFileName(s.id)}
                @pointerenter=${this.calendarHref} @focus=${this.calendarHref} @contextmenu=${this.calendarHref} @click=${this.calendarHref}
                ><svg aria-hidden="true" viewBox="0 0 16 16" width="16" height="16"><path d="M4 1v2H2v12h12V3h-2V1h-1.5v2h-5V1zM3.5 6.5h9v7h-9z" /></svg>${msg('Add to calendar')}</a>`
            : nothing}</p>`
        : nothing}<span class="visually-hidden" aria-live="polite">${said}</span>
    </article>`;
  }

  /**
   * Puts the session's .ics file in the calendar link's href, built once per session, feed and
   * locale. It runs when the pointer comes over the link, when it is focused (keyboard), on the
   * context menu (copy link) and on click before the download follows the href (a screen
   * reader's activation), so every way to use the link finds the file; until then the href is an
   * empty calendar. A re-render then keeps the href in the template's state.
   */
  private readonly calendarHref = (e: Event) => {
    const s = this._calSession;
    const feed = this.data;
    if (!s || !feed) return;
    const loc = uiLocale();
    if (this._ics?.s !== s || this._ics.loc !== loc) {
      this._ics = { s, loc, href: sessionCalendarLink(feed, s, { locale: loc, speakersLabel: msg('Speakers') }).href };
      this.requestUpdate();
    }
    (e.currentTarget as HTMLAnchorElement).href = this._ics.href;
  };

  private readonly toggleSummary = () => this.clamp.toggle('summary');
  private readonly togglePeople = (e: Event) => this.clamp.toggle((e.currentTarget as HTMLElement).getAttribute('aria-controls')!);

  /** One group of people: at most MAX_PEOPLE rows, then "and N more", which opens the rest. */
  private people(feed: Feed, id: string, ids: string[] | undefined, one: string, many: string): TemplateResult | typeof nothing {
    const list = (ids ?? []).map((i) => byId(feed, 'people', i)).filter((p): p is Person => !!p);
    if (!list.length) return nothing;
    if (list.length > MAX_PEOPLE) {
      this.warn(`${id === 'sp' ? 'speakers' : 'moderators'}: ${list.length} in session "${this.session}"; <forum-session-card> shows the first ${MAX_PEOPLE}`);
      list.length = MAX_PEOPLE;
    }
    const loc = uiLocale();
    const open = this.clamp.open.has(id);
    const shown = open || list.length <= PEOPLE_SHOWN ? list : list.slice(0, PEOPLE_SHOWN - 1);
    const rest = list.length - shown.length;
    return html`<div part="people" class="people">
      <p class="label" id=${id + '-l'}>${list.length > 1 ? many : one}</p>
      <ul id=${id} aria-labelledby=${id + '-l'}>
        ${shown.map((p) => {
          const photo = safe(p.photo, 'image');
          const name = this.t(p.name)!;
          const pos = this.t(p.position);
          const org = this.t(p.organization);
          // Position and organisation as one text, unless one fell back to another language.
          const job = pos?.lang || org?.lang ? html`${inline(pos)}${pos && org ? comma(loc) : ''}${inline(org)}` : pos && org ? pos.text + comma(loc) + org.text : (pos ?? org)?.text;
          return html`<li part="person"><span class="av" aria-hidden="true">${initials(name.text, 2)}${photo
            ? html`<img part="photo" src=${photo} alt="" width="40" height="40" loading="lazy" />`
            : nothing}</span><span class="who"><span class="name" lang=${name.lang ?? nothing}>${name.text}</span>${job
            ? html`<span class="pos">${job}</span>`
            : nothing}</span></li>`;
        })}
      </ul>
      ${rest || (open && list.length > PEOPLE_SHOWN)
        ? html`<button type="button" class="more" aria-expanded=${open} aria-controls=${id} @click=${this.togglePeople}>${open ? msg('Show fewer') : msg(str`and ${rest} more`)}</button>`
        : nothing}
    </div>`;
  }
}

// Status labels, read at render time (msg() follows the UI locale); `soon` counts minutes.
const LABELS: Record<Exclude<SessionStatus, 'soon'>, () => string> = {
  upcoming: () => msg('Upcoming'),
  live: () => msg('Live now'),
  ended: () => msg('Ended'),
  cancelled: () => msg('Cancelled'),
};

declare global {
  interface HTMLElementTagNameMap {
    'forum-session-card': ForumSessionCard;
  }
}
