// How each node looks: label, description, tooltip, icon, menus (contextValue) and whether it expands. Plain
// data, no vscode, so it is tested directly; tree.ts turns it into a TreeItem.
//
// contextValue is the node kind followed by dot-separated flags, e.g. `accelerator.prepay.deletable.cname`;
// package.json's menus match it with regular expressions such as `viewItem =~ /^accelerator\./` or
// `viewItem =~ /\.deletable\b/`.
import { describeState, endpointTypeName, formatPortRanges, isIpv6, isTransient, recordFqdn, regionName, specName, type ResourceKind } from '../model';
import { SOURCE_LABELS } from '../profiles/profile';
import type { AcceleratorSummary } from '../cloud';
import { HINT_COMMAND, HINTS } from './hints';
import { profileOf, type ErrorNode, type ExplorerNode, type FolderKind } from './nodes';

export interface NodeIcon {
  /** A codicon id; `loading~spin` spins. */
  id: string;
  /** A theme color id. */
  color?: string;
}

export interface Tooltip {
  title: string;
  rows: [label: string, value: string][];
  note?: string;
}

export type Collapsible = 'none' | 'collapsed' | 'expanded';

export interface Presentation {
  label: string;
  description?: string;
  tooltip?: Tooltip;
  icon?: NodeIcon;
  contextValue: string;
  collapsible: Collapsible;
  /** Command id run when the row is clicked (with the node as argument). */
  command?: { id: string; title: string };
}

export const SPINNING = 'loading~spin';
const GREEN = 'charts.green';
const RED = 'charts.red';
const YELLOW = 'charts.yellow';

const FOLDER_LABELS: Record<FolderKind, string> = { areas: 'Acceleration areas', listeners: 'Listeners', dns: 'DNS records' };

const HEALTH_WORDS: Record<string, string> = {
  normal: 'healthy',
  abnormal: 'unhealthy',
  partiallyAbnormal: 'partly unhealthy',
  init: 'health check starting',
};

/** The resource kind whose lifecycle states a node shows, and the state it is in now. */
export function lifecycleOf(node: ExplorerNode): { kind: ResourceKind; state: string | undefined } | undefined {
  switch (node.kind) {
    case 'accelerator': return { kind: 'accelerator', state: node.accelerator.state };
    case 'bandwidthPlan': return node.plan ? { kind: 'bandwidthPackage', state: node.plan.state } : undefined;
    case 'area': return { kind: 'ipSet', state: node.ipSet.state };
    case 'listener': return { kind: 'listener', state: node.listener.state };
    case 'endpointGroup': return { kind: 'endpointGroup', state: node.group.state };
    default: return undefined;
  }
}

/** True while the node's resource is being created, changed or deleted: it is polled until it settles. */
export function isTransientNode(node: ExplorerNode): boolean {
  const life = lifecycleOf(node);
  return life !== undefined && isTransient(life.kind, life.state);
}

/** What the tree knows about a node beyond its resource. */
export interface NodeView {
  /** A delete of this node is running: it shows so (spinning) until it is gone. */
  deleting?: boolean;
}

export function present(node: ExplorerNode, view: NodeView = {}): Presentation {
  const p = presentResource(node);
  return view.deleting ? deletingPresentation(p) : p;
}

/** A node being deleted: its row says so and spins, and offers nothing that would act on it again. */
function deletingPresentation(p: Presentation): Presentation {
  return {
    ...p,
    description: ['deleting…', p.description].filter(Boolean).join(' · '),
    icon: { id: SPINNING },
    contextValue: p.contextValue.split('.').filter((f) => f !== 'deletable').concat('deleting').join('.'),
    tooltip: p.tooltip && { ...p.tooltip, note: 'Being deleted: it disappears from the tree once Global Accelerator has removed it.' },
  };
}

/** The Alibaba Cloud console has nothing of the local sandbox: no "Open in Console" there. */
function inConsole(node: ExplorerNode): boolean {
  return profileOf(node)?.profile.source !== 'sandbox';
}

