// The seed walk-through driven through the workflow steps (what the guided forms and ga.yaml apply will
// call), against the emulator over HTTP: each step's own validation, purchase confirmation and waits.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { addZone, startCloud, type Harness } from './cloudHarness';
import { areaStep, dnsRecordStep, listenerStep, purchaseStep } from '../../src/workflows/seed';
import { PurchaseDeclinedError, type PurchaseSummary, type StepContext } from '../../src/workflows/step';
import type { CloudServices } from '../../src/cloud';

let h: Harness;
let cloud: CloudServices;
const asked: PurchaseSummary[] = [];
const progress: string[] = [];

before(async () => {
  h = await startCloud();
  cloud = h.services();
  await addZone(cloud.connection, 'example.com');
});
after(() => h.stop());

const ctx = (answer: boolean): StepContext => ({
  ga: cloud.ga,
  dns: cloud.dns,
  confirmPurchase: async (s) => {
    asked.push(s);
    return answer;
  },
  onProgress: (m) => progress.push(m),
});

const purchase = {
  name: 'web-ipv6',
  spec: '1',
  chargeType: 'PREPAY' as const,
  pricingCycle: 'Month' as const,
  duration: 1,
  bandwidthType: 'Enhanced' as const,
  planBandwidth: 2,
  backendOnAlibabaCloud: false,
  autoPay: true,
};

test('declining the purchase buys nothing', async () => {
  await assert.rejects(purchaseStep.execute(purchase, ctx(false)), PurchaseDeclinedError);
  const state = await h.admin.state();
  assert.equal(Object.keys(state.ga.accelerators).length, 0);
  assert.equal(Object.keys(state.ga.bandwidthPackages).length, 0);
});

test('the five seed steps, one after another, end in the seed\'s configuration', async () => {
  const bought = await purchaseStep.execute(purchase, ctx(true));
  assert.match(asked.at(-1)?.lines.join('\n') ?? '', /Small I, subscription, 1 month/);
  const acc = await cloud.ga.describeAccelerator(bought.acceleratorId);
  assert.equal(acc.state, 'active');
  assert.equal(acc.basicBandwidthPackage?.instanceId, bought.bandwidthPackageId);
  assert.equal(acc.basicBandwidthPackage?.bandwidthType, 'Enhanced');

  const areaInput = { acceleratorId: bought.acceleratorId, regionId: 'cn-beijing', bandwidth: 2, ipVersion: 'IPv6' as const, planBandwidth: 2, spec: '1' };
  assert.deepEqual(areaStep.validate(areaInput), []);
  const area = await areaStep.execute(areaInput, ctx(true));
  assert.equal(area.addresses.length, 1);
  assert.ok(area.addresses[0].includes(':'), `an IPv6 address, got ${area.addresses[0]}`);

  const l = await listenerStep.execute(
    {
      acceleratorId: bought.acceleratorId,
      listenerName: 'web-80',
      protocol: 'TCP',
      portRanges: [{ fromPort: 80, toPort: 80 }],
      clientAffinity: 'SOURCE_IP',
      endpointGroupName: 'beijing-dc',
      endpointGroupRegion: 'cn-beijing',
      preserveClientIp: false,
      endpoints: [{ type: 'Ip', endpoint: '203.0.113.10', weight: 100 }],
    },
    ctx(true),
  );
  const listener = await cloud.ga.describeListener(l.listenerId);
  assert.equal(listener.clientAffinity, 'SOURCE_IP');
  const group = await cloud.ga.describeEndpointGroup(l.endpointGroupId);
  assert.equal(group.state, 'active');
  assert.deepEqual(group.endpointConfigurations?.map((e) => [e.type, e.endpoint, e.weight]), [['Ip', '203.0.113.10', 100]]);

  const aaaa = await dnsRecordStep.execute({ domainName: 'example.com', rr: 'www', type: 'AAAA', value: area.addresses[0], ttl: 600 }, ctx(true));
  assert.equal(aaaa.fqdn, 'www.example.com');
  assert.equal(aaaa.written, true);
  const again = await dnsRecordStep.execute({ domainName: 'example.com', rr: 'www', type: 'AAAA', value: area.addresses[0], ttl: 600 }, ctx(true));
  assert.equal(again.written, false, 'running the step twice writes nothing the second time');
  assert.equal(again.recordId, aaaa.recordId);

  const records = await cloud.dns.describeSubDomainRecords('www.example.com');
  assert.deepEqual(records.map((r) => [r.type, r.value]), [['AAAA', area.addresses[0]]]);
  assert.ok(progress.some((m) => /Creating instance web-ipv6/.test(m)));
});

test('a step refuses what its form would refuse, before any call', async () => {
  const before = (await h.admin.requests()).length;
  await assert.rejects(
    areaStep.execute({ acceleratorId: 'ga-x', regionId: 'ap-northeast-1', bandwidth: 2, ipVersion: 'IPv6' }, ctx(true)),
    /not available in Japan \(Tokyo\)/,
  );
  assert.equal((await h.admin.requests()).length, before);
});
