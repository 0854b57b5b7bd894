// Finding and creating zones and records in the emulator's Alidns state, with the service's "not found" errors.
import { randomUUID } from 'node:crypto';
import { domainToASCII } from 'node:url';
import type { ExistingRecord } from '../../model';
import { ApiError } from '../api';
import type { DnsRecord, DnsState, DnsZone } from '../state';
import { edition } from './editions';
import { setOwn } from '../ownKeys';

/** Zone names compare case-insensitively and without a trailing dot; IDN names by their punycode. */
export function normalizeDomainName(name: string): string {
  const trimmed = name.trim().replace(/\.$/, '').toLowerCase();
  return domainToASCII(trimmed) || trimmed;
}

export function findZone(dns: DnsState, domainName: string): DnsZone | undefined {
  const key = normalizeDomainName(domainName);
  return Object.prototype.hasOwnProperty.call(dns.zones, key) ? dns.zones[key] : undefined;
}

export function requireZone(dns: DnsState, domainName: string): DnsZone {
  const zone = findZone(dns, domainName);
  if (!zone) {
    throw new ApiError('InvalidDomainName.NoExist', `The domain name "${domainName}" does not exist in this account's Alibaba Cloud DNS; add it with AddDomain first or check the spelling.`);
  }
  return zone;
}

export function findRecord(dns: DnsState, recordId: string): { zone: DnsZone; record: DnsRecord } | undefined {
  for (const zone of Object.values(dns.zones)) {
    if (Object.prototype.hasOwnProperty.call(zone.records, recordId)) return { zone, record: zone.records[recordId] };
  }
  return undefined;
}

export function requireRecord(dns: DnsState, recordId: string): { zone: DnsZone; record: DnsRecord } {
  const found = findRecord(dns, recordId);
  if (!found) {
    throw new ApiError('DomainRecordNotBelongToUser', `The DNS record ${recordId} does not exist or does not belong to this account; list the zone's records (DescribeDomainRecords) for current ids.`);
  }
  return found;
}

function nextCount(dns: DnsState, counter: string): number {
  dns.counters[counter] = (dns.counters[counter] ?? 0) + 1;
  return dns.counters[counter];
}

/** Record ids are long decimal strings on the real service; a counter keeps them unique across restarts. */
export function newRecordId(dns: DnsState): string {
  return String(1_000_000_000_000_000 + nextCount(dns, 'record'));
}

export function createZone(dns: DnsState, domainName: string, editionCode: string, now: number, resourceGroupId?: string): DnsZone {
  const e = edition(editionCode);
  const name = normalizeDomainName(domainName);
  const zone: DnsZone = {
    DomainId: randomUUID(),
    DomainName: name,
    VersionCode: e.code,
    VersionName: e.name,
    MinTtl: e.minTtl,
    CreateTimestamp: now,
    DnsServers: [...e.dnsServers],
    records: {},
    ...(resourceGroupId ? { ResourceGroupId: resourceGroupId } : {}),
  };
  setOwn(dns.zones, name, zone);
  return zone;
}

/** A record in the model's shape, for its clash rules. */
export function asExisting(r: DnsRecord): ExistingRecord {
  return { recordId: r.RecordId, rr: r.RR, type: r.Type, value: r.Value, ttl: r.TTL, line: r.Line, priority: r.Priority };
}

export function existingRecords(zone: DnsZone): ExistingRecord[] {
  return Object.values(zone.records).map(asExisting);
}

/** Minute-precision UTC time as the Alidns API writes CreateTime (`2024-05-01T08:30Z`). */
export function apiTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16)}Z`;
}
