// <forum-programme> figures: a 500-session programme in mode="all" and mode="day", the widget
// against a hand-written DOM list of the same sessions in the same Chromium page (time to
// rendered, to the next frame, longest task), and the bytes the element adds to the embed.
// `BENCH_ONLY=programme npm run bench` runs this section alone.
import { median, round } from './stats.mjs';
import { embedFiles } from './bytes.mjs';

const CONTEXT = { timezoneId: 'Europe/Moscow', locale: 'en-US', viewport: { width: 1280, height: 800 } };
// bigFeed's first day: its 500 sessions alternate between 19 and 20 May 2030.
const DAY = '2030-05-19';
const OTHER_DAY = '2030-05-20';

export async function measureProgramme(browser, origin, { feedPath, sessions, warmup = 1, runs = 5 }) {
  const ctx = await browser.newContext(CONTEXT);
  const page = await ctx.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  try {
    await page.goto(`${origin}/bench/pages/programme.html`);
    await page.waitForFunction(() => window.progBench && customElements.get('forum-programme'));
    await page.evaluate(async (u) => {
      window.__feedText = await (await fetch(u)).text();
    }, feedPath);
    const cdp = await ctx.newCDPSession(page);
    const gc = () => cdp.send('HeapProfiler.collectGarbage');
    const out = { sessions, day: DAY, warmup, runs, modes: {} };
    for (const mode of ['all', 'day']) {
      const res = { widget: [], baseline: [], switch: [] };
      for (let i = 0; i < warmup + runs; i++) {
        // Alternate which goes first, so neither always meets a warmer heap.
        for (const kind of i % 2 ? ['baseline', 'widget'] : ['widget', 'baseline']) {
          await page.evaluate(() => window.progBench.clear());
          await gc();
          await page.evaluate(() => window.progBench.prepare(window.__feedText));
          const r = await page.evaluate(([k, m, d]) => window.progBench[k](m, d), [kind, mode, DAY]);
          if (r.state !== 'ready' || !r.sessions) throw new Error(`programme bench: ${kind} ${mode} rendered ${r.sessions} sessions in state ${r.state}`);
          if (i >= warmup) res[kind].push(r);
          if (kind === 'widget' && mode === 'all') {
            const s = await page.evaluate((d) => window.progBench.switchTab(d), OTHER_DAY);
            if (i >= warmup) res.switch.push(s);
          }
        }
      }
      const fig = (list, key) => round(median(list.map((r) => r[key])));
      const sum = (list) =>
        list.length && {
          firstMs: fig(list, 'firstMs'),
          renderedMs: fig(list, 'renderedMs'),
          frameMs: fig(list, 'frameMs'),
          scriptMs: fig(list, 'scriptMs'),
          longTaskMs: fig(list, 'longTask'),
          worstLongTaskMs: round(Math.max(...list.map((r) => r.longTask))),
          renderedRunsMs: list.map((r) => round(r.renderedMs)),
          sessionsShown: list[0].sessions,
          elements: list[0].elements,
        };
      out.modes[mode] = { widget: sum(res.widget), baseline: sum(res.baseline), ...(res.switch.length ? { switchTab: sum(res.switch) } : {}) };
      const m = out.modes[mode];
      m.ratio = round(m.widget.renderedMs / m.baseline.renderedMs, 2);
      m.ratioFrame = round(m.widget.frameMs / m.baseline.frameMs, 2);
    }
    out.pageErrors = errors;
    out.longTaskLimitMs = 200;
    out.pass = Object.values(out.modes).every((m) => m.widget.worstLongTaskMs <= 200 && (!m.switchTab || m.switchTab.worstLongTaskMs <= 200));
    return out;
  } finally {
    await ctx.close();
  }
}

/**
 * What <forum-programme> adds to a page: its chunk (dist/forum-widgets.programme.js), which the
 * core loads only on pages that hold a programme; the core is the same with or without it.
 */
export async function programmeBytes(root) {
  const { core, chunks } = embedFiles(root);
  const added = chunks.programme;
  return { embed: core, added, withProgramme: { gzip9: core.gzip9 + added.gzip9 } };
}

