// A function of a string, remembered: for the Intl questions the validator and pickText ask of the
// same few tags and zones over and over (asking Intl is their slowest step). Bounded, as the keys
// come from feeds: refreshes of odd feeds cannot grow it forever.
export function memo<T>(fn: (key: string) => T): (key: string) => T {
  const known = new Map<string, T>();
  return (key) => {
    if (!known.has(key)) {
      if (known.size > 200) known.clear();
      known.set(key, fn(key));
    }
    return known.get(key)!;
  };
}
