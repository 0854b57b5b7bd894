// The project the launchers run: where it is, its manifest, and building it (esbuild bundles, tsc for tests).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export function readManifest() {
  return JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8'));
}

/** `<publisher>.<name>`, as VS Code identifies the extension. */
export function extensionId(manifest = readManifest()) {
  return `${manifest.publisher}.${manifest.name}`;
}

/**
 * dist/extension.js, dist/sdk.js and dist/emulator.js (scripts/build.mjs). SKIP_BUILD=1 skips this when a
 * caller (scripts/test-all.mjs) already built.
 */
export function buildBundles() {
  if (process.env.SKIP_BUILD) return;
  run('building dist/ (node scripts/build.mjs)', process.execPath, ['scripts/build.mjs']);
}

/** Compiles src/ and test/ into out/ with tsc. SKIP_COMPILE=1 skips it when a caller already compiled. */
export function compileTests() {
  if (process.env.SKIP_COMPILE) return;
  run('compiling TypeScript into out/ (tsc -p .)', process.execPath, ['node_modules/typescript/bin/tsc', '-p', '.']);
}

function run(what, command, args) {
  console.log(`[harness] ${what}`);
  const result = spawnSync(command, args, { cwd: projectRoot, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${what} failed (see the output above)`);
}
