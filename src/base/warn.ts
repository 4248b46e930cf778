// One console warning per distinct problem per page, however many widgets hit it. `key` names
// the problem when the line alone would not (default: the line itself).
const warned = new Set<string>();

export function warnOnce(line: string, key = line): void {
  if (warned.has(key)) return;
  // Bounded: problems come from untrusted feeds, refreshed for hours.
  if (warned.size > 500) warned.clear();
  warned.add(key);
  console.warn(line);
}
