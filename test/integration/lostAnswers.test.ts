// Issue 8, defect 2: a lost answer must never buy twice. The seed walk-through runs through the workflow steps
// against the emulator while the emulator drops the connection AFTER a mutation ran (the change is made, the
// client never hears of it): once for each mutation the walk-through makes, then at random across 20 flows.
// Every flow must end with one instance, one plan, bound, and everything active. A purchase that fails half-way
// is run again with the same run id and reuses what it bought.
import { after, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { addZone, inBatches, startCloud, type Harness } from './cloudHarness';
import { areaStep, dnsRecordStep, listenerStep, purchaseStep, type PurchaseInput } from '../../src/workflows/seed';
import { newRunId } from '../../src/workflows/runIdentity';
import type { PurchaseSummary, StepContext } from '../../src/workflows/step';
import type { CloudServices } from '../../src/cloud';
import type { EmulatorState } from '../../src/emulator/state';

let h: Harness;
let cloud: CloudServices;

before(async () => {
  h = await startCloud();
});
after(() => h.stop());
beforeEach(async () => {
  await h.admin.reset();
  cloud = h.services();
  await addZone(cloud.connection, 'example.com');
});

const purchase = (name: string): PurchaseInput => ({
  name,
  spec: '1',
  chargeType: 'PREPAY',
  pricingCycle: 'Month',
  duration: 1,
  bandwidthType: 'Enhanced',
  planBandwidth: 2,
  backendOnAlibabaCloud: false,
  autoPay: true,
});

function context(runId: string, asked: PurchaseSummary[] = []): StepContext {
  return {
    ga: cloud.ga,
    dns: cloud.dns,
    runId,
    confirmPurchase: async (s) => {
      asked.push(s);
      return true;
    },
  };
}

/** The seed's steps one after another, as the guided forms run them; `rr` names this flow's DNS record. */
async function seedFlow(name: string, rr: string, runId = newRunId()): Promise<void> {
  const ctx = context(runId);
  const bought = await purchaseStep.execute(purchase(name), ctx);
  const area = await areaStep.execute({ acceleratorId: bought.acceleratorId, regionId: 'cn-beijing', bandwidth: 2, ipVersion: 'IPv6', planBandwidth: 2, spec: '1' }, ctx);
  await listenerStep.execute(
    {
      acceleratorId: bought.acceleratorId,
      listenerName: `${name}-80`,
      protocol: 'TCP',
      portRanges: [{ fromPort: 80, toPort: 80 }],
      clientAffinity: 'SOURCE_IP',
      endpointGroupName: `${name}-dc`,
      endpointGroupRegion: 'cn-beijing',
      preserveClientIp: false,
      endpoints: [{ type: 'Ip', endpoint: '203.0.113.10', weight: 100 }],
    },
    ctx,
  );
  await dnsRecordStep.execute({ domainName: 'example.com', rr, type: 'AAAA', value: area.addresses[0], ttl: 600 }, ctx);
}

/** One instance named `name`, one plan bound to it, one area, listener and group, all active; one record `rr`. */
function assertConverged(state: EmulatorState, name: string, rr: string): void {
  const accelerators = Object.values(state.ga.accelerators).filter((a) => a.Name === name);
  assert.equal(accelerators.length, 1, `one instance named ${name}, not ${accelerators.length}`);
  const acc = accelerators[0];
  const id = acc.AcceleratorId;
  assert.equal(acc.State, 'active');
  const plans = Object.values(state.ga.bandwidthPackages).filter((p) => p.Tags.some((t) => t.Key === 'ga-ipv6-run') && (p.Accelerators.includes(id) || p.pendingAccelerator === id || p.Accelerators.length === 0));
  assert.equal(plans.filter((p) => p.Accelerators.includes(id)).length, 1, `one plan bound to ${name}`);
  assert.equal(acc.BasicBandwidthPackage?.InstanceId, plans.find((p) => p.Accelerators.includes(id))?.BandwidthPackageId);
  const states = (items: { AcceleratorId: string; State: string }[]) => items.filter((x) => x.AcceleratorId === id).map((x) => x.State);
  assert.deepEqual(states(Object.values(state.ga.ipSets)), ['active'], 'one area');
  assert.deepEqual(states(Object.values(state.ga.listeners)), ['active'], 'one listener');
  assert.deepEqual(states(Object.values(state.ga.endpointGroups)), ['active'], 'one endpoint group');
  const records = Object.values(state.dns.zones['example.com'].records).filter((r) => r.RR === rr);
  assert.equal(records.length, 1, `one ${rr} record`);
}

const isMutation = (action: string) => !/^(Describe|List|Get)/.test(action);

test('each mutation of the seed walk-through loses its answer after it ran: one instance, one plan, converged', async (t) => {
  await seedFlow('clean-run', 'clean');
  const mutations = [...new Set((await h.admin.requests()).map((r) => r.action).filter(isMutation))];
  assert.deepEqual(
    mutations.filter((a) => a !== 'AddDomain').sort(),
    ['AddDomainRecord', 'BandwidthPackageAddAccelerator', 'CreateAccelerator', 'CreateBandwidthPackage', 'CreateEndpointGroup', 'CreateIpSets', 'CreateListener'],
    'the mutations the walk-through makes',
  );
  let converged = 0;
  for (const action of mutations.filter((a) => a !== 'AddDomain')) {
    await h.admin.reset();
    cloud = h.services();
    await addZone(cloud.connection, 'example.com');
    await h.admin.setFault({ action, reset: 1, resetPhase: 'after', times: 1 });
    await seedFlow(`lost-${action}`, 'www');
    const log = (await h.admin.requests()).filter((r) => r.action === action);
    assert.equal(log[0].status, 0, `${action}'s first answer was lost (connection reset after it ran)`);
    assertConverged(await h.admin.state(), `lost-${action}`, 'www');
    converged++;
  }
  t.diagnostic(`lost answer after the action ran, once per mutation: ${converged}/${mutations.length - 1} seed flows converged with one instance and one plan`);
});

test('20 seed flows with answers lost at random after the action ran all converge with one instance each', async (t) => {
  // A quarter of all answers, reads included, is lost after the action ran. A call gives up after 8 attempts
  // (0.25⁸ ≈ 1.5e-5 per call, a few hundred calls per run besides the waiters' polls); a failed waiter poll only costs
  // that poll. At a third lost (0.33⁸ ≈ 1.4e-4 per call), a flow failed in about one run in seven: the
  // retry budget, not a double purchase.
  await h.admin.setFault({ action: '*', reset: 0.25, resetPhase: 'after' });
  const flows = 20;
  const outcomes = await inBatches(flows, 4, async (i) => {
    try {
      await seedFlow(`flow-${i}`, `www${i}`);
      return 'ok';
    } catch (e) {
      return `flow-${i}: ${(e as Error).message}`;
    }
  });
  await h.admin.clearFaults();
  const lost = (await h.admin.requests()).filter((r) => r.status === 0).length;
  const state = await h.admin.state();
  let converged = 0;
  for (let i = 0; i < flows; i++) {
    assert.equal(outcomes[i], 'ok');
    assertConverged(state, `flow-${i}`, `www${i}`);
    converged++;
  }
  assert.equal(Object.keys(state.ga.accelerators).length, flows, 'no instance bought twice');
  assert.equal(Object.keys(state.ga.bandwidthPackages).length, flows, 'no plan bought twice');
  assert.ok(lost >= flows, `answers were really lost (${lost})`);
  t.diagnostic(`${converged}/${flows} seed flows converged with one instance and one plan each under ${lost} lost answers`);
});

test('a purchase that failed half-way is run again with its run id: what it bought is reused, nothing is bought twice', async () => {
  const runId = newRunId();
  const asked: PurchaseSummary[] = [];
  // The bind is refused for good (a RAM denial), after the instance and the plan were bought.
  await h.admin.setFault({ action: 'BandwidthPackageAddAccelerator', forbidden: 1, times: 1 });
  await assert.rejects(purchaseStep.execute(purchase('resumed'), context(runId, asked)), /Forbidden\.RAM|not authorized/);
  assert.equal(asked.length, 1);
  const before = await h.admin.state();
  assert.equal(Object.keys(before.ga.accelerators).length, 1);
  assert.equal(Object.keys(before.ga.bandwidthPackages).length, 1);

  const again = await purchaseStep.execute(purchase('resumed'), context(runId, asked));
  assert.deepEqual(again.reused, { accelerator: true, plan: true });
  assert.equal(asked.length, 1, 'nothing left to buy, so nothing is asked');
  assert.deepEqual(again.orderIds, [], 'no new order');
  const after = await h.admin.state();
  assert.deepEqual(Object.keys(after.ga.accelerators), Object.keys(before.ga.accelerators));
  assert.deepEqual(Object.keys(after.ga.bandwidthPackages), Object.keys(before.ga.bandwidthPackages));
  assert.equal(after.ga.accelerators[again.acceleratorId].BasicBandwidthPackage?.InstanceId, again.bandwidthPackageId);

  const third = await purchaseStep.execute(purchase('resumed'), context(runId, asked));
  assert.deepEqual([third.acceleratorId, third.bandwidthPackageId], [again.acceleratorId, again.bandwidthPackageId], 'a finished run found again');
  const other = await purchaseStep.execute(purchase('resumed'), context(newRunId(), asked));
  assert.notEqual(other.acceleratorId, again.acceleratorId, 'another run of the same name buys its own (after asking)');
  assert.equal(asked.length, 2);
});

test('an instance bought by an earlier run whose ClientToken is forgotten is still found by its tag, name and state', async () => {
  const runId = newRunId();
  await h.admin.setFault({ action: 'CreateBandwidthPackage', forbidden: 1, times: 1 });
  await assert.rejects(purchaseStep.execute(purchase('token-forgotten'), context(runId)), /Forbidden\.RAM|not authorized/);
  // The service forgets tokens after a while (the emulator after a day): drop them from the live state (the
  // in-process emulator's own object) to show that the lookup alone finds the instance.
  const live = h.emulator.getState();
  assert.ok(Object.keys(live.ga.clientTokens).length > 0);
  for (const key of Object.keys(live.ga.clientTokens)) delete live.ga.clientTokens[key];
  const asked: PurchaseSummary[] = [];
  const again = await purchaseStep.execute(purchase('token-forgotten'), context(runId, asked));
  assert.deepEqual(again.reused, { accelerator: true, plan: false });
  assert.match(asked[0].lines.join('\n'), /Instance: ga-\S+, bought by an earlier run of this workflow, is reused/);
  assert.equal(Object.keys((await h.admin.state()).ga.accelerators).length, 1);
});

test('the other mutations without a ClientToken, answers lost after they ran: each is checked, none fails, the teardown converges', async (t) => {
  const { ga, dns } = cloud;
  // Deleting a plan through the API needs a pay-as-you-go plan, which only an allow-listed account can buy.
  await h.admin.setAccount({ features: ['postpay-bandwidth-plans'] });
  t.after(() => h.admin.setAccount({ features: [] }));
  const acc = await ga.createAccelerator({ name: 'teardown', instanceChargeType: 'POSTPAY' });
  const plan = await ga.createBandwidthPackage({ bandwidth: 2, type: 'Basic', bandwidthType: 'Enhanced', chargeType: 'POSTPAY' });
  await ga.bandwidthPackageAddAccelerator(plan.id, acc.id);
  const [area] = await ga.createIpSets({ acceleratorId: acc.id, accelerateRegion: [{ accelerateRegionId: 'cn-beijing', bandwidth: 2, ipVersion: 'IPv6' }] });
  const record = await dns.addDomainRecord('example.com', { rr: 'gone', type: 'AAAA', value: '2001:db8::1', ttl: 600 });
  const lose = (action: string) => h.admin.setFault({ action, reset: 1, resetPhase: 'after', times: 1 });

  await lose('UpdateDomainRecord');
  await dns.updateDomainRecord('example.com', record.recordId, { rr: 'gone', type: 'AAAA', value: '2001:db8::2', ttl: 600 });
  await lose('DeleteDomainRecord');
  await dns.deleteDomainRecord(record.recordId);
  await lose('DeleteIpSets');
  await ga.deleteIpSets(acc.id, [area.id]);
  await lose('BandwidthPackageRemoveAccelerator');
  await ga.bandwidthPackageRemoveAccelerator(plan.id, acc.id);
  await lose('DeleteAccelerator');
  await ga.deleteAccelerator(acc.id);
  await lose('DeleteBandwidthPackage');
  await ga.deleteBandwidthPackage(plan.id);

  const lost = (await h.admin.requests()).filter((r) => r.status === 0).map((r) => r.action);
  assert.deepEqual(lost, ['UpdateDomainRecord', 'DeleteDomainRecord', 'DeleteIpSets', 'BandwidthPackageRemoveAccelerator', 'DeleteAccelerator', 'DeleteBandwidthPackage'], 'each answer was lost once');
  const state = await h.admin.state();
  assert.deepEqual([Object.keys(state.ga.accelerators), Object.keys(state.ga.bandwidthPackages), Object.keys(state.ga.ipSets)], [[], [], []]);
  assert.deepEqual(Object.values(state.dns.zones['example.com'].records).filter((r) => r.RR === 'gone'), []);
  t.diagnostic(`${lost.length}/6 lost answers of mutations without a ClientToken (or deletes) recovered without an error`);
});
