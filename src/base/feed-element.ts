// What every forum widget shares: the feed source (FeedController), the page-wide UI locale,
// fallback children, error reporting, theme and heading level. A widget subclass only says how
// to render a good feed (renderFeed) and how big it is while loading (CSS).
//
// Per update: willUpdate derives {feed, problem, warnings}, asks the subclass for its content
// and sets the reflected `state`; render only picks the template; updated() reports (events,
// one console warning per problem per page).
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { msg } from '../i18n/localize.js';
import type { Feed, FeedDocument, Text } from '../feed/types.js';
import { uiLocale, addStrings, updateOnLocale, type LocaleStrings } from '../i18n/locale.js';
import { HostThemeController } from './host-theme.js';
import { FeedController, type FeedOutcome } from './feed-controller.js';
import { localText, type LocalText } from './localized.js';
import { warnOnce } from './warn.js';
import { VERSION } from '../version.js';
import type { FeedLoadDetail, FeedErrorDetail } from './events.js';
// Re-exported so every element's declarations carry the event types (and their HTMLElementEventMap entries).
export type { FeedLoadDetail, FeedErrorDetail, FeedLoadEvent, FeedErrorEvent } from './events.js';

export type { LocalText } from './localized.js';

/** What a widget renders from a good feed: content, or why it has none (e.g. an unknown id). */
export type Rendered = TemplateResult | { missing: string };

export type WidgetState = 'loading' | 'ready' | 'missing' | 'error';

/** How long a widget without fallback content waits for its feed before it shows the skeleton. */
export const SKELETON_DELAY_MS = 300;

/**
 * What every forum widget shares; each element inherits this API (the Custom Elements Manifest
 * analyzer copies it into each element's entry, so elements do not repeat it).
 *
 * @attr state - Set by the element, not by you: `loading`, `ready`, `missing` (the feed lacks
 *   what this widget asks for) or `error`. For styling and tests.
 *
 * @slot - Fallback content: shown while there is nothing to show (loading, error, missing).
 *
 * @csspart skeleton - The placeholder while loading, when there is no fallback content.
 * @csspart notice - The one-line message when there is nothing to show and no fallback content.
 *
 * @cssprop [--forum-color-background=#ffffff] - Background of the widget's surfaces.
 * @cssprop [--forum-color-text=#1b1f24] - Text colour.
 * @cssprop [--forum-color-muted=#545d68] - Secondary text (positions, venue, labels).
 * @cssprop [--forum-color-accent=#b3261e] - Links, figures and focus rings.
 * @cssprop [--forum-color-on-accent=#ffffff] - Text on an accent-coloured background.
 * @cssprop [--forum-color-border=#d0d5db] - Borders of cards and notices.
 * @cssprop [--forum-color-surface=#f3f4f6] - Placeholders and subtle backgrounds.
 * @cssprop [--forum-color-tint=#fbeeed] - Behind monograms (initials standing in for a photo or logo).
 * @cssprop [--forum-color-live=#b3261e] - The "live now" mark.
 * @cssprop [--forum-radius=0.5em] - Corner radius.
 * @cssprop [--forum-space=1em] - Base spacing.
 * @cssprop [--forum-font-family=inherit] - Font; the page's by default.
 * @cssprop [--forum-font-size=medium] - Base text size (not rem: a page that shrinks its root font does not shrink the widget).
 * @cssprop [--forum-line-height=1.45] - Line height.
 *
 * @event {CustomEvent<FeedLoadDetail>} forum-feed-load - A good feed is shown; `detail.url` (absent for a `feed` object), `detail.feed` and `detail.warnings` (items the validator dropped, `path: message` lines). Bubbles, composed.
 * @event {CustomEvent<FeedErrorDetail>} forum-feed-error - The feed could not be used; `detail.errors` (`path: message` lines) and `detail.url`. Bubbles, composed.
 */
