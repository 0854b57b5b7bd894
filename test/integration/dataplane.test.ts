// The data plane against the real emulator, driven through the cloud client: it serves an accelerator once
// ip set, listener and endpoint group are active, follows endpoint and port updates, stops when the endpoint
// group is deleted; the DNS responder follows the same state.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { connect, createServer, AddressInfo, Server, Socket } from 'node:net';
import type { RunningDataPlane } from '../../src/emulator/dataplane';
import type { RunningDnsResponder } from '../../src/emulator/dnsResponder';
import type { CloudServices } from '../../src/cloud';
import { lookupName } from '../../src/probe';
import { startServedCloud, type ServedCloud } from './cloudHarness';


let served: ServedCloud | undefined;
let plane: RunningDataPlane;
let dns: RunningDnsResponder;
let services: CloudServices;
const backends: Server[] = [];
const backendSockets = new Set<Socket>();
let backendPort: number;

/** IPv4 backends on 127.0.0.1 and 127.0.0.2 at one port, each answering with its address. */
async function startBackends(): Promise<void> {
  backendPort = await freePort('127.0.0.1', 0);
  for (const host of ['127.0.0.1', '127.0.0.2']) {
    const server = createServer((s) => {
      backendSockets.add(s);
      s.on('close', () => backendSockets.delete(s));
      s.end(host);
    });
    await new Promise<void>((r) => server.listen(backendPort, host, r));
    backends.push(server);
  }
}

before(async () => {
  await startBackends();
  served = await startServedCloud();
  ({ plane, dns, services } = served);
});

after(async () => {
  await served?.stop();
  backendSockets.forEach((s) => s.destroy());
  for (const b of backends) await new Promise((r) => b.close(r));
});

test('serve, follow updates, stop on delete; DnsName resolves once the area is active', async () => {
  const { ga } = services;
  const acc = await ga.createAccelerator({ name: 'dataplane', spec: '1', instanceChargeType: 'PREPAY', pricingCycle: 'Month', duration: 1, autoPay: true });
  const pkg = await ga.createBandwidthPackage({ bandwidth: 2, type: 'Basic', bandwidthType: 'Enhanced', chargeType: 'PREPAY', pricingCycle: 'Month', duration: '1', autoPay: true });
  await ga.bandwidthPackageAddAccelerator(pkg.id, acc.id);
  const dnsName = (await ga.describeAccelerator(acc.id)).dnsName ?? '';
  const before = await lookupName(dnsName, { dnsServer: `127.0.0.1:${dns.port}`, timeoutMs: 2000 });
  assert.deepEqual([before.rcode, before.aaaa], ['NOERROR', []], 'no address before an area exists');

  const [area] = await ga.createIpSets({ acceleratorId: acc.id, accelerateRegion: [{ accelerateRegionId: 'cn-beijing', bandwidth: 2, ipVersion: 'IPv6' }] });
  const address = area.resource?.ipAddressList?.[0] ?? '';
  const resolved = await lookupName(dnsName, { dnsServer: `127.0.0.1:${dns.port}`, timeoutMs: 2000 });
  assert.deepEqual(resolved.aaaa.map((r) => r.address), [address]);

  const port = await freePort('::1', 0);
  const listener = await ga.createListener({ acceleratorId: acc.id, name: 'tcp', protocol: 'TCP', portRanges: [{ fromPort: port, toPort: port }] });
  assert.deepEqual(plane.bindings(), [], 'a listener without an endpoint group is not served');
  const group = await ga.createEndpointGroup({
    acceleratorId: acc.id,
    listenerId: listener.id,
    endpointGroupRegion: 'cn-beijing',
    name: 'two',
    endpointConfigurations: [
      { type: 'Ip', endpoint: '127.0.0.1', weight: 1 },
      { type: 'Ip', endpoint: '127.0.0.2', weight: 1 },
    ],
    portOverrides: [{ listenerPort: port, endpointPort: backendPort }],
  });
  const served = await plane.waitUntilServed(address, port);
  assert.deepEqual(await spread(served.listenAddress, port, 4), { '127.0.0.1': 2, '127.0.0.2': 2 });

  // Weights changed through UpdateEndpointGroup: the group is updating (not served), then active again.
  await ga.updateEndpointGroup({
    endpointGroupId: group.id,
    endpointGroupRegion: 'cn-beijing',
    endpointConfigurations: [
      { type: 'Ip', endpoint: '127.0.0.1', weight: 0 },
      { type: 'Ip', endpoint: '127.0.0.2', weight: 10 },
    ],
    portOverrides: [{ listenerPort: port, endpointPort: backendPort }],
  });
  const again = await plane.waitUntilServed(address, port);
  assert.deepEqual(await spread(again.listenAddress, port, 3), { '127.0.0.2': 3 });

  // The listener moves to another port: the old one is no longer served.
  const newPort = await freePort('::1', 0);
  // (GA keeps a port override's listener port in the listener's ranges, hence three steps.)
  await ga.updateListener({ listenerId: listener.id, portRanges: [{ fromPort: port, toPort: port }, { fromPort: newPort, toPort: newPort }] });
  await ga.updateEndpointGroup({ endpointGroupId: group.id, endpointGroupRegion: 'cn-beijing', portOverrides: [{ listenerPort: newPort, endpointPort: backendPort }] });
  await ga.updateListener({ listenerId: listener.id, portRanges: [{ fromPort: newPort, toPort: newPort }] });
  const moved = await plane.waitUntilServed(address, newPort);
  await plane.settled();
  assert.deepEqual(plane.bindings().map((b) => b.port), [newPort]);
  assert.deepEqual(await spread(moved.listenAddress, newPort, 1), { '127.0.0.2': 1 });

  await ga.deleteEndpointGroup(group.id);
  await plane.settled();
  assert.deepEqual(plane.bindings(), []);
  assert.equal(plane.reachableAddress(address), undefined);
  assert.ok((plane.stats().forwarded[`127.0.0.2:${backendPort}`] ?? 0) >= 6);
});

async function spread(host: string, port: number, n: number): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (let i = 0; i < n; i++) {
    const text = await new Promise<string>((resolve, reject) => {
      const s: Socket = connect({ host, port, family: 6 });
      let data = '';
      s.on('data', (d) => (data += d));
      s.on('end', () => resolve(data));
      s.on('error', reject);
    });
    out[text] = (out[text] ?? 0) + 1;
  }
  return out;
}

function freePort(host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(port, host, () => {
      const { port: p } = s.address() as AddressInfo;
      s.close(() => resolve(p));
    });
  });
}
