import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import { FeedElement, type Rendered } from '../base/feed-element.js';
import { byId } from '../base/feed-index.js';
import { span } from '../base/localized.js';
import { safe } from '../base/safe.js';
import { tokens } from '../base/tokens.styles.js';
import { avatarClamp } from '../base/avatar-clamp.styles.js';
import type { Feed, Quote } from '../feed/types.js';
import { uiLocale } from '../i18n/locale.js';
import { strings } from '../i18n/generated/strings/speaker-quote.js';
import { styles } from './speaker-quote.styles.js';
import { ClampController } from '../base/clamp.js';
import { comma, initials } from '../i18n/typography.js';

/**
 * A quote from the forum feed: the words, who said them and at which session.
 *
 * @summary A speaker's quote as a figure: blockquote plus a caption with name, position, organisation, photo and session.
 * @tag speaker-quote
 *
 * @attr quote - Id of the quote to show. Wins over `person`.
 * @attr person - Id of a person: shows their latest quote (by `date`; undated quotes count as oldest; on a tie, the later one in the feed).
 *
 * @csspart base - The `figure`.
 * @csspart quote - The `blockquote`.
 * @csspart text - The quoted words (a `p` inside the blockquote).
 * @csspart caption - The `figcaption`.
 * @csspart name - The speaker's name.
 * @csspart position - The speaker's position.
 * @csspart organization - The speaker's organisation.
 * @csspart photo - The speaker's photo (absent when there is none or it fails to load).
 * @csspart session-link - The session's title: a link when the session has a page, else text.
 *
 * @cssprop --forum-quote-text-size - Font size of the quoted words (default 1.125em).
 * @cssprop --forum-quote-photo-size - Inline and block size of the photo (default 2.75em).
 * @cssprop --forum-quote-min-height - Space reserved while the feed loads (default 12em).
 * @cssprop --forum-quote-lines - Lines of the excerpt before "Read more" (default 6).
 *
 */
export class SpeakerQuote extends FeedElement {
  static override styles = [tokens, avatarClamp, styles];
  /** @internal Its translated UI strings (added on first construction, see FeedElement). */
  static override uiStrings = strings;

  static override properties = {
    ...FeedElement.properties,
    quote: { type: String },
    person: { type: String },
    _broken: { state: true },
  };

  /** Id of the quote to show. */
  declare quote: string | undefined;
  /** Id of a person whose latest quote to show. */
  declare person: string | undefined;
  // The photo URL that failed to load: not rendered again, so no broken-image icon or empty box.
  declare private _broken: string | undefined;
  // Long quotes are clamped to an excerpt; which overflows, and whether the reader opened it.
  private readonly clamp = new ClampController(this);

  protected override renderFeed(feed: Feed): Rendered {
    const id = this.quote ?? this.person;
    let q: Quote | undefined;
    if (this.quote != null || this.person == null) {
      q = byId(feed, 'quotes', this.quote);
      if (!q) return { missing: msg(str`Quote "${id ?? ''}" is not in the feed.`) };
    } else {
      // Latest by date; ISO dates compare as strings, a missing one as '' (oldest); `>=` lets a tie go to the later entry.
      for (const x of feed.quotes) if (x.person === id && (!q || (x.date ?? '') >= (q.date ?? ''))) q = x;
      if (!q) return { missing: msg(str`There is no quote by "${id}" in the feed.`) };
    }
    const p = byId(feed, 'people', q.person)!;
    const s = q.session ? byId(feed, 'sessions', q.session) : undefined;
    const words = this.t(q.text)!;
    const title = s && this.t(s.title);
    const href = s && safe(s.url);
    const photo = safe(p.photo, 'image');
    const name = this.t(p.name)!;
    const pos = this.t(p.position);
    const org = this.t(p.organization);
    const loc = uiLocale();
    const open = this.clamp.open.has('q');
    // lang on the figure: the widget's words are in the UI locale even when the page's <html lang>
    // says otherwise (data-locale), so fallen-back texts' lang and the quotation marks are right.
    // The figure is named by the speaker alone (not by its whole caption, read again after the words).
    return html`<figure part="base" lang=${loc} aria-labelledby="n"><blockquote part="quote" lang=${words.lang ?? nothing}><p part="text" id="q" class=${open ? '' : 'clamp'}>${words.text}</p></blockquote
>${this.clamp.clipped.has('q')
      ? html`<button type="button" class="more" aria-expanded=${open} aria-controls="q" @click=${() => this.clamp.toggle('q')}>${open ? msg('Show less') : msg('Read more')}</button>`
      : nothing}<figcaption part="caption"><span class="av" aria-hidden="true">${initials(name.text, 2)}${photo && photo !== this._broken
      ? html`<img part="photo" src=${photo} alt="" width="48" height="48" loading="lazy" @error=${() => (this._broken = photo)}>`
      : nothing}</span><span class="who"><span part="name" id="n" lang=${name.lang ?? nothing}>${name.text}</span>${pos || org
      ? html`<span class="pos">${comma(loc)}${span(pos, 'position')}${pos && org ? comma(loc) : ''}${span(org, 'organization')}</span>`
      : nothing}</span>${title && href
      ? html`<a part="session-link" href=${href} lang=${title.lang ?? nothing}>${title.text}</a>`
      : span(title, 'session-link')}</figcaption></figure>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'speaker-quote': SpeakerQuote;
  }
}
