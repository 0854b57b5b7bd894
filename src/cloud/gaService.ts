// The GA facade that workflows and UI use. Reads fetch every page. Every mutation goes: client-side validation
// (src/model rules) → per-accelerator queue → ClientToken → retry → wait for the target state → log.
import type * as M from './ga/models';
import type * as T from './types';
import type { CloudConnection } from './connection';
import { GaCalls } from './gaCalls';
import * as V from './gaValidation';
import type { ServiceOptions } from './serviceOptions';
import { isBusyFor } from './busyCodes';
import type { CloudError } from './errors';
import { GONE_CODES } from './waiters';
import { checkIpSetBandwidth, type LiveRegionFlags } from '../model';

/** What BandwidthPackageAddAccelerator answers when the plan or the instance is bound already (ga-api.md). */
const BIND_EXISTS_CODES: readonly string[] = ['BindExist.Accelerator', 'BindExist.BandwidthPackage'];

export class GaService {
  private readonly calls: GaCalls;
  private readonly validation: V.ValidationSettings;

  constructor(
    readonly connection: CloudConnection,
    readonly options: ServiceOptions = {},
  ) {
    this.calls = new GaCalls(connection, options);
    this.validation = { nameStrictness: options.nameStrictness ?? 'api', allowNonPublicEndpoints: options.allowNonPublicEndpoints ?? false };
  }

  // ---- reads ---------------------------------------------------------------------------------------------------

  listAccelerators(filter: { state?: string; tag?: T.Tag[] } = {}, o: T.CallOptions = {}): Promise<T.AcceleratorSummary[]> {
    return this.calls.listAll('ListAccelerators', { state: filter.state, tag: filter.tag }, (c, r, rt) => c.listAcceleratorsWithOptions(r, rt), (b) => b.accelerators, o);
  }

  describeAccelerator(acceleratorId: string, o: T.CallOptions = {}): Promise<T.Accelerator> {
    return this.calls.invoke('DescribeAccelerator', { acceleratorId }, (c, r, rt) => c.describeAcceleratorWithOptions(r, rt), o);
  }

  listBandwidthPackages(filter: { type?: string; state?: string; tag?: T.Tag[] } = {}, o: T.CallOptions = {}): Promise<T.BandwidthPackageSummary[]> {
    return this.calls.listAll('ListBandwidthPackages', { ...filter }, (c, r, rt) => c.listBandwidthPackagesWithOptions(r, rt), (b) => b.bandwidthPackages, o);
  }

  describeBandwidthPackage(bandwidthPackageId: string, o: T.CallOptions = {}): Promise<T.BandwidthPackage> {
    return this.calls.invoke('DescribeBandwidthPackage', { bandwidthPackageId }, (c, r, rt) => c.describeBandwidthPackageWithOptions(r, rt), o);
  }

  listIpSets(acceleratorId: string, o: T.CallOptions = {}): Promise<T.IpSetSummary[]> {
    return this.calls.listAll('ListIpSets', { acceleratorId }, (c, r, rt) => c.listIpSetsWithOptions(r, rt), (b) => b.ipSets, o);
  }

  describeIpSet(ipSetId: string, o: T.CallOptions = {}): Promise<T.IpSet> {
    return this.calls.invoke('DescribeIpSet', { ipSetId }, (c, r, rt) => c.describeIpSetWithOptions(r, rt), o);
  }

  listListeners(acceleratorId: string, o: T.CallOptions = {}): Promise<T.ListenerSummary[]> {
    return this.calls.listAll('ListListeners', { acceleratorId }, (c, r, rt) => c.listListenersWithOptions(r, rt), (b) => b.listeners, o);
  }

  describeListener(listenerId: string, o: T.CallOptions = {}): Promise<T.Listener> {
    return this.calls.invoke('DescribeListener', { listenerId }, (c, r, rt) => c.describeListenerWithOptions(r, rt), o);
  }

  listEndpointGroups(acceleratorId: string, listenerId?: string, o: T.CallOptions = {}): Promise<T.EndpointGroupSummary[]> {
    return this.calls.listAll('ListEndpointGroups', { acceleratorId, listenerId }, (c, r, rt) => c.listEndpointGroupsWithOptions(r, rt), (b) => b.endpointGroups, o);
  }

