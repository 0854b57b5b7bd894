// Benchmark (prints figures, asserts nothing): the probe engine's time for 200 targets × 3 attempts against an
// HTTP server on [::1], next to the same done with `curl -6` in a loop, and both connect-time medians.
// Run: node scripts/bench.mjs probe   (BENCH_TARGETS=50 for a shorter run)
import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildCurlCommand, runProbe, summarize } from '../src/probe';

const TARGETS = Number(process.env.BENCH_TARGETS ?? 200);
const ATTEMPTS = 3;

async function main(): Promise<void> {
  const server = createServer((_req, res) => res.end('ok'));
  await new Promise<void>((r) => server.listen(0, '::1', r));
  const port = (server.address() as AddressInfo).port;
  const targets = Array.from({ length: TARGETS }, (_, i) => `http://[::1]:${port}/${i}`);
  const rows: string[][] = [['run', 'wall ms', 'per attempt ms', 'connect median ms', 'answered']];

  for (const concurrency of [16, 1]) {
    const started = performance.now();
    const report = await runProbe(targets, { attempts: ATTEMPTS, intervalMs: 0, concurrency });
    const wall = performance.now() - started;
    const attempts = report.targets.flatMap((t) => t.endpoints.flatMap((e) => e.attempts));
    const connect = summarize(attempts.flatMap((a) => (a.connectMs === undefined ? [] : [a.connectMs])));
    rows.push([`engine, concurrency ${concurrency}`, wall.toFixed(0), (wall / attempts.length).toFixed(2), connect?.median.toFixed(3) ?? '-', `${attempts.filter((a) => a.ok).length}/${attempts.length}`]);
  }

  const curl = await curlLoop(port);
  rows.push(curl ?? ['curl -6 (sequential)', 'curl not installed', '', '', '']);
  server.close();

  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  console.log(`probe benchmark: ${TARGETS} targets × ${ATTEMPTS} attempts, HTTP GET on [::1], Node ${process.version}`);
  for (const r of rows) console.log(r.map((cell, c) => cell.padEnd(widths[c])).join('  '));
}

async function curlLoop(port: number): Promise<string[] | undefined> {
  const connects: number[] = [];
  let answered = 0;
  const started = performance.now();
  for (let i = 0; i < TARGETS; i++) {
    for (let k = 0; k < ATTEMPTS; k++) {
      const { argv } = buildCurlCommand({ address: '::1', port, path: `/${i}` });
      const args = [...argv.slice(1, -1), '-s', '-o', '/dev/null', '-w', '%{http_code} %{time_connect}', argv[argv.length - 1]];
      const out = await new Promise<string | undefined>((resolve) =>
        execFile(argv[0], args, (error, stdout) => resolve((error as NodeJS.ErrnoException | null)?.code === 'ENOENT' ? undefined : stdout)),
      );
      if (out === undefined) return undefined;
      const [code, seconds] = out.trim().split(' ');
      if (code === '200') answered++;
      connects.push(Number(seconds) * 1000);
    }
  }
  const wall = performance.now() - started;
  const n = TARGETS * ATTEMPTS;
  return ['curl -6 (sequential)', wall.toFixed(0), (wall / n).toFixed(2), summarize(connects)?.median.toFixed(3) ?? '-', `${answered}/${n}`];
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
