import { css } from 'lit';

// One rule per line, for reading; the build minifies css`` templates (scripts/minify-templates.mjs).
// Height follows from content and width (docs/design.md): every text block has a bounded number
// of lines — forum line 1, title ≤ 3, summary ≤ --forum-summary-lines (3), one line per person
// and ≤ 3 people per group — so the configurator can reserve the card's space. The compact card is
// three lines: the title (cut with an ellipsis), the time, the status with the stream link. The
// time and the link ("Live stream", short enough for a 390 px phone in ru, en and zh-Hans) are
// never cut (readers need them whole): they wrap only where a line cannot hold them (a 320 px
// phone, large text), so at the default text size the card is one height for every session,
// state and language from a 390 px phone up, and its loading box is exactly that height. The full card's loading box
// is a full card's height (two-line title, venue, three speakers, a moderator, a summary: 44.4em at
// a phone's width, 28-31em wider, where people sit in columns), which the card then keeps
// (hold.ts): a page of cards without reservation does not move when the feed comes.
export const styles = css`
:host([state=loading]){min-block-size:var(--forum-session-card-min-height,45em)}
@media (min-width:45em){:host([state=loading]){min-block-size:var(--forum-session-card-min-height,31em)}}
:host([compact][state=loading]){min-block-size:calc(3em*var(--_lh) + var(--_space)/2 + 2px)}
.card,.line{display:grid;gap:calc(var(--_space)*.75);padding:var(--_space) calc(var(--_space)*1.25);background:var(--_bg);border:1px solid var(--_border);border-radius:var(--_radius)}
p,ul,.heading{margin:0}
.card>:not(.top,.people,.actions){max-inline-size:42em}
.top{display:flex;align-items:center;justify-content:space-between;gap:var(--_space)}
.top .status{flex:none}
.forum{display:flex;align-items:center;gap:.5em;min-inline-size:0;max-inline-size:100%;font-size:.8125em;font-weight:600}
.forum>span:last-child{overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.mark{--_av:2em;inline-size:auto;min-inline-size:2em;padding-inline:.25em;white-space:nowrap;border-radius:.4em;background:var(--_accent);color:var(--_on-accent);font-size:.875em;letter-spacing:.02em}
.heading{font-size:1.25em;line-height:1.25;font-weight:700;display:-webkit-box;-webkit-box-orient:vertical;-webkit-line-clamp:3;overflow:hidden}
.time time{font-weight:600}
.zone,.local,.label,.pos{color:var(--_muted)}
.local{display:block;font-size:.875em}
.label,.badge{font-size:.8125em}
.label{font-weight:600;margin-block-end:.375em}
.status{display:flex;flex-wrap:wrap;align-items:center;gap:.75em}
.badge{display:inline-flex;align-items:center;gap:.4em;padding:.1em .65em;border:1px solid;border-radius:1em;font-weight:600;color:var(--_muted)}
.soon .badge{color:var(--_accent)}
.live .badge{color:var(--_on-accent);background:var(--_live);border-color:var(--_live)}
.live .badge::before{content:'';inline-size:.5em;block-size:.5em;border-radius:50%;background:currentColor}
.cancelled .badge{color:var(--_fg)}
@media (prefers-reduced-motion:no-preference){.live .badge::before{animation:pulse 1.5s infinite}}
@keyframes pulse{50%{opacity:.25}}
ul{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,19em),1fr));gap:.5em var(--_space);padding:0;list-style:none}
li{display:flex;align-items:center;gap:.625em;min-inline-size:0}
li .av{--_av:calc(var(--forum-photo-size,2.5em)/.8125)}
.who{display:grid;min-inline-size:0;line-height:1.3}
.who>*{overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.name{font-weight:600}
.pos{font-size:.875em}
.people .more{margin-block-start:.375em}
.clamp{--_lines:var(--forum-summary-lines,3)}
.actions{display:flex;flex-wrap:wrap;gap:.5em;margin-block-start:calc(var(--_space)/4)}
.go,.cal{display:inline-flex;align-items:center;gap:.45em;padding:.5em .9em;border:1px solid var(--_accent);border-radius:var(--_radius);font-weight:600;line-height:1.25;text-decoration:none}
.go{background:var(--_accent);color:var(--_on-accent)}
.go:hover,.cal:hover{text-decoration:underline}
.cal svg{fill:currentColor;flex:none}
:host([look^=contrast]) .go,:host([look^=contrast]) .cal{border-width:2px}
@media (forced-colors:active){.go,.cal{border:1px solid LinkText}}
.line{grid-template-columns:minmax(0,1fr);gap:0;padding-block:calc(var(--_space)/4)}
.line .heading{overflow:hidden;text-overflow:ellipsis;white-space:nowrap;font-size:inherit;line-height:inherit;display:block}
.line .status{min-block-size:calc(1em*var(--_lh));gap:0 .75em}
.line .badge{line-height:1.2}
.skeleton{background-image:linear-gradient(var(--_surface) 0 0),linear-gradient(var(--_surface) 0 0),linear-gradient(var(--_surface) 0 0),linear-gradient(var(--_surface) 0 0),radial-gradient(circle closest-side,var(--_surface) 98%,#0000),linear-gradient(var(--_surface) 0 0),radial-gradient(circle closest-side,var(--_surface) 98%,#0000),linear-gradient(var(--_surface) 0 0),radial-gradient(circle closest-side,var(--_surface) 98%,#0000),linear-gradient(var(--_surface) 0 0),linear-gradient(var(--_surface) 0 0),linear-gradient(var(--_surface) 0 0),linear-gradient(var(--_surface) 0 0),linear-gradient(var(--_surface) 0 0);background-size:12em .9em,min(26em,85%) 1.3em,12em .9em,16em 1em,2.5em 2.5em,min(16em,60%) 1em,2.5em 2.5em,min(14em,55%) 1em,2.5em 2.5em,min(15em,58%) 1em,min(36em,90%) .9em,min(36em,90%) .9em,min(24em,60%) .9em,10em 2.25em;background-position:1.25em 1.1em,1.25em 3em,1.25em 4.8em,1.25em 7em,1.25em 9em,4.4em 9.75em,1.25em 12em,4.4em 12.75em,1.25em 15em,4.4em 15.75em,1.25em 19em,1.25em 20.6em,1.25em 22.2em,1.25em calc(100% - 1em)}
:host([compact]) .skeleton{background-size:min(30em,80%) 1em;background-position:1em center}
`;
