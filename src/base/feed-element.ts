// What every forum widget shares: where its feed comes from (the `feed` property, else `src`,
// else the embedding script's data-feed), the shared loader subscription, the page-wide UI
// locale, fallback children, error reporting, theme and heading level. A widget subclass only
// says how to render a good feed (renderFeed) and how big it is while loading (CSS).
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { updateWhenLocaleChanges, msg } from '@lit/localize';
import { feedLoader, type FeedState } from '../feed/loader.js';
import { validateFeed } from '../feed/validate.js';
import { pickText, differsFrom } from '../feed/text.js';
import type { Feed, Text } from '../feed/types.js';
import { uiLocale } from '../i18n/locale.js';
import { pageConfig } from './config.js';
import { VERSION } from '../version.js';

/** What a widget renders from a good feed: content, or why it has none (e.g. an unknown id). */
export type Rendered = TemplateResult | { missing: string };

export type WidgetState = 'loading' | 'ready' | 'missing' | 'error';

/** A feed text resolved for the UI locale; `lang` is set only when it differs from the UI's. */
export interface LocalText {
  text: string;
  lang: string | undefined;
}

// One console warning per distinct problem per page, however many widgets share the feed.
const warned = new Set<string>();

// Validation of `feed` objects handed in by frameworks, once per object.
const checked = new WeakMap<object, ReturnType<typeof validateFeed>>();

/**
 * What every forum widget shares; each element inherits this API (and the Custom Elements
 * Manifest copies it into each element's entry).
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
 * @cssprop [--forum-color-live=#b3261e] - The "live now" mark.
 * @cssprop [--forum-radius=0.5em] - Corner radius.
 * @cssprop [--forum-space=1em] - Base spacing.
 * @cssprop [--forum-font-family=inherit] - Font; the page's by default.
 * @cssprop [--forum-font-size=medium] - Base text size (not rem: a page that shrinks its root font does not shrink the widget).
 * @cssprop [--forum-line-height=1.45] - Line height.
 *
 * @event forum-feed-load - A good feed is shown; `detail.url` (absent for a `feed` object) and `detail.feed`. Bubbles, composed.
 * @event forum-feed-error - The feed could not be used; `detail.errors` (`path: message` lines) and `detail.url`. Bubbles, composed.
 */
export abstract class FeedElement extends LitElement {
  /** The forum-widgets version of this class (a second copy on the page names it in its warning). */
  static readonly version = VERSION;

  static override properties = {
    src: { type: String },
    feed: { attribute: false },
    theme: { type: String, reflect: true },
    headingLevel: { type: Number, attribute: 'heading-level' },
    refresh: { type: Number },
    _loaded: { state: true },
  };

  /** URL of the feed. Defaults to the embedding script tag's `data-feed`. */
  declare src: string | undefined;
  /** A feed object (frameworks, Storybook); wins over `src`. It is validated like a fetched one. */
  declare feed: unknown;
  /** `light` (default), `dark`, or `auto` (follows prefers-color-scheme). */
  declare theme: 'light' | 'dark' | 'auto';
  /** Level of the widget's heading, 2 to 6 (default 3), to fit the host page's outline. */
  declare headingLevel: number;
  /** Re-check the feed every this many seconds (conditional requests, shared by all widgets). */
  declare refresh: number | undefined;
  declare private _loaded: FeedState | undefined;

  private _unsubscribe?: () => void;
  private _subscribedTo?: string;
  private _reported?: string;

  constructor() {
    super();
    this.theme = 'light';
    this.headingLevel = 3;
    updateWhenLocaleChanges(this);
  }

  /** The feed URL this element uses, resolved against the page, or undefined. */
  get feedUrl(): string | undefined {
    const raw = this.src || pageConfig.feed;
    if (!raw) return undefined;
    try {
      return new URL(raw, document.baseURI).href;
    } catch {
      return raw;
    }
  }

  /** The good feed the element is showing (from `feed`, else the last good one loaded). */
  protected get data(): Feed | undefined {
    if (this.feed !== undefined && this.feed !== null) {
      const r = this.checkFeed();
      return r.ok ? r.feed : undefined;
    }
    return this._loaded?.feed;
  }

