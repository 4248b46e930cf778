// One place for how this project starts headless Chromium, shared by the test runner config,
// the end-to-end suite, the Storybook check and the benchmark.
import { ensureBrowser } from './ensure-browser.mjs';

export const chromePath = () => process.env.CHROME_PATH || ensureBrowser();

// --no-sandbox: tests run as root here. The networking flags stop Chromium calling home on a
// machine whose only network is loopback (it would otherwise retry refused connections).
export const chromeArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-features=Translate,OptimizationHints,MediaRouter',
  // Test files run in parallel pages; a page that is not in front must still get animation
  // frames, intersection callbacks and timers, or count-up and scheduling tests stall.
  '--disable-renderer-backgrounding',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
];
