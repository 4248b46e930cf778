// Short message ids for the built bundles. @lit/localize's runtime mode keys every translation by
// a 17-character hash of the English source ('s8ee2d5eff3d1adc5'), hashed again at run time on
// each msg() call; in the two locale modules those random-looking keys are ~10 bytes of gzip
// each. At build time each msg('…') / msg(str`…`) call gets `{ id: 'N' }` (a short base-36
// number) and the generated locale modules' keys are renamed to match, by the same table built
// from src/ once per build. Sources, XLIFF and lit-localize's own tooling keep the hash ids; a
// call this does not recognise keeps its hash id and still finds its translation.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { generateMsgId } from '@lit/localize/internal/id-generation.js';

// msg('plain') or msg(str`with ${values}`) with nothing after the first argument (tsc writes `str `…``).
const CALL = /\bmsg\(\s*(?:'((?:[^'\\\n]|\\.)*)'|(str)\s*`((?:[^`\\]|\\.)*)`)\s*\)/g;
const KEY = /(['"])(s[0-9a-f]{16})\1(?=\s*:)/g;

const cooked = (literal, quote) => new Function(`return ${quote}${literal}${quote}`)();

/** The hash id lit-localize gives a recognised call's source text. */
function idOf(m) {
  if (m[1] !== undefined) return generateMsgId(cooked(m[1], "'"), false);
  // str`…`: the template's static parts, cooked, as lit-localize's runtime hashes them.
  const parts = [];
  let rest = m[3];
  for (;;) {
    const at = rest.indexOf('${');
    if (at < 0) break;
    parts.push(rest.slice(0, at));
    let depth = 0;
    let j = at + 2;
    for (; j < rest.length; j++) {
      if (rest[j] === '{') depth++;
      else if (rest[j] === '}' && depth-- === 0) break;
    }
    rest = rest.slice(j + 1);
  }
  parts.push(rest);
  return generateMsgId(parts.map((p) => cooked(p, '`')), false);
}

/** hash id -> short id, for every recognised msg() call under `srcDir` (sorted, so stable). */
export function msgIdTable(srcDir) {
  const ids = new Set();
  const visit = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) visit(p);
      else if (/\.[tj]s$/.test(e.name) && !p.includes('/generated/')) for (const m of readFileSync(p, 'utf8').matchAll(CALL)) ids.add(idOf(m));
    }
  };
  visit(srcDir);
  return new Map([...ids].sort().map((id, i) => [id, i.toString(36)]));
}

/** Rewrites msg() calls and locale-module keys in `code` by `table`; undefined when unchanged. */
export function shortenMsgIds(code, table) {
  let out = code.replace(CALL, (call, ...m) => {
    const short = table.get(idOf([call, ...m]));
    return short === undefined ? call : `${call.slice(0, -1).trimEnd()},{id:'${short}'})`;
  });
  out = out.replace(KEY, (key, _q, id) => (table.has(id) ? `'${table.get(id)}'` : key));
  return out === code ? undefined : out;
}

// A call as shortenMsgIds leaves it: the message, then its short id.
const WITH_ID = /msg\(\s*(?:'(?:[^'\\\n]|\\.)*'|str\s*`(?:[^`\\]|\\.)*`)\s*,\s*\{\s*id:\s*'[0-9a-z]+'\s*\}\s*\)/y;

/** The msg(…) calls in `code` (after shortenMsgIds) that carry no short id: each would be hashed at run time. */
export function unidentifiedMsgCalls(code) {
  return [...code.matchAll(/\bmsg\(\s*[^)\s]/g)]
    .filter((m) => ((WITH_ID.lastIndex = m.index), !WITH_ID.test(code)))
    .map((m) => code.slice(m.index, m.index + 60));
}
