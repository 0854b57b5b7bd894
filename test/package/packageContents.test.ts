// The .vsix that `npm run package` wrote (GA_VSIX, set by scripts/run-package-tests.mjs): only files on the
// allow-list, everything the extension needs at run time, production bundles, a complete marketplace listing,
// and within the size budget. Prints the package's file list and sizes.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { ALLOWED, disallowedEntries, packageEntryOf, RUNTIME_FILES, SIZE_BUDGET_BYTES } from './allowList';
import { ZipFile } from './zip';

export const VSIX_ENV = 'GA_VSIX';

/** The marketplace's categories (vsce warns about others, the marketplace rejects them). */
const MARKETPLACE_CATEGORIES = new Set(['AI', 'Azure', 'Chat', 'Data Science', 'Debuggers', 'Education', 'Extension Packs', 'Formatters',
  'Keymaps', 'Language Packs', 'Linters', 'Machine Learning', 'Notebooks', 'Other', 'Programming Languages', 'SCM Providers', 'Snippets',
  'Testing', 'Themes', 'Visualization']);

interface PackagedManifest {
  name: string;
  version: string;
  main?: string;
  icon?: string;
  categories?: string[];
  keywords?: string[];
  galleryBanner?: { color?: string; theme?: string };
  repository?: string | { url?: string };
  contributes?: unknown;
}

function openPackage(): ZipFile {
  const path = process.env[VSIX_ENV];
  if (!path) throw new Error(`${VSIX_ENV} is not set: run this suite with npm run test:package (scripts/run-package-tests.mjs), which packages the extension first`);
  return new ZipFile(path);
}

const vsix = openPackage();
const names = vsix.entries.map((e) => e.name);
const manifest = JSON.parse(vsix.read('extension/package.json').toString('utf8')) as PackagedManifest;

test('the package holds only files on the allow-list', () => {
  const bad = disallowedEntries(names);
  const shown = bad.slice(0, 40).map((b) => `  ${b.entry}  (from ${b.projectPath})`).join('\n') + (bad.length > 40 ? `\n  … and ${bad.length - 40} more` : '');
  assert.ok(bad.length === 0, `${vsix.path} holds ${bad.length} files that may not ship:\n${shown}\n`
    + `Allowed: ${ALLOWED.join(', ')} (never *.map). Leave them out in .vscodeignore, or, if the installed extension really `
    + 'needs them, allow them in test/package/allowList.ts and .vscodeignore (docs/RELEASING.md).');
});

test('the package holds everything the installed extension loads', () => {
  const required = new Set(['package.json', 'README.md', 'CHANGELOG.md', 'LICENSE', ...RUNTIME_FILES, ...manifestFiles(manifest)]);
  const missing = [...required].filter((path) => !names.includes(packageEntryOf(path)));
  assert.ok(missing.length === 0, `${vsix.path} lacks ${missing.join(', ')}: is it built (scripts/build.mjs) and let through by .vscodeignore?`);
});

test(`the package fits its size budget (${SIZE_BUDGET_BYTES / 1e6} MB)`, () => {
  const unpacked = vsix.entries.reduce((sum, e) => sum + e.bytes, 0);
  const width = Math.max(...names.map((n) => n.length));
  const lines = vsix.entries.map((e) => `    ${e.name.padEnd(width)}  ${kib(e.bytes).padStart(10)}  ${kib(e.compressedBytes).padStart(10)} packed`);
  console.log(`  ${vsix.path}: ${vsix.entries.length} files\n${lines.join('\n')}\n`
    + `  total: ${kib(vsix.sizeOnDisk)} package (${vsix.sizeOnDisk} bytes, budget ${SIZE_BUDGET_BYTES}), ${kib(unpacked)} unpacked`);
  assert.ok(vsix.sizeOnDisk <= SIZE_BUDGET_BYTES,
    `the package is ${vsix.sizeOnDisk} bytes, over its budget of ${SIZE_BUDGET_BYTES}: the list above shows what grew`);
});

test('the bundles are production builds: minified, without source maps', () => {
  const bundles = names.filter((n) => /^extension\/dist\/.*\.js$/.test(n));
  assert.ok(bundles.length > 0, 'the package has no bundles under extension/dist/');
  for (const name of bundles) {
    const text = vsix.read(name).toString('utf8');
    const hint = 'package with npm run package (its vscode:prepublish step builds with --production)';
    assert.ok(!/\/\/# sourceMappingURL=/.test(text), `${name} points at a source map: ${hint}`);
    // Unless it minifies, esbuild starts each bundled module with a comment naming its file (`// src/extension.ts`).
    assert.ok(!/^\/\/ \S+\.(?:[cm]?[jt]s|json)$/m.test(text), `${name} is not minified: ${hint}`);
  }
});

test('the marketplace listing is complete: icon, banner, keywords, categories, changelog', () => {
  assert.ok(manifest.icon, 'package.json has no "icon"');
  const icon = vsix.read(packageEntryOf(manifest.icon));
  assert.deepEqual(pngSize(icon), { width: 128, height: 128 }, `${manifest.icon} must be a 128×128 PNG (node scripts/render-icon.mjs renders it)`);
  assert.match(manifest.galleryBanner?.color ?? '', /^#[0-9a-f]{6}$/i, 'package.json needs galleryBanner.color (#rrggbb)');
  assert.ok(manifest.galleryBanner?.theme === 'dark' || manifest.galleryBanner?.theme === 'light', 'package.json needs galleryBanner.theme (dark or light)');
  assert.ok((manifest.keywords?.length ?? 0) > 0 && (manifest.keywords?.length ?? 0) <= 30, 'package.json needs 1 to 30 keywords');
  const unknown = (manifest.categories ?? []).filter((c) => !MARKETPLACE_CATEGORIES.has(c));
  assert.ok((manifest.categories?.length ?? 0) > 0, 'package.json needs categories');
  assert.deepEqual(unknown, [], `the marketplace has no categories ${unknown.join(', ')}`);
  const changelog = vsix.read(packageEntryOf('CHANGELOG.md')).toString('utf8');
  assert.ok(changelog.includes(`[${manifest.version}]`), `CHANGELOG.md has no section for version ${manifest.version}: write it before packaging (docs/RELEASING.md)`);
  // No public repository yet: packaged with --allow-missing-repository (scripts/lib/packaging.mjs). Once there is one, it must be a URL.
  if (manifest.repository !== undefined) {
    const url = typeof manifest.repository === 'string' ? manifest.repository : manifest.repository.url;
    assert.match(url ?? '', /^(https:\/\/|git\+https:\/\/|github:)/, 'package.json "repository" must be a public URL');
  }
});

/** Files the manifest names: main, icon and relative paths under contributes (icons, schemas, grammars…). */
function manifestFiles(m: PackagedManifest): string[] {
  const found: string[] = [];
  const visit = (value: unknown): void => {
    if (typeof value === 'string') {
      const path = /^(?:\.\/)?((?:dist|media|schemas)\/[\w./-]+\.\w+)$/.exec(value)?.[1];
      if (path) found.push(path);
    } else if (Array.isArray(value)) {
      value.forEach(visit);
    } else if (value && typeof value === 'object') {
      Object.values(value).forEach(visit);
    }
  };
  visit([m.main, m.icon, m.contributes]);
  return found;
}

function pngSize(data: Buffer): { width: number; height: number } | undefined {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (data.length < 24 || !data.subarray(0, 8).equals(signature) || data.toString('ascii', 12, 16) !== 'IHDR') return undefined;
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}
