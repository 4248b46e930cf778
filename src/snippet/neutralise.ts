// Feed text that lands in a snippet is pasted into pages we do not control, some of which run a
// client-side template engine over their own HTML (AngularJS 1.x `ng-app`, Vue in-DOM templates,
// Knockout/Polymer `[[ ]]`, lodash/EJS `<% %>`, JS template strings `${ }`, and server-side Twig or
// Liquid `{% %}` in CMS blocks). HTML escaping does not help: the browser decodes `&#123;` before
// the framework reads the text. A WORD JOINER (U+2060, invisible, no line break) between the two
// characters of each opening or closing delimiter means no engine sees a delimiter, while the
// text reads, wraps and is found by the browser's search the same.

const WJ = '\u2060';
// The first character of every two-character delimiter, when the second follows.
const PAIRS = /\{(?=[{%#[])|\}(?=\})|\$(?=\{)|\[(?=\[)|\](?=\])|<(?=%)|%(?=[>}])|#(?=\})/g;

/** `text` with every template delimiter split by an invisible WORD JOINER. */
export function neutraliseText(text: string): string {
  return text.replace(PAIRS, (c) => c + WJ);
}

/** True when `text` holds no template delimiter (what neutraliseText guarantees). */
export const hasNoDelimiters = (text: string): boolean => !new RegExp(PAIRS.source).test(text);

/**
 * A link for an `href` in a snippet: the URL's own escaping for the characters that make
 * delimiters (`{ } [ ]` after the host; `<`, `>` and spaces are already escaped by URL
 * parsing), so an engine that interpolates attributes finds none either. The link still goes to
 * the same place: servers decode %7B as `{`.
 */
export function neutraliseUrl(href: string): string {
  let u: URL;
  try {
    u = new URL(href);
  } catch {
    return href;
  }
  const tail = href.slice(u.origin.length);
  if (!href.startsWith(u.origin)) return href.replace(/[{}[\]]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
  return u.origin + tail.replace(/[{}[\]%<>]/g, (c, i: number) => (c === '%' && /^[0-9a-f]{2}$/i.test(tail.slice(i + 1, i + 3)) ? c : '%' + c.charCodeAt(0).toString(16).toUpperCase()));
}
