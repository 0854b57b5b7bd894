// Accelerator (GA instance) actions: create (init → active), describe, list, update (configuring → active),
// delete (deleting → gone). ga-api.md §2.1–2.5.
import { ApiError, type ActionHandler } from '../api';
import type { Accelerator, GaState } from '../state';
import { checkAreaCount, checkAutoRenewDuration, checkDescription, checkName, specInfo } from '../../model';
import { begin } from './lifecycle';
import { expiryOf, refusePrepayDelete, requireTerm, type Term } from './billing';
import { requireServiceOpened } from './account';
import { dryRunPassed, failIf, invalidParameter, missingParameter } from './errors';
import { assertAcceleratorIdle, ipSetsOf, listenersOf, requireAccelerator } from './guards';
import { newId, newOrderId } from './ids';
import { hasTags, page } from './lists';
import { optBool, optInt, optString, optStruct, optTags, reqString } from './params';

/** Every GA instance lives in the API's only region; resources land in the account's default resource group. */
export const GA_REGION_ID = 'cn-hangzhou';
export const DEFAULT_RESOURCE_GROUP_ID = 'rg-acfmemulator0001';
const DNS_SUFFIX = 'aliyunga0019.com';

/** The CNAME GA assigns to an accelerator, the target of the customer's CNAME record. */
export function dnsNameOf(acceleratorId: string): string {
  return `${acceleratorId}.${DNS_SUFFIX}`;
}

/** Spec rules of Create/UpdateAccelerator: a known spec that is not allow-list only (IllegalParameter.Spec). */
function checkedSpec(spec: string | undefined): string | undefined {
  if (spec === undefined) return undefined;
  const info = specInfo(spec);
  if (!info) throw new ApiError('IllegalParameter.Spec', `Spec ${spec} is not a GA specification; use 1, 2, 3, 5, 8, 10, 20 or 30.`);
  if (info.whitelistOnly) {
    throw new ApiError('IllegalParameter.Spec', `${info.name} (Spec ${spec}) is sold to allow-listed accounts only; choose a specification up to Large II (30) or ask Alibaba Cloud to allow-list the account.`);
  }
  return spec;
}

function checkedName(name: string | undefined, kind: 'accelerator' | 'acceleratorUpdate'): string | undefined {
  if (name !== undefined) failIf(checkName(kind, name, 'api'));
  return name;
}

export const createAccelerator: ActionHandler = (params, ctx, state) => {
  const ga = state.ga;
  const name = checkedName(optString(params, 'Name'), 'accelerator');
  const chargeType = optString(params, 'InstanceChargeType') ?? 'PREPAY';
  if (chargeType !== 'PREPAY' && chargeType !== 'POSTPAY') throw invalidParameter(`InstanceChargeType must be PREPAY (subscription) or POSTPAY (pay-as-you-go); got "${chargeType}".`);
  const spec = checkedSpec(optString(params, 'Spec'));
  let term: Term | undefined;
  if (chargeType === 'PREPAY') {
    if (spec === undefined) throw missingParameter('Spec', 'for a subscription (PREPAY) instance, e.g. 1 for Small I');
    term = requireTerm(optString(params, 'PricingCycle'), optInt(params, 'Duration'), 'instance');
  }
  const autoRenewDuration = optInt(params, 'AutoRenewDuration');
  if (autoRenewDuration !== undefined) failIf(checkAutoRenewDuration(autoRenewDuration));
  const accessMode = optString(optStruct(params, 'IpSetConfig') ?? {}, 'AccessMode') ?? 'UserDefine';
  const bandwidth = optInt(params, 'Bandwidth');
  if (accessMode === 'Anycast' && bandwidth === undefined) throw missingParameter('Bandwidth', 'for an Anycast instance (200 to 5000 Mbit/s)');
  if (accessMode !== 'Anycast' && bandwidth !== undefined) throw invalidParameter('Bandwidth applies to Anycast instances only; a UserDefine instance gets its bandwidth from a bandwidth plan or per acceleration area.');
  const billingType = optString(params, 'BandwidthBillingType') ?? 'BandwidthPackage';
  const tags = optTags(params);
  // A dry run also checks what the account may buy.
  if (chargeType === 'POSTPAY') requireServiceOpened(ga);
  if (optBool(params, 'DryRun') === true) throw dryRunPassed('CreateAccelerator');

  const now = ctx.clock.now();
  const id = newId(ga, 'accelerator');
  const acc: Accelerator = {
    AcceleratorId: id,
    Name: name ?? '',
    Description: '',
    State: 'init',
    ...(spec !== undefined ? { Spec: spec } : {}),
    InstanceChargeType: chargeType,
    BandwidthBillingType: billingType,
    ...(accessMode === 'Anycast' ? { Bandwidth: bandwidth } : {}),
    IpSetConfig: { AccessMode: accessMode },
    DnsName: dnsNameOf(id),
    CreateTime: now,
    ...(term ? { ExpiredTime: expiryOf(now, term) } : {}),
    CrossBorderStatus: false,
    ResourceGroupId: optString(params, 'ResourceGroupId') ?? DEFAULT_RESOURCE_GROUP_ID,
    RegionId: GA_REGION_ID,
    Tags: tags,
  };
  begin(acc, 'createAccelerator', 'init', 'active', ctx.clock);
  ga.accelerators[id] = acc;
  return { AcceleratorId: id, ...(chargeType === 'PREPAY' ? { OrderId: newOrderId(ga) } : {}) };
};

