// Entry of dist/forum-widgets.js, the core partners paste:
//   <script src=".../forum-widgets.js" data-feed="https://…/feed.json" data-locale="ru" defer></script>
// It reads its own tag's data-* (document.currentScript exists only while a classic script
// first runs, so it is read before anything else), puts the shared modules where its widgets'
// chunks find them, then loads each widget's chunk when the page holds that widget (scripts/build-embed.mjs).
import { pageConfig } from './base/config.js';
import { startLocalization } from './i18n/locale.js';
import { loadOnDemand } from './embed/chunks.js';
import { markup, modules, release, widgets } from 'virtual:forum-widgets/chunks';

// The real currentScript, read through Document.prototype: page markup can shadow
// `document.currentScript` (an <img name="currentScript" src=…> in an article: DOM clobbering),
// and its src would choose where the chunks load from.
const current: unknown = Object.getOwnPropertyDescriptor(Document.prototype, 'currentScript')?.get?.call(document);
const script = current instanceof HTMLScriptElement ? current : null;
// Taken once, now: src resolved against the base URL the page has while the core runs (a <base>
// added later does not move the chunks), and what the chunks' tags copy from it.
const core = script && {
  src: script.src,
  integrity: script.integrity,
  crossOrigin: script.getAttribute('crossorigin'),
  nonce: script.nonce,
  referrerPolicy: script.referrerPolicy,
  widgets: script.dataset.widgets,
};
const feed = script?.dataset.feed;
if (feed) {
  try {
    // Relative to the page, as a webmaster writing a page-relative path expects.
    pageConfig.feed = new URL(feed, document.baseURI).href;
  } catch {
    pageConfig.feed = feed;
  }
}
startLocalization(script?.dataset.locale);
// The registry the chunks take Lit and the base from, read after localization started (it
// installs @lit/localize's msg). Under a symbol and not enumerable: a page's for…in loops and
// JSON never see it. A later copy's second-copy guard (scripts/build-embed.mjs) finds it, even
// before any tag is defined.
Object.defineProperty(self, Symbol.for('forum-widgets'), { value: { version: release, modules: modules() } });
// The widgets, and the markup form (CMS blocks a sanitiser keeps), now and as they are added.
loadOnDemand(document, core, widgets, markup);
