// Benchmark (prints figures, asserts nothing): the size of the form panels' browser bundle as it ships
// (scripts/build.mjs --production: minified, no source map), gzipped as it would travel, and what it is made of
// (the component library vs our own code), plus the time the form half takes to check the whole form once, the
// work the page does on every keystroke.
// Run: node scripts/bench.mjs formsBundle
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import { gatewayDefaults, offlineRegions, validateGateway } from '../src/workflows/forms';

const ROOT = join(__dirname, '..', '..');

async function main(): Promise<void> {
  // The same options as the webview bundle of scripts/build.mjs with --production, written to memory.
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: ['webview/src/main.ts'],
    bundle: true,
    platform: 'browser',
    target: 'es2022',
    format: 'iife',
    minify: true,
    tsconfig: 'webview/tsconfig.json',
    write: false,
    metafile: true,
    logLevel: 'warning',
  });
  const code = result.outputFiles[0].contents;
  const output = Object.values(result.metafile.outputs)[0];
  const groups = new Map<string, number>();
  for (const [file, info] of Object.entries(output.inputs)) {
    const group = /node_modules\/(@[^/]+\/[^/]+|[^/]+)/.exec(file)?.[1] ?? file.split('/').slice(0, file.startsWith('src/') ? 3 : 2).join('/');
    groups.set(group, (groups.get(group) ?? 0) + info.bytesInOutput);
  }
  const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
  console.log('form panels\' browser bundle (dist/webview/forms.js, production build)');
  console.log(`  minified        ${kib(code.length)}`);
  console.log(`  gzipped         ${kib(gzipSync(code).length)}`);
  console.log('  of which (minified bytes in the bundle):');
  for (const [group, bytes] of [...groups].sort((a, b) => b[1] - a[1])) console.log(`    ${group.padEnd(34)} ${kib(bytes).padStart(10)}`);

  const facts = { regions: offlineRegions(), regionsLive: false, zones: [{ name: 'example.com', records: [] }], sandbox: true, acceleratorNames: ['web-ipv6'] };
  const values = gatewayDefaults(facts);
  const runs = 2000;
  const started = performance.now();
  for (let i = 0; i < runs; i++) {
    values.purchase.instanceName = `web-${i % 50}`;
    validateGateway(values, facts);
  }
  console.log(`checking the whole Create IPv6 Gateway form (every keystroke): ${((performance.now() - started) / runs * 1000).toFixed(0)} µs per check (${runs} checks)`);
}

void main();
