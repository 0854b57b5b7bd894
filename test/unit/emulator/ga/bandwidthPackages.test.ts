import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Harness } from './harness';
import { REALISTIC_MS } from '../../../../src/emulator/ga';

test('CreateBandwidthPackage: init then active after about 10 s, times as strings of epoch ms', () => {
  const h = new Harness();
  const body = h.call('CreateBandwidthPackage', { Type: 'Basic', Bandwidth: 2, BandwidthType: 'Enhanced', PricingCycle: 'Month', Duration: '1', AutoPay: true });
  const id = body.BandwidthPackageId as string;
  assert.match(id, /^gbwp-bp1[a-z0-9]{17}$/);
  assert.ok(body.OrderId);
  let p = h.call('DescribeBandwidthPackage', { BandwidthPackageId: id });
  assert.equal(p.State, 'init');
  assert.equal(p.CreateTime, String(h.clock.now()));
  assert.match(p.ExpiredTime as string, /^\d{13}$/);
  assert.deepEqual(p.Accelerators, []);
  h.elapse(REALISTIC_MS.createBandwidthPackage);
  p = h.call('DescribeBandwidthPackage', { BandwidthPackageId: id });
  assert.equal(p.State, 'active');
  assert.equal(p.Bandwidth, 2);
  assert.equal(p.BandwidthType, 'Enhanced');
  assert.equal(p.ChargeType, 'PREPAY');
});

test('CreateBandwidthPackage refuses what the China site does not sell', () => {
  const h = new Harness();
  h.fail('CreateBandwidthPackage', { Type: 'CrossDomain', Bandwidth: 2, ChargeType: 'POSTPAY' }, 'InvalidParameter');
  h.fail('CreateBandwidthPackage', { Type: 'Basic', Bandwidth: 2, ChargeType: 'POSTPAY' }, 'MissingParameter');
  h.fail('CreateBandwidthPackage', { Type: 'Basic', Bandwidth: 1, BandwidthType: 'Basic', ChargeType: 'POSTPAY' }, 'BandwidthIllegal.BandwidthPackage');
  h.fail('CreateBandwidthPackage', { Type: 'Basic', Bandwidth: 2, BandwidthType: 'Basic' }, 'MissingParameter');
  h.fail('CreateBandwidthPackage', { Type: 'Basic', Bandwidth: 2, BandwidthType: 'Basic', PricingCycle: 'Month', Duration: '1', BillingType: 'PayBY95' }, 'InvalidParameter');
  assert.deepEqual(h.ga.bandwidthPackages, {});
});

test('BandwidthPackageAddAccelerator: both binding, then plan binded and accelerator active with BasicBandwidthPackage', () => {
  const h = new Harness();
  const acc = h.accelerator();
  const plan = h.plan({ Bandwidth: 2, BandwidthType: 'Enhanced' });
  const body = h.call('BandwidthPackageAddAccelerator', { AcceleratorId: acc, BandwidthPackageId: plan });
  assert.deepEqual(body, { Accelerators: [acc], BandwidthPackageId: plan });
  assert.equal(h.call('DescribeBandwidthPackage', { BandwidthPackageId: plan }).State, 'binding');
  const a = h.call('DescribeAccelerator', { AcceleratorId: acc });
  assert.equal(a.State, 'binding');
  assert.equal(a.BasicBandwidthPackage, undefined);
  h.assertSound();

  h.elapse(REALISTIC_MS.bindBandwidthPackage);
  const p = h.call('DescribeBandwidthPackage', { BandwidthPackageId: plan });
  assert.equal(p.State, 'binded');
  assert.deepEqual(p.Accelerators, [acc]);
  const bound = h.call('DescribeAccelerator', { AcceleratorId: acc });
  assert.equal(bound.State, 'active');
  assert.deepEqual(bound.BasicBandwidthPackage, { InstanceId: plan, Bandwidth: 2, BandwidthType: 'Enhanced' });
  h.assertSound();
});

test('A plan binds to one accelerator and an accelerator takes one plan', () => {
  const h = new Harness();
  const { acceleratorId, planId } = h.acceleratorWithPlan();
  const other = h.accelerator();
  const spare = h.plan();
  h.fail('BandwidthPackageAddAccelerator', { AcceleratorId: acceleratorId, BandwidthPackageId: spare }, 'BindExist.Accelerator');
  h.fail('BandwidthPackageAddAccelerator', { AcceleratorId: other, BandwidthPackageId: planId }, 'BindExist.BandwidthPackage');
  const cdt = h.accelerator({ BandwidthBillingType: 'CDT' });
  h.fail('BandwidthPackageAddAccelerator', { AcceleratorId: cdt, BandwidthPackageId: spare }, 'InvalidParameter');
  const creating = h.call('CreateBandwidthPackage', { Type: 'Basic', Bandwidth: 2, BandwidthType: 'Basic', ChargeType: 'POSTPAY' }).BandwidthPackageId;
  h.fail('BandwidthPackageAddAccelerator', { AcceleratorId: other, BandwidthPackageId: creating }, 'StateError.BandwidthPackage');
  h.fail('BandwidthPackageAddAccelerator', { AcceleratorId: other, BandwidthPackageId: 'gbwp-bp1nosuchplan00000' }, 'NotExist.BandwidthPackage');
});

