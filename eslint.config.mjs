import tseslint from 'typescript-eslint';

// docs/ARCHITECTURE.md's table, enforced: which folder of src/ may import which. Data flows one way, UI →
// workflows → cloud; the pure cores never import vscode; UI code never calls a cloud mutation itself.
const TOP = ['model', 'cloud', 'profiles', 'emulator', 'probe', 'workflows', 'gaYaml', 'explorer', 'ui', 'probeUi', 'gaYamlUi', 'forms', 'cli', 'extension'];
const UI = ['explorer', 'ui', 'probeUi', 'gaYamlUi', 'forms', 'cli'];

const noVscode = { name: 'vscode', message: 'This folder is a pure core: no vscode here (put VS Code code in its adapter folder, e.g. probeUi beside probe).' };

/** Imports of top-level folders other than `allowed`, at any depth of relative path. */
function onlyFrom(folder, allowed) {
  const forbidden = TOP.filter((t) => t !== folder && !allowed.includes(t));
  return {
    regex: `^(\\.\\./)+(${forbidden.join('|')})(/|$)`,
    message: `src/${folder} may import only ${allowed.length ? allowed.map((a) => `src/${a}`).join(' and ') : 'itself'} (docs/ARCHITECTURE.md).`,
  };
}

/** UI code reaches the cloud through src/workflows (and src/cloud's index for types), never a service module. */
const cloudInternals = { regex: '^(\\.\\./)+cloud/(gaService|dnsService|gaCalls|apiCaller|connection)$', message: 'UI code reaches the cloud through src/workflows (and src/cloud\'s index for types).' };

// One no-restricted-imports per folder (a later flat-config entry would replace an earlier one, not add to it).
function layer(folder, allowed, { vscode = false } = {}) {
  const patterns = [onlyFrom(folder, allowed), ...(UI.includes(folder) ? [cloudInternals] : [])];
  return {
    files: [`src/${folder}/**/*.ts`],
    rules: { 'no-restricted-imports': ['error', { paths: vscode ? [] : [noVscode], patterns }] },
  };
}

// GaService and DnsService methods that change the cloud: only src/workflows calls them.
const MUTATIONS = [
  'openAcceleratorService', 'createAccelerator', 'updateAccelerator', 'deleteAccelerator',
  'createBandwidthPackage', 'deleteBandwidthPackage', 'bandwidthPackageAddAccelerator', 'bandwidthPackageRemoveAccelerator',
  'createIpSets', 'updateIpSet', 'deleteIpSet', 'deleteIpSets',
  'createListener', 'updateListener', 'deleteListener',
  'createEndpointGroup', 'updateEndpointGroup', 'deleteEndpointGroup',
  'addDomainRecord', 'updateDomainRecord', 'deleteDomainRecord',
];

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist/**', 'dist-vsix/**', '.vscode-test/**', '.test-artifacts/**', '.sandbox/**', 'webview/dist/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-require-imports': 'off',
      'no-console': 'off',
    },
  },
  layer('model', []),
  layer('cloud', ['model']),
  layer('probe', ['model']),
  layer('workflows', ['cloud', 'model']),
  layer('profiles', ['cloud', 'model']),
  layer('gaYaml', ['model']),
  layer('explorer', ['cloud', 'model', 'profiles', 'ui', 'workflows', 'gaYaml'], { vscode: true }),
  layer('ui', ['cloud', 'model', 'profiles'], { vscode: true }),
  layer('probeUi', ['probe', 'explorer', 'ui', 'cloud', 'model'], { vscode: true }),
  layer('gaYamlUi', ['gaYaml', 'workflows', 'explorer', 'model', 'cloud', 'profiles', 'ui'], { vscode: true }),
  layer('cli', ['gaYaml', 'workflows', 'profiles', 'cloud', 'model']),
  layer('forms', ['workflows', 'explorer', 'probe', 'ui', 'profiles', 'cloud', 'model'], { vscode: true }),
  // The form halves of guided creation are bundled into the webview and run on every keystroke: src/model only.
  {
    files: ['src/workflows/forms/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [noVscode],
        patterns: [{ regex: '^\\.\\./(?!\\.\\./model(/|$))', message: 'src/workflows/forms is bundled into the webview: it imports only src/model and itself (docs/ARCHITECTURE.md).' }],
      }],
    },
  },
  {
    files: UI.map((f) => `src/${f}/**/*.ts`),
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: `CallExpression > MemberExpression.callee > Identifier.property[name=/^(${MUTATIONS.join('|')})$/]`,
          message: 'UI code does not change the cloud itself: build operations (src/workflows) and run them with executeOperations / apply.',
        },
      ],
    },
  },
);