  describeEndpointGroup(endpointGroupId: string, o: T.CallOptions = {}): Promise<T.EndpointGroup> {
    return this.calls.invoke('DescribeEndpointGroup', { endpointGroupId }, (c, r, rt) => c.describeEndpointGroupWithOptions(r, rt), o);
  }

  getHealthStatus(acceleratorId: string, listenerId: string, o: T.CallOptions = {}): Promise<T.HealthStatus> {
    return this.calls.invoke('GetHealthStatus', { acceleratorId, listenerId }, (c, r, rt) => c.getHealthStatusWithOptions(r, rt), o);
  }

  async listAvailableAccelerateAreas(acceleratorId?: string, o: T.CallOptions = {}): Promise<T.AccelerateArea[]> {
    const body = await this.calls.invoke('ListAvailableAccelerateAreas', { acceleratorId }, (c, r, rt) => c.listAvailableAccelerateAreasWithOptions(r, rt), o);
    return body.areas ?? [];
  }

  async listAvailableBusiRegions(acceleratorId?: string, o: T.CallOptions = {}): Promise<T.BusiRegion[]> {
    const body = await this.calls.invoke('ListAvailableBusiRegions', { acceleratorId }, (c, r, rt) => c.listAvailableBusiRegionsWithOptions(r, rt), o);
    return body.regions ?? [];
  }

  /** Whether pay-as-you-go GA is activated for the account (ga-api.md §2.32); pay-as-you-go instances need Normal. */
  describeAcceleratorServiceStatus(o: T.CallOptions = {}): Promise<T.ServiceStatus> {
    return this.calls.invoke('DescribeAcceleratorServiceStatus', {}, (c, r, rt) => c.describeAcceleratorServiceStatusWithOptions(r, rt), o);
  }

  // ---- service activation --------------------------------------------------------------------------------------

  /**
   * Activates pay-as-you-go GA. It places an order, so it is a mutation with a ClientToken (a retry never orders
   * twice); it takes effect at once (nothing to wait for). Callers ask the person first (workflows/service.ts).
   */
  async openAcceleratorService(o: T.MutationOptions = {}): Promise<{ orderId?: number; requestId?: string }> {
    const sent = await this.calls.mutate<M.OpenAcceleratorServiceRequest, M.OpenAcceleratorServiceResponseBody, never>(
      { action: 'OpenAcceleratorService', request: {}, send: (c, r, rt) => c.openAcceleratorServiceWithOptions(r, rt) },
      o,
    );
    return { orderId: sent.body.orderId, requestId: sent.body.requestId };
  }

  // ---- accelerators --------------------------------------------------------------------------------------------

  async createAccelerator(input: T.CreateAcceleratorInput, o: T.MutationOptions = {}): Promise<T.MutationResult<T.Accelerator>> {
    this.calls.check('CreateAccelerator', V.checkCreateAccelerator(input, this.validation));
    const sent = await this.calls.mutate<M.CreateAcceleratorRequest, M.CreateAcceleratorResponseBody, T.Accelerator>(
      { action: 'CreateAccelerator', request: input, send: (c, r, rt) => c.createAcceleratorWithOptions(r, rt), waitIds: (b) => [b.acceleratorId ?? ''] },
      o,
    );
    return { id: sent.body.acceleratorId ?? '', orderId: sent.body.orderId, requestId: sent.body.requestId, resource: sent.resources[0] };
  }

  async updateAccelerator(input: T.UpdateAcceleratorInput, o: T.MutationOptions = {}): Promise<T.MutationResult<T.Accelerator>> {
    this.calls.check('UpdateAccelerator', V.checkUpdateAccelerator(input, this.validation));
    const id = input.acceleratorId;
    const sent = await this.calls.mutate<M.UpdateAcceleratorRequest, M.UpdateAcceleratorResponseBody, T.Accelerator>(
      { action: 'UpdateAccelerator', queueKey: id, request: input, send: (c, r, rt) => c.updateAcceleratorWithOptions(r, rt), waitIds: () => [id] },
      o,
    );
    return { id, requestId: sent.body.requestId, resource: sent.resources[0] };
  }

