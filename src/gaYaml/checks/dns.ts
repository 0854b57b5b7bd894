// The rules of a ga.yaml's `dns:` section: zones, hosts, TTLs, exactly one of `to` and `value`, `to` resolving to an
// accelerator or area of the file with the right IP version, literal values of the right family, and a CNAME
// never beside another record on its host. Record rules come from src/model (the DNS step uses the same).
import {
  childPath,
  dnsHostProblems,
  dnsTtlProblems,
  dnsValueProblems,
  isHostName,
  isIpv4,
  isIpv6,
  parseRecordTarget,
  problem,
  type Problem,
} from '../../model';
import type { DnsRecordConfig } from '../../model';
import type { AcceleratorDraft, DnsZoneDraft, Draft } from '../draft';
import type { GaYamlFacts } from '../facts';
import { closest } from '../suggest';

type RecordDraft = Draft<DnsRecordConfig>;

const IPV6_CAPABLE = new Set(['IPv6', 'DUAL_STACK']);

/** The `to:` targets a record of `type` may name in this file: `accelerator/region` and, where unambiguous, `accelerator`. */
export function recordTargets(accelerators: readonly AcceleratorDraft[], type: string | undefined): string[] {
  const out: string[] = [];
  for (const a of accelerators) {
    if (!a.name || a.state === 'absent') continue;
    if (type === 'CNAME') {
      out.push(a.name);
      continue;
    }
    const v6 = (a.areas ?? []).filter((r) => r.region && IPV6_CAPABLE.has(r.ipVersion ?? ''));
    if (v6.length === 1) out.push(a.name);
    for (const r of v6) out.push(`${a.name}/${r.region}`);
  }
  return out;
}

export function dnsProblems(zones: readonly DnsZoneDraft[], accelerators: readonly AcceleratorDraft[], facts: GaYamlFacts): Problem[] {
  const byName = new Map<string, AcceleratorDraft>();
  for (const a of accelerators) if (a.name !== undefined && !byName.has(a.name)) byName.set(a.name, a);
  const out: Problem[] = [];
  for (const z of zones) {
    const zone = z.zone ?? '';
    const base = childPath('dns', zone);
    out.push(...zoneProblems(zone, base, facts));
    const records = z.records ?? [];
    records.forEach((r, i) => out.push(...recordProblems(r, childPath(base, i), zone, byName, accelerators, facts)));
    out.push(...clashProblems(records, base));
  }
  return out;
}

function zoneProblems(zone: string, path: string, facts: GaYamlFacts): Problem[] {
  if (!isHostName(zone) || !zone.includes('.') || isIpv4(zone)) {
    return [problem('dnsZone', path, `"${zone}" is not a domain name; a zone is the domain hosted in Alibaba Cloud DNS, e.g. example.com.`)];
  }
  const zones = facts.zones;
  if (zones !== undefined && !zones.some((z) => z.toLowerCase() === zone.toLowerCase().replace(/\.$/, ''))) {
    const near = closest(zone, zones);
    return [
      problem(
        'zoneNotInAccount',
        path,
        `${zone} is not a zone of this account's Alibaba Cloud DNS${zones.length ? ` (it has ${zones.slice(0, 5).join(', ')}${zones.length > 5 ? ', …' : ''})` : ' (it has none)'}; add the domain there before apply, or pick one of its zones.`,
        near ? { kind: 'renameKey', title: `Use ${near}`, to: near } : undefined,
      ),
    ];
  }
  return [];
}

function recordProblems(
  r: RecordDraft,
  base: string,
  zone: string,
  byName: ReadonlyMap<string, AcceleratorDraft>,
  accelerators: readonly AcceleratorDraft[],
  facts: GaYamlFacts,
): Problem[] {
  const out: Problem[] = [];
  const at = (key: string) => childPath(base, key);
  if (r.host !== undefined) out.push(...dnsHostProblems(r.host, at('host')));
  if (r.ttl !== undefined) out.push(...dnsTtlProblems(r.ttl, facts.zoneMinTtl?.get(zone), at('ttl')));
  if (r.to !== undefined && r.value !== undefined) {
    out.push(problem('toOrValue', at('value'), 'A record points at an accelerator of this file (to:) or holds a literal (value:), not both: remove one.', { kind: 'removeKey', title: 'Remove value (keep to)' }));
    return out;
  }
  if (r.to === undefined && r.value === undefined) {
    const suggestion = recordTargets(accelerators, r.type)[0];
    out.push(
      problem(
        'toOrValue',
        at('to'),
        `This record needs to: (an accelerator${r.type === 'CNAME' ? '' : ' or accelerator/region'} of this file) or value: (${r.type === 'CNAME' ? 'a host name' : 'an IPv6 address'}).`,
        suggestion ? { kind: 'addKey', title: `Add to: ${suggestion}`, key: 'to', value: suggestion } : undefined,
      ),
    );
    return out;
  }
  if (r.value !== undefined && r.type !== undefined) {
    const valueProblems = dnsValueProblems(r.type, r.value, at('value'));
    // A name of this file written as value: it was meant as a reference.
    const target = parseRecordTarget(r.value);
    if (valueProblems.length > 0 && byName.has(target.accelerator)) valueProblems[0].fix = { kind: 'renameKey', title: `Point at it: to: ${r.value}`, to: 'to' };
    out.push(...valueProblems);
  }
  if (r.to !== undefined) out.push(...targetProblems(r, at('to'), byName, accelerators));
  return out;
}

