import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner';
import { chromePath, chromeArgs } from './scripts/chrome.mjs';
import { testServerPlugins } from './test/server/plugins.mjs';

export default {
  files: ['test/**/*.test.ts', '!test/node/**', '!test/e2e/**'],
  nodeResolve: true,
  // The dev server listens on loopback only.
  hostname: '127.0.0.1',
  concurrency: 2,
  testFramework: { config: { timeout: 10000 } },
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }), ...testServerPlugins],
  browsers: [chromeLauncher({ launchOptions: { executablePath: chromePath(), headless: true, args: chromeArgs } })],
};
