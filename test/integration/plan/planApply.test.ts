// The desired-state engine against the emulator over HTTP: the walk-through file applied to an empty account
// ends exactly as the `seed` fixture; applying again does nothing; one changed weight is one update; a removed
// listener goes with its endpoint group first; `state: absent`; two instances with one name.
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { addZone, startCloud, type Harness } from '../cloudHarness';
import type { CloudServices } from '../../../src/cloud';
import { apply, editAccelerator, planConfig, PurchaseNotConfirmedError, renderPlanText, type PurchaseSummary } from '../../../src/workflows';
import { clone, config, payAsYouGo, walkThrough } from './configs';
import { gaShape, mutationsIn, recordShape } from './shape';

describe('plan and apply against the emulator', () => {
  let h: Harness;
  let cloud: CloudServices;
  const asked: PurchaseSummary[][] = [];
  const yes = async (p: PurchaseSummary[]) => {
    asked.push(p);
    return true;
  };

  before(async () => {
    h = await startCloud('empty');
    cloud = h.services();
  });
  after(() => h.stop());
  beforeEach(async () => {
    await h.admin.reset();
    await addZone(cloud.connection, 'example.com');
    asked.length = 0;
  });

  const calls = async () => (await h.admin.requests()).map((r) => r.action);

  it('applies the walk-through file to an empty account and ends exactly as the seed fixture', async () => {
    const plan = await planConfig(walkThrough(), cloud);
    assert.deepEqual(plan.problems, []);
    assert.deepEqual(plan.changes.map((c) => `${c.action} ${c.kind} ${c.address}`), [
      'create accelerator accelerators.web-ipv6',
      'create bandwidthPlan accelerators.web-ipv6.bandwidthPlan',
      'create area accelerators.web-ipv6.areas.cn-beijing',
      'create listener accelerators.web-ipv6.listeners.web-http',
      'create endpointGroup accelerators.web-ipv6.listeners.web-http.endpointGroups.web-backend.cn-beijing',
      'create dnsRecord dns.example.com.www.AAAA',
      'create dnsRecord dns.example.com.app.CNAME',
    ]);
    assert.deepEqual(plan.purchases.map((p) => [p.title, p.subscription]), [
      ['GA instance web-ipv6 (Small I)', true],
      ['Basic bandwidth plan for web-ipv6: Enhanced, 2 Mbit/s', true],
    ]);
    assert.match(renderPlanText(plan), /value: \(known after apply\)/);

    const report = await apply(plan, cloud, { confirmPurchase: yes });
    assert.ok(report.ok, JSON.stringify(report.outcomes.filter((o) => o.status !== 'done').map((o) => [o.operation.title, o.message])));
    assert.equal(asked.length, 1, 'the purchases are confirmed once, together');

    const applied = await h.admin.state();
    const appliedRecords = recordShape(await cloud.dns.describeDomainRecords('example.com'), applied);
    await h.admin.loadFixture('seed');
    const seed = await h.admin.state();
    assert.deepEqual(gaShape(applied), gaShape(seed));
    const seedRecords = recordShape(await cloud.dns.describeDomainRecords('example.com'), seed);
    assert.deepEqual(appliedRecords, seedRecords);
  });

  it('applying the same file again reads with list calls only and changes nothing', async () => {
    await apply(await planConfig(walkThrough(), cloud), cloud, { confirmPurchase: yes });
    await h.admin.clearRequests();
    const again = await planConfig(walkThrough(), cloud);
    assert.deepEqual(again.changes, []);
    assert.deepEqual(again.operations, []);
    assert.equal(renderPlanText(again), 'No changes. The account matches the file.');
    const report = await apply(again, cloud, { confirmPurchase: yes });
    assert.equal(report.mutations, 0);
    const sent = await calls();
    assert.deepEqual(mutationsIn(await h.admin.requests()), []);
    assert.deepEqual([...sent].sort(), ['DescribeDomainRecords', 'ListAccelerators', 'ListEndpointGroups', 'ListIpSets', 'ListListeners'], '1 + 3·A + 1 zone, nothing else');
  });

  it('one changed weight is one update of one endpoint group', async () => {
    await apply(await planConfig(walkThrough(), cloud), cloud, { confirmPurchase: yes });
    const changed = walkThrough();
    changed.accelerators[0].listeners[0].endpointGroups[0].endpoints[0].weight = 50;
    const plan = await planConfig(changed, cloud);
    assert.deepEqual(plan.changes.map((c) => [c.action, c.kind, c.fields.map((f) => `${f.key}: ${String(f.before)} → ${String(f.after)}`)]), [
      ['update', 'endpointGroup', ['endpoints[0].weight: 100 → 50']],
    ]);
    assert.equal(plan.changes[0].fields[0].path, 'accelerators.web-ipv6.listeners.web-http.endpointGroups[0].endpoints[0].weight');
    assert.deepEqual(plan.purchases, []);
    await h.admin.clearRequests();
    const report = await apply(plan, cloud);
    assert.ok(report.ok);
    assert.deepEqual(mutationsIn(await h.admin.requests()), ['UpdateEndpointGroup']);
    const group = Object.values((await h.admin.state()).ga.endpointGroups)[0];
    assert.equal(group.EndpointConfigurations[0].Weight, 50);
  });

  it('a listener removed from the file: its endpoint group is deleted, then the listener', async () => {
    const file = config([payAsYouGo('shop-ipv6')]);
    assert.ok((await apply(await planConfig(file, cloud), cloud, { confirmPurchase: yes })).ok);
    const fewer = clone(file);
    fewer.accelerators[0].listeners = fewer.accelerators[0].listeners.filter((l) => l.name !== 'api');
    const plan = await planConfig(fewer, cloud);
    assert.deepEqual(plan.changes.map((c) => `${c.action} ${c.kind} ${c.address}`), [
      'delete listener accelerators.shop-ipv6.listeners.api',
      'delete endpointGroup accelerators.shop-ipv6.listeners.api.endpointGroups.api-dc.cn-hangzhou',
    ]);
    assert.match(plan.changes[0].dependents.join('; '), /endpoint group api-dc \(.*\) \(deleted first\)/);
    assert.deepEqual(plan.operations.map((o) => o.type), ['deleteEndpointGroup', 'deleteListener']);
    await h.admin.clearRequests();
    assert.ok((await apply(plan, cloud)).ok);
    assert.deepEqual(mutationsIn(await h.admin.requests()), ['DeleteEndpointGroup', 'DeleteListener']);
    const state = await h.admin.state();
    assert.deepEqual(Object.values(state.ga.listeners).map((l) => l.Name), ['web']);
    assert.deepEqual(Object.values(state.ga.endpointGroups).map((g) => g.Name), ['dc']);
  });

  it('`state: absent` deletes a pay-as-you-go accelerator and everything under it, and refuses a subscription', async () => {
    const file = config([payAsYouGo('shop-ipv6'), walkThrough().accelerators[0]]);
    assert.ok((await apply(await planConfig(file, cloud), cloud, { confirmPurchase: yes })).ok);
    const gone = clone(file);
    gone.accelerators[0].state = 'absent';
    const plan = await planConfig(gone, cloud);
    assert.deepEqual(plan.problems, []);
    assert.deepEqual(plan.changes.map((c) => `${c.action} ${c.kind}`), ['delete accelerator']);
    assert.match(plan.changes[0].dependents.join('; '), /listener web .*listener api .*acceleration area China \(Hangzhou\)/);
    assert.deepEqual(plan.operations.map((o) => o.type), ['deleteEndpointGroup', 'deleteListener', 'deleteEndpointGroup', 'deleteListener', 'deleteAreas', 'deleteAccelerator']);
    assert.ok((await apply(plan, cloud)).ok);
    const state = await h.admin.state();
    assert.deepEqual(Object.values(state.ga.accelerators).map((a) => a.Name), ['web-ipv6'], 'only the other accelerator is left');
    assert.equal((await planConfig(gone, cloud)).changes.length, 0, 'absent and gone: nothing to do');

    const subscription = clone(file);
    subscription.accelerators[1].state = 'absent';
    const refused = await planConfig(subscription, cloud);
    assert.deepEqual(refused.problems.map((p) => [p.code, p.path, p.severity]), [['PLAN004', 'accelerators.web-ipv6.state', 'error']]);
    assert.match(refused.problems[0].message, /subscription instance: GA does not delete subscriptions through its API/);
    assert.deepEqual(refused.operations, []);
    await assert.rejects(apply(refused, cloud), /cannot be applied/);
  });

  it('two live instances with the file\'s name: an error that lists them and suggests id:, until one is pinned', async () => {
    const one = await cloud.ga.createAccelerator({ name: 'twin', instanceChargeType: 'POSTPAY', bandwidthBillingType: 'CDT' });
    const two = await cloud.ga.createAccelerator({ name: 'twin', instanceChargeType: 'POSTPAY', bandwidthBillingType: 'CDT' });
    const file = config([{ name: 'twin', billing: 'payAsYouGo', areas: [], listeners: [] }]);
    const plan = await planConfig(file, cloud);
    assert.equal(plan.problems.length, 1);
    const [p] = plan.problems;
    assert.equal(p.code, 'PLAN001');
    assert.equal(p.path, 'accelerators.twin');
    assert.match(p.message, new RegExp(`2 accelerators in this account are named twin \\(${one.id}, active; ${two.id}, active\\): add \`id: ${one.id}\``));
    assert.deepEqual(plan.changes, [], 'nothing is planned for an ambiguous entry');
    assert.deepEqual(plan.operations, []);

    const pinned = clone(file);
    pinned.accelerators[0].id = two.id;
    const ok = await planConfig(pinned, cloud);
    assert.deepEqual(ok.problems, []);
    assert.deepEqual(ok.changes, []);
  });

  it('nothing is bought or changed when the purchase is not confirmed', async () => {
    const plan = await planConfig(walkThrough(), cloud);
    await h.admin.clearRequests();
    await assert.rejects(apply(plan, cloud, { confirmPurchase: async () => false }), PurchaseNotConfirmedError);
    await assert.rejects(apply(plan, cloud), PurchaseNotConfirmedError);
    assert.deepEqual(await calls(), []);
  });
});

