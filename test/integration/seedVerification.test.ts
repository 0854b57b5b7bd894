// The seed's last step, proven offline: "curl -6 -g http://[<Accelerated IP address assigned by GA>]" from an
// IPv6 client reaches the IPv4 web service. The whole setup is built through the cloud client against the
// emulator; the emulator's data plane carries the IPv6 connection to an IPv4 server on 127.0.0.1, and its DNS
// responder answers for www.example.com. As root the accelerated address is really on the loopback device
// and the listener is on port 80, as in the seed; otherwise everything is served on [::1] and a high port,
// and the test says so.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RunningDataPlane } from '../../src/emulator/dataplane';
import type { RunningDnsResponder } from '../../src/emulator/dnsResponder';
import type { CloudServices } from '../../src/cloud';
import { buildCurlCommand, renderReport, runProbe } from '../../src/probe';
import { addZone, processAddressBlock, startServedCloud, type ServedCloud } from './cloudHarness';

const BACKEND_TEXT = 'IPv4 web service in the Beijing data centre';
const isRoot = process.getuid?.() === 0;

let backend: Server;
let backendPort: number;
const backendHosts: string[] = [];
let served: ServedCloud | undefined;
let plane: RunningDataPlane;
let dns: RunningDnsResponder;
let services: CloudServices;
const planeLog: string[] = [];

before(async () => {
  backend = createServer((req, res) => {
    backendHosts.push(req.headers.host ?? '');
    res.setHeader('content-type', 'text/plain');
    res.end(BACKEND_TEXT);
  });
  await new Promise<void>((r) => backend.listen(0, '127.0.0.1', r));
  backendPort = (backend.address() as AddressInfo).port;
  // Its own address block: the sandbox's demo serves [fd6a:6761::a:1]:80 too, and may run at the same time as root.
  served = await startServedCloud((l) => planeLog.push(l));
  ({ plane, dns, services } = served);
});

after(async () => {
  await served?.stop();
  backend.closeAllConnections();
  await new Promise((r) => backend.close(r));
});

