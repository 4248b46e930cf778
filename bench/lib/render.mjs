// Render cost, longest task, CPU profile (the cause) and memory per card, in one Chromium page
// holding both the widget (dist/forum-widgets.js) and the hand-written baseline (baseline.js).
import { median, round } from './stats.mjs';
import { areaOf } from './bytes.mjs';

const CONTEXT = { timezoneId: 'Europe/Moscow', locale: 'en-US', viewport: { width: 1280, height: 800 } };

async function openPage(browser, url, feedUrl) {
  const ctx = await browser.newContext(CONTEXT);
  const page = await ctx.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const cdp = await ctx.newCDPSession(page);
  await page.goto(url);
  await page.waitForFunction(() => window.bench && customElements.get('forum-session-card'));
  await page.evaluate(async (u) => {
    window.__feedText = await (await fetch(u)).text();
  }, feedUrl);
  const gc = () => cdp.send('HeapProfiler.collectGarbage');
  const metric = async (name) => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === name).value;
  const thread = () => metric('ThreadTime');
  await cdp.send('Performance.enable');
  // Wall time is taken in the page; the renderer main thread's CPU time (CDP ThreadTime) around
  // the same call is kept too, as it is far less disturbed by other processes on a busy machine.
  const prepare = () => page.evaluate(() => window.bench.prepare(window.__feedText));
  const run = async (kind, n, fresh = true) => {
    if (fresh) await prepare();
    const p0 = await metric('ProcessTime');
    const c0 = await thread();
    const r = await page.evaluate(([k, n]) => window.bench[k](n), [kind, n]);
    r.cpuMs = ((await thread()) - c0) * 1000;
    // All of the renderer's threads (GC helpers, compilers…), to see what wall time waits on.
    r.processCpuMs = ((await metric('ProcessTime')) - p0) * 1000;
    const l = await page.evaluate(() => window.bench.layout());
    // CPU until laid out: up to the end of the layout call (a frame may be drawn between the calls).
    r.cpuWithLayoutMs = ((await thread()) - c0) * 1000;
    return { ...r, layoutMs: l.sinceStartMs, longTask: l.longTask };
  };
  const clear = () => page.evaluate(() => window.bench.clear());
  return { ctx, page, cdp, gc, run, prepare, clear, errors };
}

