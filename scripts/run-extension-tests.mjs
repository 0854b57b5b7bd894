// Runs test/extension/ inside a real VS Code extension host (code-server, see scripts/install-vscode.sh):
// builds, starts the emulator (demo fixture, time scale 0.01) and code-server, opens the workbench in headless
// Chromium with a payload naming the project as the extension under development and out/test/extension/index.js
// as the tests, waits for the results file, prints each test, and stops everything it started.
// Exit code: 0 when every test passed and at least one ran.
// Environment: GA_EXTENSION_TESTS_TIMEOUT_MS (default 300000) bounds the wait for results.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { extensionTestsUrl } from './lib/codeServer.mjs';
import { projectRoot } from './lib/project.mjs';
import { exitedMessage, waitFor } from './lib/waitFor.mjs';
import { startWorkbenchRun } from './lib/workbenchRun.mjs';

const TIMEOUT_MS = Number(process.env.GA_EXTENSION_TESTS_TIMEOUT_MS ?? 300_000);
const require = createRequire(import.meta.url);

let run;
let passed = false;
try {
  run = await startWorkbenchRun({ suite: 'extension', loadExtension: 'development' });
  passed = report(await runInBrowser(run));
} catch (error) {
  console.error(`[extension-tests] ${error.message}`);
} finally {
  await run?.finish(passed);
}
process.exit(passed ? 0 : 1);

async function runInBrowser(run) {
  // Compiled from test/e2e/browser.ts by the tsc step of startWorkbenchRun: one place for Chromium's flags.
  const { launchBrowser } = require(join(projectRoot, 'out', 'test', 'e2e', 'browser.js'));
  const chromium = await launchBrowser({ ownProcessGroup: true });
  run.processes.adopt('chromium', chromium.pid);
  const consoleLines = [];
  try {
    const page = await chromium.browser.newPage();
    // With an extension under development, the extension host's console is forwarded to the page.
    page.on('console', (message) => consoleLines.push(`[${message.type()}] ${message.text()}`));
    page.on('pageerror', (error) => consoleLines.push(`[pageerror] ${error.message}`));
    await page.goto(extensionTestsUrl(run.server, {
      developmentPath: projectRoot,
      testsPath: join(projectRoot, 'out', 'test', 'extension', 'index.js'),
    }));
    await waitFor(`the extension-host tests to write ${run.resultsFile}`, () => existsSync(run.resultsFile), {
      timeoutMs: TIMEOUT_MS,
      failIf: exitedMessage('code-server', run.server.child),
    });
    return JSON.parse(readFileSync(run.resultsFile, 'utf8'));
  } catch (error) {
    const consoleLog = join(run.runDir, 'browser-console.log');
    writeFileSync(consoleLog, consoleLines.join('\n'));
    throw new Error(`${error.message} (the extension host did not start, crashed, or a test never settled: `
      + `see the browser console and the extension-host logs below)\n--- browser console (last lines; all of it in ${consoleLog}) ---\n`
      + consoleLines.slice(-30).join('\n'));
  } finally {
    await chromium.close();
  }
}

/** Prints the results in node's TAP summary style (`# pass N`), which scripts/test-all.mjs counts. */
function report(results) {
  for (const line of results.notes) console.log(`  note: ${line}`);
  for (const test of results.tests) {
    const duration = test.durationMs !== undefined ? ` (${test.durationMs} ms)` : '';
    console.log(`  ${test.state === 'passed' ? '✔' : '✘'} ${test.title}${duration}`);
  }
  for (const failure of results.failures) {
    console.log(`\n  FAILED: ${failure.title}\n    ${(failure.stack ?? failure.message).split('\n').join('\n    ')}`);
  }
  const ranNone = results.passed + results.failed === 0;
  if (ranNone) console.log('  ✘ no extension-host tests ran');
  console.log(`# pass ${results.passed}\n# fail ${results.failed + (ranNone ? 1 : 0)}`);
  return results.failed === 0 && !ranNone;
}
