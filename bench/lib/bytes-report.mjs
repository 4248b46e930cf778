// The bytes section of bench/RESULTS.md (also written alone by BENCH_ONLY=bytes): the core, each
// chunk, what a page with one widget and one with all five downloads, each npm element alone, the
// breakdown, and what each cut saved.
const n = (x) => (x === undefined || x === null ? '—' : Number(x).toLocaleString('en-US'));
const kb = (b) => `${(b / 1024).toFixed(2)} KB`;
const verdict = (ok) => (ok ? 'PASS' : '**MISS**');
const table = (head, rows) => [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');

/** The verdict the summary shows: a partner page with one session card, against 16 KB. */
export const bytesHeadline = (b) => ({ gzip9: b.onePage['session-card'].gzip9, pass: b.onePage['session-card'].pass });

export function bytesReport(b) {
  const L = [];
  const p = (...x) => L.push(...x);
  const E = b.limits.embed;
  const widgets = Object.entries(b.onePage);
  const best = widgets.reduce((x, y) => (y[1].gzip9 < x[1].gzip9 ? y : x));
  const worst = widgets.reduce((x, y) => (y[1].gzip9 > x[1].gzip9 ? y : x));
  p(
    '## Bytes',
    '',
    'How: node:zlib on the built files in dist/: `gzipSync` at level 9 and at the default level (6), `brotliCompressSync` at its default quality (11). KB = 1,024 bytes. A page downloads each file separately, so a page\'s figure is the sum of its files\' compressed sizes.',
    '',
    `The embed is a core (\`dist/forum-widgets.js\`, the file partners paste) and one chunk per widget beside it, which the core loads when the page holds that widget (scripts/build-embed.mjs). ` +
      `**A page with one widget downloads ${n(best[1].gzip9)}–${n(worst[1].gzip9)} B gzip -9** (${best[0]} to ${worst[0]}); ` +
      `**a page with all five widgets downloads ${n(b.allWidgets.gzip9)} B** in six files — more than one file holding everything would be, because each chunk is compressed on its own and names what it takes from the core (see the cuts table).`,
    '',
    table(
      ['File', 'raw', 'gzip -9', 'gzip (default)', 'brotli'],
      [
        ['dist/forum-widgets.js (the core)', n(b.core.raw), n(b.core.gzip9), n(b.core.gzip), n(b.core.brotli)],
        ...Object.entries(b.chunks).map(([name, c]) => [`dist/${c.file}${name === 'markup' ? ' (CMS-markup upgrader)' : ''}`, n(c.raw), n(c.gzip9), n(c.gzip), n(c.brotli)]),
      ],
    ),
    '',
    `**What a partner page downloads**, against the issue's budget of ${n(E)} B gzip -9 for the embed on a page:`,
    '',
    table(
      ['Page', 'gzip -9', 'brotli', 'raw', `≤ ${n(E)} B`],
      [
        ['the core alone (no widget on the page)', n(b.core.gzip9), n(b.core.brotli), n(b.core.raw), verdict(b.core.gzip9 <= E)],
        ...widgets.map(([name, x]) => [`core + ${name}`, n(x.gzip9), n(x.brotli), n(x.raw), verdict(x.pass)]),
        ...(b.oneBlock ? [['core + markup upgrader + session-card (the markup form)', n(b.oneBlock.gzip9), n(b.oneBlock.brotli), n(b.oneBlock.raw), verdict(b.oneBlock.pass)]] : []),
        ['core + all five widgets', n(b.allWidgets.gzip9), n(b.allWidgets.brotli), n(b.allWidgets.raw), verdict(b.allWidgets.pass)],
      ],
    ),
    '',
    `**Each element imported alone from the npm build** — \`dist/lib/<folder>/define.js\` bundled by esbuild (the one vite installs) with every dependency (lit, @lit/localize, the feed core, the element's own and the shared UI strings) included, minified, ESM, es2021: what an npm user's bundler ships for one element. Target: at most ${n(b.limits.npm)} B gzip -9.`,
    '',
    table(
      ['Import', 'raw', 'gzip -9', 'brotli', `≤ ${n(b.limits.npm)} B`],
      Object.entries(b.alone).map(([k, v]) => [`${k} (\`${v.entry}\`)`, n(v.raw), n(v.gzip9), n(v.brotli), v.pass === undefined ? '—' : verdict(v.pass)]),
    ),
    '',
    `**Where each file's bytes come from** — the bundler's rendered length of each module in each output (before minification, so shares are estimates), gzip -9 of the file spread by that share.`,
    '',
  );
  for (const f of b.breakdown) {
    p(
      `- \`${f.file}\` (${n(f.gzip9)} B gzip -9): ` + f.areas.map((a) => `${a.area} ≈ ${n(a.gzipEstimate)} B`).join(', ') + '. Largest modules: ' + f.top.map((t) => `${t.path} ${n(t.rendered)}`).join(', ') + '.',
    );
  }
  p('');
  if (b.changes) {
    p(
      `**What each build-time rewrite saves** — the embed rebuilt (scripts/build-embed.mjs) into a temporary folder with one rewrite switched off (\`FW_KEEP\`, read by scripts/embed-plugins.mjs and scripts/build-embed.mjs), node:zlib gzip -9 of the core and every chunk summed (bench/lib/bytes-changes.mjs). All on: ${n(b.changes.rebuiltGzip9)} B; all off: ${n(b.changes.neitherGzip9)} B (${n(b.changes.allSavedGzip9)} B saved together).`,
      '',
      table(
        ['Rewrite', 'without it (gzip -9)', 'with all (gzip -9)', 'saved'],
        b.changes.rows.map((x) => [x.change, `${n(x.withoutGzip9)} B`, `${n(x.withGzip9)} B`, `${n(x.savedGzip9)} B`]),
      ),
      '',
    );
    if (b.changes.cuts?.length) {
      p(
        '**What each source change saved** — measured between commits as each entry says (bench/bytes-cuts.json, written when the change was made; gzip -9 by node:zlib).',
        '',
        table(
          ['Change', 'commit', 'before', 'after'],
          b.changes.cuts.map((c) => [
            c.change + (c['why not'] ? ` — ${c['why not']}` : ''),
            c.commit ?? '—',
            Object.entries(c.before).map(([k, v]) => `${k}: ${n(v)} B`).join('; '),
            Object.entries(c.after).map(([k, v]) => `${k}: ${n(v)} B`).join('; '),
          ]),
        ),
        '',
      );
    }
  }
  const over = bytesHeadline(b);
  if (!over.pass) {
    const core = b.breakdown.find((f) => f.file === 'forum-widgets.js');
    const lit = core.areas.filter((a) => a.area === 'lit' || a.area === '@lit/localize').reduce((s, a) => s + a.gzipEstimate, 0);
    p(
      `**Cause of the miss**: a page with one session card downloads ${n(over.gzip9)} B, ${n(over.gzip9 - E)} B over. The core alone is ${n(b.core.gzip9)} B (${kb(b.core.gzip9)}), of which Lit and @lit/localize ≈ ${n(lit)} B; ` +
        `the rest is the feed's loader and validator, the shared base and the UI strings of ru and zh-Hans (estimates above). Every widget needs all of that, so no split of the widgets' own code can bring a one-widget page under ${n(E)} B; only cuts in the core can.`,
      '',
    );
  }
  return L;
}
