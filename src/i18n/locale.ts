// The UI locale is page-wide: the script tag's data-locale, else <html lang> (followed live),
// else the browser's language. Supported: en (source), ru, zh-Hans; anything else gets en.
// The strings of every locale come with the code that uses them (no network on a switch), split
// by widget: the shared ones are here, each widget's module is added by its class when the first
// one is constructed (FeedElement's `static uiStrings`), so importing one element carries only its
// own translations. msg() reads the active locale's table at each call, so strings added after a
// switch are found too.
import { isServer } from 'lit';
import { configureLocalization, type TemplateMap } from '@lit/localize';
import { sourceLocale, targetLocales } from './generated/locale-codes.js';
// Named imports, not `import * as`: a bundled namespace object is built with a for...in loop,
// which a host page's enumerable Object.prototype property (old libraries add `extend`) breaks.
import { strings as shared } from './generated/strings/shared.js';
import type { LocaleStrings, TargetLocale } from './strings.js';

import { toUiLocale, type UiLocale } from './ui-locale.js';

export { toUiLocale, UI_LOCALES, type UiLocale } from './ui-locale.js';
export type { LocaleStrings } from './strings.js';

// One table per locale, filled as string modules are added; lit-localize keeps a reference to it.
const modules: Record<TargetLocale, { templates: TemplateMap }> = { ru: { templates: {} }, 'zh-Hans': { templates: {} } };
const added = new WeakSet<LocaleStrings>();

/** Adds a generated string module's translations (once per module; later calls are no-ops). */
export function addStrings(strings: LocaleStrings | undefined): void {
  if (!strings || added.has(strings)) return;
  added.add(strings);
  for (const l of targetLocales) Object.assign(modules[l].templates, strings[l]);
}
addStrings(shared);

let controls: { getLocale(): string; setLocale(l: string): Promise<void> } | undefined;
let explicit: string | undefined;

/** The locale the page asks for, by the rules above. */
export function pageLocale(): UiLocale {
  // On the server (SSR) there is no page to ask: the pinned locale, else English. Not even a
  // guarded read of document/navigator, so importing a define module in Node touches no DOM global.
  if (isServer) return toUiLocale(explicit);
  const doc = globalThis.document;
  return toUiLocale(explicit || doc?.documentElement.lang || globalThis.navigator?.language);
}

/**
 * Starts localization once per copy of the library. `dataLocale` is the script tag's
 * data-locale, which overrides <html lang>. Safe to call again (later calls only update it).
 */
export function startLocalization(dataLocale?: string | null): void {
  if (dataLocale) explicit = dataLocale;
  if (!controls) {
    try {
      controls = configureLocalization({
        sourceLocale,
        targetLocales,
        loadLocale: (l) => Promise.resolve(modules[l as keyof typeof modules]),
      });
    } catch {
      // The host application configured @lit/localize itself; it owns the locale then.
      return;
    }
    const root = isServer ? undefined : globalThis.document?.documentElement;
    if (root && typeof MutationObserver !== 'undefined') {
      // Follow the page when it switches language (single-page portals do) unless data-locale pins it.
      new MutationObserver(() => sync()).observe(root, { attributes: true, attributeFilter: ['lang'] });
    }
  }
  sync();
}

function sync(): void {
  const want = pageLocale();
  if (controls && controls.getLocale() !== want) void controls.setLocale(want);
}

/** The active UI locale (en until localization has started). */
export function uiLocale(): UiLocale {
  return (controls?.getLocale() as UiLocale | undefined) ?? 'en';
}

/** Pins the UI locale (Storybook's toolbar, the configurator, tests); null returns to the page's. */
export function setUiLocale(locale: string | null): Promise<void> {
  explicit = locale ?? undefined;
  startLocalization();
  const want = pageLocale();
  return controls && controls.getLocale() !== want ? controls.setLocale(want) : Promise.resolve();
}
