// The built `ga-ipv6` (dist/cli.js, package.json's bin) as a person runs it: a process, exit codes, output.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { accessSync, constants, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONTRACT_EXAMPLE } from '../unit/gaYaml/marked';

const ROOT = join(__dirname, '..', '..', '..');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string>; version: string };
const bin = join(ROOT, manifest.bin['ga-ipv6']);

test('npm run build produces dist/cli.js, named ga-ipv6 in bin, executable with a node shebang', () => {
  execFileSync(process.execPath, ['scripts/build.mjs', '--only', 'cli'], { cwd: ROOT, stdio: 'pipe' });
  assert.equal(manifest.bin['ga-ipv6'], './dist/cli.js');
  accessSync(bin, constants.X_OK);
  assert.match(readFileSync(bin, 'utf8'), /^#!\/usr\/bin\/env node\n/);
  const version = spawnSync(bin, ['--version'], { encoding: 'utf8' });
  assert.equal(version.stdout.trim(), manifest.version);
});

test('ga-ipv6 validate: FILE defaults to ./ga.yaml; exit 0 clean, 1 with errors; text and JSON', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ga-cli-'));
  try {
    writeFileSync(join(dir, 'ga.yaml'), CONTRACT_EXAMPLE);
    const clean = spawnSync(bin, ['validate'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    assert.equal(clean.status, 0, clean.stderr);
    assert.equal(clean.stdout, '');
    writeFileSync(join(dir, 'bad.ga.yaml'), CONTRACT_EXAMPLE.replace('ports: [80]', 'ports: [80, 65535]'));
    const bad = spawnSync(bin, ['validate', 'bad.ga.yaml'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    assert.equal(bad.status, 1);
    assert.equal(bad.stdout, 'bad.ga.yaml:17:21 error GA041 Port 65535 is reserved by GA (65500–65535); use 1–65499.\n');
    const json = spawnSync(bin, ['validate', 'bad.ga.yaml', '--format', 'json'], { cwd: dir, encoding: 'utf8' });
    assert.equal(json.status, 1);
    assert.deepEqual(JSON.parse(json.stdout), [{ file: 'bad.ga.yaml', line: 17, column: 21, endLine: 17, endColumn: 26, severity: 'error', code: 'GA041', message: 'Port 65535 is reserved by GA (65500–65535); use 1–65499.' }]);
    const missing = spawnSync(bin, ['validate', 'none.yaml'], { cwd: dir, encoding: 'utf8' });
    assert.equal(missing.status, 1);
    assert.equal(missing.stderr, 'ga-ipv6 validate: none.yaml does not exist.\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
