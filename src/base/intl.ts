// One cache for Intl formatters: building one costs far more than using one (tens of µs for a
// zoned DateTimeFormat), a page may hold hundreds of widgets, and the counter formats on every
// animation frame. Keyed by constructor, locale and options; bounded, since zones and locales
// come from feeds and pages.
type Ctor<T> = new (locale: string, options?: any) => T;

const cache = new Map<string, unknown>();
const ids = new Map<Ctor<unknown>, string>();

export function intl<T>(ctor: Ctor<T>, locale: string, options?: object): T {
  let id = ids.get(ctor);
  if (!id) ids.set(ctor, (id = String(ids.size)));
  const key = id + locale + (options ? JSON.stringify(options) : '');
  let f = cache.get(key) as T | undefined;
  if (!f) {
    if (cache.size > 200) cache.clear();
    cache.set(key, (f = new ctor(locale, options)));
  }
  return f;
}
