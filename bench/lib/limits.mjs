// `limits`: what a feed at the contract's limits costs a partner page (issue 10, docs/feed-format.md
// "Limits"): a valid feed of just under 5 MB (a 3,800-session programme with people, quotes,
// organisations and figures) and a 100,000-item feed (the sample feed plus 100,000 organisations),
// against the 18 KB sample feed. Each load is a fresh browser context on a page with the five
// widgets and the real embed, the feed cross-origin from a second loopback server (gzip, ETag),
// as a partner page gets it. Figures are medians over the loads, from the page's own clock (see
// bench/pages/limits.js). `BENCH_ONLY=limits npm run bench` runs this section alone.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { startServer } from './server.mjs';
import { bigFeed } from './big-feed.mjs';
import { median, round } from './stats.mjs';

const MAX = 5 * 1024 * 1024; // MAX_FEED_BYTES (src/feed/loader.ts)
const CONTEXT = { timezoneId: 'Europe/Moscow', locale: 'en-US', viewport: { width: 1280, height: 800 } };

/** The largest synthetic programme whose feed stays under 5 MB, with every list filled. */
export function fiveMegabytes() {
  const make = (n) => {
    const f = bigFeed(n, 1000);
    f.quotes = Array.from({ length: 40 }, (_, i) => ({
      id: `q-${i}`,
      person: f.people[i].id,
      session: f.sessions[i].id,
      text: { ru: `Цитата ${i}: сотрудничество регионов даёт результат.`, en: `Quote ${i}: regional cooperation pays off.` },
      date: '2030-05-19',
    }));
    const roles = ['organizer', 'support', 'operator', 'partner', 'media-partner'];
    f.organizers = Array.from({ length: 60 }, (_, i) => ({ id: `o-${i}`, name: { ru: `Организация ${i}`, en: `Organisation ${i}` }, role: roles[i % 5], url: `https://org${i}.example/` }));
    f.counters = Array.from({ length: 12 }, (_, i) => ({ id: `c-${i}`, value: 1000 * (i + 1), label: { ru: `показатель ${i}`, en: `figure ${i}` } }));
    return JSON.stringify(f);
  };
  let n = 3800;
  let text = make(n);
  while (Buffer.byteLength(text) > MAX - 50_000) text = make((n -= 100));
  return { text, sessions: n, people: 1000, card: 's-000', quote: 'q-0', day: '2030-05-19' };
}

export function hundredThousand(root) {
  const f = JSON.parse(readFileSync(join(root, 'feeds/rcf-2025.json'), 'utf8'));
  for (let i = 0; i < 100_000; i++) f.organizers.push({ id: `o${i}`, name: `O${i}`, role: 'partner' });
  return { text: JSON.stringify(f), organizers: f.organizers.length, card: f.sessions[0].id, quote: f.quotes[0].id, day: f.forum.startDate };
}

function sample(root) {
  const text = readFileSync(join(root, 'feeds/rcf-2025.json'), 'utf8');
  const f = JSON.parse(text);
  return { text, card: f.sessions[0].id, quote: f.quotes[0].id, day: f.forum.startDate };
}

