// Issue 8, defect 4: no client-supplied key may reach Object.prototype. Every action the emulator implements is
// called, through the real SDK, with each of its id parameters (and every other string parameter) set to
// __proto__, constructor, prototype, hasOwnProperty and toString, the other required parameters filled with
// real ids of the seed fixture so the call reaches its lookups. Each answer must be a success or a 4xx (never
// a 500), Object.prototype must stay untouched, and a nameless accelerator must stay nameless (the audit's
// UpdateEndpointGroupAttribute EndpointGroupId=__proto__ named every later one "POLLUTED-name").
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RunningEmulator } from '../../../../src/emulator/api';
import { EmulatorAdmin } from '../../../../src/emulator/adminClient';
import { dnsModule } from '../../../../src/emulator/dns';
import { gaModule } from '../../../../src/emulator/ga';
import { actionSpec, type FieldSpec, type ProductName } from '../../../../src/emulator/wireSpec';
import { callRpc, rpcClient, startTestEmulator, type SdkError } from './harness';

const HOSTILE = ['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString'];

/** Object.prototype as it is before any request: names and values of its own properties. */
function prototypeSnapshot(): string[] {
  return Reflect.ownKeys(Object.prototype).map((k) => `${String(k)}=${String(Object.getOwnPropertyDescriptor(Object.prototype, k)?.value ?? 'accessor')}`);
}

/** A value the wire spec accepts for a field: real ids where the field names one, else the first allowed value. */
function validValue(field: FieldSpec, ids: Record<string, string>): unknown {
  if (field.array) {
    const item = field.item ?? {};
    if (item.fields) return [structure(item.fields, ids)];
    return [Object.hasOwn(ids, field.wire) ? ids[field.wire] : scalar({ ...field, type: item.type }, ids)];
  }
  if (field.fields) return structure(field.fields, ids);
  return scalar(field, ids);
}

function structure(fields: readonly FieldSpec[], ids: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) if (f.required || Object.hasOwn(ids, f.wire)) out[f.wire] = validValue(f, ids);
  return out;
}

function scalar(field: FieldSpec, ids: Record<string, string>): unknown {
  if (Object.hasOwn(ids, field.wire)) return ids[field.wire];
  if (field.enum) return field.enum[0];
  switch (field.type) {
    case 'integer':
    case 'long':
    case 'float':
      return field.min ?? 1;
    case 'boolean':
      return false;
    default:
      return 'x'.repeat(Math.max(1, field.minLength ?? 1));
  }
}

/** The string parameters a hostile key can go into: top-level ones, and id fields inside lists and structures. */
function targets(fields: readonly FieldSpec[]): { path: string[]; field: FieldSpec }[] {
  const out: { path: string[]; field: FieldSpec }[] = [];
  for (const f of fields) {
    if (f.wire === 'RegionId' || f.wire === 'ClientToken') continue;
    const nested = f.fields ?? f.item?.fields;
    if (nested) {
      for (const n of nested) if (/Id$/.test(n.wire) && (n.type ?? 'string') === 'string') out.push({ path: [f.wire, n.wire], field: n });
    } else if ((f.item?.type ?? f.type ?? 'string') === 'string' && !f.enum) {
      out.push({ path: [f.wire], field: f });
    }
  }
  return out;
}

function withHostile(params: Record<string, unknown>, path: string[], field: FieldSpec, value: string, spec: FieldSpec): Record<string, unknown> {
  const out = structuredClone(params);
  if (path.length === 1) {
    out[path[0]] = field.array ? [value] : value;
    return out;
  }
  const container = spec.array ? [{ ...(structure(spec.item?.fields ?? [], {}) as object) }] : { ...(structure(spec.fields ?? [], {}) as object) };
  const current = out[path[0]] ?? container;
  const item = (Array.isArray(current) ? current[0] : current) as Record<string, unknown>;
  item[path[1]] = value;
  out[path[0]] = current;
  return out;
}

