// Building the .vsix people install: vsce runs the `vscode:prepublish` script (production bundles in a clean
// dist/: minified, no source maps), packs what .vscodeignore lets through, and writes
// dist-vsix/<name>-<version>.vsix. Used by `npm run package` (scripts/package.mjs) and by the package suite of
// `npm test` (scripts/run-package-tests.mjs), so CI tests the very file a release publishes.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { projectRoot, readManifest } from './project.mjs';

export const VSIX_DIR = join(projectRoot, 'dist-vsix');

/**
 * The project has no public repository yet, so package.json has no `repository` and vsce is told that this is
 * deliberate. Once there is one: add `"repository": {"type": "git", "url": "…"}` to package.json and drop
 * this flag (docs/RELEASING.md). --no-rewrite-relative-links: without a repository vsce cannot turn the
 * README's relative links (media/screenshot-explorer.png) into absolute ones; VS Code resolves them against
 * the installed extension's folder, where media/ ships.
 */
const VSCE_FLAGS = ['--no-dependencies', '--no-rewrite-relative-links', '--allow-missing-repository'];

export function vsixPath(manifest = readManifest()) {
  return join(VSIX_DIR, `${manifest.name}-${manifest.version}.vsix`);
}

/** Packages the extension; returns the .vsix's path and size. Throws when vsce fails or writes nothing. */
export function packageExtension({ stdio = 'inherit' } = {}) {
  const out = vsixPath();
  mkdirSync(VSIX_DIR, { recursive: true });
  rmSync(out, { force: true });
  const vsce = join(dirname(createRequire(import.meta.url).resolve('@vscode/vsce/package.json')), 'vsce');
  const result = spawnSync(process.execPath, [vsce, 'package', ...VSCE_FLAGS, '--out', out], { cwd: projectRoot, stdio });
  if (result.error) throw new Error(`vsce could not be started: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`vsce package failed with exit code ${result.status} (see its output above)`);
  if (!existsSync(out)) throw new Error(`vsce package reported success but wrote no ${relative(projectRoot, out)}`);
  return { path: out, bytes: statSync(out).size };
}

/** "512.3 KiB" / "1.20 MiB". */
export function formatBytes(bytes) {
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KiB` : `${(bytes / 1024 / 1024).toFixed(2)} MiB`;
}