function targetProblems(r: RecordDraft, path: string, byName: ReadonlyMap<string, AcceleratorDraft>, accelerators: readonly AcceleratorDraft[]): Problem[] {
  const to = r.to ?? '';
  if (isIpv6(to) || isIpv4(to) || (to.includes('.') && !to.includes('/') && isHostName(to) && !byName.has(to))) {
    return [problem('dnsTarget', path, `to: names an accelerator of this file; "${to}" is a literal ${isIpv6(to) || isIpv4(to) ? 'address' : 'host name'}, which belongs in value:.`, { kind: 'renameKey', title: 'Make it value:', to: 'value' })];
  }
  const { accelerator, area } = parseRecordTarget(to);
  const target = byName.get(accelerator);
  if (!target) {
    const near = closest(to, recordTargets(accelerators, r.type)) ?? closest(accelerator, [...byName.keys()]);
    const names = [...byName.keys()];
    return [
      problem(
        'dnsTarget',
        path,
        `There is no accelerator ${accelerator} in this file${names.length ? ` (it has ${names.join(', ')})` : ''}; to: names one of them${r.type === 'CNAME' ? '' : ', or one of its areas as accelerator/region'}.`,
        near ? { kind: 'setValue', title: `Use ${near}`, value: near } : undefined,
      ),
    ];
  }
  if (target.state === 'absent') {
    return [problem('dnsTargetVersion', path, `${accelerator} has state: absent, so apply deletes it; a record cannot point at it.`)];
  }
  const areas = target.areas ?? [];
  const v6 = areas.filter((a) => IPV6_CAPABLE.has(a.ipVersion ?? ''));
  if (r.type === 'CNAME') {
    if (area !== undefined) return [problem('dnsTargetVersion', path, `A CNAME record points at the CNAME GA allocated to the accelerator, not at an area: write to: ${accelerator}.`, { kind: 'setValue', title: `Use ${accelerator}`, value: accelerator })];
    return [];
  }
  if (area !== undefined) {
    const found = areas.find((a) => a.region === area);
    if (!found) {
      const near = closest(area, areas.map((a) => a.region ?? ''));
      const fix = near ? `${accelerator}/${near}` : v6[0]?.region ? `${accelerator}/${v6[0].region}` : undefined;
      return [problem('dnsTarget', path, `${accelerator} has no acceleration area ${area}${areas.length ? ` (it has ${areas.map((a) => a.region).join(', ')})` : ''}.`, fix ? { kind: 'setValue', title: `Use ${fix}`, value: fix } : undefined)];
    }
    if (r.type === 'AAAA' && !IPV6_CAPABLE.has(found.ipVersion ?? '')) {
      const other = v6[0]?.region;
      return [problem('dnsTargetVersion', path, `An AAAA record needs an IPv6 address, but ${accelerator}'s area ${area} is ${found.ipVersion ?? 'IPv4'}; point at an IPv6 area or make this one IPv6.`, other ? { kind: 'setValue', title: `Use ${accelerator}/${other}`, value: `${accelerator}/${other}` } : undefined)];
    }
    return [];
  }
  if (r.type === 'AAAA' && v6.length !== 1) {
    return [
      problem(
        'dnsTargetVersion',
        path,
        v6.length === 0
          ? `An AAAA record needs an IPv6 address, but ${accelerator} has no IPv6 acceleration area; add one (ipVersion: IPv6) or use a CNAME record.`
          : `${accelerator} has ${v6.length} IPv6 areas (${v6.map((a) => a.region).join(', ')}); name one: to: ${accelerator}/${v6[0].region}.`,
        v6.length > 0 ? { kind: 'setValue', title: `Use ${accelerator}/${v6[0].region}`, value: `${accelerator}/${v6[0].region}` } : undefined,
      ),
    ];
  }
  return [];
}

/** Two records with the same host and type, and a CNAME sharing its host with another record. */
function clashProblems(records: readonly RecordDraft[], base: string): Problem[] {
  const out: Problem[] = [];
  const byHost = new Map<string, { r: RecordDraft; i: number }[]>();
  records.forEach((r, i) => {
    if (r.host === undefined || r.type === undefined) return;
    const host = r.host.toLowerCase();
    const list = byHost.get(host) ?? [];
    if (list.some((x) => x.r.type === r.type)) {
      out.push(problem('duplicateEntry', childPath(base, i), `This zone already has a ${r.type} record for ${r.host}; a record is told apart by host and type, so keep one.`));
    } else list.push({ r, i });
    byHost.set(host, list);
  });
  for (const list of byHost.values()) {
    const cname = list.find((x) => x.r.type === 'CNAME');
    const other = list.find((x) => x.r.type !== 'CNAME');
    if (cname && other) {
      out.push(problem('cnameConflict', childPath(base, cname.i, 'type'), `${cname.r.host === '@' ? 'The zone apex (@)' : `Host "${cname.r.host}"`} also has a ${other.r.type} record; a CNAME cannot share its name with other records. Keep the CNAME or the ${other.r.type} record.`));
    }
  }
  return out;
}
