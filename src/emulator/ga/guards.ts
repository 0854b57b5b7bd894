// Look-ups that answer NotExist.*, and the "what blocks what" rules of ga-api.md §4.3: GA runs one change at a
// time per instance, so a mutation is refused with StateError.Accelerator while the accelerator or anything
// under it is in a transient state.
import { ApiError } from '../api';
import type { Accelerator, BandwidthPackage, EndpointGroup, GaState, IpSet, Listener } from '../state';
import { describeState, isTransient } from '../../model';
import { notExist } from './errors';
import { own } from '../ownKeys';

export function requireAccelerator(ga: GaState, id: string): Accelerator {
  return own(ga.accelerators, id) ?? failNotExist('Accelerator', id);
}

export function requireBandwidthPackage(ga: GaState, id: string): BandwidthPackage {
  return own(ga.bandwidthPackages, id) ?? failNotExist('BandwidthPackage', id);
}

export function requireIpSet(ga: GaState, id: string): IpSet {
  return own(ga.ipSets, id) ?? failNotExist('IpSet', id);
}

export function requireListener(ga: GaState, id: string, acceleratorId?: string): Listener {
  const l = own(ga.listeners, id) ?? failNotExist('Listener', id);
  if (acceleratorId !== undefined && l.AcceleratorId !== acceleratorId) {
    throw new ApiError('NotExist.Listener', `Listener ${id} does not belong to accelerator ${acceleratorId} (it is on ${l.AcceleratorId}); check the ids.`);
  }
  return l;
}

export function requireEndpointGroup(ga: GaState, id: string): EndpointGroup {
  return own(ga.endpointGroups, id) ?? failNotExist('EndPointGroup', id);
}

function failNotExist(resource: Parameters<typeof notExist>[0], id: string): never {
  throw notExist(resource, id);
}

export function ipSetsOf(ga: GaState, acceleratorId: string): IpSet[] {
  return Object.values(ga.ipSets).filter((s) => s.AcceleratorId === acceleratorId);
}

export function listenersOf(ga: GaState, acceleratorId: string): Listener[] {
  return Object.values(ga.listeners).filter((l) => l.AcceleratorId === acceleratorId);
}

export function endpointGroupsOf(ga: GaState, acceleratorId: string): EndpointGroup[] {
  return Object.values(ga.endpointGroups).filter((g) => g.AcceleratorId === acceleratorId);
}

/** Why the accelerator cannot take a change now, or undefined when it can. */
function busyReason(ga: GaState, acc: Accelerator): string | undefined {
  if (acc.State !== 'active') return `it is ${describeState(acc.State)}`;
  const id = acc.AcceleratorId;
  const busy: [label: string, id: string, state: string][] = [
    ...ipSetsOf(ga, id).filter((s) => isTransient('ipSet', s.State)).map((s): [string, string, string] => ['acceleration area', s.IpSetId, s.State]),
    ...listenersOf(ga, id).filter((l) => isTransient('listener', l.State)).map((l): [string, string, string] => ['listener', l.ListenerId, l.State]),
    ...endpointGroupsOf(ga, id).filter((g) => isTransient('endpointGroup', g.State)).map((g): [string, string, string] => ['endpoint group', g.EndpointGroupId, g.State]),
    ...Object.values(ga.bandwidthPackages)
      .filter((p) => (p.pendingAccelerator === id || p.Accelerators.includes(id)) && isTransient('bandwidthPackage', p.State))
      .map((p): [string, string, string] => ['bandwidth plan', p.BandwidthPackageId, p.State]),
  ];
  if (busy.length === 0) return undefined;
  const [label, childId, state] = busy[0];
  return `its ${label} ${childId} is ${describeState(state)}`;
}

/** Refuses a mutation while the accelerator is busy (StateError.Accelerator, which clients retry). */
export function assertAcceleratorIdle(ga: GaState, acc: Accelerator, action: string): void {
  const why = busyReason(ga, acc);
  if (why) {
    throw new ApiError(
      'StateError.Accelerator',
      `Accelerator ${acc.AcceleratorId} cannot run ${action} now because ${why}; GA makes one change at a time per instance, so wait until it is active and retry.`,
    );
  }
}

/** A resource's own transient state blocks changes to it, with the resource's own code (ga-api.md §4.3). */
export function assertStable(code: string, label: string, id: string, state: string): void {
  if (state !== 'active') throw new ApiError(code, `${label} ${id} is ${describeState(state)}; wait until it is active and retry.`);
}

/** Bandwidth-plan billing needs a bound basic plan before areas, listeners and endpoint groups (NotExist.BasicBandwidthPackage). */
export function requireBasicPlanIfNeeded(acc: Accelerator, action: string): void {
  if (acc.BandwidthBillingType === 'BandwidthPackage' && !acc.BasicBandwidthPackage) {
    throw new ApiError(
      'NotExist.BasicBandwidthPackage',
      `Accelerator ${acc.AcceleratorId} has no basic bandwidth plan bound, which ${action} needs: create one (CreateBandwidthPackage, Type Basic), bind it (BandwidthPackageAddAccelerator), wait until it is bound, then retry.`,
    );
  }
}
