// Issue 8, defect 3: the data plane's rule for who may connect, without sockets: loopback and this machine's own
// addresses, nothing else (the refusal over a real link is test/integration/dataplaneSources.test.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { NetworkInterfaceInfo } from 'node:os';
import { LocalSources } from '../../../../src/emulator/dataplane/localSources';

const iface = (address: string, family: 'IPv4' | 'IPv6'): NetworkInterfaceInfo =>
  ({ address, family, netmask: '', mac: '00:00:00:00:00:00', internal: false, cidr: null, ...(family === 'IPv6' ? { scopeid: 0 } : {}) }) as NetworkInterfaceInfo;

test('loopback and this machine\'s own addresses are accepted, any other source is refused', () => {
  const addresses: Record<string, NetworkInterfaceInfo[]> = { eth0: [iface('192.0.2.7', 'IPv4'), iface('2001:db8::7', 'IPv6'), iface('fe80::7', 'IPv6')] };
  const sources = new LocalSources(() => addresses);
  for (const a of ['::1', '127.0.0.1', '127.9.9.9', '::ffff:127.0.0.1', '2001:db8::7', '2001:DB8::7', 'fe80::7%eth0', '192.0.2.7', '::ffff:192.0.2.7']) assert.equal(sources.accepts(a), true, a);
  for (const a of ['2001:db8::8', 'fd6a:6761::a:1', 'fe80::8%eth0', '192.0.2.8', '::ffff:10.0.0.1', '::', '', undefined]) assert.equal(sources.accepts(a), false, String(a));
  // An address the data plane adds later (an ip set's, on lo) is found on the next look.
  addresses.lo = [iface('fd6a:6761::a:1', 'IPv6')];
  assert.equal(sources.accepts('fd6a:6761::a:1'), true);
});
