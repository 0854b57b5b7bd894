// Entry of the extension-host suite: VS Code loads this module (extensionTestsPath) inside the extension host
// and awaits run(). Two launchers use it: scripts/run-extension-tests.mjs (code-server, here) reads the
// results file named by GA_TEST_RESULTS; @vscode/test-electron (test/runTest.ts, desktops with network) only
// sees whether run() rejects.
import { mkdirSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Mocha from 'mocha';
import { takeNotes } from './testLog';

export interface TestOutcome {
  title: string;
  state: 'passed' | 'failed';
  durationMs?: number;
}

export interface SuiteResults {
  passed: number;
  failed: number;
  tests: TestOutcome[];
  failures: { title: string; message: string; stack?: string }[];
  notes: string[];
}

export const RESULTS_ENV = 'GA_TEST_RESULTS';

export async function run(): Promise<void> {
  const results = await runMocha();
  const file = process.env[RESULTS_ENV];
  if (file) writeAtomically(file, JSON.stringify(results, null, 2));
  if (results.failed > 0) throw new Error(`${results.failed} extension-host test(s) failed: ${results.failures.map((f) => f.title).join('; ')}`);
  if (results.passed === 0) throw new Error(`no extension-host tests ran (no *.test.js next to ${__filename})`);
}

function runMocha(): Promise<SuiteResults> {
  const results: SuiteResults = { passed: 0, failed: 0, tests: [], failures: [], notes: [] };
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 20_000, reporter: 'spec' });
  for (const file of testFiles(__dirname)) mocha.addFile(file);
  return new Promise((resolve) => {
    try {
      const runner = mocha.run(() => resolve({ ...results, notes: takeNotes() }));
      runner.on('pass', (test) => {
        results.passed++;
        results.tests.push({ title: test.fullTitle(), state: 'passed', durationMs: test.duration });
      });
      // Also called for failing hooks ("before all" hook …), which mocha does not report as tests.
      runner.on('fail', (test, error: Error) => {
        results.failed++;
        results.tests.push({ title: test.fullTitle(), state: 'failed', durationMs: test.duration });
        results.failures.push({ title: test.fullTitle(), message: error.message, stack: error.stack });
      });
    } catch (error) {
      // A test file that does not load (syntax, missing module) must be reported, not hang the launcher.
      const e = error instanceof Error ? error : new Error(String(error));
      results.failed++;
      results.failures.push({ title: 'loading the test files', message: e.message, stack: e.stack });
      resolve({ ...results, notes: takeNotes() });
    }
  });
}

function testFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return testFiles(path);
    return name.endsWith('.test.js') ? [path] : [];
  });
}

// The launcher polls for the file: it must never see half of it.
function writeAtomically(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(`${file}.tmp`, text);
  renameSync(`${file}.tmp`, file);
}
