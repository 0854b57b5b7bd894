import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { runCli } from '../../../src/cli/program';
import type { CliIo } from '../../../src/cli/io';
import { CONTRACT_EXAMPLE } from '../gaYaml/marked';

function fakeIo(files: Record<string, string>, extra: Partial<CliIo> = {}): CliIo & { stdout: string; stderr: string } {
  const io = {
    stdout: '',
    stderr: '',
    out(text: string) {
      io.stdout += text;
    },
    err(text: string) {
      io.stderr += text;
    },
    readFile: async (path: string) => {
      if (!Object.hasOwn(files, path)) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
      return files[path];
    },
    readStdin: async () => files['<stdin>'] ?? '',
    cwd: '/work',
    env: {},
    isTTY: false,
    ...extra,
  };
  return io;
}

const BROKEN = CONTRACT_EXAMPLE.replace('weight: 100', 'weight: 300').replace('47.95.1.10', '10.0.0.1');

test('validate: a clean file exits 0 and prints no problem', async () => {
  const io = fakeIo({ '/work/ga.yaml': CONTRACT_EXAMPLE });
  assert.equal(await runCli(['validate'], io), 0);
  assert.equal(io.stdout, '');
  assert.equal(io.stderr, 'ga.yaml: no problems\n');
});

test('validate: one line per problem, FILE:LINE:COLUMN SEVERITY CODE MESSAGE, exit 1 on errors', async () => {
  const io = fakeIo({ '/work/conf/prod.ga.yaml': BROKEN });
  assert.equal(await runCli(['validate', 'conf/prod.ga.yaml'], io), 1);
  assert.equal(io.stdout, [
    'conf/prod.ga.yaml:23:21 error GA053 10.0.0.1 is a private address; GA reaches custom IP endpoints over the Internet, so use the service\'s public IPv4 address.',
    'conf/prod.ga.yaml:24:25 error GA050 Weight must be a whole number from 0 to 255.',
    '',
  ].join('\n'));
  assert.equal(io.stderr, 'conf/prod.ga.yaml: 2 errors, 0 warnings\n');
});

test('validate --format json: the contract\'s array, 1-based, of the offending node', async () => {
  const io = fakeIo({ '/abs/ga.yaml': BROKEN });
  assert.equal(await runCli(['validate', '/abs/ga.yaml', '--format', 'json'], io), 1);
  const out = JSON.parse(io.stdout) as Record<string, unknown>[];
  assert.deepEqual(out[1], { file: '/abs/ga.yaml', line: 24, column: 25, endLine: 24, endColumn: 28, severity: 'error', code: 'GA050', message: 'Weight must be a whole number from 0 to 255.' });
  assert.deepEqual(Object.keys(out[0]), ['file', 'line', 'column', 'endLine', 'endColumn', 'severity', 'code', 'message']);
  assert.equal(io.stderr, '');
});

test('validate: warnings alone exit 0; --sandbox allows loopback backends; - reads standard input', async () => {
  const warnOnly = fakeIo({ '/work/ga.yaml': CONTRACT_EXAMPLE.replace('weight: 100', 'weight: 0') });
  assert.equal(await runCli(['validate', '--format', 'json'], warnOnly), 0);
  assert.deepEqual(JSON.parse(warnOnly.stdout).map((d: { code: string; severity: string }) => `${d.code} ${d.severity}`), ['GA051 warning']);
  const loopback = CONTRACT_EXAMPLE.replace('47.95.1.10', '127.0.0.1');
  assert.equal(await runCli(['validate'], fakeIo({ '/work/ga.yaml': loopback })), 1);
  assert.equal(await runCli(['validate', '--sandbox'], fakeIo({ '/work/ga.yaml': loopback })), 0);
  const stdin = fakeIo({ '<stdin>': BROKEN });
  assert.equal(await runCli(['validate', '-'], stdin), 1);
  assert.match(stdin.stdout, /^<stdin>:23:21 error GA053/);
});

test('validate: a missing file, a bad option and an unknown command are errors a person can act on', async () => {
  const missing = fakeIo({});
  assert.equal(await runCli(['validate', 'nope.yaml'], missing), 1);
  assert.equal(missing.stderr, 'ga-ipv6 validate: nope.yaml does not exist.\n');
  const format = fakeIo({});
  assert.equal(await runCli(['validate', '--format', 'xml'], format), 1);
  assert.match(format.stderr, /argument 'xml' is invalid\. Allowed choices are text, json\./);
  const unknown = fakeIo({});
  assert.equal(await runCli(['vaildate'], unknown), 1);
  assert.match(unknown.stderr, /unknown command 'vaildate'[\s\S]*\(Did you mean validate\?\)/);
  const help = fakeIo({});
  assert.equal(await runCli(['--help'], help), 0);
  assert.match(help.stdout, /validate \[options\] \[FILE\]/);
});

test('colour only on a terminal, and never with NO_COLOR', async () => {
  const tty = fakeIo({ '/work/ga.yaml': BROKEN }, { isTTY: true });
  await runCli(['validate'], tty);
  assert.match(tty.stdout, /\x1b\[31merror\x1b\[0m/);
  const noColor = fakeIo({ '/work/ga.yaml': BROKEN }, { isTTY: true, env: { NO_COLOR: '1' } });
  await runCli(['validate'], noColor);
  assert.doesNotMatch(noColor.stdout, /\x1b/);
});
