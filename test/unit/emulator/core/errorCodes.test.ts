// Every error code the emulator's sources answer with is in docs/error-codes.md, with its source: a code without a
// public source must not creep back in (issue 9). Reads the TypeScript sources, not the build.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..', '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/**
 * `new ApiError('Code'`, any dotted code literal, codes written straight into a body (`Code: 'X'`, also in a
 * conditional), and the NotExist.<Resource> names of ga/errors.ts.
 */
function codesIn(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(/ApiError\(\s*'([A-Za-z_.]+)'/g)) out.add(m[1]);
  for (const line of text.split('\n').filter((l) => /\bCode: /.test(l))) {
    for (const m of line.slice(line.indexOf('Code: ')).matchAll(/'([A-Z][A-Za-z_.]*)'/g)) out.add(m[1]);
  }
  for (const m of text.matchAll(/'([A-Z][A-Za-z]*\.[A-Z][A-Za-z_]*(?:\.[A-Za-z_]+)*)'/g)) out.add(m[1]);
  const resources = /type GaResource = ([^;]+);/.exec(text)?.[1];
  if (resources) for (const r of resources.matchAll(/'(\w+)'/g)) out.add(`NotExist.${r[1]}`);
  return [...out];
}

test('every error code in src/emulator is in docs/error-codes.md', () => {
  const register = readFileSync(join(ROOT, 'docs', 'error-codes.md'), 'utf8');
  const table = register.slice(0, register.indexOf('## Changed by issue 9'));
  const files = sources(join(ROOT, 'src', 'emulator'));
  const found = new Map<string, string>();
  for (const file of files) for (const code of codesIn(readFileSync(file, 'utf8'))) if (!found.has(code)) found.set(code, file.slice(ROOT.length + 1));
  assert.ok(found.size > 40, `the scan finds the codes (found ${found.size})`);
  const missing = [...found].filter(([code]) => !table.includes(`\`${code}\``)).map(([code, file]) => `${code} (${file})`);
  assert.deepEqual(missing, [], 'codes without an entry in the "Codes in use" table');
  for (const gone of ['NotSupported.PrePay', 'QuotaExceeded.IpSet', 'QuotaExceeded.TTL', 'SubDomainInvalid.Value', 'InvalidRR.Format', 'InvalidSecurityToken.MismatchWithAccessKey']) {
    assert.equal(found.has(gone), false, `${gone} has no public source and is no longer answered`);
  }
});
