// Start-up and layout-shift figures: whole page loads in fresh browser contexts (cold HTTP cache).
import { median, round } from './stats.mjs';

/** Script execution -> four elements ready, on bench/pages/startup.html. */
export async function measureStartup(browser, origin, { loads = 11, cpuThrottle = 1 } = {}) {
  const times = [];
  const detail = [];
  for (let i = 0; i < loads; i++) {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await ctx.newPage();
    if (cpuThrottle > 1) {
      const cdp = await ctx.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuThrottle });
    }
    await page.goto(`${origin}/bench/pages/startup.html`);
    await page.waitForFunction(() => window.__ready || window.__failed, null, { timeout: 20_000 });
    const r = await page.evaluate(() => {
      const res = (p) => performance.getEntriesByType('resource').find((e) => e.name.includes(p));
      const feed = res('/feeds/rcf-2025.json');
      return {
        failed: window.__failed,
        start: window.__start,
        ready: window.__ready,
        feedStart: feed?.startTime,
        feedEnd: feed?.responseEnd,
      };
    });
    await ctx.close();
    if (r.failed) throw new Error(`start-up page: elements ended in states ${r.failed}`);
    times.push(r.ready - r.start);
    detail.push(r);
  }
  return {
    loads,
    cpuThrottle,
    medianMs: round(median(times)),
    minMs: round(Math.min(...times)),
    maxMs: round(Math.max(...times)),
    // Context for the figure: how much of it is the feed request itself.
    medianFeedRequestMs: round(median(detail.map((d) => d.feedEnd - d.feedStart))),
    medianNavToReadyMs: round(median(detail.map((d) => d.ready))),
  };
}

// Collects layout shifts from the first moment of the page (before any script of its own).
const CLS_INIT = () => {
  window.__shifts = [];
  // What happened just before each shift: paints, the tags' definition, each widget's state.
  window.__events = [];
  const ev = (what) => window.__events.push({ at: performance.now(), what });
  new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__events.push({ at: e.startTime, what: e.name }))).observe({ type: 'paint', buffered: true });
  customElements.whenDefined('forum-session-card').then(() => ev('widgets defined'));
  const WIDGETS = new Set(['forum-session-card', 'speaker-quote', 'organizer-strip', 'partner-counter']);
  // Each widget's box height at each stage: just before the first of the tags is defined (a
  // wrapper around customElements.define; scripts run only once the page's stylesheets have
  // loaded, so the partner's CSS applies), and at every state change. Reading it forces layout,
  // which is what the next frame would show anyway.
  window.__heights = [];
  const widgetsNow = () => [...document.querySelectorAll([...WIDGETS].join(','))];
  const height = (e, stage) => {
    const i = widgetsNow().indexOf(e);
    window.__heights.push({ i, tag: e.localName, stage, h: Math.round(e.getBoundingClientRect().height) });
  };
  const define = customElements.define;
  let seen = false;
  customElements.define = function (name, ...rest) {
    if (!seen && WIDGETS.has(name)) {
      seen = true;
      for (const e of widgetsNow()) height(e, 'undefined');
    }
    return define.call(this, name, ...rest);
  };
  new MutationObserver((records) => {
    for (const r of records)
      if (r.target.localName && r.target.getAttribute('state')) {
        ev(`${r.target.localName} ${r.target.getAttribute('state')}`);
        if (WIDGETS.has(r.target.localName)) height(r.target, r.target.getAttribute('state'));
      }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['state'] });
  const inWidget = (n) => {
    for (let x = n; x; x = x.parentNode || x.host) if (WIDGETS.has(x.localName)) return true;
    return false;
  };
  const describe = (n) => {
    if (!n) return '(removed node)';
    const parts = [];
    for (let x = n; x; x = x.parentNode || x.host) {
      if (x.nodeType === 1) parts.unshift(x.localName + (x.getAttribute('class') ? '.' + x.getAttribute('class').split(' ')[0] : ''));
      if (x.nodeType === 11) parts.unshift('#shadow');
      if (x.localName === 'main' || parts.length > 6) break;
    }
    return parts.join(' > ');
  };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.hadRecentInput) continue;
      window.__shifts.push({
        value: e.value,
        at: e.startTime,
        sources: (e.sources || []).map((s) => ({ node: describe(s.node), widget: inWidget(s.node), from: [s.previousRect.y, s.previousRect.height], to: [s.currentRect.y, s.currentRect.height] })),
      });
    }
  }).observe({ type: 'layout-shift', buffered: true });
};

