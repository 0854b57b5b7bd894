// Every GA action of the issue list through GaService against the emulator, each async one with its wait:
// build a pay-as-you-go setup, change every part, read it all, then tear it down in order (and once more).
// Deleting a bandwidth plan through the API needs a pay-as-you-go plan, which only allow-listed accounts can
// buy: this account opts into that feature (an ordinary account is tested in accountFidelity.test.ts).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startCloud, type Harness } from './cloudHarness';

let h: Harness;
before(async () => (h = await startCloud('empty', { account: { features: ['postpay-bandwidth-plans'] } })));
after(() => h.stop());

test('create, update, read and delete every GA resource, waiting on each state', async () => {
  const { ga } = h.services();

  const acc = await ga.createAccelerator({ name: 'lifecycle', instanceChargeType: 'POSTPAY' });
  assert.equal(acc.resource?.state, 'active');
  const updated = await ga.updateAccelerator({ acceleratorId: acc.id, name: 'lifecycle-2', description: 'renamed' });
  assert.equal(updated.resource?.state, 'active');
  assert.equal(updated.resource?.name, 'lifecycle-2');

  const plan = await ga.createBandwidthPackage({ bandwidth: 4, type: 'Basic', bandwidthType: 'Enhanced', chargeType: 'POSTPAY' });
  assert.equal(plan.resource?.state, 'active');
  await ga.bandwidthPackageAddAccelerator(plan.id, acc.id);
  assert.equal((await ga.describeAccelerator(acc.id)).basicBandwidthPackage?.instanceId, plan.id);

  const areas = await ga.createIpSets({
    acceleratorId: acc.id,
    accelerateRegion: [
      { accelerateRegionId: 'cn-hangzhou', bandwidth: 2, ipVersion: 'IPv4' },
      { accelerateRegionId: 'cn-shanghai', bandwidth: 2, ipVersion: 'IPv4' },
    ],
  });
  assert.deepEqual(areas.map((a) => a.resource?.state), ['active', 'active']);
  const bigger = await ga.updateIpSet({ ipSetId: areas[0].id, bandwidth: 2 });
  assert.equal(bigger.resource?.state, 'active');

  const listener = await ga.createListener({ acceleratorId: acc.id, name: 'web', protocol: 'TCP', portRanges: [{ fromPort: 80, toPort: 80 }] });
  const moved = await ga.updateListener({ listenerId: listener.id, portRanges: [{ fromPort: 8080, toPort: 8080 }], clientAffinity: 'SOURCE_IP' });
  assert.deepEqual(moved.resource?.portRanges?.map((r) => r.fromPort), [8080]);
  assert.equal(moved.resource?.clientAffinity, 'SOURCE_IP');

  const group = await ga.createEndpointGroup({
    acceleratorId: acc.id,
    listenerId: listener.id,
    endpointGroupRegion: 'cn-hangzhou',
    endpointConfigurations: [{ type: 'Ip', endpoint: '203.0.113.10', weight: 100 }],
  });
  const reweighted = await ga.updateEndpointGroup({
    endpointGroupId: group.id,
    endpointGroupRegion: 'cn-hangzhou',
    endpointConfigurations: [{ type: 'Ip', endpoint: '203.0.113.10', weight: 50 }, { type: 'Ip', endpoint: '198.51.100.7', weight: 50 }],
  });
  assert.deepEqual(reweighted.resource?.endpointConfigurations?.map((e) => [e.endpoint, e.weight]), [['203.0.113.10', 50], ['198.51.100.7', 50]]);

  // Reads.
  assert.ok((await ga.listAccelerators()).some((a) => a.acceleratorId === acc.id));
  assert.ok((await ga.listBandwidthPackages()).some((p) => p.bandwidthPackageId === plan.id));
  assert.equal((await ga.listIpSets(acc.id)).length, 2);
  assert.equal((await ga.describeIpSet(areas[1].id)).accelerateRegionId, 'cn-shanghai');
  assert.equal((await ga.listListeners(acc.id)).length, 1);
  assert.equal((await ga.describeListener(listener.id)).acceleratorId, acc.id);
  assert.equal((await ga.listEndpointGroups(acc.id)).length, 1);
  assert.equal((await ga.describeEndpointGroup(group.id)).listenerId, listener.id);
  const health = await ga.getHealthStatus(acc.id, listener.id);
  assert.equal(health.listenerId, listener.id);
  const regions = (await ga.listAvailableAccelerateAreas(acc.id)).flatMap((a) => a.regionList ?? []);
  assert.equal(regions.find((r) => r.regionId === 'cn-beijing')?.supportIpv6, true);
  assert.ok((await ga.listAvailableBusiRegions(acc.id)).some((r) => r.regionId === 'cn-hangzhou'));

  // Teardown in the order GA requires, each delete waiting until the resource is gone.
  assert.equal((await ga.deleteEndpointGroup(group.id)).alreadyGone, false);
  assert.equal((await ga.deleteListener(listener.id)).alreadyGone, false);
  assert.equal((await ga.deleteIpSet(areas[0].id)).alreadyGone, false);
  assert.deepEqual((await ga.deleteIpSets(acc.id, [areas[1].id])).map((r) => r.alreadyGone), [false]);
  await ga.bandwidthPackageRemoveAccelerator(plan.id, acc.id);
  assert.equal((await ga.describeBandwidthPackage(plan.id)).accelerators?.length ?? 0, 0);
  assert.equal((await ga.deleteAccelerator(acc.id)).alreadyGone, false);
  assert.equal((await ga.deleteBandwidthPackage(plan.id)).alreadyGone, false);
  await assert.rejects(ga.describeAccelerator(acc.id), { category: 'notFound', code: 'NotExist.Accelerator' });

  // Deleting again is a no-op, not an error.
  for (const r of [
    await ga.deleteEndpointGroup(group.id),
    await ga.deleteListener(listener.id),
    await ga.deleteIpSet(areas[0].id),
    ...(await ga.deleteIpSets(acc.id, [areas[1].id])),
    await ga.deleteAccelerator(acc.id),
    await ga.deleteBandwidthPackage(plan.id),
  ]) {
    assert.equal(r.alreadyGone, true, r.id);
  }
  const state = await h.admin.state();
  assert.deepEqual(Object.keys(state.ga.accelerators), []);
  assert.deepEqual(Object.keys(state.ga.bandwidthPackages), []);
});
