import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Harness } from './harness';
import { isEmulatedIpv6Address, REALISTIC_MS } from '../../../../src/emulator/ga';
import { isIpv6 } from '../../../../src/model';

const area = (AccelerateRegionId: string, Bandwidth = 2, IpVersion = 'IPv6') => ({ AccelerateRegionId, Bandwidth, IpVersion });

test('CreateIpSets needs a bound basic plan on bandwidth-plan instances', () => {
  const h = new Harness();
  const acc = h.accelerator();
  assert.match(h.fail('CreateIpSets', { AcceleratorId: acc, AccelerateRegion: [area('cn-beijing')] }, 'NotExist.BasicBandwidthPackage').message, /BandwidthPackageAddAccelerator/);
  // Pay-by-data-transfer instances need none, but each area names its line (IspType), among the region's.
  const cdt = h.accelerator({ BandwidthBillingType: 'CDT' });
  assert.match(h.fail('CreateIpSets', { AcceleratorId: cdt, AccelerateRegion: [area('cn-beijing')] }, 'MissingParameter').message, /IspType .*billed by data transfer \(CDT\): BGP in cn-beijing/);
  assert.match(h.fail('CreateIpSets', { AcceleratorId: cdt, AccelerateRegion: [{ ...area('cn-beijing'), IspType: 'BGP_PRO' }] }, 'InvalidParameter').message, /BGP_PRO is not offered in cn-beijing; it offers BGP/);
  const body = h.call('CreateIpSets', { AcceleratorId: cdt, AccelerateRegion: [{ ...area('cn-beijing'), IspType: 'BGP' }, { ...area('cn-hongkong'), IspType: 'BGP_PRO' }] });
  assert.deepEqual((body.IpSets as { IspType: string }[]).map((s) => s.IspType), ['BGP', 'BGP_PRO']);
});

test('CreateIpSets: init without addresses, active after about 60 s with one distinct fd6a:6761:: address each', () => {
  const h = new Harness();
  const { acceleratorId } = h.acceleratorWithPlan(10);
  const body = h.call('CreateIpSets', { AcceleratorId: acceleratorId, AccelerateRegion: [area('cn-beijing', 2), area('cn-hangzhou', 3)] });
  const sets = body.IpSets as { IpSetId: string; AccelerateRegionId: string; Bandwidth: number; IspType: string }[];
  assert.equal(body.AcceleratorId, acceleratorId);
  assert.deepEqual(sets.map((s) => [s.AccelerateRegionId, s.Bandwidth, s.IspType]), [['cn-beijing', 2, 'BGP'], ['cn-hangzhou', 3, 'BGP']]);
  for (const s of sets) assert.match(s.IpSetId, /^ips-bp1[a-z0-9]{17}$/);
  let d = h.call('DescribeIpSet', { IpSetId: sets[0].IpSetId });
  assert.equal(d.State, 'init');
  assert.deepEqual(d.IpAddressList, []);
  h.elapse(REALISTIC_MS.createIpSet);
  d = h.call('DescribeIpSet', { IpSetId: sets[0].IpSetId });
  assert.equal(d.State, 'active');
  assert.equal(d.IpVersion, 'IPv6');
  assert.equal(d.AcceleratorId, acceleratorId);
  const addresses = sets.map((s) => (h.call('DescribeIpSet', { IpSetId: s.IpSetId }).IpAddressList as string[])[0]);
  for (const a of addresses) {
    assert.ok(isEmulatedIpv6Address(a), a);
    assert.ok(isIpv6(a), a);
  }
  assert.notEqual(addresses[0], addresses[1]);
  h.assertSound();
});

test('IPv4 areas get addresses from 198.18.0.0/15, and may be anywhere', () => {
  const h = new Harness();
  const { acceleratorId } = h.acceleratorWithPlan(10);
  const id = h.area(acceleratorId, 'ap-northeast-1', 2, 'IPv4');
  assert.match((h.call('DescribeIpSet', { IpSetId: id }).IpAddressList as string[])[0], /^198\.1[89]\.\d+\.\d+$/);
});

