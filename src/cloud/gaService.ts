// The GA facade that workflows and UI use. Reads fetch every page. Every mutation goes: client-side validation
// (src/model rules) → per-accelerator queue → ClientToken → retry → wait for the target state → log.
import type GaClient from './ga/client';
import type * as M from './ga/models';
import { GA_ACTION_TRAITS } from './ga/actionTraits';
import type { RuntimeOptions } from '@darabonba/typescript';
import type * as T from './types';
import { ApiCaller, type CallSettings } from './apiCaller';
import { withClientToken } from './clientToken';
import { GA_REGION_ID, type CloudConnection } from './connection';
import { isCloudError, validationError, type ErrorContext } from './errors';
import * as V from './gaValidation';
import { silentLogger } from './logger';
import { sharedMutationQueue, type MutationQueue } from './mutationQueue';
import { fetchAllPages, maxPageSize } from './paging';
import type { ServiceOptions } from './serviceOptions';
import { loadSdk } from './sdk';
import { GONE_CODES, gaWaitTarget, waitUntil } from './waiters';
import { checkIpSetBandwidth, type Check, type LiveRegionFlags } from '../model';

type Send<Req, Body> = (client: GaClient, request: Req, runtime: RuntimeOptions) => Promise<{ body?: Body }>;

/** How one mutation is sent and waited for. */
interface Mutation<Req extends object, Body> {
  action: string;
  /** The accelerator (or plan) whose slot the mutation holds; undefined = not serialized. */
  queueKey?: string;
  request: Req;
  send: Send<Req, Body>;
  /** Ids to wait for once sent (empty = no wait). */
  waitIds?: (body: Body) => string[];
  acceleratorId?: string;
  /** A delete: "not found" means it is already done. */
  deleting?: boolean;
}

interface Sent<Body, R> {
  body: Body;
  resources: (R | undefined)[];
  alreadyGone: boolean;
}

export class GaService {
  private readonly caller: ApiCaller;
  private readonly queue: MutationQueue;
  private readonly validation: V.ValidationSettings;

  constructor(
    readonly connection: CloudConnection,
    readonly options: ServiceOptions = {},
  ) {
    this.caller = new ApiCaller('ga', connection, options.logger ?? silentLogger, options.retry);
    this.queue = options.queue ?? sharedMutationQueue(`${connection.profileId}@${connection.gaEndpoint}`);
    this.validation = { nameStrictness: options.nameStrictness ?? 'api', allowNonPublicEndpoints: options.allowNonPublicEndpoints ?? false };
  }

  // ---- reads ---------------------------------------------------------------------------------------------------

  listAccelerators(filter: { state?: string } = {}, o: T.CallOptions = {}): Promise<T.AcceleratorSummary[]> {
    return this.listAll('ListAccelerators', { state: filter.state }, (c, r, rt) => c.listAcceleratorsWithOptions(r, rt), (b) => b.accelerators, o);
  }

  describeAccelerator(acceleratorId: string, o: T.CallOptions = {}): Promise<T.Accelerator> {
    return this.invoke('DescribeAccelerator', { acceleratorId }, (c, r, rt) => c.describeAcceleratorWithOptions(r, rt), o);
  }

  listBandwidthPackages(filter: { type?: string; state?: string } = {}, o: T.CallOptions = {}): Promise<T.BandwidthPackageSummary[]> {
    return this.listAll('ListBandwidthPackages', { ...filter }, (c, r, rt) => c.listBandwidthPackagesWithOptions(r, rt), (b) => b.bandwidthPackages, o);
  }

  describeBandwidthPackage(bandwidthPackageId: string, o: T.CallOptions = {}): Promise<T.BandwidthPackage> {
    return this.invoke('DescribeBandwidthPackage', { bandwidthPackageId }, (c, r, rt) => c.describeBandwidthPackageWithOptions(r, rt), o);
  }