  async deleteAccelerator(acceleratorId: string, o: T.MutationOptions = {}): Promise<T.DeleteResult> {
    const sent = await this.calls.mutate<M.DeleteAcceleratorRequest, M.DeleteAcceleratorResponseBody, unknown>(
      {
        action: 'DeleteAccelerator',
        queueKey: acceleratorId,
        request: { acceleratorId },
        send: (c, r, rt) => c.deleteAcceleratorWithOptions(r, rt),
        waitIds: () => [acceleratorId],
        notFoundIsDone: true,
        alreadyApplied: (e, signal) => this.deletionUnderWay(e, 'DescribeAccelerator', [acceleratorId], signal),
      },
      o,
    );
    return { id: acceleratorId, requestId: sent.body.requestId, alreadyGone: sent.alreadyGone };
  }

  // ---- bandwidth plans -----------------------------------------------------------------------------------------

  async createBandwidthPackage(input: T.CreateBandwidthPackageInput, o: T.MutationOptions = {}): Promise<T.MutationResult<T.BandwidthPackage>> {
    this.calls.check('CreateBandwidthPackage', V.checkCreateBandwidthPackage(input));
    const sent = await this.calls.mutate<M.CreateBandwidthPackageRequest, M.CreateBandwidthPackageResponseBody, T.BandwidthPackage>(
      {
        action: 'CreateBandwidthPackage',
        request: input,
        send: (c, r, rt) => c.createBandwidthPackageWithOptions(r, rt),
        waitIds: (b) => [b.bandwidthPackageId ?? ''],
      },
      o,
    );
    return { id: sent.body.bandwidthPackageId ?? '', orderId: sent.body.orderId, requestId: sent.body.requestId, resource: sent.resources[0] };
  }

  async deleteBandwidthPackage(bandwidthPackageId: string, o: T.MutationOptions = {}): Promise<T.DeleteResult> {
    const sent = await this.calls.mutate<M.DeleteBandwidthPackageRequest, M.DeleteBandwidthPackageResponseBody, unknown>(
      {
        action: 'DeleteBandwidthPackage',
        queueKey: `bandwidthPackage:${bandwidthPackageId}`,
        request: { bandwidthPackageId },
        send: (c, r, rt) => c.deleteBandwidthPackageWithOptions(r, rt),
        waitIds: () => [bandwidthPackageId],
        notFoundIsDone: true,
      },
      o,
    );
    return { id: bandwidthPackageId, requestId: sent.body.requestId, alreadyGone: sent.alreadyGone };
  }

  async bandwidthPackageAddAccelerator(bandwidthPackageId: string, acceleratorId: string, o: T.MutationOptions = {}): Promise<T.MutationResult<T.BandwidthPackage>> {
    const sent = await this.calls.mutate<M.BandwidthPackageAddAcceleratorRequest, M.BandwidthPackageAddAcceleratorResponseBody, T.BandwidthPackage>(
      {
        action: 'BandwidthPackageAddAccelerator',
        queueKey: acceleratorId,
        request: { bandwidthPackageId, acceleratorId },
        send: (c, r, rt) => c.bandwidthPackageAddAcceleratorWithOptions(r, rt),
        waitIds: () => [bandwidthPackageId],
        acceleratorId,
        // No ClientToken on this action: a retry after a lost answer is told the plan (or the instance) is bound
        // already. Bound to each other is what was asked for; bound to anything else is a real conflict.
        // A retry that keeps landing while the lost bind is still running is refused as busy until the retries
        // run out: the plan and the instance both binding is that bind under way (the wait below settles it).
        alreadyApplied: async (e, signal) => {
          const busy = isBusyFor('BandwidthPackageAddAccelerator', e.code);
          if (!BIND_EXISTS_CODES.includes(e.code) && !busy) return false;
          const plan = await this.calls.describeOrGone<T.BandwidthPackage>('DescribeBandwidthPackage', bandwidthPackageId, { signal });
          if (plan?.accelerators?.includes(acceleratorId)) return true;
          if (!busy || plan?.state !== 'binding') return false;
          // Plan and instance finish binding together, so the instance may be done by the time it is read.
          const accelerator = await this.calls.describeOrGone<T.Accelerator>('DescribeAccelerator', acceleratorId, { signal });
          return accelerator?.state === 'binding' || accelerator?.basicBandwidthPackage?.instanceId === bandwidthPackageId;
        },
      },
      o,
    );
    return { id: bandwidthPackageId, requestId: sent.body.requestId, resource: sent.resources[0], alreadyApplied: sent.alreadyApplied };
  }

