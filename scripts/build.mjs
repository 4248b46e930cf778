#!/usr/bin/env node
// `npm run build`: every artefact the package ships, in dependency order.
//   1. locale modules from locales/*.xlf (lit-localize, runtime mode)
//   2. dist/lib: side-effect-free ES modules + .d.ts for npm users (tsc)
//   3. schema/feed.schema.json from the same schema as the validator
//   4. dist/forum-widgets.js: the single classic script partners embed (vite)
import { rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const run = (cmd, args) => {
  console.log(`[build] ${cmd} ${args.join(' ')}`);
  execFileSync(cmd, args, { stdio: 'inherit' });
};
const bin = (name) => `node_modules/.bin/${name}`;

rmSync('dist', { recursive: true, force: true });
run(bin('lit-localize'), ['build']);
run(bin('tsc'), ['-p', 'tsconfig.build.json']);
run('node', ['scripts/gen-schema.mjs']);
run(bin('vite'), ['build']);
