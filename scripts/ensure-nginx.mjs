#!/usr/bin/env node
// Finds nginx for the hosting end-to-end test (test/e2e/nginx.test.mjs), which runs the
// configuration docs/hosting.md recommends in the real server rather than in a stand-in.
// Order: NGINX_PATH (only it, when set), /usr/sbin/nginx, /usr/local/sbin/nginx, /usr/local/nginx/sbin/nginx, PATH.
// When none is found and we run as root on Debian, installs Debian's `nginx` package (apt only:
// the machines this runs on have no other network); anywhere else it stops with one message that
// says how to get it. Prints the path it settled on; the test imports ensureNginx() for the same answer.
import { accessSync, constants, existsSync, statSync, writeFileSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const candidates = () => [
  '/usr/sbin/nginx',
  '/usr/local/sbin/nginx',
  '/usr/local/nginx/sbin/nginx',
  ...(process.env.PATH ?? '').split(delimiter).filter(Boolean).map((d) => join(d, 'nginx')),
].filter(Boolean);

const runnable = (p) => {
  try {
    accessSync(p, constants.X_OK);
    return statSync(p).isFile();
  } catch {
    return false;
  }
};

export function findNginx() {
  // A path given on purpose that does not work is an error, not a reason to use another nginx.
  const given = process.env.NGINX_PATH;
  if (given) {
    if (!runnable(given)) throw new Error(`NGINX_PATH=${given} is not an executable file.`);
    return given;
  }
  return candidates().find(runnable);
}

// Debian starts a service when its package is installed. Here that would be an nginx on port 80
// of every interface, left running after the tests: a policy-rc.d that answers 101 ("action
// forbidden") stops that, as Docker images do. Ours is removed again; one already there is kept.
const POLICY = '/usr/sbin/policy-rc.d';

function installOnDebian() {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !existsSync('/usr/bin/apt-get') || !existsSync('/etc/debian_version')) return false;
  console.error('[ensure-nginx] no nginx found: installing Debian package nginx (its service is not started)…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const ownPolicy = !existsSync(POLICY);
  if (ownPolicy) writeFileSync(POLICY, '#!/bin/sh\n# written by forum-widgets scripts/ensure-nginx.mjs while it installs nginx\nexit 101\n', { mode: 0o755 });
  // Ctrl-C or a CI timeout while apt runs: with a listener Node does not die at once, apt-get
  // (same process group) stops, execFileSync throws, and `finally` removes our policy-rc.d, which
  // left behind would silently stop every service start on the machine.
  let signal;
  const note = (s) => (signal = s);
  for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(s, note);
  try {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'nginx'], { stdio: 'inherit', env });
  } finally {
    if (ownPolicy) rmSync(POLICY, { force: true });
    for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.off(s, note);
    if (signal) process.kill(process.pid, signal);
  }
  return true;
}

export function ensureNginx() {
  let path = findNginx();
  if (!path && installOnDebian()) path = findNginx();
  if (!path) {
    throw new Error(
      'No nginx found for the hosting test (test/e2e/nginx.test.mjs).\n' +
        'Install it (Debian/Ubuntu: `sudo apt-get install nginx`; elsewhere your system\'s nginx package)\n' +
        'or point NGINX_PATH at its executable, then run `npm test` again.',
    );
  }
  return path;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    console.log(ensureNginx());
  } catch (e) {
    console.error(e.message);
    process.exit(1);
  }
}
