// The AccessKey pair of the extension's local sandbox profile (made-up constants, defined once in
// src/profiles/sandboxProfile.ts), so the emulator the launchers start accepts what the extension signs with.
// The TypeScript source is bundled in memory with esbuild: the launchers must not depend on a tsc run.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { projectRoot } from './project.mjs';

const SOURCE = join(projectRoot, 'src', 'profiles', 'sandboxProfile.ts');

/**
 * @returns {Promise<{ accessKeyId: string, accessKeySecret: string } | undefined>} undefined while the
 *   sandbox profile does not exist (the emulator then accepts its own default pair).
 */
export async function readSandboxCredentials() {
  if (!existsSync(SOURCE)) return undefined;
  const { SANDBOX_ACCESS_KEY_ID: accessKeyId, SANDBOX_ACCESS_KEY_SECRET: accessKeySecret } = await loadModule(SOURCE);
  if (typeof accessKeyId !== 'string' || typeof accessKeySecret !== 'string') {
    throw new Error(`${SOURCE} no longer exports the string constants SANDBOX_ACCESS_KEY_ID and SANDBOX_ACCESS_KEY_SECRET `
      + 'that the test and sandbox launchers start the emulator with: export them again or update scripts/lib/sandboxCredentials.mjs.');
  }
  return { accessKeyId, accessKeySecret };
}

async function loadModule(file) {
  // The profile module may import `vscode` (types, or lazily); the launchers run outside VS Code.
  const stubVscode = {
    name: 'stub-vscode',
    setup(build) {
      build.onResolve({ filter: /^vscode$/ }, () => ({ path: 'vscode', namespace: 'stub' }));
      build.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({ contents: 'module.exports = {};', loader: 'js' }));
    },
  };
  const result = await esbuild.build({
    entryPoints: [file], bundle: true, write: false, platform: 'node', format: 'cjs', target: 'node20',
    logLevel: 'silent', plugins: [stubVscode], external: ['@alicloud/*'],
  });
  // esbuild's service process would otherwise live as long as the launcher.
  await esbuild.stop();
  const module = { exports: {} };
  new Function('module', 'exports', 'require', result.outputFiles[0].text)(module, module.exports, createRequire(file));
  return module.exports;
}
