// The package allow-list's rules (test/package/allowList.ts): the check that keeps sources, tests, maps and
// sandbox folders out of the .vsix must itself reject them, and must accept what the extension runs.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { disallowedEntries, globToRegExp, packageEntryOf } from '../../package/allowList';

test('globs: * stays within a folder, ** crosses folders', () => {
  assert.ok(globToRegExp('dist/*.js').test('dist/extension.js'));
  assert.ok(!globToRegExp('dist/*.js').test('dist/webview/form.js'));
  assert.ok(globToRegExp('dist/webview/**').test('dist/webview/forms/create.js'));
  assert.ok(globToRegExp('**/*.map').test('extension.js.map'));
  assert.ok(globToRegExp('**/*.map').test('dist/webview/a.js.map'));
  assert.ok(!globToRegExp('package.nls*.json').test('package.json'));
  assert.ok(globToRegExp('package.nls*.json').test('package.nls.zh-cn.json'));
  // Regular-expression characters in a glob are literal.
  assert.ok(!globToRegExp('dist/*.js').test('dist/extensionXjs'));
});

test('what the installed extension runs and shows is allowed, with vsce\'s own and renamed files', () => {
  const shipped = ['[Content_Types].xml', 'extension.vsixmanifest', 'extension/package.json', 'extension/readme.md',
    'extension/changelog.md', 'extension/LICENSE.txt', 'extension/dist/extension.js', 'extension/dist/sdk.js', 'extension/dist/emulator.js',
    'extension/dist/cli.js', 'extension/dist/webview/create.js', 'extension/dist/webview/codicon.css', 'extension/media/icon.png',
    'extension/media/ga.svg', 'extension/schemas/ga-yaml.schema.json', 'extension/package.nls.json'];
  assert.deepEqual(disallowedEntries(shipped), []);
});

test('sources, tests, maps, sandbox folders, node_modules and stray files are refused', () => {
  const refused = ['extension/src/extension.ts', 'extension/test/unit/x.test.ts', 'extension/out/src/extension.js',
    'extension/dist/extension.js.map', 'extension/dist/webview/create.js.map', 'extension/dist/sub/nested.js',
    'extension/node_modules/yaml/index.js', 'extension/sandbox-workspace/README.md', 'extension/.sandbox/logs/emulator.log',
    'extension/.test-artifacts/e2e/x.png', 'extension/scripts/build.mjs', 'extension/tsconfig.json', 'extension/webview/src/main.ts',
    'extension/docs/ARCHITECTURE.md', 'extension/bench/probe.bench.ts', 'extension/dist-vsix/old.vsix',
    // Outside extension/ VS Code unpacks nothing, so nothing belongs there but vsce's two files.
    'package.json', 'dist/extension.js'];
  assert.deepEqual(disallowedEntries(refused).map((r) => r.entry), refused);
});

test('project files map to the names vsce gives them in the package', () => {
  assert.equal(packageEntryOf('README.md'), 'extension/readme.md');
  assert.equal(packageEntryOf('CHANGELOG.md'), 'extension/changelog.md');
  assert.equal(packageEntryOf('LICENSE'), 'extension/LICENSE.txt');
  assert.equal(packageEntryOf('dist/emulator.js'), 'extension/dist/emulator.js');
});
