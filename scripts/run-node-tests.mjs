// Compiles the project with tsc (out/) and runs one suite with node's built-in test runner.
// Usage: node scripts/run-node-tests.mjs <unit|integration> [name-filter]
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const suite = process.argv[2] ?? 'unit';
const filter = process.argv[3];
if (!process.env.SKIP_COMPILE) {
  try {
    execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', '.'], { stdio: 'inherit' });
  } catch {
    console.error('TypeScript compile failed (see above); tests were not run.');
    process.exit(1);
  }
}
const root = join('out', 'test', suite);
const files = [];
const walk = (dir) => {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p);
    else if (name.endsWith('.test.js') && (!filter || p.includes(filter))) files.push(p);
  }
};
walk(root);
if (files.length === 0) {
  console.error(`no tests found under ${root}${filter ? ` matching ${filter}` : ''}`);
  process.exit(1);
}
const r = spawnSync(process.execPath, ['--enable-source-maps', '--test', '--test-concurrency=2', '--test-timeout=120000', ...files], { stdio: 'inherit' });
process.exit(r.status ?? 1);
