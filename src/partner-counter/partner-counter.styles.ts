import { css } from 'lit';

export const styles = css`
  :host([state='loading']) {
    /* one row of figures: the page must not jump when the feed arrives */
    min-block-size: 5.5em;
  }
  ul {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space) calc(2 * var(--_space));
    margin: 0;
    padding: var(--_space);
    list-style: none;
    background: var(--_bg);
    border-radius: var(--_radius);
  }
  li {
    display: flex;
    flex-direction: column;
    flex: 1 1 9em;
    color: var(--_muted);
  }
  .v {
    /* the final figure and the counting one share one cell, so the final one sizes the box */
    display: grid;
    justify-items: start;
    font-size: var(--forum-counter-size, 2.5em);
    font-weight: 700;
    line-height: 1.1;
    color: var(--forum-counter-color, var(--_accent));
    font-variant-numeric: tabular-nums;
    /* a long figure or unit wraps inside its box rather than widen the page */
    overflow-wrap: anywhere;
  }
  .v > * {
    grid-area: 1/1;
  }
  .r > :first-child {
    /* transparent, not hidden: assistive technology reads the final value only */
    opacity: 0;
  }
  [part='qualifier'],
  [part='unit'] {
    font-size: 0.5em;
    font-weight: 400;
  }
`;
