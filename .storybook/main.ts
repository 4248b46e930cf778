// Storybook for designers: every widget, every state, in every locale and theme.
// Only loopback: telemetry is off and nothing in the stories fetches beyond the Storybook server.
import type { StorybookConfig } from '@storybook/web-components-vite';
import { holdPendingFeed } from '../stories/support/pending-feed.ts';

const config: StorybookConfig = {
  framework: {
    name: '@storybook/web-components-vite',
    options: {
      // The embed is built by scripts/build-embed.mjs (IIFE core + chunks, with wrappers);
      // Storybook inherits none of that: it gets a config of its own.
      builder: { viteConfigPath: '.storybook/vite.config.ts' },
    },
  },
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-a11y', '@storybook/addon-docs'],
  // The sample feed is served as a file too, so stories can load it through `src` like a partner page.
  // Not under /feeds: in dev, that path would shadow Vite's own module URL of the JSON the
  // stories import (/feeds/rcf-2025.json?import), served raw instead of as a module.
  staticDirs: [{ from: '../feeds', to: '/sample-feeds' }],
  // Before any module: the Loading stories' feed request is held by the fetch the loader takes.
  previewHead: (head) => `${head ?? ''}${holdPendingFeed}`,
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  // Storybook's preview and docs chunks are large by nature (the embed bundle's size is checked
  // by the library build); the builder ignores `build` in the vite config, so it is set here.
  viteFinal: (config) => ({ ...config, build: { ...config.build, chunkSizeWarningLimit: 2000 } }),
};

export default config;
