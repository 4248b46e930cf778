// Turns results.json into bench/RESULTS.md (every figure, how it was measured, verdicts and, where
// a target is missed, what the measurements say about the cause) and a short stdout summary.
import { writeFileSync } from 'node:fs';

const kb = (b) => `${(b / 1024).toFixed(2)} KB`;
const n = (x) => (x === undefined || x === null ? '—' : Number(x).toLocaleString('en-US'));
const ms = (x) => `${n(x)} ms`;
const verdict = (ok) => (ok ? 'PASS' : '**MISS**');
const table = (head, rows) => [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');

export function writeReport(r, path) {
  const b = r.bytes;
  const R = r.render;
  const budgetOk = b.budget.pass;
  // Both the wall-time and the CPU-time ratio must meet the target for a PASS.
  const ratioOk = R.ratio <= 1.5 && R.ratioCpu <= 1.5;
  const demo = r.layoutShift.filter((x) => x.page === '/demo/index.html');
  const article = r.layoutShift.filter((x) => x.page !== '/demo/index.html');
  const demoCtl = (r.layoutShiftControl ?? []).filter((x) => x.page.startsWith('/demo/'));
  const articleCtl = (r.layoutShiftControl ?? []).filter((x) => !x.page.startsWith('/demo/'));
  const worst = (xs) => Math.max(...xs.map((x) => x.cls));
  const demoCtlAt = (v) => (r.layoutShiftControl ?? []).find((x) => x.page.startsWith('/demo/') && x.viewport === v);
  // The widgets' part of the demo page's CLS: with the script minus the same page without it
  // (same viewport), never below 0. Exact when, as here, the shifts without the script recur
  // unchanged with it; an estimate otherwise.
  const demoWidgets = Math.max(...demo.map((x) => Math.max(0, round4(x.cls - (demoCtlAt(x.viewport)?.cls ?? 0)))));
  const clsOk = demoWidgets <= 0.02;
  const O = r.originLoad;
  const L = [];
  const p = (...s) => L.push(...s);

  p(
    '# Benchmark results',
    '',
    `Written by \`npm run bench\` (bench/run.mjs) on ${r.date}. Every figure below was measured by that run; nothing is copied from elsewhere.`,
    '',
    `- Commit: \`${r.commit}\` (${r.commitSubject})`,
    `- Build: ${r.build.note}; dist/forum-widgets.js built at ${r.build.builtAt}.` +
      (r.uncommittedSourceChanges.length ? ` The working tree had uncommitted changes under src/scripts/config when measured (${r.uncommittedSourceChanges.length} paths: ${r.uncommittedSourceChanges.map((x) => '`' + x.trim() + '`').join(', ')}), so dist/ may include work in progress.` : ''),
    `- Machine: ${r.machine.os}; CPU ${r.machine.cpu}, ${r.machine.cores} cores; ${r.machine.memoryGB} GB memory; Node ${r.machine.node}.`,
    `- Load average (1/5/15 min) at start ${r.machine.loadAverageAtStart.join(' / ')}, at end ${r.machine.loadAverageAtEnd.join(' / ')}` +
      (r.machine.loadAverageAtStart[0] > r.machine.cores ? ` — **the machine was busy with other work (load above its ${r.machine.cores} cores), so absolute times are inflated and noisy; ratios measured in the same page are the more robust figures.**` : '.'),
    `- Browser: ${r.browser}, launched by playwright-core with scripts/chrome.mjs's flags.`,
    `- Servers: node:http on 127.0.0.1, port 0, started and stopped by the run (one for pages, one as the feed's separate origin). The whole run took ${r.durationS} s.`,
    '',
    '## Summary',
    '',
    table(
      ['Figure', 'Measured', 'Target', 'Verdict'],
      [
        ['Embed bundle dist/forum-widgets.js, gzip -9', `${n(b.embed.gzip9)} B (${kb(b.embed.gzip9)}); default gzip ${n(b.embed.gzip)} B; brotli ${n(b.embed.brotli)} B; raw ${n(b.embed.raw)} B`, '≤ 16 KB gzip (16,384 B)', verdict(budgetOk)],
        [`Render ${R.n} session cards vs hand-written DOM`, `${ms(R.widgetMs)} vs ${ms(R.baselineMs)} (median of ${R.runs}) = **${R.ratio}x** wall time; main-thread CPU ${ms(R.widgetCpuMs)} vs ${ms(R.baselineCpuMs)} = **${R.ratioCpu}x**`, '≤ 1.5x', verdict(ratioOk)],
        [`Longest task while rendering ${R.n} cards`, `${ms(R.longestTaskMs)} (median run ${ms(R.longestTaskMedianMs)})`, '—', ''],
        ['Start-up, script execution → 4 elements ready', `${ms(r.startup.median ?? r.startup.medianMs)} median of ${r.startup.loads} loads (4x CPU throttle: ${ms(r.startupThrottled.medianMs)})`, '—', ''],
        ['Layout shift from the widgets, demo/index.html (worst case)', `${demoWidgets} (page total with the script ${worst(demo)}, without it ${Math.max(0, ...(r.layoutShiftControl ?? []).filter((x) => x.page.startsWith('/demo/')).map((x) => x.cls))}; widgets in the first viewport: ${Math.max(...demo.map((x) => x.inFirstViewport?.length ?? 0))} of ${demo[0]?.states.length})`, '≤ 0.02', verdict(clsOk)],
        ['Layout shift, demo/index.html as a page (worst case)', `${worst(demo)}`, '(≤ 0.02)', verdict(worst(demo) <= 0.02)],
        ['Layout shift, news article page (worst case)', `${worst(article)}`, '(≤ 0.02)', verdict(worst(article) <= 0.02)],
        ['Origin load, 4 widgets, refresh 60 s, 10 min', `${O.loader.requests} requests (${O.loader.ok200}×200, ${O.loader.notModified304}×304), ${n(O.loader.bytesDown)} B down`, `naive: ${O.naive.requests} requests, ${n(O.naive.bytesDown)} B down`, `${(O.naive.requests / O.loader.requests).toFixed(1)}x fewer requests, ${(O.naive.bytesDown / O.loader.bytesDown).toFixed(1)}x fewer bytes`],
        ['Heap per rendered card', `${r.memory.widget.jsHeapKBPerCard} KB JS + ${r.memory.widget.embedderHeapKBPerCard ?? '—'} KB DOM/Blink (baseline ${r.memory.baseline.jsHeapKBPerCard} + ${r.memory.baseline.embedderHeapKBPerCard ?? '—'} KB)`, '—', ''],
      ],
    ),
    '',
  );

  // Bytes
  p(
    '## Bytes',
    '',
    'How: node:zlib on the built files: `gzipSync` at level 9 and at the default level (6), `brotliCompressSync` at its default quality (11). KB = 1,024 bytes.',
    '',
    table(['File', 'raw', 'gzip -9', 'gzip (default)', 'brotli'], [['dist/forum-widgets.js (the embed)', n(b.embed.raw), n(b.embed.gzip9), n(b.embed.gzip), n(b.embed.brotli)]]),
    '',
    `Budget: the full embed at most 16 KB gzip: ${n(b.embed.gzip9)} B at gzip -9 → **${budgetOk ? 'PASS' : 'MISS'}**` + (budgetOk ? ` (${n(16384 - b.embed.gzip9)} B to spare).` : ` (over by ${n(b.embed.gzip9 - 16384)} B).`),
    '',
    '**Each element imported alone from the npm build** — `dist/lib/<folder>/define.js` bundled by esbuild (the one vite installs) with every dependency (lit, @lit/localize, the feed core, all three locales) included, minified, ESM, es2021. This is what an npm user\'s bundler ships for one element; the css`` templates stay unminified here because dist/lib is plain tsc output.',
    '',
    table(
      ['Import', 'raw', 'gzip -9', 'gzip (default)', 'brotli'],
      Object.entries(b.alone).map(([k, v]) => [`${k} (\`${v.entry}\`)`, n(v.raw), n(v.gzip9), n(v.gzip), n(v.brotli)]),
    ),
    '',
    `**Where the embed's bytes come from** — an esbuild approximation of the vite bundle: esbuild bundles src/embed.ts (minified, iife, es2021, css\`\` templates minified the way vite.config.ts does) and its metafile gives each input file's bytes in the output. esbuild's bundle is ${n(b.approx.raw)} B raw / ${n(b.approx.gzip)} B gzip against vite's ${n(b.embed.raw)} / ${n(b.embed.gzip)}, so the shares are close but not exact. The gzip column spreads the approximation's gzip size by minified share (gzip is not additive, so it is an estimate).`,
    '',
    table(
      ['Area', 'minified B', 'share', '≈ gzip B'],
      b.breakdown.map((x) => [x.area, n(x.minified), `${(x.share * 100).toFixed(1)}%`, n(x.gzipEstimate)]),
    ),
    '',
    'Largest files: ' + b.topFiles.slice(0, 10).map((f) => `${f.path} ${n(f.bytes)} B`).join('; ') + '.',
    '',
  );
  if (!budgetOk) {
    const own = b.breakdown.filter((x) => x.area.startsWith('src/'));
    const libs = b.breakdown.filter((x) => !x.area.startsWith('src/') && !x.area.startsWith('entry'));
    p(
      `**Cause of the miss** (from the breakdown): the dependencies (${libs.map((x) => `${x.area} ≈ ${n(x.gzipEstimate)} B`).join(', ')}) take ≈ ${n(libs.reduce((s, x) => s + x.gzipEstimate, 0))} B gzip of the budget; the project's own code takes ≈ ${n(own.reduce((s, x) => s + x.gzipEstimate, 0))} B, led by ${own.slice(0, 3).map((x) => `${x.area} (≈ ${n(x.gzipEstimate)} B)`).join(', ')}. The embed is ${n(b.embed.gzip9 - 16384)} B over; see the largest files above for where cutting pays.`,
      '',
    );
  }

  // Render
  const c = r.renderCounts;
  const prof = r.renderProfile;
  p(
    `## Render cost: ${R.n} session cards`,
    '',
    `How: one page (bench/pages/render.html) loads dist/forum-widgets.js and a hand-written DOM baseline (bench/pages/baseline.js). The feed is a generated programme of 500 sessions and 300 people (the first ${R.n} sessions are rendered), texts in ru/en/zh-Hans (bench/lib/big-feed.mjs, ${n(R.feedBytes)} B of JSON), UI locale en, browser time zone Europe/Moscow (so cards also show the reader's time), sessions in May 2030 (all "upcoming"). Each run starts with the feed in hand (a freshly parsed object, so the widget's one validation of that object is counted) and takes performance.now() in the page before creating the elements; the widget run ends when all ${R.n} \`forum-session-card\` elements (\`session\` and \`feed\` set, appended) have resolved \`updateComplete\`; the baseline run ends when its synchronous build of the same markup (a host with an open shadow root per card, the same adopted stylesheets, the same elements, parts, classes and texts via createElement/textContent, cached Intl formatters, people in a Map) has been appended. ${r.render.warmup} warm-up run(s), then ${R.runs} measured runs (fewer than 2 + 7 only when the machine is so slow that the bench's time budget would be blown), the order alternating, garbage collected (CDP HeapProfiler.collectGarbage) before each. The figure is median widget time / median baseline time.`,
    '',
    `Same markup: element structure ${R.parity.sameElements ? 'identical' : '**differs**'}, text ${R.parity.sameText ? 'identical' : '**differs**'} (first card compared; Lit's whitespace text nodes ignored). First card's text: "${R.parity.sample.slice(0, 200)}…"`,
    '',
    table(
      ['', 'median (wall)', 'runs (wall, ms)', 'main-thread CPU (median)', 'until laid out: wall / CPU (medians)', 'longest task (max over runs)'],
      [
        ['forum-session-card', ms(R.widgetMs), R.widgetRunsMs.join(', '), ms(R.widgetCpuMs), `${ms(R.widgetWithLayoutMs)} / ${ms(R.widgetCpuWithLayoutMs)}`, ms(R.longestTaskMs)],
        ['hand-written DOM', ms(R.baselineMs), R.baselineRunsMs.join(', '), ms(R.baselineCpuMs), `${ms(R.baselineWithLayoutMs)} / ${ms(R.baselineCpuWithLayoutMs)}`, R.baselineLongestTaskMs ? ms(R.baselineLongestTaskMs) : 'none over 50 ms'],
      ],
    ),
    '',
    `Ratio (wall time): **${R.ratio}x** (target ≤ 1.5x; PASS needs both ratios within it) → **${ratioOk ? 'PASS' : 'MISS'}**. Until the cards are also laid out (a later call forcing style and layout; the browser may already have done it in a frame between the calls): ${R.ratioWithLayout}x wall.`,
    '',
    `Main-thread CPU time of the same runs (CDP Performance.getMetrics ThreadTime read just before the call that runs it and just after it returns; the reading after may come once the browser has also done the style, layout and paint of the next frame, so this CPU time can include rendering work that the wall figure leaves out — compare the baseline's wall and CPU medians — and the CPU ratio then sits between the script-only and the until-laid-out ratios): widget ${ms(R.widgetCpuMs)} (runs ${R.widgetRunsCpuMs.join(', ')}), baseline ${ms(R.baselineCpuMs)} (runs ${R.baselineRunsCpuMs.join(', ')}) = **${R.ratioCpu}x**. Wall time on a shared machine includes time the renderer waited for a core; CPU time does not, so when the two ratios disagree, the CPU-time one is the better estimate of the code's cost. CPU of all the renderer's threads (CDP ProcessTime, coarse) over the same calls: widget runs ${(R.widgetRunsProcessCpuMs ?? []).join(', ')} ms, baseline runs ${(R.baselineRunsProcessCpuMs ?? []).join(', ')} ms.`,
    '',
    `Widget phases (medians): creating the ${R.n} elements and setting \`session\`/\`feed\` ${ms(R.widgetPhasesMedianMs.create)}, appending them (connectedCallback) ${ms(R.widgetPhasesMedianMs.connect)}, their first updates (render and commit, until every \`updateComplete\`) ${ms(R.widgetPhasesMedianMs.update)}.`,
    '',
    `Longest task: PerformanceObserver \`longtask\` (buffered, from page start) entries overlapping each run. The whole widget render (element creation, ${R.n} Lit updates in microtasks) is one task, so the longest task is about the whole render: ${ms(R.longestTaskMs)} at worst, ${ms(R.longestTaskMedianMs)} in the median run.`,
    '',
  );
  p(
    `**Where the widget's time goes** — a CDP CPU profile (100 µs sampling) of one further run, the first in a fresh page, on an unminified esbuild bundle of src/embed.ts (for readable names; that run took ${ms(prof.runMs)}), self time grouped by source area and by function:`,
    '',
    table(['Area', 'self ms', '%'], prof.byArea.map((x) => [x.name, n(x.ms), `${x.share}%`])),
    '',
    table(['Function — module', 'self ms', '%'], prof.topFunctions.map((x) => [x.name, n(x.ms), `${x.share}%`])),
    '',
    `Calls per card (counting wrappers on a separate, untimed run with dist/forum-widgets.js): widget ${Object.entries(c.widgetPerCard).map(([k, v]) => `${k} ${v}`).join(', ')}; baseline ${Object.entries(c.baselinePerCard).map(([k, v]) => `${k} ${v}`).join(', ')}. One \`new Intl.DateTimeFormat(…, { timeZone })\` costs about ${c.dateTimeFormatConstructionUs} µs in this browser on this machine.`,
    '',
  );
  if (!ratioOk) {
    const dtf = c.widgetPerCard.dateTimeFormat;
    const intlFns = prof.topFunctions.filter((f) => /^(fmt|when|day|utc) — src\/session-card\//.test(f.name));
    const intl = intlFns.reduce((x, f) => x + f.ms, 0);
    const intlNames = intlFns.map((f) => f.name.split(' — ')[0]);
    p(
      `**Cause of the miss** (from the profile and the counts): ${prof.byArea[0].name} holds ${prof.byArea[0].share}% of the sampled time; its top functions are ${prof.topFunctions.filter((f) => !f.name.includes('/bench/')).slice(0, 4).map((f) => `${f.name.split(' — ')[0]} (${f.share}%)`).join(', ')}. ` +
        `Each card constructs ${dtf} Intl.DateTimeFormat objects (the baseline ${c.baselinePerCard.dateTimeFormat}, because it caches them): ≈ ${n(Math.round((dtf * R.n * c.dateTimeFormatConstructionUs) / 1000))} ms for ${R.n} cards at the micro-measured construction cost alone, while the profile gives ${n(Math.round(intl))} ms of self time (${Math.round((intl / prof.sampledMs) * 100)}% of the run) to the card's date helpers that build and use them (${intlNames.join(', ')}). ` +
        `Each card also parses ${c.widgetPerCard.dateParse} dates and sorts ${c.widgetPerCard.sortedItems} sessions (the whole programme, once per card: quadratic in the number of sessions on a page), and runs ${c.widgetPerCard.arrayFinds} Array.find calls (people looked up by scanning the list). ` +
        'Caching the formatters per (locale, zone, options) and the parsed, sorted session list (and a people map) per feed object would remove most of it.',
      '',
    );
  }

  // Start-up
  const S = r.startup;
  const T = r.startupThrottled;
  p(
    '## Start-up',
    '',
    'How: bench/pages/startup.html has the four elements (`forum-session-card session="industrial-parks"`, `speaker-quote person="ruslan-zalivatsky"`, `partner-counter`, `organizer-strip`) and two deferred scripts, no inline script: bench/pages/startup-mark.js records performance.now() and runs immediately before `dist/forum-widgets.js data-feed="/feeds/rcf-2025.json"` (deferred scripts run in order), and a MutationObserver records performance.now() again once all four elements have `state="ready"` and their `updateComplete` has resolved. Each load is a fresh browser context (cold HTTP cache) against the loopback server; the feed request is included (same origin, loopback).',
    '',
    table(
      ['', 'median', 'min', 'max', 'of which the feed request (median)', 'navigation start → ready (median)'],
      [
        [`no throttling, ${S.loads} loads`, ms(S.medianMs), ms(S.minMs), ms(S.maxMs), ms(S.medianFeedRequestMs), ms(S.medianNavToReadyMs)],
        [`CPU throttled 4x (CDP Emulation.setCPUThrottlingRate), ${T.loads} loads`, ms(T.medianMs), ms(T.minMs), ms(T.maxMs), ms(T.medianFeedRequestMs), ms(T.medianNavToReadyMs)],
      ],
    ),
    '',
  );

  // Layout shift
  const ctl = r.layoutShiftControl ?? [];
  p(
    '## Layout shift',
    '',
    'How: a PerformanceObserver for `layout-shift` (buffered, installed by an init script before any of the page\'s scripts; entries with hadRecentInput excluded) while the page loads, until every widget has left `state="loading"`, plus 1.2 s (count-ups and anything after). "CLS" is the sum of all shifts; "session window" is the Core Web Vitals definition (largest burst: gaps < 1 s, ≤ 5 s). The feed is answered at once, or held 500 ms by the server so the loading → ready swap happens well after first paint. The same init script logs paints, the moment the tags are defined and every widget `state` change, so each shift is labelled with what happened just before it. Pages: demo/index.html served with dist/ and feeds/ at the same relative paths as in the repo, and bench/pages/article.html — a news article with the four widgets (with fallback content in the session card) between paragraphs; the same article without the script is the control.',
    '',
    table(
      ['Page', 'Viewport', 'Feed delay', 'CLS', 'session window', 'shifts', 'widgets in the first viewport', 'each shift: value, after what'],
      [
        ...r.layoutShift.map((x) => [x.page, x.viewport, ms(x.feedDelayMs), `${x.cls}`, `${x.clsWindow}`, x.shifts, `${x.inFirstViewport?.length ?? '?'} of ${x.states.length}`, x.shiftsAfter.map((e) => `${e.value} at ${e.atMs} ms, after ${e.after}`).join('; ') || '—']),
        ...ctl.map((x) => [`${x.page} (control: no script)`, x.viewport, '—', `${x.cls}`, `${x.clsWindow}`, x.shifts, '—', x.shiftsAfter.map((e) => `${e.value} at ${e.atMs} ms, after ${e.after}`).join('; ') || '—']),
      ],
    ),
    '',
    `Target ≤ 0.02 for the widgets on the demo page: the page's CLS with the script minus without it, worst over viewports and delays: ${demoWidgets} → **${clsOk ? 'PASS' : 'MISS'}** (with ${Math.min(...demo.map((x) => x.inFirstViewport?.length ?? 0))}–${Math.max(...demo.map((x) => x.inFirstViewport?.length ?? 0))} of its ${demo[0]?.states.length} widgets in the first viewport; shifts below the fold do not count, which is why the article page below puts all four near the top). The page as a whole: worst ${worst(demo)} → ${worst(demo) <= 0.02 ? 'PASS' : '**MISS**'}` +
      (demoCtl.length ? ` (the same demo page without the widget script: ${demoCtl.map((x) => `${x.cls} at ${x.viewport}`).join(', ')})` : '') +
      `. On the article page: worst ${worst(article)}${articleCtl.length ? ` (without the script: ${Math.max(...articleCtl.map((x) => x.cls))})` : ''}.`,
    '',
  );
  const shifted = r.layoutShift.filter((x) => x.cls > 0.02);
  if (shifted.length) {
    p('**What moved** (`from`/`to` are [top, height] in CSS px; a node of height 0 in `to` has left the viewport; "widget" = the node is a widget or inside one, "page" = the page\'s own node):', '');
    for (const x of shifted) {
      p(`- ${x.page} ${x.viewport}, feed delay ${x.feedDelayMs} ms: ` + x.sources.slice(0, 6).map((s) => `${s.node} (${s.widget ? 'widget' : 'page'}) ${JSON.stringify(s.from.map(Math.round))}→${JSON.stringify(s.to.map(Math.round))} at ${s.atMs} ms`).join('; '));
    }
    p('');
  }
  if (!clsOk || worst(demo) > 0.02 || worst(article) > 0.02) {
    const defined = (xs) => xs.flatMap((x) => x.shiftsAfter).filter((e) => /widgets defined|loading/.test(e.after));
    const ready = (xs) => xs.flatMap((x) => x.shiftsAfter).filter((e) => / (ready|error|missing) /.test(e.after) && !/widgets defined|loading/.test(e.after));
    p(
      '**Cause of the miss** (from the labels and the moved nodes above): ' +
        `on the article page, where nothing but the widgets changes (control without the script: ${articleCtl.map((x) => x.cls).join(' / ')}), ` +
        `${defined(article).length} shift(s) come right after the tags are defined and the widgets take their loading size (largest ${Math.max(0, ...defined(article).map((e) => e.value))}) and ` +
        `${ready(article).length} right after a widget turns ready (largest ${Math.max(0, ...ready(article).map((e) => e.value))}). ` +
        'The first kind is the page\'s text moving down when an element that was an undefined inline element (or its fallback link) becomes a block reserving its loading height: the bundle is a deferred script, so the page is painted before the elements upgrade and nothing reserves their space until then. The second kind is the difference between the reserved loading height and the rendered height. ' +
        (demoCtl.length ? `On the demo page, without the widget script at all the page itself shifts by ${demoCtl.map((x) => `${x.cls} (${x.viewport})`).join(' and ')}; ` : 'On the demo page ') +
        `the moved nodes are ${[...new Set(demo.flatMap((x) => x.sources).map((s) => (s.widget ? 'widget' : 'page')))].join(' and ')} nodes (${[...new Set(demo.flatMap((x) => x.sources).map((s) => s.node))].slice(0, 5).join(', ')}), labelled ${[...new Set(demo.flatMap((x) => x.shiftsAfter).map((e) => e.after.replace(/ \(at .*\)$/, '')))].join(' | ')}.`,
      '',
    );
  }

  // Origin load
  p(
    '## Origin load',
    '',
    `How: simulated time with an injected clock (chosen over CDP virtual time, whose interaction with network fetches is harder to make exact). bench/pages/origin.js imports the real loader from the npm build (dist/lib/feed/loader.js) and calls \`createFeedLoader({ setTimeout, clearTimeout, now, document })\` with a clock that moves only when the driver moves it; ${O.widgets} subscribers (what ${O.widgets} widgets do through the shared loader) ask for \`refresh: ${O.refresh}\`. The loader's requests are Chromium's real fetch, through its real HTTP cache, to a second loopback server acting as the feed's origin (cross-origin, CORS, \`ETag\` + \`cache-control: no-cache\`, gzip when accepted, 304 for a matching If-None-Match). The driver advances virtual time to the next timer only when no request is in flight, up to ${O.minutes} minutes (checks at 0, 60, …, 600 s). The naive design is run the same way: each widget fetches the feed itself every interval with a plain unconditional request (\`cache: 'no-store'\`). Requests, statuses and bytes are counted by the feed server itself: bytes down = everything written to the socket for that response (status line, headers, gzip body); bytes up = the request head.`,
    '',
    table(
      ['Design', 'requests', '200', '304', 'conditional', 'bytes down', 'bytes up'],
      [
        ['shared loader (this project)', O.loader.requests, O.loader.ok200, O.loader.notModified304, O.loader.conditional, n(O.loader.bytesDown), n(O.loader.bytesUp)],
        [`naive: 1 plain request per widget per interval (${O.widgets} × ${O.naiveExpectedRequests / O.widgets} expected)`, O.naive.requests, O.naive.ok200, O.naive.notModified304, O.naive.conditional, n(O.naive.bytesDown), n(O.naive.bytesUp)],
      ],
    ),
    '',
    `Per page view over ${O.minutes} minutes: ${O.loader.requests} requests instead of ${O.naive.requests} (${(O.naive.requests / O.loader.requests).toFixed(1)}x fewer), ${n(O.loader.bytesDown + O.loader.bytesUp)} B on the wire instead of ${n(O.naive.bytesDown + O.naive.bytesUp)} B (${((O.naive.bytesDown + O.naive.bytesUp) / (O.loader.bytesDown + O.loader.bytesUp)).toFixed(1)}x fewer). Each subscriber was notified ${O.loader.notificationsPerWidget.join('/')} times (${O.loader.states.join(' → ')}): the 304s re-rendered nothing.`,
    '',
    `Cross-check in real time with the real embed: a page with dist/forum-widgets.js and ${O.realEmbed.elements} elements with \`refresh="${O.realEmbed.refresh}"\` (the loader's minimum) left open ${O.realEmbed.seconds} s made ${O.realEmbed.requests} feed requests (${O.realEmbed.ok200}×200, ${O.realEmbed.notModified304}×304), ${n(O.realEmbed.bytesDown)} B down; states ${O.realEmbed.states.join(', ')}.`,
    '',
  );

  // Memory
  const M = r.memory;
  p(
    '## Memory',
    '',
    `How: on render.html right after the timed runs (so one-time costs — code, templates, stylesheets — are already paid), a freshly parsed feed put in hand (so the feed object itself is in both readings and not counted per card), CDP \`HeapProfiler.collectGarbage\` twice, then \`Runtime.getHeapUsage\` (usedSize: V8's JS heap; embedderHeapUsedSize: Blink's own heap, where DOM nodes live) and \`Memory.getDOMCounters\`; render ${M.n} cards and keep them; collect garbage and read again. Per card = difference / ${M.n}. Same for the baseline.`,
    '',
    table(
      ['', 'JS heap per card', 'Blink (DOM) heap per card', 'DOM nodes per card'],
      [
        ['forum-session-card', `${M.widget.jsHeapKBPerCard} KB`, M.widget.embedderHeapKBPerCard === undefined ? 'not reported' : `${M.widget.embedderHeapKBPerCard} KB`, M.widget.domNodesPerCard],
        ['hand-written DOM', `${M.baseline.jsHeapKBPerCard} KB`, M.baseline.embedderHeapKBPerCard === undefined ? 'not reported' : `${M.baseline.embedderHeapKBPerCard} KB`, M.baseline.domNodesPerCard],
      ],
    ),
    '',
    ...(M.baseline.jsHeapKBPerCard < 0 || M.widget.jsHeapKBPerCard < 0 ? ['A negative figure is a difference within the heap\'s own noise (allocation of the harness itself, GC timing): read it as about zero.', ''] : []),
    "The widget's extra nodes are Lit's comment markers and the templates' whitespace text nodes (plus the element's own light-DOM host); its extra JS heap is each element's reactive state, Lit's template instances and parts, and the card's rendered values.",
    '',
  );
  writeFileSync(path, L.join('\n'));

  return [
    `bytes      embed ${n(b.embed.gzip9)} B gzip -9 (${n(b.embed.brotli)} B brotli) — budget 16,384 B: ${budgetOk ? 'PASS' : 'MISS'}`,
    `render     ${R.n} cards ${ms(R.widgetMs)} vs baseline ${ms(R.baselineMs)} = ${R.ratio}x wall, ${R.ratioCpu}x CPU (target ≤ 1.5x): ${ratioOk ? 'PASS' : 'MISS'}; longest task ${ms(R.longestTaskMs)}`,
    `start-up   ${ms(S.medianMs)} median (4x throttled ${ms(T.medianMs)})`,
    `CLS        demo: widgets' part ${demoWidgets} (target ≤ 0.02): ${clsOk ? 'PASS' : 'MISS'}, page total ${worst(demo)}; article page worst ${worst(article)}`,
    `origin     ${O.loader.requests} requests / ${n(O.loader.bytesDown)} B down vs naive ${O.naive.requests} / ${n(O.naive.bytesDown)} B (10 min, 4 widgets, refresh 60 s)`,
    `memory     ${M.widget.jsHeapKBPerCard} KB JS + ${M.widget.embedderHeapKBPerCard ?? '?'} KB DOM heap per card (baseline ${M.baseline.jsHeapKBPerCard} + ${M.baseline.embedderHeapKBPerCard ?? '?'} KB)`,
  ].join('\n');
}

const round4 = (x) => Math.round(x * 1e4) / 1e4;
