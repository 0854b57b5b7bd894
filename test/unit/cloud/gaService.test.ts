import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GaService } from '../../../src/cloud/gaService';
import { CloudError } from '../../../src/cloud/errors';
import { apiError, fakeConnection, fastOptions, networkError, scriptedClient, type RecordedCall } from './fakes';

function service(script: Parameters<typeof scriptedClient>[0], lines: string[] = []) {
  const calls: RecordedCall[] = [];
  const ga = new GaService(fakeConnection(scriptedClient(script, calls), {}, ['TopSecretValue42']), fastOptions(lines));
  return { ga, calls, methods: () => calls.map((c) => c.method) };
}

test('RegionId cn-hangzhou goes wherever the spec has it, and not to DeleteListener', async () => {
  const s = service({
    describeListener: [{ listenerId: 'lsr-1', acceleratorId: 'ga-1', state: 'active' }, apiError('NotExist.Listener')],
    deleteListener: [{}],
  });
  const r = await s.ga.deleteListener('lsr-1');
  assert.equal(r.alreadyGone, false);
  assert.deepEqual(s.methods(), ['describeListener', 'deleteListener', 'describeListener']);
  assert.equal(s.calls[0].request.regionId, 'cn-hangzhou');
  assert.equal(s.calls[1].request.regionId, undefined);
  assert.equal(s.calls[1].request.acceleratorId, 'ga-1');
  assert.match(String(s.calls[1].request.clientToken), /^vsc-DeleteListener-/);
});

test('a retried create sends the same ClientToken on every attempt, then waits for active', async () => {
  const lines: string[] = [];
  const s = service(
    {
      createIpSets: [networkError('ECONNRESET', 'socket hang up'), apiError('Throttling.User'), apiError('StateError.Accelerator'), { acceleratorId: 'ga-1', ipSets: [{ ipSetId: 'ips-1', accelerateRegionId: 'cn-beijing', bandwidth: 2 }] }],
      listAvailableAccelerateAreas: [{ areas: [{ areaId: 'cn-huabei', regionList: [{ regionId: 'cn-beijing', supportIpv6: true }] }] }],
      describeIpSet: [{ ipSetId: 'ips-1', state: 'init' }, { ipSetId: 'ips-1', state: 'active', ipAddressList: ['2408:4000::1'] }],
    },
    lines,
  );
  const [r] = await s.ga.createIpSets({ acceleratorId: 'ga-1', accelerateRegion: [{ accelerateRegionId: 'cn-beijing', bandwidth: 2, ipVersion: 'IPv6' }] });
  const creates = s.calls.filter((c) => c.method === 'createIpSets');
  assert.equal(creates.length, 4);
  const tokens = new Set(creates.map((c) => c.request.clientToken));
  assert.equal(tokens.size, 1);
  assert.match(String([...tokens][0]), /^vsc-CreateIpSets-/);
  assert.equal(r.id, 'ips-1');
  assert.deepEqual(r.resource?.ipAddressList, ['2408:4000::1']);
  assert.equal(lines.filter((l) => l.includes('→ retry')).length, 3);
  assert.ok(!lines.join('\n').includes('TopSecretValue42'));
});

test('client-side validation stops a bad request before anything is sent', async () => {
  const s = service({});
  await assert.rejects(
    s.ga.createEndpointGroup({ acceleratorId: 'ga-1', listenerId: 'lsr-1', endpointGroupRegion: 'cn-beijing', endpointConfigurations: [{ type: 'Ip', endpoint: '203.0.113.10', weight: 300 }] }),
    (e: unknown) => e instanceof CloudError && e.category === 'invalid' && e.code === 'ClientValidation' && /CreateEndpointGroup was not sent: Weight must be a whole number from 0 to 255/.test(e.message),
  );
  await assert.rejects(
    s.ga.createEndpointGroup({ acceleratorId: 'ga-1', listenerId: 'lsr-1', endpointGroupRegion: 'cn-beijing', endpointConfigurations: [{ type: 'Ip', endpoint: '10.0.0.1', weight: 100 }] }),
    /private address/,
  );
  await assert.rejects(s.ga.createBandwidthPackage({ bandwidth: 1, type: 'Basic', bandwidthType: 'Enhanced', duration: '1', pricingCycle: 'Month' }), /2 to 2000 Mbit\/s/);
  await assert.rejects(s.ga.createAccelerator({ instanceChargeType: 'PREPAY', spec: '1', pricingCycle: 'Month', duration: 12 }), /1 to 9 months/);
  assert.equal(s.calls.length, 0);
});

