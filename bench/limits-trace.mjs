#!/usr/bin/env node
// What the long tasks of the `limits` page are made of: one load per run of the page the limits
// section measures (bench/lib/limits.mjs: the five widgets, the real embed from dist/, the feed
// cross-origin), traced by Chromium (no JS profiler, so no sampling overhead), and for each main-
// thread task over 50 ms: its script (microtasks), style, layout, paint, GC, the feed body's end,
// and the script calls in it. A diagnostic, not a figure of the report.
//   node bench/limits-trace.mjs [fiveMB|items100k] [runs]   (under the browser lock; builds nothing)
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromePath, chromeArgs } from '../scripts/chrome.mjs';
import { startServer } from './lib/server.mjs';
import { fiveMegabytes, hundredThousand, page } from './lib/limits.mjs';

const root = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '');
const which = process.argv[2] || 'fiveMB';
const f = which === 'fiveMB' ? fiveMegabytes() : hundredThousand(root);
const feedServer = await startServer({ root, generated: new Map([['/bench/gen/f.json', f.text]]) });
const pageServer = await startServer({ root, generated: new Map([['/bench/gen/p.html', page(`${feedServer.origin}/bench/gen/f.json`, f)]]) });
const browser = await chromium.launch({ executablePath: chromePath(), args: chromeArgs });
const ms = (us) => Math.round(us / 1000);
try {
  for (let run = 0; run < Number(process.argv[3] || 2); run++) {
    const ctx = await browser.newContext({ timezoneId: 'Europe/Moscow', locale: 'en-US', viewport: { width: 1280, height: 800 } });
    const p = await ctx.newPage();
    await browser.startTracing(p, { categories: ['devtools.timeline', 'v8.execute', 'toplevel', 'blink'] });
    await p.goto(`${pageServer.origin}/bench/gen/p.html`);
    const r = await p.evaluate(() => window.__limits);
    const ev = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
    await ctx.close();
    const main = ev.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && ev.some((x) => x.pid === e.pid && x.name === 'FunctionCall'));
    const onMain = ev.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X').sort((a, b) => a.ts - b.ts || b.dur - a.dur);
    // Outermost events over 50 ms: the tasks.
    const tasks = onMain.filter((e) => e.dur > 50_000 && !onMain.some((o) => o !== e && o.ts <= e.ts && o.ts + o.dur >= e.ts + e.dur && (o.ts < e.ts || o.dur > e.dur)));
    console.log(`${which} run ${run}: long tasks (page's observer) after the feed: ${r.longtasks.filter((t) => t.start + t.duration > r.feedEndMs).map((t) => Math.round(t.duration)).join(', ')} ms`);
    for (const t of tasks) {
      const kids = onMain.filter((e) => e !== t && e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur);
      const sum = (...names) => ms(kids.filter((k) => names.includes(k.name)).reduce((s, k) => s + k.dur, 0));
      const calls = kids
        .filter((k) => ['FunctionCall', 'EvaluateScript', 'TimerFire', 'FireAnimationFrame'].includes(k.name) && k.dur > 3000)
        .map((k) => `${k.name} ${k.args?.data?.functionName || ''}${k.args?.data?.url ? ` ${k.args.data.url.split('/').pop()}` : ''} ${ms(k.dur)}`);
      console.log(
        `  ${ms(t.dur)} ms: microtasks ${sum('RunMicrotasks')}, style ${sum('UpdateLayoutTree')}, layout ${sum('Layout')}, paint ${sum('Paint', 'PrePaint')}, gc ${sum('MinorGC', 'MajorGC')}, body end ${sum('ResponseBodyLoader::DidFinishLoadingBody')}${calls.length ? ` | ${calls.slice(0, 4).join('; ')}` : ''}`,
      );
    }
  }
} finally {
  await browser.close();
  await pageServer.close();
  await feedServer.close();
}
