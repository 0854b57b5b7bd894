import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { buildCurlCommand, cmdQuote, commandLine, MAX_CURL_URL_LENGTH, powershellQuote, shellKind, shellQuote } from '../../../src/probe/curl';
import { curlTargetFromText } from '../../../src/probeUi/curlTargets';
import { readCmd, readPowerShell } from './shellReaders';

test('the seed\'s command, exactly, plus -sS for the pipe the editor reads it through', () => {
  const cmd = buildCurlCommand({ address: 'fd6a:6761::1' });
  assert.deepEqual(cmd.argv, ['curl', '-6', '-g', '-sS', 'http://[fd6a:6761::1]/']);
  assert.equal(cmd.display, "curl -6 -g -sS 'http://[fd6a:6761::1]/'");
});

test('a name with the accelerator address uses --resolve, with the port and options', () => {
  const cmd = buildCurlCommand({ address: 'fd6a:6761::1', hostName: 'www.example.com', port: 8443, scheme: 'https', path: '/a?b=1', connectTimeoutSeconds: 5, insecure: true });
  assert.deepEqual(cmd.argv, ['curl', '-6', '-g', '-sS', '--connect-timeout', '5', '-k', '--resolve', 'www.example.com:8443:[fd6a:6761::1]', 'https://www.example.com:8443/a?b=1']);
});

test('unsafe parts are refused with a reason', () => {
  assert.throws(() => buildCurlCommand({ address: '192.0.2.1' }), /IPv4 address/);
  assert.throws(() => buildCurlCommand({ address: 'fe80::1%eth0' }), /zone index/);
  assert.throws(() => buildCurlCommand({ hostName: 'www.example.com; rm -rf /' }), /not a valid host name/);
  assert.throws(() => buildCurlCommand({ address: '::1', path: '/a b' }), /only URL characters/);
  assert.throws(() => buildCurlCommand({ address: '::1', path: 'a' }), /must start with \//);
  assert.throws(() => buildCurlCommand({ address: '::1', port: 0 }), /out of range/);
  assert.throws(() => buildCurlCommand({}), /address or the host name/);
});

test(`the target's length is capped at ${MAX_CURL_URL_LENGTH} characters, typed or built`, () => {
  const longest = `/${'a'.repeat(MAX_CURL_URL_LENGTH - 'http://[::1]/'.length)}`;
  assert.equal(buildCurlCommand({ address: '::1', path: longest }).argv.at(-1)?.length, MAX_CURL_URL_LENGTH);
  assert.throws(() => buildCurlCommand({ address: '::1', path: `${longest}a` }), /at most 2048/);
  assert.throws(() => buildCurlCommand({ address: '::1', path: `/${'a'.repeat(100_000)}` }), /100001 characters long/);
  assert.throws(() => curlTargetFromText(`http://[::1]/${'a'.repeat(5000)}`), /at most 2048/);
});

/** The hostile inputs of the suite (here and in curlTargets/extension tests), as argv buildCurlCommand makes of them. */
function hostileArgvs(): string[][] {
  return [
    buildCurlCommand({ address: '::1', path: "/it's/$(id)/a;b&c*d" }).argv,
    buildCurlCommand(curlTargetFromText("https://[::1]/a$(touch x)'b")).argv,
    buildCurlCommand({ address: '::1', path: "/%41b%20c%25d/x?y=(2)*3!4,5@6;7+8=9&z~'" }).argv,
    buildCurlCommand({ address: 'fd6a:6761::1', hostName: 'www.example.com', port: 8080, path: '/$HOME/%50ATH%41/', connectTimeoutSeconds: 3 }).argv,
  ];
}

test('a POSIX shell (sh, and bash) reads the display string back into exactly the argv', () => {
  for (const argv of hostileArgvs()) {
    const line = commandLine(argv, 'posix');
    for (const sh of ['/bin/sh', '/bin/bash'].filter(existsSync)) {
      const echoed = execFileSync(sh, ['-c', `printf '%s\\n' ${line.replace(/^curl /, '')}`], { encoding: 'utf8' });
      assert.deepEqual(echoed.trimEnd().split('\n'), argv.slice(1), `${sh}: ${line}`);
    }
    assert.equal(buildCurlCommand({ address: '::1', path: "/it's/$(id)/a;b&c*d" }).display, commandLine(hostileArgvs()[0], 'posix'));
  }
});

test('PowerShell reads its command line back into exactly the argv; on Windows it calls curl.exe, not the Invoke-WebRequest alias', () => {
  for (const argv of hostileArgvs()) {
    const line = commandLine(argv, 'powershell', 'win32');
    assert.ok(line.startsWith('curl.exe -6 -g -sS '), line);
    assert.deepEqual(readPowerShell(line), ['curl.exe', ...argv.slice(1)], line);
    assert.deepEqual(readPowerShell(commandLine(argv, 'powershell', 'linux')), argv, 'pwsh elsewhere has no curl alias');
  }
  // Typographic quotes close PowerShell strings too: they are doubled like the ASCII one.
  assert.deepEqual(readPowerShell(`x ${powershellQuote('a\u2019b')}`), ['x', 'a\u2019b']);
  // The reader is strict enough to catch the mistakes quoting prevents.
  assert.throws(() => readPowerShell("curl.exe http://[::1]/$(id)"), /interprets/);
});

test('cmd reads its command line back into exactly the argv, with percent signs that no variable can replace', () => {
  for (const argv of hostileArgvs()) {
    const line = commandLine(argv, 'cmd', 'win32');
    // Every %…% pair in the URLs names a defined variable here: a line that let cmd expand one would differ.
    const env = Object.fromEntries([...argv.join(' ').matchAll(/%([^%]+)(?=%)/g)].map((m) => [m[1], 'EXPANDED']));
    assert.deepEqual(readCmd(line, { PATH: 'C:\\Windows', ...env }), argv, line);
  }
  // Plain double quotes are not enough: cmd expands %PATH% inside them (the reader catches that).
  assert.notDeepEqual(readCmd('curl "http://[::1]/%PATH%"', { PATH: 'C:\\Windows' }), ['curl', 'http://[::1]/%PATH%']);
  assert.throws(() => cmdQuote('a"b'), /double quote/);
  assert.deepEqual(readCmd(`x ${cmdQuote('C:\\a dir\\')}`, {}), ['x', 'C:\\a dir\\'], 'a trailing backslash does not escape the closing quote');
  assert.throws(() => readCmd('curl http://[::1]/a&b', {}), /operator/);
});

test('no shell gets a line break, whatever the argument', () => {
  for (const quote of [shellQuote, powershellQuote, cmdQuote]) assert.throws(() => quote('a\nrm -rf /'), /line break/);
});

test('the shell a terminal runs, from its executable', () => {
  assert.equal(shellKind('/bin/bash', 'linux'), 'posix');
  assert.equal(shellKind('/usr/bin/fish', 'darwin'), 'posix');
  assert.equal(shellKind('C:\\Program Files\\Git\\bin\\bash.exe', 'win32'), 'posix');
  assert.equal(shellKind('C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe', 'win32'), 'powershell');
  assert.equal(shellKind('/usr/local/bin/pwsh', 'linux'), 'powershell');
  assert.equal(shellKind('C:\\Windows\\System32\\cmd.exe', 'win32'), 'cmd');
  assert.equal(shellKind('', 'win32'), 'powershell');
  assert.equal(shellKind(undefined, 'linux'), 'posix');
});
