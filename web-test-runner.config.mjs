import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner';
import { chromePath, chromeArgs } from './scripts/chrome.mjs';
import { testServerPlugins } from './test/server/plugins.mjs';
import net from 'node:net';

// @web/dev-server turns hostname 127.0.0.1 into `host: undefined`, i.e. every interface. Test
// servers here must listen on loopback only, so listen() calls without a host get 127.0.0.1.
const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (options, ...rest) {
  if (options && typeof options === 'object' && options.path === undefined && options.host === undefined) {
    options = { ...options, host: '127.0.0.1' };
  }
  return listen.call(this, options, ...rest);
};

export default {
  files: ['test/**/*.test.ts', '!test/node/**', '!test/e2e/**'],
  nodeResolve: true,
  // The dev server listens on loopback only.
  hostname: '127.0.0.1',
  concurrency: 2,
  // Generous start-up limits: on a busy 2-core machine the first page (cold esbuild transforms)
  // can take longer than the 30 s default to start, which is not a test failure.
  browserStartTimeout: 120_000,
  testsStartTimeout: 120_000,
  testsFinishTimeout: 600_000,
  testFramework: { config: { timeout: 10000 } },
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }), ...testServerPlugins],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: chromePath(), headless: true, args: chromeArgs },
      // Each test file gets a page in its own browser context (its own window): tabs that share a
      // window are hidden behind the front one, and hidden pages get no animation frames or
      // intersection callbacks, so parallel files would stall each other's count-up tests.
      createPage: async ({ browser }) => (await browser.createBrowserContext()).newPage(),
    }),
  ],
};
