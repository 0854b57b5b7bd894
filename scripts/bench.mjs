// Compiles the project with tsc (out/) and runs the benchmarks in bench/ (all, or those whose name contains
// the filter). Benchmarks print figures; they are not tests and assert nothing.
// Usage: node scripts/bench.mjs [name-filter]
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const filter = process.argv[2];
if (!process.env.SKIP_COMPILE) {
  try {
    execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', '.'], { stdio: 'inherit' });
  } catch {
    console.error('TypeScript compile failed (see above); benchmarks were not run.');
    process.exit(1);
  }
}
const dir = join('out', 'bench');
const files = existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith('.js') && (!filter || n.includes(filter))) : [];
if (files.length === 0) {
  console.error(`no benchmarks found under ${dir}${filter ? ` matching ${filter}` : ''}`);
  process.exit(1);
}
let status = 0;
for (const f of files) {
  const r = spawnSync(process.execPath, ['--enable-source-maps', join(dir, f)], { stdio: 'inherit' });
  status ||= r.status ?? 1;
}
process.exit(status);
