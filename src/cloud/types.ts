// Public shapes of the cloud layer: what GaService and DnsService take and return. GA shapes are the
// generated SDK models (camelCase), so swapping in the official SDK later changes nothing here.
import type * as ga from './ga/models';
import type { ExistingRecord } from '../model/dnsRules';

export type Accelerator = ga.DescribeAcceleratorResponseBody;
export type AcceleratorSummary = ga.ListAcceleratorsResponseBodyAccelerators;
export type BandwidthPackage = ga.DescribeBandwidthPackageResponseBody;
export type BandwidthPackageSummary = ga.ListBandwidthPackagesResponseBodyBandwidthPackages;
export type IpSet = ga.DescribeIpSetResponseBody;
export type IpSetSummary = ga.ListIpSetsResponseBodyIpSets;
export type Listener = ga.DescribeListenerResponseBody;
export type ListenerSummary = ga.ListListenersResponseBodyListeners;
export type EndpointGroup = ga.DescribeEndpointGroupResponseBody;
export type EndpointGroupSummary = ga.ListEndpointGroupsResponseBodyEndpointGroups;
export type HealthStatus = ga.GetHealthStatusResponseBody;
export type AccelerateArea = ga.ListAvailableAccelerateAreasResponseBodyAreas;
export type BusiRegion = ga.ListAvailableBusiRegionsResponseBodyRegions;
/** DescribeAcceleratorServiceStatus: `status` Normal / NotOpened / Expired / Released (ga-api.md §2.32). */
export type ServiceStatus = ga.DescribeAcceleratorServiceStatusResponseBody;

/** Fields the service always fills in itself: the fixed region and the idempotency token. */
type ServiceManaged = 'regionId' | 'clientToken' | 'dryRun';
export type CreateAcceleratorInput = Omit<ga.CreateAcceleratorRequest, ServiceManaged>;
export type UpdateAcceleratorInput = Omit<ga.UpdateAcceleratorRequest, ServiceManaged> & { acceleratorId: string };
export type CreateBandwidthPackageInput = Omit<ga.CreateBandwidthPackageRequest, ServiceManaged>;
export type CreateIpSetsInput = Omit<ga.CreateIpSetsRequest, ServiceManaged> & { acceleratorId: string };
export type UpdateIpSetInput = Omit<ga.UpdateIpSetRequest, ServiceManaged> & { ipSetId: string; bandwidth: number };
export type CreateListenerInput = Omit<ga.CreateListenerRequest, ServiceManaged> & { acceleratorId: string };
export type UpdateListenerInput = Omit<ga.UpdateListenerRequest, ServiceManaged> & { listenerId: string };
export type CreateEndpointGroupInput = Omit<ga.CreateEndpointGroupRequest, ServiceManaged> & {
  acceleratorId: string;
  listenerId: string;
  endpointGroupRegion: string;
};
export type UpdateEndpointGroupInput = Omit<ga.UpdateEndpointGroupRequest, ServiceManaged> & {
  endpointGroupId: string;
  endpointGroupRegion: string;
};

/** A resource tag, as the create and list actions take it. */
export interface Tag {
  key: string;
  value: string;
}

export interface CallOptions {
  /** Aborting rejects promptly with a CloudError of category 'cancelled'. */
  signal?: AbortSignal;
}

/** Reported on every poll while a mutation waits for its resource to settle. */
export interface WaitProgress {
  /** The mutation being waited for, e.g. CreateIpSets. */
  action: string;
  /** The id of the resource being polled. */
  resource: string;
  /** Its last known state; 'gone' once a deleted resource is no longer found. */
  state: string | undefined;
  elapsedMs: number;
}

export interface MutationOptions extends CallOptions {
  /** Poll until the resource reaches its target state (default true). */
  wait?: boolean;
  onProgress?: (p: WaitProgress) => void;
  /** Overrides the default wait timeout of this action (Terraform's, ga-api.md §4.4). */
  timeoutMs?: number;
  /**
   * The ClientToken of this logical operation (actions that take one); default a fresh one. A workflow that may
   * be run again passes a token derived from its run id, so the re-run gets the first answer replayed instead
   * of a second resource (ASCII, at most 64 characters).
   */
  clientToken?: string;
}

export interface MutationResult<T> {
  /** The id of the created/changed resource. */
  id: string;
  requestId?: string;
  /** PREPAY orders. */
  orderId?: string;
  /** The resource as described after the wait; undefined with `wait: false`. */
  resource?: T;
  /** The call was refused but its change was found in place: an earlier attempt, whose answer was lost, did it. */
  alreadyApplied?: boolean;
}

export interface DeleteResult {
  id: string;
  requestId?: string;
  /** The resource was already gone: the delete was a no-op. */
  alreadyGone: boolean;
}

// ---- DNS ---------------------------------------------------------------------------------------------------

export interface DnsDomain {
  domainId?: string;
  domainName: string;
  punyCode?: string;
  recordCount?: number;
  versionCode?: string;
  versionName?: string;
  groupName?: string;
  remark?: string;
}

export interface DnsDomainInfo {
  domainName: string;
  /** The smallest TTL this zone's edition allows (seconds). */
  minTtl?: number;
  availableTtls: number[];
  lines: { code: string; name: string }[];
  versionCode?: string;
  versionName?: string;
  dnsServers: string[];
}

export interface DnsRecord extends ExistingRecord {
  domainName: string;
  status?: string;
  locked?: boolean;
  remark?: string;
}

export interface DnsRecordFilter {
  rrKeyWord?: string;
  type?: string;
  valueKeyWord?: string;
  line?: string;
  status?: 'Enable' | 'Disable';
}

export interface DnsWriteResult {
  recordId: string;
  /** False when an identical record already existed and nothing was written. */
  written: boolean;
  record: DnsRecord;
}
