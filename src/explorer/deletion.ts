// Deleting from the tree: what a delete takes with it, the confirmation that says so, and the ordered calls.
// GA refuses to delete a parent that still has children (ga-api.md §4.3), so a delete takes its dependents
// first, in the teardown order of §4.3: endpoint groups → listeners → acceleration areas → unbind the plan →
// the accelerator. The confirmation names every one of them. Bandwidth plans are unbound, never deleted (they
// may be subscriptions and may be reused), and DNS records are left alone (they are named, so the person knows
// what stops working). Every call goes through GaService, i.e. the per-accelerator queue and the waiter.
import type {
  AcceleratorSummary,
  DnsRecord,
  DnsService,
  EndpointGroupSummary,
  GaService,
  IpSetSummary,
  ListenerSummary,
  WaitProgress,
} from '../cloud';
import { recordFqdn, regionName } from '../model';
import { recordsPointingAt } from './dnsScan';
import type { AcceleratorDetails } from './loader';
import { listenerLabel } from './presentation';

export type DeleteStep =
  | { action: 'deleteEndpointGroup'; endpointGroupId: string; label: string }
  | { action: 'deleteListener'; listenerId: string; label: string }
  | { action: 'deleteIpSets'; acceleratorId: string; ipSetIds: string[]; label: string }
  | { action: 'unbindBandwidthPlan'; acceleratorId: string; bandwidthPackageId: string; label: string }
  | { action: 'deleteAccelerator'; acceleratorId: string; label: string }
  | { action: 'deleteDnsRecord'; recordId: string; label: string };

export interface DeletePlan {
  kind: 'plan';
  /** The confirmation's question, naming the resource. */
  message: string;
  /** What goes with it, what stays, what stops working. */
  detail: string;
  /** The confirming button. */
  confirmLabel: string;
  steps: DeleteStep[];
  /** Shown when it is done. */
  done: string;
}

/** A delete the API cannot do, with the reason and where it can be done instead. */
export interface DeleteRefusal {
  kind: 'refusal';
  message: string;
  detail: string;
  acceleratorId?: string;
}

export function planAcceleratorDelete(a: AcceleratorSummary, details: AcceleratorDetails, dnsRecords?: readonly DnsRecord[]): DeletePlan | DeleteRefusal {
  const id = a.acceleratorId ?? '';
  const name = nameAndId(a.name, id);
  if (a.instanceChargeType === 'PREPAY') {
    return {
      kind: 'refusal',
      message: `Accelerator ${name} is a subscription (PREPAY) instance: Global Accelerator does not delete subscription instances through its API.`,
      detail: 'Unsubscribe or release it in the Alibaba Cloud console, or let the subscription expire. Its listeners, endpoint groups and acceleration areas can still be deleted here one by one.',
      acceleratorId: id,
    };
  }
  const steps: DeleteStep[] = [];
  const lines: string[] = [];
  for (const g of details.endpointGroups) steps.push(groupStep(g));
  for (const l of details.listeners) steps.push(listenerStep(l));
  if (details.ipSets.length > 0) steps.push(ipSetsStep(id, details.ipSets));
  if (details.endpointGroups.length) lines.push(`• ${count(details.endpointGroups.length, 'endpoint group')}: ${details.endpointGroups.map((g) => nameAndId(g.name, g.endpointGroupId ?? '')).join(', ')}`);
  if (details.listeners.length) lines.push(`• ${count(details.listeners.length, 'listener')}: ${details.listeners.map(listenerName).join(', ')}`);
  if (details.ipSets.length) lines.push(`• ${count(details.ipSets.length, 'acceleration area')}: ${details.ipSets.map(areaName).join(', ')} (their addresses are released)`);
  const planId = a.basicBandwidthPackage?.instanceId;
  const planName = planId ? nameAndId(details.bandwidthPlan?.name, planId) : undefined;
  if (planId) {
    steps.push({ action: 'unbindBandwidthPlan', acceleratorId: id, bandwidthPackageId: planId, label: `Unbinding bandwidth plan ${planName}` });
  }
  steps.push({ action: 'deleteAccelerator', acceleratorId: id, label: `Deleting accelerator ${name}` });
  const first = lines.length ? `These are deleted first, in this order:\n${lines.join('\n')}` : 'It has no listeners, endpoint groups or acceleration areas.';
  const plan = planId ? `The bandwidth plan ${planName} is unbound, not deleted: delete it in the console if you no longer need it.` : undefined;
  return {
    kind: 'plan',
    message: `Delete accelerator ${name}?`,
    detail: [first, plan, dnsWarning(dnsRecords, `its CNAME ${a.dnsName ?? ''}`.trim())].filter(Boolean).join('\n\n'),
    confirmLabel: steps.length > 1 ? `Delete accelerator and ${count(steps.length - 1, 'dependent step')}` : 'Delete accelerator',
    steps,
    done: `Accelerator ${name} was deleted.`,
  };
}

