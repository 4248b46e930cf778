// In-page harness for the render and memory figures. Each run starts with the feed in hand (a
// freshly parsed object, so the widget's one validation per feed object is counted) and ends
// when every card has rendered: for the widget, all 500 `updateComplete` promises resolved;
// for the baseline, its synchronous build returned. `layout()`, called separately after a run,
// forces style+layout (the browser may already have done it between the calls) and reports the
// time from the run's start until the cards are laid out, and the run's longest task.
(() => {
  const stage = document.getElementById('stage');
  let last;
  const idle = () => new Promise((r) => setTimeout(r, 60));
  const longest = async (t0, t1) => {
    await idle(); // PerformanceObserver delivers asynchronously
    let max = 0;
    for (const t of window.__longtasks) if (t.start + t.duration >= t0 && t.start <= t1) max = Math.max(max, t.duration);
    return max;
  };

  window.bench = {
    clear() {
      stage.replaceChildren();
      last = undefined; // nothing of a finished run may stay reachable (memory figure)
    },
    /** Puts a freshly parsed feed in hand for the next run (parsing is not part of either run). */
    prepare(text) {
      window.__next = JSON.parse(text);
    },
    async widgets(n) {
      const feed = window.__next;
      const ids = feed.sessions.slice(0, n).map((s) => s.id);
      const t0 = performance.now();
      const box = document.createElement('div');
      const els = [];
      for (const id of ids) {
        const e = document.createElement('forum-session-card');
        e.session = id;
        e.feed = feed;
        box.append(e);
        els.push(e);
      }
      const tc = performance.now();
      stage.append(box);
      const ta = performance.now();
      await Promise.all(els.map((e) => e.updateComplete));
      const t1 = performance.now();
      const ready = els.filter((e) => e.getAttribute('state') === 'ready').length;
      // Phases: construct + set properties, connect (connectedCallback), first updates (render + commit).
      const phases = { create: tc - t0, connect: ta - tc, update: t1 - ta };
      last = { t0, box };
      return { ms: t1 - t0, ready, phases };
    },
    async baseline(n) {
      const feed = window.__next;
      const ids = feed.sessions.slice(0, n).map((s) => s.id);
      const t0 = performance.now();
      const box = document.createElement('div');
      const hosts = window.baselineCards(feed, ids, box);
      stage.append(box);
      const t1 = performance.now();
      last = { t0, box };
      return { ms: t1 - t0, ready: hosts.length };
    },
    /** After a run, as a separate call: one forced style + layout, then the run's longest task. */
    async layout() {
      void last.box.offsetHeight;
      const t2 = performance.now();
      return { sinceStartMs: t2 - last.t0, longTask: await longest(last.t0, t2) };
    },
    /** Element tags, part/class attributes and text of the first card's shadow root, whitespace-normalized. */
    signature(which) {
      const host = stage.querySelector(which === 'widget' ? 'forum-session-card' : 'div > div');
      const tags = [];
      const walk = (n) => {
        for (const c of n.children) {
          if (c.localName === 'style') continue;
          tags.push(`${c.localName}${c.getAttribute('part') ? `[part=${c.getAttribute('part')}]` : ''}${c.getAttribute('class') ? `.${c.getAttribute('class').trim().split(/\s+/).join('.')}` : ''}`);
          walk(c);
        }
      };
      walk(host.shadowRoot);
      // Node kinds in the card's shadow tree (the memory section compares them).
      const nodes = { elements: 0, text: 0, whitespaceText: 0, comments: 0 };
      const tw = document.createTreeWalker(host.shadowRoot, NodeFilter.SHOW_ALL);
      for (let x = tw.nextNode(); x; x = tw.nextNode()) {
        if (x.nodeType === 1) nodes.elements++;
        else if (x.nodeType === 8) nodes.comments++;
        else if (x.nodeType === 3) nodes[x.data.trim() ? 'text' : 'whitespaceText']++;
      }
      return { tags: tags.join(' '), text: host.shadowRoot.textContent.replace(/\s+/g, ' ').trim(), nodes };
    },
  };
})();
