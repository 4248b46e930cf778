// One cache for Intl formatters: building one costs far more than using one (tens of µs for a
// zoned DateTimeFormat), a page may hold hundreds of widgets, and the counter formats on every
// animation frame. Keyed by constructor, locale, time zone and options; bounded, since zones and
// locales come from feeds and pages. Pass options as a module constant where you can (its key is
// computed once) and the zone separately, rather than a fresh `{ timeZone, ...o }` per call.
type Ctor<T> = new (locale: string, options?: any) => T;

const cache = new Map<string, unknown>();
const ctorIds = new Map<Ctor<unknown>, string>();
const optionKeys = new WeakMap<object, string>();

export function intl<T>(ctor: Ctor<T>, locale: string, options?: object, timeZone?: string): T {
  let id = ctorIds.get(ctor);
  if (!id) ctorIds.set(ctor, (id = String(ctorIds.size)));
  let o = '';
  if (options) {
    o = optionKeys.get(options) ?? JSON.stringify(options);
    optionKeys.set(options, o);
  }
  const key = `${id}|${locale}|${timeZone ?? ''}|${o}`;
  let f = cache.get(key) as T | undefined;
  if (!f) {
    if (cache.size > 200) cache.clear();
    cache.set(key, (f = new ctor(locale, timeZone ? { ...options, timeZone } : options)));
  }
  return f;
}
