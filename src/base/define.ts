// Version-aware custom element definition: a second copy of the library on the page (another
// version, or a CMS block included twice) must never throw. The first definition stays and one
// console warning names both versions.
import { VERSION } from '../version.js';

const warned = new Set<string>();

export function define(tag: string, ctor: CustomElementConstructor & { version?: string }): void {
  const registry = globalThis.customElements;
  if (!registry) return;
  const existing = registry.get(tag) as (CustomElementConstructor & { version?: string }) | undefined;
  if (!existing) {
    registry.define(tag, ctor);
    return;
  }
  if (existing === ctor) return;
  const key = `${existing.version}|${VERSION}`;
  if (warned.has(key)) return;
  warned.add(key);
  console.warn(
    `forum-widgets ${VERSION}: <${tag}> is already defined by forum-widgets ${existing.version ?? '(unknown version)'}; keeping that one.`,
  );
}
