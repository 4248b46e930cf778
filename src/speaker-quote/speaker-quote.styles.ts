import { css } from 'lit';

// The build minifies css`` templates, so layout here is for reading.
// - quotation marks are punctuation of the surrounding, i.e. UI, language, as in print: the figure
//   carries lang=<UI locale>, so :lang() picks them even when the words are in their original
//   language (“ ” for en and zh-Hans, whose mainland typesetting uses them; « » for ru);
// - the words are an excerpt of --forum-quote-lines (6) lines with "Read more"; the attribution is
//   one line (photo or monogram, name, position) and the session one more: height is bounded;
// - the photo's box is fixed (also by width/height in the markup), so nothing moves when it arrives.
export const styles = css`
:host{--_photo:var(--forum-quote-photo-size,2.75em)}
:host([state=loading]){min-block-size:var(--forum-quote-min-height,12em)}
figure{display:grid;gap:calc(var(--_space)*.75);margin:0;padding:var(--_space) calc(var(--_space)*1.25);background:var(--_bg);border:1px solid var(--_border);border-radius:var(--_radius);quotes:'\\201c' '\\201d'}
figure:lang(ru){quotes:'\\ab' '\\bb'}
blockquote{margin:0;padding-inline-start:var(--_space);border-inline-start:3px solid var(--_accent)}
blockquote p{margin:0;font-size:var(--forum-quote-text-size,1.125em);line-height:1.5;white-space:pre-line;max-inline-size:38em}
blockquote p::before{content:open-quote}
blockquote p::after{content:close-quote}
.clamp{--_lines:var(--forum-quote-lines,6)}
.more{justify-self:start;margin-inline-start:var(--_space)}
figcaption{display:grid;grid-template-columns:auto minmax(0,1fr);column-gap:.75em;align-items:center;padding-inline-start:var(--_space)}
.av{--_av:calc(var(--_photo)/.8125);grid-row:span 2}
.who{display:-webkit-box;-webkit-box-orient:vertical;-webkit-line-clamp:2;overflow:hidden;line-height:1.35}
[part=session-link]{overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
[part=name]{font-weight:700}
.pos{color:var(--_muted);font-size:.875em}
[part=session-link]{font-size:.875em;grid-column:2}
.skeleton{background-image:linear-gradient(var(--_surface) 0 0),linear-gradient(var(--_surface) 0 0),linear-gradient(var(--_surface) 0 0),radial-gradient(circle closest-side,var(--_surface) 98%,#0000),linear-gradient(var(--_surface) 0 0);background-size:3px 4.5em,min(30em,85%) 1.1em,min(22em,65%) 1.1em,2.75em 2.75em,min(14em,50%) 1em;background-position:2.25em 1em,3em 1.2em,3em 3.2em,2.25em calc(100% - 1em),5.75em calc(100% - 1.9em)}
`;
