// One operation against the cloud: check whether it already happened (a resource of that name found, a plan
// tagged for the accelerator, a record already there), send it once (a ClientToken derived from the run, so the
// same step of the same run is the same request), then wait for it to settle. The send is never interrupted by a
// cancel (the call in flight finishes); the wait is.
import type { Accelerator, BandwidthPackage, DnsService, EndpointGroup, GaService, IpSet, Listener, WaitProgress } from '../../cloud';
import { isIpv6 } from '../../model';
import { refOf, type IdOrRef, type Operation, type OperationEndpoint, type ValueSource } from '../operations';
import { runTag } from '../runIdentity';
import { serviceStatusOf } from '../service';
import { clientTokenFor } from './clientTokens';

export type ApplyServices = { ga: GaService; dns: DnsService };

/** What an operation produced, kept under its Ref so later operations (and DNS values) can use it. */
export interface ResourceResult {
  id: string;
  dnsName?: string;
  addresses?: string[];
}

export type RunResults = Map<string, ResourceResult>;

/** Tag that marks a bandwidth plan bought for an accelerator: an interrupted run finds it instead of buying again. */
export const PLAN_TAG_KEY = 'ga-ipv6:accelerator';

export interface OperationContext {
  services: ApplyServices;
  results: RunResults;
  runId: string;
  /** Stops waits (never a call in flight). */
  signal?: AbortSignal;
  onWait?: (p: WaitProgress) => void;
}

export interface OperationResult {
  /** The id of the resource created, changed or deleted. */
  resourceId?: string;
  /** Found already done (adopted, already gone, record already there): nothing was sent. */
  alreadyDone: boolean;
  /** Mutating calls sent. */
  mutations: number;
  /** The order a purchase placed (subscriptions), when the API gave one. */
  orderId?: string;
}

export class UnresolvedReferenceError extends Error {}

