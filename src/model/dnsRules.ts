// Alibaba Cloud DNS record rules (ga-api.md §6.4), pure. The client validates with them before writing, the
// emulator enforces them with the API's codes, and forms and ga.yaml show the same messages.
import { canonicalIpv6, Check, isHostName, isIpv4, isIpv6, isInteger } from './rules';

export const RECORD_TYPES = ['A', 'AAAA', 'CNAME', 'MX', 'TXT', 'NS', 'SRV', 'REDIRECT_URL', 'FORWARD_URL'] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

export interface DnsRecordInput {
  rr: string;
  type: string;
  value: string;
  ttl?: number;
  line?: string;
  priority?: number;
}

export interface ExistingRecord extends DnsRecordInput {
  recordId: string;
}

/** Minimum TTL per DNS edition (Terraform docs; ga-api.md §6.4). `DescribeDomainInfo.MinTtl` wins when known. */
export const MIN_TTL_BY_EDITION: Record<string, number> = {
  mianfei: 600, // free
  bumianfei: 120, // basic / personal
  version_personal: 600,
  version_enterprise_basic: 60,
  version_enterprise_advanced: 1,
  exclusive: 1,
};
export const DEFAULT_TTL = 600;
export const MAX_TTL = 86400;

export function checkRR(rr: string): Check {
  if (rr === '') return 'Host (RR) is required: use @ for the zone apex, * for a wildcard, or a prefix such as www.';
  if (rr === '@' || rr === '*') return undefined;
  if (rr.length > 253) return 'Host (RR) must be at most 253 characters.';
  const labels = rr.split('.');
  for (const [i, label] of labels.entries()) {
    if (label === '*' && i === 0) continue;
    if (label.length < 1 || label.length > 63) return `Host (RR) "${rr}": each label must be 1 to 63 characters.`;
    if (!/^[A-Za-z0-9_-]+$/.test(label)) return `Host (RR) "${rr}" may contain only letters, digits, hyphens, underscores and dots (plus a leading *.).`;
    if (label.startsWith('-') || label.endsWith('-')) return `Host (RR) "${rr}": a label must not start or end with a hyphen.`;
  }
  return undefined;
}

export function checkRecordValue(type: string, value: string): Check {
  const v = value.trim();
  if (!v) return 'Record value is required.';
  switch (type) {
    case 'A':
      return isIpv4(v) ? undefined : `An A record points at an IPv4 address; "${v}" is not one.`;
    case 'AAAA':
      return isIpv6(v) ? undefined : `An AAAA record points at an IPv6 address (like the one GA allocated to the acceleration area); "${v}" is not one.`;
    case 'CNAME':
    case 'NS':
    case 'MX':
      if (isIpv4(v) || isIpv6(v)) return `A ${type} record points at a host name, not an IP address; for an address use ${isIpv6(v) ? 'AAAA' : 'A'}.`;
      return isHostName(v) ? undefined : `"${v}" is not a valid host name.`;
    case 'TXT':
      return v.length <= 512 ? undefined : 'A TXT record value must be at most 512 characters.';
    default:
      return undefined;
  }
}

export function checkTtl(ttl: number, minTtl: number = DEFAULT_TTL): Check {
  if (!isInteger(ttl)) return 'TTL must be a whole number of seconds.';
  if (ttl < minTtl) return `TTL ${ttl} s is below this zone's minimum of ${minTtl} s (it depends on the DNS edition); use ${minTtl} or more.`;
  if (ttl > MAX_TTL) return `TTL must be at most ${MAX_TTL} s (one day).`;
  return undefined;
}

/** Which part of a record a problem is about, so callers can point at the field (or pick an API error code). */
export type RecordField = 'type' | 'rr' | 'value' | 'ttl' | 'priority' | 'urlForwarding';

export interface RecordProblem {
  field: RecordField;
  message: string;
}