  async bandwidthPackageRemoveAccelerator(bandwidthPackageId: string, acceleratorId: string, o: T.MutationOptions = {}): Promise<T.MutationResult<T.BandwidthPackage>> {
    const sent = await this.calls.mutate<M.BandwidthPackageRemoveAcceleratorRequest, M.BandwidthPackageRemoveAcceleratorResponseBody, T.BandwidthPackage>(
      {
        action: 'BandwidthPackageRemoveAccelerator',
        queueKey: acceleratorId,
        request: { bandwidthPackageId, acceleratorId },
        send: (c, r, rt) => c.bandwidthPackageRemoveAcceleratorWithOptions(r, rt),
        waitIds: () => [bandwidthPackageId],
        acceleratorId,
        // Terraform treats NotExist.BandwidthPackage here as "already detached".
        notFoundIsDone: true,
        // No ClientToken: a retry after a lost answer finds the plan unbinding (refused as busy) or unbound.
        alreadyApplied: async (e, signal) => {
          if (!isBusyFor('BandwidthPackageRemoveAccelerator', e.code)) return false;
          const plan = await this.calls.describeOrGone<T.BandwidthPackage>('DescribeBandwidthPackage', bandwidthPackageId, { signal });
          return !plan || plan.state === 'unbinding' || !(plan.accelerators ?? []).includes(acceleratorId);
        },
      },
      o,
    );
    return { id: bandwidthPackageId, requestId: sent.body.requestId, resource: sent.resources[0] };
  }

  // ---- acceleration areas (ip sets) ----------------------------------------------------------------------------

  async createIpSets(input: T.CreateIpSetsInput, o: T.MutationOptions = {}): Promise<T.MutationResult<T.IpSet>[]> {
    const live = V.wantsIpv6(input) ? await this.liveRegionFlags(input.acceleratorId, o) : undefined;
    this.calls.check('CreateIpSets', V.checkCreateIpSets(input, live));
    const sent = await this.calls.mutate<M.CreateIpSetsRequest, M.CreateIpSetsResponseBody, T.IpSet>(
      {
        action: 'CreateIpSets',
        queueKey: input.acceleratorId,
        request: input,
        send: (c, r, rt) => c.createIpSetsWithOptions(r, rt),
        waitIds: (b) => (b.ipSets ?? []).map((s) => s.ipSetId ?? ''),
      },
      o,
    );
    return (sent.body.ipSets ?? []).map((s, i) => ({ id: s.ipSetId ?? '', requestId: sent.body.requestId, resource: sent.resources[i] }));
  }

  async updateIpSet(input: T.UpdateIpSetInput, o: T.MutationOptions = {}): Promise<T.MutationResult<T.IpSet>> {
    this.calls.check('UpdateIpSet', checkIpSetBandwidth(input.bandwidth));
    const current = await this.describeIpSet(input.ipSetId, o);
    const sent = await this.calls.mutate<M.UpdateIpSetRequest, M.UpdateIpSetResponseBody, T.IpSet>(
      { action: 'UpdateIpSet', queueKey: current.acceleratorId, request: input, send: (c, r, rt) => c.updateIpSetWithOptions(r, rt), waitIds: () => [input.ipSetId] },
      o,
    );
    return { id: input.ipSetId, requestId: sent.body.requestId, resource: sent.resources[0] };
  }

  async deleteIpSet(ipSetId: string, o: T.MutationOptions = {}): Promise<T.DeleteResult> {
    const current = await this.calls.describeOrGone('DescribeIpSet', ipSetId, o);
    if (!current) return { id: ipSetId, alreadyGone: true };
    const sent = await this.calls.mutate<M.DeleteIpSetRequest, M.DeleteIpSetResponseBody, unknown>(
      {
        action: 'DeleteIpSet',
        queueKey: current.acceleratorId,
        request: { ipSetId, acceleratorId: current.acceleratorId },
        send: (c, r, rt) => c.deleteIpSetWithOptions(r, rt),
        waitIds: () => [ipSetId],
        notFoundIsDone: true,
      },
      o,
    );
    return { id: ipSetId, requestId: sent.body.requestId, alreadyGone: sent.alreadyGone };
  }

