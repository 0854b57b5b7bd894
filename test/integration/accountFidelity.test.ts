// What an ordinary account can and cannot buy, through the client and the workflow steps against the emulator
// (issue 9): whitelist-only plans refused, pay-as-you-go activation, a pay-by-data-transfer walk-through torn
// down to nothing, the honest 501, accelerator times in seconds, reserved listener ports.
import { after, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { addZone, startCloud, type Harness } from './cloudHarness';
import { areaStep, dnsRecordStep, listenerStep, purchaseStep, type PurchaseInput } from '../../src/workflows/seed';
import { activateService, ServiceNotOpenedError } from '../../src/workflows/service';
import { PurchaseDeclinedError, type PurchaseSummary, type StepContext } from '../../src/workflows/step';
import { isCloudError, isRetryable, type CloudServices } from '../../src/cloud';
import { problemAt } from '../../src/model';
import { toCloudError } from '../../src/cloud/errors';
import { loadSdk } from '../../src/cloud/sdk';

let h: Harness;
let cloud: CloudServices;
const asked: PurchaseSummary[] = [];

before(async () => {
  h = await startCloud('empty');
  cloud = h.services();
});
after(() => h.stop());
beforeEach(async () => {
  await h.admin.reset();
  asked.length = 0;
});

const ctx = (answer: boolean): StepContext => ({
  ga: cloud.ga,
  dns: cloud.dns,
  confirmPurchase: async (s) => {
    asked.push(s);
    return answer;
  },
});

const payAsYouGo: PurchaseInput = {
  name: 'api-ipv6',
  spec: '',
  chargeType: 'POSTPAY',
  bandwidthType: 'Basic',
  planBandwidth: 0,
  backendOnAlibabaCloud: false,
  autoPay: true,
};

async function rejectsWithCode(promise: Promise<unknown>, code: string): Promise<Error & { code: string; httpStatus?: number }> {
  try {
    await promise;
  } catch (e) {
    assert.ok(isCloudError(e), `expected a CloudError ${code}, got ${String(e)}`);
    assert.equal(e.code, code, e.message);
    return e;
  }
  assert.fail(`expected ${code}, but the call succeeded`);
}

test('an ordinary account is refused pay-as-you-go plans and PayBY95; an allow-listed one may buy them', async () => {
  const { ga } = cloud;
  assert.deepEqual(await h.admin.account(), { features: [], serviceStatus: 'Normal' });
  const postpay = await rejectsWithCode(ga.createBandwidthPackage({ bandwidth: 10, type: 'Basic', bandwidthType: 'Enhanced', chargeType: 'POSTPAY' }), 'InvalidParameter');
  assert.match(postpay.message, /pay-as-you-go \(POSTPAY\) bandwidth plan is offered to allow-listed accounts only/);
  assert.match(postpay.message, /billed by data transfer \(BandwidthBillingType CDT\)/);

  await h.admin.setAccount({ features: ['postpay-bandwidth-plans'] });
  const plan = await ga.createBandwidthPackage({ bandwidth: 10, type: 'Basic', bandwidthType: 'Enhanced', chargeType: 'POSTPAY' });
  assert.equal(plan.resource?.chargeType, 'POSTPAY');
  assert.equal(plan.resource?.billingType, 'PayByTraffic');
  const by95 = await rejectsWithCode(ga.createBandwidthPackage({ bandwidth: 10, type: 'Basic', bandwidthType: 'Enhanced', chargeType: 'POSTPAY', billingType: 'PayBY95', ratio: 40 }), 'InvalidParameter');
  assert.match(by95.message, /95th percentile .*allow-listed accounts only/);

  await h.admin.setAccount({ features: ['postpay-bandwidth-plans', 'pay-by-95'] });
  const plan95 = await ga.createBandwidthPackage({ bandwidth: 10, type: 'Basic', bandwidthType: 'Enhanced', chargeType: 'POSTPAY', billingType: 'PayBY95', ratio: 40 });
  assert.equal(plan95.resource?.billingType, 'PayBY95');
  // Both plans are pay-as-you-go, so they can be deleted again.
  for (const id of [plan.id, plan95.id]) assert.equal((await ga.deleteBandwidthPackage(id)).alreadyGone, false);
});

test('a NotOpened account is explained, activated only after asking, and then buys pay-as-you-go', async () => {
  await h.admin.setAccount({ serviceStatus: 'NotOpened' });
  const { ga } = cloud;
  assert.equal((await ga.describeAcceleratorServiceStatus()).status, 'NotOpened');
  const refused = await rejectsWithCode(ga.createAccelerator({ instanceChargeType: 'POSTPAY', bandwidthBillingType: 'CDT' }), 'InvalidParameter');
  assert.match(refused.message, /service status is NotOpened/);

  // The purchase step checks first: nothing is ordered, and the error says how to go on.
  await assert.rejects(purchaseStep.execute(payAsYouGo, ctx(true)), (e: unknown) => e instanceof ServiceNotOpenedError && /Activate Global Accelerator/.test(e.message));
  assert.deepEqual(Object.keys((await h.admin.state()).ga.accelerators), []);

  // Declined: nothing is sent. Accepted: one OpenAcceleratorService with a ClientToken.
  await assert.rejects(activateService(ctx(false)), PurchaseDeclinedError);
  assert.equal((await h.admin.requests()).filter((r) => r.action === 'OpenAcceleratorService').length, 0);
  assert.match(asked.at(-1)?.title ?? '', /Activate Global Accelerator for pay-as-you-go/);
  const activated = await activateService(ctx(true));
  assert.equal(activated.alreadyActive, false);
  assert.equal(typeof activated.orderId, 'number');
  const opens = (await h.admin.requests()).filter((r) => r.action === 'OpenAcceleratorService');
  assert.equal(opens.length, 1);
  assert.ok(opens[0].params.ClientToken, 'activation carries a ClientToken');
  assert.equal((await ga.describeAcceleratorServiceStatus()).status, 'Normal');
  const asksBefore = asked.length;
  assert.deepEqual(await activateService(ctx(true)), { alreadyActive: true }, 'an active service is not activated twice');
  assert.equal(asked.length, asksBefore, 'nor asked about');

  const bought = await purchaseStep.execute(payAsYouGo, ctx(true));
  assert.equal(bought.bandwidthPackageId, undefined);
  const acc = await ga.describeAccelerator(bought.acceleratorId);
  assert.deepEqual([acc.instanceChargeType, acc.bandwidthBillingType, acc.state], ['POSTPAY', 'CDT', 'active']);
});

test('a subscription purchase needs no activation', async () => {
  await h.admin.setAccount({ serviceStatus: 'NotOpened' });
  const bought = await purchaseStep.execute(
    { name: 'web-ipv6', spec: '1', chargeType: 'PREPAY', pricingCycle: 'Month', duration: 1, bandwidthType: 'Enhanced', planBandwidth: 2, backendOnAlibabaCloud: false, autoPay: true },
    ctx(true),
  );
  assert.ok(bought.bandwidthPackageId, 'a subscription instance comes with its subscription plan');
  const plan = await cloud.ga.describeBandwidthPackage(bought.bandwidthPackageId);
  assert.deepEqual([plan.chargeType, plan.accelerators], ['PREPAY', [bought.acceleratorId]]);
});

test('a pay-by-data-transfer walk-through, torn down to nothing', async () => {
  const { ga, dns } = cloud;
  await addZone(cloud.connection, 'example.com');
  const bought = await purchaseStep.execute(payAsYouGo, ctx(true));
  assert.match(asked.at(-1)?.title ?? '', /Pay-as-you-go GA instance api-ipv6, billed by data transfer/);

  const area = { acceleratorId: bought.acceleratorId, regionId: 'cn-beijing', bandwidth: 2, ipVersion: 'IPv6' as const, bandwidthBillingType: 'CDT' };
  assert.match(problemAt(areaStep.validate(area), 'ispType')?.message ?? '', /line of the area/);
  const created = await areaStep.execute({ ...area, ispType: 'BGP' }, ctx(true));
  assert.equal(created.addresses.length, 1);
  assert.equal((await ga.describeIpSet(created.ipSetId)).ispType, 'BGP');
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
  const record = await dnsRecordStep.execute({ domainName: 'example.com', rr: 'www', type: 'AAAA', value: created.addresses[0], ttl: 600 }, ctx(true));

  // Teardown in GA's order; nothing is left behind, not even a plan (none was bought).
  await dns.deleteDomainRecord(record.recordId);
  await ga.deleteEndpointGroup(l.endpointGroupId);
  await ga.deleteListener(l.listenerId);
  await ga.deleteIpSet(created.ipSetId);
  await ga.deleteAccelerator(bought.acceleratorId);
  const state = await h.admin.state();
  for (const collection of ['accelerators', 'bandwidthPackages', 'ipSets', 'listeners', 'endpointGroups'] as const) {
    assert.deepEqual(Object.keys(state.ga[collection]), [], `no ${collection} left`);
  }
  assert.deepEqual(await dns.describeSubDomainRecords('www.example.com'), []);
});

test('a real action the emulator does not serve answers 501 Emulator.NotImplemented, once, not retried', async () => {
  const sdk = loadSdk();
  const call = (action: string) =>
    cloud.connection.ga.callApi(
      new sdk.$OpenApiUtil.Params({ action, version: '2019-11-20', protocol: 'HTTPS', pathname: '/', method: 'POST', authType: 'AK', style: 'RPC', reqBodyType: 'formData', bodyType: 'json' }),
      new sdk.$OpenApiUtil.OpenApiRequest({ query: { RegionId: 'cn-hangzhou' } }),
      new sdk.$dara.RuntimeOptions({}),
    );
  const missing = (await call('ListAcls').catch((e: unknown) => e)) as { code?: string; statusCode?: number; message?: string };
  assert.equal(missing.code, 'Emulator.NotImplemented');
  assert.equal(missing.statusCode, 501);
  assert.match(missing.message ?? '', /has the action ListAcls, but this local emulator does not serve it/);
  const unknown = (await call('ListNothingAtAll').catch((e: unknown) => e)) as { code?: string; statusCode?: number };
  assert.deepEqual([unknown.code, unknown.statusCode], ['InvalidAction.NotFound', 404]);

  // Through the cloud layer: an error that is not retried, with its own message.
  const err = toCloudError(missing, { action: 'ListAcls', product: 'ga' });
  assert.deepEqual([err.category, err.transient, isRetryable('ListAcls', err)], ['invalid', false, false]);
  assert.match(err.message, /local sandbox does not emulate ListAcls/);
});

test('accelerator times are epoch seconds; listener and plan times stay milliseconds', async () => {
  const { ga } = cloud;
  const before = Date.now();
  const acc = await ga.createAccelerator({ name: 'times', spec: '1', instanceChargeType: 'PREPAY', pricingCycle: 'Month', duration: 1, autoPay: true });
  const after = Date.now();
  const described = await ga.describeAccelerator(acc.id);
  const listed = (await ga.listAccelerators()).find((a) => a.acceleratorId === acc.id);
  for (const a of [described, listed]) {
    assert.ok(a?.createTime !== undefined && a.createTime >= Math.floor(before / 1000) && a.createTime <= Math.ceil(after / 1000), `CreateTime ${a?.createTime} in seconds`);
    assert.ok(a?.expiredTime !== undefined && a.expiredTime > a.createTime + 27 * 86400 && a.expiredTime < a.createTime + 32 * 86400, `ExpiredTime ${a?.expiredTime} a month later, in seconds`);
  }
  const plan = await ga.createBandwidthPackage({ bandwidth: 2, type: 'Basic', bandwidthType: 'Enhanced', chargeType: 'PREPAY', pricingCycle: 'Month', duration: '1', autoPay: true });
  await ga.bandwidthPackageAddAccelerator(plan.id, acc.id);
  assert.ok(Number((await ga.describeBandwidthPackage(plan.id)).createTime) >= before, 'plans: milliseconds (a string)');
  const listener = await ga.createListener({ acceleratorId: acc.id, protocol: 'TCP', portRanges: [{ fromPort: 80, toPort: 80 }] });
  assert.ok(Number((await ga.describeListener(listener.id)).createTime) >= before, 'listeners: milliseconds');
});

test('a listener port in 65500-65535 answers SystemPort.Listener', async () => {
  const { ga } = cloud;
  const acc = await ga.createAccelerator({ instanceChargeType: 'POSTPAY', bandwidthBillingType: 'CDT' });
  // The client refuses it before sending; the raw client shows what the API answers.
  await assert.rejects(ga.createListener({ acceleratorId: acc.id, protocol: 'TCP', portRanges: [{ fromPort: 65500, toPort: 65500 }] }), { code: 'ClientValidation' });
  const sdk = loadSdk();
  const raw = (await cloud.connection.ga
    .createListenerWithOptions({ regionId: 'cn-hangzhou', acceleratorId: acc.id, protocol: 'tcp', portRanges: [{ fromPort: 65510, toPort: 65520 }] }, new sdk.$dara.RuntimeOptions({}))
    .catch((e: unknown) => e)) as { code?: string; message?: string };
  assert.equal(raw.code, 'SystemPort.Listener');
  assert.match(raw.message ?? '', /reserved/);
});
