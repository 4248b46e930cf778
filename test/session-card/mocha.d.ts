// The mocha globals these tests use (@web/test-runner provides them; no @types/mocha installed).
// Function declarations merge with other folders' copies.
declare function describe(title: string, fn: () => void): void;
declare function it(title: string, fn: () => void | Promise<unknown>): void;
declare function beforeEach(fn: () => void | Promise<unknown>): void;
declare function afterEach(fn: () => void | Promise<unknown>): void;