export abstract class FeedElement extends LitElement {
  /** The forum-widgets version of this class (a second copy on the page names it in its warning). */
  static readonly version = VERSION;
  /**
   * The widget's own translated UI strings (its generated module in src/i18n/generated/strings/),
   * added when the first element of the class is constructed: a bundle gets them with the class.
   * @internal
   */
  static uiStrings?: LocaleStrings;

  static override properties = {
    src: { type: String },
    feed: { attribute: false },
    theme: { type: String, reflect: true },
    refresh: { type: Number },
    state: { type: String, reflect: true },
  };

  /** URL of the feed. Defaults to the embedding script tag's `data-feed`. */
  declare src: string | undefined;
  /**
   * A feed object (frameworks, Storybook); wins over `src`. Typed as the feed, and still
   * validated at run time like a fetched one (an invalid object gets forum-feed-error).
   */
  declare feed: FeedDocument | null | undefined;
  /**
   * `light` (default), `dark`, `auto` (follows prefers-color-scheme), `contrast` (black on white,
   * larger text, no images: low-vision versions) or `contrast-dark` (white on black). The page's
   * `<html data-forum-theme>` wins over it while present; the theme shown is reflected as `look`.
   */
  declare theme: 'light' | 'dark' | 'auto' | 'contrast' | 'contrast-dark';
  /** Re-check the feed every this many seconds (conditional requests, shared by all widgets). */
  declare refresh: number | undefined;
  /**
   * The state shown, derived at every update: `loading` until a good feed or a failure, `ready`,
   * `missing` when the feed lacks what this widget asks for, `error`. Reflected; set by the element.
   * @readonly
   */
  declare state: WidgetState;

  /** The feed's source and loader subscription. */
  protected readonly source = new FeedController(this);
  /** The theme shown (`look`): the page's low-vision switch, else `theme`. */
  protected readonly look = new HostThemeController(this);
  /** The good feed shown (from `feed`, else the last good one loaded); derived in willUpdate. */
  protected data: Feed | undefined;
  /** Why the feed cannot be used, if it cannot; derived in willUpdate. */
  protected problem: FeedOutcome['problem'];
  /** Items the validator dropped from the feed shown; derived in willUpdate. */
  protected warnings: string[] = [];
  private _out?: Rendered;
  private _locale = 'en';
  private _reported?: string;

  constructor() {
    super();
    addStrings((this.constructor as typeof FeedElement).uiStrings);
    this.theme = 'light';
    this.state = 'loading';
    updateOnLocale(this);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Reflected before the first render, which may wait (below): the CSS reserves the widget's
    // size from it, so the page does not shift when the content comes.
    if (!this.hasAttribute('state')) this.setAttribute('state', this.state);
  }

  /**
   * The first render waits for the feed for up to SKELETON_DELAY_MS when there is no fallback
   * content: a feed that answers quickly replaces nothing (500 cards on one feed render once,
   * not skeleton first), and a slow one gets the skeleton then. Fallback children show at once.
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    if (!this.hasUpdated && this.source.waiting && !this.childElementCount && !this.textContent?.trim())
      return this.source.answer(SKELETON_DELAY_MS).then(() => super.scheduleUpdate());
    super.scheduleUpdate();
  }

  /** The feed URL this element uses, resolved against the page, or undefined. */
  get feedUrl(): string | undefined {
    return this.source.url;
  }

  protected override willUpdate(_changed: PropertyValues<this>): void {
    this.source.sync();
    const o = this.source.outcome();
    ({ feed: this.data, problem: this.problem } = o);
    this.warnings = [...o.warnings]; // renderFeed may add its own (warn())
    this._locale = uiLocale();
    const out = (this._out = this.data && this.renderFeed(this.data));
    this.state = out ? (isMissing(out) ? 'missing' : 'ready') : this.problem ? 'error' : 'loading';
  }

  /** Reports what this widget leaves out of a good feed (items past its limit): call from renderFeed. */
  protected warn(line: string): void {
    if (!this.warnings.includes(line)) this.warnings.push(line);
  }

