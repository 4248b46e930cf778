// The markup form: a CMS editor or sanitiser keeps a plain block where it strips custom elements
// and scripts, e.g.
//   <div class="forum-widget" data-widget="session-card" data-session="industrial-parks">
//     <a href="https://forum.example/industrial-parks">Industrial parks</a>
//   </div>
// The embed script, placed once in the site's template, turns each such block into the widget
// (the block's content becomes the widget's fallback) — blocks on the page when it runs and
// blocks added later. The block's data-* are untrusted (anyone who can edit a page can write
// them): only catalogued widgets and attributes with well-formed values get through; anything
// else leaves the block as it is, with one console warning naming the block and the problem.
import { readAttributes, widgetNamed, WIDGETS } from './catalog.js';

export const BLOCK_SELECTOR = '.forum-widget[data-widget]';
const DONE = 'data-forum-widget';

const describe = (block: Element) => `<div class="forum-widget" data-widget="${(block.getAttribute('data-widget') ?? '').slice(0, 40)}">`;

/** Turns one block into its widget; returns the widget, or undefined (with a warning) when refused. */
export function upgradeBlock(block: HTMLElement): HTMLElement | undefined {
  if (block.hasAttribute(DONE)) return undefined;
  const widget = widgetNamed(block.getAttribute('data-widget'));
  if (!widget) {
    block.setAttribute(DONE, 'refused');
    console.warn(`forum-widgets: ${describe(block)}: unknown widget; known: ${WIDGETS.map((w) => w.name).join(', ')}. The block's own content stays.`);
    return undefined;
  }
  const { attrs, problems } = readAttributes(widget, (name) => block.getAttribute(`data-${name}`));
  if (problems.length) {
    block.setAttribute(DONE, 'refused');
    console.warn(`forum-widgets: ${describe(block)}: ${problems.map((p) => `data-${p}`).join('; ')}. The block's own content stays.`);
    return undefined;
  }
  const el = block.ownerDocument.createElement(widget.tag);
  for (const [name, value] of attrs) el.setAttribute(name, value);
  // The block's content (the fallback link) moves inside the widget, which shows it until the
  // feed arrives and whenever there is nothing else to show.
  el.append(...block.childNodes);
  block.append(el);
  block.setAttribute(DONE, widget.name);
  return el;
}

/** Upgrades every block in `root` (and `root` itself when it is one). */
export function upgradeBlocks(root: ParentNode): void {
  if (root instanceof Element && root.matches(BLOCK_SELECTOR)) upgradeBlock(root as HTMLElement);
  for (const b of root.querySelectorAll<HTMLElement>(BLOCK_SELECTOR)) upgradeBlock(b);
}

/**
 * Upgrades the document's blocks once it is parsed (a block is upgraded whole, fallback and
 * all, never half-parsed), then every block added later: a CMS's "load more", a framework's
 * re-render, a block pasted by script.
 */
export function watchBlocks(doc: Document): MutationObserver {
  const observer = new MutationObserver((records) => {
    if (doc.readyState === 'loading') return; // the DOMContentLoaded pass takes them whole
    for (const r of records) for (const n of r.addedNodes) if (n.nodeType === 1) upgradeBlocks(n as Element);
  });
  observer.observe(doc, { childList: true, subtree: true });
  if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', () => upgradeBlocks(doc), { once: true });
  else upgradeBlocks(doc);
  return observer;
}