export function programmeReport(P) {
  if (!P) return [];
  const L = [];
  const ms = (x) => `${x} ms`;
  L.push('', '## Programme: a 500-session `<forum-programme>`', '');
  if (P.bytes) {
    const { added, embed, withProgramme } = P.bytes;
    L.push(
      `**Bytes the element adds to a page: its chunk, ${added.raw.toLocaleString('en-US')} B raw, ${added.gzip9.toLocaleString('en-US')} B gzip -9, ${added.brotli.toLocaleString('en-US')} B brotli** ` +
        `(a page with the programme alone downloads ${withProgramme.gzip9.toLocaleString('en-US')} B gzip -9: the core's ${embed.gzip9.toLocaleString('en-US')} B and the chunk).`,
      '',
      'How: node:zlib (gzip -9, brotli quality 11) of dist/forum-widgets.programme.js, which the core loads only when the page holds a `<forum-programme>` (scripts/build-embed.mjs); it carries the programme\'s modules and what only it and the card use (src/base/calendar.ts, the .ics writer).',
      '',
    );
  }
  if (P.render) {
    const R = P.render;
    const row = (name, x) => (x ? [name, x.sessionsShown, x.elements, ms(x.firstMs), ms(x.renderedMs), ms(x.frameMs), ms(x.longTaskMs), ms(x.worstLongTaskMs), x.renderedRunsMs.join(', ')] : [name, '—']);
    const head = ['', 'sessions shown', 'elements', 'first screen (median)', 'all rendered (median)', 'to next frame', 'longest task (median)', 'longest task (worst run)', 'to rendered, each run (ms)'];
    const table = (rows) => [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
    L.push(
      `**Long tasks: ${R.pass ? 'PASS' : '**MISS**'}** — target: no long task over ${R.longTaskLimitMs} ms while 500 sessions render in mode="all" (and mode="day", and when the reader opens the other day).`,
      '',
      `A ${R.sessions}-session programme (bench/lib/big-feed.mjs: two days, 12 halls, 10 slots a day, 3 speakers and a moderator each, ru/en/zh-Hans), day ${R.day}, ${R.warmup} warm-up and ${R.runs} measured runs per mode, widget and baseline alternating which goes first, in one page (bench/pages/programme.html).`,
      '',
    );
    for (const [mode, m] of Object.entries(R.modes)) {
      L.push(`mode="${mode}" — widget/baseline, all rendered: **${m.ratio}x**; to the next frame (painted): **${m.ratioFrame}x**`, '', table([row('`<forum-programme>`', m.widget), row('hand-written DOM', m.baseline), ...(m.switchTab ? [row('widget: open the other day\'s tab', m.switchTab)] : [])]), '');
    }
    L.push(
      'How: bench/pages/programme.js. Each run starts with a freshly parsed feed object in hand (the widget validates it, as it does a fetched one; the baseline does not). *First screen*: from before the element (or host) is created to its first update (`updateComplete`) laid out (forced style + layout, `offsetHeight`); the widget renders a long day in steps of 40 sessions, one per frame, with `aria-busy` on the list until the last, so this is what a reader sees first; the baseline renders everything at once. *All rendered*: until every session is in the DOM (the widget\'s `aria-busy` gone, seen by a MutationObserver), laid out. *To next frame*: after the following animation frame. *Longest task*: the longest PerformanceObserver `longtask` entry (> 50 ms; 0 = none) from the start to that frame. The baseline builds the same markup for the same day with createElement/textContent in a shadow root with the element\'s own styles (see the comment in programme.js). In mode="all" only the open day is rendered (the other day when its tab is opened), and each time slot has `content-visibility: auto`, so off-screen slots are not laid out or painted (the baseline has the same styles, so that applies to it too; the stepwise rendering does not).',
      '',
    );
    if (R.pageErrors?.length) L.push(`Page errors: ${R.pageErrors.join('; ')}`, '');
  }
  return L;
}

export function programmeSummary(P) {
  if (!P) return '';
  const parts = [];
  if (P.render) {
    for (const [mode, m] of Object.entries(P.render.modes))
      parts.push(`${mode}: first screen ${m.widget.firstMs} ms, all ${m.widget.renderedMs} ms vs DOM ${m.baseline.renderedMs} ms (${m.ratio}x), longest task ${m.widget.worstLongTaskMs} ms (DOM ${m.baseline.worstLongTaskMs} ms)`);
  }
  if (P.bytes) parts.push(`its chunk ${P.bytes.added.gzip9} B gzip -9`);
  return `programme  500 sessions — ${parts.join('; ')}${P.render ? ` (≤ 200 ms long task: ${P.render.pass ? 'PASS' : 'MISS'})` : ''}`;
}