export const page = (feedUrl, { card, quote, day }) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench: limits</title>` +
  `<script src="/bench/pages/longtasks.js"></script>` +
  `<script src="/dist/forum-widgets.js" data-feed="${feedUrl}" defer></script>` +
  `<script src="/bench/pages/limits.js" defer></script></head><body>` +
  `<forum-session-card session="${card}"></forum-session-card><speaker-quote quote="${quote}"></speaker-quote>` +
  `<organizer-strip></organizer-strip><partner-counter></partner-counter><forum-programme mode="day" day="${day}"></forum-programme>` +
  `</body></html>`;

export async function measureLimits(browser, root, { runs = 5 } = {}) {
  const { validateFeed } = await import(pathToFileURL(join(root, 'dist/lib/feed/validate.js')).href);
  const feeds = { sample: sample(root), fiveMB: fiveMegabytes(), items100k: hundredThousand(root) };
  const feedFiles = new Map(Object.entries(feeds).map(([k, f]) => [`/bench/gen/limits-${k}.json`, f.text]));
  const feedServer = await startServer({ root, generated: feedFiles });
  const pages = new Map(Object.entries(feeds).map(([k, f]) => [`/bench/gen/limits-${k}.html`, page(`${feedServer.origin}/bench/gen/limits-${k}.json`, f)]));
  const pageServer = await startServer({ root, generated: pages });
  const out = { runs, context: CONTEXT, feeds: {} };
  try {
    for (const [k, f] of Object.entries(feeds)) {
      // The figures are for valid feeds: a rejected one would measure the error path.
      const v = validateFeed(JSON.parse(f.text));
      if (!v.ok) throw new Error(`limits bench: the ${k} feed is not valid: ${v.errors.slice(0, 3).join('; ')}`);
      const loads = [];
      const errors = [];
      for (let i = 0; i < runs; i++) {
        const ctx = await browser.newContext(CONTEXT); // fresh HTTP cache: a first page view
        const p = await ctx.newPage();
        p.on('pageerror', (e) => errors.push(String(e)));
        await p.goto(`${pageServer.origin}/bench/gen/limits-${k}.html`);
        const r = await p.evaluate(() => window.__limits);
        await ctx.close();
        if (r.states.includes('error') || r.states.includes('loading')) throw new Error(`limits bench: ${k}: widget states ${r.states}`);
        loads.push(r);
      }
      const after = (r) => r.longtasks.filter((t) => t.start + t.duration > r.feedEndMs);
      const fig = (fn) => round(median(loads.map(fn)));
      const { text, ...meta } = f;
      out.feeds[k] = {
        ...meta,
        bytes: Buffer.byteLength(text),
        gzipBytes: gzipSync(text).length, // what the feed server sends (it gzips as below)
        readyMs: fig((r) => r.readyMs),
        readyAfterFeedMs: fig((r) => r.readyMs - r.feedEndMs),
        completeMs: fig((r) => r.completeMs),
        feedEndMs: fig((r) => r.feedEndMs),
        longestTaskMs: fig((r) => Math.max(0, ...r.longtasks.map((t) => t.duration))),
        worstLongestTaskMs: round(Math.max(...loads.map((r) => Math.max(0, ...r.longtasks.map((t) => t.duration))))),
        longTasksAfterFeed: fig((r) => after(r).length),
        blockingAfterFeedMs: fig((r) => after(r).reduce((s, t) => s + t.duration - 50, 0)),
        nodes: loads[0].nodes,
        states: loads[0].states,
        readyRunsMs: loads.map((r) => round(r.readyMs)),
        pageErrors: errors,
      };
    }
  } finally {
    await pageServer.close();
    await feedServer.close();
  }
  return out;
}

const ms = (x) => `${Number(x).toLocaleString('en-US')} ms`;
const LABEL = { sample: 'sample feed (feeds/rcf-2025.json)', fiveMB: '5 MB valid feed', items100k: '100,000-item feed' };
/** The long-task limit the bench already holds the programme to (bench/lib/programme.mjs). */
export const LONG_TASK_LIMIT_MS = 200;

/** The RESULTS.md section. */
export function limitsReport(L) {
  if (!L) return [];
  const F = L.feeds;
  const rows = Object.entries(F).map(([k, f]) => [
    LABEL[k],
    `${(f.bytes / 1048576).toFixed(2)} MB (${Math.round(f.gzipBytes / 1024)} KB gzip)`,
    ms(f.feedEndMs),
    ms(f.readyMs),
    ms(f.readyAfterFeedMs),
    ms(f.completeMs),
    `**${ms(f.longestTaskMs)}** (worst ${ms(f.worstLongestTaskMs)})`,
    `${f.longTasksAfterFeed} / ${ms(f.blockingAfterFeedMs)}`,
    f.nodes.toLocaleString('en-US'),
  ]);
  return [
    '## Limits: a 5 MB feed and a 100,000-item feed arrive',
    '',
    `How (bench/lib/limits.mjs, bench/pages/limits.js): a page with the real embed (\`dist/forum-widgets.js\`, \`data-feed\` on its script tag) and the five widgets — a session card, a quote, the organiser strip, the figures and \`<forum-programme mode="day">\` — loaded ${L.runs} times per feed, each in a fresh browser context (empty HTTP cache, ${L.context.viewport.width}×${L.context.viewport.height}), the feed cross-origin from a second loopback server (gzip, ETag, CORS). Times are the page's own \`performance.now()\` from navigation start, medians over the loads: *feed received* = the feed's Resource Timing \`responseEnd\`; *ready* = every widget has left \`loading\` (polled every animation frame); *complete* = the programme's day is all in the DOM (it renders long days in steps, \`aria-busy\` until done); long tasks are the PerformanceObserver's (> 50 ms) from the start of the page, *after feed* = those ending after \`responseEnd\` (count / their time beyond 50 ms each, i.e. blocking time); nodes = elements in the widgets' shadow roots when complete. The ${LABEL.fiveMB} is a synthetic ${F.fiveMB.sessions.toLocaleString('en-US')}-session programme (ru/en/zh-Hans texts, ${F.fiveMB.people} people) with 40 quotes, 60 organisations and 12 figures, as large as stays under the 5 MB cap; the ${LABEL.items100k} is the sample feed plus 100,000 organisations (\`{"id":"o1","name":"O1","role":"partner"}\`), the case issue 10 reported blocking for 2 s. Both are checked valid with the strict validator before the run.`,
    '',
    [
      '| feed | size | feed received | ready | ready after feed | programme complete | longest task | long tasks after feed / blocking | nodes |',
      '|---|---|---|---|---|---|---|---|---|',
      ...rows.map((r) => `| ${r.join(' | ')} |`),
    ].join('\n'),
    '',
    `Ready times per load: ${Object.entries(F).map(([k, f]) => `${LABEL[k]} ${f.readyRunsMs.join(', ')} ms`).join('; ')}. Widget states: ${Object.entries(F).map(([k, f]) => `${k} ${f.states.join('/')}`).join('; ')}.${Object.values(F).some((f) => f.pageErrors.length) ? ` Page errors: ${Object.values(F).flatMap((f) => f.pageErrors).slice(0, 3).join('; ')}.` : ' No page errors.'}`,
    '',
  ];
}

