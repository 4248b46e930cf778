import { css } from 'lit';

// The build minifies css`` templates, so layout here is for reading.
// Designed for the common case first, organisations without logos: aligned name tiles of one
// size (as many columns of ≥ 13em as fit, each row as tall as its tallest tile), every tile styled alike,
// linked or not (a linked one adds the ↗ mark and underlines on hover); names ≤ 3 lines. With logos: the same
// tiles, each a uniform logo box. Height: per group, one heading line plus rows × tile height.
export const styles = css`
:host{--_logo:var(--forum-logo-height,3em)}
:host([state=loading]){min-block-size:calc(var(--_logo) + 4.5em)}
[part=base]{display:grid;gap:var(--_space);padding:var(--_space) calc(var(--_space)*1.25);background:var(--_bg);border:1px solid var(--_border);border-radius:var(--_radius)}
.heading{margin:0 0 calc(var(--_space)/2);font-size:.8125em;font-weight:600;color:var(--_muted)}
ul{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,13em),1fr));gap:calc(var(--_space)/2);margin:0;padding:0;list-style:none}
.tile{display:grid;border:1px solid var(--_border);border-radius:var(--_radius);background:var(--_bg)}
.tile>a,.tile>.name{display:flex;align-items:flex-start;gap:.5em;block-size:100%;padding:.6em .8em;color:var(--_fg);text-decoration:none}
.tile>.name,a>.name{font-size:.9375em;line-height:1.35;min-block-size:2.7em;display:-webkit-box;-webkit-box-orient:vertical;-webkit-line-clamp:3;overflow:hidden;flex:1}
.tile>.name{padding:.64em .853em}
a:hover .name{text-decoration:underline}
a svg{flex:none;margin-block-start:.3em;fill:var(--_accent)}
.tile:has(a:hover){border-color:var(--_accent)}
.lg>a,.lg{align-items:center;justify-content:center}
.lg img{block-size:var(--_logo);inline-size:auto;max-inline-size:min(100%,var(--forum-logo-max-width,12em));object-fit:contain;margin:auto}
.lg .name{position:absolute;inline-size:1px;block-size:1px;min-block-size:0;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
:host([look^=contrast]) .lg .name{position:static;inline-size:auto;block-size:auto;min-block-size:2.7em;clip-path:none;white-space:normal}
:host([look^=contrast]) .tile{border-width:2px}
.skeleton{background-image:linear-gradient(var(--_surface) 0 0),linear-gradient(var(--_surface) 0 0),linear-gradient(var(--_surface) 0 0),linear-gradient(var(--_surface) 0 0);background-size:8em .9em,min(13em,30%) 3.5em,min(13em,30%) 3.5em,min(13em,30%) 3.5em;background-position:1.25em 1em,1.25em 2.75em,50% 2.75em,calc(100% - 1.25em) 2.75em}
`;
