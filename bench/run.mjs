#!/usr/bin/env node
// `npm run bench`: what the widgets cost a partner page, measured in real headless Chromium
// against loopback servers this script starts and stops. Writes bench/results.json and
// bench/RESULTS.md on every run and prints a short summary. See RESULTS.md for each method.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import { chromium } from 'playwright-core';
import { chromePath, chromeArgs } from '../scripts/chrome.mjs';
import { startServer } from './lib/server.mjs';
import { bigFeed } from './lib/big-feed.mjs';
import { measureBytes, devBundle } from './lib/bytes.mjs';
import { measureByteChanges } from './lib/bytes-changes.mjs';
import { bytesReport } from './lib/bytes-report.mjs';
import { measureRender, profileRender, countCalls } from './lib/render.mjs';
import { measureRenderFetch, renderFetchPages } from './lib/render-fetch.mjs';
import { measureStartup, measureLayoutShift } from './lib/page-load.mjs';
import { measureClsTable, clsTableReport, clsTableSummary } from './lib/cls.mjs';
import { measureOriginLoad, crossCheckRealEmbed, measureFlappingOrigin, flappingReport } from './lib/origin-load.mjs';
import { measureLimits, limitsReport, limitsSummary } from './lib/limits.mjs';
import { writeReport } from './lib/report.mjs';
import { measureImport, importReport, importSummary } from './lib/import.mjs';
import { measureProgramme, programmeBytes, programmeReport, programmeSummary } from './lib/programme.mjs';

