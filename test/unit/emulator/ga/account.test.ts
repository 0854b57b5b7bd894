// What an account may buy (ga-api.md §2.6, §2.32): the GA module's rules and the two service-status actions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { emptyState, Harness } from './harness';

/** A harness on an ordinary account (the default Harness is allow-listed for pay-as-you-go plans). */
function ordinary(): Harness {
  return new Harness(emptyState());
}

const postpayPlan = { Type: 'Basic', Bandwidth: 10, BandwidthType: 'Enhanced', ChargeType: 'POSTPAY' };

test('an ordinary account: subscription plans yes, pay-as-you-go plans and PayBY95 no, with the way to buy instead', () => {
  const h = ordinary();
  assert.equal(JSON.stringify(h.ga.account), JSON.stringify({ features: [], serviceStatus: 'Normal' }));
  const refused = h.fail('CreateBandwidthPackage', postpayPlan, 'InvalidParameter');
  assert.match(refused.message, /allow-listed accounts only.*subscription \(PREPAY\) plan, or a pay-as-you-go instance billed by data transfer/);
  h.call('CreateBandwidthPackage', { ...postpayPlan, ChargeType: 'PREPAY', PricingCycle: 'Month', Duration: '1' });
  h.ga.account.features = ['postpay-bandwidth-plans'];
  h.call('CreateBandwidthPackage', postpayPlan);
  assert.match(h.fail('CreateBandwidthPackage', { ...postpayPlan, BillingType: 'PayBY95', Ratio: 30 }, 'InvalidParameter').message, /95th percentile.*allow-listed/);
  h.ga.account.features = ['postpay-bandwidth-plans', 'pay-by-95'];
  h.call('CreateBandwidthPackage', { ...postpayPlan, BillingType: 'PayBY95', Ratio: 30 });
  assert.deepEqual(Object.values(h.ga.bandwidthPackages).map((p) => [p.ChargeType, p.BillingType ?? '-']), [['PREPAY', '-'], ['POSTPAY', 'PayByTraffic'], ['POSTPAY', 'PayBY95']]);
});

test('NotOpened refuses pay-as-you-go instances (dry runs too) until OpenAcceleratorService; subscriptions are unaffected', () => {
  const h = ordinary();
  h.ga.account.serviceStatus = 'NotOpened';
  assert.deepEqual(h.call('DescribeAcceleratorServiceStatus'), { Status: 'NotOpened', Code: '200', Message: 'success', Success: 'true' });
  assert.match(h.fail('CreateAccelerator', { InstanceChargeType: 'POSTPAY', BandwidthBillingType: 'CDT' }, 'InvalidParameter').message, /service status is NotOpened.*OpenAcceleratorService/);
  h.fail('CreateAccelerator', { InstanceChargeType: 'POSTPAY', DryRun: true }, 'InvalidParameter');
  h.call('CreateAccelerator', { Spec: '1', PricingCycle: 'Month', Duration: 1 });

  const opened = h.call('OpenAcceleratorService', { ClientToken: 'activate-1' });
  assert.equal(typeof opened.OrderId, 'number');
  assert.equal(h.call('DescribeAcceleratorServiceStatus').Status, 'Normal');
  assert.deepEqual(h.call('OpenAcceleratorService', { ClientToken: 'activate-1' }), opened, 'a retried activation replays its answer');
  const again = h.call('OpenAcceleratorService', { ClientToken: 'activate-2' });
  assert.equal(again.OrderId, undefined, 'an active service is not ordered twice');
  h.call('CreateAccelerator', { InstanceChargeType: 'POSTPAY', BandwidthBillingType: 'CDT' });
});

test('a pay-by-data-transfer instance needs no plan and refuses one', () => {
  const h = ordinary();
  const cdt = h.accelerator({ BandwidthBillingType: 'CDT', Spec: undefined });
  const plan = h.call('CreateBandwidthPackage', { ...postpayPlan, ChargeType: 'PREPAY', PricingCycle: 'Month', Duration: '1' }).BandwidthPackageId;
  h.settle();
  assert.match(h.fail('BandwidthPackageAddAccelerator', { AcceleratorId: cdt, BandwidthPackageId: plan }, 'InvalidParameter').message, /billed by data transfer/);
  const listener = h.listener(cdt);
  h.endpointGroup(cdt, listener);
  h.call('CreateIpSets', { AcceleratorId: cdt, AccelerateRegion: [{ AccelerateRegionId: 'cn-beijing', Bandwidth: 2, IpVersion: 'IPv6', IspType: 'BGP' }] });
  h.settle();
  h.assertSound();
});
