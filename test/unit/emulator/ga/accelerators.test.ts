import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Harness } from './harness';
import { REALISTIC_MS } from '../../../../src/emulator/ga';

test('CreateAccelerator: init with its DnsName, active after about 30 s, PREPAY gets an order and an expiry', () => {
  const h = new Harness();
  const body = h.call('CreateAccelerator', { Spec: '1', PricingCycle: 'Month', Duration: 1, AutoPay: true, Name: 'web-ipv6' });
  const id = body.AcceleratorId as string;
  assert.match(id, /^ga-bp1[a-z0-9]{17}$/);
  assert.match(body.OrderId as string, /^\d+$/);
  let a = h.call('DescribeAccelerator', { AcceleratorId: id });
  assert.equal(a.State, 'init');
  assert.equal(a.DnsName, `${id}.aliyunga0019.com`);
  assert.equal(a.InstanceChargeType, 'PREPAY');
  assert.equal(a.BandwidthBillingType, 'BandwidthPackage');
  assert.equal(a.BasicBandwidthPackage, undefined);
  // Accelerator times are epoch seconds (ga-api.md §2.2), unlike the milliseconds of listeners and plans.
  assert.equal(a.CreateTime, Math.floor(h.clock.now() / 1000));
  const expiry = new Date(h.clock.now());
  expiry.setUTCMonth(expiry.getUTCMonth() + 1);
  assert.equal(a.ExpiredTime, Math.floor(expiry.getTime() / 1000));

  h.elapse(REALISTIC_MS.createAccelerator - 1);
  assert.equal(h.call('DescribeAccelerator', { AcceleratorId: id }).State, 'init');
  h.elapse(1);
  a = h.call('DescribeAccelerator', { AcceleratorId: id });
  assert.equal(a.State, 'active');
  assert.equal(a.Name, 'web-ipv6');
  h.assertSound();
});

test('CreateAccelerator: POSTPAY needs no term and gets no order; the time scale shortens the wait', () => {
  const h = new Harness();
  h.clock.scale = 0.01;
  const body = h.call('CreateAccelerator', { InstanceChargeType: 'POSTPAY' });
  assert.equal(body.OrderId, undefined);
  h.elapse(REALISTIC_MS.createAccelerator * 0.01);
  const a = h.call('DescribeAccelerator', { AcceleratorId: body.AcceleratorId });
  assert.equal(a.State, 'active');
  assert.equal(a.ExpiredTime, undefined);
});

test('CreateAccelerator refuses incomplete or invalid orders with actionable codes', () => {
  const h = new Harness();
  h.fail('CreateAccelerator', { PricingCycle: 'Month', Duration: 1 }, 'MissingParameter');
  h.fail('CreateAccelerator', { Spec: '1', Duration: 1 }, 'MissingParameter');
  assert.match(h.fail('CreateAccelerator', { Spec: '1', PricingCycle: 'Year', Duration: 4 }, 'InvalidParameter').message, /1 to 3 years/);
  assert.match(h.fail('CreateAccelerator', { Spec: '40', PricingCycle: 'Month', Duration: 1 }, 'IllegalParameter.Spec').message, /allow-list/);
  assert.match(h.fail('CreateAccelerator', { InstanceChargeType: 'POSTPAY', Name: '1web' }, 'InvalidParameter').message, /start with a letter/);
  h.fail('CreateAccelerator', { InstanceChargeType: 'POSTPAY', IpSetConfig: { AccessMode: 'Anycast' } }, 'MissingParameter');
  h.fail('CreateAccelerator', { InstanceChargeType: 'POSTPAY', Bandwidth: 300 }, 'InvalidParameter');
  h.fail('CreateAccelerator', { InstanceChargeType: 'POSTPAY', Tag: [{ Key: 'aliyun:x', Value: 'v' }] }, 'InvalidParameter');
  assert.deepEqual(h.ga.accelerators, {});
});

test('CreateAccelerator DryRun answers DryRunOperation and creates nothing', () => {
  const h = new Harness();
  h.fail('CreateAccelerator', { InstanceChargeType: 'POSTPAY', DryRun: true }, 'DryRunOperation');
  assert.deepEqual(h.ga.accelerators, {});
  // A dry run that would fail reports the real problem instead.
  h.fail('CreateAccelerator', { DryRun: true }, 'MissingParameter');
});

test('UpdateAccelerator: configuring for about 10 s, then active with the new values', () => {
  const h = new Harness();
  const id = h.accelerator();
  h.call('UpdateAccelerator', { AcceleratorId: id, Name: 'renamed', Description: 'for IPv6 clients', Spec: '3' });
  let a = h.call('DescribeAccelerator', { AcceleratorId: id });
  assert.equal(a.State, 'configuring');
  assert.equal(a.Name, 'renamed');
  h.elapse(REALISTIC_MS.updateAccelerator);
  a = h.call('DescribeAccelerator', { AcceleratorId: id });
  assert.equal(a.State, 'active');
  assert.equal(a.Spec, '3');
  assert.equal(a.Description, 'for IPv6 clients');
});

test('UpdateAccelerator checks values and cannot shrink the spec below the areas in use', () => {
  const h = new Harness();
  const { acceleratorId } = h.acceleratorWithPlan(10);
  h.area(acceleratorId, 'cn-beijing');
  h.area(acceleratorId, 'cn-hangzhou');
  h.fail('UpdateAccelerator', { AcceleratorId: acceleratorId, Description: 'https://example.com' }, 'InvalidParameter');
  assert.match(h.fail('UpdateAccelerator', { AcceleratorId: acceleratorId, Spec: '1' }, 'IllegalParameter.Spec').message, /at most 1 region/);
  h.fail('UpdateAccelerator', { AcceleratorId: acceleratorId, Bandwidth: 300 }, 'InvalidParameter');
  h.fail('UpdateAccelerator', { AcceleratorId: 'ga-bp1doesnotexist0000' }, 'NotExist.Accelerator');
});