export function planAreaDelete(acceleratorId: string, ipSet: IpSetSummary, dnsRecords?: readonly DnsRecord[]): DeletePlan {
  const addresses = ipSet.ipAddressList ?? [];
  return {
    kind: 'plan',
    message: `Delete acceleration area ${areaName(ipSet)}?`,
    detail: [
      addresses.length ? `Its accelerated address${addresses.length > 1 ? 'es' : ''} ${addresses.join(', ')} ${addresses.length > 1 ? 'are' : 'is'} released: clients using ${addresses.length > 1 ? 'them' : 'it'} can no longer connect.` : 'It has no address yet.',
      dnsWarning(dnsRecords && recordsPointingAt(dnsRecords, { ipv6Addresses: addresses }), 'its addresses'),
    ].filter(Boolean).join('\n\n'),
    confirmLabel: 'Delete area',
    steps: [ipSetsStep(acceleratorId, [ipSet])],
    done: `Acceleration area ${areaName(ipSet)} was deleted.`,
  };
}

export function planListenerDelete(listener: ListenerSummary, groups: readonly EndpointGroupSummary[]): DeletePlan {
  const label = listenerName(listener);
  const mine = groups.filter((g) => g.listenerId === listener.listenerId);
  return {
    kind: 'plan',
    message: `Delete listener ${label}?`,
    detail: mine.length
      ? `${mine.length === 1 ? 'Its endpoint group' : `Its ${mine.length} endpoint groups`} ${mine.map((g) => nameAndId(g.name, g.endpointGroupId ?? '')).join(', ')} ${mine.length === 1 ? 'is' : 'are'} deleted first: GA deletes a listener only once it has none. Clients can no longer connect on ${listenerLabel(listener)}.`
      : `Clients can no longer connect on ${listenerLabel(listener)}.`,
    confirmLabel: mine.length ? `Delete listener and ${count(mine.length, 'endpoint group')}` : 'Delete listener',
    steps: [...mine.map(groupStep), listenerStep(listener)],
    done: `Listener ${label} was deleted.`,
  };
}

export function planEndpointGroupDelete(group: EndpointGroupSummary, listener?: ListenerSummary): DeletePlan {
  const name = nameAndId(group.name, group.endpointGroupId ?? '');
  const endpoints = group.endpointConfigurations ?? [];
  return {
    kind: 'plan',
    message: `Delete endpoint group ${name} (${regionName(group.endpointGroupRegion ?? '')})?`,
    detail: `${listener ? `Listener ${listenerLabel(listener)}` : 'Its listener'} stops forwarding to its ${count(endpoints.length, 'endpoint')}${endpoints.length ? ` (${endpoints.map((e) => e.endpoint).join(', ')})` : ''}.`,
    confirmLabel: 'Delete endpoint group',
    steps: [groupStep(group)],
    done: `Endpoint group ${name} was deleted.`,
  };
}

export function planDnsRecordDelete(record: DnsRecord): DeletePlan {
  const fqdn = recordFqdn(record.rr, record.domainName);
  return {
    kind: 'plan',
    message: `Delete DNS record ${fqdn} ${record.type} → ${record.value}?`,
    detail: `Clients resolving ${fqdn} will no longer be sent to the accelerator (after cached answers expire, up to the TTL${record.ttl !== undefined ? ` of ${record.ttl} s` : ''}).`,
    confirmLabel: 'Delete record',
    steps: [{ action: 'deleteDnsRecord', recordId: record.recordId, label: `Deleting DNS record ${fqdn}` }],
    done: `DNS record ${fqdn} was deleted.`,
  };
}

