// What the explorer reads from one profile, and what that costs: the reads are workflows' (src/workflows/live),
// this class keeps their answers until a refresh. No vscode here: the tree, the tests and the benchmark
// (bench/explorer.ts) all drive this class.
//
// Calls, per refresh:
//   listing the profile          ListAccelerators (all pages, 50 a page) + DescribeAcceleratorServiceStatus
//   expanding an accelerator     ListIpSets + ListListeners + ListEndpointGroups (the whole accelerator in one
//                                list, not one per listener), in parallel, each at its largest page size;
//                                the first expansion also lists the bandwidth plans (ListBandwidthPackages, once
//                                per refresh for the whole profile, in parallel with the three)
//   expanding a listener         GetHealthStatus (once per listener: it covers all its groups and endpoints)
//   expanding "DNS records"      DescribeDomains + DescribeDomainRecords per zone (≤ zoneLimit zones, a few in
//                                flight), once per refresh for the whole profile
// Every answer is kept until refresh() (or a narrower forget*()), so expanding, collapsing and re-expanding
// costs nothing. A failed call is not kept: expanding again retries it.
import type {
  Accelerator,
  AcceleratorSummary,
  BandwidthPackageSummary,
  EndpointGroupSummary,
  GaService,
  HealthStatus,
  IpSet,
  IpSetSummary,
  Listener,
  ListenerSummary,
} from '../cloud';
import { isCloudError } from '../cloud';
import { readAcceleratorChildren, recordsPointingAt, scanDnsZones, type DnsReader, type DnsScan, type DnsScanOptions } from '../workflows';
import { isIpv6 } from '../model';

export type GaReader = Pick<
  GaService,
  | 'listAccelerators'
  | 'describeAccelerator'
  | 'listBandwidthPackages'
  | 'listIpSets'
  | 'describeIpSet'
  | 'listListeners'
  | 'describeListener'
  | 'listEndpointGroups'
  | 'getHealthStatus'
  | 'describeAcceleratorServiceStatus'
>;

export interface AcceleratorDetails {
  ipSets: IpSetSummary[];
  listeners: ListenerSummary[];
  endpointGroups: EndpointGroupSummary[];
  /** The bound basic plan as listed; undefined when none is bound or the plans could not be listed. */
  bandwidthPlan?: BandwidthPackageSummary;
  /** Why the plan's details (state, billing) are missing although a plan is bound. */
  bandwidthPlanError?: string;
}

export interface DnsMatches {
  records: DnsScan['records'];
  scan: DnsScan;
}

/** A resource as polled while it is in a transient state; `undefined` = it no longer exists. */
export type Polled<T> = T | undefined;

export class ExplorerLoader {
  private cache = new Map<string, Promise<unknown>>();

  constructor(
    private readonly ga: GaReader,
    private readonly dns: DnsReader,
    private readonly dnsOptions: DnsScanOptions = {},
  ) {}

  accelerators(): Promise<AcceleratorSummary[]> {
    return this.once('accelerators', () => this.ga.listAccelerators());
  }

  details(accelerator: AcceleratorSummary): Promise<AcceleratorDetails> {
    const id = accelerator.acceleratorId ?? '';
    return this.once(`details/${id}`, async () => {
      const planId = accelerator.basicBandwidthPackage?.instanceId;
      const [children, plans] = await Promise.all([
        readAcceleratorChildren(this.ga, id),
        planId ? this.plans().then((list) => ({ list }), (e: unknown) => ({ error: messageOf(e) })) : undefined,
      ]);
      const details: AcceleratorDetails = { ...children };
      if (plans && 'list' in plans) details.bandwidthPlan = plans.list.find((p) => p.bandwidthPackageId === planId);
      if (plans && 'error' in plans) details.bandwidthPlanError = plans.error;
      return details;
    });
  }

  /** Whether pay-as-you-go GA is activated (Normal, NotOpened, …); the tree explains any other status. */
  async serviceStatus(): Promise<string | undefined> {
    return (await this.once('service', () => this.ga.describeAcceleratorServiceStatus())).status;
  }