test('IPv6 only in regions with SupportIpv6; unknown regions are NotExist.BusinessRegion', () => {
  const h = new Harness();
  const { acceleratorId } = h.acceleratorWithPlan(10);
  const e = h.fail('CreateIpSets', { AcceleratorId: acceleratorId, AccelerateRegion: [area('ap-northeast-1')] }, 'InvalidParameter');
  assert.match(e.message, /IPv6 acceleration is not available in Japan \(Tokyo\)/);
  h.fail('CreateIpSets', { AcceleratorId: acceleratorId, AccelerateRegion: [area('cn-beijing', 2, 'DUAL_STACK'), area('ap-northeast-1', 2, 'DUAL_STACK')] }, 'InvalidParameter');
  h.fail('CreateIpSets', { AcceleratorId: acceleratorId, AccelerateRegion: [area('mars-north-1')] }, 'NotExist.BusinessRegion');
  // The regions table is the source of truth: switching a flag changes the answer.
  h.ga.regions.find((r) => r.RegionId === 'ap-northeast-1')!.SupportIpv6 = true;
  h.call('CreateIpSets', { AcceleratorId: acceleratorId, AccelerateRegion: [area('ap-northeast-1')] });
  assert.deepEqual(Object.values(h.ga.ipSets).map((s) => s.AccelerateRegionId), ['ap-northeast-1']);
});

test('DUAL_STACK is for pay-as-you-go instances and gets both families', () => {
  const h = new Harness();
  const prepay = h.accelerator({ InstanceChargeType: 'PREPAY', Spec: '2', PricingCycle: 'Month', Duration: 1 });
  const plan = h.plan();
  h.bind(prepay, plan);
  assert.match(h.fail('CreateIpSets', { AcceleratorId: prepay, AccelerateRegion: [area('cn-beijing', 2, 'DUAL_STACK')] }, 'InvalidParameter').message, /POSTPAY/);
  const { acceleratorId } = h.acceleratorWithPlan(10);
  const id = h.area(acceleratorId, 'cn-beijing', 2, 'DUAL_STACK');
  const list = h.call('DescribeIpSet', { IpSetId: id }).IpAddressList as string[];
  assert.equal(list.length, 2);
  assert.ok(list.some(isEmulatedIpv6Address));
});

test('Area bandwidth: at least 2 each, sum within the plan (GreaterThanGa.IpSetBandwidth), count within the spec', () => {
  const h = new Harness();
  const { acceleratorId } = h.acceleratorWithPlan(4, { Spec: '2' });
  h.fail('CreateIpSets', { AcceleratorId: acceleratorId, AccelerateRegion: [area('cn-beijing', 1)] }, 'InvalidParameter');
  h.fail('CreateIpSets', { AcceleratorId: acceleratorId, AccelerateRegion: [area('cn-beijing', 3), area('cn-hangzhou', 2)] }, 'GreaterThanGa.IpSetBandwidth');
  h.area(acceleratorId, 'cn-beijing', 2);
  assert.match(h.fail('CreateIpSets', { AcceleratorId: acceleratorId, AccelerateRegion: [area('cn-hangzhou', 3)] }, 'GreaterThanGa.IpSetBandwidth').message, /5 Mbit\/s but the bandwidth plan has 4/);
  h.area(acceleratorId, 'cn-hangzhou', 2);
  h.ga.bandwidthPackages[h.ga.accelerators[acceleratorId].BasicBandwidthPackage!.InstanceId].Bandwidth = 100;
  h.ga.accelerators[acceleratorId].BasicBandwidthPackage!.Bandwidth = 100;
  assert.match(h.fail('CreateIpSets', { AcceleratorId: acceleratorId, AccelerateRegion: [area('cn-shanghai')] }, 'InvalidParameter').message, /Small II/);
});

