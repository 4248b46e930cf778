#!/usr/bin/env node
// Run by scripts/build.mjs after the bundle: the iframe form beside it.
//   dist/embed.html                 the page an iframe-form snippet points at (strict CSP, Trusted Types)
//   dist/embed-frame.js             its script: checks the query, shows the widget, posts its height
//   dist/forum-widgets-resizer.js   optional on the partner's page: frames follow that height
import { build } from 'vite';
import { copyFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
for (const [entry, file, name] of [
  ['src/frame/frame.ts', 'embed-frame.js', 'ForumWidgetsFrame'],
  ['src/frame/resizer.ts', 'forum-widgets-resizer.js', 'ForumWidgetsResizer'],
]) {
  await build({
    root,
    configFile: false,
    logLevel: 'warn',
    build: {
      target: 'es2021',
      outDir: 'dist',
      emptyOutDir: false,
      sourcemap: false,
      lib: { entry: root + entry, formats: ['iife'], name, fileName: () => file },
    },
  });
}
copyFileSync(root + 'src/frame/embed.html', root + 'dist/embed.html');
console.log('[build] dist/embed.html, dist/embed-frame.js, dist/forum-widgets-resizer.js');