  private checkFeed() {
    const f = this.feed as object;
    let r = typeof f === 'object' ? checked.get(f) : undefined;
    if (!r) {
      r = validateFeed(f);
      if (typeof f === 'object') checked.set(f, r);
    }
    return r;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.subscribe();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._unsubscribe?.();
    this._unsubscribe = this._subscribedTo = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('src') || changed.has('feed') || changed.has('refresh')) this.subscribe();
  }

  private subscribe(): void {
    if (!this.isConnected) return;
    // A feed object needs no request; otherwise (re)subscribe when the URL or refresh changed.
    const url = this.feed != null ? undefined : this.feedUrl;
    const key = url && `${url}|${this.refresh ?? ''}`;
    if (key === this._subscribedTo) return;
    this._unsubscribe?.();
    this._unsubscribe = undefined;
    this._subscribedTo = key;
    this._loaded = undefined;
    if (url) this._unsubscribe = feedLoader.subscribe(url, (s) => (this._loaded = s), { refresh: this.refresh });
  }

  /** The state shown: loading until a good feed or a failure, `missing` when the feed lacks the item. */
  get state(): WidgetState {
    return (this.getAttribute('state') as WidgetState) ?? 'loading';
  }

  /** Errors of the current feed (validator lines), for the webmaster. */
  private currentErrors(): { url?: string; errors: string[] } | undefined {
    if (this.feed != null) {
      const r = this.checkFeed();
      return r.ok ? undefined : { errors: r.errors };
    }
    if (!this.feedUrl) return { errors: [msgNoFeed()] };
    const s = this._loaded;
    return s?.errors?.length ? { url: s.url, errors: s.errors } : undefined;
  }

  protected override updated(): void {
    this.report();
  }

  /** Dispatches forum-feed-load / forum-feed-error once per change, and warns once per page. */
  private report(): void {
    const problem = this.currentErrors();
    const feed = this.data;
    const key = problem ? `e${problem.errors.join('\n')}` : feed ? `l${feedKey.get(feed) ?? stamp(feed)}` : '';
    if (!key || key === this._reported) return;
    this._reported = key;
    if (problem) {
      const line = `forum-widgets: <${this.localName}> ${problem.url ? `feed ${problem.url}` : 'feed'}:\n${problem.errors.join('\n')}`;
      if (!warned.has(line)) {
        warned.add(line);
        console.warn(line);
      }
      this.dispatchEvent(new CustomEvent('forum-feed-error', { bubbles: true, composed: true, detail: problem }));
    } else {
      this.dispatchEvent(new CustomEvent('forum-feed-load', { bubbles: true, composed: true, detail: { url: this.feedUrl, feed } }));
    }
  }

  /** Resolves a feed text for the UI locale, following the spec's fallback chain. */
  protected t(text: Text | undefined): LocalText | undefined {
    const feed = this.data;
    const locale = uiLocale();
    const p = feed && pickText(text, locale, feed.defaultLanguage);
    return p && { text: p.text, lang: differsFrom(p.lang, locale) ? p.lang : undefined };
  }

  /** Renders the widget for a good feed. */
  protected abstract renderFeed(feed: Feed): Rendered;

  override render() {
    const feed = this.data;
    const out = feed ? this.renderFeed(feed) : undefined;
    const problem = this.currentErrors();
    const state: WidgetState = out ? ('missing' in out ? 'missing' : 'ready') : problem ? 'error' : 'loading';
    // Reflected for styling (reserved size while loading) and for tests; it is the element's own.
    if (this.getAttribute('state') !== state) this.setAttribute('state', state);
    if (out && !('missing' in out)) return out;
    // No content: the children are the fallback (a CMS that strips scripts still shows them).
    if (this.childElementCount || this.textContent?.trim()) return html`<slot></slot>`;
    if (state === 'loading') return html`<div class="skeleton" part="skeleton" aria-hidden="true"></div>`;
    const line = out && 'missing' in out ? out.missing : msg('Forum content is unavailable right now.');
    return html`<p class="notice" part="notice" role="status">${line}</p>`;
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

const feedKey = new WeakMap<object, number>();
let feedSeq = 0;
const stamp = (f: object) => {
  feedKey.set(f, ++feedSeq);
  return feedSeq;
};

// Addressed to the webmaster like the validator's lines, so not translated.
const msgNoFeed = () => 'feed: no feed URL (set src on the element, or data-feed on the script tag)';
