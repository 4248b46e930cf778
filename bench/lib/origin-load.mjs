// Origin load: what one page view with 4 widgets and refresh costs the feed's origin over 10
// minutes, counted on the feed origin's own server (a second loopback server, so the feed is
// cross-origin as on a partner page). See bench/pages/origin.js for the simulated clock. The same
// view against a feed that flaps (errors, hangs, resets, a broken file, recoveries) is below.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { median } from './stats.mjs';

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

// ---- a feed that flaps ----

/**
 * What the flapping feed answers, by virtual second from the page view's start: a good feed, its
 * server failing (503), hanging (the request is held, never answered), dropping the connection,
 * publishing a broken file (a 200 with cut-off JSON), and a changed feed after each recovery.
 */
export const FLAP_SCHEDULE = [
  [0, 'ok'],
  [90, 'error'],
  [150, 'hang'],
  [210, 'ok'],
  [300, 'reset'],
  [360, 'invalid'],
  [420, 'ok2'],
  [480, 'hang'],
  [540, 'ok2'],
];
const phaseAt = (sec) => FLAP_SCHEDULE.findLast(([from]) => from <= sec)[1];

/**
 * A loopback feed server on 127.0.0.1 that answers by FLAP_SCHEDULE at the virtual time the page
 * last told it, with ETag/304, `no-cache` and CORS like a static host, and logs every request
 * with the phase it met and how it ended.
 */
