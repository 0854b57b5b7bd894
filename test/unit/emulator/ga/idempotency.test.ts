import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Harness } from './harness';
import { CLIENT_TOKEN_TTL_MS } from '../../../../src/emulator/ga/idempotency';

test('A repeated ClientToken replays the first answer and creates nothing more', () => {
  const h = new Harness();
  const params = { InstanceChargeType: 'POSTPAY', ClientToken: 'tok-create-1' };
  const first = h.call('CreateAccelerator', params);
  const again = h.call('CreateAccelerator', params);
  assert.deepEqual(again, first);
  assert.equal(Object.keys(h.ga.accelerators).length, 1);
  // Even after the resource moved on, the retry gets the original answer.
  h.settle();
  assert.deepEqual(h.call('CreateAccelerator', params), first);
  assert.equal(Object.keys(h.ga.accelerators).length, 1);
});

test('Tokens are per caller, and a token reused for another action is refused', () => {
  const h = new Harness();
  const first = h.call('CreateAccelerator', { InstanceChargeType: 'POSTPAY', ClientToken: 'shared' });
  h.accessKeyId = 'LTAI5tOtherCaller0002';
  const other = h.call('CreateAccelerator', { InstanceChargeType: 'POSTPAY', ClientToken: 'shared' });
  assert.notEqual(other.AcceleratorId, first.AcceleratorId);
  const e = h.fail('CreateBandwidthPackage', { Type: 'Basic', Bandwidth: 2, BandwidthType: 'Basic', ChargeType: 'POSTPAY', ClientToken: 'shared' }, 'IdempotentParameterMismatch');
  assert.match(e.message, /CreateAccelerator/);
});

test('Failed calls and dry runs are not remembered, so a retry runs again', () => {
  const h = new Harness();
  const acc = h.accelerator();
  const params = { AcceleratorId: acc, PortRanges: [{ FromPort: 80, ToPort: 80 }], ClientToken: 'tok-listener' };
  h.fail('CreateListener', params, 'NotExist.BasicBandwidthPackage');
  h.bind(acc, h.plan());
  const created = h.call('CreateListener', params);
  assert.deepEqual(h.call('CreateListener', params), created);
  assert.equal(Object.keys(h.ga.listeners).length, 1);
  h.fail('CreateAccelerator', { InstanceChargeType: 'POSTPAY', DryRun: true, ClientToken: 'tok-dry' }, 'DryRunOperation');
  h.call('CreateAccelerator', { InstanceChargeType: 'POSTPAY', ClientToken: 'tok-dry' });
  assert.equal(Object.keys(h.ga.accelerators).length, 2);
});

test('Updates and deletes are idempotent too: the retry does not hit the busy state', () => {
  const h = new Harness();
  const acc = h.accelerator();
  const update = { AcceleratorId: acc, Name: 'renamed', ClientToken: 'tok-update' };
  h.call('UpdateAccelerator', update);
  assert.deepEqual(h.call('UpdateAccelerator', update), {});
  h.fail('UpdateAccelerator', { ...update, ClientToken: 'tok-update-2' }, 'StateError.Accelerator');
});

test('Tokens are forgotten after a day', () => {
  const h = new Harness();
  const params = { InstanceChargeType: 'POSTPAY', ClientToken: 'tok-old' };
  h.call('CreateAccelerator', params);
  h.elapse(CLIENT_TOKEN_TTL_MS + 1);
  assert.deepEqual(h.ga.clientTokens, {});
  h.call('CreateAccelerator', params);
  assert.equal(Object.keys(h.ga.accelerators).length, 2);
});
