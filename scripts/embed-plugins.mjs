// Vite plugins of the embed build (scripts/build-embed.mjs); the bench builds with them too.
import { minifyTemplates } from './minify-templates.mjs';
import { msgIdTable, shortenMsgIds, unidentifiedMsgCalls } from './short-msg-ids.mjs';

const NO_HASH = '\0forum-widgets:no-msg-hash';

/** Non-ASCII as \uXXXX: a windows-1251 page or a server sending the wrong charset cannot garble Cyrillic and Chinese. */
export const toAscii = (code) => code.replace(/[^\x00-\x7f]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));

/**
 * Minifies Lit's html`` and css`` templates (the JS minifier leaves template text alone):
 * indentation in html`` is whitespace text nodes Lit creates for every card, comments and
 * layout whitespace in css`` are bytes every partner page downloads. And gives every msg()
 * call a short id in place of lit-localize's 17-character hash (scripts/short-msg-ids.mjs).
 * The npm build and the bench's breakdown use the same functions.
 * FW_KEEP=html,css,msg-ids builds without those rewrites: the bench measures what each saves.
 */
export function minifyLitTemplates() {
  let ids;
  const keep = () => process.env.FW_KEEP?.split(',') ?? [];
  return {
    name: 'forum-widgets-minify-lit-templates',
    apply: 'build',
    // Before TypeScript is stripped: the rewrites read the source as written.
    enforce: 'pre',
    buildStart() {
      ids = msgIdTable('src');
    },
    // With every msg() call given its id, lit-localize's run-time hashing of the source text
    // (fnv1a64 + id-generation, ~1 KB minified) is never reached: the bundle gets a stub instead.
    // The check in transform() fails the build on a call that would need it.
    resolveId(source, importer) {
      const hasher = (source === './id-generation.js' && /[\\/]@lit[\\/]localize[\\/]internal[\\/]runtime-msg\.js$/.test(importer ?? '')) || (source === './msg-id.js' && /[\\/]src[\\/]i18n[\\/]locale\.ts$/.test(importer ?? '')); // src/i18n/msg-id.ts: the locale runtime's own hasher
      if (keep().includes('msg-ids') || !hasher) return null;
      return NO_HASH;
    },
    load: (id) => (id === NO_HASH ? "export const generateMsgId = () => '', msgId = generateMsgId;" : null),
    transform(code, id) {
      if (!/\/src\/.*\.[tj]s$/.test(id)) return;
      const short = (!keep().includes('msg-ids') && shortenMsgIds(code, ids)) || code;
      if (!keep().includes('msg-ids')) {
        const left = unidentifiedMsgCalls(short);
        if (left.length) throw new Error(`${id}: msg() calls the build cannot give a short id (write msg('…') or msg(str\`…\`)): ${left.join(' | ')}`);
      }
      const k = keep();
      const out = minifyTemplates(short, { html: !k.includes('html'), css: !k.includes('css'), unsafeCSS: !k.includes('unsafe-css') }) ?? short;
      return out === code ? undefined : { code: out, map: null };
    },
  };
}

