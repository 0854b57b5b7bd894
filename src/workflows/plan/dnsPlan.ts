// The file's DNS records against the zones as read. A record is (zone, host, type); only records the file names
// are managed, everything else in the zone is left alone (and a record the file would put beside an unmanaged
// one that clashes with it is an error, before anything is sent). `to:` values come from the accelerators'
// plans: known now when the area or instance stays, "(known after apply)" when apply creates it.
import type { DnsRecord } from '../../cloud';
import { canonicalIpv6, childPath, DEFAULT_TTL, parseRecordTarget, recordFqdn, sameHostName, type DnsRecordConfig, type DnsZoneConfig, type GaConfig } from '../../model';
import type { LiveDnsZone } from '../live/liveState';
import { DNS_LANE, type ValueSource } from '../operations';
import type { AcceleratorFate } from './acceleratorPlan';
import { PHASE, type PlanBuilder } from './builder';
import { KNOWN_AFTER_APPLY, PLAN_CODES } from './types';

interface Target {
  source: ValueSource;
  /** The value now, when known. */
  known?: string;
  /** The operation that makes the value, when apply does. */
  dependsOn: string[];
}

export function planDns(config: GaConfig, zones: readonly LiveDnsZone[], fates: ReadonlyMap<string, AcceleratorFate>, b: PlanBuilder): void {
  for (const zone of config.dns) {
    const live = zones.find((z) => sameHostName(z.zone, zone.zone));
    const zonePath = childPath('dns', zone.zone);
    if (!live || live.error) {
      b.problem({ path: zonePath, severity: 'error', code: PLAN_CODES.zoneMissing, message: live?.error ?? `Zone ${zone.zone} was not read from the account.` });
      continue;
    }
    zone.records.forEach((r, i) => planRecord(zone, r, i, live.records, fates, b));
  }
}

function planRecord(zone: DnsZoneConfig, r: DnsRecordConfig, index: number, records: readonly DnsRecord[], fates: ReadonlyMap<string, AcceleratorFate>, b: PlanBuilder): void {
  const path = childPath('dns', zone.zone, index);
  const address = `dns.${zone.zone}.${r.host}.${r.type}`;
  const target = targetOf(r, path, fates, b);
  if (!target) return;
  const same = records.filter((x) => x.rr.toLowerCase() === r.host.toLowerCase() && x.type.toUpperCase() === r.type);
  if (conflicts(zone, r, records, path, b)) return;
  const after = { zone: zone.zone, host: r.host, type: r.type, value: target.known ?? KNOWN_AFTER_APPLY, ttl: r.ttl ?? DEFAULT_TTL };
  const meta = (kind: string, key: string, title: string) => ({ id: `${DNS_LANE}:${kind}:${zone.zone}/${r.host}/${r.type}/${key}`, lane: DNS_LANE, title, address, dependsOn: target.dependsOn });
  const fqdn = recordFqdn(r.host, zone.zone);
  if (same.length === 0) {
    b.change({ action: 'create', kind: 'dnsRecord', address, path, before: null, after });
    b.op(PHASE.dns, meta('add', 'new', `Add DNS record ${fqdn} ${r.type} → ${target.known ?? (r.type === 'AAAA' ? 'the area\'s IPv6 address' : 'the accelerator\'s CNAME')}`), {
      type: 'addDnsRecord',
      zone: zone.zone,
      host: r.host,
      recordType: r.type,
      value: target.source,
      ttl: r.ttl ?? DEFAULT_TTL,
    });
    return;
  }
  // Keep the record that already has the value (if one does); the others with this name and type go.
  const keep = same.find((x) => target.known !== undefined && sameValue(r.type, x.value, target.known)) ?? same[0];
  const before = { id: keep.recordId, zone: zone.zone, host: keep.rr, type: keep.type, value: keep.value, ttl: keep.ttl };
  const valueDiffers = target.known === undefined || !sameValue(r.type, keep.value, target.known);
  const ttlDiffers = r.ttl !== undefined && r.ttl !== keep.ttl;
  if (valueDiffers || ttlDiffers) {
    const valueKey = r.to !== undefined ? 'to' : 'value';
    b.change({
      action: 'update',
      kind: 'dnsRecord',
      address,
      path,
      before,
      after: { ...after, ttl: r.ttl ?? keep.ttl },
      fields: [
        ...(valueDiffers ? [{ key: 'value', path: childPath(path, valueKey), before: keep.value, after: target.known ?? KNOWN_AFTER_APPLY }] : []),
        ...(ttlDiffers ? [{ key: 'ttl', path: childPath(path, 'ttl'), before: keep.ttl, after: r.ttl }] : []),
      ],
    });
    b.op(PHASE.dns, meta('update', keep.recordId, `Update DNS record ${fqdn} ${r.type}: ${[valueDiffers ? `${keep.value} → ${target.known ?? KNOWN_AFTER_APPLY}` : '', ttlDiffers ? `TTL ${keep.ttl} → ${r.ttl}` : ''].filter(Boolean).join(', ')}`), {
      type: 'updateDnsRecord',
      zone: zone.zone,
      recordId: keep.recordId,
      host: r.host,
      recordType: r.type,
      value: target.source,
      ttl: r.ttl ?? keep.ttl ?? DEFAULT_TTL,
    });
  }
  for (const extra of same.filter((x) => x !== keep)) {
    b.change({
      action: 'delete',
      kind: 'dnsRecord',
      address,
      path,
      before: { id: extra.recordId, zone: zone.zone, host: extra.rr, type: extra.type, value: extra.value, ttl: extra.ttl },
      after: null,
      reason: `The file names one ${r.type} record for ${fqdn}; this is another.`,
      dependents: [`clients resolving ${fqdn} to ${extra.value}`],
    });
    b.op(PHASE.dns, { ...meta('delete', extra.recordId, `Delete DNS record ${fqdn} ${extra.type} → ${extra.value}`), dependsOn: [] }, { type: 'deleteDnsRecord', zone: zone.zone, recordId: extra.recordId });
  }
}

