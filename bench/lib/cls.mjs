// The CLS table (issue 9, "Measured"): each widget pasted into a partner's news article with the
// snippet exactly as the embed configurator gives it. The real configurator page (demo/index.html,
// served by the bench's page server beside dist/) is driven in Chromium with the article's own
// column widths, as the embedding guide tells a partner to do; its #snippet text is pasted into
// the article unchanged. Each page is then loaded at 390×844 and 1280×900 with the feed answered
// at once and 800 ms late, and measured by measureLayoutShift (page-load.mjs).
import { readFileSync } from 'node:fs';
import { measureLayoutShift } from './page-load.mjs';

/** The widgets of the table: the configurator's query for each (its own option names). */
export const CLS_CASES = [
  { name: 'session card', query: 'widget=forum-session-card&session=industrial-parks' },
  { name: 'session card, current', query: 'widget=forum-session-card&session=current' },
  { name: 'session card, compact', query: 'widget=forum-session-card&session=industrial-parks&compact=1' },
  { name: 'counters', query: 'widget=partner-counter&counters=thematic-platforms%20applications' },
  { name: 'quote', query: 'widget=speaker-quote&person=ruslan-zalivatsky' },
  { name: 'strip', query: 'widget=organizer-strip' },
];
export const CLS_VIEWPORTS = [
  { width: 390, height: 844 },
  { width: 1280, height: 900 },
];
export const CLS_DELAYS = [0, 800];
export const CLS_TARGET = 0.02;

/** The article without its widgets and script: the partner's page before pasting. */
export function articleShell(root) {
  const html = readFileSync(`${root}/bench/pages/article.html`, 'utf8')
    .replace(/\s*<script src="\/dist\/forum-widgets.js"[^>]*><\/script>/, '')
    .replace(/\s*<(forum-session-card|speaker-quote|partner-counter|organizer-strip)\b[\s\S]*?<\/\1>/g, '');
  if (/forum-widgets\.js|<forum-|<speaker-|<partner-|<organizer-/.test(html)) throw new Error('bench/pages/article.html: widgets not removed');
  return html;
}

/** The article with `snippet` pasted after its first paragraph (where the card was). */
export function articleWith(shell, snippet) {
  const at = shell.indexOf('</p>', shell.indexOf('<h1>')) + '</p>'.length;
  if (at < '</p>'.length) throw new Error('article shell: no paragraph after the h1');
  return `${shell.slice(0, at)}\n${snippet}${shell.slice(at)}`;
}

/** The article's column (its content box) at each viewport: the widths a partner gives the configurator. */
export async function articleColumns(browser, origin, path) {
  const out = {};
  for (const [slot, viewport] of [['phone', CLS_VIEWPORTS[0]], ['desktop', CLS_VIEWPORTS[1]]]) {
    const ctx = await browser.newContext({ viewport });
    const page = await ctx.newPage();
    await page.goto(origin + path);
    out[slot] = await page.$eval('article', (a) => {
      const s = getComputedStyle(a);
      return Math.floor(a.getBoundingClientRect().width - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight));
    });
    await ctx.close();
  }
  return out;
}

/**
 * The configurator's snippet for `query` (element form), with the article's columns: the text of
 * #snippet once the page has checked the feed and measured the widget, and how long that took.
 */
export async function configuratorSnippet(browser, origin, query, columns) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
  const page = await ctx.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const t0 = Date.now();
  const wide = columns.wideFrom ? `&wide-from=${columns.wideFrom}` : '';
  await page.goto(`${origin}/demo/index.html?${query}&form=element&phone-column=${columns.phone}&desktop-column=${columns.desktop}${wide}`);
  await page.waitForSelector('body[data-ready="true"]', { state: 'attached', timeout: 30_000 });
  await page.waitForSelector('body[data-reserve="ready"]', { state: 'attached', timeout: 60_000 });
  const snippet = await page.textContent('#snippet');
  const css = await page.textContent('#snippet-css');
  const ms = Date.now() - t0;
  await ctx.close();
  if (errors.length) throw new Error(`configurator (${query}): ${errors.join('; ')}`);
  const reserved = [...css.matchAll(/[^-]min-block-size: (\d+)px/g)].map((m) => Number(m[1]));
  return { snippet, css, reserved: { phone: reserved[0], desktop: reserved[1] }, measureMs: ms };
}