test('UpdateAccelerator accepts the dots and Chinese characters CreateAccelerator refuses (ga-api.md §6.2)', () => {
  const h = new Harness();
  const id = h.accelerator();
  h.fail('CreateAccelerator', { InstanceChargeType: 'POSTPAY', Name: 'web.v6' }, 'InvalidParameter');
  h.call('UpdateAccelerator', { AcceleratorId: id, Name: 'web.v6-加速' });
  assert.equal(h.call('DescribeAccelerator', { AcceleratorId: id }).Name, 'web.v6-加速');
  h.elapse(REALISTIC_MS.updateAccelerator);
  assert.match(h.fail('UpdateAccelerator', { AcceleratorId: id, Name: 'web/v6' }, 'InvalidParameter').message, /"\/" is not allowed/);
});

test('DeleteAccelerator: PREPAY instances are refused, POSTPAY ones go deleting → gone', () => {
  const h = new Harness();
  const prepay = h.accelerator({ InstanceChargeType: 'PREPAY', Spec: '1', PricingCycle: 'Month', Duration: 1 });
  assert.match(h.fail('DeleteAccelerator', { AcceleratorId: prepay }, 'InvalidParameter').message, /subscription \(PREPAY\) instance, which the API cannot delete/);
  const id = h.accelerator();
  assert.deepEqual(h.call('DeleteAccelerator', { AcceleratorId: id }), { AcceleratorId: id });
  assert.equal(h.call('DescribeAccelerator', { AcceleratorId: id }).State, 'deleting');
  h.fail('DeleteAccelerator', { AcceleratorId: id }, 'StateError.Accelerator');
  h.elapse(REALISTIC_MS.deleteAccelerator);
  h.fail('DescribeAccelerator', { AcceleratorId: id }, 'NotExist.Accelerator');
  h.fail('DeleteAccelerator', { AcceleratorId: id }, 'NotExist.Accelerator');
});

test('DeleteAccelerator needs listeners, areas and the plan gone, in teardown order', () => {
  const h = new Harness();
  const { acceleratorId, planId, ipSetId, listenerId, endpointGroupId } = h.chain();
  h.fail('DeleteAccelerator', { AcceleratorId: acceleratorId }, 'Exist.Listener');
  h.call('DeleteEndpointGroup', { EndpointGroupId: endpointGroupId });
  h.settle();
  h.call('DeleteListener', { ListenerId: listenerId });
  h.settle();
  h.fail('DeleteAccelerator', { AcceleratorId: acceleratorId }, 'Exist.IpSet');
  h.call('DeleteIpSets', { IpSetIds: [ipSetId] });
  // While the area is being deleted the instance is busy, which clients retry.
  h.fail('DeleteAccelerator', { AcceleratorId: acceleratorId }, 'StateError.Accelerator');
  h.settle();
  h.fail('DeleteAccelerator', { AcceleratorId: acceleratorId }, 'BindExist.Accelerator');
  h.call('BandwidthPackageRemoveAccelerator', { AcceleratorId: acceleratorId, BandwidthPackageId: planId });
  h.settle();
  h.call('DeleteAccelerator', { AcceleratorId: acceleratorId });
  h.settle();
  assert.deepEqual(h.ga.accelerators, {});
  h.assertSound();
});

test('ListAccelerators filters by id, state, resource group and tag and pages with TotalCount', () => {
  const h = new Harness();
  const ids = [h.accelerator({ Tag: [{ Key: 'env', Value: 'prod' }] }), h.accelerator(), h.accelerator()];
  const creating = h.call('CreateAccelerator', { InstanceChargeType: 'POSTPAY' }).AcceleratorId;
  const all = h.call('ListAccelerators', {});
  assert.equal(all.TotalCount, 4);
  assert.equal(all.PageNumber, 1);
  assert.equal(all.PageSize, 10);
  assert.equal((all.Accelerators as unknown[]).length, 4);
  const second = h.call('ListAccelerators', { PageNumber: 2, PageSize: 3 });
  assert.deepEqual((second.Accelerators as { AcceleratorId: string }[]).map((a) => a.AcceleratorId), [creating]);
  assert.equal(second.TotalCount, 4);
  assert.equal((h.call('ListAccelerators', { PageNumber: 3, PageSize: 3 }).Accelerators as unknown[]).length, 0);
  const init = h.call('ListAccelerators', { State: 'init' }).Accelerators as { AcceleratorId: string; CrossPrivateState?: string }[];
  assert.deepEqual(init.map((a) => a.AcceleratorId), [creating]);
  assert.equal(init[0].CrossPrivateState, undefined, 'ListAccelerators has no CrossPrivateState');
  assert.equal(h.call('ListAccelerators', { AcceleratorId: ids[1] }).TotalCount, 1);
  assert.deepEqual((h.call('ListAccelerators', { Tag: [{ Key: 'env', Value: 'prod' }] }).Accelerators as { AcceleratorId: string }[]).map((a) => a.AcceleratorId), [ids[0]]);
  assert.equal(h.call('ListAccelerators', { ResourceGroupId: 'rg-other' }).TotalCount, 0);
});