/** CLS of `page` (a path) while the widgets load, with the feed answering after `delayMs`. */
export async function measureLayoutShift(browser, origin, server, { page: path, delayMs = 0, viewport, noWidgets = false }) {
  server.setFeedDelay(delayMs);
  const ctx = await browser.newContext({ viewport, locale: 'ru-RU' });
  const page = await ctx.newPage();
  await page.addInitScript(CLS_INIT);
  const t0 = Date.now();
  await page.goto(origin + path);
  if (!noWidgets)
    await page.waitForFunction(
    () => {
      const els = document.querySelectorAll('forum-session-card, speaker-quote, organizer-strip, partner-counter');
      return els.length && [...els].every((e) => e.getAttribute('state') && e.getAttribute('state') !== 'loading');
    },
    null,
    { timeout: 20_000 },
  );
  // Let count-ups, late fonts and anything scheduled after "ready" happen too.
  await page.waitForTimeout(1200);
  const r = await page.evaluate(() => ({
    events: window.__events.sort((a, b) => a.at - b.at),
    shifts: window.__shifts,
    states: [...document.querySelectorAll('forum-session-card, speaker-quote, organizer-strip, partner-counter')].map((e) => `${e.localName}=${e.getAttribute('state')}`),
    heights: window.__heights,
    inFirstViewportIdx: [...document.querySelectorAll('forum-session-card, speaker-quote, organizer-strip, partner-counter')].flatMap((e, i) => (e.getBoundingClientRect().top < innerHeight ? [i] : [])),
    finalHeights: [...document.querySelectorAll('forum-session-card, speaker-quote, organizer-strip, partner-counter')].map((e) => Math.round(e.getBoundingClientRect().height)),
    // Shifts are only counted inside the viewport: which widgets start there (page not scrolled).
    inFirstViewport: [...document.querySelectorAll('forum-session-card, speaker-quote, organizer-strip, partner-counter')]
      .filter((e) => e.getBoundingClientRect().top < innerHeight)
      .map((e) => e.localName),
  }));
  await ctx.close();
  server.setFeedDelay(0);
  const total = r.shifts.reduce((s, e) => s + e.value, 0);
  // The Core Web Vitals CLS: the largest session window (gaps < 1 s, window <= 5 s).
  let best = 0;
  let cur = 0;
  let first = 0;
  let last = -Infinity;
  for (const e of r.shifts) {
    if (e.at - last < 1000 && e.at - first < 5000) cur += e.value;
    else {
      first = e.at;
      cur = e.value;
    }
    last = e.at;
    best = Math.max(best, cur);
  }
  // A shift whose moved nodes are all outside the widgets is the page's own (e.g. the demo's
  // configurator filling in its form); one that moves a widget's box or its content is counted
  // as the widgets'. (Page text pushed down by a widget growing shows as page nodes moving, so on
  // pages with other moving parts this split is indicative only; bench/pages/article.html has none.)
  const widgetShare = r.shifts.filter((e) => e.sources.some((s) => s.widget)).reduce((s, e) => s + e.value, 0);
  return {
    page: path,
    viewport: `${viewport.width}x${viewport.height}`,
    clsWithWidgetSources: round(widgetShare, 4),
    feedDelayMs: delayMs,
    cls: round(total, 4),
    clsWindow: round(best, 4),
    shifts: r.shifts.length,
    states: r.states,
    inFirstViewport: r.inFirstViewport,
    // Per widget (document order): height before the tags were defined, on entering `loading`,
    // on its last state change, and at the end of the measurement.
    heights: r.finalHeights.map((final, i) => {
      const hs = r.heights.filter((x) => x.i === i);
      const at = (stage) => hs.find((x) => x.stage === stage)?.h;
      const lastState = hs.filter((x) => x.stage !== 'undefined').at(-1);
      return { tag: hs[0]?.tag, inFirstViewport: r.inFirstViewportIdx.includes(i), undefined: at('undefined'), loading: at('loading'), settled: lastState?.h, settledState: lastState?.stage, final };
    }),
    // Per shift, how the page's own moved nodes went: down (or out of the viewport below, the
    // page not being scrolled) or up. Pushed down = something above them grew.
    pageMoves: r.shifts.map((e) => {
      const page = e.sources.filter((s) => !s.widget);
      return { down: page.filter((s) => s.to[1] === 0 || s.to[0] > s.from[0]).length, up: page.filter((s) => s.to[1] > 0 && s.to[0] < s.from[0]).length, widget: e.sources.length - page.length };
    }),
    shiftsAfter: r.shifts.map((e) => {
      const before = r.events.filter((x) => x.at <= e.at);
      const last = before.at(-1);
      const recent = before.filter((x) => x.at >= (last?.at ?? 0) - 50).map((x) => x.what);
      return { atMs: round(e.at), value: round(e.value, 4), after: last ? `${[...new Set(recent)].join(', ')} (at ${round(last.at)} ms)` : '(nothing yet)' };
    }),
    sources: r.shifts
      .flatMap((e) => e.sources.map((s) => ({ ...s, value: round(e.value, 4), atMs: round(e.at) })))
      .slice(0, 12),
    firstPaintMs: round(r.events.find((x) => x.what === 'first-paint')?.at ?? NaN),
    definedMs: round(r.events.find((x) => x.what === 'widgets defined')?.at ?? NaN),
    wallMs: Date.now() - t0,
  };
}
