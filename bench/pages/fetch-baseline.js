// Render-from-navigation bench (hand-written page): fetch the feed, build every card
// (baseline.js), done when the build returned.
(async () => {
  const res = await fetch('/bench/gen/feed-500.json');
  const feed = await res.json();
  const feedMs = performance.now();
  const stage = document.getElementById('stage');
  const ids = feed.sessions.slice(0, stage.children.length).map((s) => s.id);
  const box = document.createElement('div');
  const hosts = window.baselineCards(feed, ids, box);
  stage.replaceChildren(box);
  window.__done = { ms: performance.now(), cards: hosts.length, feedMs };
})();
