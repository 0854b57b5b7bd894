// Acceleration areas (ip sets): create (init → active; the addresses appear in IpAddressList only when active),
// list, describe, update bandwidth (updating → active), delete one or several (deleting → gone).
// ga-api.md §2.14–2.19.
import { ApiError, type ActionHandler, type Clock } from '../api';
import type { Accelerator, GaState, IpSet } from '../state';
import { checkAreaBandwidthFits, checkAreaCount, checkIpSetBandwidth } from '../../model';
import { begin } from './lifecycle';
import { allocateIpv4, allocateIpv6 } from './addresses';
import { ipv6RegionProblem, requireRegion } from './areas';
import { failIf, invalidParameter, missingParameter } from './errors';
import { assertAcceleratorIdle, assertStable, ipSetsOf, requireAccelerator, requireBasicPlanIfNeeded, requireIpSet } from './guards';
import { newId } from './ids';
import { page } from './lists';
import { own } from '../ownKeys';
import { optInt, optString, optStrings, optStructs, reqString } from './params';

type IpVersion = IpSet['IpVersion'];
const IP_VERSIONS: readonly IpVersion[] = ['IPv4', 'IPv6', 'DUAL_STACK'];

interface AreaRequest {
  regionId: string;
  bandwidth: number;
  ipVersion: IpVersion;
  ispType: string;
}

function readArea(ga: GaState, acc: Accelerator, raw: Record<string, unknown>): AreaRequest {
  const regionId = reqString(raw, 'AccelerateRegionId');
  const region = requireRegion(ga, regionId, 'Acceleration region');
  const bandwidth = optInt(raw, 'Bandwidth');
  if (bandwidth === undefined) throw invalidParameter(`AccelerateRegion ${regionId} needs a Bandwidth (at least 2 Mbit/s).`);
  failIf(checkIpSetBandwidth(bandwidth));
  const ipVersion = (optString(raw, 'IpVersion') ?? 'IPv4') as IpVersion;
  if (!IP_VERSIONS.includes(ipVersion)) throw invalidParameter(`IpVersion must be IPv4, IPv6 or DUAL_STACK; got "${ipVersion}".`);
  if (ipVersion !== 'IPv4') failIf(ipv6RegionProblem(ga, regionId));
  if (ipVersion === 'DUAL_STACK' && acc.InstanceChargeType !== 'POSTPAY') {
    throw invalidParameter(`DUAL_STACK areas are for pay-as-you-go (POSTPAY) standard instances only; accelerator ${acc.AcceleratorId} is a subscription instance, so choose IPv6 or IPv4.`);
  }
  const requested = optString(raw, 'IspType');
  // Pay-by-data-transfer instances choose the line of each area (ga-api.md §2.14); the others default to BGP.
  if (requested === undefined && acc.BandwidthBillingType === 'CDT') {
    throw missingParameter(`AccelerateRegion ${regionId} IspType`, `for an instance billed by data transfer (CDT): ${region.IspTypeList.join(' or ')} in ${regionId}`);
  }
  const ispType = requested ?? 'BGP';
  if (!region.IspTypeList.includes(ispType)) {
    throw invalidParameter(`IspType ${ispType} is not offered in ${regionId}; it offers ${region.IspTypeList.join(', ')}.`);
  }
  return { regionId, bandwidth, ipVersion, ispType };
}

/** Bandwidth-plan instances share the plan's bandwidth among their areas (GreaterThanGa.IpSetBandwidth). */
function assertBandwidthFits(acc: Accelerator, bandwidths: readonly number[]): void {
  if (acc.BandwidthBillingType !== 'BandwidthPackage') return;
  failIf(checkAreaBandwidthFits(bandwidths, acc.BasicBandwidthPackage?.Bandwidth), 'GreaterThanGa.IpSetBandwidth');
}

export const createIpSets: ActionHandler = (params, ctx, state) => {
  const ga = state.ga;
  const acc = requireAccelerator(ga, reqString(params, 'AcceleratorId'));
  if (acc.IpSetConfig.AccessMode === 'Anycast') {
    throw invalidParameter(`Accelerator ${acc.AcceleratorId} uses Anycast access, which has one Anycast address and no acceleration areas.`);
  }
  const rawAreas = optStructs(params, 'AccelerateRegion');
  if (rawAreas.length === 0) throw invalidParameter('AccelerateRegion needs at least one region.');
  const areas = rawAreas.map((raw) => readArea(ga, acc, raw));
  const seen = new Set<string>();
  for (const a of areas) {
    if (seen.has(a.regionId)) throw new ApiError('Repeat.IpSets', `${a.regionId} appears more than once in AccelerateRegion; list each region once.`);
    seen.add(a.regionId);
  }
  const existing = ipSetsOf(ga, acc.AcceleratorId);
  const taken = existing.find((s) => seen.has(s.AccelerateRegionId));
  if (taken) {
    throw new ApiError('Exist.IpSet', `Accelerator ${acc.AcceleratorId} already accelerates ${taken.AccelerateRegionId} (${taken.IpSetId}); change that area's bandwidth with UpdateIpSet instead.`);
  }
  // The service documents no code for "more areas than the spec allows": the nearest documented one (docs/error-codes.md).
  if (acc.Spec !== undefined) failIf(checkAreaCount(acc.Spec, existing.length + areas.length));
  assertAcceleratorIdle(ga, acc, 'CreateIpSets');
  requireBasicPlanIfNeeded(acc, 'CreateIpSets');
  assertBandwidthFits(acc, [...existing.map((s) => s.Bandwidth), ...areas.map((a) => a.bandwidth)]);

  const created = areas.map((a) => {
    const ipSet: IpSet = {
      IpSetId: newId(ga, 'ipSet'),
      AcceleratorId: acc.AcceleratorId,
      AccelerateRegionId: a.regionId,
      Bandwidth: a.bandwidth,
      IpAddressList: [],
      IpVersion: a.ipVersion,
      IspType: a.ispType,
      State: 'init',
    };
    begin(ipSet, 'createIpSet', 'init', 'active', ctx.clock, { IpAddressList: addressesFor(ga, a.ipVersion, ctx.options.addressBlock) });
    ga.ipSets[ipSet.IpSetId] = ipSet;
    return ipSet;
  });
  return {
    AcceleratorId: acc.AcceleratorId,
    IpSets: created.map((s) => ({ IpSetId: s.IpSetId, AccelerateRegionId: s.AccelerateRegionId, Bandwidth: s.Bandwidth, IspType: s.IspType })),
  };
};

