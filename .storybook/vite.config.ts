// Vite config for Storybook only. Deliberately not the root vite.config.ts: that one is the
// library build of dist/forum-widgets.js. Storybook's builder drops a config's `build` section
// (so build.lib would not matter), but it keeps `plugins`, and the embed-safety plugin wraps
// every output chunk in a function, which breaks Storybook's ES module chunks.
import { defineConfig } from 'vite';

export default defineConfig({
  // Loopback only (npm run storybook passes --host 127.0.0.1 too).
  server: { host: '127.0.0.1' },
});