async function startFlappingFeed(v1, v2) {
  const bodies = { ok: v1, ok2: v2 };
  const etags = { ok: '"v1"', ok2: '"v2"' };
  const log = [];
  const held = new Set();
  let now = 0;
  const server = createServer((req, res) => {
    const phase = phaseAt(now / 1000);
    const rec = { atS: Math.round(now / 1000), phase, conditional: !!req.headers['if-none-match'], retryParam: req.url.includes('forum-widgets-retry'), answered: undefined };
    log.push(rec);
    const headers = { 'access-control-allow-origin': '*', 'cache-control': 'no-cache', 'content-type': 'application/json; charset=utf-8' };
    if (phase === 'hang') {
      rec.answered = 'held';
      held.add(res);
      res.on('close', () => held.delete(res)); // the loader gave up (aborted)
    } else if (phase === 'reset') {
      rec.answered = 'reset';
      req.socket.destroy();
    } else if (phase === 'error') {
      rec.answered = 503;
      res.writeHead(503, headers).end('Service Unavailable');
    } else if (phase === 'invalid') {
      rec.answered = '200 invalid';
      res.writeHead(200, headers).end(v2.slice(0, v2.length >> 1));
    } else if (req.headers['if-none-match'] === etags[phase]) {
      rec.answered = 304;
      res.writeHead(304, { ...headers, etag: etags[phase] }).end();
    } else {
      rec.answered = 200;
      res.writeHead(200, { ...headers, etag: etags[phase] }).end(bodies[phase]);
    }
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    log,
    setTime: (t) => (now = t),
    held: () => held.size,
    close: () =>
      new Promise((r) => {
        for (const res of held) res.destroy();
        server.close(r);
        server.closeAllConnections();
      }),
  };
}

/**
 * One page view with `widgets` widgets (refresh="60") for `minutes` of virtual time against the
 * flapping feed: the real loader (dist/lib) and Chromium's real fetch and HTTP cache, the clock
 * virtual (bench/pages/origin.js flapRun). Counted on the feed server: every request, the phase
 * it met and its answer; from the widgets' side: when they got each feed, and whether a failure
 * ever took the feed they showed away.
 */
export async function measureFlappingOrigin(browser, pageOrigin, root, { widgets = 4, refresh = 60, minutes = 10, runs = 5 } = {}) {
  const v1 = readFileSync(join(root, 'feeds/rcf-2025.json'), 'utf8');
  const changed = JSON.parse(v1);
  changed.updated = '2030-01-01T00:00:00+10:00';
  const v2 = JSON.stringify(changed, null, 2);
  const versions = { ok: JSON.parse(v1).updated, ok2: changed.updated };
  const list = [];
  // Several page views: the loader's backoff has random jitter (the page's Math.random), so one
  // view is one draw of when the retries fall.
  for (let i = 0; i < runs; i++) list.push(await flapView(browser, pageOrigin, v1, v2, versions, { widgets, refresh, minutes }));
  const requests = list.map((r) => r.requests);
  const recovered = (k) => list.map((r) => r.recoveries[k].widgetsUpdatedAfterS);
  return {
    widgets,
    refresh,
    minutes,
    runs,
    schedule: FLAP_SCHEDULE.map(([s, p]) => `${s}s ${p}`).join(', '),
    requestsMedian: median(requests),
    requestsRange: [Math.min(...requests), Math.max(...requests)],
    busiestMinuteMax: Math.max(...list.map((r) => r.busiestMinute)),
    // Seconds from each recovery until the widgets showed its feed, per view (null: not within the 10 minutes).
    recoveries: FLAP_SCHEDULE.filter(([, p], i) => p.startsWith('ok') && i > 0).map(([from, phase], k) => ({ phase, fromS: from, widgetsUpdatedAfterS: recovered(k) })),
    feedLostAfterFirstLoad: list.some((r) => r.feedLostAfterFirstLoad),
    stuckWaits: list.reduce((n, r) => n + r.stuckWaits, 0),
    views: list,
  };
}

async function flapView(browser, pageOrigin, v1, v2, versions, { widgets, refresh, minutes }) {
  const flap = await startFlappingFeed(v1, v2);
  const ctx = await browser.newContext(); // fresh HTTP cache: a first page view
  try {
    const page = await ctx.newPage();
    await page.exposeFunction('benchTime', (t) => {
      flap.setTime(t);
      return { held: flap.held() };
    });
    await page.goto(`${pageOrigin}/bench/pages/origin.html`);
    await page.waitForFunction(() => window.flapRun);
    const began = Date.now();
    const r = await page.evaluate(([u, o]) => window.flapRun(u, o), [`${flap.origin}/feed.json`, { widgets, refresh, minutes }]);
    const log = flap.log;
    const count = (f) => log.filter(f).length;
    // Busiest minute: the most requests in any 60 s of virtual time.
    const busiest = Math.max(...log.map((x) => count((y) => y.atS >= x.atS && y.atS < x.atS + 60)));
    // When the widgets showed each recovery: the first `ready` notification with that phase's feed.
    const recoveries = FLAP_SCHEDULE.filter(([, p], i) => p.startsWith('ok') && i > 0).map(([from, phase]) => {
      const got = r.timeline.find((n) => n.t >= from * 1000 && n.status === 'ready' && n.version === versions[phase]);
      // Back to the feed already shown notifies no one (nothing changed), so that case counts
      // from the first request answered 200/304 in the phase.
      const same = phase === 'ok' ? log.find((x) => x.atS >= from && (x.answered === 200 || x.answered === 304)) : undefined;
      const after = got ? Math.round(got.t / 1000) - from : same ? same.atS - from : null;
      return { phase, fromS: from, widgetsUpdatedAfterS: after };
    });
    const firstReady = r.timeline.findIndex((n) => n.status === 'ready');
    return {
      wallS: Math.round((Date.now() - began) / 100) / 10,
      requests: log.length,
      byAnswer: Object.fromEntries([200, 304, 503, 'held', 'reset', '200 invalid'].map((a) => [a, count((x) => x.answered === a)])),
      conditional: count((x) => x.conditional),
      withRetryParam: count((x) => x.retryParam),
      busiestMinute: busiest,
      requestLog: log.map((x) => `${x.atS}s ${x.phase}: ${x.answered}`),
      recoveries,
      notificationsPerWidget: r.notifications,
      // Whether any failure ever left the widgets without the feed they had shown.
      feedLostAfterFirstLoad: firstReady >= 0 && r.timeline.slice(firstReady).some((n) => n.feed < 0),
      statesSeen: r.timeline.map((n) => `${Math.round(n.t / 1000)}s ${n.status}`),
      stuckWaits: r.stuck,
    };
  } finally {
    await ctx.close();
    await flap.close();
  }
}

/** The RESULTS.md part on the flapping feed (under "Origin load"). */
export function flappingReport(F, steady) {
  if (!F) return [];
  const v = F.views[0];
  return [
    `### A feed that flaps`,
    '',
    `How (\`measureFlappingOrigin\` here, \`flapRun\` in bench/pages/origin.js): the same page view — the real loader from dist/lib, Chromium's fetch and HTTP cache, ${F.widgets} subscribers with \`refresh: ${F.refresh}\`, ${F.minutes} minutes of virtual time — against a third loopback server that answers by a schedule in virtual seconds: ${F.schedule} (error = 503; hang = the request is held and never answered; reset = the connection is dropped; invalid = a 200 whose JSON is cut off halfway; ok2 = a changed feed, new ETag). Before each timer runs, the page tells the server the virtual time (a Playwright-exposed function), so each request meets the phase of its moment; time moves on once no request is in flight or the one in flight is held by the server (the loader's own 15 s timeout, on the same clock, gives it up)${F.stuckWaits ? `; ${F.stuckWaits} time(s) a request had not reached the server after 5 s of real time and time moved on anyway` : ''}. ${F.runs} page views (the backoff has random jitter); counted on the feed server.`,
    '',
    [
      '| | requests in 10 min | busiest minute | widgets showed the feed back after the 210 s recovery | … the changed feed after 420 s | … after 540 s | feed shown lost on a failure |',
      '|---|---|---|---|---|---|---|',
      `| flapping feed, ${F.runs} views | median ${F.requestsMedian} (${F.requestsRange.join('–')}) | ≤ ${F.busiestMinuteMax} | ${F.recoveries[0].widgetsUpdatedAfterS.map((x) => (x === null ? 'not within 10 min' : `${x} s`)).join(', ')} | ${F.recoveries[1].widgetsUpdatedAfterS.map((x) => (x === null ? 'not within 10 min' : `${x} s`)).join(', ')} | ${F.recoveries[2].widgetsUpdatedAfterS.map((x) => (x === null ? 'not within 10 min' : `${x} s`)).join(', ')} | ${F.feedLostAfterFirstLoad ? '**yes**' : 'never'} |`,
      ...(steady ? [`| steady feed (above) | ${steady.requests} | 1 | — | — | — | — |`] : []),
    ].join('\n'),
    '',
    `First view, request by request (virtual time, phase: answer): ${v.requestLog.join('; ')}. What the widgets were told: ${v.statesSeen.join(', ')}. While the feed fails, the loader backs off from the refresh interval (60 s, doubling with jitter up to 5 minutes) and keeps the last good feed on show, so a failing origin gets fewer requests than a healthy one, and a recovery shows when the next check falls due: up to the backoff delay later.`,
    '',
  ];
}
