// Reading the live account: ListAccelerators once, then ListIpSets + ListListeners + ListEndpointGroups for
// each accelerator wanted (in parallel, a few accelerators at a time), and DescribeDomainRecords once per zone
// wanted: 1 + 3·A + Z calls (more only for accounts with more than a page of something). No Describe per
// resource: this is what makes a plan cheap (bench/plan.ts compares it with Terraform's refresh).
import type { AcceleratorSummary, CallOptions, DnsService, GaService } from '../../cloud';
import { isCloudError } from '../../cloud';
import { createLimiter } from '../../model';
import { scanDnsZones, DEFAULT_DNS_CONCURRENCY } from './dnsScan';
import { toLiveAccelerator, type AcceleratorChildren, type LiveDnsZone, type LiveState } from './liveState';

export type GaListReader = Pick<GaService, 'listAccelerators' | 'listIpSets' | 'listListeners' | 'listEndpointGroups'>;
export type DnsListReader = Pick<DnsService, 'describeDomains' | 'describeDomainRecords'>;

export interface LiveReaders {
  ga: GaListReader;
  dns: DnsListReader;
}

/** Accelerators read at once: each is three list calls in flight. */
export const DEFAULT_ACCELERATOR_CONCURRENCY = 5;

export interface ReadLiveOptions extends CallOptions {
  /** Which listed accelerators to read in full (default: all). */
  select?: (a: AcceleratorSummary) => boolean;
  /** Zones whose records to read: their names, or 'all' zones of the account (DescribeDomains first). Default: none. */
  zones?: readonly string[] | 'all';
  /** With zones 'all': read at most this many zones. */
  zoneLimit?: number;
  /** Accelerators read at once. */
  concurrency?: number;
}

/** One accelerator's areas, listeners and endpoint groups: three list calls, in parallel. */
export async function readAcceleratorChildren(ga: GaListReader, acceleratorId: string, o: CallOptions = {}): Promise<AcceleratorChildren> {
  const [ipSets, listeners, endpointGroups] = await Promise.all([
    ga.listIpSets(acceleratorId, o),
    ga.listListeners(acceleratorId, o),
    ga.listEndpointGroups(acceleratorId, undefined, o),
  ]);
  return { ipSets, listeners, endpointGroups };
}

export async function readLiveState(readers: LiveReaders, options: ReadLiveOptions = {}): Promise<LiveState> {
  const o: CallOptions = { signal: options.signal };
  const limit = createLimiter(options.concurrency ?? DEFAULT_ACCELERATOR_CONCURRENCY);
  const [summaries, zones] = await Promise.all([readSelected(readers.ga, options.select, o), readZones(readers.dns, options, o)]);
  const accelerators = await Promise.all(
    summaries.map((s) => limit(async () => toLiveAccelerator(s, await readAcceleratorChildren(readers.ga, s.acceleratorId ?? '', o)))),
  );
  return { accelerators, zones };
}

async function readSelected(ga: GaListReader, select: ReadLiveOptions['select'], o: CallOptions): Promise<AcceleratorSummary[]> {
  const all = await ga.listAccelerators({}, o);
  return select ? all.filter(select) : all;
}

async function readZones(dns: DnsListReader, options: ReadLiveOptions, o: CallOptions): Promise<LiveDnsZone[]> {
  const wanted = options.zones ?? [];
  if (wanted === 'all') {
    const scan = await scanDnsZones(dns, { zoneLimit: options.zoneLimit });
    return scan.zonesSearched.map((zone) => ({
      zone,
      records: scan.records.filter((r) => r.domainName === zone),
      ...errorOf(scan.failures.find((f) => f.zone === zone)?.message),
    }));
  }
  const limit = createLimiter(DEFAULT_DNS_CONCURRENCY);
  return Promise.all(
    wanted.map((zone) =>
      limit(async (): Promise<LiveDnsZone> => {
        try {
          return { zone, records: await dns.describeDomainRecords(zone, {}, o) };
        } catch (e) {
          // The zone missing from the account is the file's problem, shown on its key; anything else stops the read.
          if (isCloudError(e) && e.category === 'notFound') return { zone, records: [], error: `Zone ${zone} is not in this Alibaba Cloud DNS account (${e.code}): add it in the Alibaba Cloud DNS console, or check the profile.` };
          throw e;
        }
      }),
    ),
  );
}

function errorOf(message: string | undefined): { error?: string } {
  return message === undefined ? {} : { error: message };
}
