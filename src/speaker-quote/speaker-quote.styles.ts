import { css } from 'lit';

export const styles = css`
  :host([state='loading']) {
    min-block-size: var(--speaker-quote-min-block-size, 10rem);
  }
  .base {
    margin: 0;
    padding: var(--_space);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    /* Marks are punctuation of the surrounding (UI) language, as in print: the figure carries
       lang=UI locale, so :lang() picks them even for a quote shown in its original language. */
    quotes: '\\201c' '\\201d' '\\2018' '\\2019';
  }
  .base:lang(ru) {
    quotes: '\\ab' '\\bb' '\\201e' '\\201c';
  }
  .quote {
    margin: 0;
    padding-inline-start: var(--_space);
    border-inline-start: 3px solid var(--_accent);
  }
  .text {
    margin: 0;
    font-size: var(--speaker-quote-text-size, 1.125em);
    white-space: pre-line;
  }
  .text::before {
    content: open-quote;
  }
  .text::after {
    content: close-quote;
  }
  .caption {
    display: flex;
    align-items: center;
    gap: calc(var(--_space) * 0.75);
    margin-block-start: calc(var(--_space) * 0.75);
    padding-inline-start: var(--_space);
  }
  .photo {
    flex: none;
    inline-size: var(--speaker-quote-photo-size, 3.5rem);
    block-size: var(--speaker-quote-photo-size, 3.5rem);
    object-fit: cover;
    border-radius: 50%;
    background: var(--_surface);
  }
  .who {
    display: flex;
    flex-direction: column;
    min-inline-size: 0;
  }
  .name {
    font-weight: bold;
  }
  .line {
    color: var(--_muted);
    font-size: 0.875em;
  }
  .session {
    margin-block-start: 0.25em;
    font-size: 0.875em;
  }
`;
