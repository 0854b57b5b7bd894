// The project the launchers run: where it is, its manifest, and building it (esbuild bundles, tsc for tests).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
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

/** The emulator bundle only exists once src/emulator/main.ts does (it is being written in parallel). */
export function emulatorSourceExists() {
  return existsSync(join(projectRoot, 'src', 'emulator', 'main.ts'));
}

/**
 * dist/extension.js, dist/sdk.js and (when its source exists) dist/emulator.js. SKIP_BUILD=1 skips this
 * when a caller (scripts/test-all.mjs) already built.
 */
export function buildBundles() {
  if (process.env.SKIP_BUILD) return;
  const bundles = ['extension', 'sdk', ...(emulatorSourceExists() ? ['emulator'] : [])];
  for (const bundle of bundles) {
    run(`building dist/${bundle}.js`, process.execPath, ['scripts/build.mjs', '--only', bundle]);
  }
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
