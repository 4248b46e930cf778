import { css } from 'lit';

// Figures share the width equally (as many columns as fit 10em each), centred in their cells,
// so two figures fill the box instead of leaving half of it empty. The figure is the accent; the
// qualifier ("более") and the unit are text colour at half size, not an alert beside it. Height:
// one figure line (--forum-counter-size × 1.1) plus the label's lines (≤ 16em wide), per row of figures.
// While counting up, the moving figure lies over the final one (hidden, holding the size) and starts
// where it starts, growing to the end: centring it would move its start every frame (a layout shift).
export const styles = css`
:host([state=loading]){min-block-size:7.5em}
ul{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,10em),1fr));gap:var(--_space);margin:0;padding:var(--_space) calc(var(--_space)*1.25);list-style:none;background:var(--_bg);border:1px solid var(--_border);border-radius:var(--_radius)}
li{display:flex;flex-direction:column;align-items:center;gap:.25em;text-align:center}
.v{display:grid;justify-content:center;justify-items:start;font-size:var(--forum-counter-size,2.25em);font-weight:700;line-height:1.1;color:var(--forum-counter-color,var(--_accent));font-variant-numeric:tabular-nums;overflow-wrap:anywhere}
.v>*{grid-area:1/1}
.r>:first-child{opacity:0}
[part=qualifier],[part=unit]{font-size:.5em;font-weight:600;color:var(--_fg)}
[part=label]{max-inline-size:16em;text-align:center}
:host(:dir(rtl)) [part=label]{text-align:center}
.skeleton{background-image:linear-gradient(var(--_surface) 0 0),linear-gradient(var(--_surface) 0 0),linear-gradient(var(--_surface) 0 0),linear-gradient(var(--_surface) 0 0);background-size:min(8em,30%) 2.25em,min(10em,35%) 1em,min(8em,30%) 2.25em,min(10em,35%) 1em;background-position:20% 1.4em,19% 4.4em,80% 1.4em,81% 4.4em}
@media print{.r>:first-child{opacity:1}.r>:last-child{display:none}}
`;