test('the seed setup built through the cloud client answers an IPv6 probe of www.example.com with the IPv4 service', async () => {
  const { ga, dns: alidns, connection } = services;
  // Port 80 as in the seed needs root; otherwise a free high port. PortOverrides lead to the backend's port.
  const listenerPort = isRoot ? 80 : await freeIpv6Port();
  if (!isRoot) console.log(`# not root: listener on port ${listenerPort} and the accelerated address served on [::1] (see the data plane's log)`);

  // Steps 1–3 of the seed: instance + Enhanced 2 Mbit/s plan, IPv6 area in Beijing, TCP listener with
  // source-IP affinity, endpoint group with the IPv4 service as a custom IP endpoint.
  const acc = await ga.createAccelerator({ name: 'seed-ipv6', spec: '1', instanceChargeType: 'PREPAY', pricingCycle: 'Month', duration: 1, autoPay: true });
  const plan = await ga.createBandwidthPackage({ bandwidth: 2, type: 'Basic', bandwidthType: 'Enhanced', chargeType: 'PREPAY', pricingCycle: 'Month', duration: '1', autoPay: true });
  await ga.bandwidthPackageAddAccelerator(plan.id, acc.id);
  const [area] = await ga.createIpSets({ acceleratorId: acc.id, accelerateRegion: [{ accelerateRegionId: 'cn-beijing', bandwidth: 2, ipVersion: 'IPv6' }] });
  const accelerated = area.resource?.ipAddressList?.[0] ?? '';
  assert.ok(accelerated.startsWith(`fd6a:6761::${processAddressBlock().toString(16)}:`), `${accelerated} is in this test's address block`);
  const listener = await ga.createListener({ acceleratorId: acc.id, name: 'web', protocol: 'TCP', portRanges: [{ fromPort: listenerPort, toPort: listenerPort }], clientAffinity: 'SOURCE_IP' });
  await ga.createEndpointGroup({
    acceleratorId: acc.id,
    listenerId: listener.id,
    endpointGroupRegion: 'cn-beijing',
    name: 'beijing-idc',
    endpointConfigurations: [{ type: 'Ip', endpoint: '127.0.0.1', weight: 100, enableClientIPPreservation: false }],
    portOverrides: [{ listenerPort, endpointPort: backendPort }],
  });

  // The data plane follows the emulator: once all three are active it serves the accelerated address.
  const binding = await plane.waitUntilServed(accelerated, listenerPort);
  assert.equal(binding.listenAddress, isRoot ? accelerated : '::1', planeLog.join('\n'));

  // Step 4: AAAA www → the accelerated address; CNAME app → the accelerator's DnsName.
  await addZone(connection, 'example.com');
  const dnsName = (await ga.describeAccelerator(acc.id)).dnsName ?? '';
  await alidns.addDomainRecord('example.com', { rr: 'www', type: 'AAAA', value: accelerated, ttl: 600, line: 'default' });
  await alidns.addDomainRecord('example.com', { rr: 'app', type: 'CNAME', value: dnsName, ttl: 600, line: 'default' });

  // Step 5: the verification, by the probe engine through the emulator's DNS and data plane. Without root the
  // accelerated address is not on this machine, so the connection goes to where the data plane really listens
  // (never to the address itself: that would leave the machine).
  const connectTo = isRoot ? [] : [binding.listenAddress];
  const report = await runProbe(
    ['www.example.com', 'app.example.com'].map((hostName) => ({
      kind: 'record' as const,
      hostName,
      ipv6Addresses: connectTo,
      expectedAddresses: [accelerated],
      dnsName,
      ports: [listenerPort],
      origin: { address: '127.0.0.1', port: backendPort },
    })),
    { dnsServer: `127.0.0.1:${dns.port}`, attempts: 3, intervalMs: 0, connectTimeoutMs: 3000, requestTimeoutMs: 3000 },
  );
  const table = renderReport(report, { color: false }).join('\n');
  assert.equal(report.verdict.status, 'pass', table);
  const [www, app] = report.targets;
  assert.deepEqual(www.dns?.aaaa.map((r) => [r.address, r.ttl]), [[accelerated, 600]]);
  assert.deepEqual(app.dns?.cnameChain.map((c) => c.target), [dnsName]);
  for (const target of report.targets) {
    const [endpoint] = target.endpoints;
    assert.equal(endpoint.stats.answered, 3, table);
    for (const attempt of endpoint.attempts) {
      assert.equal(attempt.httpStatus, 200);
      assert.equal(attempt.bodyPreview, BACKEND_TEXT);
      assert.equal(attempt.remote?.family, 'IPv6');
      assert.equal(attempt.remote?.address, binding.listenAddress);
    }
    assert.equal(target.origin?.attempts[0].remote?.family, 'IPv4');
  }
  // 6 probes through the data plane (Host: the record's name) + 6 straight to the origin.
  assert.equal(plane.stats().forwarded[`127.0.0.1:${backendPort}`], 6);
  const hostSuffix = listenerPort === 80 ? '' : `:${listenerPort}`;
  assert.equal(backendHosts.filter((h) => h === `www.example.com${hostSuffix}`).length, 3);

  // And the seed's own command line, when curl is installed.
  const curl = buildCurlCommand({ address: binding.listenAddress, port: listenerPort, connectTimeoutSeconds: 3 });
  const output = await run(curl.argv);
  if (output.missing) console.log('# curl is not installed: the curl -6 -g check was not run');
  else assert.equal(output.stdout, BACKEND_TEXT, `${curl.display} → ${output.stderr}`);
});

function freeIpv6Port(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '::1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

function run(argv: string[]): Promise<{ stdout: string; stderr: string; missing: boolean }> {
  return new Promise((resolve) => {
    execFile(argv[0], argv.slice(1), { timeout: 10_000 }, (error, stdout, stderr) => {
      resolve({ stdout, stderr, missing: (error as NodeJS.ErrnoException | null)?.code === 'ENOENT' });
    });
  });
}
