// Runs immediately before dist/forum-widgets.js: records when the bundle starts executing, then
// records when all four elements report state="ready" and have finished that update.
(() => {
  const TAGS = 'forum-session-card, speaker-quote, partner-counter, organizer-strip';
  window.__start = performance.now();
  const done = () => {
    const els = [...document.querySelectorAll(TAGS)];
    const states = els.map((e) => e.getAttribute('state'));
    if (states.some((s) => s === 'error' || s === 'missing')) {
      window.__failed = states.join(' ');
      return true;
    }
    if (els.length !== 4 || !states.every((s) => s === 'ready')) return false;
    Promise.all(els.map((e) => e.updateComplete)).then(() => {
      window.__ready = performance.now();
    });
    return true;
  };
  const mo = new MutationObserver(() => done() && mo.disconnect());
  mo.observe(document.body, { subtree: true, attributes: true, attributeFilter: ['state'] });
})();
