// Basic bandwidth plans: create (init → active), describe, list, bind to an accelerator (both binding, then the
// plan binded and the accelerator active with BasicBandwidthPackage), unbind (symmetrical), delete.
// ga-api.md §2.6–2.11.
import { ApiError, type ActionHandler, type Clock } from '../api';
import type { Accelerator, BandwidthPackage } from '../state';
import { checkAutoRenewDuration, checkPlanBandwidth, describeState } from '../../model';
import { begin } from './lifecycle';
import { expiryOf, refusePrepayDelete, requireTerm, type Term } from './billing';
import { requireFeature } from './account';
import { failIf, invalidParameter, missingParameter } from './errors';
import { assertAcceleratorIdle, endpointGroupsOf, ipSetsOf, requireAccelerator, requireBandwidthPackage } from './guards';
import { newId, newOrderId } from './ids';
import { hasTags, page } from './lists';
import { optInt, optString, optTags, reqString } from './params';
import { DEFAULT_RESOURCE_GROUP_ID, GA_REGION_ID } from './accelerators';

export const createBandwidthPackage: ActionHandler = (params, ctx, state) => {
  const ga = state.ga;
  const type = reqString(params, 'Type');
  if (type !== 'Basic') throw invalidParameter(`Type ${type} plans are sold on the international site only; on the China site (which the emulator models) Type must be Basic.`);
  const bandwidth = optInt(params, 'Bandwidth');
  if (bandwidth === undefined) throw missingParameter('Bandwidth', 'for a bandwidth plan (2 to 2000 Mbit/s)');
  failIf(checkPlanBandwidth(bandwidth), 'BandwidthIllegal.BandwidthPackage');
  const bandwidthType = optString(params, 'BandwidthType');
  if (bandwidthType === undefined) throw missingParameter('BandwidthType', 'for a Basic plan: Basic, Enhanced (backends outside Alibaba Cloud) or Advanced');
  const chargeType = optString(params, 'ChargeType') ?? 'PREPAY';
  if (chargeType !== 'PREPAY' && chargeType !== 'POSTPAY') throw invalidParameter(`ChargeType must be PREPAY (subscription) or POSTPAY (pay-as-you-go); got "${chargeType}".`);
  const billingType = optString(params, 'BillingType');
  if (billingType !== undefined && chargeType !== 'POSTPAY') throw invalidParameter('BillingType applies to pay-as-you-go (POSTPAY) plans only; leave it out for a subscription plan.');
  if (chargeType === 'POSTPAY') {
    requireFeature(ga, 'postpay-bandwidth-plans', 'A pay-as-you-go (POSTPAY) bandwidth plan', 'Buy a subscription (PREPAY) plan, or a pay-as-you-go instance billed by data transfer (BandwidthBillingType CDT), which needs no plan.');
  }
  if (billingType === 'PayBY95') requireFeature(ga, 'pay-by-95', 'Billing a plan by the 95th percentile (BillingType PayBY95)', 'Leave BillingType out to bill by data transfer (PayByTraffic).');
  const ratio = optInt(params, 'Ratio');
  if (ratio !== undefined && billingType !== 'PayBY95') throw invalidParameter('Ratio applies only with BillingType PayBY95.');
  let term: Term | undefined;
  if (chargeType === 'PREPAY') term = requireTerm(optString(params, 'PricingCycle'), optInt(params, 'Duration'), 'bandwidth plan');
  const autoRenewDuration = optInt(params, 'AutoRenewDuration');
  if (autoRenewDuration !== undefined) failIf(checkAutoRenewDuration(autoRenewDuration));
  const tags = optTags(params);

  const now = ctx.clock.now();
  const id = newId(ga, 'bandwidthPackage');
  const plan: BandwidthPackage = {
    BandwidthPackageId: id,
    Name: '',
    Description: '',
    State: 'init',
    Type: type,
    BandwidthType: bandwidthType,
    Bandwidth: bandwidth,
    ChargeType: chargeType,
    ...(chargeType === 'POSTPAY' ? { BillingType: billingType ?? 'PayByTraffic' } : {}),
    ...(ratio !== undefined ? { Ratio: ratio } : {}),
    CreateTime: String(now),
    ...(term ? { ExpiredTime: String(expiryOf(now, term)) } : {}),
    Accelerators: [],
    ResourceGroupId: optString(params, 'ResourceGroupId') ?? DEFAULT_RESOURCE_GROUP_ID,
    RegionId: GA_REGION_ID,
    Tags: tags,
  };
  begin(plan, 'createBandwidthPackage', 'init', 'active', ctx.clock);
  ga.bandwidthPackages[id] = plan;
  return { BandwidthPackageId: id, ...(chargeType === 'PREPAY' ? { OrderId: newOrderId(ga) } : {}) };
};

