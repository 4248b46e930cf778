// Loaded before the bundle only on the counting variant of render.html (never while timing):
// counts the calls that the CPU profile points at, so RESULTS.md can say how often per card.
(() => {
  const counts = (window.__counts = { dateTimeFormat: 0, relativeTimeFormat: 0, dateParse: 0, sorts: 0, sortedItems: 0, arrayFinds: 0 });
  const wrapCtor = (name, key) => {
    const C = Intl[name];
    Intl[name] = new Proxy(C, {
      construct: (t, a, nt) => (counts[key]++, Reflect.construct(t, a, nt)),
      apply: (t, self, a) => (counts[key]++, Reflect.apply(t, self, a)),
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
    return find.call(this, f, t);
  };
  window.__resetCounts = () => Object.keys(counts).forEach((k) => (counts[k] = 0));
  // What one construction costs here, for scale.
  window.__dtfCostUs = () => {
    const n = 300;
    const t0 = performance.now();
    for (let i = 0; i < n; i++) new Intl.DateTimeFormat('en', { timeZone: i % 2 ? 'Asia/Vladivostok' : 'Europe/Moscow', hour: '2-digit', minute: '2-digit' });
    return ((performance.now() - t0) / n) * 1000;
  };
})();
