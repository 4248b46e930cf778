// Build-time minification of Lit's tagged templates, for the embed (vite.config.ts), the npm
// build (dist/lib, after tsc) and the bench's esbuild breakdown: the same function everywhere.
// JS minifiers leave template text alone, and Lit turns every whitespace run between tags into a
// text node the browser creates, walks and keeps for each of 500 cards.
//
// html`…`: a whitespace run that contains a line break (template indentation) is
//   - dropped at the template's start or end, and next to the tag of a block-level element
//     (where CSS never renders it), and
//   - otherwise collapsed to one space (between inline content it is a visible space).
//   Runs without a line break are author-meant spaces and stay. Templates with <pre> or
//   <textarea> are left alone.
// css`…`: comments and layout whitespace go.
// Only the literal parts change; ${…} expressions are kept byte for byte (nested templates in
// them are minified by the same rules).

const BLOCK = new Set(
  'address article aside blockquote body dd details div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr html li main nav ol p section style summary table tbody td tfoot th thead tr ul'.split(' '),
);
const HOLE = '\u0000';

/** CSS text: comments and layout whitespace removed. */
export const minifyCss = (text) =>
  text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,>])\s*/g, '$1')
    .replace(/:\s+/g, ':')
    .replace(/;}/g, '}')
    .trim();

/** The text of one html`` template with its bindings as HOLE characters. */
export function minifyHtml(text) {
  if (/<(pre|textarea)\b/i.test(text)) return text;
  return text.replace(/\s*\n\s*/g, (run, at) => {
    const before = text.slice(0, at);
    const after = text.slice(at + run.length);
    if (!before || !after) return '';
    // Inside a tag (between attributes): one space separates them.
    if (before.lastIndexOf('<') > before.lastIndexOf('>')) return ' ';
    const prevTag = before.endsWith('>') && before.slice(before.lastIndexOf('<')).match(/^<\/?([a-z][\w-]*)/i);
    const nextTag = after.startsWith('<') && after.match(/^<\/?([a-z][\w-]*)/i);
    if ((prevTag && BLOCK.has(prevTag[1].toLowerCase())) || (nextTag && BLOCK.has(nextTag[1].toLowerCase()))) return '';
    // Comments (<!-- -->) and the like: nothing renders there either.
    if (before.endsWith('-->') || after.startsWith('<!--')) return '';
    return ' ';
  });
}

const UNSAFE_CSS = '__fwUnsafeCSS';

/**
 * Rewrites every html`` and css`` template in JS/TS source `code` (`only` limits it to one
 * kind, for measuring). Returns the new code, or undefined when nothing changed.
 * With `only.unsafeCSS`, a css`…` without ${…} becomes unsafeCSS(`…`) (imported from lit): the
 * same CSSResult from the same literal text, and a bundle needs no css tag, whose job is vetting
 * what is interpolated (its check and error messages). "unsafe" is about untrusted text; a
 * literal in our source is not. (An escape valid only in a tagged template fails the build.)
 */
export function minifyTemplates(code, only = { html: true, css: true }) {
  let out = '';
  let i = 0;
  let changed = false;
  let calls = false;
  const n = code.length;

  // Reads a template literal starting at the backtick `start`; returns [quasis, exprs, end].
  const readTemplate = (start) => {
    const quasis = [];
    const exprs = [];
    let j = start + 1;
    let q = '';
    while (j < n) {
      const c = code[j];
      if (c === '\\') {
        q += code.slice(j, j + 2);
        j += 2;
      } else if (c === '`') {
        quasis.push(q);
        return [quasis, exprs, j + 1];
      } else if (c === '$' && code[j + 1] === '{') {
        quasis.push(q);
        q = '';
        const end = skipExpression(j + 2);
        exprs.push(code.slice(j + 2, end));
        j = end + 1;
      } else {
        q += c;
        j++;
      }
    }
    throw new Error('unterminated template literal');
  };

  // From inside `${`, the index of the matching `}`.
  const skipExpression = (j) => {
    let depth = 0;
    while (j < n) {
      const c = code[j];
      if (c === '}' && depth === 0) return j;
      if (c === '{') depth++;
      else if (c === '}') depth--;
      else if (c === '"' || c === "'") j = skipString(j);
      else if (c === '`') j = readTemplate(j)[2] - 1;
      else if (c === '/' && code[j + 1] === '/') j = code.indexOf('\n', j);
      else if (c === '/' && code[j + 1] === '*') j = code.indexOf('*/', j) + 1;
      j++;
    }
    throw new Error('unterminated ${ expression');
  };

  const skipString = (j) => {
    const quote = code[j];
    for (j++; j < n && code[j] !== quote; j++) if (code[j] === '\\') j++;
    return j;
  };

  // Rewrites the template at backtick `start` (tag `tag` or none) and what it nests.
  const rewrite = (start, tag) => {
    const [quasis, exprs, end] = readTemplate(start);
    let parts = quasis;
    if (tag === 'html' && only.html) {
      const joined = minifyHtml(quasis.join(HOLE));
      parts = joined.split(HOLE);
    } else if (tag === 'css' && only.css) {
      parts = quasis.map(minifyCss);
    }
    if (parts.some((p, k) => p !== quasis[k])) changed = true;
    let s = '`' + parts[0];
    exprs.forEach((e, k) => {
      const m = minifyTemplates(e, { ...only, nested: true });
      if (m !== undefined) changed = true;
      if (m?.includes(`${UNSAFE_CSS}(`)) calls = true;
      s += '${' + (m ?? e) + '}' + parts[k + 1];
    });
    return [s + '`', end, exprs.length];
  };

  while (i < n) {
    const c = code[i];
    if (c === '"' || c === "'") {
      const e = skipString(i);
      out += code.slice(i, e + 1);
      i = e + 1;
    } else if (c === '/' && code[i + 1] === '/') {
      const e = code.indexOf('\n', i);
      const stop = e < 0 ? n : e;
      out += code.slice(i, stop);
      i = stop;
    } else if (c === '/' && code[i + 1] === '*') {
      const e = code.indexOf('*/', i + 2) + 2;
      out += code.slice(i, e);
      i = e;
    } else if (c === '`') {
      // A bare tag: not a property (`x.css`) or a longer name (`$css`).
      const tagged = out.match(/(?<![.$\w])(html|css)\s*$/);
      const [s, end, holes] = rewrite(i, tagged?.[1]);
      // Only a template without ${…} (as the parser read it) is a plain string for unsafeCSS.
      if (tagged?.[1] === 'css' && only.unsafeCSS && !holes) {
        out = out.slice(0, -tagged[0].length) + `${UNSAFE_CSS}(${s})`;
        changed = calls = true;
      } else out += s;
      i = end;
    } else {
      out += c;
      i++;
    }
  }
  if (calls && !only.nested) out = `import { unsafeCSS as ${UNSAFE_CSS} } from 'lit';\n${out}`;
  return changed ? out : undefined;
}
