// Vite config for Storybook only. The embed (dist/forum-widgets.js and its chunks) is built by
// scripts/build-embed.mjs, whose wrappers around every output would break Storybook's ES module
// chunks; Storybook's builder would keep a shared config's `plugins`, so it has its own.
import { defineConfig } from 'vite';

export default defineConfig({
  // Loopback only (npm run storybook passes --host 127.0.0.1 too).
  server: { host: '127.0.0.1' },
});
