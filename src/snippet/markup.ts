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
// Editors that drop the div keep the fallback link, whose fragment carries the same choices
// (fragment.ts): such a link becomes the widget (in its block again) where it stands, the link
// its fallback.
import { readAttributes, widgetNamed, WIDGETS } from './catalog.js';
import { FRAGMENT_KEY, readChoices } from './fragment.js';
import { pageConfig } from '../base/config.js';

export const BLOCK_SELECTOR = '.forum-widget[data-widget]';
const LINK_SELECTOR = `a[href*="${FRAGMENT_KEY}="]`;
const TAGS = WIDGETS.map((w) => w.tag).join(',');
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

/**
 * Turns a fallback link whose fragment carries our choices into its widget, in the link's
 * place; returns the widget, or undefined when the link is not one (or is refused, with a warning).
 */
export function upgradeLink(link: HTMLAnchorElement): HTMLElement | undefined {
  // A block carries the choices itself (and a refused block keeps its content as it is); a link
  // already inside a widget is that widget's fallback.
  if (link.hasAttribute(DONE) || link.closest(`${BLOCK_SELECTOR},${TAGS}`)) return undefined;
  const choices = readChoices(link.getAttribute('href') ?? '');
  if (!choices) return undefined;
  if ('problems' in choices) {
    link.setAttribute(DONE, 'refused');
    console.warn(`forum-widgets: <a href="...#${(link.getAttribute('href') ?? '').split('#').pop()!.slice(0, 60)}">: ${choices.problems.join('; ')}. The link stays as it is.`);
    return undefined;
  }
  const doc = link.ownerDocument;
  const el = doc.createElement(choices.widget.tag);
  // The block the editor dropped comes back around the widget, so the page's rules for blocks
  // (the configurator's space reservation, the partner's own styles) hold for this one too.
  const block = doc.createElement('div');
  block.className = 'forum-widget';
  block.setAttribute('data-widget', choices.widget.name);
  for (const [name, value] of choices.attrs) {
    el.setAttribute(name, value);
    block.setAttribute(`data-${name}`, value === '' ? '1' : value);
  }
  // The site template's data-feed wins: a link in a comment or an old article must not point
  // the portal's widgets at another feed. The fragment's feed serves pages whose script has none.
  if (choices.feed && !pageConfig.feed) el.setAttribute('src', choices.feed);
  link.setAttribute(DONE, choices.widget.name);
  block.setAttribute(DONE, choices.widget.name);
  link.replaceWith(block);
  el.append(link);
  block.append(el);
  return el;
}

/** Upgrades every block and fallback link in `root` (and `root` itself when it is one). */
export function upgradeBlocks(root: ParentNode): void {
  if (root instanceof Element && root.matches(BLOCK_SELECTOR)) upgradeBlock(root as HTMLElement);
  for (const b of root.querySelectorAll<HTMLElement>(BLOCK_SELECTOR)) upgradeBlock(b);
  if (root instanceof HTMLAnchorElement && root.matches(LINK_SELECTOR)) upgradeLink(root);
  for (const a of root.querySelectorAll<HTMLAnchorElement>(LINK_SELECTOR)) upgradeLink(a);
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
