// How GaService talks to GA: RegionId, retries and logging (ApiCaller), all pages of a list, "not found" as a
// value, and the mutation pipeline queue → ClientToken → send → wait.
import type GaClient from './ga/client';
import { GA_ACTION_TRAITS } from './ga/actionTraits';
import type { RuntimeOptions } from '@darabonba/typescript';
import type * as T from './types';
import { ApiCaller, type CallSettings } from './apiCaller';
import { acceptsClientToken, withClientToken } from './clientToken';
import { GA_REGION_ID, type CloudConnection } from './connection';
import { isCloudError, validationError, type CloudError, type ErrorContext } from './errors';
import { silentLogger } from './logger';
import { sharedMutationQueue, type MutationQueue } from './mutationQueue';
import { fetchAllPages, maxPageSize } from './paging';
import type { ServiceOptions } from './serviceOptions';
import { loadSdk } from './sdk';
import { GONE_CODES, gaWaitTarget, waitUntil } from './waiters';
import type { Check } from '../model';

export type Send<Req, Body> = (client: GaClient, request: Req, runtime: RuntimeOptions) => Promise<{ body?: Body }>;

/** How one mutation is sent and waited for. */
export interface Mutation<Req extends object, Body> {
  action: string;
  /** The accelerator (or plan) whose slot the mutation holds; undefined = not serialized. */
  queueKey?: string;
  request: Req;
  send: Send<Req, Body>;
  /** Ids to wait for once sent (empty = no wait). */
  waitIds?: (body: Body) => string[];
  acceleratorId?: string;
  /** "Not found" means the work is already done (deletes; detaching a plan that is not attached). */
  notFoundIsDone?: boolean;
  /**
   * For actions without a ClientToken: after the call failed for good, is the change it asked for in place
   * anyway? (An earlier attempt did it and its answer was lost, so the retry was refused as a conflict.) True
   * makes the call a success that then waits like any other.
   */
  alreadyApplied?: (e: CloudError, signal?: AbortSignal) => Promise<boolean>;
}

export interface Sent<Body, R> {
  body: Body;
  resources: (R | undefined)[];
  alreadyGone: boolean;
  /** The call was refused, but its change was found in place (Mutation.alreadyApplied). */
  alreadyApplied?: boolean;
}

export class GaCalls {
  private readonly caller: ApiCaller;
  private readonly queue: MutationQueue;

  constructor(
    private readonly connection: CloudConnection,
    private readonly options: ServiceOptions,
  ) {
    this.caller = new ApiCaller('ga', connection, options.logger ?? silentLogger, options.retry);
    this.queue = options.queue ?? sharedMutationQueue(`${connection.profileId}@${connection.gaEndpoint}`);
  }

  ctx(action: string): ErrorContext {
    return this.caller.context(action);
  }

  check(action: string, problem: Check): void {
    if (problem) throw validationError(this.ctx(action), problem);
  }

  /** The request as sent: RegionId wherever the spec has the field (the SDK still sends it). */
  withRegion<R extends object>(action: string, request: R): R {
    return GA_ACTION_TRAITS[action]?.regionId ? { ...request, regionId: GA_REGION_ID } : request;
  }

  async invoke<Req extends object, Body>(action: string, request: Req, send: Send<Req, Body>, o: CallSettings = {}): Promise<Body> {
    const full = this.withRegion(action, request);
    const runtime = () => new (loadSdk().$dara.RuntimeOptions)({});
    const res = await this.caller.call(action, full, () => send(this.connection.ga, full, runtime()), o);
    return res.body ?? ({} as Body);
  }

  listAll<Req extends object, Body extends { totalCount?: number }, Item>(
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


  static readonly DESCRIBERS: Record<string, Send<object, object>> = {
    DescribeAccelerator: (c, r, rt) => c.describeAcceleratorWithOptions(r, rt),
    DescribeBandwidthPackage: (c, r, rt) => c.describeBandwidthPackageWithOptions(r, rt),
    DescribeIpSet: (c, r, rt) => c.describeIpSetWithOptions(r, rt),
    DescribeListener: (c, r, rt) => c.describeListenerWithOptions(r, rt),
    DescribeEndpointGroup: (c, r, rt) => c.describeEndpointGroupWithOptions(r, rt),
  };

  static readonly ID_FIELD: Record<string, string> = {
    DescribeAccelerator: 'acceleratorId',
    DescribeBandwidthPackage: 'bandwidthPackageId',
    DescribeIpSet: 'ipSetId',
    DescribeListener: 'listenerId',
    DescribeEndpointGroup: 'endpointGroupId',
  };

  /** The resource, or undefined when the Describe says it does not exist. */
  async describeOrGone<B extends { acceleratorId?: string; state?: string }>(
    describeAction: string,
    id: string,
    o: CallSettings,
    goneCodes: readonly string[] = [],
  ): Promise<B | undefined> {
    try {
      const request = { [GaCalls.ID_FIELD[describeAction]]: id };
      return (await this.invoke(describeAction, request, GaCalls.DESCRIBERS[describeAction], { signal: o.signal, noRetryCodes: goneCodes })) as B;
    } catch (e) {
      if (isCloudError(e) && (e.category === 'notFound' || goneCodes.includes(e.code))) return undefined;
      throw e;
    }
  }

  /** Queue → ClientToken → send with retry → wait. Not-found from a delete means it is already done. */
  mutate<Req extends object, Body extends { requestId?: string }, R>(m: Mutation<Req, Body>, o: T.MutationOptions): Promise<Sent<Body, R>> {
    const given = o.clientToken && acceptsClientToken(m.action) ? { ...m.request, clientToken: o.clientToken } : m.request;
    const request = withClientToken(m.action, given);
    const run = async (): Promise<Sent<Body, R>> => {
      let body: Body;
      let alreadyApplied = false;
      try {
        body = await this.invoke(m.action, request, m.send, { signal: o.signal, mutation: true });
      } catch (e) {
        if (m.notFoundIsDone && isCloudError(e) && e.category === 'notFound') {
          return { body: {} as Body, resources: [], alreadyGone: true };
        }
        if (!(m.alreadyApplied && isCloudError(e) && (await m.alreadyApplied(e, o.signal)))) throw e;
        this.caller.note(`${m.action} was refused with ${e.code}, but its change is already in place (an earlier attempt did it): done.`);
        body = {} as Body;
        alreadyApplied = true;
      }
      if (o.wait === false || !m.waitIds) return { body, resources: [], alreadyGone: false, alreadyApplied };
      const resources = await Promise.all(m.waitIds(body).map((id) => this.waitFor<R>(m.action, id, m.acceleratorId, o)));
      return { body, resources, alreadyGone: false, alreadyApplied };
    };
    if (!m.queueKey) return run();
    return this.queue.run(m.queueKey, run, { signal: o.signal, ctx: this.ctx(m.action) });
  }

  async waitFor<R>(action: string, resourceId: string, acceleratorId: string | undefined, o: T.MutationOptions): Promise<R | undefined> {
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