function presentResource(node: ExplorerNode): Presentation {
  switch (node.kind) {
    case 'profile': {
      const p = node.profile;
      return {
        label: p.name,
        description: [SOURCE_LABELS[p.source], node.active ? 'active' : undefined].filter(Boolean).join(' · '),
        tooltip: {
          title: `Profile ${p.name}`,
          rows: compact([
            ['Source', `${SOURCE_LABELS[p.source]} (${p.origin})`],
            ['AccessKey ID', p.accessKeyId],
            ['GA endpoint', p.endpoints.ga],
            ['DNS endpoint', p.endpoints.dns],
          ]),
          note: node.active ? 'The active profile: other commands use it.' : 'Connected: shown here; click the status bar item to make it active.',
        },
        icon: { id: p.source === 'sandbox' ? 'beaker' : 'account' },
        // The sandbox profile has nothing to fix (its key is built in); its errors offer "Fix Profile…" themselves.
        contextValue: flags('profile', { active: node.active, inactive: !node.active, sandbox: p.source === 'sandbox', vscode: p.source === 'vscode', fixable: p.source !== 'sandbox' }),
        collapsible: 'expanded',
      };
    }
    case 'accelerator': {
      const a = node.accelerator;
      const transient = isTransient('accelerator', a.state);
      return {
        label: a.name || a.acceleratorId || '(unnamed accelerator)',
        description: compactJoin([a.acceleratorId, describeState(a.state), specName(a.spec), billing(a)]),
        tooltip: acceleratorTooltip(a),
        icon: stateIcon(a.state, transient, 'rocket'),
        contextValue: flags('accelerator', {
          prepay: a.instanceChargeType === 'PREPAY',
          postpay: a.instanceChargeType !== 'PREPAY',
          transient,
          deletable: !transient,
          cname: !!a.dnsName,
          ipv6: true,
          id: true,
          console: inConsole(node),
        }),
        collapsible: 'collapsed',
      };
    }
    case 'bandwidthPlan': {
      const b = node.bound;
      const state = node.plan?.state;
      const transient = isTransient('bandwidthPackage', state);
      return {
        label: 'Bandwidth plan',
        description: compactJoin([b.instanceId, b.bandwidth !== undefined ? `${b.bandwidth} Mbit/s` : undefined, b.bandwidthType, node.plan ? describeState(state) : undefined]),
        tooltip: {
          title: `Bandwidth plan ${node.plan?.name || b.instanceId || ''}`.trim(),
          rows: compact([
            ['ID', b.instanceId],
            ['Bandwidth', b.bandwidth !== undefined ? `${b.bandwidth} Mbit/s` : undefined],
            ['Bandwidth type', b.bandwidthType],
            ['State', node.plan ? describeState(state) : undefined],
            ['Billing', node.plan?.chargeType ? chargeWord(node.plan.chargeType) : undefined],
            ['Expires', formatEpoch(node.plan?.expiredTime)],
          ]),
          note: node.plan ? undefined : 'Its state could not be read (ListBandwidthPackages failed); refresh to try again.',
        },
        icon: stateIcon(state, transient, 'dashboard', node.plan === undefined),
        contextValue: flags('bandwidthPlan', { transient, id: true }),
        collapsible: 'none',
      };
    }
    case 'folder':
      return {
        label: FOLDER_LABELS[node.folder],
        description: node.count !== undefined ? String(node.count) : undefined,
        icon: { id: node.folder === 'areas' ? 'globe' : node.folder === 'listeners' ? 'plug' : 'symbol-namespace' },
        contextValue: flags('folder', { [node.folder]: true }),
        // Areas and listeners come with the accelerator's expansion; DNS records cost calls, so they wait for a click.
        collapsible: node.folder === 'dns' ? 'collapsed' : 'expanded',
      };
    case 'area': {
      const s = node.ipSet;
      const transient = isTransient('ipSet', s.state);
      const addresses = s.ipAddressList ?? [];
      return {
        label: regionName(s.accelerateRegionId ?? ''),
        description: compactJoin([s.ipVersion, s.bandwidth !== undefined ? `${s.bandwidth} Mbit/s` : undefined, describeState(s.state)]),
        tooltip: {
          title: `Acceleration area ${regionName(s.accelerateRegionId ?? '')}`,
          rows: compact([
            ['ID', s.ipSetId],
            ['Region', s.accelerateRegionId],
            ['IP version', s.ipVersion],
            ['Bandwidth', s.bandwidth !== undefined ? `${s.bandwidth} Mbit/s` : undefined],
            ['Line', s.ispType],
            ['State', describeState(s.state)],
            ['Addresses', addresses.join(', ') || 'none yet'],
          ]),
        },
        icon: stateIcon(s.state, transient, 'globe'),
        contextValue: flags('area', { transient, deletable: !transient, ipv6: addresses.some(isIpv6), id: true, console: inConsole(node) }),
        collapsible: addresses.length > 0 ? 'expanded' : 'none',
      };
    }
    case 'address':
      return {
        label: node.address,
        description: node.ipv6 ? 'IPv6' : 'IPv4',
        tooltip: { title: `Accelerated ${node.ipv6 ? 'IPv6' : 'IPv4'} address`, rows: compact([['Address', node.address], ['Region', node.regionId && regionName(node.regionId)]]) },
        icon: { id: 'symbol-numeric' },
        contextValue: flags('address', { ipv6: node.ipv6 }),
        collapsible: 'none',
      };
    case 'listener': {
      const l = node.listener;
      const transient = isTransient('listener', l.state);
      return {
        label: listenerLabel(l),
        description: compactJoin([l.name, affinityWord(l.clientAffinity), describeState(l.state)]),
        tooltip: {
          title: `Listener ${l.name || l.listenerId || ''}`.trim(),
          rows: compact([
            ['ID', l.listenerId],
            ['Protocol', l.protocol],
            ['Ports', ports(l)],
            ['Client affinity', affinityWord(l.clientAffinity)],
            ['State', describeState(l.state)],
            ['Endpoint groups', String(node.groupCount)],
          ]),
        },
        icon: stateIcon(l.state, transient, 'plug'),
        contextValue: flags('listener', { transient, deletable: !transient, id: true, console: inConsole(node) }),
        collapsible: node.groupCount > 0 ? 'collapsed' : 'none',
      };
    }
    case 'endpointGroup': {
      const g = node.group;
      const transient = isTransient('endpointGroup', g.state);
      const count = g.endpointConfigurations?.length ?? 0;
      return {
        label: regionName(g.endpointGroupRegion ?? ''),
        description: compactJoin([g.name, g.endpointGroupType === 'virtual' ? 'virtual' : undefined, describeState(g.state), healthWord(node.health)]),
        tooltip: {
          title: `Endpoint group ${g.name || g.endpointGroupId || ''}`.trim(),
          rows: compact([
            ['ID', g.endpointGroupId],
            ['Region', g.endpointGroupRegion],
            ['Type', g.endpointGroupType],
            ['State', describeState(g.state)],
            ['Endpoints', String(count)],
            ['Traffic', g.trafficPercentage !== undefined ? `${g.trafficPercentage} %` : undefined],
            ['Health', healthWord(node.health)],
            ['Health checks', g.healthCheckEnabled === undefined ? undefined : g.healthCheckEnabled ? compactJoin([g.healthCheckProtocol?.toUpperCase(), g.healthCheckPort !== undefined ? `port ${g.healthCheckPort}` : undefined, g.healthCheckIntervalSeconds !== undefined ? `every ${g.healthCheckIntervalSeconds} s` : undefined]) || 'on' : 'off'],
            ['GA source IPs', g.endpointGroupIpList?.join(', ') || undefined],
          ]),
          note: g.endpointGroupIpList?.length ? 'Allow the GA source IPs on your IPv4 servers.' : undefined,
        },
        icon: !transient && (node.health === 'abnormal' || node.health === 'partiallyAbnormal') ? { id: 'server-environment', color: node.health === 'abnormal' ? RED : YELLOW } : stateIcon(g.state, transient, 'server-environment'),
        contextValue: flags('endpointGroup', { transient, deletable: !transient, id: true, console: inConsole(node) }),
        collapsible: count > 0 ? 'collapsed' : 'none',
      };
    }
    case 'endpoint': {
      const e = node.endpoint;
      const drained = e.weight === 0;
      return {
        label: e.endpoint ?? '(no address)',
        description: compactJoin([endpointTypeName(e.type), drained ? 'weight 0 (no traffic)' : e.weight !== undefined ? `weight ${e.weight}` : undefined, healthWord(node.health)]),
        tooltip: {
          title: `Endpoint ${e.endpoint ?? ''}`.trim(),
          rows: compact([
            ['Type', e.type !== undefined && endpointTypeName(e.type) !== e.type ? `${endpointTypeName(e.type)} (${e.type})` : e.type],
            ['Address', e.endpoint],
            ['Weight', e.weight !== undefined ? String(e.weight) : undefined],
            ['Health', healthWord(node.health) ?? 'unknown'],
            ['Client IP preservation', e.enableClientIPPreservation === undefined ? undefined : e.enableClientIPPreservation ? 'on' : 'off'],
          ]),
          note: drained ? 'Weight 0: GA sends no traffic to this endpoint.' : undefined,
        },
        icon: endpointIcon(drained, node.health),
        contextValue: flags('endpoint', { id: !!e.endpointId, drained }),
        collapsible: 'none',
      };
    }
    case 'dnsRecord': {
      const r = node.record;
      const disabled = r.status === 'Disable';
      return {
        label: recordFqdn(r.rr, r.domainName),
        description: compactJoin([`${r.type} → ${r.value}`, disabled ? 'disabled' : undefined]),
        tooltip: {
          title: `DNS record ${recordFqdn(r.rr, r.domainName)}`,
          rows: compact([
            ['Zone', r.domainName],
            ['Host (RR)', r.rr],
            ['Type', r.type],
            ['Value', r.value],
            ['TTL', r.ttl !== undefined ? `${r.ttl} s` : undefined],
            ['Line', r.line],
            ['Status', r.status],
            ['Record ID', r.recordId],
          ]),
        },
        icon: { id: 'symbol-field', color: disabled ? YELLOW : undefined },
        contextValue: flags('dnsRecord', { deletable: !r.locked, id: true, console: inConsole(node) }),
        collapsible: 'none',
      };
    }
    case 'error':
      return {
        label: errorHeadline(node),
        description: node.message,
        tooltip: { title: errorHeadline(node), rows: compact([['Code', node.code]]), note: node.message },
        icon: node.retrying ? { id: SPINNING } : { id: node.fix === 'profile' ? 'key' : 'error', color: node.fix === 'profile' ? YELLOW : RED },
        contextValue: flags('error', { [node.fix === 'profile' ? 'fixProfile' : 'retry']: true }),
        collapsible: 'none',
        command: node.fix === 'profile' ? { id: 'gaIpv6.fixProfile', title: 'Fix Profile…' } : { id: 'gaIpv6.explorer.refreshNode', title: 'Retry' },
      };
    case 'info': {
      const hint = node.hint && HINTS[node.hint];
      if (hint) {
        return {
          label: node.message,
          description: `step ${hint.step} of the walk-through`,
          tooltip: { title: node.message, rows: [], note: `Click: ${hint.action} (step ${hint.step} of the walk-through).${node.detail ? `\n\n${node.detail}` : ''}` },
          icon: { id: 'lightbulb' },
          contextValue: flags('info', { hint: true }),
          collapsible: 'none',
          command: { id: HINT_COMMAND, title: hint.action },
        };
      }
      return {
        label: node.message,
        tooltip: node.detail ? { title: node.message, rows: [], note: node.detail } : undefined,
        icon: node.action ? { id: 'warning', color: YELLOW } : { id: 'info' },
        contextValue: flags('info', { activateService: node.action === 'activateService' }),
        collapsible: 'none',
        ...(node.action === 'activateService' ? { command: { id: 'gaIpv6.activateService', title: 'Activate Global Accelerator…' } } : {}),
      };
    }
  }
}

