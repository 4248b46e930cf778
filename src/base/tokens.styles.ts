import { css } from 'lit';

// Design tokens shared by every element (docs/design.md explains the system). Partners theme
// through the public --forum-* custom properties; the private --_* ones resolve the theme once so
// component styles stay short. The theme shown is the `look` attribute, which HostThemeController
// keeps equal to the page's override (<html data-forum-theme>) or else the element's `theme`.
// Every text/background pair meets WCAG AA (4.5:1) in light and dark, 7:1 or more in the contrast themes.
// Type scale (em of --forum-font-size): .8125 meta, .875 small, 1 body, 1.125 quote, 1.25 title,
// 2.25 figure. Spacing: --_space (1em) and its halves and quarters. One line height, 1.45
// (headings 1.25), so a widget's height follows from its lines.
export const tokens = css`
:host {
  --_bg:var(--forum-color-background,#ffffff);
  --_fg:var(--forum-color-text,#1b1f24);
  --_muted:var(--forum-color-muted,#545d68);
  --_accent:var(--forum-color-accent,#b3261e);
  --_on-accent:var(--forum-color-on-accent,#ffffff);
  --_border:var(--forum-color-border,#d0d5db);
  --_surface:var(--forum-color-surface,#f3f4f6);
  --_tint:var(--forum-color-tint,#fbeeed);
  --_live:var(--forum-color-live,#b3261e);
  --_radius:var(--forum-radius,0.5em);
  --_space:var(--forum-space,1em);
  --_font:var(--forum-font-family,inherit);
  --_size:var(--forum-font-size,medium);
  --_lh:var(--forum-line-height,1.45);
  display:block;
  box-sizing:border-box;
  -webkit-text-size-adjust:100%;
}
:host([look='dark']) {
  --_bg:var(--forum-color-background,#16191d);
  --_fg:var(--forum-color-text,#eef0f2);
  --_muted:var(--forum-color-muted,#aab3bd);
  --_accent:var(--forum-color-accent,#ff8a80);
  --_on-accent:var(--forum-color-on-accent,#16191d);
  --_border:var(--forum-color-border,#3a4048);
  --_surface:var(--forum-color-surface,#23272d);
  --_tint:var(--forum-color-tint,#2d2123);
  --_live:var(--forum-color-live,#ff8a80);
}
@media (prefers-color-scheme: dark) {
  :host([look='auto']) {
    --_bg:var(--forum-color-background,#16191d);
    --_fg:var(--forum-color-text,#eef0f2);
    --_muted:var(--forum-color-muted,#aab3bd);
    --_accent:var(--forum-color-accent,#ff8a80);
    --_on-accent:var(--forum-color-on-accent,#16191d);
    --_border:var(--forum-color-border,#3a4048);
    --_surface:var(--forum-color-surface,#23272d);
    --_tint:var(--forum-color-tint,#2d2123);
    --_live:var(--forum-color-live,#ff8a80);
  }
}
:host([look^=contrast]){--_bg:#fff;--_fg:#000;--_on-accent:#fff;--_size:var(--forum-font-size,large);--_radius:0}
:host([look=contrast-dark]){--_bg:#000;--_fg:#fff;--_on-accent:#000}
:host([look^=contrast]){--_muted:var(--_fg);--_accent:var(--_fg);--_border:var(--_fg);--_surface:var(--_bg);--_tint:var(--_bg);--_live:var(--_fg)}
@media (prefers-contrast:more){:host{--_muted:var(--_fg);--_border:var(--_fg)}}
:host,:host>:not(slot){font-family:var(--_font);font-size:var(--_size);font-weight:normal;font-style:normal;line-height:var(--_lh);letter-spacing:normal;word-spacing:normal;text-transform:none;text-indent:0;text-align:start;text-shadow:none;white-space:normal;color:var(--_fg);overflow-wrap:anywhere}
:host([hidden]){display:none!important}
*,*::before,*::after{box-sizing:inherit}
:lang(zh){font-family:var(--forum-font-family,system-ui,sans-serif),"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei",sans-serif;line-break:strict;text-autospace:ideograph-alpha}
a{color:var(--_accent);text-underline-offset:.15em}
a:hover{text-decoration-thickness:2px}
:host([look^=contrast]) a{text-decoration:underline 2px}
:host([look^=contrast]) img{display:none}
a:focus-visible,button:focus-visible{outline:2px solid var(--_accent);outline-offset:2px;border-radius:2px}
img{max-inline-size:100%}
button{font:inherit;color:inherit}
span,a,time{unicode-bidi:isolate}
:host(:dir(rtl)) :is(p,h2,h3,h4,h5,h6,span,time,a,button){direction:ltr;text-align:right}
.notice{margin:0;padding:calc(var(--_space)/2) var(--_space);color:var(--_muted);background:var(--_bg);border:1px solid var(--_border);border-radius:var(--_radius)}
.skeleton{display:block;block-size:100%;min-block-size:inherit;border-radius:var(--_radius);border:1px solid var(--_surface);background-color:var(--_bg);background-repeat:no-repeat}
.visually-hidden{position:absolute;inline-size:1px;block-size:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
@media (forced-colors:active){.badge,.tile{border:1px solid CanvasText}a:focus-visible,button:focus-visible{outline-color:Highlight}.skeleton{border-color:CanvasText}}
`;
