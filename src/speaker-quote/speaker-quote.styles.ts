import { css } from 'lit';

// Element selectors rather than classes, scoped enough not to hit the base's parts
// (`blockquote p`, not `p`: the notice is a p). The build minifies css`` templates.
// - quotation marks are punctuation of the surrounding, i.e. UI, language, as in print: the figure
//   carries lang=<UI locale>, so :lang() picks them even when the words are in their original
//   language (“ ” for en and zh-Hans, whose mainland typesetting uses them; « » for ru);
// - one level of marks is enough: a quote never nests another here;
// - the photo's box is fixed (also by width/height in the markup), so nothing moves when it arrives.
export const styles = css`
:host{--_photo:var(--forum-quote-photo-size,3.5em)}
:host([state=loading]){min-block-size:var(--forum-quote-min-height,10em)}
figure{margin:0;padding:var(--_space);background:var(--_bg);border:1px solid var(--_border);border-radius:var(--_radius);overflow-wrap:break-word;quotes:'\\201c' '\\201d'}
figure:lang(ru){quotes:'\\ab' '\\bb'}
blockquote{margin:0;padding-inline-start:var(--_space);border-inline-start:3px solid var(--_accent)}
blockquote p{margin:0;font-size:var(--forum-quote-text-size,1.125em);white-space:pre-line}
blockquote p::before{content:open-quote}
blockquote p::after{content:close-quote}
figcaption{display:flex;align-items:center;gap:calc(var(--_space)*.75);margin-block-start:calc(var(--_space)*.75);padding-inline-start:var(--_space)}
img{flex:none;inline-size:var(--_photo);block-size:var(--_photo);object-fit:cover;border-radius:50%;background:var(--_surface)}
figcaption>span{display:flex;flex-direction:column;min-inline-size:0}
span span,a{font-size:.875em}
span span{color:var(--_muted)}
[part=name]{font-size:1em;font-weight:700;color:var(--_fg)}
[part=session-link]{margin-block-start:.25em}
`;
