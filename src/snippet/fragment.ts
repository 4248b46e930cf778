// The markup form's second carrier: the choices in the fallback link's own fragment, e.g.
//   <a href="https://forum.example/industrial-parks#forum-widget=session-card&session=industrial-parks">…</a>
// An editor that keeps only what its features know (CKEditor 5's default build keeps links and
// paragraphs, and drops the block's div, class and data-*) still keeps a link's href, so the
// widget survives as long as the link does. Only the configurator writes this fragment; a link
// that already had a fragment keeps it, and ours follows the fragment-directive delimiter `:~:`,
// which browsers strip before scrolling, so the original anchor still works for readers.
// The fragment is untrusted (anyone who can write a link can write one): only catalogued widgets
// and attributes with well-formed values, and an http(s) feed, get through.
import { checkValue, readAttributes, widgetNamed, type WidgetInfo } from './catalog.js';

export const FRAGMENT_KEY = 'forum-widget';
const DIRECTIVE = ':~:';

export interface LinkChoices {
  widget: WidgetInfo;
  /** [name, value] in the catalogue's order; '' is a boolean that is on. */
  attrs: [string, string][];
  /** The feed the snippet was made for (absolute http(s)), when it named one. */
  feed?: string;
}

/** `href` with the choices appended in our fragment (booleans as `=1`, the feed last). */
export function withChoices(href: string, widget: WidgetInfo, attrs: readonly (readonly [string, string])[], feed?: string): string {
  const q = new URLSearchParams({ [FRAGMENT_KEY]: widget.name });
  for (const [k, v] of attrs) if (k !== 'src') q.append(k, v === '' ? '1' : v);
  if (feed) q.append('feed', feed);
  const hash = href.indexOf('#');
  // %20 rather than + for spaces (URLSearchParams writes +, which some editors' URL tidying touches).
  const ours = q.toString().replace(/\+/g, '%20');
  if (hash < 0) return `${href}#${ours}`;
  const own = href.slice(hash + 1);
  return own ? `${href}${DIRECTIVE}${ours}` : `${href}${ours}`;
}

/**
 * The choices a link's href carries, `{ problems }` when it carries ours but something in it is
 * refused, or undefined when its fragment is not ours.
 */
export function readChoices(href: string): LinkChoices | { problems: string[] } | undefined {
  const hash = href.indexOf('#');
  if (hash < 0) return undefined;
  let frag = href.slice(hash + 1);
  const d = frag.lastIndexOf(DIRECTIVE);
  if (d >= 0) frag = frag.slice(d + DIRECTIVE.length);
  if (!frag.startsWith(`${FRAGMENT_KEY}=`)) return undefined;
  let q: URLSearchParams;
  try {
    q = new URLSearchParams(frag);
  } catch {
    return { problems: ['the fragment is not a query'] };
  }
  const name = q.get(FRAGMENT_KEY) ?? '';
  const widget = widgetNamed(name);
  if (!widget) return { problems: [`${FRAGMENT_KEY}: "${clip(name)}" is not one of the widgets`] };
  const problems: string[] = [];
  for (const key of new Set(q.keys())) {
    if (q.getAll(key).length > 1) problems.push(`${clip(key)}: given more than once`);
    else if (key !== FRAGMENT_KEY && key !== 'feed' && (key === 'src' || !(key in widget.attrs))) problems.push(`${clip(key)}: not an option of ${widget.name}`);
  }
  const { attrs, problems: bad } = readAttributes(widget, (n) => (n === 'src' ? null : q.get(n)));
  problems.push(...bad);
  const rawFeed = q.get('feed');
  const feed = rawFeed === null ? undefined : checkValue('url', rawFeed);
  if (feed instanceof Error) problems.push(`feed: ${feed.message}`);
  if (problems.length) return { problems };
  return { widget, attrs, ...(typeof feed === 'string' ? { feed } : {}) };
}

const clip = (s: string) => (s.length > 40 ? `${s.slice(0, 37)}...` : s).replace(/[\u0000-\u001f"]/g, '?');