export type GaDeleter = Pick<GaService, 'deleteEndpointGroup' | 'deleteListener' | 'deleteIpSets' | 'bandwidthPackageRemoveAccelerator' | 'deleteAccelerator'>;
export type DnsDeleter = Pick<DnsService, 'deleteDomainRecord'>;

export interface RunOptions {
  signal?: AbortSignal;
  /** Before each step (0-based). */
  onStep?: (step: DeleteStep, index: number, total: number) => void;
  /** While a step waits for the resource to go. */
  onProgress?: (p: WaitProgress) => void;
}

/** Runs the steps in order; the first failure stops the rest (GA would refuse them anyway). */
export async function runDeletePlan(plan: DeletePlan, services: { ga: GaDeleter; dns: DnsDeleter }, options: RunOptions = {}): Promise<void> {
  const o = { signal: options.signal, onProgress: options.onProgress };
  for (const [i, step] of plan.steps.entries()) {
    options.onStep?.(step, i, plan.steps.length);
    switch (step.action) {
      case 'deleteEndpointGroup': await services.ga.deleteEndpointGroup(step.endpointGroupId, o); break;
      case 'deleteListener': await services.ga.deleteListener(step.listenerId, o); break;
      case 'deleteIpSets': await services.ga.deleteIpSets(step.acceleratorId, step.ipSetIds, o); break;
      case 'unbindBandwidthPlan': await services.ga.bandwidthPackageRemoveAccelerator(step.bandwidthPackageId, step.acceleratorId, o); break;
      case 'deleteAccelerator': await services.ga.deleteAccelerator(step.acceleratorId, o); break;
      case 'deleteDnsRecord': await services.dns.deleteDomainRecord(step.recordId, { signal: options.signal }); break;
    }
  }
}

function groupStep(g: EndpointGroupSummary): DeleteStep {
  return { action: 'deleteEndpointGroup', endpointGroupId: g.endpointGroupId ?? '', label: `Deleting endpoint group ${nameAndId(g.name, g.endpointGroupId ?? '')}` };
}

function listenerStep(l: ListenerSummary): DeleteStep {
  return { action: 'deleteListener', listenerId: l.listenerId ?? '', label: `Deleting listener ${listenerName(l)}` };
}

/** `web-http (lsr-…, TCP:80)`: the name first, then the id and what it listens on. */
function listenerName(l: ListenerSummary): string {
  const id = l.listenerId ?? '';
  return l.name && l.name !== id ? `${l.name} (${[id, listenerLabel(l)].filter(Boolean).join(', ')})` : `${listenerLabel(l)}${id ? ` (${id})` : ''}`;
}

function ipSetsStep(acceleratorId: string, sets: readonly IpSetSummary[]): DeleteStep {
  return { action: 'deleteIpSets', acceleratorId, ipSetIds: sets.map((s) => s.ipSetId ?? ''), label: `Deleting ${sets.length === 1 ? `acceleration area ${areaName(sets[0])}` : count(sets.length, 'acceleration area')}` };
}

function dnsWarning(records: readonly DnsRecord[] | undefined, what: string): string | undefined {
  if (records === undefined) return `DNS records pointing at ${what} are not changed: remove or repoint them yourself.`;
  if (records.length === 0) return undefined;
  const names = records.map((r) => `${recordFqdn(r.rr, r.domainName)} (${r.type})`).join(', ');
  return `${count(records.length, 'DNS record')} point${records.length === 1 ? 's' : ''} at ${what} and will stop working: ${names}. They are not changed.`;
}

function areaName(s: IpSetSummary): string {
  return `${regionName(s.accelerateRegionId ?? '')} (${s.ipSetId})`;
}

function nameAndId(name: string | undefined, id: string): string {
  return name && name !== id ? `${name} (${id})` : id;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