  listIpSets(acceleratorId: string, o: T.CallOptions = {}): Promise<T.IpSetSummary[]> {
    return this.listAll('ListIpSets', { acceleratorId }, (c, r, rt) => c.listIpSetsWithOptions(r, rt), (b) => b.ipSets, o);
  }

  describeIpSet(ipSetId: string, o: T.CallOptions = {}): Promise<T.IpSet> {
    return this.invoke('DescribeIpSet', { ipSetId }, (c, r, rt) => c.describeIpSetWithOptions(r, rt), o);
  }

  listListeners(acceleratorId: string, o: T.CallOptions = {}): Promise<T.ListenerSummary[]> {
    return this.listAll('ListListeners', { acceleratorId }, (c, r, rt) => c.listListenersWithOptions(r, rt), (b) => b.listeners, o);
  }

  describeListener(listenerId: string, o: T.CallOptions = {}): Promise<T.Listener> {
    return this.invoke('DescribeListener', { listenerId }, (c, r, rt) => c.describeListenerWithOptions(r, rt), o);
  }

  listEndpointGroups(acceleratorId: string, listenerId?: string, o: T.CallOptions = {}): Promise<T.EndpointGroupSummary[]> {
    return this.listAll('ListEndpointGroups', { acceleratorId, listenerId }, (c, r, rt) => c.listEndpointGroupsWithOptions(r, rt), (b) => b.endpointGroups, o);
  }

  describeEndpointGroup(endpointGroupId: string, o: T.CallOptions = {}): Promise<T.EndpointGroup> {
    return this.invoke('DescribeEndpointGroup', { endpointGroupId }, (c, r, rt) => c.describeEndpointGroupWithOptions(r, rt), o);
  }

  getHealthStatus(acceleratorId: string, listenerId: string, o: T.CallOptions = {}): Promise<T.HealthStatus> {
    return this.invoke('GetHealthStatus', { acceleratorId, listenerId }, (c, r, rt) => c.getHealthStatusWithOptions(r, rt), o);
  }

  async listAvailableAccelerateAreas(acceleratorId?: string, o: T.CallOptions = {}): Promise<T.AccelerateArea[]> {
    const body = await this.invoke('ListAvailableAccelerateAreas', { acceleratorId }, (c, r, rt) => c.listAvailableAccelerateAreasWithOptions(r, rt), o);
    return body.areas ?? [];
  }

  async listAvailableBusiRegions(acceleratorId?: string, o: T.CallOptions = {}): Promise<T.BusiRegion[]> {
    const body = await this.invoke('ListAvailableBusiRegions', { acceleratorId }, (c, r, rt) => c.listAvailableBusiRegionsWithOptions(r, rt), o);
    return body.regions ?? [];
  }

  // ---- accelerators --------------------------------------------------------------------------------------------

  async createAccelerator(input: T.CreateAcceleratorInput, o: T.MutationOptions = {}): Promise<T.MutationResult<T.Accelerator>> {
    this.check('CreateAccelerator', V.checkCreateAccelerator(input, this.validation));
    const sent = await this.mutate<M.CreateAcceleratorRequest, M.CreateAcceleratorResponseBody, T.Accelerator>(
      { action: 'CreateAccelerator', request: input, send: (c, r, rt) => c.createAcceleratorWithOptions(r, rt), waitIds: (b) => [b.acceleratorId ?? ''] },
      o,
    );
    return { id: sent.body.acceleratorId ?? '', orderId: sent.body.orderId, requestId: sent.body.requestId, resource: sent.resources[0] };
  }

  async updateAccelerator(input: T.UpdateAcceleratorInput, o: T.MutationOptions = {}): Promise<T.MutationResult<T.Accelerator>> {
    this.check('UpdateAccelerator', V.checkUpdateAccelerator(input));
    const id = input.acceleratorId;
    const sent = await this.mutate<M.UpdateAcceleratorRequest, M.UpdateAcceleratorResponseBody, T.Accelerator>(
      { action: 'UpdateAccelerator', queueKey: id, request: input, send: (c, r, rt) => c.updateAcceleratorWithOptions(r, rt), waitIds: () => [id] },
      o,
    );
    return { id, requestId: sent.body.requestId, resource: sent.resources[0] };
  }

