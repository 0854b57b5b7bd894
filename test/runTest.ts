// The extension-host suite in desktop VS Code, for contributors on a machine WITH internet access:
// @vscode/test-electron downloads VS Code from Microsoft on first use (which is why CI and the project's own
// machines use scripts/run-extension-tests.mjs and code-server instead). Same suite, same run() entry.
//   npm run compile && node out/test/runTest.js        (or: npm run test:extension:desktop)
// Without GA_IPV6_SANDBOX_ENDPOINT the extension starts its own sandbox emulator when it needs one.
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  // Compiled to out/test/runTest.js: the project root is two levels up.
  const extensionDevelopmentPath = path.resolve(__dirname, '..', '..');
  const extensionTestsPath = path.resolve(__dirname, 'extension', 'index');
  try {
    await runTests({
      version: '1.100.3',
      extensionDevelopmentPath,
      extensionTestsPath,
      launchArgs: [path.join(extensionDevelopmentPath, 'sandbox-workspace'), '--disable-extensions', '--disable-workspace-trust'],
    });
  } catch (error) {
    console.error(`The extension-host tests failed or VS Code could not be started: ${(error as Error).message}`);
    process.exit(1);
  }
}

void main();