describe('one change on an existing accelerator (the forms\' per-resource edits)', () => {
  let h: Harness;
  let cloud: CloudServices;
  before(async () => {
    h = await startCloud('seed');
    cloud = h.services();
  });
  after(() => h.stop());

  it('plans exactly the edit: a weight, a new record; and applies it', async () => {
    const id = Object.values((await h.admin.state()).ga.accelerators)[0].AcceleratorId;
    const weights = await editAccelerator(cloud, id, (c) => {
      c.accelerators[0].listeners[0].endpointGroups[0].endpoints[0].weight = 20;
    });
    assert.deepEqual(weights.changes.map((c) => `${c.action} ${c.kind}`), ['update endpointGroup']);
    const record = await editAccelerator(cloud, id, (c) => {
      const zone = c.dns.find((z) => z.zone === 'example.com');
      zone?.records.push({ host: 'api', type: 'CNAME', to: c.accelerators[0].name, ttl: 600 });
    }, { zones: ['example.com'] });
    assert.deepEqual(record.changes.map((c) => `${c.action} ${c.address}`), ['create dns.example.com.api.CNAME']);
    await h.admin.clearRequests();
    assert.ok((await apply(record, cloud)).ok);
    assert.deepEqual(mutationsIn(await h.admin.requests()), ['AddDomainRecord']);
    await assert.rejects(editAccelerator(cloud, 'ga-nothere', () => undefined), /not in this account any more/);
  });
});

