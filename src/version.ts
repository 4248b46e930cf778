// Written by scripts/build.mjs from package.json; test/version.test.ts checks they agree.
export const VERSION = '0.1.0';
