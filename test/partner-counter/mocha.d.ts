// Mocha hooks this folder uses (provided by @web/test-runner at run time; no @types/mocha is
// installed). Function declarations merge with other folders' declarations of the same names.
declare function beforeEach(fn: () => void | Promise<unknown>): void;
declare function afterEach(fn: () => void | Promise<unknown>): void;
