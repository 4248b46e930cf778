#!/usr/bin/env node
// Finds a Chromium for the browser tests, because npm tools cannot download one here.
// Order: CHROME_PATH, Debian's /usr/bin/chromium, Google Chrome. When none is found and we run as
// root on Debian, installs Debian's chromium and a CJK font (so Chinese text has glyphs in tests
// and screenshots); anywhere else it stops with one message that says how to get a browser.
// Prints the path it settled on; other scripts import findBrowser() for the same answer.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';

const candidates = () =>
  [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'].filter(Boolean);

export function findBrowser() {
  return candidates().find((p) => existsSync(p));
}

function installOnDebian() {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !existsSync('/usr/bin/apt-get') || !existsSync('/etc/debian_version')) return false;
  console.error('[ensure-browser] no Chromium found: installing Debian packages chromium and fonts-wqy-microhei…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium', 'fonts-wqy-microhei'], { stdio: 'inherit', env });
  return true;
}

export function ensureBrowser() {
  let path = findBrowser();
  if (!path && installOnDebian()) path = findBrowser();
  if (!path) {
    console.error(
      'No Chromium or Chrome found for the browser tests.\n' +
        'Install one (Debian/Ubuntu: `sudo apt-get install chromium fonts-wqy-microhei`; elsewhere install Google Chrome)\n' +
        'or point CHROME_PATH at its executable, then run `npm test` again.',
    );
    process.exit(1);
  }
  // The CJK font matters only where we installed things ourselves; warn rather than fail elsewhere.
  return path;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(ensureBrowser());
}
