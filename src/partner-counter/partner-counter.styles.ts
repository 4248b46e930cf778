import { css } from 'lit';

export const styles = css`
  :host([state='loading']) {
    /* One row of figures: the page must not jump when the feed arrives. */
    min-block-size: 5.5rem;
  }
  ul {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space) calc(var(--_space) * 2);
    margin: 0;
    padding: var(--_space);
    list-style: none;
    background: var(--_bg);
    border-radius: var(--_radius);
  }
  li {
    display: flex;
    flex-direction: column;
    flex: 1 1 9rem;
  }
  .value {
    /* The final figure and the counting one share one cell: the final one sizes the box, so
       nothing moves while the digits change. */
    display: inline-grid;
    justify-items: start;
    font-size: var(--forum-counter-size, 2.5rem);
    font-weight: 700;
    line-height: 1.1;
    color: var(--forum-counter-color, var(--_accent));
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .value > * {
    grid-area: 1 / 1;
  }
  .value.run > :first-child {
    /* Still in the accessibility tree: screen readers get the final value only. */
    opacity: 0;
  }
  .q,
  .u {
    font-size: 0.5em;
    font-weight: 400;
  }
  .label {
    color: var(--_muted);
  }
`;
