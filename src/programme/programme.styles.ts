import { css } from 'lit';

// One rule per line, for reading; the build minifies css`` templates (scripts/minify-templates.mjs).
// - loading reserves about what `now` mode shows (a few venues), so the page does not jump;
// - a long programme lays out and paints only what is near the screen (content-visibility), with
//   a guessed height for the rest so the scroll bar stays honest;
// - kiosk: large type for a hall screen, from --forum-kiosk-font-size.
export const styles = css`
:host([state='loading']) { min-block-size: var(--forum-programme-min-height, 20em) }
:host([kiosk]) { --_size: var(--forum-kiosk-font-size, 1.75em) }
.programme { display: grid; gap: var(--_space); padding: var(--_space); background: var(--_bg); border: 1px solid var(--_border); border-radius: var(--_radius); overflow-wrap: anywhere }
p, ul, .heading, .title { margin: 0 }
.zone, .date, .meta, .people, .message { color: var(--_muted) }
.zone, .meta, .people, label { font-size: .875em }
.date { font-weight: 600 }
.groups { display: grid; gap: var(--_space) }
.group { display: grid; gap: calc(var(--_space) / 2) }
.slot { content-visibility: auto; contain-intrinsic-size: auto 12em }
.heading { font-size: 1em; font-weight: 700; padding-block-end: .25em; border-block-end: 1px solid var(--_border) }
ul { display: grid; gap: calc(var(--_space) * .75); padding: 0; list-style: none }
.session { display: grid; gap: .25em }
.title { font-size: 1.125em; line-height: 1.3 }
.when { display: flex; flex-wrap: wrap; align-items: center; gap: .5em .75em }
.badge { display: inline-flex; align-items: center; gap: .4em; padding-inline: .6em; border: 1px solid; border-radius: 1em; font-size: .875em; font-weight: 600; color: var(--_muted) }
.live .badge { color: var(--_on-accent); background: var(--_live); border-color: var(--_live) }
.live .badge::before { content: ''; inline-size: .5em; block-size: .5em; border-radius: 50%; background: currentColor }
@media (prefers-reduced-motion: no-preference) { .live .badge::before { animation: pulse 1.5s infinite } }
@keyframes pulse { 50% { opacity: .25 } }
.ended .title, .cancelled .title { color: var(--_muted) }
.cancelled .title { text-decoration: line-through }
.controls { display: flex; flex-wrap: wrap; gap: .75em var(--_space); align-items: end }
label { display: grid; gap: .25em; color: var(--_muted) }
select, input, button { font: inherit; color: var(--_fg); background: var(--_bg); border: 1px solid var(--_border); border-radius: var(--_radius); padding: .35em .6em; min-block-size: 2.75em }
input { min-inline-size: min(16em, 100%) }
select:focus-visible, input:focus-visible, .panel:focus-visible { outline: 2px solid var(--_accent); outline-offset: 2px }
.calendar { justify-self: start; min-block-size: 2.25em; font-size: .875em; color: var(--_accent); border-color: currentColor; cursor: pointer }
.tabs { display: flex; flex-wrap: wrap; gap: .25em; border-block-end: 1px solid var(--_border) }
[role=tab] { border-radius: var(--_radius) var(--_radius) 0 0; border-block-end: 0; cursor: pointer; color: var(--_muted) }
[role=tab][aria-selected=true] { color: var(--_fg); font-weight: 700; border-color: var(--_accent); box-shadow: inset 0 -3px var(--_accent) }
.panel { display: grid; gap: var(--_space) }
:host([kiosk]) .programme { gap: calc(var(--_space) * 1.5) }
`;