export async function runOperation(op: Operation, ctx: OperationContext): Promise<OperationResult> {
  const { ga, dns } = ctx.services;
  const wait = <R>(action: string, id: string, acceleratorId?: string) =>
    ga.waitFor<R>(action, id, { signal: ctx.signal, onProgress: ctx.onWait, acceleratorId });
  const send = { wait: false, clientToken: clientTokenFor(ctx.runId, op) } as const;
  const id = (x: IdOrRef) => resolveId(x, ctx.results);
  const sent = (resourceId: string): OperationResult => ({ resourceId, alreadyDone: false, mutations: 1 });
  const found = (resourceId: string): OperationResult => ({ resourceId, alreadyDone: true, mutations: 0 });

  switch (op.type) {
    case 'openService': {
      // Activated meanwhile (another run, the console): nothing to order.
      if ((await serviceStatusOf(ga)) === 'Normal') return found('service');
      await ga.openAcceleratorService(send);
      const status = await serviceStatusOf(ga);
      if (status !== 'Normal') throw new Error(`OpenAcceleratorService was accepted, but the service status is still ${status}; check the order in the Alibaba Cloud console.`);
      return sent('service');
    }

    case 'waitFor':
      await wait(op.action, op.resourceId, op.acceleratorId);
      return found(op.resourceId);

    case 'createAccelerator': {
      const run = runTag(ctx.runId);
      const ours = (tags: { key?: string; value?: string }[] | undefined) => op.adoptBy !== 'run' || (tags ?? []).some((t) => t.key === run.key && t.value === run.value);
      const existing = (await ga.listAccelerators()).find((a) => a.name === op.name && a.state !== 'deleting' && ours(a.tags));
      if (existing?.acceleratorId) {
        const settled = existing.state === 'init' ? await wait<Accelerator>('CreateAccelerator', existing.acceleratorId) : existing;
        ctx.results.set(op.produces, { id: existing.acceleratorId, dnsName: settled?.dnsName ?? existing.dnsName });
        return found(existing.acceleratorId);
      }
      const term = op.chargeType === 'PREPAY' && op.term ? { pricingCycle: op.term.cycle, duration: op.term.duration, autoRenew: op.term.autoRenew ?? false } : {};
      const r = await ga.createAccelerator(
        { name: op.name, spec: op.spec, instanceChargeType: op.chargeType, autoPay: op.autoPay, bandwidthBillingType: op.bandwidthBilling, tag: [runTag(ctx.runId)], ...term },
        send,
      );
      const acc = await wait<Accelerator>('CreateAccelerator', r.id);
      ctx.results.set(op.produces, { id: r.id, dnsName: acc?.dnsName });
      return { ...sent(r.id), orderId: r.orderId };
    }

    case 'updateAccelerator': {
      const accId = id(op.accelerator);
      await ga.updateAccelerator({ acceleratorId: accId, name: op.name, spec: op.spec, ...(op.spec ? { autoPay: op.autoPay } : {}) }, send);
      await wait('UpdateAccelerator', accId);
      return sent(accId);
    }

    case 'deleteAccelerator': {
      const r = await ga.deleteAccelerator(op.acceleratorId, send);
      if (r.alreadyGone) return found(op.acceleratorId);
      await wait('DeleteAccelerator', op.acceleratorId);
      return sent(op.acceleratorId);
    }

    case 'createBandwidthPlan': {
      const accId = id(op.accelerator);
      // Bought for this accelerator (by any run), or by this run: not bought again.
      const run = runTag(ctx.runId);
      const mine = (await ga.listBandwidthPackages({ type: 'Basic' })).find(
        (p) =>
          p.state !== 'deleting' &&
          (p.tags ?? []).some((t) => (t.key === PLAN_TAG_KEY && t.value === accId) || (t.key === run.key && t.value === run.value)) &&
          (p.accelerators ?? []).every((a) => a === accId),
      );
      if (mine?.bandwidthPackageId) {
        if (mine.state === 'init') await wait<BandwidthPackage>('CreateBandwidthPackage', mine.bandwidthPackageId);
        ctx.results.set(op.produces, { id: mine.bandwidthPackageId });
        return found(mine.bandwidthPackageId);
      }
      const term = op.chargeType === 'PREPAY' && op.term ? { pricingCycle: op.term.cycle, duration: String(op.term.duration), autoRenew: op.term.autoRenew ?? false } : {};
      const r = await ga.createBandwidthPackage(
        {
          type: 'Basic',
          bandwidthType: op.bandwidthType,
          bandwidth: op.bandwidth,
          chargeType: op.chargeType,
          autoPay: op.autoPay,
          tag: [{ key: PLAN_TAG_KEY, value: accId }, runTag(ctx.runId)],
          ...term,
        },
        send,
      );
      await wait('CreateBandwidthPackage', r.id);
      ctx.results.set(op.produces, { id: r.id });
      return { ...sent(r.id), orderId: r.orderId };
    }

    case 'bindBandwidthPlan': {
      const accId = id(op.accelerator);
      const planId = id(op.plan);
      const plan = await ga.describeBandwidthPackage(planId);
      if ((plan.accelerators ?? []).includes(accId)) {
        if (plan.state === 'binding') await wait('BandwidthPackageAddAccelerator', planId, accId);
        return found(planId);
      }
      await ga.bandwidthPackageAddAccelerator(planId, accId, send);
      await wait('BandwidthPackageAddAccelerator', planId, accId);
      return sent(planId);
    }

    case 'unbindBandwidthPlan': {
      const accId = id(op.accelerator);
      await ga.bandwidthPackageRemoveAccelerator(op.planId, accId, send);
      await wait('BandwidthPackageRemoveAccelerator', op.planId, accId);
      return sent(op.planId);
    }

    case 'deleteBandwidthPlan': {
      const r = await ga.deleteBandwidthPackage(op.planId, send);
      if (r.alreadyGone) return found(op.planId);
      await wait('DeleteBandwidthPackage', op.planId);
      return sent(op.planId);
    }

    case 'createArea': {
      const accId = id(op.accelerator);
      const existing = (await ga.listIpSets(accId)).find((s) => s.accelerateRegionId === op.region && s.state !== 'deleting');
      if (existing?.ipSetId) {
        const settled = existing.state === 'init' ? await wait<IpSet>('CreateIpSets', existing.ipSetId) : existing;
        ctx.results.set(op.produces, { id: existing.ipSetId, addresses: settled?.ipAddressList ?? [] });
        return found(existing.ipSetId);
      }
      const [r] = await ga.createIpSets(
        { acceleratorId: accId, accelerateRegion: [{ accelerateRegionId: op.region, bandwidth: op.bandwidth, ipVersion: op.ipVersion, ispType: op.ispType }] },
        send,
      );
      const area = await wait<IpSet>('CreateIpSets', r.id);
      ctx.results.set(op.produces, { id: r.id, addresses: area?.ipAddressList ?? [] });
      return sent(r.id);
    }

    case 'updateArea':
      await ga.updateIpSet({ ipSetId: op.areaId, bandwidth: op.bandwidth }, send);
      await wait('UpdateIpSet', op.areaId);
      return sent(op.areaId);

    case 'deleteAreas': {
      const r = await ga.deleteIpSets(op.acceleratorId, op.areaIds, send);
      const going = r.filter((d) => !d.alreadyGone);
      for (const d of going) await wait('DeleteIpSets', d.id);
      return going.length === 0 ? found(op.areaIds.join(',')) : sent(op.areaIds.join(','));
    }

    case 'createListener': {
      const accId = id(op.accelerator);
      // The same listener (name, protocol and ports), not merely one of the same name: GA allows two of one name.
      const samePorts = (ranges: { fromPort?: number; toPort?: number }[] | undefined) =>
        JSON.stringify((ranges ?? []).map((r) => [r.fromPort, r.toPort])) === JSON.stringify(op.ports.map((r) => [r.fromPort, r.toPort]));
      const existing = (await ga.listListeners(accId)).find((l) => l.name === op.name && l.state !== 'deleting' && (l.protocol ?? '').toUpperCase() === op.protocol.toUpperCase() && samePorts(l.portRanges));
      if (existing?.listenerId) {
        if (existing.state === 'init') await wait<Listener>('CreateListener', existing.listenerId);
        ctx.results.set(op.produces, { id: existing.listenerId });
        return found(existing.listenerId);
      }
      const r = await ga.createListener({ acceleratorId: accId, name: op.name, protocol: op.protocol, portRanges: op.ports, clientAffinity: op.clientAffinity }, send);
      await wait('CreateListener', r.id);
      ctx.results.set(op.produces, { id: r.id });
      return sent(r.id);
    }

    case 'updateListener':
      await ga.updateListener({ listenerId: op.listenerId, portRanges: op.ports, clientAffinity: op.clientAffinity }, send);
      await wait('UpdateListener', op.listenerId);
      return sent(op.listenerId);

    case 'deleteListener': {
      const r = await ga.deleteListener(op.listenerId, send);
      if (r.alreadyGone) return found(op.listenerId);
      await wait('DeleteListener', op.listenerId);
      return sent(op.listenerId);
    }

    case 'createEndpointGroup': {
      const accId = id(op.accelerator);
      const listenerId = id(op.listener);
      const existing = (await ga.listEndpointGroups(accId, listenerId)).find((g) => g.name === op.name && g.endpointGroupRegion === op.region && g.state !== 'deleting');
      if (existing?.endpointGroupId) {
        if (existing.state === 'init') await wait<EndpointGroup>('CreateEndpointGroup', existing.endpointGroupId);
        ctx.results.set(op.produces, { id: existing.endpointGroupId });
        return found(existing.endpointGroupId);
      }
      const r = await ga.createEndpointGroup(
        { acceleratorId: accId, listenerId, endpointGroupRegion: op.region, name: op.name, endpointConfigurations: endpointConfigurations(op.endpoints, op.preserveClientIp) },
        send,
      );
      await wait('CreateEndpointGroup', r.id);
      ctx.results.set(op.produces, { id: r.id });
      return sent(r.id);
    }

    case 'updateEndpointGroup':
      await ga.updateEndpointGroup(
        { endpointGroupId: op.groupId, endpointGroupRegion: op.region, endpointConfigurations: endpointConfigurations(op.endpoints, op.preserveClientIp) },
        send,
      );
      await wait('UpdateEndpointGroup', op.groupId);
      return sent(op.groupId);

    case 'deleteEndpointGroup': {
      const r = await ga.deleteEndpointGroup(op.groupId, send);
      if (r.alreadyGone) return found(op.groupId);
      await wait('DeleteEndpointGroup', op.groupId);
      return sent(op.groupId);
    }

    case 'addDnsRecord': {
      const value = await resolveValue(op.value, ctx);
      const r = await dns.addDomainRecord(op.zone, { rr: op.host, type: op.recordType, value, ttl: op.ttl });
      return r.written ? sent(r.recordId) : found(r.recordId);
    }

    case 'updateDnsRecord': {
      const value = await resolveValue(op.value, ctx);
      const r = await dns.updateDomainRecord(op.zone, op.recordId, { rr: op.host, type: op.recordType, value, ttl: op.ttl });
      return r.written ? sent(r.recordId) : found(r.recordId);
    }

    case 'deleteDnsRecord': {
      const r = await dns.deleteDomainRecord(op.recordId);
      return r.alreadyGone ? found(op.recordId) : sent(op.recordId);
    }
  }
}

