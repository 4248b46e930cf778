// The core loads a widget's code (its chunk, a classic script beside the core) the first time the
// page holds that widget: an element already in the page, one added later, or one a CMS block
// becomes. Readers keep seeing the element's fallback until the chunk defines the tag; when the
// chunk cannot load, the fallback stays and the console says why.
import { WIDGETS } from '../snippet/catalog.js';
import { feedLoader } from '../feed/loader.js';
import { resolveFeedUrl } from '../base/feed-controller.js';
import { pageConfig } from '../base/config.js';

/** The Trusted Types policy that passes the chunks' URLs (and only those) to script.src. */
export const POLICY_NAME = 'forum-widgets';

type Chunks = Record<string, { file: string; integrity: string }>;
interface TrustedTypesLike {
  createPolicy(name: string, rules: { createScriptURL(u: string): string }): { createScriptURL(u: string): unknown };
}

/**
 * Watches `doc` for the widgets' tags and loads each tag's chunk once. `core` is the core's own
 * script tag (document.currentScript): chunks load from beside its URL, with its integrity mode,
 * crossorigin and nonce.
 */
export function loadWidgetsOnDemand(doc: Document, core: HTMLScriptElement | null, chunks: Chunks): void {
  const pending = new Map(WIDGETS.map((w) => [w.tag, w.name]));
  const selector = [...pending.keys()].join(',');
  const allowed = new Set<string>();
  let policy: { createScriptURL(u: string): unknown } | null | undefined;

  const scriptURL = (url: string): unknown => {
    allowed.add(url);
    const tt = (globalThis as { trustedTypes?: TrustedTypesLike }).trustedTypes;
    if (!tt) return url;
    if (policy === undefined) {
      try {
        policy = tt.createPolicy(POLICY_NAME, {
          createScriptURL: (u) => {
            if (!allowed.has(u)) throw new TypeError(`forum-widgets: ${u} is not a forum-widgets chunk`);
            return u;
          },
        });
      } catch {
        // The page's trusted-types directive does not list the name: fine unless it enforces
        // Trusted Types, which the assignment below then reports.
        policy = null;
      }
    }
    return policy ? policy.createScriptURL(url) : url;
  };

  // Held until the widget is defined, so the feed and the chunk load at the same time.
  const prefetch = (el: Element, tag: string) => {
    if ((el as { feed?: unknown }).feed != null) return;
    const url = resolveFeedUrl(el.getAttribute('src') || pageConfig.feed);
    if (!url) return;
    const off = feedLoader.subscribe(url, () => {});
    const release = () => setTimeout(off);
    customElements.whenDefined(tag).then(release);
    return release;
  };

  const load = (tag: string, name: string, el: Element) => {
    pending.delete(tag);
    const chunk = chunks[name];
    const say = (why: string) => console.error(`forum-widgets: <${tag}> stays as its fallback: ${why}`);
    if (!core?.src) return say('forum-widgets.js must be loaded by its own <script src> (its chunks are found beside that address).');
    const url = new URL(chunk.file, core.src).href;
    const s = doc.createElement('script');
    try {
      (s as { src: unknown }).src = scriptURL(url);
    } catch {
      return say(`the page enforces Trusted Types and its policy does not allow "${POLICY_NAME}" (add it: trusted-types lit-html ${POLICY_NAME}), so ${url} cannot load.`);
    }
    // With the core pinned by integrity, each chunk is pinned too (its hash is in the core).
    if (core.integrity) {
      s.integrity = chunk.integrity;
      const cors = core.getAttribute('crossorigin');
      if (cors !== null) s.setAttribute('crossorigin', cors);
    }
    if (core.nonce) s.nonce = core.nonce;
    const release = prefetch(el, tag);
    s.onerror = () => {
      release?.();
      say(`${url} did not load (not found, blocked by the page's script-src, a network error${core.integrity ? ', or its integrity does not match this forum-widgets.js' : ''}).`);
    };
    (doc.head ?? doc.documentElement).append(s);
  };

  const scan = (root: ParentNode) => {
    const found = root instanceof Element && root.matches(selector) ? [root, ...root.querySelectorAll(selector)] : root.querySelectorAll(selector);
    for (const el of found) {
      const tag = el.localName;
      const name = pending.get(tag);
      if (name === undefined) continue;
      // Defined already (the npm build, the all-in-one dev bundle): nothing to load.
      if (customElements.get(tag)) pending.delete(tag);
      else load(tag, name, el);
    }
  };

  scan(doc);
  if (!pending.size) return;
  const observer = new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes) if (n.nodeType === 1) scan(n as Element);
    if (!pending.size) observer.disconnect();
  });
  observer.observe(doc, { childList: true, subtree: true });
}
