// The executor with scripted services: one mutation at a time per accelerator, accelerators in parallel, a
// failure stops its lane only, a cancel lets the call in flight finish, nothing runs before purchases are
// confirmed, and the same run derives the same ClientTokens.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CloudError } from '../../../src/cloud';
import { clientTokenFor, DNS_LANE, executeOperations, PurchaseNotConfirmedError, remainingOperations, type ApplyServices, type Operation } from '../../../src/workflows';

interface Call {
  method: string;
  id: string;
  token?: string;
}

/** GA and DNS that answer after a tick, log every call and fail the calls named in `failOn`. */
function scripted(failOn: string[] = [], onSend?: (c: Call) => void) {
  const calls: Call[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const send = (method: string) => async (idOrInput: unknown, o?: { clientToken?: string }) => {
    const id = typeof idOrInput === 'string' ? idOrInput : String((idOrInput as { listenerId?: string; endpointGroupId?: string }).listenerId ?? (idOrInput as { endpointGroupId?: string }).endpointGroupId ?? 'x');
    const call = { method, id, token: o?.clientToken };
    calls.push(call);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    onSend?.(call);
    await new Promise((r) => setTimeout(r, 5));
    inFlight--;
    if (failOn.includes(id)) throw new CloudError({ code: 'StateError.Accelerator', category: 'busy', message: `busy: ${id}` });
    return { id, alreadyGone: false };
  };
  const ga = {
    deleteListener: send('deleteListener'),
    deleteEndpointGroup: send('deleteEndpointGroup'),
    updateListener: send('updateListener'),
    waitFor: async (_action: string, _id: string, o?: { signal?: AbortSignal }) => {
      await new Promise((r) => setTimeout(r, 5));
      if (o?.signal?.aborted) throw new CloudError({ code: 'Cancelled', category: 'cancelled', message: 'Stopped waiting.' });
      return undefined;
    },
  };
  const dns = { deleteDomainRecord: send('deleteDomainRecord') };
  return { services: { ga, dns } as unknown as ApplyServices, calls, maxInFlight: () => maxInFlight };
}

function del(lane: string, id: string, dependsOn: string[] = []): Operation {
  return { id: `${lane}:${id}`, lane, title: `Delete listener ${id}`, address: `accelerators.${lane}.listeners.${id}`, dependsOn, type: 'deleteListener', listenerId: id };
}

describe('executeOperations', () => {
  it('runs one operation at a time per accelerator and accelerators side by side', async () => {
    const { services, calls, maxInFlight } = scripted();
    const ops = [del('a', 'a1'), del('a', 'a2'), del('b', 'b1'), del('b', 'b2')];
    const report = await executeOperations(ops, services);
    assert.ok(report.ok);
    assert.equal(report.mutations, 4);
    assert.deepEqual(calls.filter((c) => c.id.startsWith('a')).map((c) => c.id), ['a1', 'a2']);
    assert.equal(maxInFlight(), 2, 'two lanes at once, never two calls of one lane');
  });

  it('a failure stops its accelerator\'s lane, not the others, and the report says what was done and not', async () => {
    const { services, calls } = scripted(['a1']);
    const ops = [del('a', 'a1'), del('a', 'a2', ['a:a1']), del('b', 'b1'), { ...del(DNS_LANE, 'r1', ['a:a2']), type: 'deleteDnsRecord' as const, zone: 'example.com', recordId: 'r1' }];
    const report = await executeOperations(ops, services);
    assert.equal(report.ok, false);
    assert.deepEqual(report.outcomes.map((o) => [o.operation.id, o.status]), [['a:a1', 'failed'], ['a:a2', 'skipped'], ['b:b1', 'done'], ['dns:r1', 'skipped']]);
    assert.equal(report.outcomes[0].code, 'StateError.Accelerator');
    assert.match(report.outcomes[1].message ?? '', /Not done: "Delete listener a1" failed first/);
    assert.deepEqual(calls.map((c) => c.id).sort(), ['a1', 'b1']);
    assert.deepEqual(remainingOperations(report).map((o) => o.id), ['a:a1', 'a:a2', 'dns:r1']);
  });

  it('a cancel lets the call in flight finish and starts nothing more', async () => {
    const abort = new AbortController();
    const { services, calls } = scripted([], (c) => {
      if (c.id === 'a1') abort.abort();
    });
    const report = await executeOperations([del('a', 'a1'), del('a', 'a2')], services, { signal: abort.signal });
    assert.deepEqual(calls.map((c) => c.id), ['a1'], 'a2 never started');
    assert.deepEqual(report.outcomes.map((o) => o.status), ['cancelled', 'cancelled']);
    assert.equal(report.outcomes[0].sent, true, 'a1 was sent: only its wait was stopped');
    assert.equal(report.cancelled, true);
    assert.equal(report.mutations, 1);
  });

  it('nothing runs until the purchases are confirmed', async () => {
    const { services, calls } = scripted();
    const buy = { ...del('a', 'a1'), purchase: { title: 'GA instance a', lines: ['Small I'], subscription: true } };
    await assert.rejects(executeOperations([del('b', 'b1'), buy], services, { confirmPurchase: async () => false }), PurchaseNotConfirmedError);
    await assert.rejects(executeOperations([buy], services), /not confirmed/);
    assert.deepEqual(calls, []);
    const seen: string[] = [];
    await executeOperations([buy], services, { confirmPurchase: async (p) => (seen.push(...p.map((x) => x.title)), true) });
    assert.deepEqual(seen, ['GA instance a']);
  });

  it('the same run and step give the same ClientToken; another run another', () => {
    const op: Operation = { id: 'web:createListener:web', lane: 'web', title: 't', address: 'a', dependsOn: [], type: 'createListener', produces: 'listener:web/web', accelerator: { id: 'ga-1' }, name: 'web', protocol: 'TCP', ports: [{ fromPort: 80, toPort: 80 }], clientAffinity: 'NONE' };
    const token = clientTokenFor('run-1', op);
    assert.match(token, /^ga-ipv6-[0-9a-f]{40}$/);
    assert.equal(clientTokenFor('run-1', { ...op }), token);
    assert.notEqual(clientTokenFor('run-2', op), token);
    assert.notEqual(clientTokenFor('run-1', { ...op, ports: [{ fromPort: 81, toPort: 81 }] }), token, 'other parameters, another request');
  });
});