function endpointConfigurations(endpoints: OperationEndpoint[], preserveClientIp: boolean) {
  return endpoints.map((e) => ({ type: e.type ?? 'Ip', endpoint: e.ip, weight: e.weight, enableClientIPPreservation: preserveClientIp }));
}

function resolveId(x: IdOrRef, results: RunResults): string {
  if ('id' in x) return x.id;
  const r = results.get(x.ref);
  if (!r) throw new UnresolvedReferenceError(`${x.ref} was not created in this run, so this step cannot use it.`);
  return r.id;
}

/** A DNS value: as written, or the area's IPv6 address / the accelerator's CNAME as they are now. */
async function resolveValue(v: ValueSource, ctx: OperationContext): Promise<string> {
  if ('literal' in v) return v.literal;
  if ('dnsNameOf' in v) {
    const accId = resolveId(v.dnsNameOf, ctx.results);
    const known = ctx.results.get(refOf(v.dnsNameOf))?.dnsName;
    const dnsName = known ?? (await ctx.services.ga.describeAccelerator(accId)).dnsName;
    if (!dnsName) throw new Error(`Accelerator ${accId} has no CNAME (DnsName) yet.`);
    return dnsName;
  }
  const accId = resolveId(v.ipv6Of, ctx.results);
  const area = (await ctx.services.ga.listIpSets(accId)).find((s) => s.accelerateRegionId === v.region && s.state !== 'deleting');
  // An area still being created (found half-done after an interrupted run) gets its address when it is active.
  const settled = area?.ipSetId && area.state !== 'active' ? await ctx.services.ga.waitFor<IpSet>('CreateIpSets', area.ipSetId, { signal: ctx.signal, onProgress: ctx.onWait }) : area;
  const address = settled?.ipAddressList?.find(isIpv6);
  if (!address) throw new Error(`The ${v.region} area of accelerator ${accId} has no IPv6 address${area ? ` (its IP version is ${area.ipVersion})` : ' (there is no such area)'}.`);
  return address;
}
