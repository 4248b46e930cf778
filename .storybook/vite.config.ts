// Vite config for Storybook only. Deliberately not the root vite.config.ts: that one is the
// library build of dist/forum-widgets.js (build.lib, IIFE, embed-safety wrapper), which would
// break Storybook's multi-page app build.
import { defineConfig } from 'vite';

export default defineConfig({
  // Loopback only (npm run storybook passes --host 127.0.0.1 too).
  server: { host: '127.0.0.1' },
  // Storybook's own preview and docs chunks are large by nature; the embed bundle's size is
  // checked by the library build, not here.
  build: { chunkSizeWarningLimit: 2000 },
});
