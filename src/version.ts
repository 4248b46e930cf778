// Written by scripts/build.mjs from package.json; test/base/base.test.ts checks they agree.
export const VERSION = '0.1.0';