  async deleteIpSets(acceleratorId: string, ipSetIds: string[], o: T.MutationOptions = {}): Promise<T.DeleteResult[]> {
    const present: string[] = [];
    for (const id of ipSetIds) if (await this.calls.describeOrGone('DescribeIpSet', id, o)) present.push(id);
    if (present.length === 0) return ipSetIds.map((id) => ({ id, alreadyGone: true }));
    const sent = await this.calls.mutate<M.DeleteIpSetsRequest, M.DeleteIpSetsResponseBody, unknown>(
      {
        action: 'DeleteIpSets',
        queueKey: acceleratorId,
        request: { ipSetIds: present },
        send: (c, r, rt) => c.deleteIpSetsWithOptions(r, rt),
        waitIds: () => present,
        notFoundIsDone: true,
        alreadyApplied: (e, signal) => this.deletionUnderWay(e, 'DescribeIpSet', present, signal),
      },
      o,
    );
    return ipSetIds.map((id) => ({ id, requestId: sent.body.requestId, alreadyGone: sent.alreadyGone || !present.includes(id) }));
  }

  // ---- listeners -----------------------------------------------------------------------------------------------

  async createListener(input: T.CreateListenerInput, o: T.MutationOptions = {}): Promise<T.MutationResult<T.Listener>> {
    const others = await this.listListeners(input.acceleratorId, o);
    this.calls.check('CreateListener', V.checkListener(input, this.validation, others));
    const sent = await this.calls.mutate<M.CreateListenerRequest, M.CreateListenerResponseBody, T.Listener>(
      {
        action: 'CreateListener',
        queueKey: input.acceleratorId,
        request: input,
        send: (c, r, rt) => c.createListenerWithOptions(r, rt),
        waitIds: (b) => [b.listenerId ?? ''],
      },
      o,
    );
    return { id: sent.body.listenerId ?? '', requestId: sent.body.requestId, resource: sent.resources[0] };
  }

  async updateListener(input: T.UpdateListenerInput, o: T.MutationOptions = {}): Promise<T.MutationResult<T.Listener>> {
    const current = await this.describeListener(input.listenerId, o);
    const acceleratorId = current.acceleratorId ?? '';
    const others = (await this.listListeners(acceleratorId, o)).filter((l) => l.listenerId !== input.listenerId);
    this.calls.check('UpdateListener', V.checkListener(input, this.validation, others, current.protocol));
    const sent = await this.calls.mutate<M.UpdateListenerRequest, M.UpdateListenerResponseBody, T.Listener>(
      { action: 'UpdateListener', queueKey: acceleratorId, request: input, send: (c, r, rt) => c.updateListenerWithOptions(r, rt), waitIds: () => [input.listenerId] },
      o,
    );
    return { id: input.listenerId, requestId: sent.body.requestId, resource: sent.resources[0] };
  }

  async deleteListener(listenerId: string, o: T.MutationOptions = {}): Promise<T.DeleteResult> {
    const current = await this.calls.describeOrGone('DescribeListener', listenerId, o);
    if (!current) return { id: listenerId, alreadyGone: true };
    const sent = await this.calls.mutate<M.DeleteListenerRequest, M.DeleteListenerResponseBody, unknown>(
      {
        action: 'DeleteListener',
        queueKey: current.acceleratorId,
        request: { listenerId, acceleratorId: current.acceleratorId },
        send: (c, r, rt) => c.deleteListenerWithOptions(r, rt),
        waitIds: () => [listenerId],
        notFoundIsDone: true,
      },
      o,
    );
    return { id: listenerId, requestId: sent.body.requestId, alreadyGone: sent.alreadyGone };
  }

  // ---- endpoint groups -----------------------------------------------------------------------------------------

