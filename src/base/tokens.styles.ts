import { css } from 'lit';

// Design tokens shared by every element. Partners theme through the public --forum-* custom
// properties; the private --_* ones resolve light/dark once so component styles stay short.
// Every colour pair here meets WCAG AA (4.5:1 for text) in both themes.
export const tokens = css`
  :host {
    --_bg: var(--forum-color-background, #ffffff);
    --_fg: var(--forum-color-text, #1b1f24);
    --_muted: var(--forum-color-muted, #545d68);
    --_accent: var(--forum-color-accent, #b3261e);
    --_on-accent: var(--forum-color-on-accent, #ffffff);
    --_border: var(--forum-color-border, #d0d5db);
    --_surface: var(--forum-color-surface, #f3f4f6);
    --_live: var(--forum-color-live, #b3261e);
    --_radius: var(--forum-radius, 0.5em);
    --_space: var(--forum-space, 1em);
    --_font: var(--forum-font-family, inherit);
    /* medium, not rem: a portal's html { font-size: 62.5% } must not shrink the widget. Sizes
       inside are in em, so they follow --forum-font-size. */
    --_size: var(--forum-font-size, medium);
    display: block;
    box-sizing: border-box;
    -webkit-text-size-adjust: 100%;
  }
  /* The host page's inherited text styles stop here: a portal's giant body line-height or
     uppercase headings must not reach the widget. The reset is repeated on the shadow root's
     top elements because a page rule like * { line-height: 3 } matches the host itself and
     beats :host. Fallback children (in the slot) keep the page's look. Fonts inherit unless themed. */
  :host,
  :host > :not(slot) {
    font-family: var(--_font);
    font-size: var(--_size);
    font-weight: normal;
    font-style: normal;
    line-height: var(--forum-line-height, 1.45);
    letter-spacing: normal;
    word-spacing: normal;
    text-transform: none;
    text-indent: 0;
    text-align: start;
    text-shadow: none;
    white-space: normal;
    /* No feed text, however long its unbroken words or numbers, makes the widget (or the page)
       wider than its box: anywhere, unlike break-word, also lowers the min-content width, so
       grid and flex items shrink too. */
    overflow-wrap: anywhere;
    color: var(--_fg);
  }
  :host([hidden]) {
    display: none !important;
  }
  :host([theme='dark']) {
    --_bg: var(--forum-color-background, #16191d);
    --_fg: var(--forum-color-text, #eef0f2);
    --_muted: var(--forum-color-muted, #aab3bd);
    --_accent: var(--forum-color-accent, #ff8a80);
    --_on-accent: var(--forum-color-on-accent, #16191d);
    --_border: var(--forum-color-border, #3a4048);
    --_surface: var(--forum-color-surface, #23272d);
    --_live: var(--forum-color-live, #ff8a80);
  }
  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      --_bg: var(--forum-color-background, #16191d);
      --_fg: var(--forum-color-text, #eef0f2);
      --_muted: var(--forum-color-muted, #aab3bd);
      --_accent: var(--forum-color-accent, #ff8a80);
      --_on-accent: var(--forum-color-on-accent, #16191d);
      --_border: var(--forum-color-border, #3a4048);
      --_surface: var(--forum-color-surface, #23272d);
      --_live: var(--forum-color-live, #ff8a80);
    }
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  a {
    color: var(--_accent);
  }
  a:focus-visible,
  button:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
    border-radius: 2px;
  }
  img {
    max-inline-size: 100%;
  }
  /* Feed text is another origin's: isolate each run so bidi controls in a name (U+202E…) end
     at its edge instead of reordering the text around it. */
  span,
  a,
  time {
    unicode-bidi: isolate;
  }
  /* On a right-to-left page the boxes mirror (logical properties), but the UI's languages
     (ru, en, zh-Hans) read left to right: text runs keep that direction, aligned to the right. */
  :host(:dir(rtl)) :is(p, h2, h3, h4, h5, h6, span, time, a) {
    direction: ltr;
    text-align: right;
  }
  .notice {
    margin: 0;
    padding: calc(var(--_space) / 2) var(--_space);
    color: var(--_muted);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .skeleton {
    display: block;
    block-size: 100%;
    min-block-size: inherit;
    background: var(--_surface);
    border-radius: var(--_radius);
  }
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
