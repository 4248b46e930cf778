// dist/forum-widgets-resizer.js: optional, once per partner page. Keeps each iframe-form widget
// (iframe.forum-widget-frame) exactly as tall as its content: embed.html posts its height, this
// sets the frame's block-size (CSSOM, allowed under a strict CSP). Messages count only from a
// frame of ours (matched by window) on the origin its src names, and only as a sane height.
const HEIGHT_MESSAGE = 'forum-widgets:height';

addEventListener('message', (e: MessageEvent) => {
  const d = e.data as { type?: unknown; height?: unknown } | null;
  if (!d || d.type !== HEIGHT_MESSAGE || typeof d.height !== 'number' || !(d.height >= 0 && d.height < 20_000)) return;
  for (const f of document.querySelectorAll<HTMLIFrameElement>('iframe.forum-widget-frame')) {
    if (f.contentWindow !== e.source) continue;
    let origin = '';
    try {
      origin = new URL(f.src, document.baseURI).origin;
    } catch {}
    if (origin === e.origin) f.style.blockSize = `${Math.ceil(d.height)}px`;
  }
});
