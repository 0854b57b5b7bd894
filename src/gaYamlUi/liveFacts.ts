// What the ga.yaml checks may know about the active profile's account, read through the cloud services and cached
// per profile: acceleration regions with their IPv6 flags (ListAvailableAccelerateAreas), DNS zones
// (DescribeDomains) and their minimum TTLs (DescribeDomainInfo, only for zones a file names), and, for hover, live
// accelerators with their addresses (ListAccelerators + ListIpSets, only for names a file points at).
// current() never waits: it returns what is cached (the offline rules before the first read) and reads in the
// background; listeners hear when new facts arrived. No vscode import: unit-tested with fake services.
import type { DnsService, GaService } from '../cloud';
import type { GaYamlFacts, LiveAccelerator } from '../gaYaml';
import type { LiveRegionFlags } from '../model';
import type { Profile } from '../profiles/types';

export interface FactsServices {
  ga: Pick<GaService, 'listAvailableAccelerateAreas' | 'listAccelerators' | 'listIpSets'>;
  dns: Pick<DnsService, 'describeDomains' | 'describeDomainInfo'>;
}

/** How long read facts are used before they are read again (regions and zones change rarely). */
export const FACTS_TTL_MS = 5 * 60_000;
/** Live accelerators change with every apply: read again after this. */
export const ACCELERATORS_TTL_MS = 30_000;
/** At most this many zones' minimum TTLs and accelerators' addresses are read at once. */
const MAX_LOOKUPS = 10;

interface Entry {
  profile: Profile;
  facts: GaYamlFacts;
  loadedAt?: number;
  loading?: Promise<void>;
  minTtl: Map<string, number>;
  minTtlAsked: Set<string>;
  accelerators?: { at: number; list: Promise<LiveAccelerator[]> };
  ipSets: Map<string, { at: number; areas: Promise<LiveAccelerator['areas']> }>;
}

export class LiveFacts {
  private readonly entries = new Map<string, Entry>();
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly servicesFor: (profile: Profile) => FactsServices,
    private readonly log: (line: string) => void = () => undefined,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * The facts for `profile` now, without waiting: the same object until something new is known (so the
   * validator can reuse its work). Starts a background read when there is none or it is stale; `zones` are the
   * zones the open files name, whose minimum TTLs are then read too.
   */
  current(profile: Profile | undefined, zones: readonly string[] = []): GaYamlFacts {
    if (!profile) return {};
    const entry = this.entry(profile);
    const stale = entry.loadedAt === undefined || this.now() - entry.loadedAt > FACTS_TTL_MS;
    if (stale && !entry.loading) entry.loading = this.load(entry).finally(() => (entry.loading = undefined));
    else if (!entry.loading && entry.facts.zones) this.readMinTtls(entry, zones);
    return entry.facts;
  }

  /** Resolves when the read started by current() has finished (tests, and the first validation after a switch). */
  async settled(profile: Profile | undefined): Promise<GaYamlFacts> {
    if (!profile) return {};
    const entry = this.entries.get(profile.id);
    await entry?.loading;
    return entry?.facts ?? {};
  }

  /** Returns an unsubscribe function; called whenever new facts arrived for any profile. */
  onDidChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Forgets what was read (a profile reloaded, an apply changed the account). */
  invalidate(profileId?: string): void {
    if (profileId === undefined) this.entries.clear();
    else this.entries.delete(profileId);
  }

