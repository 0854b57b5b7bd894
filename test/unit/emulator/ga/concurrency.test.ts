import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Harness } from './harness';
import { gaModule, nextTransitionAt, REALISTIC_MS } from '../../../../src/emulator/ga';

test('A second mutation while one is in flight on the same accelerator fails with StateError.Accelerator', () => {
  const h = new Harness();
  const { acceleratorId } = h.acceleratorWithPlan(10);
  h.call('CreateIpSets', { AcceleratorId: acceleratorId, AccelerateRegion: [{ AccelerateRegionId: 'cn-beijing', Bandwidth: 2, IpVersion: 'IPv6' }] });
  const e = h.fail('CreateListener', { AcceleratorId: acceleratorId, PortRanges: [{ FromPort: 80, ToPort: 80 }] }, 'StateError.Accelerator');
  assert.match(e.message, /acceleration area ips-bp1\w+ is creating/);
  h.fail('CreateIpSets', { AcceleratorId: acceleratorId, AccelerateRegion: [{ AccelerateRegionId: 'cn-hangzhou', Bandwidth: 2 }] }, 'StateError.Accelerator');
  h.fail('UpdateAccelerator', { AcceleratorId: acceleratorId, Name: 'other' }, 'StateError.Accelerator');
  // Reads are never blocked, and other accelerators are not affected.
  assert.equal(h.call('DescribeAccelerator', { AcceleratorId: acceleratorId }).State, 'active');
  h.acceleratorWithPlan(10);
  h.elapse(REALISTIC_MS.createIpSet);
  h.call('CreateListener', { AcceleratorId: acceleratorId, PortRanges: [{ FromPort: 80, ToPort: 80 }] });
  h.fail('CreateEndpointGroup', { AcceleratorId: acceleratorId, ListenerId: Object.keys(h.ga.listeners)[0], EndpointGroupRegion: 'cn-beijing' }, 'NotActive.Listener');
});

test('The accelerator\'s own transient states block mutations: configuring, binding, unbinding', () => {
  const h = new Harness();
  const acc = h.accelerator();
  const plan = h.plan();
  h.call('UpdateAccelerator', { AcceleratorId: acc, Description: 'x' });
  assert.match(h.fail('BandwidthPackageAddAccelerator', { AcceleratorId: acc, BandwidthPackageId: plan }, 'StateError.Accelerator').message, /configuring/);
  h.settle();
  h.call('BandwidthPackageAddAccelerator', { AcceleratorId: acc, BandwidthPackageId: plan });
  h.fail('CreateListener', { AcceleratorId: acc, PortRanges: [{ FromPort: 80, ToPort: 80 }] }, 'StateError.Accelerator');
  h.settle();
  h.call('BandwidthPackageRemoveAccelerator', { AcceleratorId: acc, BandwidthPackageId: plan });
  h.fail('UpdateAccelerator', { AcceleratorId: acc, Description: 'y' }, 'StateError.Accelerator');
});

test('Overdue (finacialLocked) instances refuse changes', () => {
  const h = new Harness();
  const { acceleratorId } = h.acceleratorWithPlan();
  h.ga.accelerators[acceleratorId].State = 'finacialLocked';
  assert.match(h.fail('UpdateAccelerator', { AcceleratorId: acceleratorId, Name: 'x' }, 'StateError.Accelerator').message, /overdue/);
});

test('advance applies only due transitions, reports whether anything changed, and nextTransitionAt says when', () => {
  const h = new Harness();
  const id = h.call('CreateAccelerator', { InstanceChargeType: 'POSTPAY' }).AcceleratorId as string;
  const due = h.clock.now() + REALISTIC_MS.createAccelerator;
  assert.equal(nextTransitionAt(h.ga), due);
  assert.equal(gaModule.advance!(h.state, due - 1), false);
  assert.equal(h.ga.accelerators[id].State, 'init');
  assert.equal(gaModule.advance!(h.state, due), true);
  assert.equal(h.ga.accelerators[id].State, 'active');
  assert.equal(h.ga.accelerators[id].transition, undefined);
  assert.equal(gaModule.advance!(h.state, due + 1), false);
  assert.equal(nextTransitionAt(h.ga), undefined);
});

test('The state survives a JSON round trip mid-operation and resumes where it stopped', () => {
  const h = new Harness();
  const { acceleratorId } = h.acceleratorWithPlan();
  const ipSetId = (h.call('CreateIpSets', { AcceleratorId: acceleratorId, AccelerateRegion: [{ AccelerateRegionId: 'cn-beijing', Bandwidth: 2, IpVersion: 'IPv6' }] }).IpSets as { IpSetId: string }[])[0].IpSetId;
  const restored = new Harness(JSON.parse(JSON.stringify(h.state)));
  restored.clock.t = h.clock.t;
  restored.elapse(REALISTIC_MS.createIpSet);
  const s = restored.call('DescribeIpSet', { IpSetId: ipSetId });
  assert.equal(s.State, 'active');
  assert.equal((s.IpAddressList as string[]).length, 1);
  restored.assertSound();
});
