import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { buildCurlCommand } from '../../../src/probe/curl';

test('the seed\'s command, exactly', () => {
  const cmd = buildCurlCommand({ address: 'fd6a:6761::1' });
  assert.deepEqual(cmd.argv, ['curl', '-6', '-g', 'http://[fd6a:6761::1]/']);
  assert.equal(cmd.display, "curl -6 -g 'http://[fd6a:6761::1]/'");
});

test('a name with the accelerator address uses --resolve, with the port and options', () => {
  const cmd = buildCurlCommand({ address: 'fd6a:6761::1', hostName: 'www.example.com', port: 8443, scheme: 'https', path: '/a?b=1', connectTimeoutSeconds: 5, insecure: true });
  assert.deepEqual(cmd.argv, ['curl', '-6', '-g', '--connect-timeout', '5', '-k', '--resolve', 'www.example.com:8443:[fd6a:6761::1]', 'https://www.example.com:8443/a?b=1']);
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

test('a POSIX shell reads the display string back into exactly the argv', () => {
  const cmd = buildCurlCommand({ address: '::1', path: "/it's/$(id)/a;b&c*d" });
  const echoed = execFileSync('/bin/sh', ['-c', `printf '%s\\n' ${cmd.display.replace(/^curl /, '')}`], { encoding: 'utf8' });
  assert.deepEqual(echoed.trimEnd().split('\n'), cmd.argv.slice(1));
});