test('a listener on a port another listener uses is refused before sending', async () => {
  const s = service({ listListeners: [{ listeners: [{ listenerId: 'lsr-0', name: 'web', portRanges: [{ fromPort: 80, toPort: 80 }] }], totalCount: 1 }] });
  await assert.rejects(s.ga.createListener({ acceleratorId: 'ga-1', protocol: 'TCP', portRanges: [{ fromPort: 80, toPort: 80 }] }), /Port 80 is already used by listener web/);
  assert.deepEqual(s.methods(), ['listListeners']);
});

test('deleting something already gone is success, with or without the Delete call', async () => {
  const gone = service({ describeEndpointGroup: [apiError('NotExist.EndPointGroup')] });
  assert.deepEqual(await gone.ga.deleteEndpointGroup('epg-1'), { id: 'epg-1', alreadyGone: true });
  assert.deepEqual(gone.methods(), ['describeEndpointGroup']);
  const raced = service({ describeEndpointGroup: [{ acceleratorId: 'ga-1', state: 'active' }], deleteEndpointGroup: [apiError('NotExist.EndPointGroup')] });
  assert.equal((await raced.ga.deleteEndpointGroup('epg-1')).alreadyGone, true);
  assert.deepEqual(raced.methods(), ['describeEndpointGroup', 'deleteEndpointGroup']);
});

test('mutations of one accelerator never overlap: the second starts after the first has settled', async () => {
  let n = 0;
  const s = service({
    listListeners: [{ listeners: [], totalCount: 0 }],
    createListener: [() => ({ listenerId: `lsr-${++n}` })],
    describeListener: [{ state: 'init' }, { state: 'active' }, { state: 'init' }, { state: 'active' }],
  });
  await Promise.all([
    s.ga.createListener({ acceleratorId: 'ga-1', protocol: 'TCP', portRanges: [{ fromPort: 80, toPort: 80 }] }),
    s.ga.createListener({ acceleratorId: 'ga-1', protocol: 'TCP', portRanges: [{ fromPort: 443, toPort: 443 }] }),
  ]);
  const mutating = s.methods().filter((m) => m !== 'listListeners');
  assert.deepEqual(mutating, ['createListener', 'describeListener', 'describeListener', 'createListener', 'describeListener', 'describeListener']);
});

test('wait: false returns after the call without polling', async () => {
  const s = service({ createAccelerator: [{ acceleratorId: 'ga-9' }] });
  const r = await s.ga.createAccelerator({ instanceChargeType: 'POSTPAY' }, { wait: false });
  assert.deepEqual(r, { id: 'ga-9', orderId: undefined, requestId: 'req-createAccelerator', resource: undefined });
  assert.deepEqual(s.methods(), ['createAccelerator']);
});

test('listAccelerators fetches all pages at PageSize 50', async () => {
  const page = (from: number, count: number) => ({ accelerators: Array.from({ length: count }, (_, i) => ({ acceleratorId: `ga-${from + i}` })), totalCount: 55 });
  const s = service({ listAccelerators: [page(0, 50), page(50, 5)] });
  const all = await s.ga.listAccelerators();
  assert.equal(all.length, 55);
  assert.deepEqual(s.calls.map((c) => [c.request.pageNumber, c.request.pageSize]), [[1, 50], [2, 50]]);
});