export function listenerLabel(l: { protocol?: string; portRanges?: { fromPort?: number; toPort?: number }[] }): string {
  return `${l.protocol ?? '?'}:${ports(l) || '?'}`;
}

function ports(l: { portRanges?: { fromPort?: number; toPort?: number }[] }): string {
  return formatPortRanges((l.portRanges ?? []).map((r) => ({ fromPort: r.fromPort ?? 0, toPort: r.toPort ?? r.fromPort ?? 0 })));
}

function acceleratorTooltip(a: AcceleratorSummary): Tooltip {
  const plan = a.basicBandwidthPackage;
  return {
    title: `Accelerator ${a.name || a.acceleratorId || ''}`.trim(),
    rows: compact([
      ['ID', a.acceleratorId],
      ['Description', a.description],
      ['State', describeState(a.state)],
      ['Specification', specName(a.spec)],
      ['Billing', billing(a)],
      ['CNAME', a.dnsName],
      ['Expires', formatEpoch(a.expiredTime)],
      ['Bandwidth plan', plan?.instanceId ? compactJoin([plan.instanceId, plan.bandwidth !== undefined ? `${plan.bandwidth} Mbit/s` : undefined, plan.bandwidthType]) : 'none bound'],
    ]),
    note: a.dnsName ? `Point a CNAME record at ${a.dnsName}, or an AAAA record at one of its IPv6 addresses.` : undefined,
  };
}