/** Accelerator times are epoch seconds on the wire (ga-api.md §2.2); the state keeps the clock's milliseconds. */
function seconds(ms: number): number {
  return Math.floor(ms / 1000);
}

/** The API's view of an accelerator (DescribeAccelerator; ListAccelerators omits CrossPrivateState). */
function acceleratorView(a: Accelerator, forList = false): Record<string, unknown> {
  return {
    AcceleratorId: a.AcceleratorId,
    Name: a.Name,
    Description: a.Description,
    State: a.State,
    ...(a.Spec !== undefined ? { Spec: a.Spec } : {}),
    InstanceChargeType: a.InstanceChargeType,
    BandwidthBillingType: a.BandwidthBillingType,
    ...(a.Bandwidth !== undefined ? { Bandwidth: a.Bandwidth } : {}),
    IpSetConfig: { AccessMode: a.IpSetConfig.AccessMode },
    DnsName: a.DnsName,
    CreateTime: seconds(a.CreateTime),
    ...(a.ExpiredTime !== undefined ? { ExpiredTime: seconds(a.ExpiredTime) } : {}),
    ...(a.BasicBandwidthPackage ? { BasicBandwidthPackage: { ...a.BasicBandwidthPackage } } : {}),
    CrossBorderStatus: a.CrossBorderStatus,
    ...(forList ? {} : { CrossPrivateState: 'false' }),
    ResourceGroupId: a.ResourceGroupId,
    RegionId: a.RegionId,
    Tags: a.Tags.map((t) => ({ ...t })),
    ServiceManaged: false,
  };
}

export const describeAccelerator: ActionHandler = (params, _ctx, state) =>
  acceleratorView(requireAccelerator(state.ga, reqString(params, 'AcceleratorId')));

export const listAccelerators: ActionHandler = (params, _ctx, state) => {
  const id = optString(params, 'AcceleratorId');
  const wantedState = optString(params, 'State');
  const group = optString(params, 'ResourceGroupId');
  const tags = optTags(params);
  const all = Object.values(state.ga.accelerators).filter(
    (a) => (!id || a.AcceleratorId === id) && (!wantedState || a.State === wantedState) && (!group || a.ResourceGroupId === group) && hasTags(a.Tags, tags),
  );
  const { items, paging } = page(all, params);
  return { Accelerators: items.map((a) => acceleratorView(a, true)), ...paging };
};

export const updateAccelerator: ActionHandler = (params, ctx, state) => {
  const ga = state.ga;
  const acc = requireAccelerator(ga, reqString(params, 'AcceleratorId'));
  const name = checkedName(optString(params, 'Name'), 'acceleratorUpdate');
  const description = optString(params, 'Description');
  if (description !== undefined) failIf(checkDescription(description));
  const spec = checkedSpec(optString(params, 'Spec'));
  if (spec !== undefined) failIf(checkAreaCount(spec, ipSetsOf(ga, acc.AcceleratorId).length), 'IllegalParameter.Spec');
  const bandwidth = optInt(params, 'Bandwidth');
  if (bandwidth !== undefined && acc.IpSetConfig.AccessMode !== 'Anycast') throw invalidParameter(`Bandwidth applies to Anycast instances only; accelerator ${acc.AcceleratorId} uses ${acc.IpSetConfig.AccessMode} access.`);
  assertAcceleratorIdle(ga, acc, 'UpdateAccelerator');

  if (name !== undefined) acc.Name = name;
  if (description !== undefined) acc.Description = description;
  if (spec !== undefined) acc.Spec = spec;
  if (bandwidth !== undefined) acc.Bandwidth = bandwidth;
  begin(acc, 'updateAccelerator', 'configuring', 'active', ctx.clock);
  return {};
};

export const deleteAccelerator: ActionHandler = (params, ctx, state) => {
  const ga = state.ga;
  const acc = requireAccelerator(ga, reqString(params, 'AcceleratorId'));
  if (acc.InstanceChargeType === 'PREPAY') refusePrepayDelete('Accelerator', acc.AcceleratorId, acc.ExpiredTime);
  // Busy first: children being deleted right now are gone in a moment, and StateError is what clients retry.
  assertAcceleratorIdle(ga, acc, 'DeleteAccelerator');
  assertNoChildren(ga, acc);
  begin(acc, 'deleteAccelerator', 'deleting', 'gone', ctx.clock);
  return { AcceleratorId: acc.AcceleratorId };
};

/** Teardown order (ga-api.md §4.3): listeners, then acceleration areas, then the bandwidth plan. */
function assertNoChildren(ga: GaState, acc: Accelerator): void {
  const id = acc.AcceleratorId;
  const listeners = listenersOf(ga, id);
  if (listeners.length > 0) {
    throw new ApiError('Exist.Listener', `Accelerator ${id} still has ${listeners.length} listener(s) (${listeners.map((l) => l.ListenerId).join(', ')}); delete their endpoint groups and the listeners first.`);
  }
  const ipSets = ipSetsOf(ga, id);
  if (ipSets.length > 0) {
    throw new ApiError('Exist.IpSet', `Accelerator ${id} still has ${ipSets.length} acceleration area(s) (${ipSets.map((s) => `${s.AccelerateRegionId} ${s.IpSetId}`).join(', ')}); delete them (DeleteIpSets) first.`);
  }
  if (acc.BasicBandwidthPackage) {
    throw new ApiError('BindExist.Accelerator', `Accelerator ${id} still has bandwidth plan ${acc.BasicBandwidthPackage.InstanceId} bound; remove it (BandwidthPackageRemoveAccelerator) first.`);
  }
}
