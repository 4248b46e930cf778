import { defineConfig, type Plugin } from 'vite';
import { readFileSync } from 'node:fs';
// @ts-expect-error: a plain .mjs module shared with scripts/build.mjs and the bench
import { minifyTemplates } from './scripts/minify-templates.mjs';
// @ts-expect-error: a plain .mjs module shared with scripts/build.mjs and the bench
import { msgIdTable, shortenMsgIds } from './scripts/short-msg-ids.mjs';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

/**
 * Makes dist/forum-widgets.js safe to paste anywhere:
 * - pure ASCII (non-ASCII escaped as \uXXXX), so a windows-1251 page or a server that sends the
 *   wrong charset cannot garble Cyrillic and Chinese;
 * - wrapped in a guard that skips the whole copy when another copy of forum-widgets already
 *   defined the tags, with one warning naming both versions. Skipping before Lit runs also
 *   avoids a second Trusted Types policy named "lit-html", which strict CSPs forbid.
 */
function embedSafety(): Plugin {
  const guard =
    `(function(){var d=self.customElements&&customElements.get("forum-session-card");` +
    `if(d){console.warn("forum-widgets ${version}: forum-widgets "+(d.version||"(unknown version)")+" is already on this page; this copy is not used.");return}\n`;
  return {
    name: 'forum-widgets-embed-safety',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const ascii = chunk.code.replace(/[^\x00-\x7f]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
        chunk.code = guard + ascii + '\n})();\n';
      }
    },
  };
}

/**
 * Minifies Lit's html`` and css`` templates (the JS minifier leaves template text alone):
 * indentation in html`` is whitespace text nodes Lit creates for every card, comments and
 * layout whitespace in css`` are bytes every partner page downloads. And gives every msg()
 * call a short id in place of lit-localize's 17-character hash (scripts/short-msg-ids.mjs).
 * The npm build and the bench's breakdown use the same functions.
 */
export function minifyLitTemplates(): Plugin {
  let ids: Map<string, string>;
  return {
    name: 'forum-widgets-minify-lit-templates',
    apply: 'build',
    // Before TypeScript is stripped: the rewrites read the source as written.
    enforce: 'pre',
    buildStart() {
      ids = msgIdTable('src');
    },
    transform(code, id) {
      if (!/\/src\/.*\.[tj]s$/.test(id)) return;
      // FW_KEEP=html,css,msg-ids builds without those rewrites: the bench measures what each saves.
      const keep = process.env.FW_KEEP?.split(',') ?? [];
      const short = (!keep.includes('msg-ids') && shortenMsgIds(code, ids)) || code;
      const out = minifyTemplates(short, { html: !keep.includes('html'), css: !keep.includes('css') }) ?? short;
      return out === code ? undefined : { code: out, map: null };
    },
  };
}

export default defineConfig({
  // Decorators are not used (Vite 8 would ship them untransformed); see README.
  build: {
    target: 'es2021',
    outDir: 'dist',
    emptyOutDir: false,
    sourcemap: false,
    lib: {
      entry: 'src/embed.ts',
      formats: ['iife'],
      name: 'ForumWidgets',
      fileName: () => 'forum-widgets.js',
    },
  },
  plugins: [minifyLitTemplates(), embedSafety()],
});
