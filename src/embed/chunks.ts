// The core loads a widget's code (its chunk, a classic script beside the core) the first time the
// page holds that widget: an element already in the page, one added later, or one a CMS block
// becomes. The CMS-markup upgrader is a chunk too, loaded when the page holds such a block.
// Readers keep seeing the element's fallback until the chunk defines the tag; when a chunk cannot
// load, the fallback stays and the console says why.
import { feedLoader } from '../feed/loader.js';
import { resolveFeedUrl } from '../base/feed-controller.js';
import { pageConfig } from '../base/config.js';

/** The Trusted Types policy that passes the chunks' URLs (and only those) to script.src. */
export const POLICY_NAME = 'forum-widgets';
/**
 * The markup form (src/snippet/markup.ts, which lives in the markup chunk): blocks, and fallback
 * links whose fragment carries the choices (what CKEditor 5 keeps of a block).
 */
// The link test as the upgrader's (src/snippet/fragment.ts): our key starting the fragment or its last directive.
const MARKUP_SELECTOR = '.forum-widget[data-widget],a[href*="#forum-widget="],a[href*=":~:forum-widget="]';

/** A chunk: its short name (a block's data-widget; its file is forum-widgets.<name>.js beside the core) and sha384. */
export interface Chunk {
  name: string;
  integrity: string;
}
/** Tag -> its widget's chunk. */
export type WidgetChunks = Record<string, Chunk>;

/** What the core's own script tag said, taken once when the core ran (src/embed.ts). */
export interface CoreTag {
  src: string;
  integrity: string;
  crossOrigin: string | null;
  nonce?: string;
  referrerPolicy: string;
  widgets?: string;
}

interface TrustedTypesLike {
  createPolicy(name: string, rules: { createScriptURL(u: string): string }): { createScriptURL(u: string): unknown };
}

/**
 * Watches `doc` for the widgets' tags and the markup form's blocks, and loads each chunk once.
 * `core` is what the core's own script tag said: chunks load from beside its URL, with its
 * integrity mode, crossorigin, nonce and referrer policy.
 */
export function loadOnDemand(doc: Document, core: CoreTag | null, widgets: WidgetChunks, markup: Chunk): void {
  const pending = new Set(Object.keys(widgets));
  let blocksPending = true;
  const tags = [...pending].join(',');
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

  // Held until the tag is defined, so the feed loads while the chunk does.
  const prefetch = (raw: string | null | undefined, tag: string) => {
    const url = resolveFeedUrl(raw || pageConfig.feed);
    if (!url) return;
    const off = feedLoader.subscribe(url, () => {});
    let held = true;
    const release = () => held && ((held = false), setTimeout(off));
    customElements.whenDefined(tag).then(release);
    return release;
  };

  const load = (what: string, chunk: Chunk, release?: () => void, tag?: string) => {
    const say = (why: string) => {
      release?.();
      console.error(`forum-widgets: ${what} stays as its fallback: ${why}`);
    };
    if (!core?.src) return say('forum-widgets.js must be loaded by its own <script src> (its chunks are found beside that address).');
    const url = new URL(`forum-widgets.${chunk.name}.js`, core.src).href;
    const s = doc.createElement('script');
    try {
      (s as { src: unknown }).src = scriptURL(url);
    } catch {
      return say(`the page enforces Trusted Types and its policy does not allow "${POLICY_NAME}" (add it: trusted-types lit-html ${POLICY_NAME}), so ${url} cannot load.`);
    }
    // With the core pinned by integrity, each chunk is pinned too (its hash is in the core).
    if (core.integrity) {
      s.integrity = chunk.integrity;
      if (core.crossOrigin !== null) s.setAttribute('crossorigin', core.crossOrigin);
    }
    if (core.nonce) s.nonce = core.nonce;
    // A portal's no-referrer holds for the chunks as for the core.
    if (core.referrerPolicy) s.referrerPolicy = core.referrerPolicy;
    // Loaded but the tag is still undefined (the chunk threw, or is another version's): let the
    // held feed request go; the chunk's own guard has said why.
    if (tag) s.onload = () => customElements.get(tag) || release?.();
    s.onerror = () =>
      say(`${url} did not load (not found, blocked by the page's script-src, a network error${core.integrity ? ', or its integrity does not match this forum-widgets.js' : ''}).`);
    (doc.head ?? doc.documentElement).append(s);
  };

  const tagOf = (name: string | null) => Object.keys(widgets).find((t) => t === name || widgets[t].name === name);

  const want = (tag: string, src: string | null, feedAhead = true) => {
    if (!pending.delete(tag)) return;
    // Defined already (the npm build, the all-in-one dev bundle): nothing to load.
    if (!customElements.get(tag)) load(`<${tag}>`, widgets[tag], feedAhead ? prefetch(src, tag) : undefined, tag);
  };

  const scan = (root: ParentNode) => {
    const self = root instanceof Element ? [root] : [];
    // An element given a feed object (frameworks set the property before it upgrades) needs no request.
    if (pending.size)
      for (const el of [...self, ...root.querySelectorAll(tags)]) if (el.matches(tags)) want(el.localName, el.getAttribute('src'), (el as { feed?: unknown }).feed == null);
    if (!blocksPending) return;
    const blocks = [...self, ...root.querySelectorAll(MARKUP_SELECTOR)].filter((b) => b.matches(MARKUP_SELECTOR));
    if (!blocks.length) return;
    blocksPending = false;
    load('<div class="forum-widget">', markup);
    // Their widgets' chunks and the feed start now, beside the upgrader. A block's own feed is
    // checked by the upgrader first, so only the script tag's feed is fetched ahead.
    for (const b of blocks) {
      const href = b.getAttribute('href');
      const name = href === null ? b.getAttribute('data-widget') : /[#&~]forum-widget=([a-z-]+)/.exec(href)?.[1] ?? null;
      const tag = tagOf(name);
      // (A link's own feed yields to the script tag's data-feed, so that one is right to fetch.)
      if (tag) want(tag, null, href !== null || !b.hasAttribute('data-src'));
    }
  };

  // data-widgets="session-card programme" on the core's tag: load those at once, for pages that
  // create the elements later and wait for customElements.whenDefined() first.
  for (const name of core?.widgets?.split(/[\s,]+/).filter(Boolean) ?? []) {
    const tag = tagOf(name);
    if (tag) want(tag, null, false);
    else console.warn(`forum-widgets: data-widgets: "${name.slice(0, 40)}" is not a widget; known: ${Object.values(widgets).map((w) => w.name).join(', ')}.`);
  }
  scan(doc);
  if (!pending.size && !blocksPending) return;
  const observer = new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes) if (n.nodeType === 1) scan(n as Element);
    if (!pending.size && !blocksPending) observer.disconnect();
  });
  observer.observe(doc, { childList: true, subtree: true });
}
