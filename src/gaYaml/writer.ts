// GaConfig → ga.yaml text, laid out as the contract's example: names as keys, `term` and `ports` in flow style,
// DNS records pointing at accelerators with `to:`. Export (issue 11), "Save as ga.yaml" (the forms) and "New
// ga.yaml from the Walk-through" write through it; parsing what it writes gives the same GaConfig back.
import { stringify } from 'yaml';
import {
  specName,
  type AcceleratorConfig,
  type AreaConfig,
  type DnsRecordConfig,
  type EndpointGroupConfig,
  type GaConfig,
  type ListenerConfig,
  type PortRange,
} from '../model';

export interface WriteOptions {
  /** Explain the keys in end-of-line comments, as the contract's example does. */
  comments?: boolean;
  /** A comment block at the top of the file (each line gets `# `). */
  header?: string;
}

const COMMENT_COLUMN = 33;

/** A scalar as YAML writes it: quoted only when it must be (`"1"`, `"@"`, `"*"`). */
export function yamlScalar(value: string | number | boolean): string {
  return stringify(value, { lineWidth: 0 }).trimEnd();
}

/** A flow-style value: `[80, "8000-8010"]`, `{ cycle: Month, duration: 1 }`. */
export function yamlFlow(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(yamlFlow).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    return entries.length === 0 ? '{}' : `{ ${entries.map(([k, v]) => `${yamlScalar(k)}: ${yamlFlow(v)}`).join(', ')} }`;
  }
  if (value === null || value === undefined) return 'null';
  return yamlScalar(value as string | number | boolean);
}

export function formatPortEntry(r: PortRange): string | number {
  return r.fromPort === r.toPort ? r.fromPort : `${r.fromPort}-${r.toPort}`;
}

class Lines {
  readonly out: string[] = [];

  constructor(private readonly comments: boolean) {}

  add(indent: number, text: string, comment?: string): void {
    const line = `${' '.repeat(indent)}${text}`;
    if (this.comments && comment) this.out.push(`${line.padEnd(Math.max(COMMENT_COLUMN - 1, line.length + 1))} # ${comment}`);
    else this.out.push(line);
  }

  /** `key: value` for a scalar or flow value. */
  pair(indent: number, key: string, value: unknown, comment?: string): void {
    this.add(indent, `${yamlScalar(key)}: ${yamlFlow(value)}`, comment);
  }
}

export function writeGaYaml(config: GaConfig, options: WriteOptions = {}): string {
  const w = new Lines(options.comments === true);
  if (options.header) for (const line of options.header.split('\n')) w.add(0, line ? `# ${line}` : '#');
  w.pair(0, 'version', config.version);
  if (config.accelerators.length === 0) w.add(0, 'accelerators: {}');
  else {
    w.add(0, 'accelerators:');
    for (const a of config.accelerators) writeAccelerator(w, a);
  }
  if (config.dns.length > 0) {
    w.add(0, 'dns:');
    for (const z of config.dns) {
      if (z.records.length === 0) {
        w.add(2, `${yamlScalar(z.zone)}: []`);
        continue;
      }
      w.add(2, `${yamlScalar(z.zone)}:`, 'a zone hosted in Alibaba Cloud DNS');
      for (const r of z.records) writeRecord(w, r);
    }
  }
  return `${w.out.join('\n')}\n`;
}

function writeAccelerator(w: Lines, a: AcceleratorConfig): void {
  w.add(2, `${yamlScalar(a.name)}:`, 'instance name');
  if (a.id !== undefined) w.pair(4, 'id', a.id, 'pins this live instance');
  if (a.state !== undefined) w.pair(4, 'state', a.state, a.state === 'absent' ? 'apply deletes it and everything under it' : undefined);
  if (a.spec !== undefined) w.pair(4, 'spec', a.spec, specName(a.spec));
  w.pair(4, 'billing', a.billing, a.billing === 'subscription' ? 'PREPAY: term and bandwidth plan' : 'POSTPAY: billed by data transfer');
  if (a.term) w.pair(4, 'term', { cycle: a.term.cycle, duration: a.term.duration, ...(a.term.autoRenew !== undefined ? { autoRenew: a.term.autoRenew } : {}) }, 'subscription only; required there');
  if (a.bandwidthPlan) {
    w.add(4, 'bandwidthPlan:', 'the basic bandwidth plan bound to the instance');
    w.pair(6, 'bandwidthType', a.bandwidthPlan.bandwidthType, 'Basic | Enhanced | Advanced');
    w.pair(6, 'bandwidth', a.bandwidthPlan.bandwidth, 'Mbit/s, 2–2000');
  }
  if (a.areas.length > 0) {
    w.add(4, 'areas:', 'acceleration areas, by region of the clients');
    for (const area of a.areas) writeArea(w, area);
  }
  if (a.listeners.length > 0) {
    w.add(4, 'listeners:', 'by listener name');
    for (const l of a.listeners) writeListener(w, l);
  }
}

function writeArea(w: Lines, area: AreaConfig): void {
  w.add(6, `${yamlScalar(area.region)}:`);
  w.pair(8, 'ipVersion', area.ipVersion, 'IPv4 | IPv6 | DUAL_STACK');
  if (area.bandwidth !== undefined) w.pair(8, 'bandwidth', area.bandwidth, 'Mbit/s, ≥ 2');
  if (area.ispType !== undefined) w.pair(8, 'ispType', area.ispType, 'BGP | BGP_PRO');
}

function writeListener(w: Lines, l: ListenerConfig): void {
  w.add(6, `${yamlScalar(l.name)}:`);
  w.pair(8, 'protocol', l.protocol, 'TCP | UDP | HTTP | HTTPS');
  // Ranges in double quotes, as the contract writes them ("8000-8010" would also read as text unquoted).
  const ports = l.ports.map(formatPortEntry).map((e) => (typeof e === 'number' ? String(e) : JSON.stringify(e)));
  w.add(8, `ports: [${ports.join(', ')}]`, 'numbers and "from-to" strings');
  if (l.clientAffinity !== undefined) w.pair(8, 'clientAffinity', l.clientAffinity, 'NONE | SOURCE_IP');
  if (l.endpointGroups.length > 0) {
    w.add(8, 'endpointGroups:');
    for (const g of l.endpointGroups) writeGroup(w, g);
  }
}

function writeGroup(w: Lines, g: EndpointGroupConfig): void {
  w.add(10, `- name: ${yamlScalar(g.name)}`);
  w.pair(12, 'region', g.region, 'where the IPv4 service runs');
  if (g.preserveClientIp !== undefined) w.pair(12, 'preserveClientIp', g.preserveClientIp);
  if (g.endpoints.length === 0) {
    w.add(12, 'endpoints: []');
    return;
  }
  w.add(12, 'endpoints:');
  for (const e of g.endpoints) {
    w.add(14, `- ip: ${yamlScalar(e.ip)}`, 'public IPv4 of the service');
    w.pair(16, 'weight', e.weight, '0–255; 0 sends no traffic');
  }
}

function writeRecord(w: Lines, r: DnsRecordConfig): void {
  w.add(4, `- host: ${yamlScalar(r.host)}`, 'www, @ (the zone itself), *');
  w.pair(6, 'type', r.type);
  if (r.to !== undefined) w.pair(6, 'to', r.to, r.type === 'AAAA' ? 'the IPv6 address of that area' : 'the CNAME GA allocated');
  if (r.value !== undefined) w.pair(6, 'value', r.value);
  if (r.ttl !== undefined) w.pair(6, 'ttl', r.ttl, 'seconds');
}
