// Loaded before the bundle only on the counting variant of render.html (never while timing):
// counts the calls that the CPU profile points at, so RESULTS.md can say how often per card.
(() => {
  const fresh = () => ({ dateTimeFormat: 0, relativeTimeFormat: 0, dateParse: 0, sorts: 0, sortedItems: 0, arrayFinds: 0, findScanned: 0 });
  const counts = (window.__counts = fresh());
  // Detail: Intl.DateTimeFormat constructions by their arguments, and Array.find's scanned
  // elements by the length of the array scanned (tells the programme's list from a short one).
  const detail = (window.__detail = { dtfArgs: {}, findByLength: {} });
  const wrapCtor = (name, key) => {
    const C = Intl[name];
    const note = (a) => {
      counts[key]++;
      if (key === 'dateTimeFormat') {
        const k = JSON.stringify(a);
        detail.dtfArgs[k] = (detail.dtfArgs[k] ?? 0) + 1;
      }
    };
    Intl[name] = new Proxy(C, {
      construct: (t, a, nt) => (note(a), Reflect.construct(t, a, nt)),
      apply: (t, self, a) => (note(a), Reflect.apply(t, self, a)),
    });
  };
  wrapCtor('DateTimeFormat', 'dateTimeFormat');
  wrapCtor('RelativeTimeFormat', 'relativeTimeFormat');
  const parse = Date.parse;
  Date.parse = (s) => (counts.dateParse++, parse(s));
  const sort = Array.prototype.sort;
  Array.prototype.sort = function (f) {
    counts.sorts++;
    counts.sortedItems += this.length;
    return sort.call(this, f);
  };
  const find = Array.prototype.find;
  Array.prototype.find = function (f, t) {
    counts.arrayFinds++;
    const len = this.length;
    // Elements the predicate looked at: tells a lookup by scanning a long list from a short one.
    return find.call(
      this,
      function (...a) {
        counts.findScanned++;
        detail.findByLength[len] = (detail.findByLength[len] ?? 0) + 1;
        return f.apply(this, a);
      },
      t,
    );
  };
  window.__resetCounts = () => {
    Object.assign(counts, fresh());
    detail.dtfArgs = {};
    detail.findByLength = {};
  };
  window.__snapshot = () => ({ counts: { ...counts }, dtfArgs: { ...detail.dtfArgs }, findByLength: { ...detail.findByLength } });
  // What one construction costs here, for scale: with the given arguments (JSON of the argument
  // list), or a typical formatter with a time zone. Zones alternate so no engine cache hides it.
  window.__dtfCostUs = (argsJson) => {
    const n = 300;
    const args = argsJson ? JSON.parse(argsJson) : undefined;
    const t0 = performance.now();
    for (let i = 0; i < n; i++)
      if (args) new Intl.DateTimeFormat(...args);
      else new Intl.DateTimeFormat('en', { timeZone: i % 2 ? 'Asia/Vladivostok' : 'Europe/Moscow', hour: '2-digit', minute: '2-digit' });
    return ((performance.now() - t0) / n) * 1000;
  };
})();
