// Render-from-navigation bench (widget page): done when every card has dispatched
// forum-feed-load, i.e. rendered the fetched feed's content. Loaded before the embed.
(() => {
  let cards = 0;
  let total;
  document.addEventListener('forum-feed-load', () => {
    // Counted once: a query of the whole page per event would add the harness's own work to the widget's figure.
    total ??= document.querySelectorAll('forum-session-card').length;
    if (++cards < total) return;
    const ms = performance.now();
    const feed = performance.getEntriesByType('resource').find((e) => e.name.includes('/feed-500.json'));
    const titled = [...document.querySelectorAll('forum-session-card')].filter((e) => e.shadowRoot?.querySelector('[part=heading]')?.textContent).length;
    window.__done = { ms, cards: titled, feedMs: feed?.responseEnd };
  });
})();