/** The first problem with a record, with the field it concerns; undefined when the record is fine. */
export function findRecordProblem(r: DnsRecordInput, opts: { minTtl?: number } = {}): RecordProblem | undefined {
  if (!(RECORD_TYPES as readonly string[]).includes(r.type)) return { field: 'type', message: `Record type "${r.type}" is not one of ${RECORD_TYPES.join(', ')}.` };
  const rr = checkRR(r.rr);
  if (rr) return { field: 'rr', message: rr };
  const value = checkRecordValue(r.type, r.value);
  if (value) return { field: 'value', message: value };
  if (r.ttl !== undefined) {
    const ttl = checkTtl(r.ttl, opts.minTtl);
    if (ttl) return { field: 'ttl', message: ttl };
  }
  if (r.type === 'MX' && (!isInteger(r.priority) || r.priority < 1 || r.priority > 50)) return { field: 'priority', message: 'An MX record needs a priority from 1 to 50.' };
  if ((r.type === 'REDIRECT_URL' || r.type === 'FORWARD_URL') && (r.rr.startsWith('*') || (r.line ?? 'default') !== 'default')) {
    return { field: 'urlForwarding', message: 'URL forwarding records cannot be wildcards and must use the default line.' };
  }
  return undefined;
}

export function checkRecord(r: DnsRecordInput, opts: { minTtl?: number } = {}): Check {
  return findRecordProblem(r, opts)?.message;
}

export type RecordClash =
  | { kind: 'duplicate'; existing: ExistingRecord }
  | { kind: 'conflict'; existing: ExistingRecord; message: string };

function sameName(a: DnsRecordInput, b: DnsRecordInput): boolean {
  return a.rr.toLowerCase() === b.rr.toLowerCase() && (a.line ?? 'default') === (b.line ?? 'default');
}

function normalizedValue(type: string, value: string): string {
  const v = value.trim().replace(/\.$/, '');
  if (type === 'AAAA') return canonicalIpv6(v) ?? v.toLowerCase();
  return type === 'TXT' ? v : v.toLowerCase();
}

/**
 * How a new record would clash with the zone's records on the same host and line: an identical record
 * (DomainRecordDuplicate) or a CNAME sharing its name with another type (DomainRecordConflict). At the
 * apex a CNAME may coexist with MX and TXT. `ignoreRecordId` skips the record being updated.
 */
export function findRecordClash(candidate: DnsRecordInput, zone: readonly ExistingRecord[], ignoreRecordId?: string): RecordClash | undefined {
  for (const e of zone) {
    if (e.recordId === ignoreRecordId || !sameName(candidate, e)) continue;
    if (e.type === candidate.type && normalizedValue(e.type, e.value) === normalizedValue(candidate.type, candidate.value)) {
      return { kind: 'duplicate', existing: e };
    }
  }
  for (const e of zone) {
    if (e.recordId === ignoreRecordId || !sameName(candidate, e)) continue;
    const pair = [candidate.type, e.type];
    if (!pair.includes('CNAME')) continue;
    if (candidate.type === 'CNAME' && e.type === 'CNAME') {
      return { kind: 'conflict', existing: e, message: `${fqdnLabel(candidate.rr)} already has a CNAME record (→ ${e.value}); a name can have only one CNAME. Update that record instead.` };
    }
    const other = candidate.type === 'CNAME' ? e.type : candidate.type;
    if (candidate.rr === '@' && (other === 'MX' || other === 'TXT')) continue;
    return {
      kind: 'conflict',
      existing: e,
      message: `${fqdnLabel(candidate.rr)} already has a ${e.type} record (${e.value}); a CNAME cannot share its name with ${other} records. Remove the ${e.type} record first, or use an AAAA record instead of the CNAME.`,
    };
  }
  return undefined;
}

function fqdnLabel(rr: string): string {
  return rr === '@' ? 'The zone apex (@)' : `Host "${rr}"`;
}

/** The name a record answers to: `www` in `example.com` is `www.example.com`; `@` is the zone itself. */
export function recordFqdn(rr: string, zone: string): string {
  return rr === '@' ? zone : `${rr}.${zone}`;
}

/** Host names compare without case and without a trailing dot: `GA-1.Example.com.` is `ga-1.example.com`. */
export function sameHostName(a: string, b: string): boolean {
  return a.replace(/\.$/, '').toLowerCase() === b.replace(/\.$/, '').toLowerCase();
}