function billing(a: AcceleratorSummary): string | undefined {
  if (!a.instanceChargeType) return undefined;
  const word = chargeWord(a.instanceChargeType);
  return a.bandwidthBillingType === 'CDT' ? `${word}, billed by data transfer` : word;
}

function chargeWord(chargeType: string): string {
  return chargeType === 'PREPAY' ? 'subscription' : chargeType === 'POSTPAY' ? 'pay-as-you-go' : chargeType;
}

function affinityWord(affinity: string | undefined): string | undefined {
  if (affinity === 'SOURCE_IP') return 'source IP affinity';
  if (affinity === 'NONE') return 'no affinity';
  return undefined;
}

function healthWord(health: string | undefined): string | undefined {
  return health === undefined ? undefined : (HEALTH_WORDS[health] ?? health);
}

function endpointIcon(drained: boolean, health: string | undefined): NodeIcon {
  if (drained) return { id: 'circle-slash', color: YELLOW };
  if (health === 'normal') return { id: 'pass', color: GREEN };
  if (health === 'abnormal') return { id: 'error', color: RED };
  if (health === 'init') return { id: SPINNING };
  return { id: 'server' };
}

function stateIcon(state: string | undefined, transient: boolean, kindIcon: string, unknown = false): NodeIcon {
  if (transient) return { id: SPINNING };
  if (unknown || state === undefined) return { id: kindIcon };
  if (state === 'active' || state === 'binded') return { id: kindIcon, color: GREEN };
  if (state === 'finacialLocked' || state === 'locked') return { id: 'lock', color: RED };
  return { id: kindIcon, color: YELLOW };
}

