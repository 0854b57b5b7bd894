// What may ship in the .vsix, as project paths (the patterns of .vscodeignore's `!` lines). The package suite
// fails on any packaged file these do not allow, so a too-broad .vscodeignore line (sources, tests, maps,
// sandbox folders, node_modules) is caught before a release, not after.
//
// To ship a new file: add its pattern to ALLOWED here and a `!pattern` line to .vscodeignore. If the extension
// cannot run without it, add it to RUNTIME_FILES too. Patterns: `*` stays within a folder, `**` crosses folders.

export const ALLOWED = [
  'package.json',
  'package.nls*.json',
  'README.md',
  'CHANGELOG.md',
  'LICENSE',
  // esbuild bundles (scripts/build.mjs) and what the webviews load
  'dist/*.js',
  'dist/webview/**',
  'media/**',
  // the JSON Schema of ga.yaml
  'schemas/**',
  // the walk-through guide the explorer's hint rows open (src/explorer/hints.ts)
  'docs/WALKTHROUGH.md',
  // the ga-yaml language: grammar, language configuration, snippets
  'language/**',
];

/** Never shipped, even where ALLOWED matches. */
export const NEVER = ['**/*.map'];

/**
 * Files the extension loads at run time that the manifest does not name (package.json's `main`, `icon` and the
 * paths under `contributes` are required as well, read from the manifest).
 */
export const RUNTIME_FILES = [
  // dist/extension.js requires it on the first cloud call (scripts/build.mjs, lazy-sdk)
  'dist/sdk.js',
  // "Start Local Sandbox" runs it (src/ui/sandboxLauncher.ts)
  'dist/emulator.js',
  // the form panels load them through asWebviewUri (src/forms/formPanel.ts)
  'dist/webview/forms.js',
  'media/forms.css',
  // hint rows open it (src/explorer/hints.ts, WALKTHROUGH_DOC)
  'docs/WALKTHROUGH.md',
];

/** The package's size budget: what a person downloads. */
export const SIZE_BUDGET_BYTES = 3_000_000;

/** Entries vsce writes itself, and project files it renames in the package. */
const VSCE_OWN = new Set(['[Content_Types].xml', 'extension.vsixmanifest']);
const VSCE_RENAMED = new Map([
  ['extension/readme.md', 'README.md'],
  ['extension/changelog.md', 'CHANGELOG.md'],
  ['extension/LICENSE.txt', 'LICENSE'],
]);

/**
 * The package's entries that may not ship, each with the project path it comes from. vsce's own entries are
 * fine; anything outside extension/ is not (VS Code only unpacks extension/).
 */
export function disallowedEntries(entries: readonly string[]): { entry: string; projectPath: string }[] {
  return entries.flatMap((entry) => {
    if (VSCE_OWN.has(entry)) return [];
    if (!entry.startsWith('extension/')) return [{ entry, projectPath: entry }];
    const projectPath = VSCE_RENAMED.get(entry) ?? entry.slice('extension/'.length);
    return isAllowed(projectPath) ? [] : [{ entry, projectPath }];
  });
}

/** The package entry a project file becomes. */
export function packageEntryOf(projectPath: string): string {
  for (const [entry, path] of VSCE_RENAMED) if (path === projectPath) return entry;
  return `extension/${projectPath}`;
}

export function isAllowed(projectPath: string): boolean {
  return ALLOWED.some((p) => globToRegExp(p).test(projectPath)) && !NEVER.some((p) => globToRegExp(p).test(projectPath));
}

export function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      i++;
      if (glob[i + 1] === '/') {
        i++;
        source += '(?:.*/)?';
      } else {
        source += '.*';
      }
    } else if (c === '*') {
      source += '[^/]*';
    } else if (c === '?') {
      source += '[^/]';
    } else {
      source += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
  }
  return new RegExp(`^${source}$`);
}
