// ga.yaml version 1 as data: the desired state of IPv6 front doors (shared/reference/ga-yaml.md is the contract).
// The ga.yaml parser produces it, the webview forms build it, export writes it, and the plan compares it with
// the live account. Pure and JSON-shaped. Named things are arrays of entries with their name (not objects keyed by
// name), so that order is kept and no name, however hostile ("__proto__"), can reach an object's prototype.
import type { PortRange } from './rules';

export const GA_CONFIG_VERSION = 1;

/** subscription = PREPAY (needs term and bandwidthPlan); payAsYouGo = POSTPAY, billed by data transfer without a plan. */
export type Billing = 'subscription' | 'payAsYouGo';
export type IpVersion = 'IPv4' | 'IPv6' | 'DUAL_STACK';
export type IspType = 'BGP' | 'BGP_PRO';
export type BandwidthType = 'Basic' | 'Enhanced' | 'Advanced';
export type ConfigListenerProtocol = 'TCP' | 'UDP' | 'HTTP' | 'HTTPS';
export type ConfigClientAffinity = 'NONE' | 'SOURCE_IP';
export type ConfigRecordType = 'AAAA' | 'CNAME';

export interface TermConfig {
  cycle: 'Month' | 'Year';
  duration: number;
  autoRenew?: boolean;
}

export interface BandwidthPlanConfig {
  bandwidthType: BandwidthType;
  /** Mbit/s. */
  bandwidth: number;
}

export interface AreaConfig {
  /** The acceleration region of the clients, e.g. cn-beijing (the key in the file). */
  region: string;
  ipVersion: IpVersion;
  /** Mbit/s; required with a bandwidth plan, optional for pay-by-data-transfer instances. */
  bandwidth?: number;
  /** Pay-by-data-transfer only. */
  ispType?: IspType;
}

export interface EndpointConfig {
  /** A custom-IP endpoint (type Ip): the IPv4 service's address. */
  ip: string;
  weight: number;
}

export interface EndpointGroupConfig {
  name: string;
  /** Where the IPv4 service runs. */
  region: string;
  endpoints: EndpointConfig[];
  /** The seed's "Preserve Client IP" (default false). */
  preserveClientIp?: boolean;
}

export interface ListenerConfig {
  /** The listener's name (the key in the file). */
  name: string;
  protocol: ConfigListenerProtocol;
  /** From `ports: [80, "8000-8010"]`; a single port is a range of one. */
  ports: PortRange[];
  clientAffinity?: ConfigClientAffinity;
  endpointGroups: EndpointGroupConfig[];
}

export interface AcceleratorConfig {
  /** The instance name (the key in the file). */
  name: string;
  /** Pins a live instance (`id: ga-…`), e.g. when two share the name. */
  id?: string;
  /** `absent` deletes the accelerator and everything under it. */
  state?: 'present' | 'absent';
  /**
   * The specification ("1" Small I, …): required for a subscription; a pay-as-you-go instance billed by data
   * transfer has none (what an ordinary account can buy, model OFFERED_PURCHASES).
   */
  spec?: string;
  billing: Billing;
  term?: TermConfig;
  bandwidthPlan?: BandwidthPlanConfig;
  areas: AreaConfig[];
  listeners: ListenerConfig[];
}

export interface DnsRecordConfig {
  /** RR: www, @, *, api.v2, … */
  host: string;
  type: ConfigRecordType;
  /** `accelerator/area-region` or `accelerator` (exactly one of `to` and `value`). */
  to?: string;
  /** A literal address (AAAA) or host name (CNAME). */
  value?: string;
  ttl?: number;
}

export interface DnsZoneConfig {
  /** A zone hosted in Alibaba Cloud DNS, e.g. example.com (the key in the file). */
  zone: string;
  records: DnsRecordConfig[];
}

export interface GaConfig {
  version: typeof GA_CONFIG_VERSION;
  accelerators: AcceleratorConfig[];
  dns: DnsZoneConfig[];
}

/** A `to:` reference split: `web-ipv6/cn-beijing` → accelerator web-ipv6, area cn-beijing. */
export function parseRecordTarget(to: string): { accelerator: string; area?: string } {
  const slash = to.indexOf('/');
  return slash < 0 ? { accelerator: to } : { accelerator: to.slice(0, slash), area: to.slice(slash + 1) };
}

export function emptyGaConfig(): GaConfig {
  return { version: GA_CONFIG_VERSION, accelerators: [], dns: [] };
}