function errorHeadline({ category, code, retrying }: Pick<ErrorNode, 'category' | 'code' | 'retrying'>): string {
  if (retrying) return 'Throttled by Alibaba Cloud: retrying…';
  switch (category) {
    // The secret could not even be read (e.g. missing from the keychain): nothing was sent.
    case 'auth': return code === 'CredentialsUnavailable' ? 'Credentials missing: Fix profile…' : 'Credentials rejected: Fix profile…';
    case 'permission': return 'Permission denied: Fix profile…';
    case 'network': return 'Cannot reach Alibaba Cloud: click to retry';
    case 'timeout': return 'No answer in time: click to retry';
    case 'cancelled': return 'Cancelled: click to retry';
    default: return 'Could not load: click to retry';
  }
}

/**
 * Epoch times arrive in seconds from some actions and in milliseconds (sometimes as strings) from others
 * (ga-api.md §2.2): values below 10¹² are taken as seconds. Shown in UTC so every machine shows the same.
 */
export function formatEpoch(value: number | string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) return undefined;
  const ms = n < 1e12 ? n * 1000 : n;
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function flags(kind: string, set: Record<string, boolean>): string {
  return [kind, ...Object.entries(set).filter(([, on]) => on).map(([name]) => name)].join('.');
}

function compact(rows: [string, string | undefined][]): [string, string][] {
  return rows.filter((r): r is [string, string] => r[1] !== undefined && r[1] !== '');
}

function compactJoin(parts: (string | undefined)[]): string {
  return parts.filter((p) => p !== undefined && p !== '').join(' · ');
}
