// Step 3: a listener (protocol, ports, client affinity) and its endpoint group (region, client IP preservation)
// with the endpoints and their weights. The per-resource forms (Add Listener, Add Endpoint Group, Edit Endpoints
// and Weights) use the same pieces.
import {
  endpointAddressProblems,
  endpointCountProblems,
  listenerConflictProblems,
  MAX_ENDPOINTS_PER_GROUP,
  nameProblems,
  normalizeProtocol,
  portRangeProblems,
  problem,
  regionName,
  weightProblems,
  type PortRange,
  type Problem,
} from '../../model';
import { BACKEND_TYPE_CHOICES, CLIENT_AFFINITY_CHOICES, PROTOCOL_CHOICES, regionChoices, type RegionOption } from './choices';
import { parseWholeNumber, ProblemList, type FieldSpec, type RowsSpec } from './fields';

export interface ListenerValues {
  name: string;
  protocol: string;
  /** `80`, `80,443` or `8000-8010`, as typed. */
  ports: string;
  clientAffinity: string;
}

export interface EndpointGroupValues {
  name: string;
  region: string;
  preserveClientIp: boolean;
}

export interface EndpointRow {
  type: string;
  /** The Backend Service: the IPv4 address of the service. */
  address: string;
  /** 0–255, as typed. */
  weight: string;
}

export const LISTENER_DEFAULTS: ListenerValues = { name: 'web', protocol: 'TCP', ports: '80', clientAffinity: 'SOURCE_IP' };
export const ENDPOINT_GROUP_DEFAULTS: EndpointGroupValues = { name: 'web-backend', region: 'cn-beijing', preserveClientIp: false };
/** 203.0.113.10 is a documentation address (RFC 5737): a placeholder that says "your service's address here". */
export const ENDPOINT_DEFAULTS: EndpointRow = { type: 'Ip', address: '203.0.113.10', weight: '100' };

export function listenerFields(prefix: string): FieldSpec[] {
  return [
    { path: `${prefix}.name`, label: 'Listener Name', kind: 'text', help: '2–128 characters: letters, digits, _ and -, starting with a letter.' },
    { path: `${prefix}.protocol`, label: 'Protocol', kind: 'select', choices: PROTOCOL_CHOICES },
    { path: `${prefix}.ports`, label: 'Port Number', kind: 'text', help: '1–65499: one port (80), a list (80,443) or a range (8000-8010).' },
    { path: `${prefix}.clientAffinity`, label: 'Client Affinity', kind: 'select', choices: CLIENT_AFFINITY_CHOICES },
  ];
}

export function endpointGroupFields(prefix: string, regions: readonly RegionOption[]): FieldSpec[] {
  return [
    { path: `${prefix}.name`, label: 'Endpoint Group Name', kind: 'text', help: '2–128 characters: letters, digits, _ and -, starting with a letter.' },
    { path: `${prefix}.region`, label: 'Region', kind: 'select', choices: regionChoices(regions), help: 'Where the IPv4 service runs.' },
    { path: `${prefix}.preserveClientIp`, label: 'Preserve Client IP', kind: 'checkbox', help: 'Let the backend see the client\'s address.' },
  ];
}

export function endpointRows(path = 'endpoints'): RowsSpec {
  return {
    path,
    fields: [
      { path: 'type', label: 'Backend Service Type', kind: 'select', choices: BACKEND_TYPE_CHOICES },
      { path: 'address', label: 'Backend Service', kind: 'text', help: 'The public IPv4 address of the service.' },
      { path: 'weight', label: 'Weight', kind: 'text', help: '0–255; 0 sends no traffic.' },
    ],
    addLabel: 'Add Endpoint',
    removeLabel: 'Remove Endpoint',
    min: 1,
    max: MAX_ENDPOINTS_PER_GROUP,
  };
}

