// Render from navigation, with the feed fetched as a partner page does: a page holding 500
// <forum-session-card session=…> tags and the embed's script tag with data-feed, against a
// hand-written page holding 500 placeholders whose small script fetches the same feed and builds
// the same cards with createElement (bench/pages/baseline.js). Both from a fresh browser context
// (cold HTTP cache), alternating; the figure is performance.now() (ms since navigation start)
// when the last card is rendered: for the widget, when the 500th forum-feed-load has fired (an
// element dispatches it after the update that rendered the feed's content); for the baseline,
// when its build returned.
import { median, round } from './stats.mjs';

const CONTEXT = { timezoneId: 'Europe/Moscow', locale: 'en-US', viewport: { width: 1280, height: 800 } };

/** The two pages, served by the bench's page server from memory. */
export function renderFetchPages(ids, cardCss) {
  const head = (s) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench: ${ids.length} cards, feed fetched</title>${s}</head><body><main id="stage">`;
  const widgets =
    head(
      `<script src="/bench/pages/fetch-mark.js"></script><script src="/dist/forum-widgets.js" data-feed="/bench/gen/feed-500.json" defer></script>`,
    ) +
    ids.map((id) => `<forum-session-card session="${id}"></forum-session-card>`).join('') +
    '</main></body></html>';
  const baseline =
    head(
      `<script>window.__cardCss=${JSON.stringify(cardCss).replace(/</g, '\\u003c')}</script><script src="/bench/pages/baseline.js" defer></script><script src="/bench/pages/fetch-baseline.js" defer></script>`,
    ) +
    ids.map(() => '<div></div>').join('') +
    '</main></body></html>';
  return { widgets, baseline };
}

export async function measureRenderFetch(browser, origin, { n = 500, runs = 7, warmup = 1 }) {
  const res = { widget: [], baseline: [] };
  const errors = [];
  for (let i = 0; i < warmup + runs; i++) {
    const order = i % 2 ? ['baseline', 'widget'] : ['widget', 'baseline'];
    for (const kind of order) {
      const ctx = await browser.newContext(CONTEXT);
      const page = await ctx.newPage();
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(`${origin}/bench/gen/fetch-${kind === 'widget' ? 'widgets' : 'baseline'}.html`);
      const r = await page.waitForFunction(() => window.__done, undefined, { timeout: 60_000, polling: 50 }).then((h) => h.jsonValue());
      if (r.cards !== n) throw new Error(`${kind}: ${r.cards} of ${n} cards rendered`);
      if (i >= warmup) res[kind].push(r);
      await ctx.close();
    }
  }
  const fig = (kind, k) => round(median(res[kind].map((r) => r[k])));
  const out = {
    n,
    runs: res.widget.length,
    widgetMs: fig('widget', 'ms'),
    baselineMs: fig('baseline', 'ms'),
    widgetFeedArrivedMs: fig('widget', 'feedMs'),
    baselineFeedArrivedMs: fig('baseline', 'feedMs'),
    widgetRunsMs: res.widget.map((r) => round(r.ms)),
    baselineRunsMs: res.baseline.map((r) => round(r.ms)),
    pageErrors: errors,
  };
  out.ratio = round(out.widgetMs / out.baselineMs, 2);
  return out;
}