/** The summary line printed at the end of a run. */
export function limitsSummary(L) {
  const f = L.feeds;
  return `limits     5 MB feed: ready ${ms(f.fiveMB.readyAfterFeedMs)} after it arrived, longest task ${ms(f.fiveMB.longestTaskMs)}; 100,000 items: ${ms(f.items100k.readyAfterFeedMs)}, longest task ${ms(f.items100k.longestTaskMs)} (sample feed: ${ms(f.sample.readyAfterFeedMs)}, ${ms(f.sample.longestTaskMs)})`;
}

/** Rows for the summary table of RESULTS.md. */
export function limitsRows(L) {
  const f = L.feeds;
  const row = (k, what) => [
    `Longest task / time to ready when the ${what} arrives (five widgets)`,
    `${ms(f[k].longestTaskMs)} (worst of ${L.runs} ${ms(f[k].worstLongestTaskMs)}) / ready ${ms(f[k].readyAfterFeedMs)} after the feed was received`,
    `≤ ${LONG_TASK_LIMIT_MS} ms longest task (the programme's limit)`,
    f[k].longestTaskMs <= LONG_TASK_LIMIT_MS ? 'PASS' : '**MISS**',
  ];
  return [row('fiveMB', `5 MB feed (${(f.fiveMB.bytes / 1048576).toFixed(2)} MB)`), row('items100k', '100,000-item feed')];
}