  /** Resolves a feed text for the UI locale, following the spec's fallback chain. */
  protected t(text: Text | undefined): LocalText | undefined {
    const feed = this.data;
    return feed && localText(text, this._locale, feed.defaultLanguage);
  }

  /** Renders the widget for a good feed (called once per update, from willUpdate). */
  protected abstract renderFeed(feed: Feed): Rendered;

  override render() {
    const out = this._out;
    if (out && !isMissing(out)) return out;
    // No content: the children are the fallback (a CMS that strips scripts still shows them).
    if (this.childElementCount || this.textContent?.trim()) return html`<slot></slot>`;
    if (this.state === 'loading') return html`<div class="skeleton" part="skeleton" aria-hidden="true"></div>`;
    return html`<p class="notice" part="notice" role="status">${(out && isMissing(out) && out.missing) || msg('Forum content is unavailable right now.')}</p>`;
  }

  protected override updated(): void {
    this.report();
  }

  /** Dispatches forum-feed-load / forum-feed-error once per change, and warns once per page. */
  private report(): void {
    const { problem, data: feed } = this;
    const key = problem ? `e${problem.errors.join('\n')}` : feed ? `l${feedKey.get(feed) ?? stamp(feed)}` : '';
    if (!key || key === this._reported) return;
    this._reported = key;
    if (problem) {
      warnOnce(`forum-widgets: <${this.localName}> ${problem.url ? `feed ${problem.url}` : 'feed'}:\n${problem.errors.join('\n')}`);
      this.dispatchEvent(new CustomEvent<FeedErrorDetail>('forum-feed-error', { bubbles: true, composed: true, detail: problem }));
    } else if (feed) {
      // Each warning once per page (per feed URL), however many widgets show the feed.
      const where = `forum-widgets: ${this.feed != null ? 'feed' : `feed ${this.feedUrl}`}`;
      for (const w of this.warnings) warnOnce(`${where}: ${w}`);
      this.dispatchEvent(
        new CustomEvent<FeedLoadDetail>('forum-feed-load', { bubbles: true, composed: true, detail: { url: this.feedUrl, feed, warnings: this.warnings } }),
      );
    }
  }
}

// Own property: a host page's enumerable Object.prototype.missing must not turn content into a notice.
const isMissing = (r: Rendered): r is { missing: string } => Object.hasOwn(r, 'missing');

/** A widget with headings (the session card, the organizer strip): adds `heading-level`. */
export abstract class HeadedFeedElement extends FeedElement {
  static override properties = {
    ...FeedElement.properties,
    headingLevel: { type: Number, attribute: 'heading-level' },
  };

  /** Level of the widget's headings, 2 to 6 (default 3), to fit the host page's outline. */
  declare headingLevel: number;

  constructor() {
    super();
    this.headingLevel = 3;
  }

  /** A heading at the host's chosen level (2-6); a tag name cannot be a binding in lit-html. */
  protected heading(content: unknown, lang?: string): TemplateResult {
    const l = this.headingLevel;
    const lg = lang ?? nothing;
    if (l === 2) return html`<h2 part="heading" class="heading" lang=${lg}>${content}</h2>`;
    if (l === 4) return html`<h4 part="heading" class="heading" lang=${lg}>${content}</h4>`;
    if (l === 5) return html`<h5 part="heading" class="heading" lang=${lg}>${content}</h5>`;
    if (l === 6) return html`<h6 part="heading" class="heading" lang=${lg}>${content}</h6>`;
    return html`<h3 part="heading" class="heading" lang=${lg}>${content}</h3>`;
  }
}

// A load is reported once per feed object (a refresh that changed the feed is a new object).
const feedKey = new WeakMap<object, number>();
let feedSeq = 0;
const stamp = (f: object) => {
  feedKey.set(f, ++feedSeq);
  return feedSeq;
};
