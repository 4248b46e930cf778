// msg() and str`` straight from their @lit/localize modules. Its index module also loads its
// network runtime and id hasher, which run code at load (a promise, a 256-entry table) that a
// bundler must keep although nothing here uses them; the embed's core takes msg and str from
// here (scripts/build-embed.mjs), and the base imports them from here.
export { msg } from '@lit/localize/init/install.js';
export { str } from '@lit/localize/internal/str-tag.js';
