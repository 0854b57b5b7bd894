import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createSandboxProfile, parseSandboxEndpoint, SANDBOX_ACCESS_KEY_ID, SANDBOX_ACCESS_KEY_SECRET, SandboxEndpointError } from '../../../src/profiles/sandboxProfile';

test('the sandbox talks http to 127.0.0.1:<port> for GA and DNS with the well-known local pair', async () => {
  const p = createSandboxProfile({ port: 18100 });
  assert.equal(p.id, 'sandbox');
  assert.equal(p.name, 'Local sandbox');
  assert.equal(p.source, 'sandbox');
  assert.deepEqual(p.endpoints, { ga: '127.0.0.1:18100', dns: '127.0.0.1:18100', protocol: 'http' });
  assert.deepEqual(await p.credentials(), { accessKeyId: SANDBOX_ACCESS_KEY_ID, accessKeySecret: SANDBOX_ACCESS_KEY_SECRET });
  assert.ok(!JSON.stringify(p).includes(SANDBOX_ACCESS_KEY_SECRET));
});

test('IPv6 loopback is written bracketed', () => {
  assert.deepEqual(createSandboxProfile({ port: 8100, host: '::1' }).endpoints.ga, '[::1]:8100');
});

test('refuses any host that is not a literal loopback address', () => {
  for (const host of ['10.0.0.1', '203.0.113.10', 'ga.cn-hangzhou.aliyuncs.com', 'localhost', '::2', '2001:db8::1']) {
    assert.throws(() => createSandboxProfile({ port: 8100, host }), (e: unknown) => e instanceof SandboxEndpointError && e.message.includes(`"${host}" is not a loopback address`), host);
  }
  assert.throws(() => createSandboxProfile({ port: 0 }), /port must be a whole number from 1 to 65535/);
  assert.throws(() => createSandboxProfile({ port: 70000 }), SandboxEndpointError);
});

test('reads GA_IPV6_SANDBOX_ENDPOINT forms and refuses the rest', () => {
  assert.deepEqual(parseSandboxEndpoint('127.0.0.1:8100'), { host: '127.0.0.1', port: 8100 });
  assert.deepEqual(parseSandboxEndpoint(' http://127.0.0.2:9000/ '), { host: '127.0.0.2', port: 9000 });
  assert.deepEqual(parseSandboxEndpoint('[::1]:8100'), { host: '::1', port: 8100 });
  assert.throws(() => parseSandboxEndpoint('https://127.0.0.1:8100'), /must use http/);
  assert.throws(() => parseSandboxEndpoint('127.0.0.1'), /is not host:port/);
  assert.throws(() => parseSandboxEndpoint('192.168.1.5:8100'), /not a loopback address/);
});