export async function measureRender(browser, origin, { n = 500, warmup = 2, runs = 7, minRuns = 3, budgetMs = 45_000, feedPath }) {
  const p = await openPage(browser, `${origin}/bench/pages/render.html`, feedPath);
  const res = { widget: [], baseline: [] };
  let parity;
  const began = Date.now();
  // Up to `runs` measured pairs after `warmup` ones; on a machine so slow that this would blow the
  // bench's time budget, one warm-up and at least `minRuns` measured pairs. Counts are reported.
  for (let i = 0; i < warmup + runs && !(i >= warmup + minRuns && Date.now() - began > budgetMs); i++) {
    if (i === 1 && Date.now() - began > budgetMs / 6) warmup = 1;
    // Alternate which goes first, so neither always meets a warmer (or more fragmented) heap.
    const order = i % 2 ? ['baseline', 'widgets'] : ['widgets', 'baseline'];
    for (const kind of order) {
      await p.clear();
      await p.gc();
      const r = await p.run(kind, n);
      if (r.ready !== n) throw new Error(`${kind}: only ${r.ready} of ${n} cards rendered`);
      if (i >= warmup) res[kind === 'widgets' ? 'widget' : kind].push(r);
      if (i === 0 && kind === 'widgets') parity = { widget: await p.page.evaluate(() => window.bench.signature('widget')) };
      if (i === 0 && kind === 'baseline') parity.baseline = await p.page.evaluate(() => window.bench.signature('baseline'));
    }
  }
  await p.clear();
  const memory = await measureMemory(p, n);
  await p.ctx.close();
  const same = (a, b) => a.replace(/\s+/g, '') === b.replace(/\s+/g, '');
  const fig = (kind, key) => round(median(res[kind].map((r) => r[key])));
  const out = {
    n,
    warmup,
    runs: res.widget.length,
    widgetMs: fig('widget', 'ms'),
    baselineMs: fig('baseline', 'ms'),
    widgetCpuMs: fig('widget', 'cpuMs'),
    baselineCpuMs: fig('baseline', 'cpuMs'),
    widgetCpuWithLayoutMs: fig('widget', 'cpuWithLayoutMs'),
    baselineCpuWithLayoutMs: fig('baseline', 'cpuWithLayoutMs'),
    widgetWithLayoutMs: fig('widget', 'layoutMs'),
    baselineWithLayoutMs: fig('baseline', 'layoutMs'),
    widgetRunsMs: res.widget.map((r) => round(r.ms)),
    widgetPhasesMedianMs: Object.fromEntries(['create', 'connect', 'update'].map((k) => [k, round(median(res.widget.map((r) => r.phases[k])))])),
    baselineRunsMs: res.baseline.map((r) => round(r.ms)),
    widgetRunsCpuMs: res.widget.map((r) => round(r.cpuMs)),
    widgetRunsProcessCpuMs: res.widget.map((r) => round(r.processCpuMs)),
    baselineRunsProcessCpuMs: res.baseline.map((r) => round(r.processCpuMs)),
    baselineRunsCpuMs: res.baseline.map((r) => round(r.cpuMs)),
    longestTaskMs: round(Math.max(...res.widget.map((r) => r.longTask))),
    longestTaskMedianMs: fig('widget', 'longTask'),
    baselineLongestTaskMs: round(Math.max(...res.baseline.map((r) => r.longTask))),
    parity: {
      sameElements: parity.widget.tags === parity.baseline.tags,
      // Lit keeps the templates' whitespace text nodes; the baseline has none. Compared without it.
      sameText: same(parity.widget.text, parity.baseline.text),
      ...(parity.widget.tags === parity.baseline.tags && same(parity.widget.text, parity.baseline.text) ? {} : { detail: parity }),
      sample: parity.widget.text,
      nodes: { widget: parity.widget.nodes, baseline: parity.baseline.nodes },
    },
    pageErrors: p.errors,
    memory,
  };
  out.ratio = round(out.widgetMs / out.baselineMs, 2);
  out.ratioCpu = round(out.widgetCpuMs / out.baselineCpuMs, 2);
  out.ratioWithLayout = round(out.widgetWithLayoutMs / out.baselineWithLayoutMs, 2);
  return out;
}

/** Where the widget's render time goes: a CPU profile of one run on the unminified esbuild bundle. */
export async function profileRender(browser, origin, { n = 500, feedPath, devBundlePath, devSource }) {
  // Line -> source module, from the `// src/...` / `// node_modules/...` headers esbuild writes.
  const marks = [];
  devSource.split('\n').forEach((line, i) => {
    const m = line.match(/^\s*\/\/ ((?:src|node_modules)\/\S+)$/);
    if (m) marks.push([i, m[1]]);
  });
  const moduleAt = (line) => {
    let mod = '(bundle glue)';
    for (const [l, m] of marks) if (l <= line) mod = m;
    return mod;
  };
  const p = await openPage(browser, `${origin}/bench/gen/render-dev.html`, feedPath);
  await p.gc();
  await p.cdp.send('Profiler.enable');
  await p.cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await p.cdp.send('Profiler.start');
  // No warm-up run here (time budget): compile and template preparation are in the profile, and small.
  const r = await p.run('widgets', n);
  const { profile } = await p.cdp.send('Profiler.stop');
  await p.ctx.close();
  const byId = new Map(profile.nodes.map((x) => [x.id, x]));
  const self = new Map();
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + dt);
  }
  const fns = new Map();
  const areas = new Map();
  const modules = new Map();
  let total = 0;
  for (const [id, ms] of self) {
    const { functionName, url, lineNumber } = byId.get(id).callFrame;
    if (functionName === '(idle)' || functionName === '(program)') continue;
    total += ms;
    const inBundle = url.endsWith(devBundlePath);
    const mod = inBundle ? moduleAt(lineNumber) : url ? url.replace(origin, '') : '(native: ' + (functionName || 'anonymous') + ')';
    const area = inBundle ? areaOf(mod) : url.includes('/bench/') ? 'bench harness' : mod;
    const key = `${functionName || '(anonymous)'} — ${mod}${inBundle ? '' : ''}`;
    fns.set(key, (fns.get(key) ?? 0) + ms);
    areas.set(area, (areas.get(area) ?? 0) + ms);
    modules.set(mod, (modules.get(mod) ?? 0) + ms);
  }
  const top = (m, k) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, k)
      .map(([name, ms]) => ({ name, ms: round(ms), share: round((ms / total) * 100) }));
  return { runMs: round(r.ms), sampledMs: round(total), byArea: top(areas, 12), byModule: top(modules, 40), topFunctions: top(fns, 12) };
}

