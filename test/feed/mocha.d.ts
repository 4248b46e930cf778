// The mocha globals the browser tests use (@web/test-runner provides them at run time). No
// @types/mocha is installed and tsconfig has `types: []`; function declarations merge, so another
// folder may declare the same. Replace with @types/mocha if the project adds it.
declare function describe(title: string, fn: () => void): void;
declare function it(title: string, fn: () => void | Promise<unknown>): void;
declare function before(fn: () => void | Promise<unknown>): void;
declare function after(fn: () => void | Promise<unknown>): void;
