// The explorer's node model: plain data, no vscode. Ids are paths (`<profile>/<accelerator>/listeners/<id>/…`)
// so a node keeps its id across refreshes and VS Code keeps it expanded and selected.
import type {
  AcceleratorSummary,
  BandwidthPackageSummary,
  CloudErrorCategory,
  DnsRecord,
  EndpointGroupSummary,
  IpSetSummary,
  ListenerSummary,
} from '../cloud';
import type { Profile } from '../profiles/types';
import type { HintId } from './hints';

export type EndpointConfiguration = NonNullable<EndpointGroupSummary['endpointConfigurations']>[number];
export type BoundPlan = NonNullable<AcceleratorSummary['basicBandwidthPackage']>;

interface NodeBase {
  id: string;
  profileId: string;
  parent?: ExplorerNode;
}

export interface ProfileNode extends NodeBase {
  kind: 'profile';
  profile: Profile;
  active: boolean;
}

export interface AcceleratorNode extends NodeBase {
  kind: 'accelerator';
  accelerator: AcceleratorSummary;
}

export interface BandwidthPlanNode extends NodeBase {
  kind: 'bandwidthPlan';
  acceleratorId: string;
  /** What the accelerator says is bound (id, bandwidth, type). */
  bound: BoundPlan;
  /** The plan as ListBandwidthPackages reports it (adds state and billing); undefined when that failed. */
  plan?: BandwidthPackageSummary;
}

export type FolderKind = 'areas' | 'listeners' | 'dns';

export interface FolderNode extends NodeBase {
  kind: 'folder';
  folder: FolderKind;
  accelerator: AcceleratorSummary;
  /** Number of children when known without another call. */
  count?: number;
}

export interface AreaNode extends NodeBase {
  kind: 'area';
  acceleratorId: string;
  ipSet: IpSetSummary;
}

export interface AddressNode extends NodeBase {
  kind: 'address';
  address: string;
  ipv6: boolean;
  regionId?: string;
}

export interface ListenerNode extends NodeBase {
  kind: 'listener';
  acceleratorId: string;
  listener: ListenerSummary;
  groupCount: number;
}

export interface EndpointGroupNode extends NodeBase {
  kind: 'endpointGroup';
  acceleratorId: string;
  listenerId: string;
  group: EndpointGroupSummary;
  /** From GetHealthStatus: init / normal / abnormal / partiallyAbnormal; undefined when it could not be read. */
  health?: string;
}

export interface EndpointNode extends NodeBase {
  kind: 'endpoint';
  endpoint: EndpointConfiguration;
  /** From GetHealthStatus: init / normal / abnormal; undefined when health could not be read. */
  health?: string;
}

export interface DnsRecordNode extends NodeBase {
  kind: 'dnsRecord';
  record: DnsRecord;
}

/** What the person can do about an error shown in the tree. */
export type ErrorFix = 'profile' | 'retry';

export interface ErrorNode extends NodeBase {
  kind: 'error';
  category: CloudErrorCategory;
  code?: string;
  message: string;
  fix: ErrorFix;
  /** Throttled: a quiet retry is scheduled. */
  retrying: boolean;
}

export interface InfoNode extends NodeBase {
  kind: 'info';
  message: string;
  detail?: string;
  /** Something is missing that a step of the walk-through adds: the row offers that step. */
  hint?: HintId;
  /** Something to do about it: `activateService` runs "Activate Global Accelerator". */
  action?: 'activateService';
}

export type ExplorerNode =
  | ProfileNode
  | AcceleratorNode
  | BandwidthPlanNode
  | FolderNode
  | AreaNode
  | AddressNode
  | ListenerNode
  | EndpointGroupNode
  | EndpointNode
  | DnsRecordNode
  | ErrorNode
  | InfoNode;

export type NodeKind = ExplorerNode['kind'];

/** The accelerator a node belongs to, walking up; undefined for profiles and profile-level messages. */
export function acceleratorOf(node: ExplorerNode): AcceleratorNode | undefined {
  for (let n: ExplorerNode | undefined = node; n; n = n.parent) if (n.kind === 'accelerator') return n;
  return undefined;
}

/** The profile node a node belongs to. */
export function profileOf(node: ExplorerNode): ProfileNode | undefined {
  for (let n: ExplorerNode | undefined = node; n; n = n.parent) if (n.kind === 'profile') return n;
  return undefined;
}

/** The id of the cloud resource a node stands for (what "Copy ID" copies). */
export function resourceId(node: ExplorerNode): string | undefined {
  switch (node.kind) {
    case 'accelerator': return node.accelerator.acceleratorId;
    case 'bandwidthPlan': return node.bound.instanceId;
    case 'area': return node.ipSet.ipSetId;
    case 'listener': return node.listener.listenerId;
    case 'endpointGroup': return node.group.endpointGroupId;
    case 'endpoint': return node.endpoint.endpointId;
    case 'dnsRecord': return node.record.recordId;
    default: return undefined;
  }
}
