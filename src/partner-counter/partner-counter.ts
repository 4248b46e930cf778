import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import { FeedElement, type Rendered, type LocalText } from '../base/feed-element.js';
import { tokens } from '../base/tokens.styles.js';
import { byId } from '../base/feed-index.js';
import { intl } from '../base/intl.js';
import { warnOnce } from '../base/warn.js';
import { uiLocale } from '../i18n/locale.js';
import { strings } from '../i18n/generated/strings/partner-counter.js';
import type { Counter, Feed } from '../feed/types.js';
import { styles } from './partner-counter.styles.js';

const RUN_MS = 1000;
// Fixed fraction digits 0-3, as constants: the formatter cache keys an options object once.
const DIGITS = [0, 1, 2, 3].map((d) => ({ minimumFractionDigits: d, maximumFractionDigits: d }));
const SCIENTIFIC = { notation: 'scientific', maximumSignificantDigits: 3 } as const;
const COMPACT = { notation: 'compact', maximumSignificantDigits: 3 } as const;

/** Figures shown at most; more are left out with a warning (a headline strip, not a table). */
export const MAX_FIGURES = 12;

/**
 * How a value is written: in full below a billion ("3,000", "999,999,999"); compactly up to
 * 10^15 ("3.2B", "3,2 млрд"); beyond that in scientific notation ("1.79E308"), so no figure a feed
 * holds can be wider than its box. -0 is 0.
 */
export function formatFigure(value: number, locale: string, final = value): string {
  const v = value || 0; // -0 (and only -0 among valid values) becomes 0
  // The notation and the digits follow the final value, so a counting figure keeps its form.
  const a = Math.abs(final);
  if (a >= 1e15) return intl(Intl.NumberFormat, locale, SCIENTIFIC).format(v);
  if (a >= 1e9) return intl(Intl.NumberFormat, locale, COMPACT).format(v);
  // Digits after the decimal point stay fixed while counting, so the width does not flicker.
  const digits = Math.min(3, (String(final).split('.')[1] ?? '').length);
  return intl(Intl.NumberFormat, locale, DIGITS[digits]).format(v);
}

/**
 * The forum's headline figures ("more than 3,000 applications"), counting up once when first
 * scrolled into view.
 *
 * A list of figures: each item reads as one phrase, number then label, which is how a screen
 * reader should say it. Counting is decoration: the digits that move are `aria-hidden`, the final
 * value is in the accessibility tree from the start, and nothing is a live region.
 *
 * @summary Headline figures of the forum, formatted for the reader's locale.
 * @tag partner-counter
 *
 * @attr counters - Space-separated counter ids, shown in that order (default: all, in feed order).
 *   Unknown ids are skipped with one console warning; if none is known, a short notice is shown.
 *
 * @csspart base - The list of figures (also `list`).
 * @csspart list - The list of figures.
 * @csspart item - One figure with its label.
 * @csspart value - The figure line: qualifier, number and unit.
 * @csspart number - The digits.
 * @csspart qualifier - "more than", "about" (placed where the locale puts it).
 * @csspart unit - The unit after the number.
 * @csspart label - What the figure counts.
 *
 * @cssprop --forum-counter-size - Font size of the figures (default 2.25em).
 * @cssprop --forum-counter-color - Colour of the figures (default the accent colour).
 *
 * @event forum-counter-done - The count-up finished on the final values (not fired when it is
 *   skipped: reduced motion, or no IntersectionObserver).
 */
export class PartnerCounter extends FeedElement {
  static override styles = [tokens, styles];
  /** @internal Its translated UI strings (added on first construction, see FeedElement). */
  static override uiStrings = strings;

  static override properties = {
    ...FeedElement.properties,
    counters: { type: String },
    _p: { state: true },
  };

  /** Space-separated counter ids; all counters when absent or empty. */
  declare counters: string | undefined;
  // Progress of the count-up, 0..1 (eased). 1 (the final figures) until the figures come into
  // view: a screenshot, a print, a crawler or a reader who jumps past never sees a 0.
  declare private _p: number;
  // The count-up is offered once per element.
  private _played = false;

  private _io?: IntersectionObserver;
  private _raf = 0;

  protected override updated(): void {
    super.updated();
    this.watch();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.watch();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._io?.disconnect();
    this._io = undefined;
    // Interrupted mid-count: show the final values rather than resume a half-done animation.
    if (this._raf) {
      cancelAnimationFrame(this._raf);
      this._raf = 0;
      this._p = 1;
    }
  }

