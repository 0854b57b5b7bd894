// Runs the UI journeys (test/e2e/*.test.ts, node:test + playwright-core driving headless Chromium) against a
// real workbench: builds, starts the emulator (demo fixture) and code-server with the project installed as an
// extension, runs the journeys, and stops everything it started. Failing journeys leave a screenshot and the
// page's text in .test-artifacts/e2e/ (GA_E2E_SCREENSHOTS=1: passing ones too). Exit code: the journeys'
// (non-zero when one failed or none ran). `--screenshots` runs test/e2e/*.screenshot.ts instead: they retake
// the README's pictures into media/. Any other argument keeps only the journey files whose name contains it
// (`node scripts/run-e2e.mjs probe`).
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { workbenchUrl } from './lib/codeServer.mjs';
import { projectRoot } from './lib/project.mjs';
import { startWorkbenchRun } from './lib/workbenchRun.mjs';

let run;
let passed = false;
try {
  run = await startWorkbenchRun({ suite: 'e2e', loadExtension: 'installed' });
  passed = await runJourneys(run, workbenchUrl(run.server));
} catch (error) {
  console.error(`[e2e] ${error.message}`);
} finally {
  await run?.finish(passed);
}
process.exit(passed ? 0 : 1);

async function runJourneys(run, url) {
  const dir = join(projectRoot, 'out', 'test', 'e2e');
  const suffix = process.argv.includes('--screenshots') ? '.screenshot.js' : '.test.js';
  const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  const files = existsSync(dir)
    ? readdirSync(dir).filter((f) => f.endsWith(suffix) && (only.length === 0 || only.some((o) => f.includes(o)))).map((f) => join(dir, f))
    : [];
  if (files.length === 0) throw new Error(`no UI journeys found (${dir}/*${suffix})`);
  // One journey at a time: they share one workbench, and the machine has 2 cores. In a process group of its own
  // (with the Chromium each journey starts), so that Ctrl-C or a failure stops it with everything else.
  const child = run.processes.start('UI journeys', process.execPath,
    ['--enable-source-maps', '--test', '--test-concurrency=1', '--test-reporter=spec', ...files],
    // The journeys reach the sandbox's emulator too: its admin API injects faults and shows what was bought.
    // The screenshots change the colour theme in the user's settings file.
    {
      cwd: projectRoot,
      inheritOutput: true,
      env: { ...process.env, GA_E2E_WORKBENCH_URL: url, GA_IPV6_SANDBOX_ENDPOINT: run.emulator.endpoint, GA_E2E_USER_SETTINGS: join(run.server.userDataDir, 'User', 'settings.json') },
    });
  const code = await new Promise((resolve) => child.once('exit', (status) => resolve(status ?? 1)));
  return code === 0;
}
