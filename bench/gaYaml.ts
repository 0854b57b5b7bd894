// Benchmark (prints figures, asserts nothing): re-validating a 5,000-line ga.yaml (125 accelerators) in the editor's
// path — the language service's per-document validator after one keystroke — against the goal of 30 ms, with
// the median and p95 over many keystrokes; next to a cold validation, a keystroke that breaks the YAML, new live
// facts, and the `yaml` package parsing the whole file (what a non-incremental check would pay at least).
// Run: node scripts/bench.mjs gaYaml   (BENCH_KEYSTROKES=100 for a shorter run)
import { parseDocument } from 'yaml';
import { GaYamlLanguageService, validateGaYaml, writeGaYaml } from '../src/gaYaml';
import type { AcceleratorConfig, GaConfig } from '../src/model';

const KEYSTROKES = Number(process.env.BENCH_KEYSTROKES ?? 1000);
const GOAL_MS = 30;
const REGIONS = ['cn-beijing', 'cn-hangzhou', 'cn-shanghai', 'cn-shenzhen', 'cn-hongkong', 'ap-southeast-1'];

/** 125 accelerators like the walk-through's, two listeners each, and an AAAA and a CNAME record per accelerator. */
function bigConfig(accelerators: number): GaConfig {
  const list: AcceleratorConfig[] = Array.from({ length: accelerators }, (_, i) => ({
    name: `web-${i}`,
    spec: '3',
    billing: 'subscription',
    term: { cycle: 'Month', duration: 1, autoRenew: false },
    bandwidthPlan: { bandwidthType: 'Enhanced', bandwidth: 10 },
    areas: [
      { region: REGIONS[i % REGIONS.length], ipVersion: 'IPv6', bandwidth: 4 },
      { region: REGIONS[(i + 1) % REGIONS.length], ipVersion: 'IPv4', bandwidth: 4 },
    ],
    listeners: [
      {
        name: 'web',
        protocol: 'TCP',
        ports: [{ fromPort: 80, toPort: 80 }, { fromPort: 8000, toPort: 8010 }],
        clientAffinity: 'SOURCE_IP',
        endpointGroups: [{ name: 'web-backend', region: 'cn-beijing', endpoints: [{ ip: `203.0.113.${i % 250}`, weight: 100 }, { ip: `198.51.100.${i % 250}`, weight: 50 }] }],
      },
      {
        name: 'api',
        protocol: 'HTTPS',
        ports: [{ fromPort: 443, toPort: 443 }],
        endpointGroups: [{ name: 'api-backend', region: 'cn-hangzhou', endpoints: [{ ip: `192.0.2.${i % 250}`, weight: 100 }] }],
      },
    ],
  }));
  return {
    version: 1,
    accelerators: list,
    dns: [{ zone: 'example.com', records: list.flatMap((a) => [{ host: `${a.name}`, type: 'AAAA' as const, to: `${a.name}/${a.areas[0].region}`, ttl: 600 }, { host: `cname-${a.name}`, type: 'CNAME' as const, to: a.name }]) }],
  };
}

function stats(samples: number[]): { median: number; p95: number; max: number } {
  const s = [...samples].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)], p95: s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)], max: s[s.length - 1] };
}

function time(run: () => void): number {
  const t = performance.now();
  run();
  return performance.now() - t;
}

function main(): void {
  const base = writeGaYaml(bigConfig(125), { comments: true });
  const lines = base.split('\n').length;
  const weights = [...base.matchAll(/weight: 100/g)].map((m) => m.index! + 'weight: '.length);
  const service = new GaYamlLanguageService();
  const uri = 'file:///bench/ga.yaml';
  const facts = {};

  const cold = time(() => service.update(uri, 0, base, facts));
  const problemsAtStart = service.current(uri, base)?.diagnostics.length ?? -1;

  // Keystrokes: a weight somewhere in the file becomes 101, 102, …, one re-validation each.
  let text = base;
  const keystroke: number[] = [];
  let lastDiagnostics = 0;
  for (let k = 0; k < KEYSTROKES; k++) {
    const at = weights[(k * 37) % weights.length];
    text = `${text.slice(0, at)}${String(100 + (k % 150)).padStart(3, '1')}${text.slice(at + 3)}`;
    keystroke.push(time(() => (lastDiagnostics = service.update(uri, k + 1, text, facts).diagnostics.length)));
  }

  // A keystroke that breaks the YAML of one accelerator (an unclosed flow list), then mends it.
  const broken: number[] = [];
  for (let k = 0; k < 50; k++) {
    const at = text.indexOf('ports: [80', (k * 997) % (text.length - 100));
    const cut = at < 0 ? text.indexOf('ports: [80') : at;
    const bad = `${text.slice(0, cut)}ports: [80${text.slice(text.indexOf(']', cut) + 1)}`;
    broken.push(time(() => service.update(uri, 10_000 + 2 * k, bad, facts)));
    broken.push(time(() => service.update(uri, 10_001 + 2 * k, text, facts)));
  }

  // New live facts (a profile was selected): every accelerator's checks run again, the parse is reused.
  const factsChange: number[] = [];
  for (let k = 0; k < 20; k++) factsChange.push(time(() => service.update(uri, 20_000 + k, text, { liveRegions: REGIONS.map((r) => ({ regionId: r, supportIpv6: true })) })));

  const oneShot: number[] = [];
  for (let k = 0; k < 10; k++) oneShot.push(time(() => validateGaYaml(text)));
  const yamlWhole: number[] = [];
  for (let k = 0; k < 10; k++) yamlWhole.push(time(() => parseDocument(text)));

  const rows: string[][] = [['run', 'n', 'median ms', 'p95 ms', 'max ms']];
  const row = (name: string, samples: number[]) => {
    const s = stats(samples);
    rows.push([name, String(samples.length), s.median.toFixed(2), s.p95.toFixed(2), s.max.toFixed(2)]);
  };
  rows.push(['cold: first validation of the file', '1', cold.toFixed(2), '', '']);
  row('keystroke: re-validation (editor path)', keystroke);
  row('keystroke breaking / mending YAML', broken);
  row('new live facts (all checks, parse reused)', factsChange);
  row('one-shot validateGaYaml (CLI path)', oneShot);
  row('yaml parseDocument, whole file', yamlWhole);

  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  const k = stats(keystroke);
  console.log(`ga.yaml benchmark: ${lines} lines, ${(base.length / 1024).toFixed(0)} KiB, 125 accelerators, ${problemsAtStart} problems at start, ${lastDiagnostics} after the keystrokes; Node ${process.version}`);
  for (const r of rows) console.log(r.map((cell, c) => cell.padEnd(widths[c])).join('  '));
  console.log(`editor re-validation: median ${k.median.toFixed(2)} ms, p95 ${k.p95.toFixed(2)} ms (goal ≤ ${GOAL_MS} ms: ${k.p95 <= GOAL_MS ? 'met' : 'NOT met'} at p95)`);
}

main();
