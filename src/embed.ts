// Entry of dist/forum-widgets.js, the core partners paste:
//   <script src=".../forum-widgets.js" data-feed="https://…/feed.json" data-locale="ru" defer></script>
// It reads its own tag's data-* (document.currentScript exists only while a classic script
// first runs, so it is read before anything else), puts the shared modules where its widgets'
// chunks find them, then loads each widget's chunk when the page holds that widget (scripts/build-embed.mjs).
import { pageConfig } from './base/config.js';
import { startLocalization } from './i18n/locale.js';
import { watchBlocks } from './snippet/markup.js';
import { VERSION } from './version.js';
import { loadWidgetsOnDemand } from './embed/chunks.js';
import { chunks, modules } from 'virtual:forum-widgets/chunks';

const script = document.currentScript as HTMLScriptElement | null;
const feed = script?.dataset.feed;
if (feed) {
  try {
    // Relative to the page, as a webmaster writing a page-relative path expects.
    pageConfig.feed = new URL(feed, document.baseURI).href;
  } catch {
    pageConfig.feed = feed;
  }
}
// Not enumerable, and under a symbol: a page's for…in loops and JSON never see it. The
// second-copy guard (scripts/build-embed.mjs) reads it, so it is set before anything else runs.
Object.defineProperty(self, Symbol.for('forum-widgets'), { value: { version: VERSION, modules } });
startLocalization(script?.dataset.locale);
loadWidgetsOnDemand(document, script, chunks);
// The markup form (CMS blocks a sanitiser keeps): upgrade them now and as they are added.
watchBlocks(document);
