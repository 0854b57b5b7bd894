// `npm test`: every suite in order, each one's outcome, and a closing line `N passed, N failed`.
//   typecheck    tsc -p . (also emits out/, which every later suite runs; one compile for the whole run)
//   lint         eslint .
//   unit         node scripts/run-node-tests.mjs unit
//   integration  node scripts/run-node-tests.mjs integration
//   extension    node scripts/run-extension-tests.mjs   (real VS Code extension host, code-server)
//   e2e          node scripts/run-e2e.mjs               (UI journeys in headless Chromium)
//   package      node scripts/run-package-tests.mjs     (the .vsix: its files, then installed and used in a fresh VS Code)
// Typecheck and lint count as one test each. A suite that runs no tests, or exits non-zero without reporting a
// failing test, counts as one failure. Exit code 1 when anything failed.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from './lib/project.mjs';

const node = process.execPath;
// node:test's spec reporter reads better in CI logs than TAP (its default when output is not a terminal).
const specReporter = { NODE_OPTIONS: [process.env.NODE_OPTIONS, '--test-reporter=spec'].filter(Boolean).join(' ') };
const alreadyCompiled = { SKIP_COMPILE: '1' };

const SUITES = [
  { name: 'typecheck', single: true, command: [node, 'node_modules/typescript/bin/tsc', '-p', '.'], before: pruneStaleOutput },
  { name: 'lint', single: true, command: [node, 'node_modules/eslint/bin/eslint.js', '.'] },
  { name: 'unit', command: [node, 'scripts/run-node-tests.mjs', 'unit'], env: { ...alreadyCompiled, ...specReporter } },
  { name: 'integration', command: [node, 'scripts/run-node-tests.mjs', 'integration'], env: { ...alreadyCompiled, ...specReporter } },
  { name: 'extension', command: [node, 'scripts/run-extension-tests.mjs'], env: alreadyCompiled },
  { name: 'e2e', command: [node, 'scripts/run-e2e.mjs'], env: alreadyCompiled },
  // Last: packaging rebuilds dist/ as production bundles (scripts/build.mjs --production --clean).
  { name: 'package', command: [node, 'scripts/run-package-tests.mjs'], env: alreadyCompiled },
];

const outcomes = [];
for (const suite of SUITES) outcomes.push(await runSuite(suite));

console.log('\n══ summary ══');
for (const o of outcomes) {
  console.log(`  ${o.failed ? '✘' : '✔'} ${o.name.padEnd(12)} ${String(o.passed).padStart(4)} passed ${String(o.failed).padStart(3)} failed  ${o.seconds.toFixed(1).padStart(6)}s${o.note ? `  (${o.note})` : ''}`);
}
const passed = outcomes.reduce((sum, o) => sum + o.passed, 0);
const failed = outcomes.reduce((sum, o) => sum + o.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);

async function runSuite({ name, command, env = {}, single = false, before }) {
  console.log(`\n══ ${name} ══ ${command.slice(1).join(' ')}`);
  before?.();
  const started = Date.now();
  const { code, output } = await runTeed(command, env);
  const seconds = (Date.now() - started) / 1000;
  if (single) {
    return { name, seconds, passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1 };
  }
  const counts = summaryCounts(output);
  if (!counts || counts.passed + counts.failed === 0) {
    return { name, seconds, passed: 0, failed: 1, note: code === 0 ? 'ran no tests' : `exited with code ${code} before reporting tests` };
  }
  if (code !== 0 && counts.failed === 0) {
    return { name, seconds, passed: counts.passed, failed: 1, note: `exited with code ${code} although no test failed` };
  }
  return { name, seconds, ...counts };
}

/** Runs a command with its output shown live and also kept for counting. */
function runTeed([command, ...args], env) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: projectRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => { output += chunk; process.stdout.write(chunk); });
    child.stderr.on('data', (chunk) => { output += chunk; process.stderr.write(chunk); });
    child.once('error', (error) => { output += error.message; });
    child.once('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

/**
 * The last summary of node's test runner in `output`: TAP (`# pass 3`) or spec (`ℹ pass 3`). The extension
 * launcher prints the TAP form too. Cancelled tests (e.g. a timed-out file) count as failed.
 */
function summaryCounts(output) {
  const last = (word) => {
    const all = [...output.matchAll(new RegExp(`^(?:#|ℹ) ${word} (\\d+)\\s*$`, 'gm'))];
    return all.length ? Number(all.at(-1)[1]) : undefined;
  };
  const passed = last('pass');
  const failed = last('fail');
  if (passed === undefined && failed === undefined) return undefined;
  return { passed: passed ?? 0, failed: (failed ?? 0) + (last('cancelled') ?? 0) };
}

/**
 * Removes compiled files in out/ whose TypeScript source is gone (a renamed or deleted test would otherwise
 * still run). Only stale files: others may be running tests from out/ at the same time.
 */
function pruneStaleOutput() {
  const walk = (dir) => {
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) { walk(path); continue; }
      const base = /^(.*)\.(js|js\.map|d\.ts)$/.exec(name)?.[1];
      if (base === undefined) continue;
      const source = join(projectRoot, dir.slice(join(projectRoot, 'out').length + 1), `${base}.ts`);
      if (!existsSync(source)) rmSync(path);
    }
  };
  for (const top of ['src', 'test', 'bench']) walk(join(projectRoot, 'out', top));
}
