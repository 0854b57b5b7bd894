import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { AcceleratorNode, EndpointGroupNode, EndpointNode, ExplorerNode } from '../../../src/explorer/nodes';
import { planTarget } from '../../../src/probe';
import { endpointPort, listenerPorts, MAX_PORTS_PER_LISTENER, nodeProbe, type AcceleratorView, type SandboxScope } from '../../../src/probeUi/targets';

const V6_A = '2408:4000:1000::1';
const V6_B = '2408:4000:2000::1';

function view(): AcceleratorView {
  return {
    accelerator: { acceleratorId: 'ga-1', name: 'web-ipv6', dnsName: 'ga-1.aliyunga0019.com', state: 'active' },
    details: {
      ipSets: [
        { ipSetId: 'ips-bj', accelerateRegionId: 'cn-beijing', ipVersion: 'IPv6', ipAddressList: [V6_A] },
        { ipSetId: 'ips-sh', accelerateRegionId: 'cn-shanghai', ipVersion: 'DUAL_STACK', ipAddressList: ['47.0.0.1', V6_B] },
      ],
      listeners: [
        { listenerId: 'lsr-web', name: 'web', protocol: 'TCP', portRanges: [{ fromPort: 80, toPort: 80 }] },
        { listenerId: 'lsr-tls', name: 'tls', protocol: 'HTTPS', portRanges: [{ fromPort: 8443, toPort: 8443 }] },
        { listenerId: 'lsr-voice', name: 'voice', protocol: 'UDP', portRanges: [{ fromPort: 3478, toPort: 3479 }] },
      ],
    },
  };
}

const profileId = 'p';
const accelerator: AcceleratorNode = { kind: 'accelerator', id: 'p/ga-1', profileId, accelerator: view().accelerator };
const areaNode = (i: number): ExplorerNode => ({ kind: 'area', id: `a${i}`, profileId, parent: accelerator, acceleratorId: 'ga-1', ipSet: view().details.ipSets[i] });
const recordNode: ExplorerNode = {
  kind: 'dnsRecord',
  id: 'r',
  profileId,
  parent: accelerator,
  record: { recordId: 'r-www', domainName: 'example.com', rr: 'www', type: 'AAAA', value: V6_A },
};

function endpointNode(endpoint: string, portOverrides?: { listenerPort: number; endpointPort: number }[]): EndpointNode {
  const group: EndpointGroupNode = {
    kind: 'endpointGroup',
    id: 'g',
    profileId,
    parent: accelerator,
    acceleratorId: 'ga-1',
    listenerId: 'lsr-web',
    group: { endpointGroupId: 'epg-1', listenerId: 'lsr-web', portOverrides },
  };
  return { kind: 'endpoint', id: 'e', profileId, parent: group, endpoint: { type: 'Ip', endpoint, weight: 100 } };
}

const onlyLoopback: SandboxScope = { place: (a) => (a === V6_A ? a : '::1') };

/** Whatever the tree hands the engine must plan without an error, or the terminal would only show that error. */
function assertPlannable(probe: ReturnType<typeof nodeProbe>): void {
  for (const t of probe.targets) assert.equal(planTarget(t, { scheme: 'http', path: '/' }).error, undefined, JSON.stringify(t));
}