describe('client-supplied keys never reach Object.prototype', () => {
  let emulator: RunningEmulator;
  let admin: EmulatorAdmin;
  let ids: Record<string, string>;
  const pristine = prototypeSnapshot();

  before(async () => {
    emulator = await startTestEmulator({ seed: 'seed', strict: true });
    admin = new EmulatorAdmin(`http://${emulator.endpoint}`);
    const state = emulator.getState();
    const acc = Object.values(state.ga.accelerators)[0];
    const listener = Object.values(state.ga.listeners)[0];
    const group = Object.values(state.ga.endpointGroups)[0];
    const ipSet = Object.values(state.ga.ipSets)[0];
    const record = Object.values(Object.values(state.dns.zones)[0].records)[0];
    ids = {
      AcceleratorId: acc.AcceleratorId,
      ListenerId: listener.ListenerId,
      EndpointGroupId: group.EndpointGroupId,
      IpSetId: ipSet.IpSetId,
      IpSetIds: ipSet.IpSetId,
      BandwidthPackageId: acc.BasicBandwidthPackage?.InstanceId ?? '',
      EndpointGroupRegion: group.EndpointGroupRegion,
      AccelerateRegionId: 'cn-beijing',
      DomainName: 'example.com',
      RecordId: record.RecordId,
    };
  });
  after(() => emulator.stop());

  const products: [ProductName, Record<string, unknown>][] = [
    ['ga', gaModule.handlers],
    ['alidns', dnsModule.handlers],
  ];

  it('answers every action × string parameter × hostile key with a success or a 4xx, and leaves Object.prototype alone', { timeout: 110_000 }, async () => {
    const client = rpcClient(emulator);
    const serverErrors: string[] = [];
    let calls = 0;
    for (const [product, handlers] of products) {
      for (const action of Object.keys(handlers).sort()) {
        const spec = actionSpec(product, action);
        if (!spec) continue;
        await admin.loadFixture('seed');
        const base = structure(spec.request, ids);
        for (const { path, field } of targets(spec.request)) {
          const top = spec.request.find((f) => f.wire === path[0]) as FieldSpec;
          for (const value of HOSTILE) {
            calls++;
            try {
              await callRpc(client, product, action, withHostile(base, path, field, value, top));
            } catch (e) {
              const err = e as SdkError;
              if (!(err.statusCode !== undefined && err.statusCode >= 400 && err.statusCode < 500)) serverErrors.push(`${action} ${path.join('.')}=${value}: ${err.statusCode} ${err.code} ${err.message.slice(0, 160)}`);
            }
            assert.deepEqual(prototypeSnapshot(), pristine, `${action} ${path.join('.')}=${value} changed Object.prototype`);
          }
        }
      }
    }
    assert.deepEqual(serverErrors, [], `${serverErrors.length} of ${calls} calls answered 5xx`);
    assert.ok(calls > 500, `a real sweep (${calls} calls)`);
  });

  it('hostile parameter names are ordinary unknown parameters, not paths into Object.prototype', async () => {
    const client = rpcClient(emulator);
    for (const name of ['__proto__.Name', 'constructor.prototype.Name', '__proto__', 'Tag.1.__proto__', 'prototype.toString']) {
      await assert.rejects(callRpc(client, 'ga', 'ListAccelerators', { [name]: 'POLLUTED' }), (e: SdkError) => e.statusCode !== undefined && e.statusCode < 500);
      assert.deepEqual(prototypeSnapshot(), pristine, name);
    }
  });

  it('UpdateEndpointGroupAttribute with EndpointGroupId=__proto__ is NotExist, and a nameless accelerator stays nameless', async () => {
    await admin.loadFixture('empty');
    const client = rpcClient(emulator);
    await assert.rejects(
      callRpc(client, 'ga', 'UpdateEndpointGroupAttribute', { RegionId: 'cn-hangzhou', EndpointGroupId: '__proto__', Name: 'POLLUTED-name' }),
      (e: SdkError) => e.code === 'NotExist.EndPointGroup' && e.statusCode === 400,
    );
    const created = await callRpc(client, 'ga', 'CreateAccelerator', { RegionId: 'cn-hangzhou', InstanceChargeType: 'POSTPAY' });
    const described = await callRpc(client, 'ga', 'DescribeAccelerator', { RegionId: 'cn-hangzhou', AcceleratorId: String(created.AcceleratorId) });
    assert.notEqual(described.Name, 'POLLUTED-name');
    assert.equal(({} as { Name?: unknown }).Name, undefined);
  });
});