/** The API's view of a plan (DescribeBandwidthPackage and each ListBandwidthPackages item). */
function bandwidthPackageView(p: BandwidthPackage): Record<string, unknown> {
  return {
    BandwidthPackageId: p.BandwidthPackageId,
    Name: p.Name,
    Description: p.Description,
    State: p.State,
    Type: p.Type,
    ...(p.BandwidthType !== undefined ? { BandwidthType: p.BandwidthType } : {}),
    Bandwidth: p.Bandwidth,
    ChargeType: p.ChargeType,
    ...(p.BillingType !== undefined ? { BillingType: p.BillingType } : {}),
    ...(p.Ratio !== undefined ? { Ratio: p.Ratio } : {}),
    CreateTime: p.CreateTime,
    ...(p.ExpiredTime !== undefined ? { ExpiredTime: p.ExpiredTime } : {}),
    Accelerators: [...p.Accelerators],
    ResourceGroupId: p.ResourceGroupId,
    RegionId: p.RegionId,
    Tags: p.Tags.map((t) => ({ ...t })),
  };
}

export const describeBandwidthPackage: ActionHandler = (params, _ctx, state) =>
  bandwidthPackageView(requireBandwidthPackage(state.ga, reqString(params, 'BandwidthPackageId')));

export const listBandwidthPackages: ActionHandler = (params, _ctx, state) => {
  const id = optString(params, 'BandwidthPackageId');
  const wantedState = optString(params, 'State');
  const type = optString(params, 'Type');
  const group = optString(params, 'ResourceGroupId');
  const tags = optTags(params);
  const all = Object.values(state.ga.bandwidthPackages).filter(
    (p) => (!id || p.BandwidthPackageId === id) && (!wantedState || p.State === wantedState) && (!type || p.Type === type) && (!group || p.ResourceGroupId === group) && hasTags(p.Tags, tags),
  );
  const { items, paging } = page(all, params);
  return { BandwidthPackages: items.map(bandwidthPackageView), ...paging };
};

function planBusy(p: BandwidthPackage, wanted: string, action: string): ApiError {
  return new ApiError('StateError.BandwidthPackage', `Bandwidth plan ${p.BandwidthPackageId} is ${describeState(p.State)}, so ${action} cannot run (it needs the plan ${wanted}); wait and retry.`);
}

export const bandwidthPackageAddAccelerator: ActionHandler = (params, ctx, state) => {
  const ga = state.ga;
  const acc = requireAccelerator(ga, reqString(params, 'AcceleratorId'));
  const plan = requireBandwidthPackage(ga, reqString(params, 'BandwidthPackageId'));
  if (acc.BandwidthBillingType !== 'BandwidthPackage') {
    throw invalidParameter(`Accelerator ${acc.AcceleratorId} is billed by data transfer (${acc.BandwidthBillingType}) and takes no basic bandwidth plan.`);
  }
  if (acc.BasicBandwidthPackage) {
    throw new ApiError('BindExist.Accelerator', `Accelerator ${acc.AcceleratorId} already has bandwidth plan ${acc.BasicBandwidthPackage.InstanceId} bound; an instance takes one basic plan.`);
  }
  if (plan.Accelerators.length > 0) {
    throw new ApiError('BindExist.BandwidthPackage', `Bandwidth plan ${plan.BandwidthPackageId} is already bound to accelerator ${plan.Accelerators.join(', ')}; use another plan or remove it there first.`);
  }
  if (plan.State !== 'active') throw planBusy(plan, 'active and unbound', 'BandwidthPackageAddAccelerator');
  assertAcceleratorIdle(ga, acc, 'BandwidthPackageAddAccelerator');

  bind(plan, acc, ctx.clock);
  return { Accelerators: [acc.AcceleratorId], BandwidthPackageId: plan.BandwidthPackageId };
};