describe('probe targets from explorer nodes', () => {
  it('carries GA\'s health of the endpoints (of the endpoint\'s own listener) to every target', () => {
    const health = [
      { listenerId: 'lsr-web', endpointGroups: [{ endpointGroupId: 'epg-1', endpoints: [{ address: '127.0.0.1', port: 8080, healthStatus: 'abnormal' }] }] },
      { listenerId: 'lsr-tls', endpointGroups: [{ endpointGroupId: 'epg-2', endpoints: [{ address: '127.0.0.9', port: 8443, healthStatus: 'normal' }] }] },
    ];
    const whole = nodeProbe(accelerator, { ...view(), health });
    for (const t of whole.targets) assert.deepEqual(t.backendHealth, [{ endpoint: '127.0.0.1', port: 8080, status: 'abnormal' }, { endpoint: '127.0.0.9', port: 8443, status: 'normal' }]);
    const one = nodeProbe(endpointNode('127.0.0.1'), { ...view(), health });
    assert.deepEqual(one.targets[0].backendHealth, [{ endpoint: '127.0.0.1', port: 8080, status: 'abnormal' }]);
    assert.equal(nodeProbe(accelerator, view()).targets[0].backendHealth, undefined, 'no health read: nothing claimed');
    assert.deepEqual(planTarget(one.targets[0], { scheme: 'http', path: '/' }).backendHealth, [{ endpoint: '127.0.0.1', port: 8080, status: 'abnormal' }]);
  });

  it('an accelerator: every IPv6 address of its areas × every TCP/HTTP(S) listener port, one target per scheme', () => {
    const probe = nodeProbe(accelerator, view());
    assert.equal(probe.title, 'web-ipv6');
    assert.deepEqual(probe.targets.map((t) => [t.label, t.kind, t.scheme, t.ports, t.ipv6Addresses]), [
      ['web-ipv6 (http)', 'accelerator', 'http', [80], [V6_A, V6_B]],
      ['web-ipv6 (https)', 'accelerator', 'https', [8443], [V6_A, V6_B]],
    ]);
    for (const t of probe.targets) {
      assert.equal(t.dnsName, 'ga-1.aliyunga0019.com');
      assert.deepEqual(t.expectedAddresses, [V6_A, V6_B]);
    }
    assert.deepEqual(probe.notes, ['Listener voice UDP:3478-3479 is not probed: the probe connects over TCP.']);
    assertPlannable(probe);
  });

  it('an area: only its own IPv6 addresses, named after its region', () => {
    const probe = nodeProbe(areaNode(1), view());
    assert.equal(probe.title, 'China (Shanghai) of web-ipv6');
    assert.deepEqual(probe.targets.map((t) => [t.kind, t.ipv6Addresses]), [['area', [V6_B]], ['area', [V6_B]]]);
    assertPlannable(probe);
  });

  it('a DNS record: its name is resolved and must lead to the accelerator (its addresses or its CNAME)', () => {
    const [http] = nodeProbe(recordNode, view()).targets;
    assert.deepEqual(
      [http.kind, http.label, http.hostName, http.ipv6Addresses, http.expectedAddresses, http.dnsName, http.ports],
      ['record', 'www.example.com (http)', 'www.example.com', [], [V6_A, V6_B], 'ga-1.aliyunga0019.com', [80]],
    );
  });

  it('in the sandbox a DNS record is still resolved (by the sandbox DNS) but connected to where the data plane serves', () => {
    const probe = nodeProbe(recordNode, view(), onlyLoopback);
    const [http] = probe.targets;
    assert.equal(http.hostName, 'www.example.com');
    assert.deepEqual(http.ipv6Addresses, [V6_A, '::1']);
    assert.deepEqual(http.expectedAddresses, [V6_A, V6_B], 'the DNS answer is still compared with the real addresses');
    assert.deepEqual(probe.notes.filter((n) => n.includes('not on this machine')), [`${V6_B} is not on this machine: probing [::1], where the sandbox's data plane serves it.`]);
  });

  it('sandbox addresses that all fall back to [::1] are probed once', () => {
    const probe = nodeProbe(accelerator, view(), { place: () => '::1' });
    assert.deepEqual(probe.targets[0].ipv6Addresses, ['::1']);
  });

  it('an endpoint: the accelerator over IPv6 on its listener\'s ports, and the endpoint itself over IPv4 on its real port', () => {
    const probe = nodeProbe(endpointNode('198.51.100.7', [{ listenerPort: 80, endpointPort: 8080 }]), view());
    assert.equal(probe.title, '198.51.100.7 via web-ipv6');
    assert.deepEqual(probe.targets.map((t) => [t.ports, t.ipv6Addresses, t.origin]), [[[80], [V6_A, V6_B], { address: '198.51.100.7', port: 8080 }]]);
    assertPlannable(probe);
  });

  it('an endpoint\'s origin is left out, with the reason, when it is a name or (in the sandbox) not a loopback address', () => {
    const domain = nodeProbe(endpointNode('origin.example.com'), view());
    assert.equal(domain.targets[0].origin, undefined);
    assert.match(domain.notes.join('\n'), /origin\.example\.com is not an IPv4 address/);
    const sandboxed = nodeProbe(endpointNode('203.0.113.10'), view(), onlyLoopback);
    assert.equal(sandboxed.targets[0].origin, undefined);
    assert.match(sandboxed.notes.join('\n'), /only loopback origins; 203\.0\.113\.10 is not probed/);
    const local = nodeProbe(endpointNode('127.0.0.1'), view(), onlyLoopback);
    assert.deepEqual(local.targets[0].origin, { address: '127.0.0.1', port: 80 });
  });

  it('an accelerator without listeners still gives a target, so the engine says what is missing', () => {
    const bare = view();
    bare.details.listeners = [];
    const [target] = nodeProbe(accelerator, bare).targets;
    assert.deepEqual(target.ports, []);
    assert.match(planTarget(target, { scheme: 'http', path: '/' }).error ?? '', /no ports: the accelerator needs a listener/);
  });

  it('refuses nodes with nothing to probe, saying which ones have something', () => {
    const folder: ExplorerNode = { kind: 'folder', id: 'f', profileId, parent: accelerator, folder: 'listeners', accelerator: view().accelerator };
    assert.throws(() => nodeProbe(folder, view()), /works on an accelerator, an acceleration area, an accelerated address, an endpoint or a DNS record/);
  });
});

describe('listener ports', () => {
  it('speaks TLS to HTTPS listeners and to TCP on 443, plain HTTP otherwise', () => {
    const ports = listenerPorts([
      { protocol: 'TCP', portRanges: [{ fromPort: 443, toPort: 443 }, { fromPort: 80, toPort: 80 }] },
      { protocol: 'HTTP', portRanges: [{ fromPort: 8080, toPort: 8080 }] },
      { protocol: 'HTTPS', portRanges: [{ fromPort: 4443, toPort: 4443 }] },
    ], []);
    assert.deepEqual(ports, [
      { port: 443, scheme: 'https' },
      { port: 80, scheme: 'http' },
      { port: 8080, scheme: 'http' },
      { port: 4443, scheme: 'https' },
    ]);
  });

  it('probes the first ports of a large range and says so', () => {
    const notes: string[] = [];
    const ports = listenerPorts([{ name: 'all', protocol: 'TCP', portRanges: [{ fromPort: 1, toPort: 65499 }] }], notes);
    assert.equal(ports.length, MAX_PORTS_PER_LISTENER);
    assert.deepEqual(ports.map((p) => p.port), Array.from({ length: MAX_PORTS_PER_LISTENER }, (_, i) => i + 1));
    assert.deepEqual(notes, [`Listener all TCP:1-65499 has 65499 ports; the first ${MAX_PORTS_PER_LISTENER} are probed.`]);
  });

  it('maps a listener port to the endpoint port of a port override', () => {
    assert.equal(endpointPort(80, { portOverrides: [{ listenerPort: 80, endpointPort: 8080 }] }), 8080);
    assert.equal(endpointPort(443, { portOverrides: [{ listenerPort: 80, endpointPort: 8080 }] }), 443);
    assert.equal(endpointPort(undefined, {}), undefined);
  });
});