test('One area per region: Repeat.IpSets within a request, Exist.IpSet against existing ones', () => {
  const h = new Harness();
  const { acceleratorId } = h.acceleratorWithPlan(10);
  h.fail('CreateIpSets', { AcceleratorId: acceleratorId, AccelerateRegion: [area('cn-beijing'), area('cn-beijing')] }, 'Repeat.IpSets');
  h.area(acceleratorId, 'cn-beijing');
  h.fail('CreateIpSets', { AcceleratorId: acceleratorId, AccelerateRegion: [area('cn-beijing')] }, 'Exist.IpSet');
  const anycast = h.accelerator({ IpSetConfig: { AccessMode: 'Anycast' }, Bandwidth: 200 });
  h.fail('CreateIpSets', { AcceleratorId: anycast, AccelerateRegion: [area('cn-beijing')] }, 'InvalidParameter');
});

test('UpdateIpSet: updating → active, bandwidth checked against the plan', () => {
  const h = new Harness();
  const { acceleratorId } = h.acceleratorWithPlan(6);
  const a = h.area(acceleratorId, 'cn-beijing', 2);
  h.area(acceleratorId, 'cn-hangzhou', 2);
  h.fail('UpdateIpSet', { IpSetId: a, Bandwidth: 5 }, 'GreaterThanGa.IpSetBandwidth');
  h.call('UpdateIpSet', { IpSetId: a, Bandwidth: 4 });
  const d = h.call('DescribeIpSet', { IpSetId: a });
  assert.equal(d.State, 'updating');
  assert.equal(d.Bandwidth, 4);
  h.fail('UpdateIpSet', { IpSetId: a, Bandwidth: 3 }, 'StateError.IpSet');
  h.elapse(REALISTIC_MS.updateIpSet);
  assert.equal(h.call('DescribeIpSet', { IpSetId: a }).State, 'active');
  h.fail('UpdateIpSet', { IpSetId: 'ips-bp1nosuchset0000000', Bandwidth: 3 }, 'NotExist.IpSet');
});

test('DeleteIpSets / DeleteIpSet: deleting → gone; missing ids are NotExist.IpSets', () => {
  const h = new Harness();
  const { acceleratorId } = h.acceleratorWithPlan(10);
  const a = h.area(acceleratorId, 'cn-beijing');
  const b = h.area(acceleratorId, 'cn-hangzhou');
  h.fail('DeleteIpSets', { IpSetIds: [a, 'ips-bp1nosuchset0000000'] }, 'NotExist.IpSets');
  h.call('DeleteIpSets', { IpSetIds: [a] });
  assert.equal(h.call('DescribeIpSet', { IpSetId: a }).State, 'deleting');
  h.elapse(REALISTIC_MS.deleteIpSet);
  h.fail('DescribeIpSet', { IpSetId: a }, 'NotExist.IpSet');
  h.fail('DeleteIpSets', { IpSetIds: [a] }, 'NotExist.IpSets');
  h.fail('DeleteIpSet', { IpSetId: b, AcceleratorId: 'ga-bp1someotheracc00000' }, 'NotExist.IpSet');
  h.call('DeleteIpSet', { IpSetId: b, AcceleratorId: acceleratorId });
  h.settle();
  assert.equal(h.call('ListIpSets', { AcceleratorId: acceleratorId }).TotalCount, 0);
});

test('ListIpSets pages the areas of one accelerator', () => {
  const h = new Harness();
  const { acceleratorId } = h.acceleratorWithPlan(20, { Spec: '5' });
  const ids = ['cn-beijing', 'cn-hangzhou', 'cn-shanghai'].map((r) => h.area(acceleratorId, r));
  const other = h.acceleratorWithPlan(10).acceleratorId;
  h.area(other, 'cn-beijing');
  const p = h.call('ListIpSets', { AcceleratorId: acceleratorId, PageSize: 2, PageNumber: 2 });
  assert.equal(p.TotalCount, 3);
  assert.deepEqual((p.IpSets as { IpSetId: string }[]).map((s) => s.IpSetId), [ids[2]]);
  h.fail('ListIpSets', { AcceleratorId: 'ga-bp1nosuchaccelera000' }, 'NotExist.Accelerator');
});