const root = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '');
process.chdir(root);
const began = Date.now();
// BENCH_QUICK=1: a smoke run of the harness (100 cards, few loads) written to /tmp, not bench/.
const quick = !!process.env.BENCH_QUICK;
// BENCH_ONLY=render,bytes,…: only those sections (bytes, render, render-fetch, profile, counts,
// startup, layout-shift, cls, origin, import, programme, limits), results printed and written to /tmp/bench-only, RESULTS.md
// untouched. BENCH_ONLY=import alone starts no browser (below).
const only = process.env.BENCH_ONLY?.split(',').map((x) => x.trim()).filter(Boolean);
const want = (section) => !only || only.includes(section);
const N = quick ? 100 : 500;
const out = only ? '/tmp/bench-only' : quick ? '/tmp/bench-quick' : 'bench';
const step = (s) => console.log(`[bench] ${s} (${((Date.now() - began) / 1000).toFixed(0)} s)`);
const git = (...a) => {
  try {
    return execFileSync('git', a, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
};

// 1. The build under test: the existing one if complete and not older than its sources, else
// `npm run build`. (Stale = some file under src/ or locales/, or the build's own scripts/config,
// was modified after dist/forum-widgets.js was written; file times, so a fresh checkout counts as new.)
const newestSource = () => {
  let newest = { path: undefined, mtimeMs: 0 };
  const visit = (p) => {
    if (!existsSync(p)) return;
    const st = statSync(p);
    if (st.isDirectory()) for (const f of readdirSync(p)) visit(`${p}/${f}`);
    else if (st.mtimeMs > newest.mtimeMs) newest = { path: p, mtimeMs: st.mtimeMs };
  };
  for (const p of ['src', 'locales', 'scripts/build.mjs', 'scripts/build-embed.mjs', 'scripts/embed-plugins.mjs', 'scripts/gen-schema.mjs', 'tsconfig.build.json', 'lit-localize.json', 'package.json']) visit(p);
  return newest;
};
let build;
const complete = existsSync('dist/forum-widgets.js') && existsSync('dist/lib/define.js') && existsSync('dist/lib/feed/loader.js');
const src = newestSource();
const stale = complete && src.mtimeMs > statSync('dist/forum-widgets.js').mtimeMs;
if (complete && !stale) {
  build = { ran: false, note: `used the existing dist/ (not rebuilt; no source file is newer than it, newest ${src.path})`, builtAt: statSync('dist/forum-widgets.js').mtime.toISOString() };
} else {
  const why = stale ? `dist/ was older than ${src.path}` : 'dist/ was missing';
  step(`${why}: npm run build`);
  execFileSync('npm', ['run', 'build'], { stdio: 'inherit' });
  build = { ran: true, note: `${why}: ran npm run build first`, builtAt: statSync('dist/forum-widgets.js').mtime.toISOString() };
}
step(build.note);

const dirty = (git('status', '--porcelain', '--', 'src', 'scripts', 'package.json') ?? '').split('\n').filter(Boolean);
const cpus = os.cpus();
const results = {
  date: new Date().toISOString(),
  commit: git('rev-parse', 'HEAD'),
  commitSubject: git('log', '-1', '--format=%s'),
  uncommittedSourceChanges: dirty,
  build,
  machine: {
    os: `${os.type()} ${os.release()} (${os.platform()} ${os.arch()})`,
    cpu: cpus[0]?.model?.trim(),
    cores: cpus.length,
    memoryGB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    loadAverageAtStart: os.loadavg().map((x) => Math.round(x * 100) / 100),
  },
};

// BENCH_ONLY=import: only the import section (no browser), written to /tmp/bench-import, so a
// change to the importer can be measured without the whole run.
if (process.env.BENCH_ONLY === 'import') {
  step('import only (BENCH_ONLY=import)');
  const I = await measureImport(root, { runs: quick ? 2 : 5 });
  mkdirSync('/tmp/bench-import', { recursive: true });
  writeFileSync('/tmp/bench-import/results.json', JSON.stringify({ date: new Date().toISOString(), commit: git('rev-parse', 'HEAD'), import: I }, null, 2) + '\n');
  writeFileSync('/tmp/bench-import/RESULTS.md', importReport(I).join('\n') + '\n');
  console.log(`\n${importSummary(I)}\n\nWrote /tmp/bench-import/RESULTS.md and /tmp/bench-import/results.json`);
  process.exit(0);
}

// The programme section: 500 sessions in mode="all" and mode="day" against a hand-written DOM
// list, and the bytes <forum-programme> adds to the embed.
const runProgramme = async (browser, origin) => ({
  bytes: await programmeBytes(root),
  render: await measureProgramme(browser, origin, { feedPath: '/bench/gen/feed-500.json', sessions: 500, warmup: 1, runs: quick ? 2 : 5 }),
});

if (want('bytes')) {
  step('bytes');
  results.bytes = await measureBytes(root);
  step('bytes: what each build-time rewrite saves');
  results.bytes.changes = measureByteChanges(root, results.bytes.core.gzip9);
}

// Import of a 2,000-event schedule.json (no browser; a Node process per run).
if (want('import')) {
  step('import: a generated 2,000-event schedule.json');
  results.import = await measureImport(root, { runs: quick ? 2 : 5 });
}

// BENCH_ONLY=bytes (with or without import) needs no browser: write what was measured and stop.
if (only && only.every((x) => x === 'bytes' || x === 'import')) {
  mkdirSync(out, { recursive: true });
  writeFileSync(`${out}/results.json`, JSON.stringify(results, null, 2) + '\n');
  if (results.bytes) writeFileSync(`${out}/bytes.md`, bytesReport(results.bytes).join('\n') + '\n');
  console.log(`Wrote ${out}/results.json${results.bytes ? ` and ${out}/bytes.md` : ''} (BENCH_ONLY=${only.join(',')}; bench/RESULTS.md untouched)`);
  process.exit(0);
}

// 3. Servers: the page origin (repo files + generated ones) and a separate feed origin.
const feed500 = JSON.stringify(bigFeed(500, 300));
const generated = new Map([
  ['/bench/gen/feed-500.json', feed500],
  // Half the programme, for the call counts: does a card's work grow with the programme's length?
  ['/bench/gen/feed-250.json', JSON.stringify(bigFeed(250, 300))],
  ['/bench/gen/embed-dev.js', await devBundle(root)],
]);
generated.set('/bench/gen/render-dev.html', readFileSync('bench/pages/render.html', 'utf8').replace('/dist/forum-widgets.js', '/bench/gen/embed-dev.js'));
generated.set(
  '/bench/gen/render-count.html',
  readFileSync('bench/pages/render.html', 'utf8').replace('<script src="/dist/forum-widgets.js"', '<script src="/bench/pages/count.js"></script><script src="/dist/forum-widgets.js"'),
);
// Control: the same article with no widget script, so the page's own shifts are known.
generated.set('/bench/gen/article-no-script.html', readFileSync('bench/pages/article.html', 'utf8').replace(/<script src="\/dist\/forum-widgets.js"[^>]*><\/script>/, ''));
// The widgets-only demo page (demo/index.html is the embed configurator, whose own form moves),
// and its control without the bundle (same folder, so its relative paths hold).
generated.set('/demo/showcase-no-script.html', readFileSync('demo/showcase.html', 'utf8').replace(/<script src="\.\.\/dist\/forum-widgets.js"[^>]*><\/script>/, ''));
// The article as a partner following the embedding guide: a stylesheet reserving each widget's
// space before the script defines the tags (bench/pages/article-reserve.css), and its control.
const reserved = readFileSync('bench/pages/article.html', 'utf8').replace('<link rel="stylesheet" href="/bench/pages/article.css" />', '$&\n    <link rel="stylesheet" href="/bench/pages/article-reserve.css" />');
if (!reserved.includes('article-reserve.css')) throw new Error('bench/pages/article.html: stylesheet link not found for the reserved variant');
generated.set('/bench/gen/article-reserved.html', reserved);
generated.set('/bench/gen/article-reserved-no-script.html', reserved.replace(/<script src="\/dist\/forum-widgets.js"[^>]*><\/script>/, ''));
for (const [k, v] of generated) if (k.includes('no-script') && v.includes('forum-widgets.js')) throw new Error(`${k}: the bundle's script tag was not removed`);
const pages = await startServer({ root, generated });
const feeds = await startServer({ root });
generated.set(
  '/bench/gen/refresh.html',
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench: real refresh</title>` +
    `<script src="/dist/forum-widgets.js" data-feed="${feeds.origin}/feeds/rcf-2025.json" defer></script></head><body>` +
    `<forum-session-card session="industrial-parks" refresh="5"></forum-session-card><speaker-quote person="ruslan-zalivatsky" refresh="5"></speaker-quote>` +
    `<partner-counter refresh="5"></partner-counter><organizer-strip refresh="5"></organizer-strip></body></html>`,
);

const browser = await chromium.launch({ executablePath: chromePath(), args: chromeArgs });
try {
  results.browser = `Chromium ${browser.version()} (headless, ${chromePath()})`;

  if (want('render')) {
  step('render cost and memory: 500 cards vs hand-written DOM');
  results.machine.loadAverageBeforeRender = os.loadavg().map((x) => Math.round(x * 100) / 100);
  results.render = await measureRender(browser, pages.origin, { n: N, warmup: quick ? 1 : 2, runs: quick ? 2 : 7, feedPath: '/bench/gen/feed-500.json' });
  results.memory = results.render.memory;
  delete results.render.memory;
  results.render.feedBytes = Buffer.byteLength(feed500);
  }
  if (want('render-fetch') || want('render')) {
    // The card's CSS as the widget ships it, for the hand-written page (which loads no bundle).
    const ctx = await browser.newContext();
    const pg = await ctx.newPage();
    await pg.goto(`${pages.origin}/bench/pages/render.html`);
    const cardCss = await pg.evaluate(() => customElements.get('forum-session-card').elementStyles.map((s) => s.cssText));
    await ctx.close();
    const ids = JSON.parse(feed500).sessions.slice(0, N).map((s) => s.id);
    const fp = renderFetchPages(ids, cardCss);
    generated.set('/bench/gen/fetch-widgets.html', fp.widgets);
    generated.set('/bench/gen/fetch-baseline.html', fp.baseline);
    step('render from navigation, feed fetched: 500 cards vs hand-written DOM');
    results.renderFetch = await measureRenderFetch(browser, pages.origin, { n: N, runs: quick ? 2 : 7 });
  }
  if (want('profile')) {
  step('render profile (unminified esbuild bundle of src/embed.ts)');
  results.renderProfile = await profileRender(browser, pages.origin, {
    n: N,
    feedPath: '/bench/gen/feed-500.json',
    devBundlePath: '/bench/gen/embed-dev.js',
    devSource: generated.get('/bench/gen/embed-dev.js'),
  });
  }
  if (want('counts')) {
  step('render: calls per card');
  results.renderCounts = await countCalls(browser, pages.origin, {
    n: N,
    feeds: { full: { path: '/bench/gen/feed-500.json', sessions: 500 }, half: { path: '/bench/gen/feed-250.json', sessions: 250 } },
  });
  }

  if (want('startup')) {
  step('start-up');
  results.startup = await measureStartup(browser, pages.origin, { loads: quick ? 2 : 9 });
  results.startupThrottled = await measureStartup(browser, pages.origin, { loads: quick ? 1 : 3, cpuThrottle: 4 });
  }

  if (want('layout-shift')) {
  step('layout shift: demo/showcase.html, a news article page, the article with the guide\'s reserved space');
  results.layoutShift = [];
  const viewports = [{ width: 1280, height: 800 }, { width: 390, height: 844 }];
  for (const page of ['/demo/showcase.html', '/bench/pages/article.html', '/bench/gen/article-reserved.html'])
    for (const viewport of viewports)
      for (const delayMs of [0, 500]) results.layoutShift.push(await measureLayoutShift(browser, pages.origin, pages, { page, delayMs, viewport }));
  results.layoutShiftControl = [];
  for (const page of ['/demo/showcase-no-script.html', '/bench/gen/article-no-script.html', '/bench/gen/article-reserved-no-script.html'])
    for (const viewport of viewports) results.layoutShiftControl.push(await measureLayoutShift(browser, pages.origin, pages, { page, viewport, noWidgets: true }));
  }

  // BENCH_ONLY=cls runs the table alone (layout-shift runs both).
  if (want('layout-shift') || want('cls')) {
  // The CLS table: each widget pasted into the article with the configurator's own snippet, the
  // showcase page, and 500 cards on one page (bench/lib/cls.mjs).
  step('CLS table: the article with each widget as the configurator gives it, the showcase, 500 cards');
  const ids500 = JSON.parse(feed500).sessions.slice(0, N).map((s) => s.id);
  generated.set(
    '/bench/gen/cls-500-cards.html',
    `<!doctype html><html lang="ru"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>bench: ${ids500.length} cards</title>` +
      `<script src="/dist/forum-widgets.js" data-feed="/bench/gen/feed-500.json" defer></script></head><body><main>` +
      ids500.map((id) => `<forum-session-card session="${id}"></forum-session-card>`).join('\n') +
      '</main></body></html>',
  );
  results.clsTable = await measureClsTable(browser, pages, generated, root, {
    extra: [
      { name: 'showcase page', path: '/demo/showcase.html' },
      { name: `${ids500.length}-card page`, path: '/bench/gen/cls-500-cards.html' },
    ],
  });
  }

  if (want('origin')) {
  step('origin load (simulated 10 minutes)');
  results.originLoad = await measureOriginLoad(browser, pages.origin, feeds, { widgets: 4, refresh: 60, minutes: 10 });
  step('origin load cross-check with the real embed (11 s real time)');
  results.originLoad.realEmbed = await crossCheckRealEmbed(browser, pages.origin, feeds, { seconds: 11 });
  step('origin load with a feed that flaps: errors, hangs, resets, a broken file, recoveries (simulated 10 minutes)');
  results.originLoad.flapping = await measureFlappingOrigin(browser, pages.origin, root, { widgets: 4, refresh: 60, minutes: 10 });
  }

  if (want('limits')) {
    step('limits: a 5 MB feed and a 100,000-item feed arrive (five widgets, real embed)');
    results.limits = await measureLimits(browser, root, { runs: quick ? 2 : 5 });
  }

  if (want('programme')) {
  step('programme: 500 sessions in mode="all" and mode="day" vs hand-written DOM; bytes it adds');
  results.programme = await runProgramme(browser, pages.origin);
  }
} finally {
  await browser.close();
  await pages.close();
  await feeds.close();
}
results.machine.loadAverageAtEnd = os.loadavg().map((x) => Math.round(x * 100) / 100);
results.durationS = Math.round((Date.now() - began) / 1000);

mkdirSync(out, { recursive: true });
writeFileSync(`${out}/results.json`, JSON.stringify(results, null, 2) + '\n');
if (only) {
  const { date, commit, machine, build: b, ...sections } = results;
  if (results.programme) writeFileSync(`${out}/programme.md`, programmeReport(results.programme).join('\n') + '\n');
  if (results.bytes) writeFileSync(`${out}/bytes.md`, bytesReport(results.bytes).join('\n') + '\n');
  if (results.clsTable) writeFileSync(`${out}/cls.md`, clsTableReport(results.clsTable).join('\n') + '\n');
  // This run's own sections as RESULTS.md would have them, to read before a full run.
  if (results.limits) writeFileSync(`${out}/limits.md`, limitsReport(results.limits).join('\n') + '\n' + limitsSummary(results.limits) + '\n');
  if (results.originLoad?.flapping) writeFileSync(`${out}/origin-flapping.md`, flappingReport(results.originLoad.flapping, results.originLoad.loader).join('\n') + '\n');
  console.log(JSON.stringify(sections, null, 2) + (results.programme ? `\n\n${programmeSummary(results.programme)}\nWrote ${out}/programme.md` : '') + (results.clsTable ? `\n\n${clsTableSummary(results.clsTable)}\nWrote ${out}/cls.md` : '') + `\n\nWrote ${out}/results.json (BENCH_ONLY=${only.join(',')}; bench/RESULTS.md untouched)`);
  process.exit(0);
}
const summary = writeReport(results, `${out}/RESULTS.md`);
console.log('\n' + summary + `\n\nWrote ${out}/RESULTS.md and ${out}/results.json`);
