import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import {
  planAcceleratorDelete,
  planAreaDelete,
  planDnsRecordDelete,
  planListenerDelete,
  runDeletePlan,
  type DeletePlan,
} from '../../../src/explorer/deletion';
import type { ApplyServices } from '../../../src/workflows';
import { cloudError, seedAccount } from './fakes';

function details(account = seedAccount()) {
  return { ipSets: account.ipSets, listeners: account.listeners, endpointGroups: account.groups };
}

function recorder(failOn?: string) {
  const calls: string[] = [];
  const step = (name: string) => async (...args: unknown[]) => {
    calls.push(`${name}(${args.filter((a) => typeof a === 'string' || Array.isArray(a)).join(',')})`);
    if (name === failOn) throw cloudError('busy', 'StateError.Accelerator');
    return { id: 'x', alreadyGone: false };
  };
  const ga = {
    deleteEndpointGroup: step('deleteEndpointGroup'),
    deleteListener: step('deleteListener'),
    deleteIpSets: async (...args: unknown[]) => {
      await step('deleteIpSets')(...args);
      return (args[1] as string[]).map((id) => ({ id, alreadyGone: false }));
    },
    bandwidthPackageRemoveAccelerator: step('bandwidthPackageRemoveAccelerator'),
    deleteAccelerator: step('deleteAccelerator'),
    // The executor sends each delete, then waits for the resource to be gone.
    waitFor: async () => undefined,
  };
  const dns = { deleteDomainRecord: step('deleteDomainRecord') };
  return { calls, services: { ga, dns } as unknown as ApplyServices };
}

describe('deleting from the explorer', () => {
  it('deletes a listener\'s endpoint groups first, and says so', () => {
    const account = seedAccount();
    const plan = planListenerDelete(account.listeners[0], account.groups);
    assert.equal(plan.message, 'Delete listener web-http (lsr-seed, TCP:80)?');
    assert.match(plan.detail, /^Its endpoint group web-backend \(epg-seed\) is deleted first/);
    assert.equal(plan.confirmLabel, 'Delete listener and 1 endpoint group');
    assert.deepEqual(plan.steps.map((s) => s.type), ['deleteEndpointGroup', 'deleteListener']);
  });

  it('refuses a subscription accelerator and explains why', () => {
    const account = seedAccount();
    const plan = planAcceleratorDelete(account.accelerators[0], details(account));
    assert.equal(plan.kind, 'refusal');
    assert.match(plan.message, /subscription \(PREPAY\) instance: Global Accelerator does not delete subscription instances through its API/);
    assert.equal(plan.kind === 'refusal' && plan.acceleratorId, 'ga-seed');
  });

  it('tears a pay-as-you-go accelerator down in GA\'s order and names what stops working', async () => {
    const account = seedAccount();
    const accelerator = { ...account.accelerators[0], instanceChargeType: 'POSTPAY' };
    const records = account.zones['example.com'].filter((r) => r.recordId === 'r-www' || r.recordId === 'r-app');
    const plan = planAcceleratorDelete(accelerator, details(account), records) as DeletePlan;
    assert.equal(plan.kind, 'plan');
    assert.deepEqual(plan.steps.map((s) => s.type), ['deleteEndpointGroup', 'deleteListener', 'deleteAreas', 'unbindBandwidthPlan', 'deleteAccelerator']);
    assert.match(plan.detail, /1 endpoint group: web-backend/);
    assert.match(plan.detail, /bandwidth plan gbwp-seed is unbound, not deleted/);
    assert.match(plan.detail, /2 DNS records point at its CNAME ga-seed.aliyunga0019.com and will stop working: www.example.com \(AAAA\), app.example.com \(CNAME\)/);

    const { calls, services } = recorder();
    await runDeletePlan(plan, services);
    assert.deepEqual(calls, [
      'deleteEndpointGroup(epg-seed)',
      'deleteListener(lsr-seed)',
      'deleteIpSets(ga-seed,ips-seed)',
      'bandwidthPackageRemoveAccelerator(gbwp-seed,ga-seed)',
      'deleteAccelerator(ga-seed)',
    ]);
  });

  it('stops at the first failing step', async () => {
    const account = seedAccount();
    const plan = planListenerDelete(account.listeners[0], account.groups);
    const { calls, services } = recorder('deleteEndpointGroup');
    await assert.rejects(runDeletePlan(plan, services), /StateError.Accelerator/);
    assert.deepEqual(calls, ['deleteEndpointGroup(epg-seed)']);
  });

  it('names the AAAA records an area\'s address serves, and deletes a DNS record by id', async () => {
    const account = seedAccount();
    const area = planAreaDelete('ga-seed', account.ipSets[0], account.zones['example.com']);
    assert.match(area.detail, /2408:4000:1000::1 is released/);
    assert.match(area.detail, /1 DNS record points at its addresses and will stop working: www.example.com \(AAAA\)/);

    const record = planDnsRecordDelete(account.zones['example.com'][2]);
    assert.equal(record.message, 'Delete DNS record app.example.com CNAME → GA-SEED.aliyunga0019.com.?');
    const { calls, services } = recorder();
    await runDeletePlan(record, services);
    assert.deepEqual(calls, ['deleteDomainRecord(r-app)']);
  });
});