function bind(plan: BandwidthPackage, acc: Accelerator, clock: Clock): void {
  plan.pendingAccelerator = acc.AcceleratorId;
  begin(plan, 'bindBandwidthPackage', 'binding', 'binded', clock, { Accelerators: [acc.AcceleratorId], pendingAccelerator: null });
  const basic = { InstanceId: plan.BandwidthPackageId, Bandwidth: plan.Bandwidth, BandwidthType: plan.BandwidthType ?? 'Basic' };
  begin(acc, 'bindBandwidthPackage', 'binding', 'active', clock, { BasicBandwidthPackage: basic });
}

export const bandwidthPackageRemoveAccelerator: ActionHandler = (params, ctx, state) => {
  const ga = state.ga;
  const acc = requireAccelerator(ga, reqString(params, 'AcceleratorId'));
  const plan = requireBandwidthPackage(ga, reqString(params, 'BandwidthPackageId'));
  if (!plan.Accelerators.includes(acc.AcceleratorId)) {
    if (plan.pendingAccelerator === acc.AcceleratorId) throw planBusy(plan, 'bound', 'BandwidthPackageRemoveAccelerator');
    // Clients treat this answer as "already removed" (ga-api.md §5.4).
    throw new ApiError('NotExist.BandwidthPackage', `Bandwidth plan ${plan.BandwidthPackageId} is not bound to accelerator ${acc.AcceleratorId}; there is nothing to remove.`);
  }
  if (plan.State !== 'binded') throw planBusy(plan, 'bound', 'BandwidthPackageRemoveAccelerator');
  assertAcceleratorIdle(ga, acc, 'BandwidthPackageRemoveAccelerator');
  const ipSets = ipSetsOf(ga, acc.AcceleratorId);
  if (ipSets.length > 0) {
    throw new ApiError('BandwidthPackageCannotUnbind.IpSet', `Accelerator ${acc.AcceleratorId} still has acceleration areas (${ipSets.map((s) => s.AccelerateRegionId).join(', ')}) using the plan; delete them first.`);
  }
  const groups = endpointGroupsOf(ga, acc.AcceleratorId);
  if (groups.length > 0) {
    throw new ApiError('BandwidthPackageCannotUnbind.EndpointGroup', `Accelerator ${acc.AcceleratorId} still has endpoint groups (${groups.map((g) => g.EndpointGroupId).join(', ')}); delete them first.`);
  }

  plan.pendingAccelerator = acc.AcceleratorId;
  begin(plan, 'unbindBandwidthPackage', 'unbinding', 'active', ctx.clock, { Accelerators: [], pendingAccelerator: null });
  begin(acc, 'unbindBandwidthPackage', 'unbinding', 'active', ctx.clock, { BasicBandwidthPackage: null });
  return { Accelerators: [], BandwidthPackageId: plan.BandwidthPackageId };
};

export const deleteBandwidthPackage: ActionHandler = (params, ctx, state) => {
  const plan = requireBandwidthPackage(state.ga, reqString(params, 'BandwidthPackageId'));
  if (plan.ChargeType === 'PREPAY') refusePrepayDelete('Bandwidth plan', plan.BandwidthPackageId, plan.ExpiredTime ? Number(plan.ExpiredTime) : undefined);
  const boundTo = plan.Accelerators[0] ?? plan.pendingAccelerator;
  if (boundTo) {
    throw new ApiError('BindExist.BandwidthPackage', `Bandwidth plan ${plan.BandwidthPackageId} is bound to accelerator ${boundTo}; remove it (BandwidthPackageRemoveAccelerator) and wait until it is unbound first.`);
  }
  if (plan.State !== 'active') throw planBusy(plan, 'active', 'DeleteBandwidthPackage');
  begin(plan, 'deleteBandwidthPackage', 'deleting', 'gone', ctx.clock);
  return { BandwidthPackageId: plan.BandwidthPackageId };
};