/** Where the value comes from; undefined (with a problem) when `to:` names nothing usable. */
function targetOf(r: DnsRecordConfig, path: string, fates: ReadonlyMap<string, AcceleratorFate>, b: PlanBuilder): Target | undefined {
  if (r.value !== undefined) return { source: { literal: r.value }, known: r.value, dependsOn: [] };
  if (r.to === undefined) {
    b.problem({ path, severity: 'error', code: PLAN_CODES.badTarget, message: 'A record needs `to:` (an accelerator or its area) or `value:`.' });
    return undefined;
  }
  const bad = (message: string): undefined => {
    b.problem({ path: childPath(path, 'to'), severity: 'error', code: PLAN_CODES.badTarget, message });
    return undefined;
  };
  const ref = parseRecordTarget(r.to);
  const fate = fates.get(ref.accelerator);
  if (!fate) return bad(`\`to: ${r.to}\` names accelerator ${ref.accelerator}, which this file does not describe: add it under accelerators, or write the record's \`value:\` instead.`);
  if (fate.absent) return bad(`\`to: ${r.to}\` names accelerator ${ref.accelerator}, which the file deletes (\`state: absent\`): point the record elsewhere or remove it from the file.`);
  if (r.type === 'CNAME') {
    if (ref.area !== undefined) return bad(`A CNAME record points at an accelerator's CNAME: write \`to: ${ref.accelerator}\`, without the area.`);
    return { source: { dnsNameOf: fate.accelerator }, known: fate.dnsName, dependsOn: fate.createdBy && !fate.dnsName ? [fate.createdBy] : [] };
  }
  let region = ref.area;
  if (region === undefined) {
    const ipv6 = [...fate.areas].filter(([, a]) => a.ipVersion === 'IPv6' || a.ipVersion === 'DUAL_STACK');
    if (ipv6.length !== 1) return bad(`\`to: ${r.to}\`: accelerator ${ref.accelerator} has ${ipv6.length === 0 ? 'no IPv6 area' : `${ipv6.length} IPv6 areas (${ipv6.map(([k]) => k).join(', ')})`}; write \`to: ${ref.accelerator}/<region>\` to say which address.`);
    region = ipv6[0][0];
  }
  const area = fate.areas.get(region);
  if (!area) return bad(`\`to: ${r.to}\`: accelerator ${ref.accelerator} has no area ${region} in the file.`);
  if (area.ipVersion === 'IPv4') return bad(`\`to: ${r.to}\`: the ${region} area is IPv4 only, so it has no IPv6 address for an AAAA record.`);
  return { source: { ipv6Of: fate.accelerator, region }, known: area.ipv6, dependsOn: area.createdBy ? [area.createdBy] : [] };
}

/** A record the file adds beside an unmanaged one it cannot live with (a CNAME shares its name with nothing). */
function conflicts(zone: DnsZoneConfig, r: DnsRecordConfig, records: readonly DnsRecord[], path: string, b: PlanBuilder): boolean {
  const named = (x: DnsRecord) => zone.records.some((y) => y.host.toLowerCase() === x.rr.toLowerCase() && y.type === x.type.toUpperCase());
  const atHost = records.filter((x) => x.rr.toLowerCase() === r.host.toLowerCase() && !named(x));
  const apexOk = (type: string) => r.host === '@' && (type === 'MX' || type === 'TXT');
  const clash = r.type === 'CNAME' ? atHost.find((x) => x.type.toUpperCase() !== 'CNAME' && !apexOk(x.type.toUpperCase())) : atHost.find((x) => x.type.toUpperCase() === 'CNAME');
  if (!clash) return false;
  const fqdn = recordFqdn(r.host, zone.zone);
  b.problem({
    path,
    severity: 'error',
    code: PLAN_CODES.recordConflict,
    message: `${fqdn} already has a ${clash.type} record (${clash.value}) that this file does not manage, and a CNAME cannot share its name with other records: remove that record in Alibaba Cloud DNS, or add it to the file so apply manages it.`,
  });
  return true;
}

function sameValue(type: string, a: string, b: string): boolean {
  if (type === 'AAAA') return (canonicalIpv6(a) ?? a) === (canonicalIpv6(b) ?? b);
  return sameHostName(a, b);
}