test('an IPv6 area in a region the account does not offer IPv6 is refused with the live flag', async () => {
  const s = service({ listAvailableAccelerateAreas: [{ areas: [{ regionList: [{ regionId: 'cn-beijing', supportIpv6: false }] }] }] });
  await assert.rejects(s.ga.createIpSets({ acceleratorId: 'ga-1', accelerateRegion: [{ accelerateRegionId: 'cn-beijing', bandwidth: 2, ipVersion: 'IPv6' }] }), /SupportIpv6 = false/);
  assert.deepEqual(s.methods(), ['listAvailableAccelerateAreas']);
});

test('cancelling while a mutation waits in the queue never sends it', async () => {
  const s = service({
    describeAccelerator: [{ state: 'configuring' }, { state: 'active' }],
    updateAccelerator: [{}],
  });
  const ac = new AbortController();
  const first = s.ga.updateAccelerator({ acceleratorId: 'ga-1', description: 'one' });
  const second = s.ga.updateAccelerator({ acceleratorId: 'ga-1', description: 'two' }, { signal: ac.signal });
  ac.abort();
  await assert.rejects(second, { category: 'cancelled' });
  await first;
  assert.equal(s.calls.filter((c) => c.method === 'updateAccelerator').length, 1);
});

test('a bind whose answer was lost: the retry told BindExist is checked with DescribeBandwidthPackage, bound to this instance is success', async () => {
  const lines: string[] = [];
  const s = service(
    {
      bandwidthPackageAddAccelerator: [networkError('ECONNRESET', 'socket hang up'), apiError('BindExist.Accelerator')],
      describeBandwidthPackage: [
        { bandwidthPackageId: 'gbwp-1', state: 'binded', accelerators: ['ga-1'] },
        { bandwidthPackageId: 'gbwp-1', state: 'binded', accelerators: ['ga-1'] },
      ],
    },
    lines,
  );
  const r = await s.ga.bandwidthPackageAddAccelerator('gbwp-1', 'ga-1');
  assert.equal(r.alreadyApplied, true);
  assert.deepEqual(r.resource?.accelerators, ['ga-1']);
  assert.deepEqual(s.methods(), ['bandwidthPackageAddAccelerator', 'bandwidthPackageAddAccelerator', 'describeBandwidthPackage', 'describeBandwidthPackage']);
  assert.ok(lines.some((l) => /BandwidthPackageAddAccelerator was refused with BindExist\.Accelerator, but its change is already in place/.test(l)), lines.join('\n'));
});

test('BindExist with the plan bound elsewhere (or the instance bound to another plan) stays an error', async () => {
  const s = service({
    bandwidthPackageAddAccelerator: [apiError('BindExist.BandwidthPackage')],
    describeBandwidthPackage: [{ bandwidthPackageId: 'gbwp-1', state: 'binded', accelerators: ['ga-other'] }],
  });
  await assert.rejects(s.ga.bandwidthPackageAddAccelerator('gbwp-1', 'ga-1'), (e: unknown) => e instanceof CloudError && e.code === 'BindExist.BandwidthPackage');
  const t = service({
    bandwidthPackageAddAccelerator: [apiError('BindExist.Accelerator')],
    describeBandwidthPackage: [{ bandwidthPackageId: 'gbwp-2', state: 'active', accelerators: [] }],
  });
  await assert.rejects(t.ga.bandwidthPackageAddAccelerator('gbwp-2', 'ga-1'), (e: unknown) => e instanceof CloudError && e.code === 'BindExist.Accelerator');
  const u = service({ bandwidthPackageAddAccelerator: [apiError('InvalidParameter')] });
  await assert.rejects(u.ga.bandwidthPackageAddAccelerator('gbwp-3', 'ga-1'), /InvalidParameter/);
  assert.deepEqual(u.methods(), ['bandwidthPackageAddAccelerator'], 'other refusals are not second-guessed');
});
