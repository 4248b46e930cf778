// The iframe form's page (dist/embed.html, beside the bundle): shows the one widget its query
// names, e.g. embed.html?widget=forum-session-card&feed=https://…/feed.json&session=x&locale=ru.
// The query is untrusted (anyone can link to this page with any query): only catalogued widgets,
// attributes and well-formed values pass; anything else shows one line naming the problem, and
// nothing from the query reaches the page except through setAttribute on a checked value.
// The page's height goes to the parent page in a message, for the optional resizer script.
import { checkValue, readAttributes, widgetNamed } from '../snippet/catalog.js';

const LOCALES = ['ru', 'en', 'zh-Hans'];
export const HEIGHT_MESSAGE = 'forum-widgets:height';

/** The element to show, or the problems with the query. */
export function parseFrameQuery(search: string): { tag: string; attrs: [string, string][]; locale?: string } | { problems: string[] } {
  const q = new URLSearchParams(search);
  const problems: string[] = [];
  const widget = widgetNamed(q.get('widget'));
  if (!widget) return { problems: [`widget: "${(q.get('widget') ?? '').slice(0, 40)}" is not one of the widgets`] };
  for (const key of new Set(q.keys())) {
    if (q.getAll(key).length > 1) problems.push(`${key}: given more than once`);
    if (key !== 'widget' && key !== 'feed' && key !== 'locale' && (key === 'src' || !(key in widget.attrs))) problems.push(`${key.slice(0, 40)}: not an option of ${widget.tag}`);
  }
  const feed = q.get('feed');
  const src = feed === null ? new Error('missing') : checkValue('url', feed);
  if (src instanceof Error || src === null) problems.push(`feed: ${src instanceof Error ? src.message : 'missing'}`);
  const locale = q.get('locale') ?? undefined;
  if (locale !== undefined && !LOCALES.includes(locale)) problems.push(`locale: "${locale.slice(0, 20)}" is not ru, en or zh-Hans`);
  const { attrs, problems: bad } = readAttributes(widget, (name) => (name === 'src' ? null : q.get(name)));
  problems.push(...bad);
  if (problems.length) return { problems };
  return { tag: widget.tag, attrs: [...attrs, ['src', src as string]], locale };
}

function start(): void {
  const doc = document;
  // Sized by the parent to the content: never an inner scrollbar (CSSOM, allowed under the CSP).
  doc.documentElement.style.overflow = 'hidden';
  const parsed = parseFrameQuery(location.search);
  const show = () => {
    doc.body.style.margin = '0';
    if ('problems' in parsed) {
      const p = doc.createElement('p');
      p.lang = 'en';
      p.textContent = `forum-widgets embed.html: ${parsed.problems.join('; ')}`;
      doc.body.append(p);
      console.error(p.textContent);
      return;
    }
    const el = doc.createElement(parsed.tag);
    for (const [k, v] of parsed.attrs) el.setAttribute(k, v);
    // A loading card is the frame's height, i.e. the partner's reservation, which it then keeps
    // (its own default, a full card's height, would resize the frame).
    el.style.setProperty('--forum-session-card-min-height', '100vh');
    doc.body.append(el);
    let last = -1;
    new ResizeObserver(() => {
      const h = Math.ceil(doc.documentElement.getBoundingClientRect().height);
      if (h === last) return;
      last = h;
      // Only a height leaves this page; the resizer matches the message to its frame by source.
      parent.postMessage({ type: HEIGHT_MESSAGE, height: h }, '*');
    }).observe(doc.body);
  };
  // The page's locale before the bundle reads it (it falls back to <html lang>).
  if (!('problems' in parsed) && parsed.locale) doc.documentElement.lang = parsed.locale;
  if (doc.body) show();
  else doc.addEventListener('DOMContentLoaded', show, { once: true });
}

if (typeof document !== 'undefined' && document.currentScript) start();
