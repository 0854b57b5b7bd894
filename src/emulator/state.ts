// The emulator's whole state: plain JSON (so --state-file can persist it), stored in the API's wire names so
// that Describe/List answers are projections of it. Transient states carry the time they end (`transition`),
// applied lazily by the clock, so a restored state file resumes where it stopped.

export interface Transition {
  /** State to enter, or 'gone' to remove the resource. */
  to: string;
  /** Epoch ms (emulator clock) when it happens. */
  at: number;
  /** Extra fields to set when it happens (e.g. IpAddressList when an ip set becomes active). */
  set?: Record<string, unknown>;
}

export interface Tag {
  Key: string;
  Value: string;
}

export interface Accelerator {
  AcceleratorId: string;
  Name: string;
  Description: string;
  State: string;
  Spec?: string;
  InstanceChargeType: 'PREPAY' | 'POSTPAY';
  BandwidthBillingType: string;
  Bandwidth?: number;
  IpSetConfig: { AccessMode: string };
  DnsName: string;
  CreateTime: number;
  ExpiredTime?: number;
  /** Bound basic plan; absent when none. */
  BasicBandwidthPackage?: { InstanceId: string; Bandwidth: number; BandwidthType: string };
  CrossBorderStatus: boolean;
  ResourceGroupId: string;
  RegionId: string;
  Tags: Tag[];
  transition?: Transition;
}

export interface BandwidthPackage {
  BandwidthPackageId: string;
  Name: string;
  Description: string;
  State: string;
  Type: string;
  BandwidthType?: string;
  Bandwidth: number;
  ChargeType: 'PREPAY' | 'POSTPAY';
  BillingType?: string;
  Ratio?: number;
  /** Epoch ms as a string, as the API answers. */
  CreateTime: string;
  ExpiredTime?: string;
  Accelerators: string[];
  ResourceGroupId: string;
  RegionId: string;
  Tags: Tag[];
  transition?: Transition;
  /** The accelerator being bound/unbound while State is binding/unbinding. */
  pendingAccelerator?: string;
}

export interface IpSet {
  IpSetId: string;
  AcceleratorId: string;
  AccelerateRegionId: string;
  Bandwidth: number;
  IpAddressList: string[];
  IpVersion: 'IPv4' | 'IPv6' | 'DUAL_STACK';
  IspType: string;
  State: string;
  transition?: Transition;
}

export interface PortRange {
  FromPort: number;
  ToPort: number;
}

export interface Listener {
  ListenerId: string;
  AcceleratorId: string;
  Name: string;
  Description: string;
  State: string;
  Protocol: 'TCP' | 'UDP' | 'HTTP' | 'HTTPS';
  Type: string;
  PortRanges: PortRange[];
  /** HTTP/HTTPS listeners whose backend port differs from the listener port (UpdateListener). */
  BackendPorts?: PortRange[];
  ClientAffinity: 'NONE' | 'SOURCE_IP';
  IdleTimeout: number;
  RequestTimeout?: number;
  CreateTime: number;
  Certificates: { Id: string; Type: string }[];
  XForwardedForConfig?: Record<string, boolean>;
  SecurityPolicyId?: string;
  HttpVersion?: string;
  transition?: Transition;
}

export interface EndpointConfiguration {
  EndpointId: string;
  Type: string;
  Endpoint: string;
  Weight: number;
  EnableClientIPPreservation: boolean;
  EnableProxyProtocol: boolean;
  ProbePort?: number;
  ProbeProtocol?: string;
  SubAddress?: string;
  VpcId?: string;
  VSwitchIds?: string[];
  /**
   * Health as GetHealthStatus reports it: `init` until the group is active; then `normal`, or, for endpoints
   * the data plane health-checks (src/emulator/dataplane/healthChecks.ts), what its checks found.
   */
  health?: 'init' | 'normal' | 'abnormal';
}

export interface EndpointGroup {
  EndpointGroupId: string;
  AcceleratorId: string;
  ListenerId: string;
  Name: string;
  Description: string;
  State: string;
  EndpointGroupRegion: string;
  EndpointGroupType: 'default' | 'virtual';
  EndpointRequestProtocol?: string;
  EndpointProtocolVersion?: string;
  EndpointIpVersion?: string;
  EndpointConfigurations: EndpointConfiguration[];
  PortOverrides: { ListenerPort: number; EndpointPort: number }[];
  HealthCheckEnabled: boolean;
  HealthCheckHost?: string;
  HealthCheckPath?: string;
  HealthCheckPort?: number;
  HealthCheckProtocol?: string;
  HealthCheckIntervalSeconds?: number;
  ThresholdCount: number;
  TrafficPercentage: number;
  EndpointGroupIpList: string[];
  EndpointGroupUnconfirmedIpList: string[];
  ForwardingRuleIds: string[];
  Tags: Tag[];
  transition?: Transition;
}

/** The first answer to a ClientToken, replayed for any repeat (idempotency). */
export interface IdempotentAnswer {
  action: string;
  body: Record<string, unknown>;
  at: number;
}

/** Whitelist-only features an account may have been granted (ga-api.md §2.6); an ordinary account has none. */
export type AccountFeature = 'postpay-bandwidth-plans' | 'pay-by-95';

/** DescribeAcceleratorServiceStatus (ga-api.md §2.32); the emulator lets an account be Normal or NotOpened. */
export type ServiceStatus = 'Normal' | 'NotOpened';

/** What the account may buy: set by --account-features / --account-service, the admin API and fixtures. */
export interface GaAccount {
  features: AccountFeature[];
  /** Whether pay-as-you-go GA is activated; POSTPAY instances need Normal. */
  serviceStatus: ServiceStatus;
}

export interface GaState {
  /** The account's whitelist features and service activation; absent in state files written before it existed. */
  account: GaAccount;
  accelerators: Record<string, Accelerator>;
  bandwidthPackages: Record<string, BandwidthPackage>;
  ipSets: Record<string, IpSet>;
  listeners: Record<string, Listener>;
  endpointGroups: Record<string, EndpointGroup>;
  /** Keyed by `${accessKeyId}:${clientToken}`. */
  clientTokens: Record<string, IdempotentAnswer>;
  /** Regions offered by ListAvailableAccelerateAreas, with their IPv6 flag. */
  regions: { RegionId: string; LocalName: string; AreaId: string; AreaName: string; ChinaMainland: boolean; SupportIpv6: boolean; IspTypeList: string[] }[];
  /** Counters for ids and addresses, so they stay unique across restarts. */
  counters: Record<string, number>;
}

export interface DnsRecord {
  RecordId: string;
  DomainName: string;
  RR: string;
  Type: string;
  Value: string;
  TTL: number;
  Line: string;
  Priority?: number;
  Status: 'Enable' | 'Disable';
  Locked: boolean;
  Weight?: number;
  Remark?: string;
  CreateTimestamp: number;
  UpdateTimestamp: number;
}

export interface DnsZone {
  DomainId: string;
  DomainName: string;
  /** DNS edition code (mianfei = free, …); decides the minimum TTL. */
  VersionCode: string;
  VersionName: string;
  MinTtl: number;
  CreateTimestamp: number;
  DnsServers: string[];
  records: Record<string, DnsRecord>;
  /** Set when AddDomain named one; absent = the default resource group. */
  ResourceGroupId?: string;
}

export interface DnsState {
  zones: Record<string, DnsZone>;
  counters: Record<string, number>;
}

export interface EmulatorState {
  version: 1;
  ga: GaState;
  dns: DnsState;
}