/** `80`, `80,443`, `8000-8010` → ranges; a message when the text is none of these. */
export function parsePorts(text: string): { ranges: PortRange[] } | { message: string } {
  const parts = text.split(',').map((p) => p.trim());
  const ranges: PortRange[] = [];
  for (const part of parts) {
    const m = /^(\d{1,9})(?:\s*-\s*(\d{1,9}))?$/.exec(part);
    if (!m) {
      return { message: text.trim() === '' ? 'Enter a listener port, e.g. 80.' : `Port Number takes one port (80), a list (80,443) or a range (8000-8010); "${part}" is none of these.` };
    }
    ranges.push({ fromPort: Number(m[1]), toPort: Number(m[2] ?? m[1]) });
  }
  return { ranges };
}

export interface ListenerFacts {
  /** The accelerator's other listeners: names and ports must not clash. */
  others: readonly { name: string; protocol: string; portRanges: readonly PortRange[] }[];
}

export function validateListener(prefix: string, v: ListenerValues, facts: ListenerFacts): Problem[] {
  const out = new ProblemList();
  const name = `${prefix}.name`;
  if (!out.add(nameProblems('listener', v.name, name)) && facts.others.some((l) => l.name === v.name)) {
    out.add([problem('duplicateEntry', name, `The instance already has a listener named "${v.name}"; choose another name.`)]);
  }
  const protocol = normalizeProtocol(v.protocol);
  if (!protocol || v.protocol !== protocol) out.add([problem('enum', `${prefix}.protocol`, 'Protocol must be TCP, UDP, HTTP or HTTPS.')]);
  const ports = `${prefix}.ports`;
  const parsed = parsePorts(v.ports);
  if ('message' in parsed) {
    out.add([problem(v.ports.trim() === '' ? 'required' : 'portRange', ports, parsed.message)]);
  } else if (protocol && !out.add(portRangeProblems(parsed.ranges, protocol, ports, () => ports))) {
    const others = facts.others.map((o) => ({ name: o.name, protocol: normalizeProtocol(o.protocol), portRanges: o.portRanges }));
    out.add(listenerConflictProblems(parsed.ranges, protocol, others, ports, () => ports));
  }
  if (!CLIENT_AFFINITY_CHOICES.some((c) => c.value === v.clientAffinity)) out.add([problem('enum', `${prefix}.clientAffinity`, 'Client Affinity must be Source IP Address or Disabled.')]);
  return out.items;
}

export interface EndpointGroupFacts {
  regions: readonly RegionOption[];
  /** The listener's other endpoint groups: one per region. */
  others: readonly { name: string; region: string }[];
}

export function validateEndpointGroup(prefix: string, v: EndpointGroupValues, facts: EndpointGroupFacts): Problem[] {
  const out = new ProblemList();
  out.add(nameProblems('endpointGroup', v.name, `${prefix}.name`));
  const region = `${prefix}.region`;
  if (!facts.regions.some((r) => r.regionId === v.region)) {
    out.add([problem('required', region, 'Choose the region where the IPv4 service runs.')]);
  } else {
    const other = facts.others.find((g) => g.region === v.region);
    if (other) out.add([problem('duplicateEntry', region, `The listener already has endpoint group "${other.name}" in ${regionName(v.region)}; a listener has one endpoint group per region. Edit that group's endpoints instead.`)]);
  }
  return out.items;
}

export function validateEndpoints(path: string, rows: readonly EndpointRow[], opts: { allowNonPublic: boolean }): Problem[] {
  const out = new ProblemList();
  out.add(endpointCountProblems(rows.length, path));
  const seen = new Set<string>();
  rows.forEach((row, i) => {
    const at = (field: string) => `${path}[${i}].${field}`;
    if (!BACKEND_TYPE_CHOICES.some((c) => c.value === row.type)) out.add([problem('enum', at('type'), 'Backend Service Type must be Custom IP Address.')]);
    const address = row.address.trim();
    if (address === '') out.add([problem('required', at('address'), 'Enter the IPv4 address of the backend service, e.g. 203.0.113.10.')]);
    else if (!out.add(endpointAddressProblems(address, opts.allowNonPublic, at('address')))) {
      if (seen.has(address)) out.add([problem('duplicateEntry', at('address'), `${address} is already an endpoint of this group; each address may appear once.`)]);
      seen.add(address);
    }
    out.add(weightProblems(parseWholeNumber(row.weight) ?? Number.NaN, at('weight')));
  });
  return out.items;
}