/** Allocated now (so each ip set keeps its own address), published when the area becomes active. */
function addressesFor(ga: GaState, version: IpVersion, ipv6Block: number | undefined): string[] {
  if (version === 'IPv4') return [allocateIpv4(ga)];
  if (version === 'IPv6') return [allocateIpv6(ga, ipv6Block)];
  return [allocateIpv4(ga), allocateIpv6(ga, ipv6Block)];
}

function ipSetView(s: IpSet, withAcceleratorId: boolean): Record<string, unknown> {
  return {
    IpSetId: s.IpSetId,
    ...(withAcceleratorId ? { AcceleratorId: s.AcceleratorId } : {}),
    AccelerateRegionId: s.AccelerateRegionId,
    Bandwidth: s.Bandwidth,
    IpAddressList: [...s.IpAddressList],
    IpVersion: s.IpVersion,
    IspType: s.IspType,
    State: s.State,
    ServiceManaged: false,
  };
}

export const listIpSets: ActionHandler = (params, _ctx, state) => {
  const acc = requireAccelerator(state.ga, reqString(params, 'AcceleratorId'));
  const { items, paging } = page(ipSetsOf(state.ga, acc.AcceleratorId), params);
  return { IpSets: items.map((s) => ipSetView(s, false)), ...paging };
};

export const describeIpSet: ActionHandler = (params, _ctx, state) => ipSetView(requireIpSet(state.ga, reqString(params, 'IpSetId')), true);

export const updateIpSet: ActionHandler = (params, ctx, state) => {
  const ga = state.ga;
  const ipSet = requireIpSet(ga, reqString(params, 'IpSetId'));
  const bandwidth = optInt(params, 'Bandwidth');
  if (bandwidth === undefined) throw invalidParameter('Bandwidth is required: the new bandwidth of the area, at least 2 Mbit/s.');
  failIf(checkIpSetBandwidth(bandwidth));
  assertStable('StateError.IpSet', 'Acceleration area', ipSet.IpSetId, ipSet.State);
  const acc = requireAccelerator(ga, ipSet.AcceleratorId);
  assertAcceleratorIdle(ga, acc, 'UpdateIpSet');
  assertBandwidthFits(acc, ipSetsOf(ga, acc.AcceleratorId).map((s) => (s === ipSet ? bandwidth : s.Bandwidth)));

  ipSet.Bandwidth = bandwidth;
  begin(ipSet, 'updateIpSet', 'updating', 'active', ctx.clock);
  return {};
};

/** Checks every ip set first, then deletes them together: one change for their accelerator. */
function deleteIpSetsNow(ga: GaState, ipSets: readonly IpSet[], action: string, clock: Clock): void {
  for (const s of ipSets) assertStable('StateError.IpSet', 'Acceleration area', s.IpSetId, s.State);
  for (const accId of new Set(ipSets.map((s) => s.AcceleratorId))) assertAcceleratorIdle(ga, requireAccelerator(ga, accId), action);
  for (const s of ipSets) begin(s, 'deleteIpSet', 'deleting', 'gone', clock);
}

export const deleteIpSet: ActionHandler = (params, ctx, state) => {
  const ga = state.ga;
  const ipSet = requireIpSet(ga, reqString(params, 'IpSetId'));
  const acceleratorId = optString(params, 'AcceleratorId');
  if (acceleratorId !== undefined && acceleratorId !== ipSet.AcceleratorId) {
    throw new ApiError('NotExist.IpSet', `Acceleration area ${ipSet.IpSetId} belongs to accelerator ${ipSet.AcceleratorId}, not ${acceleratorId}; check the ids.`);
  }
  deleteIpSetsNow(ga, [ipSet], 'DeleteIpSet', ctx.clock);
  return {};
};

export const deleteIpSets: ActionHandler = (params, ctx, state) => {
  const ga = state.ga;
  const ids = optStrings(params, 'IpSetIds');
  if (ids.length === 0) throw invalidParameter('IpSetIds needs at least one ip set id.');
  const missing = ids.filter((id) => !own(ga.ipSets, id));
  if (missing.length > 0) throw new ApiError('NotExist.IpSets', `Acceleration area(s) ${missing.join(', ')} do not exist (they may already be deleted).`);
  deleteIpSetsNow(ga, [...new Set(ids)].map((id) => requireIpSet(ga, id)), 'DeleteIpSets', ctx.clock);
  return {};
};
