// What the emulator's DNS serves, built from its state: the Alidns zones' enabled default-line records, and
// each accelerator's DnsName with the addresses of its active ip sets. Pure; rebuilt for every query so the
// answer always matches the state the API reports.
import { isIP } from 'node:net';
import type * as dnsPacket from 'dns-packet';
import { recordFqdn } from '../../model';
import type { DnsZone, EmulatorState } from '../state';

/** GA does not document the TTL of DnsName answers; short, as for any name whose addresses can change. */
export const DNS_NAME_TTL = 60;
const SOA_TIMERS = { refresh: 3600, retry: 600, expire: 86400 };

export interface ServedRecord {
  type: 'A' | 'AAAA' | 'CNAME' | 'MX' | 'TXT' | 'NS' | 'SRV';
  ttl: number;
  data: string | dnsPacket.MxData | dnsPacket.TxtData | dnsPacket.SrvData;
}

export interface ServedZone {
  apex: string;
  soa: dnsPacket.SoaData;
  soaTtl: number;
  nameServers: string[];
}

export interface RecordIndex {
  zones: ServedZone[];
  /** Lower-case names without the trailing dot; wildcard owners keep their `*` label. */
  names: Map<string, ServedRecord[]>;
}

export function normalizeName(name: string): string {
  return name.replace(/\.$/, '').toLowerCase();
}

export function buildRecordIndex(state: EmulatorState): RecordIndex {
  const index: RecordIndex = { zones: [], names: new Map() };
  const add = (name: string, record: ServedRecord) => {
    const key = normalizeName(name);
    const list = index.names.get(key) ?? [];
    list.push(record);
    index.names.set(key, list);
  };
  for (const zone of Object.values(state.dns.zones)) {
    index.zones.push(servedZone(zone));
    for (const r of Object.values(zone.records)) {
      // Other lines answer resolvers of particular networks only; the default line is what everyone else sees.
      if (r.Status !== 'Enable' || (r.Line ?? 'default') !== 'default') continue;
      const served = toServed(r.Type, r.Value, r.TTL, r.Priority);
      if (served) add(recordFqdn(r.RR, zone.DomainName), served);
    }
  }
  const gaZones = new Set<string>();
  for (const acc of Object.values(state.ga.accelerators)) {
    if (!acc.DnsName) continue;
    gaZones.add(parentOf(normalizeName(acc.DnsName)));
    // The name exists as long as the accelerator does: without active ip sets it answers NODATA, not NXDOMAIN.
    if (!index.names.has(normalizeName(acc.DnsName))) index.names.set(normalizeName(acc.DnsName), []);
    for (const set of Object.values(state.ga.ipSets)) {
      if (set.AcceleratorId !== acc.AcceleratorId || set.State !== 'active') continue;
      for (const address of set.IpAddressList) {
        const family = isIP(address);
        if (family) add(acc.DnsName, { type: family === 6 ? 'AAAA' : 'A', ttl: DNS_NAME_TTL, data: address });
      }
    }
  }
  for (const apex of gaZones) {
    if (!index.zones.some((z) => z.apex === apex)) index.zones.push(syntheticZone(apex));
  }
  return index;
}

function toServed(type: string, value: string, ttl: number, priority?: number): ServedRecord | undefined {
  switch (type) {
    case 'A':
    case 'AAAA':
      return isIP(value) === (type === 'A' ? 4 : 6) ? { type, ttl, data: value } : undefined;
    case 'CNAME':
    case 'NS':
      return { type, ttl, data: normalizeName(value) };
    case 'MX':
      return { type, ttl, data: { preference: priority ?? 10, exchange: normalizeName(value) } };
    case 'TXT':
      // A character-string holds at most 255 bytes; longer values are split, as DNS providers do.
      return { type, ttl, data: value.match(/[\s\S]{1,255}/g) ?? [''] };
    case 'SRV': {
      const m = /^(\d+)\s+(\d+)\s+(\d+)\s+(\S+)$/.exec(value.trim());
      return m ? { type, ttl, data: { priority: Number(m[1]), weight: Number(m[2]), port: Number(m[3]), target: normalizeName(m[4]) } } : undefined;
    }
    default:
      // URL forwarding records are served by Alidns's web redirectors, not as DNS data.
      return undefined;
  }
}

function servedZone(zone: DnsZone): ServedZone {
  const apex = normalizeName(zone.DomainName);
  const changed = Math.max(zone.CreateTimestamp, ...Object.values(zone.records).map((r) => r.UpdateTimestamp));
  return {
    apex,
    nameServers: zone.DnsServers.map(normalizeName),
    soaTtl: zone.MinTtl,
    soa: {
      mname: normalizeName(zone.DnsServers[0] ?? `ns1.${apex}`),
      rname: `hostmaster.${apex}`,
      // Seconds of the last change: grows with every edit, as a serial should.
      serial: Math.floor(changed / 1000) >>> 0,
      ...SOA_TIMERS,
      minimum: zone.MinTtl,
    },
  };
}

function syntheticZone(apex: string): ServedZone {
  return {
    apex,
    nameServers: [],
    soaTtl: DNS_NAME_TTL,
    soa: { mname: `ns1.${apex}`, rname: `hostmaster.${apex}`, serial: 1, ...SOA_TIMERS, minimum: DNS_NAME_TTL },
  };
}

function parentOf(name: string): string {
  const dot = name.indexOf('.');
  return dot < 0 ? name : name.slice(dot + 1);
}
