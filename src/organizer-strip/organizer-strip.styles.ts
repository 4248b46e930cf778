import { css } from 'lit';

// Element selectors rather than classes: the shadow root holds nothing else (the build
// minifies css`` templates, so layout here is for reading).
// - the strip paints its theme's background, so its colours keep their contrast on any page;
// - loading: about one heading and one row of logos, so the page does not jump when the feed arrives;
// - logos: fixed height, reserved before the image arrives, natural width bounded for very wide logos;
// - a name standing in for a logo takes the same height and wraps rather than overflowing.
export const styles = css`
:host{--_logo:var(--forum-logo-height,3em)}
:host([state=loading]){min-block-size:calc(var(--_logo) + 2em)}
div,ul{display:flex;flex-wrap:wrap;gap:var(--_space) calc(var(--_space)*2)}
div{padding:var(--_space);background:var(--_bg);border-radius:var(--_radius)}
.heading{margin:0;margin-block-end:calc(var(--_space)/2);font-size:.875em;font-weight:600;color:var(--_muted)}
ul{align-items:center;gap:calc(var(--_space)/2) var(--_space);margin:0;padding:0;list-style:none}
a,img{display:block}
img{block-size:var(--_logo);inline-size:auto;max-inline-size:min(100%,var(--forum-logo-max-width,12em));object-fit:contain}
.name{display:flex;align-items:center;min-block-size:var(--_logo);max-inline-size:20em}
`;