  async deleteAccelerator(acceleratorId: string, o: T.MutationOptions = {}): Promise<T.DeleteResult> {
    const sent = await this.mutate<M.DeleteAcceleratorRequest, M.DeleteAcceleratorResponseBody, unknown>(
      {
        action: 'DeleteAccelerator',
        queueKey: acceleratorId,
        request: { acceleratorId },
        send: (c, r, rt) => c.deleteAcceleratorWithOptions(r, rt),
        waitIds: () => [acceleratorId],
        deleting: true,
      },
      o,
    );
    return { id: acceleratorId, requestId: sent.body.requestId, alreadyGone: sent.alreadyGone };
  }

  // ---- bandwidth plans -----------------------------------------------------------------------------------------

  async createBandwidthPackage(input: T.CreateBandwidthPackageInput, o: T.MutationOptions = {}): Promise<T.MutationResult<T.BandwidthPackage>> {
    this.check('CreateBandwidthPackage', V.checkCreateBandwidthPackage(input));
    const sent = await this.mutate<M.CreateBandwidthPackageRequest, M.CreateBandwidthPackageResponseBody, T.BandwidthPackage>(
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
    const sent = await this.mutate<M.DeleteBandwidthPackageRequest, M.DeleteBandwidthPackageResponseBody, unknown>(
      {
        action: 'DeleteBandwidthPackage',
        queueKey: `bandwidthPackage:${bandwidthPackageId}`,
        request: { bandwidthPackageId },
        send: (c, r, rt) => c.deleteBandwidthPackageWithOptions(r, rt),
        waitIds: () => [bandwidthPackageId],
        deleting: true,
      },
      o,
    );
    return { id: bandwidthPackageId, requestId: sent.body.requestId, alreadyGone: sent.alreadyGone };
  }

  async bandwidthPackageAddAccelerator(bandwidthPackageId: string, acceleratorId: string, o: T.MutationOptions = {}): Promise<T.MutationResult<T.BandwidthPackage>> {
    const sent = await this.mutate<M.BandwidthPackageAddAcceleratorRequest, M.BandwidthPackageAddAcceleratorResponseBody, T.BandwidthPackage>(
      {
        action: 'BandwidthPackageAddAccelerator',
        queueKey: acceleratorId,
        request: { bandwidthPackageId, acceleratorId },
        send: (c, r, rt) => c.bandwidthPackageAddAcceleratorWithOptions(r, rt),
        waitIds: () => [bandwidthPackageId],
        acceleratorId,
      },
      o,
    );
    return { id: bandwidthPackageId, requestId: sent.body.requestId, resource: sent.resources[0] };
  }

  async bandwidthPackageRemoveAccelerator(bandwidthPackageId: string, acceleratorId: string, o: T.MutationOptions = {}): Promise<T.MutationResult<T.BandwidthPackage>> {
    const sent = await this.mutate<M.BandwidthPackageRemoveAcceleratorRequest, M.BandwidthPackageRemoveAcceleratorResponseBody, T.BandwidthPackage>(
      {
        action: 'BandwidthPackageRemoveAccelerator',
        queueKey: acceleratorId,
        request: { bandwidthPackageId, acceleratorId },
        send: (c, r, rt) => c.bandwidthPackageRemoveAcceleratorWithOptions(r, rt),
        waitIds: () => [bandwidthPackageId],
        acceleratorId,
      },
      o,
    );
    return { id: bandwidthPackageId, requestId: sent.body.requestId, resource: sent.resources[0] };
  }

  // ---- acceleration areas (ip sets) ----------------------------------------------------------------------------

  async createIpSets(input: T.CreateIpSetsInput, o: T.MutationOptions = {}): Promise<T.MutationResult<T.IpSet>[]> {
    const live = V.wantsIpv6(input) ? await this.liveRegionFlags(input.acceleratorId, o) : undefined;
    this.check('CreateIpSets', V.checkCreateIpSets(input, live));
    const sent = await this.mutate<M.CreateIpSetsRequest, M.CreateIpSetsResponseBody, T.IpSet>(
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
    this.check('UpdateIpSet', checkIpSetBandwidth(input.bandwidth));
    const current = await this.describeIpSet(input.ipSetId, o);
    const sent = await this.mutate<M.UpdateIpSetRequest, M.UpdateIpSetResponseBody, T.IpSet>(
      { action: 'UpdateIpSet', queueKey: current.acceleratorId, request: input, send: (c, r, rt) => c.updateIpSetWithOptions(r, rt), waitIds: () => [input.ipSetId] },
      o,
    );
    return { id: input.ipSetId, requestId: sent.body.requestId, resource: sent.resources[0] };
  }

  async deleteIpSet(ipSetId: string, o: T.MutationOptions = {}): Promise<T.DeleteResult> {
    const current = await this.describeOrGone('DescribeIpSet', ipSetId, o);
    if (!current) return { id: ipSetId, alreadyGone: true };
    const sent = await this.mutate<M.DeleteIpSetRequest, M.DeleteIpSetResponseBody, unknown>(
      {
        action: 'DeleteIpSet',
        queueKey: current.acceleratorId,
        request: { ipSetId, acceleratorId: current.acceleratorId },
        send: (c, r, rt) => c.deleteIpSetWithOptions(r, rt),
        waitIds: () => [ipSetId],
        deleting: true,
      },
      o,
    );
    return { id: ipSetId, requestId: sent.body.requestId, alreadyGone: sent.alreadyGone };
  }

  async deleteIpSets(acceleratorId: string, ipSetIds: string[], o: T.MutationOptions = {}): Promise<T.DeleteResult[]> {
    const present: string[] = [];
    for (const id of ipSetIds) if (await this.describeOrGone('DescribeIpSet', id, o)) present.push(id);
    if (present.length === 0) return ipSetIds.map((id) => ({ id, alreadyGone: true }));
    const sent = await this.mutate<M.DeleteIpSetsRequest, M.DeleteIpSetsResponseBody, unknown>(
      {
        action: 'DeleteIpSets',
        queueKey: acceleratorId,
        request: { ipSetIds: present },
        send: (c, r, rt) => c.deleteIpSetsWithOptions(r, rt),
        waitIds: () => present,
        deleting: true,
      },
      o,
    );
    return ipSetIds.map((id) => ({ id, requestId: sent.body.requestId, alreadyGone: sent.alreadyGone || !present.includes(id) }));
  }

  // ---- listeners -----------------------------------------------------------------------------------------------

  async createListener(input: T.CreateListenerInput, o: T.MutationOptions = {}): Promise<T.MutationResult<T.Listener>> {
    const others = await this.listListeners(input.acceleratorId, o);
    this.check('CreateListener', V.checkListener(input, this.validation, others));
    const sent = await this.mutate<M.CreateListenerRequest, M.CreateListenerResponseBody, T.Listener>(
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
    this.check('UpdateListener', V.checkListener(input, this.validation, others, current.protocol));
    const sent = await this.mutate<M.UpdateListenerRequest, M.UpdateListenerResponseBody, T.Listener>(
      { action: 'UpdateListener', queueKey: acceleratorId, request: input, send: (c, r, rt) => c.updateListenerWithOptions(r, rt), waitIds: () => [input.listenerId] },
      o,
    );
    return { id: input.listenerId, requestId: sent.body.requestId, resource: sent.resources[0] };
  }

  async deleteListener(listenerId: string, o: T.MutationOptions = {}): Promise<T.DeleteResult> {
    const current = await this.describeOrGone('DescribeListener', listenerId, o);
    if (!current) return { id: listenerId, alreadyGone: true };
    const sent = await this.mutate<M.DeleteListenerRequest, M.DeleteListenerResponseBody, unknown>(
      {
        action: 'DeleteListener',
        queueKey: current.acceleratorId,
        request: { listenerId, acceleratorId: current.acceleratorId },
        send: (c, r, rt) => c.deleteListenerWithOptions(r, rt),
        waitIds: () => [listenerId],
        deleting: true,
      },
      o,
    );
    return { id: listenerId, requestId: sent.body.requestId, alreadyGone: sent.alreadyGone };
  }

  // ---- endpoint groups -----------------------------------------------------------------------------------------

  async createEndpointGroup(input: T.CreateEndpointGroupInput, o: T.MutationOptions = {}): Promise<T.MutationResult<T.EndpointGroup>> {
    this.check('CreateEndpointGroup', V.checkEndpointGroup(input, this.validation));
    const sent = await this.mutate<M.CreateEndpointGroupRequest, M.CreateEndpointGroupResponseBody, T.EndpointGroup>(
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
    this.check('UpdateEndpointGroup', V.checkEndpointGroup(input, this.validation));
    const current = await this.describeEndpointGroup(input.endpointGroupId, o);
    const sent = await this.mutate<M.UpdateEndpointGroupRequest, M.UpdateEndpointGroupResponseBody, T.EndpointGroup>(
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
    const current = await this.describeOrGone('DescribeEndpointGroup', endpointGroupId, o);
    if (!current) return { id: endpointGroupId, alreadyGone: true };
    const sent = await this.mutate<M.DeleteEndpointGroupRequest, M.DeleteEndpointGroupResponseBody, unknown>(
      {
        action: 'DeleteEndpointGroup',
        queueKey: current.acceleratorId,
        request: { endpointGroupId, acceleratorId: current.acceleratorId },
        send: (c, r, rt) => c.deleteEndpointGroupWithOptions(r, rt),
        waitIds: () => [endpointGroupId],
        deleting: true,
      },
      o,
    );
    return { id: endpointGroupId, requestId: sent.body.requestId, alreadyGone: sent.alreadyGone };
  }

  // ---- plumbing ------------------------------------------------------------------------------------------------

  private ctx(action: string): ErrorContext {
    return this.caller.context(action);
  }

  private check(action: string, problem: Check): void {
    if (problem) throw validationError(this.ctx(action), problem);
  }

  /** The request as sent: RegionId wherever the spec has the field (the SDK still sends it). */
  private withRegion<R extends object>(action: string, request: R): R {
    return GA_ACTION_TRAITS[action]?.regionId ? { ...request, regionId: GA_REGION_ID } : request;
  }

  private async invoke<Req extends object, Body>(action: string, request: Req, send: Send<Req, Body>, o: CallSettings = {}): Promise<Body> {
    const full = this.withRegion(action, request);
    const runtime = () => new (loadSdk().$dara.RuntimeOptions)({});
    const res = await this.caller.call(action, full, () => send(this.connection.ga, full, runtime()), o);
    return res.body ?? ({} as Body);
  }

  private listAll<Req extends object, Body extends { totalCount?: number }, Item>(
    action: string,
    request: Req,
    send: Send<Req & { pageNumber: number; pageSize: number }, Body>,
    items: (b: Body) => Item[] | undefined,
    o: T.CallOptions,
  ): Promise<Item[]> {
    return fetchAllPages(async (pageNumber, pageSize) => {
      const body = await this.invoke(action, { ...request, pageNumber, pageSize }, send, o);
      return { items: items(body) ?? [], totalCount: body.totalCount };
    }, maxPageSize('ga', action));
  }

  /** The live SupportIpv6 flags, so the IPv6-region rule uses what the account really offers. */
  private async liveRegionFlags(acceleratorId: string, o: T.CallOptions): Promise<LiveRegionFlags[]> {
    const areas = await this.listAvailableAccelerateAreas(acceleratorId, o);
    return areas.flatMap((a) => (a.regionList ?? []).map((r) => ({ regionId: r.regionId ?? '', supportIpv6: r.supportIpv6 })));
  }

  private static readonly DESCRIBERS: Record<string, Send<object, object>> = {
    DescribeAccelerator: (c, r, rt) => c.describeAcceleratorWithOptions(r, rt),
    DescribeBandwidthPackage: (c, r, rt) => c.describeBandwidthPackageWithOptions(r, rt),
    DescribeIpSet: (c, r, rt) => c.describeIpSetWithOptions(r, rt),
    DescribeListener: (c, r, rt) => c.describeListenerWithOptions(r, rt),
    DescribeEndpointGroup: (c, r, rt) => c.describeEndpointGroupWithOptions(r, rt),
  };

  private static readonly ID_FIELD: Record<string, string> = {
    DescribeAccelerator: 'acceleratorId',
    DescribeBandwidthPackage: 'bandwidthPackageId',
    DescribeIpSet: 'ipSetId',
    DescribeListener: 'listenerId',
    DescribeEndpointGroup: 'endpointGroupId',
  };

  /** The resource, or undefined when the Describe says it does not exist. */
  private async describeOrGone<B extends { acceleratorId?: string; state?: string }>(
    describeAction: string,
    id: string,
    o: CallSettings,
    goneCodes: readonly string[] = [],
  ): Promise<B | undefined> {
    try {
      const request = { [GaService.ID_FIELD[describeAction]]: id };
      return (await this.invoke(describeAction, request, GaService.DESCRIBERS[describeAction], { signal: o.signal, noRetryCodes: goneCodes })) as B;
    } catch (e) {
      if (isCloudError(e) && (e.category === 'notFound' || goneCodes.includes(e.code))) return undefined;
      throw e;
    }
  }

  /** Queue → ClientToken → send with retry → wait. Not-found from a delete means it is already done. */
  private mutate<Req extends object, Body extends { requestId?: string }, R>(m: Mutation<Req, Body>, o: T.MutationOptions): Promise<Sent<Body, R>> {
    const request = withClientToken(m.action, m.request);
    const run = async (): Promise<Sent<Body, R>> => {
      let body: Body;
      try {
        body = await this.invoke(m.action, request, m.send, { signal: o.signal, mutation: true });
      } catch (e) {
        if (m.deleting && isCloudError(e) && e.category === 'notFound') {
          return { body: {} as Body, resources: [], alreadyGone: true };
        }
        throw e;
      }
      if (o.wait === false || !m.waitIds) return { body, resources: [], alreadyGone: false };
      const resources = await Promise.all(m.waitIds(body).map((id) => this.waitFor<R>(m.action, id, m.acceleratorId, o)));
      return { body, resources, alreadyGone: false };
    };
    if (!m.queueKey) return run();
    return this.queue.run(m.queueKey, run, { signal: o.signal, ctx: this.ctx(m.action) });
  }

  private async waitFor<R>(action: string, resourceId: string, acceleratorId: string | undefined, o: T.MutationOptions): Promise<R | undefined> {
    const target = gaWaitTarget({
      action,
      resourceId,
      acceleratorId,
      describe: (poll, id, signal) => this.describeOrGone(poll, id, { signal }, action.startsWith('Delete') ? GONE_CODES[poll] : []),
    });
    const r = await waitUntil(target, {
      timeoutMs: o.timeoutMs ?? this.options.waitTimeoutsMs?.[action],
      schedule: this.options.pollSchedule,
      signal: o.signal,
      onProgress: o.onProgress,
    });
    return r as R | undefined;
  }
}