test('BandwidthPackageRemoveAccelerator: blocked by areas and endpoint groups, then unbinding → both active, unbound', () => {
  const h = new Harness();
  const { acceleratorId, planId, ipSetId, listenerId, endpointGroupId } = h.chain();
  h.fail('BandwidthPackageRemoveAccelerator', { AcceleratorId: acceleratorId, BandwidthPackageId: planId }, 'BandwidthPackageCannotUnbind.IpSet');
  h.call('DeleteIpSet', { IpSetId: ipSetId });
  h.settle();
  h.fail('BandwidthPackageRemoveAccelerator', { AcceleratorId: acceleratorId, BandwidthPackageId: planId }, 'BandwidthPackageCannotUnbind.EndpointGroup');
  h.call('DeleteEndpointGroup', { EndpointGroupId: endpointGroupId });
  h.settle();

  // A listener without endpoint groups does not block the unbinding.
  assert.ok(h.ga.listeners[listenerId]);
  assert.deepEqual(h.call('BandwidthPackageRemoveAccelerator', { AcceleratorId: acceleratorId, BandwidthPackageId: planId }), { Accelerators: [], BandwidthPackageId: planId });
  assert.equal(h.call('DescribeBandwidthPackage', { BandwidthPackageId: planId }).State, 'unbinding');
  assert.equal(h.call('DescribeAccelerator', { AcceleratorId: acceleratorId }).State, 'unbinding');
  h.fail('BandwidthPackageRemoveAccelerator', { AcceleratorId: acceleratorId, BandwidthPackageId: planId }, 'StateError.BandwidthPackage');
  h.elapse(REALISTIC_MS.unbindBandwidthPackage);
  const p = h.call('DescribeBandwidthPackage', { BandwidthPackageId: planId });
  assert.equal(p.State, 'active');
  assert.deepEqual(p.Accelerators, []);
  const a = h.call('DescribeAccelerator', { AcceleratorId: acceleratorId });
  assert.equal(a.State, 'active');
  assert.equal(a.BasicBandwidthPackage, undefined);
  // Removing again: the binding no longer exists, which clients take as done.
  h.fail('BandwidthPackageRemoveAccelerator', { AcceleratorId: acceleratorId, BandwidthPackageId: planId }, 'NotExist.BandwidthPackage');
  h.assertSound();
});

test('DeleteBandwidthPackage: refused while bound or PREPAY, otherwise deleting → gone', () => {
  const h = new Harness();
  const { planId } = h.acceleratorWithPlan();
  h.fail('DeleteBandwidthPackage', { BandwidthPackageId: planId }, 'BindExist.BandwidthPackage');
  const prepay = h.plan({ ChargeType: 'PREPAY', PricingCycle: 'Month', Duration: '1' });
  assert.match(h.fail('DeleteBandwidthPackage', { BandwidthPackageId: prepay }, 'InvalidParameter').message, /released when its term ends/);
  const spare = h.plan();
  assert.deepEqual(h.call('DeleteBandwidthPackage', { BandwidthPackageId: spare }), { BandwidthPackageId: spare });
  assert.equal(h.call('DescribeBandwidthPackage', { BandwidthPackageId: spare }).State, 'deleting');
  h.fail('DeleteBandwidthPackage', { BandwidthPackageId: spare }, 'StateError.BandwidthPackage');
  h.elapse(REALISTIC_MS.deleteBandwidthPackage);
  h.fail('DescribeBandwidthPackage', { BandwidthPackageId: spare }, 'NotExist.BandwidthPackage');
});

test('ListBandwidthPackages filters by state and type and pages', () => {
  const h = new Harness();
  const { planId } = h.acceleratorWithPlan();
  const spares = [h.plan(), h.plan()];
  assert.equal(h.call('ListBandwidthPackages', {}).TotalCount, 3);
  const bound = h.call('ListBandwidthPackages', { State: 'binded' }).BandwidthPackages as { BandwidthPackageId: string }[];
  assert.deepEqual(bound.map((p) => p.BandwidthPackageId), [planId]);
  assert.equal(h.call('ListBandwidthPackages', { Type: 'CrossDomain' }).TotalCount, 0);
  const page2 = h.call('ListBandwidthPackages', { PageNumber: 2, PageSize: 2 });
  assert.deepEqual((page2.BandwidthPackages as { BandwidthPackageId: string }[]).map((p) => p.BandwidthPackageId), [spares[1]]);
  assert.equal(page2.PageSize, 2);
});
