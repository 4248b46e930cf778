// Entry of dist/forum-widgets.js, the one classic script partners paste:
//   <script src=".../forum-widgets.js" data-feed="https://…/feed.json" data-locale="ru" defer></script>
// It reads its own tag's data-* (document.currentScript exists only while a classic script
// first runs, so it is read before anything else), then defines the tags. Elements already on
// the page upgrade at once; later ones as they are added.
import { pageConfig } from './base/config.js';
import { startLocalization } from './i18n/locale.js';
import { defineElements } from './elements.js';
import { watchBlocks } from './snippet/markup.js';

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
startLocalization(script?.dataset.locale);
defineElements();
// The markup form (CMS blocks a sanitiser keeps): upgrade them now and as they are added.
watchBlocks(document);
