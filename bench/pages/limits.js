// In-page harness for the `limits` figures (bench/lib/limits.mjs): the page holds the five widgets
// and the real embed (dist/forum-widgets.js, feed named by its data-feed), and this script reports,
// from the page's own clock (performance.now(), 0 = navigation start):
//   readyMs      every widget left `loading` (ready, or missing for an id the feed lacks);
//   completeMs   the programme's long day is all in the DOM (it renders in steps, aria-busy);
//   feedEndMs    the feed's response ended (Resource Timing), so the time after it is the feed's;
//   longtasks    every long task (> 50 ms, PerformanceObserver, from longtasks.js at the top);
//   nodes        elements in the widgets' shadow roots once complete.
(() => {
  const TAGS = ['forum-session-card', 'speaker-quote', 'organizer-strip', 'partner-counter', 'forum-programme'];
  const until = (ok) =>
    new Promise((done) => {
      const poll = () => (ok() ? done() : requestAnimationFrame(poll));
      poll();
    });
  const els = () => TAGS.map((t) => document.querySelector(t));
  const deep = (root) => [...root.querySelectorAll('*')].reduce((n, e) => n + 1 + (e.shadowRoot ? deep(e.shadowRoot) : 0), 0);
  window.__limits = (async () => {
    await Promise.all(TAGS.map((t) => customElements.whenDefined(t)));
    await until(() => els().every((e) => e.getAttribute('state') !== 'loading'));
    const readyMs = performance.now();
    const prog = document.querySelector('forum-programme');
    await until(() => !prog.shadowRoot?.querySelector('[aria-busy]'));
    const completeMs = performance.now();
    // Two frames and a pause: the last steps' layout and any long task still being reported.
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 300))));
    const feed = performance.getEntriesByType('resource').find((r) => r.name === document.querySelector('script[data-feed]').dataset.feed);
    return {
      readyMs,
      completeMs,
      feedEndMs: feed?.responseEnd,
      longtasks: window.__longtasks,
      states: els().map((e) => e.getAttribute('state')),
      nodes: els().reduce((n, e) => n + deep(e.shadowRoot), 0),
    };
  })();
})();
