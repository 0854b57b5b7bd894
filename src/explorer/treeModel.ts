// What the tree shows under each node, from what the loader read. No vscode: tree.ts adds events, polling and
// TreeItems on top. A failed load becomes one node where it belongs (never a pop-up), saying what to do.
import { isCloudError, redactText, type AcceleratorSummary, type CloudErrorCategory } from '../cloud';
import { isIpv6 } from '../model';
import type { Profile } from '../profiles/types';
import { matchesFilter } from './filter';
import type { HintId } from './hints';
import type { AcceleratorDetails, ExplorerLoader } from './loader';
import type {
  AcceleratorNode,
  DnsRecordNode,
  EndpointGroupNode,
  EndpointNode,
  ErrorNode,
  ExplorerNode,
  FolderNode,
  InfoNode,
  ProfileNode,
} from './nodes';

export interface ConnectedProfiles {
  /** The profiles shown as roots, in order. */
  connected(): readonly Profile[];
  activeId(): string | undefined;
}

export class ExplorerModel {
  /** Text of "Filter by name or state"; empty = everything. */
  filterText = '';

  constructor(
    private readonly profiles: ConnectedProfiles,
    readonly loaderFor: (profileId: string) => ExplorerLoader | undefined,
  ) {}

  roots(): ProfileNode[] {
    const active = this.profiles.activeId();
    return this.profiles.connected().map((profile) => ({ kind: 'profile', id: profile.id, profileId: profile.id, profile, active: profile.id === active }));
  }

  async children(node: ExplorerNode | undefined): Promise<ExplorerNode[]> {
    if (!node) return this.roots();
    const loader = this.loaderFor(node.profileId);
    if (!loader) return [];
    try {
      switch (node.kind) {
        case 'profile': return await this.accelerators(node, loader);
        case 'accelerator': return acceleratorChildren(node, await loader.details(node.accelerator));
        case 'folder': return await this.folderChildren(node, loader);
        case 'area':
          return (node.ipSet.ipAddressList ?? []).map((address) => ({
            kind: 'address',
            id: `${node.id}/${address}`,
            profileId: node.profileId,
            parent: node,
            address,
            ipv6: isIpv6(address),
            regionId: node.ipSet.accelerateRegionId,
          }));
        case 'listener': {
          const listenerId = node.listener.listenerId ?? '';
          // Health is read with the groups (one call per listener, which the endpoints reuse); without it the
          // groups are still shown, and their endpoints say why health is missing.
          const [details, health] = await Promise.all([loader.details(acceleratorOfNode(node)), loader.health(node.acceleratorId, listenerId).catch(() => undefined)]);
          return details.endpointGroups
            .filter((g) => g.listenerId === listenerId)
            .map((group): EndpointGroupNode => ({
              kind: 'endpointGroup',
              id: `${node.id}/${group.endpointGroupId}`,
              profileId: node.profileId,
              parent: node,
              acceleratorId: node.acceleratorId,
              listenerId,
              group,
              health: health?.endpointGroups?.find((h) => h.endpointGroupId === group.endpointGroupId)?.healthStatus,
            }));
        }
        case 'endpointGroup': return await endpointChildren(node, loader);
        default: return [];
      }
    } catch (e) {
      return [errorNode(node, e)];
    }
  }

  private async accelerators(node: ProfileNode, loader: ExplorerLoader): Promise<ExplorerNode[]> {
    // The service status only adds a note: an account whose status cannot be read is shown as it is.
    const [all, status] = await Promise.all([loader.accelerators(), loader.serviceStatus().catch(() => undefined)]);
    const notes = status !== undefined && status !== 'Normal' ? [serviceNote(node, status)] : [];
    const shown = all.filter((a) => matchesFilter(a, this.filterText));
    if (all.length === 0) return [...notes, info(node, 'No accelerators in this account yet.', undefined, 'createAccelerator')];
    if (shown.length === 0) return [...notes, info(node, `No accelerator matches the filter "${this.filterText}".`, `${all.length} accelerators are hidden by the filter; clear it from the view's title bar.`)];
    return [...notes, ...shown.map((accelerator): AcceleratorNode => ({
      kind: 'accelerator',
      id: `${node.id}/${accelerator.acceleratorId}`,
      profileId: node.profileId,
      parent: node,
      accelerator,
    }))];
  }

  private async folderChildren(node: FolderNode, loader: ExplorerLoader): Promise<ExplorerNode[]> {
    const acceleratorId = node.accelerator.acceleratorId ?? '';
    if (node.folder === 'dns') return dnsChildren(node, loader);
    const details = await loader.details(node.accelerator);
    if (node.folder === 'areas') {
      if (details.ipSets.length === 0) return [info(node, 'No acceleration areas: add one to get an accelerated IP address.', undefined, 'addArea')];
      return details.ipSets.map((ipSet) => ({ kind: 'area', id: `${node.id}/${ipSet.ipSetId}`, profileId: node.profileId, parent: node, acceleratorId, ipSet }));
    }
    if (details.listeners.length === 0) return [info(node, 'No listeners: add one to accept client connections.', undefined, 'addListener')];
    return details.listeners.map((listener) => ({
      kind: 'listener',
      id: `${node.id}/${listener.listenerId}`,
      profileId: node.profileId,
      parent: node,
      acceleratorId,
      listener,
      groupCount: details.endpointGroups.filter((g) => g.listenerId === listener.listenerId).length,
    }));
  }
}

