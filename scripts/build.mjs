// Builds the extension's bundles with esbuild.
//   dist/extension.js  activation entry; small: no SDK code in it
//   dist/sdk.js        @alicloud/openapi-core + Alidns client, required on first cloud call
//   dist/emulator.js   the local GA + Alidns emulator (also spawned by the sandbox)
//   dist/webview/forms.js  the form panels' browser code (webview/src, its own tsconfig with the DOM library)
//   dist/cli.js        the `ga-ipv6` command line (package.json bin), executable
// Flags: --production (minify, no source maps), --only <name>, --watch,
//        --clean (empty dist/ first, so nothing left from an earlier build ends up in a package)
import * as esbuild from 'esbuild';
import { chmodSync, readFileSync, rmSync } from 'node:fs';

const args = process.argv.slice(2);
const production = args.includes('--production');
const watch = args.includes('--watch');
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
if (args.includes('--clean')) {
  if (only) throw new Error('--clean empties dist/ for a build of every bundle; it cannot go with --only');
  rmSync('dist', { recursive: true, force: true });
}

// The extension bundle reaches the SDK through require('./sdkModules'); keep that a runtime require of dist/sdk.js.
const lazySdk = {
  name: 'lazy-sdk',
  setup(build) {
    build.onResolve({ filter: /[\\/]sdkModules$/ }, () => ({ path: './sdk.js', external: true }));
  },
};

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: production,
  sourcemap: production ? false : 'linked',
  logLevel: 'warning',
  external: ['vscode'],
  loader: { '.json': 'json' },
};

const bundles = {
  extension: { ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', plugins: [lazySdk] },
  sdk: { ...common, entryPoints: ['src/cloud/sdkModules.ts'], outfile: 'dist/sdk.js' },
  emulator: { ...common, entryPoints: ['src/emulator/main.ts'], outfile: 'dist/emulator.js', plugins: [lazySdk] },
  // The browser side of the forms: no Node, no vscode. One script the panels load through asWebviewUri. Always
  // minified (a panel parses it every time it is shown; the source map keeps it debuggable in development).
  webview: {
    bundle: true,
    platform: 'browser',
    target: 'es2022',
    format: 'iife',
    minify: true,
    sourcemap: production ? false : 'linked',
    logLevel: 'warning',
    tsconfig: 'webview/tsconfig.json',
    entryPoints: ['webview/src/main.ts'],
    outfile: 'dist/webview/forms.js',
  },
  cli: {
    ...common,
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli.js',
    plugins: [lazySdk],
    banner: { js: '#!/usr/bin/env node' },
    define: { GA_IPV6_VERSION: JSON.stringify(JSON.parse(readFileSync('package.json', 'utf8')).version) },
  },
};
/** Bundles that are programs people run directly. */
const executables = new Set(['cli']);

const selected = only ? { [only]: bundles[only] } : bundles;
for (const [name, options] of Object.entries(selected)) {
  if (!options) throw new Error(`unknown bundle ${name}; known: ${Object.keys(bundles).join(', ')}`);
  if (watch) {
    const ctx = await esbuild.context(options);
    await ctx.watch();
    console.log(`watching ${name}`);
  } else {
    const result = await esbuild.build({ ...options, metafile: true });
    if (executables.has(name)) chmodSync(options.outfile, 0o755);
    const bytes = Object.values(result.metafile.outputs).reduce((sum, o) => sum + o.bytes, 0);
    console.log(`built ${options.outfile} (${(bytes / 1024).toFixed(0)} KiB)`);
  }
}