/**
 * The whole table. `server` is the bench's page server (setFeedDelay), `generated` its in-memory
 * files (pages are added there), `extra`: more pages to measure as they are ({ name, path }).
 */
export async function measureClsTable(browser, server, generated, root, { extra = [] } = {}) {
  const origin = server.origin;
  const shell = articleShell(root);
  generated.set('/bench/gen/cls-article-empty.html', shell);
  const columns = await articleColumns(browser, origin, '/bench/gen/cls-article-empty.html');
  const rows = [];
  const snippets = [];
  const pages = [];
  for (const c of CLS_CASES) {
    server.setFeedDelay(0);
    const got = await configuratorSnippet(browser, origin, c.query, columns);
    const path = `/bench/gen/cls-article-${c.name.replace(/\W+/g, '-')}.html`;
    generated.set(path, articleWith(shell, got.snippet));
    snippets.push({ name: c.name, query: c.query, snippet: got.snippet, reserved: got.reserved, measureMs: got.measureMs });
    pages.push({ name: c.name, path, reserved: got.reserved });
  }
  for (const p of [...pages, ...extra])
    for (const viewport of CLS_VIEWPORTS)
      for (const delayMs of CLS_DELAYS) {
        const r = await measureLayoutShift(browser, origin, server, { page: p.path, delayMs, viewport });
        rows.push({
          name: p.name,
          page: p.path,
          viewport: r.viewport,
          feedDelayMs: delayMs,
          cls: r.cls,
          clsWindow: r.clsWindow,
          reservedPx: p.reserved ? (viewport.width < 768 ? p.reserved.phone : p.reserved.desktop) : undefined,
          finalPx: r.heights.map((h) => h.final),
          heights: r.heights,
          shiftsAfter: r.shiftsAfter,
          pass: r.cls <= CLS_TARGET,
        });
      }
  server.setFeedDelay(0);
  return { columns, target: CLS_TARGET, snippets, rows };
}

/** Markdown lines for RESULTS.md (or the BENCH_ONLY report). */
export function clsTableReport(t) {
  const f = (x) => (x === undefined ? '—' : String(x));
  const lines = [
    '## CLS table (issue 9)',
    '',
    `How: the embed configurator (demo/index.html, the real page, served beside dist/) is opened in Chromium with each widget's query, \`form=element\` and the article's own columns (${t.columns.phone} px at 390 px, ${t.columns.desktop} px at 1280 px, read from the page), and its \`#snippet\` text is pasted unchanged after the first paragraph of bench/pages/article.html (its own widgets and script removed). Each page is loaded in a fresh context (ru-RU) at 390×844 and 1280×900, the feed answered at once or held 800 ms by the server; CLS = the sum of \`layout-shift\` entries (PerformanceObserver, buffered, from before any page script) until every widget has left \`loading\` plus 1.2 s. Target ≤ ${t.target} each.`,
    '',
    '| widget / page | viewport | feed delay | CLS | verdict | reserved px | final px | shifts (value at ms, after) |',
    '|---|---|---|---|---|---|---|---|',
    ...t.rows.map((r) => `| ${r.name} | ${r.viewport} | ${r.feedDelayMs} ms | ${r.cls} | ${r.pass ? 'PASS' : 'MISS'} | ${f(r.reservedPx)} | ${r.finalPx.length > 3 ? `${r.finalPx.length} widgets, max ${Math.max(...r.finalPx)}` : r.finalPx.join(', ')} | ${r.shiftsAfter.map((e) => `${e.value} at ${e.atMs} (${e.after})`).join('; ') || '—'} |`),
    '',
    `Worst: ${Math.max(...t.rows.map((r) => r.cls))}; ${t.rows.filter((r) => !r.pass).length} of ${t.rows.length} over ${t.target}.`,
    '',
    'Configurator measuring time per snippet (ms, page open to `data-reserve="ready"`): ' + t.snippets.map((s) => `${s.name} ${s.measureMs}`).join(', ') + '.',
  ];
  return lines;
}

export const clsTableSummary = (t) =>
  `CLS table  worst ${Math.max(...t.rows.map((r) => r.cls))} (target ≤ ${t.target}): ${t.rows.filter((r) => !r.pass).length} of ${t.rows.length} rows over`;