function acceleratorChildren(node: AcceleratorNode, details: AcceleratorDetails): ExplorerNode[] {
  const a = node.accelerator;
  const base = { profileId: node.profileId, parent: node };
  const out: ExplorerNode[] = [];
  if (a.basicBandwidthPackage?.instanceId) {
    out.push({ ...base, kind: 'bandwidthPlan', id: `${node.id}/plan`, acceleratorId: a.acceleratorId ?? '', bound: a.basicBandwidthPackage, plan: details.bandwidthPlan });
  } else {
    out.push(a.bandwidthBillingType === 'CDT'
      ? info(node, 'Billed by data transfer: no bandwidth plan needed.')
      : info(node, 'No bandwidth plan bound: bind one before adding areas and listeners.', undefined, 'bindPlan'));
  }
  const folder = (folder: FolderNode['folder'], count?: number): FolderNode => ({ ...base, kind: 'folder', id: `${node.id}/${folder}`, folder, accelerator: a, count });
  out.push(folder('areas', details.ipSets.length), folder('listeners', details.listeners.length), folder('dns'));
  return out;
}

async function endpointChildren(node: EndpointGroupNode, loader: ExplorerLoader): Promise<ExplorerNode[]> {
  const endpoints = node.group.endpointConfigurations ?? [];
  let healthOf: (endpointId?: string, address?: string) => string | undefined = () => undefined;
  let healthProblem: string | undefined;
  try {
    const health = await loader.health(node.acceleratorId, node.listenerId);
    const mine = health.endpointGroups?.find((g) => g.endpointGroupId === node.group.endpointGroupId)?.endpoints ?? [];
    healthOf = (endpointId, address) => mine.find((h) => (endpointId && h.endpointId ? h.endpointId === endpointId : h.address === address))?.healthStatus;
  } catch (e) {
    // The endpoints are known without health: show them, and say once why health is missing.
    healthProblem = safeMessage(e);
  }
  const out: ExplorerNode[] = endpoints.map((endpoint, i): EndpointNode => ({
    kind: 'endpoint',
    id: `${node.id}/${endpoint.endpointId ?? `${i}:${endpoint.endpoint}`}`,
    profileId: node.profileId,
    parent: node,
    endpoint,
    health: healthOf(endpoint.endpointId, endpoint.endpoint),
  }));
  if (healthProblem) out.push(info(node, 'Endpoint health unavailable.', healthProblem));
  return out;
}

async function dnsChildren(node: FolderNode, loader: ExplorerLoader): Promise<ExplorerNode[]> {
  const { records, scan } = await loader.dnsRecordsFor(node.accelerator);
  const out: ExplorerNode[] = records.map((record): DnsRecordNode => ({
    kind: 'dnsRecord',
    id: `${node.id}/${record.recordId}`,
    profileId: node.profileId,
    parent: node,
    record,
  }));
  const searched = scan.zonesSearched.length;
  if (records.length === 0) {
    out.push(searched === 0
      ? info(node, 'No DNS zones in this account.')
      : info(node, `No record in ${searched === 1 ? 'the zone' : `the ${searched} zones`} searched points at this accelerator.`, undefined, 'addDnsRecord'));
  }
  if (scan.zonesTotal > searched) {
    out.push(info(node, `Searched ${searched} of ${scan.zonesTotal} zones.`, 'Raise the setting gaIpv6.explorer.dnsZoneLimit to search more zones.'));
  }
  for (const f of scan.failures) out.push(info(node, `Zone ${f.zone} could not be read.`, f.message));
  return out;
}

/** The accelerator summary a node belongs to (its ancestors always include one below the profile). */
function acceleratorOfNode(node: ExplorerNode): AcceleratorSummary {
  for (let n: ExplorerNode | undefined = node; n; n = n.parent) if (n.kind === 'accelerator') return n.accelerator;
  throw new Error(`${node.id} is not under an accelerator`);
}

export function errorNode(parent: ExplorerNode, e: unknown): ErrorNode {
  const category: CloudErrorCategory = isCloudError(e) ? e.category : 'server';
  return {
    kind: 'error',
    id: `${parent.id}/error`,
    profileId: parent.profileId,
    parent,
    category,
    code: isCloudError(e) ? e.code : undefined,
    message: safeMessage(e),
    fix: category === 'auth' || category === 'permission' ? 'profile' : 'retry',
    retrying: category === 'throttled',
  };
}

/** DescribeAcceleratorServiceStatus says pay-as-you-go GA cannot be bought: why, and (NotOpened) the way out. */
function serviceNote(parent: ProfileNode, status: string): InfoNode {
  if (status === 'NotOpened') {
    return {
      ...info(parent, 'Pay-as-you-go Global Accelerator is not activated: click to activate', 'Pay-as-you-go instances (billed by data transfer) cannot be bought until Global Accelerator is activated for pay-as-you-go on this account; Activate Global Accelerator asks before it does. Subscription instances do not need it.'),
      action: 'activateService',
    };
  }
  return info(parent, `Pay-as-you-go Global Accelerator is ${status.toLowerCase()}`, `DescribeAcceleratorServiceStatus reports ${status} (an overdue payment): pay-as-you-go instances cannot be bought until the account is settled in the Alibaba Cloud console. Subscription instances are not affected.`);
}

function info(parent: ExplorerNode, message: string, detail?: string, hint?: HintId): InfoNode {
  return { kind: 'info', id: `${parent.id}/info/${message}`, profileId: parent.profileId, parent, message, detail, ...(hint ? { hint } : {}) };
}

/** CloudError messages are redacted by the cloud layer; anything else is redacted here before it is shown. */
function safeMessage(e: unknown): string {
  if (isCloudError(e)) return e.message;
  return redactText(e instanceof Error ? e.message : String(e));
}
