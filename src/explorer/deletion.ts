// Deleting from the tree: what a delete takes with it and the confirmation that says so. The operations and
// their order are workflows' (src/workflows/teardown.ts: endpoint groups → listeners → acceleration areas →
// unbind the plan → the accelerator) and so is running them (the executor: per-accelerator queue, waits,
// cancel after the call in flight). The confirmation names every dependent. Bandwidth plans are unbound, never
// deleted (they may be subscriptions and may be reused), and DNS records are left alone (they are named, so the
// person knows what stops working).
import type { AcceleratorSummary, DnsRecord, EndpointGroupSummary, IpSetSummary, ListenerSummary, WaitProgress } from '../cloud';
import { recordFqdn, regionName } from '../model';
import {
  acceleratorTeardown,
  areasDeletion,
  DNS_LANE,
  endpointGroupDeletion,
  executeOperations,
  listenerDeletion,
  recordsPointingAt,
  toLiveAccelerator,
  type ApplyReport,
  type ApplyServices,
  type Operation,
} from '../workflows';
import type { AcceleratorDetails } from './loader';
import { listenerLabel } from './presentation';

export interface DeletePlan {
  kind: 'plan';
  /** The confirmation's question, naming the resource. */
  message: string;
  /** What goes with it, what stays, what stops working. */
  detail: string;
  /** The confirming button. */
  confirmLabel: string;
  steps: Operation[];
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
  const steps = acceleratorTeardown(toLiveAccelerator(a, details), { lane: id, address: `accelerators.${a.name || id}` });
  const lines: string[] = [];
  if (details.endpointGroups.length) lines.push(`• ${count(details.endpointGroups.length, 'endpoint group')}: ${details.endpointGroups.map((g) => nameAndId(g.name, g.endpointGroupId ?? '')).join(', ')}`);
  if (details.listeners.length) lines.push(`• ${count(details.listeners.length, 'listener')}: ${details.listeners.map(listenerName).join(', ')}`);
  if (details.ipSets.length) lines.push(`• ${count(details.ipSets.length, 'acceleration area')}: ${details.ipSets.map(areaName).join(', ')} (their addresses are released)`);
  const planId = a.basicBandwidthPackage?.instanceId;
  const planName = planId ? nameAndId(details.bandwidthPlan?.name, planId) : undefined;
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
    steps: [areasDeletion(acceleratorId, [{ id: ipSet.ipSetId ?? '', region: ipSet.accelerateRegionId ?? '' }], { lane: acceleratorId, address: `areas.${ipSet.accelerateRegionId ?? ''}` })],
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
    steps: listenerDeletion(
      {
        id: listener.listenerId ?? '',
        name: listener.name ?? '',
        protocol: listener.protocol ?? '',
        ports: (listener.portRanges ?? []).map((r) => ({ fromPort: r.fromPort ?? 0, toPort: r.toPort ?? r.fromPort ?? 0 })),
        groups: mine.map(groupRef),
      },
      { lane: listener.acceleratorId ?? listener.listenerId ?? '', address: `listeners.${listener.name ?? ''}` },
    ),
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
    steps: [endpointGroupDeletion(groupRef(group), { lane: group.acceleratorId ?? group.endpointGroupId ?? '', address: `endpointGroups.${group.name ?? ''}` })],
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
    steps: [{ id: `dns:delete:${record.recordId}`, lane: DNS_LANE, title: `Delete DNS record ${fqdn} ${record.type}`, address: `dns.${record.domainName}.${record.rr}.${record.type}`, dependsOn: [], type: 'deleteDnsRecord', zone: record.domainName, recordId: record.recordId }],
    done: `DNS record ${fqdn} was deleted.`,
  };
}

export interface RunOptions {
  signal?: AbortSignal;
  /** Before each step. */
  onStep?: (step: Operation, index: number, total: number) => void;
  /** While a step waits for the resource to go. */
  onProgress?: (p: WaitProgress) => void;
}

/** A delete that stopped: the first failure's message, then what was done and what was not. */
export class DeleteFailedError extends Error {
  constructor(readonly report: ApplyReport) {
    const failed = report.outcomes.find((o) => o.status === 'failed' || o.status === 'cancelled');
    const done = report.outcomes.filter((o) => o.status === 'done').map((o) => o.operation.title);
    const notDone = report.outcomes.filter((o) => o.status !== 'done').map((o) => o.operation.title);
    super(
      [
        failed ? `${failed.operation.title}: ${failed.message ?? failed.status}` : 'The delete did not finish.',
        done.length ? `Done: ${done.join('; ')}.` : 'Nothing was deleted.',
        notDone.length ? `Not done: ${notDone.join('; ')}.` : undefined,
      ].filter(Boolean).join(' '),
    );
    this.name = 'DeleteFailedError';
  }
}

/** Runs the steps in order through workflows' executor; the first failure stops the rest (GA would refuse them anyway). */
export async function runDeletePlan(plan: DeletePlan, services: ApplyServices, options: RunOptions = {}): Promise<ApplyReport> {
  const index = new Map(plan.steps.map((s, i) => [s.id, i]));
  const report = await executeOperations(plan.steps, services, {
    signal: options.signal,
    onProgress: (e) => {
      if (e.kind === 'start') options.onStep?.(e.operation, index.get(e.operation.id) ?? 0, plan.steps.length);
      if (e.kind === 'wait') options.onProgress?.(e.wait);
    },
  });
  if (!report.ok) throw new DeleteFailedError(report);
  return report;
}

/** `web-http (lsr-…, TCP:80)`: the name first, then the id and what it listens on. */
function listenerName(l: ListenerSummary): string {
  const id = l.listenerId ?? '';
  return l.name && l.name !== id ? `${l.name} (${[id, listenerLabel(l)].filter(Boolean).join(', ')})` : `${listenerLabel(l)}${id ? ` (${id})` : ''}`;
}

function groupRef(g: EndpointGroupSummary): { id: string; name: string; region: string } {
  return { id: g.endpointGroupId ?? '', name: g.name ?? '', region: g.endpointGroupRegion ?? '' };
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