describe('pay-as-you-go on an account that has not activated it', () => {
  let h: Harness;
  let cloud: CloudServices;
  before(async () => {
    h = await startCloud('empty');
    cloud = h.services();
  });
  after(() => h.stop());

  it('plans the activation first, asked with the purchases; apply activates, then buys', async () => {
    await h.admin.loadFixture('empty', { serviceStatus: 'NotOpened' });
    const file = config([payAsYouGo('shop-ipv6')]);
    const plan = await planConfig(file, cloud);
    assert.deepEqual(plan.problems, []);
    assert.deepEqual(plan.purchases.map((p) => p.title), ['Activate Global Accelerator for pay-as-you-go', 'GA instance shop-ipv6 (Small II)']);
    const [open, create] = plan.operations;
    assert.equal(open.type, 'openService');
    assert.equal(create.type, 'createAccelerator');
    assert.ok(create.dependsOn.includes(open.id), 'the instance waits for the activation');
    await h.admin.clearRequests();
    const report = await apply(plan, cloud, { confirmPurchase: async () => true });
    assert.ok(report.ok, report.outcomes.map((o) => `${o.operation.title}: ${o.message}`).join('\n'));
    assert.deepEqual(mutationsIn(await h.admin.requests()).slice(0, 2), ['OpenAcceleratorService', 'CreateAccelerator']);
    assert.equal((await h.admin.account()).serviceStatus, 'Normal');
  });
});