  constructor() {
    super();
    this._p = 1;
  }

  /** Waits for the figures to be scrolled into view, once. */
  private watch(): void {
    if (this._played || this._io || !this.isConnected || this.state !== 'ready' || still()) return;
    this._io = new IntersectionObserver((entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      this._io?.disconnect();
      this._io = undefined;
      this._played = true;
      // Checked again at this moment: the reader may have asked for less motion meanwhile.
      if (!still()) this.run();
    });
    this._io.observe(this);
  }

  private run(): void {
    this._p = 0;
    let t0: number | undefined;
    const step = (now: number) => {
      t0 ??= now;
      const t = Math.min(1, (now - t0) / RUN_MS);
      this._p = 1 - (1 - t) ** 3; // ease-out: fast start, gentle landing
      if (t < 1) this._raf = requestAnimationFrame(step);
      else {
        this._raf = 0;
        void this.updateComplete.then(() =>
          this.dispatchEvent(new CustomEvent('forum-counter-done', { bubbles: true, composed: true })),
        );
      }
    };
    this._raf = requestAnimationFrame(step);
  }

  protected override renderFeed(feed: Feed): Rendered {
    const ids = this.counters?.trim().split(/\s+/).filter(Boolean);
    const list = ids?.length ? ids.map((id) => byId(feed, 'counters', id)) : feed.counters;
    const shown = list.filter((c): c is Counter => !!c);
    if (ids) {
      const unknown = ids.filter((id) => !byId(feed, 'counters', id));
      if (unknown.length && !shown.length) return { missing: msg(str`Figures not found in the feed: ${unknown.join(', ')}`) };
      if (unknown.length) warnOnce(`forum-widgets: <partner-counter> no counter ${unknown.join(', ')} in the feed`);
    }
    if (!shown.length) return { missing: msg('There are no figures in the feed yet.') };
    if (shown.length > MAX_FIGURES) {
      this.warn(`counters: ${shown.length} figures to show; <partner-counter> shows the first ${MAX_FIGURES} (name the ones you want in counters="…")`);
      shown.length = MAX_FIGURES;
    }
    const forum = this.t(feed.forum.name)!.text;
    return html`<ul part="base list" lang=${uiLocale()} aria-label=${msg(str`${forum} in figures`)}>${shown.map((c) => this.item(c, this._p))}</ul>`;
  }

  private item(c: Counter, p: number) {
    const locale = uiLocale();
    const n = formatFigure(c.value, locale);
    // The whole phrase is the translator's, so word order is theirs; the number is found in it
    // again only to mark the words around it as the qualifier part.
    const phrase =
      c.qualifier === 'more-than' ? msg(str`more than ${n}`) : c.qualifier === 'about' ? msg(str`about ${n}`) : n;
    const i = phrase.indexOf(n);
    const around = [phrase.slice(0, i), phrase.slice(i + n.length)];
    const unit = this.t(c.unit);
    const label = this.t(c.label);
    // The space keeps "3,000 participants" one phrase when read or copied as text.
    return html`<li part="item"><span part="value" class="v ${p < 1 ? 'r' : ''}"><span>${figure(around, n, unit)}</span>${
      p < 1 ? html`<span aria-hidden="true">${figure(around, formatFigure(c.value * p, locale, c.value), unit)}</span>` : nothing
    }</span> <span part="label" lang=${label?.lang ?? nothing}>${label?.text}</span></li>`;
  }
}

const figure = ([before, after]: string[], n: string, unit: LocalText | undefined) =>
  html`${[before, n, after].map((s, i) => s && html`<span part=${i == 1 ? 'number' : 'qualifier'}>${s}</span>`)}${
    unit
      ? // The space is the unit's (small, like it); Chinese sets none before a Chinese unit.
        html`<span part="unit" lang=${unit.lang ?? nothing}>${uiLocale() == 'zh-Hans' && !unit.lang ? '' : ' '}${unit.text}</span>`
      : nothing
  }`;

const still = () =>
  typeof IntersectionObserver === 'undefined' || matchMedia('(prefers-reduced-motion: reduce)').matches;

declare global {
  interface HTMLElementTagNameMap {
    'partner-counter': PartnerCounter;
  }
}