  /**
   * Live accelerators named `names`, with their areas' addresses (for hover on `to:`), waiting at most
   * `timeoutMs`; undefined when they could not be read in time.
   */
  async accelerators(profile: Profile | undefined, names: readonly string[], timeoutMs: number): Promise<LiveAccelerator[] | undefined> {
    if (!profile) return undefined;
    const entry = this.entry(profile);
    if (!entry.accelerators || this.now() - entry.accelerators.at > ACCELERATORS_TTL_MS) {
      const { ga } = this.servicesFor(entry.profile);
      const list = ga.listAccelerators().then((all) => all.map((a): LiveAccelerator => ({ name: a.name ?? '', id: a.acceleratorId, state: a.state, cname: a.dnsName, areas: [] })));
      entry.accelerators = { at: this.now(), list };
    }
    const wanted = new Set(names);
    const list = entry.accelerators.list.then((all) => this.withAreas(entry, all.filter((a) => wanted.has(a.name)).slice(0, MAX_LOOKUPS)));
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), timeoutMs)));
    try {
      return await Promise.race([list, timeout]);
    } catch {
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  }

  private entry(profile: Profile): Entry {
    let entry = this.entries.get(profile.id);
    // A reloaded profile (new endpoints, a new secret) is a new object: read again for it.
    if (!entry || entry.profile !== profile) {
      entry = { profile, facts: { sandbox: profile.source === 'sandbox' }, minTtl: new Map(), minTtlAsked: new Set(), ipSets: new Map() };
      this.entries.set(profile.id, entry);
    }
    return entry;
  }

  private async load(entry: Entry): Promise<void> {
    const { ga, dns } = this.servicesFor(entry.profile);
    const [areas, domains] = await Promise.allSettled([ga.listAvailableAccelerateAreas(), dns.describeDomains()]);
    const liveRegions: LiveRegionFlags[] | undefined =
      areas.status === 'fulfilled'
        ? areas.value.flatMap((a) => (a.regionList ?? []).map((r) => ({ regionId: r.regionId ?? '', supportIpv6: r.supportIpv6, name: r.localName, ispTypes: r.ispTypeList })).filter((r) => r.regionId))
        : undefined;
    const zones = domains.status === 'fulfilled' ? domains.value.map((d) => d.domainName).filter(Boolean) : undefined;
    for (const [what, r] of [['acceleration areas', areas], ['DNS zones', domains]] as const) {
      if (r.status === 'rejected') this.log(`ga.yaml: reading the ${what} of ${entry.profile.name} failed (${r.reason instanceof Error ? r.reason.message : String(r.reason)}); the offline rules apply`);
    }
    entry.loadedAt = this.now();
    this.publish(entry, { sandbox: entry.profile.source === 'sandbox', liveRegions, zones });
  }

  private readMinTtls(entry: Entry, zones: readonly string[]): void {
    const known = new Set((entry.facts.zones ?? []).map((z) => z.toLowerCase()));
    const todo = zones.filter((z) => known.has(z.toLowerCase()) && !entry.minTtlAsked.has(z)).slice(0, MAX_LOOKUPS);
    if (todo.length === 0) return;
    for (const z of todo) entry.minTtlAsked.add(z);
    const { dns } = this.servicesFor(entry.profile);
    void Promise.allSettled(todo.map(async (z) => entry.minTtl.set(z, (await dns.describeDomainInfo(z)).minTtl ?? NaN))).then(() => {
      for (const [z, ttl] of entry.minTtl) if (!Number.isFinite(ttl)) entry.minTtl.delete(z);
      this.publish(entry, { ...entry.facts, zoneMinTtl: new Map(entry.minTtl) });
    });
  }

  /** The accelerators with their areas' addresses (ListIpSets, one call per accelerator, cached). */
  private async withAreas(entry: Entry, accelerators: LiveAccelerator[]): Promise<LiveAccelerator[]> {
    const { ga } = this.servicesFor(entry.profile);
    return Promise.all(
      accelerators.map(async (a) => {
        if (!a.id) return a;
        let cached = entry.ipSets.get(a.id);
        if (!cached || this.now() - cached.at > ACCELERATORS_TTL_MS) {
          const areas = ga.listIpSets(a.id).then((sets) => sets.map((s) => ({ region: s.accelerateRegionId ?? '', ipVersion: s.ipVersion, addresses: s.ipAddressList ?? [] })));
          cached = { at: this.now(), areas };
          entry.ipSets.set(a.id, cached);
        }
        return { ...a, areas: await cached.areas.catch(() => []) };
      }),
    );
  }

  private publish(entry: Entry, facts: GaYamlFacts): void {
    entry.facts = facts;
    for (const l of [...this.listeners]) l();
  }
}
