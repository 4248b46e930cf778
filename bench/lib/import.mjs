// Import of a generated 2,000-event c3voc schedule.json (the classic days → rooms → events shape
// frab and pretalx write): time and peak memory of `forum-feed import`, each run a fresh Node
// process (bench/lib/import-child.mjs), as an organiser runs it. No browser.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';

// A small seeded generator, so every run imports the same programme.
function rng(seed) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s ^ (s >>> 15), 1 | s) + 0x6d2b79f5) >>> 0) / 2 ** 32);
}

/** A c3voc schedule.json with `events` events over 5 days and 10 rooms, `people` people. */
export function generateSchedule(events = 2000, people = 1500) {
  const rand = rng(2025);
  const pick = (a) => a[Math.floor(rand() * a.length)];
  const words = ['логистика', 'industrial', 'parks', 'экономика', 'cooperation', 'border', 'energy', 'порт', 'agriculture', 'digital', 'customs', 'tourism', '合作', '发展', '投资'];
  const persons = Array.from({ length: people }, (_, i) => ({ id: 1000 + i, public_name: `Speaker ${i} ${pick(words)}` }));
  const rooms = Array.from({ length: 10 }, (_, i) => `Hall ${i + 1}`);
  const perDayRoom = Math.ceil(events / 5 / rooms.length);
  const days = [];
  let id = 1;
  for (let d = 0; d < 5; d++) {
    const date = `2030-05-${String(19 + d).padStart(2, '0')}`;
    const byRoom = {};
    for (const room of rooms) {
      byRoom[room] = [];
      for (let k = 0; k < perDayRoom && id <= events; k++, id++) {
        const h = 8 + Math.floor((k * 15) / 60);
        const m = (k * 15) % 60;
        const n = 1 + Math.floor(rand() * 3);
        byRoom[room].push({
          id,
          guid: `00000000-0000-4000-8000-${String(id).padStart(12, '0')}`,
          date: `${date}T${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:00+10:00`,
          start: `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`,
          duration: '00:15',
          room,
          slug: `forum-${id}`,
          url: `https://forum.example/events/${id}`,
          title: `${pick(words)} ${pick(words)} ${id}`,
          subtitle: rand() < 0.3 ? `${pick(words)} ${pick(words)}` : null,
          track: pick(['Economy', 'Logistics', 'Energy', 'Culture']),
          type: 'talk',
          language: 'en',
          abstract: `<p>${Array.from({ length: 40 }, () => pick(words)).join(' ')}</p><p>${pick(words)} &amp; ${pick(words)}</p>`,
          description: '',
          persons: Array.from({ length: n }, () => pick(persons)),
          links: [],
        });
      }
    }
    days.push({ index: d + 1, date, day_start: `${date}T08:00:00+10:00`, day_end: `${date}T20:00:00+10:00`, rooms: byRoom });
  }
  return {
    schedule: {
      version: 'bench',
      conference: { acronym: 'bench2030', title: 'Benchmark Forum', start: '2030-05-19', end: '2030-05-23', daysCount: 5, timeslot_duration: '00:05', time_zone_name: 'Asia/Vladivostok', days },
    },
  };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const r1 = (x) => Math.round(x * 10) / 10;

export async function measureImport(root, { events = 2000, runs = 5 } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-import-'));
  try {
    const input = join(dir, 'schedule.json');
    const output = join(dir, 'feed.json');
    writeFileSync(input, JSON.stringify(generateSchedule(events)));
    const child = join(root, 'bench/lib/import-child.mjs');
    const once = (args) => {
      const t0 = performance.now();
      const r = spawnSync(process.execPath, [child, ...args], { encoding: 'utf8' });
      const outerMs = performance.now() - t0;
      if (r.status !== 0) throw new Error(`import child failed (${r.status}): ${r.stderr}`);
      const line = JSON.parse(r.stdout.trim().split('\n').at(-1));
      if (line.code !== 0) throw new Error(`forum-feed import exited ${line.code}: ${line.summary}`);
      return { ...line, outerMs };
    };
    const args = [input, '-o', output];
    once(args); // warm-up: file cache, not the process (each run is a new one)
    const loadBefore = loadavg()[0];
    const measured = Array.from({ length: runs }, () => once(args));
    const loadAfter = loadavg()[0];
    const bare = Array.from({ length: 3 }, () => once(['--noop']));
    // Cross-check of the peak with GNU time's own reading of the same kernel figure, when present.
    let gnuTimeMaxRssKB;
    if (existsSync('/usr/bin/time')) {
      const r = spawnSync('/usr/bin/time', ['-v', process.execPath, child, ...args], { encoding: 'utf8' });
      gnuTimeMaxRssKB = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1]) || undefined;
    }
    const feed = JSON.parse(readFileSync(output, 'utf8'));
    return {
      events,
      inputBytes: statSync(input).size,
      outputBytes: statSync(output).size,
      sessions: feed.sessions.length,
      people: feed.people.length,
      summary: measured[0].summary,
      runs,
      wallMs: measured.map((m) => r1(m.wallMs)),
      outerMs: measured.map((m) => r1(m.outerMs)),
      cpuMs: measured.map((m) => r1(m.cpuMs)),
      maxRssMB: measured.map((m) => r1(m.maxRssKB / 1024)),
      medianWallMs: r1(median(measured.map((m) => m.wallMs))),
      medianOuterMs: r1(median(measured.map((m) => m.outerMs))),
      medianCpuMs: r1(median(measured.map((m) => m.cpuMs))),
      peakRssMB: r1(Math.max(...measured.map((m) => m.maxRssKB)) / 1024),
      bareNodeRssMB: r1(median(bare.map((m) => m.maxRssKB)) / 1024),
      gnuTimeMaxRssMB: gnuTimeMaxRssKB && r1(gnuTimeMaxRssKB / 1024),
      node: process.version,
      load1: [r1(loadBefore), r1(loadAfter)],
      cores: cpus().length,
      git: (() => {
        try {
          return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
        } catch {
          return undefined;
        }
      })(),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The report's section, from the figures above. */
export function importReport(I) {
  if (!I) return [];
  return [
    '',
    '## Import (`forum-feed import`)',
    '',
    `A generated c3voc schedule.json of **${I.events.toLocaleString('en-US')} events** (${I.inputBytes.toLocaleString('en-US')} B; 5 days × 10 rooms, 1-3 of 1,500 people per event, HTML abstracts; bench/lib/import.mjs) imported to a feed of ${I.sessions.toLocaleString('en-US')} sessions and ${I.people.toLocaleString('en-US')} people (${I.outputBytes.toLocaleString('en-US')} B), validated before it is written:`,
    '',
    `| figure | median of ${I.runs} runs | runs |`,
    '|---|---|---|',
    `| wall, process start to exit | ${I.medianOuterMs} ms | ${I.outerMs.join(', ')} |`,
    `| wall, in the process (module loading, read, parse, build, validate, write) | ${I.medianWallMs} ms | ${I.wallMs.join(', ')} |`,
    `| CPU (user + system) | ${I.medianCpuMs} ms | ${I.cpuMs.join(', ')} |`,
    `| peak resident memory | max ${I.peakRssMB} MB | ${I.maxRssMB.join(', ')} |`,
    '',
    `How: each run is a fresh \`node\` (${I.node}) running bench/lib/import-child.mjs, which loads bin/import/cli.js and runs the import in-process, then reports \`process.resourceUsage()\` (CPU, and \`maxRSS\`: the kernel's peak resident set of the whole process). One warm-up run first. The 1-minute load average was ${I.load1.join(' before and ')} after the runs, on ${I.cores} cores${Math.max(...I.load1) > I.cores ? ' (above the core count: the wall times include waiting for a core, CPU time does not)' : ''}. For scale, a bare Node process that loads nothing peaks at ${I.bareNodeRssMB} MB.` +
      (I.gnuTimeMaxRssMB ? ` Cross-check: GNU \`/usr/bin/time -v\` on one more run read a maximum resident set of ${I.gnuTimeMaxRssMB} MB.` : ''),
  ];
}

/** The one-line summary run.mjs prints. */
export const importSummary = (I) =>
  `import     ${I.events.toLocaleString('en-US')}-event schedule.json: ${I.medianOuterMs} ms wall (${I.medianCpuMs} ms CPU), peak ${I.peakRssMB} MB resident (bare Node ${I.bareNodeRssMB} MB)`;