/**
 * Heap per card, on the render page after its timed runs (so one-time costs — code, templates,
 * stylesheets — are already paid): GC, heap in use, render N and keep them, GC, heap in use
 * again; the difference over N.
 */
async function measureMemory(p, n) {
  const usage = async () => {
    await p.gc();
    await p.gc();
    const h = await p.cdp.send('Runtime.getHeapUsage');
    const d = await p.cdp.send('Memory.getDOMCounters');
    return { js: h.usedSize, embedder: h.embedderHeapUsedSize, nodes: d.nodes };
  };
  const out = {};
  for (const kind of ['widgets', 'baseline']) {
    await p.clear();
    await p.prepare(); // the feed object is in the heap before and after: not counted per card
    const before = await usage();
    await p.run(kind, n, false);
    const after = await usage();
    await p.clear();
    const per = (k) => (after[k] === undefined ? undefined : round((after[k] - before[k]) / n / 1024, 2));
    out[kind === 'widgets' ? 'widget' : 'baseline'] = { jsHeapKBPerCard: per('js'), embedderHeapKBPerCard: per('embedder'), domNodesPerCard: round((after.nodes - before.nodes) / n, 1) };
  }
  return { n, ...out };
}

/**
 * How often the hot calls happen (counting wrappers; not a timed run), in a fresh page so the
 * card's module-level caches start empty. One card first, on a freshly parsed feed: what the
 * first card pays (formatters built, the feed validated, its timeline parsed and sorted). Then
 * `n` cards on the same feed object, caches warm: that count / n is what every further card
 * costs. Done twice: with the `sessions`-session feed and n cards, and with a feed of half the
 * sessions and n/2 cards, so a per-card count that grows with the programme's length shows.
 */
export async function countCalls(browser, origin, { n = 500, feeds }) {
  const measure = async ({ path, sessions }, k, withBaseline) => {
    const p = await openPage(browser, `${origin}/bench/gen/render-count.html`, path);
    await p.page.evaluate(() => window.__resetCounts());
    await p.run('widgets', 1);
    const first = await p.page.evaluate(() => window.__snapshot());
    await p.clear();
    await p.page.evaluate(() => window.__resetCounts());
    await p.run('widgets', k, false); // the same feed object: its caches are warm
    const warm = await p.page.evaluate(() => window.__snapshot());
    const out = { sessions, cards: k, first, perCard: perCard(warm, k) };
    if (withBaseline) {
      await p.clear();
      await p.page.evaluate(() => window.__resetCounts());
      await p.run('baseline', k);
      out.baselinePerCard = perCard(await p.page.evaluate(() => window.__snapshot()), k).counts;
      // Construction cost: a typical zoned formatter, and each argument list the widget used.
      out.dtfUs = { typical: round(await p.page.evaluate(() => window.__dtfCostUs())) };
      for (const a of new Set([...Object.keys(first.dtfArgs), ...Object.keys(warm.dtfArgs)])) out.dtfUs[a] = round(await p.page.evaluate((x) => window.__dtfCostUs(x), a));
    }
    await p.ctx.close();
    return out;
  };
  const perCard = (snap, k) => Object.fromEntries(Object.entries(snap).map(([key, o]) => [key, Object.fromEntries(Object.entries(o).map(([x, v]) => [x, round(v / k, 2)]))]));
  const full = await measure(feeds.full, n, true);
  const half = await measure(feeds.half, Math.max(1, Math.round(n / 2)));
  return { n, full, half };
}
