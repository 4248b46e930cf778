import { css } from 'lit';

// What only the session card and the speaker's quote use, out of the tokens every page's core
// carries: the monogram or photo circle (.av), and clamped text (.clamp, src/base/clamp.ts) with
// its "more" button. The embed bundles this module into those two widgets' chunks.
export const avatarClamp = css`
.av{position:relative;display:inline-grid;place-items:center;flex:none;inline-size:var(--_av,2em);block-size:var(--_av,2em);border-radius:50%;overflow:hidden;background:var(--_tint);color:var(--_accent);font-weight:700;font-size:var(--_avf,.8125em);line-height:1}
:host([look^=contrast]) .av{border:2px solid}
.av img{position:absolute;inset:0;inline-size:100%;block-size:100%;object-fit:cover}
@media (forced-colors:active){.av{border:1px solid CanvasText}}
.more{display:inline;padding:0;border:0;background:none;color:var(--_accent);text-decoration:underline;text-underline-offset:.15em;cursor:pointer;font-size:var(--_fs-sm,.875em)}
.clamp{display:-webkit-box;-webkit-box-orient:vertical;-webkit-line-clamp:var(--_lines);overflow:hidden}
@media print{.more{display:none}.clamp{-webkit-line-clamp:unset;display:block}}
`;
