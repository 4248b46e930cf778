// Version-aware custom element definition: a second copy of the library on the page (another
// version, or a CMS block included twice) must never throw. The first definition stays and one
// console warning names both versions.
import { VERSION } from '../version.js';
import { warnOnce } from './warn.js';

export function define(tag: string, ctor: CustomElementConstructor & { version?: string }): void {
  const registry = globalThis.customElements;
  if (!registry) return;
  const existing = registry.get(tag) as (CustomElementConstructor & { version?: string }) | undefined;
  if (!existing) {
    registry.define(tag, ctor);
    return;
  }
  if (existing === ctor) return;
  // Once per pair of versions, not per tag: one copy too many is one problem.
  warnOnce(
    `forum-widgets ${VERSION}: <${tag}> is already defined by forum-widgets ${existing.version ?? '(unknown version)'}; keeping that one.`,
    `define|${existing.version}|${VERSION}`,
  );
}
