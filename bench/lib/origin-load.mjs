// Origin load: what one page view with 4 widgets and refresh costs the feed's origin over 10
// minutes, counted on the feed origin's own server (a second loopback server, so the feed is
// cross-origin as on a partner page). See bench/pages/origin.js for the simulated clock.
const summarize = (log) => {
  const by = (s) => log.filter((r) => r.status === s).length;
  return {
    requests: log.length,
    ok200: by(200),
    notModified304: by(304),
    other: log.length - by(200) - by(304),
    conditional: log.filter((r) => r.conditional).length,
    bytesDown: log.reduce((s, r) => s + r.resBytes, 0),
    bytesUp: log.reduce((s, r) => s + r.reqBytes, 0),
  };
};

export async function measureOriginLoad(browser, pageOrigin, feedServer, { widgets = 4, refresh = 60, minutes = 10 } = {}) {
  const url = `${feedServer.origin}/feeds/rcf-2025.json`;
  const out = { widgets, refresh, minutes, feedUrl: '/feeds/rcf-2025.json (cross-origin, gzip when accepted, ETag + no-cache)' };
  for (const mode of ['loader', 'naive']) {
    const ctx = await browser.newContext(); // fresh HTTP cache: a first page view
    const page = await ctx.newPage();
    await page.goto(`${pageOrigin}/bench/pages/origin.html`);
    await page.waitForFunction(() => window.loaderRun && window.naiveRun);
    feedServer.clearLog();
    const r = await page.evaluate(([fn, u, o]) => window[fn](u, o), [mode === 'loader' ? 'loaderRun' : 'naiveRun', url, { widgets, refresh, minutes }]);
    out[mode] = { ...summarize(feedServer.log), simulatedMs: r.endedAt, ...(mode === 'loader' ? { notificationsPerWidget: r.notifications, states: r.states } : {}) };
    await ctx.close();
  }
  out.naiveExpectedRequests = widgets * (Math.floor((minutes * 60) / refresh) + 1);
  return out;
}

/** Cross-check in real time with the real embed: 4 elements, refresh="5" (the loader's minimum). */
export async function crossCheckRealEmbed(browser, pageOrigin, feedServer, { seconds = 11 } = {}) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  feedServer.clearLog();
  await page.goto(`${pageOrigin}/bench/gen/refresh.html`);
  await page.waitForTimeout(seconds * 1000);
  const states = await page.evaluate(() => [...document.querySelectorAll('[refresh]')].map((e) => e.getAttribute('state')));
  await ctx.close();
  return { seconds, refresh: 5, elements: 4, states, ...summarize(feedServer.log.filter((r) => r.path.includes('/feeds/'))) };
}
