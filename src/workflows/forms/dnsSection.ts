// Step 4: the record that points the service's name at GA: an AAAA record (the area's IPv6 address) or a CNAME
// (the instance's CNAME). The value is not typed: it comes from what the earlier steps create.
import { DEFAULT_TTL, dnsHostProblems, dnsTtlProblems, findRecordClash, problem, recordFqdn, type Problem } from '../../model';
import { NO_ZONE, RECORD_TYPE_CHOICES, TTL_CHOICES } from './choices';
import { parseWholeNumber, ProblemList, type Choice, type FieldSpec } from './fields';
import { hasZone, type ZoneFacts } from './facts';

export interface DnsValues {
  /** A zone of the profile's Alibaba Cloud DNS, or NO_ZONE to skip the record. */
  zone: string;
  type: string;
  host: string;
  /** Seconds, one of TTL_CHOICES. */
  ttl: string;
}

export const DNS_DEFAULTS: DnsValues = { zone: 'example.com', type: 'AAAA', host: 'www', ttl: String(DEFAULT_TTL) };

export function zoneChoices(zones: readonly ZoneFacts[], opts: { allowNone: boolean }): Choice[] {
  const list: Choice[] = zones.map((z) => ({ value: z.name, label: z.name }));
  if (opts.allowNone) list.push({ value: NO_ZONE, label: zones.length ? 'No DNS record' : 'No DNS record (this account has no zones in Alibaba Cloud DNS)' });
  return list;
}

export function dnsFields(prefix: string, zones: readonly ZoneFacts[], opts: { allowNone: boolean }): FieldSpec[] {
  return [
    { path: `${prefix}.zone`, label: 'Domain Name', kind: 'select', choices: zoneChoices(zones, opts), help: 'A zone hosted in Alibaba Cloud DNS.' },
    { path: `${prefix}.type`, label: 'Type', kind: 'select', choices: RECORD_TYPE_CHOICES },
    { path: `${prefix}.host`, label: 'Host', kind: 'text', help: 'www for www.example.com, @ for the zone itself, * for every name.' },
    { path: `${prefix}.ttl`, label: 'TTL', kind: 'select', choices: TTL_CHOICES },
  ];
}

/** The record's future value, in words, or the value itself once known. */
export interface RecordTarget {
  /** The IPv6 address (AAAA) or CNAME, when it exists already (per-resource forms, after Create). */
  value?: string;
  /** What it will be, e.g. "the IPv6 address GA allocates to China (Beijing)". */
  description: string;
}

export interface DnsFacts {
  zones: readonly ZoneFacts[];
  allowNone: boolean;
  /** The value the record will get, when known (per-resource forms: the live address or CNAME). */
  value?: string;
  /**
   * A record with the same host and type is taken: ga.yaml identifies records by (zone, host, type), so adding
   * one would repoint it. The gateway form allows that (and says so in its review); Add DNS Record does not.
   */
  sameHostAndTypeTaken?: boolean;
}

export function validateDns(prefix: string, v: DnsValues, facts: DnsFacts): Problem[] {
  const out = new ProblemList();
  if (v.zone === NO_ZONE && facts.allowNone) return out.items;
  const zone = hasZone(facts, v.zone);
  if (!zone) {
    out.add([problem('required', `${prefix}.zone`, facts.zones.length
      ? `Choose one of this account's zones: ${facts.zones.map((z) => z.name).join(', ')}.`
      : 'This account has no zone in Alibaba Cloud DNS; add the domain there first.')]);
    return out.items;
  }
  const typeOk = RECORD_TYPE_CHOICES.some((c) => c.value === v.type);
  if (!typeOk) out.add([problem('enum', `${prefix}.type`, 'Type must be AAAA or CNAME.')]);
  const host = `${prefix}.host`;
  const rr = v.host.trim();
  out.add(dnsHostProblems(rr, host));
  out.add(dnsTtlProblems(parseWholeNumber(v.ttl) ?? Number.NaN, zone.minTtl, `${prefix}.ttl`));
  if (!typeOk || out.hasError(host)) return out.items;

  // The new value is not known before Create; a stand-in of the right family finds the CNAME conflicts.
  const value = facts.value ?? (v.type === 'AAAA' ? '2001:db8::' : 'ga.invalid');
  const clash = findRecordClash({ rr, type: v.type, value }, zone.records);
  if (clash?.kind === 'conflict') out.add([problem('cnameConflict', host, clash.message)]);
  else if (clash?.kind === 'duplicate' && facts.value !== undefined) {
    out.add([problem('duplicateEntry', host, `${recordFqdn(rr, zone.name)} already has this ${v.type} record (→ ${facts.value}).`)]);
  } else if (facts.sameHostAndTypeTaken) {
    const same = recordsReplaced(v, facts.zones);
    if (same.length > 0) out.add([problem('duplicateEntry', host, `${recordFqdn(rr, zone.name)} already has an ${v.type} record (→ ${same.map((r) => r.value).join(', ')}); a name has one record of a type here: choose another host.`)]);
  }
  return out.items;
}

/** Records the new one would replace: ga.yaml identifies a record by (zone, host, type), so apply repoints them. */
export function recordsReplaced(v: DnsValues, zones: readonly ZoneFacts[]): ZoneFacts['records'] {
  const zone = hasZone({ zones }, v.zone);
  const rr = v.host.trim().toLowerCase();
  return zone ? zone.records.filter((r) => r.rr.toLowerCase() === rr && r.type === v.type) : [];
}

/** A host of the zone without AAAA or CNAME records, for defaults: `www` when free, else `ipv6`, `ipv6-2`, … */
export function freeHost(zone: ZoneFacts | undefined, preferred = 'www'): string {
  const taken = (rr: string) => zone?.records.some((r) => r.rr.toLowerCase() === rr && (r.type === 'AAAA' || r.type === 'CNAME')) ?? false;
  if (!taken(preferred)) return preferred;
  if (!taken('ipv6')) return 'ipv6';
  for (let n = 2; ; n++) if (!taken(`ipv6-${n}`)) return `ipv6-${n}`;
}
