// Text cleaning: exports carry HTML (frab, Outlook, Google), Markdown line breaks and stray
// whitespace; the feed carries plain text, which the widgets show as text, never as markup.
import { compile } from 'html-to-text';

const HTML_HINT = /<\/?[a-z][a-z0-9]*(\s[^<>]*)?\/?>|&(#\d+|#x[0-9a-f]+|[a-z]+\d*);/i;

const OPTIONS = {
  wordwrap: false,
  preserveNewlines: false,
  selectors: [
    { selector: 'a', options: { ignoreHref: true } },
    { selector: 'img', format: 'skip' },
    { selector: 'h1', options: { uppercase: false } },
    { selector: 'h2', options: { uppercase: false } },
    { selector: 'h3', options: { uppercase: false } },
    { selector: 'h4', options: { uppercase: false } },
    { selector: 'h5', options: { uppercase: false } },
    { selector: 'h6', options: { uppercase: false } },
    { selector: 'table', format: 'dataTable', options: { uppercaseHeaderCells: false } },
  ],
};

// Compiled once: html-to-text's convert() would rebuild its selector tables for every abstract.
let converter;

/** Whether a string looks like HTML (a tag or an entity). */
export const looksLikeHtml = (s) => HTML_HINT.test(s);

/**
 * Plain text from a string that may be HTML: tags become line breaks or nothing, entities
 * their characters; then whitespace is tidied. Returns { text, wasHtml }.
 */
export function plainText(value) {
  if (typeof value !== 'string') return { text: '', wasHtml: false };
  const wasHtml = looksLikeHtml(value);
  const text = wasHtml ? (converter ??= compile(OPTIONS))(value) : value;
  return { text: tidy(text), wasHtml };
}

/** Trims, turns CR LF into LF, drops control characters, keeps at most one empty line. */
export function tidy(s) {
  return String(s)
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .replace(/[ \t\u00a0]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** One line: titles, names, rooms. */
export const oneLine = (s) => tidy(typeof s === 'string' ? s : s == null ? '' : String(s)).replace(/\s+/g, ' ');
