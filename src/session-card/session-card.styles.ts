import { css } from 'lit';

// One rule per line, for reading; the build minifies css`` templates (scripts/minify-templates.mjs).
export const styles = css`
:host([state='loading']) { min-block-size: var(--forum-session-card-min-height, 16em) }
:host([compact][state='loading']) { min-block-size: 2.5em }
.card, .line { display: grid; gap: calc(var(--_space) / 2); padding: var(--_space); background: var(--_bg); border: 1px solid var(--_border); border-radius: var(--_radius) }
p, ul, .heading { margin: 0 }
.heading { font-size: 1.25em; line-height: 1.25 }
.muted, .local { display: block }
.muted, .label, .zone { color: var(--_muted) }
.label, .badge { font-size: .875em }
.status, li, .line { display: flex; flex-wrap: wrap; align-items: center; gap: .75em }
.badge { display: inline-flex; align-items: center; gap: .4em; padding-inline: .6em; border: 1px solid; border-radius: 1em; font-weight: 600; color: var(--_muted) }
.live .badge { color: var(--_on-accent); background: var(--_live); border-color: var(--_live) }
.live .badge::before { content: ''; inline-size: .5em; block-size: .5em; border-radius: 50%; background: currentColor }
@media (prefers-reduced-motion: no-preference) { .live .badge::before { animation: pulse 1.5s infinite } }
@keyframes pulse { 50% { opacity: .25 } }
ul { display: grid; gap: .5em; padding: 0; list-style: none }
li { flex-wrap: nowrap }
img { flex: none; inline-size: var(--forum-photo-size, 3em); block-size: var(--forum-photo-size, 3em); border-radius: 50%; object-fit: cover }
.line { flex-wrap: nowrap; padding-block: calc(var(--_space) / 4); white-space: nowrap }
.line .heading { min-inline-size: 0; overflow: hidden; text-overflow: ellipsis; font-size: inherit }
`;
