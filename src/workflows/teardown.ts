// The teardown order (ga-api.md §4.3): GA refuses to delete a parent that still has children, so a delete takes
// its dependents first: endpoint groups → listeners → acceleration areas → unbind the bandwidth plan → the
// accelerator (→ the plan, when the caller deletes it too). The explorer's deletes and the plan's `state: absent`
// and replacements both build their operations here.
import { regionName } from '../model';
import type { LiveAccelerator, LiveArea, LiveEndpointGroup, LiveListener } from './live/liveState';
import type { Operation, OperationMeta } from './operations';

/** Where the operations go: their lane (the accelerator's) and the change they belong to. */
export interface TeardownContext {
  lane: string;
  address: string;
}

type Meta = Omit<OperationMeta, 'id' | 'title'>;

function meta(ctx: TeardownContext): Meta {
  return { lane: ctx.lane, address: ctx.address, dependsOn: [] };
}

export function endpointGroupDeletion(g: Pick<LiveEndpointGroup, 'id' | 'name' | 'region'>, ctx: TeardownContext): Operation {
  return { ...meta(ctx), id: `${ctx.lane}:deleteEndpointGroup:${g.id}`, title: `Delete endpoint group ${nameAndId(g.name, g.id)} (${regionName(g.region)})`, type: 'deleteEndpointGroup', groupId: g.id };
}

/** The listener's endpoint groups, then the listener. */
export function listenerDeletion(
  l: Pick<LiveListener, 'id' | 'name' | 'protocol' | 'ports'> & { groups: readonly Pick<LiveEndpointGroup, 'id' | 'name' | 'region'>[] },
  ctx: TeardownContext,
): Operation[] {
  const ports = l.ports.map((p) => (p.fromPort === p.toPort ? `${p.fromPort}` : `${p.fromPort}-${p.toPort}`)).join(',');
  return [
    ...l.groups.map((g) => endpointGroupDeletion(g, ctx)),
    { ...meta(ctx), id: `${ctx.lane}:deleteListener:${l.id}`, title: `Delete listener ${nameAndId(l.name, l.id)} (${l.protocol}:${ports})`, type: 'deleteListener', listenerId: l.id },
  ];
}

/** One DeleteIpSets for all the areas (GA refuses a second DeleteIpSets on an instance for a short while). */
export function areasDeletion(acceleratorId: string, areas: readonly Pick<LiveArea, 'id' | 'region'>[], ctx: TeardownContext): Operation {
  const what = areas.length === 1 ? `acceleration area ${regionName(areas[0].region)} (${areas[0].id})` : `${areas.length} acceleration areas (${areas.map((a) => regionName(a.region)).join(', ')})`;
  return { ...meta(ctx), id: `${ctx.lane}:deleteAreas:${areas.map((a) => a.id).join(',')}`, title: `Delete ${what}`, type: 'deleteAreas', acceleratorId, areaIds: areas.map((a) => a.id) };
}

export interface AcceleratorTeardownOptions {
  /** Also delete the bound bandwidth plan after unbinding it (pay-as-you-go plans only: GA keeps subscriptions). */
  deletePlan?: boolean;
}

/** Everything under the accelerator in GA's order, then the accelerator itself. */
export function acceleratorTeardown(a: LiveAccelerator, ctx: TeardownContext, options: AcceleratorTeardownOptions = {}): Operation[] {
  const ops: Operation[] = [...a.orphanGroups.map((g) => endpointGroupDeletion(g, ctx)), ...a.listeners.flatMap((l) => listenerDeletion(l, ctx))];
  if (a.areas.length > 0) ops.push(areasDeletion(a.id, a.areas, ctx));
  if (a.plan) ops.push({ ...meta(ctx), id: `${ctx.lane}:unbindBandwidthPlan:${a.plan.id}`, title: `Unbind bandwidth plan ${a.plan.id}`, type: 'unbindBandwidthPlan', planId: a.plan.id, accelerator: { id: a.id } });
  ops.push({ ...meta(ctx), id: `${ctx.lane}:deleteAccelerator:${a.id}`, title: `Delete accelerator ${nameAndId(a.name, a.id)}`, type: 'deleteAccelerator', acceleratorId: a.id });
  if (a.plan && options.deletePlan) ops.push({ ...meta(ctx), id: `${ctx.lane}:deleteBandwidthPlan:${a.plan.id}`, title: `Delete bandwidth plan ${a.plan.id}`, type: 'deleteBandwidthPlan', planId: a.plan.id });
  return chain(ops);
}

/** Each operation depends on the one before it: a teardown is a strict sequence. */
export function chain(ops: Operation[]): Operation[] {
  return ops.map((op, i) => (i === 0 ? op : { ...op, dependsOn: [...new Set([...op.dependsOn, ops[i - 1].id])] }));
}

export function nameAndId(name: string | undefined, id: string): string {
  return name && name !== id ? `${name} (${id})` : id;
}
