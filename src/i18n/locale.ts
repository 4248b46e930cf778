// The UI locale is page-wide: the script tag's data-locale, else <html lang> (followed live),
// else the browser's language. Supported: en (source), ru, zh-Hans; anything else gets en.
// The strings of every locale come with the code that uses them (no network on a switch), split
// by widget: the shared ones are here, each widget's module is added by its class when the first
// one is constructed (FeedElement's `static uiStrings`), so importing one element carries only its
// own translations. msg() reads the active locale's table at each call, so strings added after a
// switch are found too.
import { isServer, type ReactiveControllerHost } from 'lit';
import type { MsgOptions, StrResult, TemplateLike, TemplateMap } from '@lit/localize';
// @lit/localize's own hook for msg() (what its configureLocalization calls). The rest of its
// runtime is not used: it loads locale modules over the network with a promise queue, status
// events and translated html`` messages; here every table is in memory, strings are plain
// or str``, and the switch below is a few lines. Its events are kept (same name and detail), so
// its LocalizeController and an application listening to them still follow the locale.
import { _installMsgImplementation } from '@lit/localize/init/install.js';
import { msgId } from './msg-id.js';
import { targetLocales } from './generated/locale-codes.js';
// Named imports, not `import * as`: a bundled namespace object is built with a for...in loop,
// which a host page's enumerable Object.prototype property (old libraries add `extend`) breaks.
import { strings as shared } from './generated/strings/shared.js';
import type { LocaleStrings, TargetLocale } from './strings.js';

import { toUiLocale, type UiLocale } from './ui-locale.js';

export { toUiLocale, UI_LOCALES, type UiLocale } from './ui-locale.js';
export type { LocaleStrings } from './strings.js';

// One table per locale, filled as string modules are added; English (the source) has none.
const tables: Record<UiLocale, TemplateMap | undefined> = { en: undefined, ru: {}, 'zh-Hans': {} };
const added = new WeakSet<LocaleStrings>();

/** Adds a generated string module's translations (once per module; later calls are no-ops). */
export function addStrings(strings: LocaleStrings | undefined): void {
  if (!strings || added.has(strings)) return;
  added.add(strings);
  for (const l of targetLocales) Object.assign(tables[l as TargetLocale]!, strings[l]);
}
addStrings(shared);

let installed = false;
let explicit: string | undefined;
/** The locale msg() translates to, and the one being switched to. */
let active: UiLocale = 'en';
let wanted: UiLocale = 'en';
let settled = Promise.resolve();

// str`` parts joined with its values; `order` is a translation's order of the source's values.
const join = (parts: readonly string[], values: readonly unknown[], order?: readonly number[]) =>
  parts.reduce((out, part, i) => out + values[order ? order[i - 1] : i - 1] + part);

/** msg(): the active locale's translation by id, else the source text. */
function translate(t: TemplateLike, o?: MsgOptions): string {
  const plain = typeof t === 'string';
  const tr = tables[active]?.[o?.id ?? msgId(plain ? t : t.strings, !plain && !('strTag' in t))];
  if (typeof tr === 'string') return tr;
  if (plain) return t;
  const src = t as StrResult;
  return tr ? join((tr as StrResult).strings, src.values, (tr as StrResult).values as number[]) : join(src.strings, src.values);
}

// @lit/localize's status event: 'loading' then, a microtask later, 'ready' (elements update then).
const STATUS = 'lit-localize-status';
const status = (detail: object) => window.dispatchEvent(new CustomEvent(STATUS, { detail }));

/** Updates `host` whenever a locale is ready, ours or the application's (what @lit/localize's updateWhenLocaleChanges does). */
export function updateOnLocale(host: ReactiveControllerHost): void {
  const onStatus = (e: Event) => (e as CustomEvent).detail.status === 'ready' && host.requestUpdate();
  host.addController({
    hostConnected: () => window.addEventListener(STATUS, onStatus),
    hostDisconnected: () => window.removeEventListener(STATUS, onStatus),
  });
}

function switchTo(l: UiLocale): Promise<void> {
  if (l !== wanted) {
    wanted = l;
    status({ status: 'loading', loadingLocale: l });
    settled = Promise.resolve().then(() => {
      // Another switch since wins.
      if (wanted !== l) return;
      active = l;
      status({ status: 'ready', readyLocale: l });
    });
  }
  return settled;
}

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
  if (!installed) {
    try {
      _installMsgImplementation(translate as typeof import('@lit/localize').msg);
    } catch {
      // The host application configured @lit/localize itself; it owns the locale then.
      return;
    }
    installed = true;
    const root = isServer ? undefined : globalThis.document?.documentElement;
    if (root && typeof MutationObserver !== 'undefined') {
      // Follow the page when it switches language (single-page portals do) unless data-locale pins it.
      new MutationObserver(() => void switchTo(pageLocale())).observe(root, { attributes: true, attributeFilter: ['lang'] });
    }
  }
  void switchTo(pageLocale());
}

/** The active UI locale (en until localization has started, or when the application runs @lit/localize). */
export function uiLocale(): UiLocale {
  return active;
}

/** Pins the UI locale (Storybook's toolbar, the configurator, tests); null returns to the page's. */
export function setUiLocale(locale: string | null): Promise<void> {
  explicit = locale ?? undefined;
  startLocalization();
  return settled;
}