  /** The listener's health; one call answers for all of its endpoint groups. */
  health(acceleratorId: string, listenerId: string): Promise<HealthStatus> {
    return this.once(`health/${acceleratorId}/${listenerId}`, () => this.ga.getHealthStatus(acceleratorId, listenerId));
  }

  dnsScan(): Promise<DnsScan> {
    return this.once('dns', () => scanDnsZones(this.dns, this.dnsOptions));
  }

  /** The DNS scan if it has already finished, without starting one (e.g. to name dependents in a confirmation). */
  async peekDnsScan(): Promise<DnsScan | undefined> {
    const pending = this.cache.get('dns') as Promise<DnsScan> | undefined;
    return pending?.catch(() => undefined);
  }

  async dnsRecordsFor(accelerator: AcceleratorSummary): Promise<DnsMatches> {
    const [details, scan] = await Promise.all([this.details(accelerator), this.dnsScan()]);
    return { records: recordsPointingAt(scan.records, { dnsName: accelerator.dnsName, ipv6Addresses: ipv6AddressesOf(details) }), scan };
  }

  // ---- refresh ------------------------------------------------------------------------------------------------

  /** Forgets everything: the next read asks the API again. */
  refresh(): void {
    this.cache.clear();
  }

  /**
   * Forgets one accelerator's children and the health of its listeners, keeping the accelerator list and DNS;
   * `plans` also forgets the bandwidth plans (after a bind or unbind).
   */
  forgetAccelerator(acceleratorId: string, options: { plans?: boolean } = {}): void {
    this.cache.delete(`details/${acceleratorId}`);
    for (const key of [...this.cache.keys()]) if (key.startsWith(`health/${acceleratorId}/`)) this.cache.delete(key);
    if (options.plans) this.cache.delete('plans');
  }

  forgetAcceleratorList(): void {
    this.cache.delete('accelerators');
    this.cache.delete('service');
  }

  forgetHealth(acceleratorId: string, listenerId: string): void {
    this.cache.delete(`health/${acceleratorId}/${listenerId}`);
  }

  forgetDns(): void {
    this.cache.delete('dns');
  }

  // ---- polling of resources in transient states (never cached) --------------------------------------------------

  pollAccelerator(acceleratorId: string): Promise<Polled<Accelerator>> {
    return orGone(() => this.ga.describeAccelerator(acceleratorId));
  }

  /** Ip sets being deleted answer without State before they are gone (ga-api.md §2.16): that counts as gone. */
  async pollIpSet(ipSetId: string): Promise<Polled<IpSet>> {
    const ipSet = await orGone(() => this.ga.describeIpSet(ipSetId));
    return ipSet?.state ? ipSet : undefined;
  }

  pollListener(listenerId: string): Promise<Polled<Listener>> {
    return orGone(() => this.ga.describeListener(listenerId));
  }

  /** Listed rather than described: only the list carries the endpoints' ids, which health is matched by. */
  async pollEndpointGroup(acceleratorId: string, listenerId: string, endpointGroupId: string): Promise<Polled<EndpointGroupSummary>> {
    const groups = await this.ga.listEndpointGroups(acceleratorId, listenerId);
    return groups.find((g) => g.endpointGroupId === endpointGroupId);
  }

  private once<T>(key: string, load: () => Promise<T>): Promise<T> {
    const cached = this.cache.get(key) as Promise<T> | undefined;
    if (cached) return cached;
    const pending = load();
    this.cache.set(key, pending);
    // A failure is reported to whoever waits now, and forgotten so the next expansion retries.
    pending.catch(() => {
      if (this.cache.get(key) === pending) this.cache.delete(key);
    });
    return pending;
  }

  private plans(): Promise<BandwidthPackageSummary[]> {
    return this.once('plans', () => this.ga.listBandwidthPackages());
  }
}

export function ipv6AddressesOf(details: Pick<AcceleratorDetails, 'ipSets'>): string[] {
  return details.ipSets.flatMap((s) => (s.ipAddressList ?? []).filter(isIpv6));
}

async function orGone<T>(describe: () => Promise<T>): Promise<Polled<T>> {
  try {
    return await describe();
  } catch (e) {
    if (isCloudError(e) && e.category === 'notFound') return undefined;
    throw e;
  }
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
