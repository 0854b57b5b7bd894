import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { NetworkInterfaceInfo } from 'node:os';
import { sandboxConnectVia, sandboxScope } from '../../../src/probeUi/sandboxPlacement';

const v6 = (address: string): NetworkInterfaceInfo => ({ address, family: 'IPv6', netmask: 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', mac: '00:00:00:00:00:00', internal: true, cidr: `${address}/128`, scopeid: 0 });

describe('sandbox placement', () => {
  it('connects to an accelerated address that is on this machine, however it is written', () => {
    const scope = sandboxScope({ lo: [v6('::1'), v6('fd6a:6761::a:1')] });
    assert.equal(scope.place('fd6a:6761:0:0:0:0:a:1'), 'fd6a:6761:0:0:0:0:a:1');
  });

  it('sends anything else to [::1], where the data plane serves addresses it could not add', () => {
    const scope = sandboxScope({ lo: [v6('::1')], eth0: [v6('fe80::1%eth0')] });
    assert.equal(scope.place('fd6a:6761::a:1'), '::1');
    assert.equal(scope.place('not an address'), '::1');
  });

  it('places what the sandbox DNS answers: emulated addresses go to the data plane, others stay as they are', () => {
    const via = sandboxConnectVia(sandboxScope({ lo: [v6('::1')] }));
    assert.equal(via('fd6a:6761::a:1'), '::1');
    assert.equal(via('2001:db8::1'), '2001:db8::1');
  });
});
