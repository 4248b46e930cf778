// One `forum-feed import` in this process, then its own figures as one JSON line on stdout:
// wall time from before the importer's modules load to its exit status, CPU time and peak
// resident memory (process.resourceUsage(), the kernel's ru_maxrss). Run by bench/lib/import.mjs.
const t0 = performance.now();
const args = process.argv.slice(2);
let code = 0;
let summary = '';
if (args[0] !== '--noop') {
  const { runImport } = await import('../../bin/import/cli.js');
  let err = '';
  code = await runImport(args, { stdout: () => {}, stderr: (s) => (err += s) });
  summary = err.trim().split('\n').at(-1);
}
const wallMs = performance.now() - t0;
const ru = process.resourceUsage();
process.stdout.write(JSON.stringify({ code, wallMs, cpuMs: (ru.userCPUTime + ru.systemCPUTime) / 1000, maxRssKB: ru.maxRSS, summary }) + '\n');