  async createEndpointGroup(input: T.CreateEndpointGroupInput, o: T.MutationOptions = {}): Promise<T.MutationResult<T.EndpointGroup>> {
    this.calls.check('CreateEndpointGroup', V.checkEndpointGroup(input, this.validation));
    const sent = await this.calls.mutate<M.CreateEndpointGroupRequest, M.CreateEndpointGroupResponseBody, T.EndpointGroup>(
      {
        action: 'CreateEndpointGroup',
        queueKey: input.acceleratorId,
        request: input,
        send: (c, r, rt) => c.createEndpointGroupWithOptions(r, rt),
        waitIds: (b) => [b.endpointGroupId ?? ''],
      },
      o,
    );
    return { id: sent.body.endpointGroupId ?? '', requestId: sent.body.requestId, resource: sent.resources[0] };
  }

  async updateEndpointGroup(input: T.UpdateEndpointGroupInput, o: T.MutationOptions = {}): Promise<T.MutationResult<T.EndpointGroup>> {
    this.calls.check('UpdateEndpointGroup', V.checkEndpointGroup(input, this.validation));
    const current = await this.describeEndpointGroup(input.endpointGroupId, o);
    const sent = await this.calls.mutate<M.UpdateEndpointGroupRequest, M.UpdateEndpointGroupResponseBody, T.EndpointGroup>(
      {
        action: 'UpdateEndpointGroup',
        queueKey: current.acceleratorId,
        request: input,
        send: (c, r, rt) => c.updateEndpointGroupWithOptions(r, rt),
        waitIds: () => [input.endpointGroupId],
      },
      o,
    );
    return { id: input.endpointGroupId, requestId: sent.body.requestId, resource: sent.resources[0] };
  }

  async deleteEndpointGroup(endpointGroupId: string, o: T.MutationOptions = {}): Promise<T.DeleteResult> {
    const current = await this.calls.describeOrGone('DescribeEndpointGroup', endpointGroupId, o);
    if (!current) return { id: endpointGroupId, alreadyGone: true };
    const sent = await this.calls.mutate<M.DeleteEndpointGroupRequest, M.DeleteEndpointGroupResponseBody, unknown>(
      {
        action: 'DeleteEndpointGroup',
        queueKey: current.acceleratorId,
        request: { endpointGroupId, acceleratorId: current.acceleratorId },
        send: (c, r, rt) => c.deleteEndpointGroupWithOptions(r, rt),
        waitIds: () => [endpointGroupId],
        notFoundIsDone: true,
      },
      o,
    );
    return { id: endpointGroupId, requestId: sent.body.requestId, alreadyGone: sent.alreadyGone };
  }

  /**
   * Waits until a resource that `action` changed settles (e.g. an accelerator found in state init by a re-run
   * reaches active), with the same waits and time-outs as the mutation itself.
   */
  waitFor<R>(action: string, resourceId: string, o: T.MutationOptions & { acceleratorId?: string } = {}): Promise<R | undefined> {
    return this.calls.waitFor<R>(action, resourceId, o.acceleratorId, o);
  }

  // ---- helpers -----------------------------------------------------------------------------------------------

  /**
   * "Did my delete already happen?" for deletes without a ClientToken: refused as busy, because an earlier
   * attempt whose answer was lost started it, every resource is gone or being deleted.
   */
  private async deletionUnderWay(e: CloudError, describeAction: string, ids: readonly string[], signal?: AbortSignal): Promise<boolean> {
    if (!isBusyFor(e.action ?? '', e.code)) return false;
    for (const id of ids) {
      const current = await this.calls.describeOrGone<{ state?: string }>(describeAction, id, { signal }, GONE_CODES[describeAction] ?? []);
      if (current && current.state !== 'deleting') return false;
    }
    return true;
  }

  /** The live SupportIpv6 flags, so the IPv6-region rule uses what the account really offers. */
  private async liveRegionFlags(acceleratorId: string, o: T.CallOptions): Promise<LiveRegionFlags[]> {
    const areas = await this.listAvailableAccelerateAreas(acceleratorId, o);
    return areas.flatMap((a) => (a.regionList ?? []).map((r) => ({ regionId: r.regionId ?? '', supportIpv6: r.supportIpv6 })));
  }
}
