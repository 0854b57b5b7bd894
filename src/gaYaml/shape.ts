// ga.yaml v1's keys as one table: what each key holds, whether it is required, what it means (in the seed
// walk-through's words, with its limits) and a value the editor may insert. The parser checks structure against
// it, completion and hover read it, and schemas/ga-yaml.schema.json is generated from it. Enumerations and
// limits come from src/model, so the file, the forms and the emulator share them.
import {
  BANDWIDTH_TYPES,
  CLIENT_AFFINITIES,
  DEFAULT_TTL,
  LISTENER_PROTOCOLS,
  MAX_ENDPOINTS_PER_GROUP,
  MAX_LISTENER_PORT,
  MAX_PLAN_BANDWIDTH,
  MAX_TTL,
  MAX_WEIGHT,
  MIN_IPSET_BANDWIDTH,
  MIN_LISTENER_PORT,
  MIN_PLAN_BANDWIDTH,
  MIN_WEIGHT,
  SEED_IPV6_REGIONS,
  SPECS,
  regionName,
} from '../model';

export type Completion = 'region' | 'ipv6Region' | 'reference' | 'zone';

export interface ScalarShape {
  kind: 'scalar';
  type: 'string' | 'integer' | 'boolean';
  enum?: readonly (string | number)[];
  /** Documentation of each enum value. */
  enumDocs?: ReadonlyMap<string, string>;
  minimum?: number;
  maximum?: number;
  pattern?: string;
  completion?: Completion;
  /** The enumeration is for completion and the schema; the checks report a value outside it with their own rule. */
  enumCheckedByRule?: boolean;
}

export interface ObjectShape {
  kind: 'object';
  /** What one of these is, for messages: "an endpoint". */
  what: string;
  fields: ReadonlyMap<string, Field>;
}

/** A mapping keyed by name (accelerators, areas, listeners, zones), read as a list of entries that carry the key. */
export interface NamedMapShape {
  kind: 'namedMap';
  /** What one entry is, for messages: "accelerator". */
  what: string;
  /** The entry's field that receives the key (name, region, zone). */
  nameField: string;
  /** When set, the key's value goes into this field of the entry (dns: zone → records); else the value is the entry. */
  valueField?: string;
  keyDoc: string;
  keyCompletion?: Completion;
  keyPattern?: string;
  value: Shape;
}

export interface ListShape {
  kind: 'list';
  items: Shape;
  minItems?: number;
  maxItems?: number;
}

/** `ports: [80, "8000-8010"]`: numbers and "from-to" strings. */
export interface PortsShape {
  kind: 'ports';
}

export type Shape = ScalarShape | ObjectShape | NamedMapShape | ListShape | PortsShape;

export interface Field {
  key: string;
  /** A short phrase for messages and completion details: "the instance specification, e.g. \"1\" (Small I)". */
  summary: string;
  shape: Shape;
  /** Markdown: what the key means, in the seed's words, with its limits. */
  doc: string;
  required?: boolean;
  /** What "add the missing key" inserts, and what a snippet or the walk-through file uses. */
  example?: unknown;
}

function fields(...list: Field[]): ReadonlyMap<string, Field> {
  return new Map(list.map((f) => [f.key, f]));
}

const enumOf = (values: readonly string[], docs: Record<string, string> = {}): ScalarShape => ({
  kind: 'scalar',
  type: 'string',
  enum: values,
  enumDocs: new Map(Object.entries(docs)),
});

const int = (minimum?: number, maximum?: number): ScalarShape => ({ kind: 'scalar', type: 'integer', minimum, maximum });
const str = (extra: Partial<ScalarShape> = {}): ScalarShape => ({ kind: 'scalar', type: 'string', ...extra });
const bool: ScalarShape = { kind: 'scalar', type: 'boolean' };

const specDocs = Object.fromEntries(
  SPECS.map((s) => [
    s.spec,
    `${s.name}${s.regions !== undefined ? `: up to ${s.regions} acceleration region${s.regions === 1 ? '' : 's'}, ${s.bandwidthMbps} Mbit/s, ${s.connections?.toLocaleString('en-US')} concurrent connections` : ''}${s.whitelistOnly ? ' (on request: the account must be whitelisted)' : ''}`,
  ]),
);

export const ENDPOINT_SHAPE: ObjectShape = {
  kind: 'object',
  what: 'endpoint',
  fields: fields(
    {
      key: 'ip', summary: 'the public IPv4 address of the service, e.g. 203.0.113.10',
      shape: str(),
      required: true,
      example: '203.0.113.10',
      doc: 'Backend Service: "Enter the public IP address of the IPv4 web service." A custom-IP endpoint (Backend Service Type: Custom IP Address). Public IPv4 only, except in the local sandbox, whose data plane serves loopback backends.',
    },
    {
      key: 'weight', summary: 'its weight, 0 to 255, e.g. 100',
      shape: int(MIN_WEIGHT, MAX_WEIGHT),
      required: true,
      example: 100,
      doc: `Weight: "Enter the weight of the endpoint. Valid values: ${MIN_WEIGHT} to ${MAX_WEIGHT}. GA distributes network traffic to endpoints based on their weights." If the weight is 0, GA stops distributing traffic to the endpoint.`,
    },
  ),
};

export const ENDPOINT_GROUP_SHAPE: ObjectShape = {
  kind: 'object',
  what: 'endpoint group',
  fields: fields(
    {
      key: 'name', summary: 'its name, e.g. web-backend',
      shape: str(),
      required: true,
      example: 'web-backend',
      doc: 'Endpoint Group Name: "The name must be 2 to 128 characters in length, and can contain letters, digits, underscores (_), and hyphens (-). The name must start with a letter."',
    },
    {
      key: 'region', summary: 'the region where the backend service runs, e.g. cn-beijing',
      shape: str({ completion: 'region' }),
      required: true,
      example: 'cn-beijing',
      doc: 'Region: "Select the region where you want to create the endpoint group. The servers that the IPv6 clients want to access must be deployed in the specified region."',
    },
    {
      key: 'endpoints', summary: 'at least one endpoint (ip and weight)',
      shape: { kind: 'list', items: ENDPOINT_SHAPE, minItems: 1, maxItems: MAX_ENDPOINTS_PER_GROUP },
      required: true,
      example: [{ ip: '203.0.113.10', weight: 100 }],
      doc: `Endpoints: "destinations of client requests", 1 to ${MAX_ENDPOINTS_PER_GROUP} per group, each a custom IP address with a weight.`,
    },
    {
      key: 'preserveClientIp', summary: 'whether backends see the clients\' IP addresses (default false)',
      shape: bool,
      example: false,
      doc: 'Preserve Client IP: "After you enable this feature, backend servers can retrieve client IP addresses." Default false (the walk-through disables it).',
    },
  ),
};

export const LISTENER_SHAPE: ObjectShape = {
  kind: 'object',
  what: 'listener',
  fields: fields(
    {
      key: 'protocol', summary: 'TCP, UDP, HTTP or HTTPS',
      shape: enumOf(LISTENER_PROTOCOLS, { TCP: 'TCP (the walk-through\'s choice)', UDP: 'UDP: ports 250, 4789 and 4790 are reserved', HTTP: 'HTTP: exactly one port', HTTPS: 'HTTPS: exactly one port' }),
      required: true,
      example: 'TCP',
      doc: 'Protocol: "Select the protocol of the listener. In this example, TCP is selected."',
    },
    {
      key: 'ports', summary: 'the ports it listens on, e.g. [80]',
      shape: { kind: 'ports' },
      required: true,
      example: [80],
      doc: `Port Number: "The port is used to receive and forward requests to endpoints. Valid values: ${MIN_LISTENER_PORT} to ${MAX_LISTENER_PORT}." Numbers and "from-to" strings, e.g. \`[80, "8000-8010"]\`. HTTP and HTTPS take one port; a range of more than 300 ports stands alone; no two listeners of an accelerator share a port.`,
    },
    {
      key: 'clientAffinity', summary: 'NONE or SOURCE_IP (default NONE)',
      shape: enumOf(CLIENT_AFFINITIES, { NONE: 'No client affinity (default)', SOURCE_IP: 'Source IP Address: requests from one client go to the same endpoint' }),
      example: 'SOURCE_IP',
      doc: 'Client Affinity: "If client affinity is enabled, requests from the same client are forwarded to the same endpoint when the client connects to a stateful application." Default NONE.',
    },
    {
      key: 'endpointGroups', summary: 'the endpoint groups that receive its traffic',
      shape: { kind: 'list', items: ENDPOINT_GROUP_SHAPE },
      example: [{ name: 'web-backend', region: 'cn-beijing', endpoints: [{ ip: '203.0.113.10', weight: 100 }] }],
      doc: 'Endpoint groups: "Each listener is associated with an endpoint group … traffic is distributed to the optimal endpoint in the associated endpoint group." Identified by name and region.',
    },
  ),
};

export const AREA_SHAPE: ObjectShape = {
  kind: 'object',
  what: 'acceleration area',
  fields: fields(
    {
      key: 'ipVersion', summary: 'the Internet protocol of its clients: IPv4, IPv6 or DUAL_STACK',
      shape: enumOf(['IPv4', 'IPv6', 'DUAL_STACK'], { IPv4: 'IPv4 clients', IPv6: 'IPv6 clients (the walk-through\'s choice): GA allocates an accelerated IPv6 address', DUAL_STACK: 'IPv4 and IPv6 clients (pay-as-you-go instances only)' }),
      required: true,
      example: 'IPv6',
      doc: 'Internet Protocol: "Select the Internet protocol that is used by the users to connect to GA. In this example, IPv6 is selected."',
    },
    {
      key: 'bandwidth', summary: 'the bandwidth it gets, in Mbit/s (at least 2)',
      shape: int(MIN_IPSET_BANDWIDTH),
      example: 2,
      doc: `Bandwidth: "Allocate bandwidth to the region." Mbit/s, at least ${MIN_IPSET_BANDWIDTH}; with a bandwidth plan, all areas together at most the plan's bandwidth.`,
    },
    {
      key: 'ispType', summary: 'BGP or BGP_PRO (pay-by-data-transfer only)',
      shape: enumOf(['BGP', 'BGP_PRO'], { BGP: 'BGP (multi-ISP), the default', BGP_PRO: 'BGP (Multi-ISP) Pro' }),
      example: 'BGP',
      doc: 'Line type of a pay-by-data-transfer instance\'s area (no bandwidth plan): BGP (default) or BGP_PRO.',
    },
  ),
};

export const TERM_SHAPE: ObjectShape = {
  kind: 'object',
  what: 'term',
  fields: fields(
    { key: 'cycle', summary: 'Month or Year', shape: enumOf(['Month', 'Year']), required: true, example: 'Month', doc: 'Billing cycle of the subscription: Month (1–9) or Year (1–3).' },
    { key: 'duration', summary: 'how many months (1–9) or years (1–3)', shape: int(1, 9), required: true, example: 1, doc: 'How many months (1–9) or years (1–3) the subscription lasts.' },
    { key: 'autoRenew', summary: 'whether it renews itself (default false)', shape: bool, example: false, doc: 'Renew the subscription automatically when the term ends. Default false.' },
  ),
};

export const BANDWIDTH_PLAN_SHAPE: ObjectShape = {
  kind: 'object',
  what: 'bandwidth plan',
  fields: fields(
    {
      key: 'bandwidthType', summary: 'Basic, Enhanced or Advanced',
      shape: enumOf(BANDWIDTH_TYPES, {
        Basic: 'Basic: backends on Alibaba Cloud in the Chinese mainland',
        Enhanced: 'Enhanced: also backends outside Alibaba Cloud (the walk-through\'s data centre)',
        Advanced: 'Advanced: outside the Chinese mainland',
      }),
      required: true,
      example: 'Enhanced',
      doc: 'Bandwidth Type: "Select a bandwidth type for the basic bandwidth plan. In this example, Enhanced is selected."',
    },
    {
      key: 'bandwidth', summary: 'the peak bandwidth in Mbit/s, 2 to 2000',
      shape: int(MIN_PLAN_BANDWIDTH, MAX_PLAN_BANDWIDTH),
      required: true,
      example: 2,
      doc: `Peak Bandwidth: "Select the bandwidth limit of the basic bandwidth plan. In this example, 2 Mbit/s is selected." ${MIN_PLAN_BANDWIDTH}–${MAX_PLAN_BANDWIDTH} Mbit/s.`,
    },
  ),
};

export const ACCELERATOR_SHAPE: ObjectShape = {
  kind: 'object',
  what: 'accelerator',
  fields: fields(
    {
      key: 'id', summary: 'the live instance it pins, ga-…',
      shape: str({ pattern: '^ga-[a-z0-9]+$' }),
      example: 'ga-bp1example',
      doc: 'Pins a live instance by its ID (`ga-…`), e.g. when two instances share the name. Without it the instance is found by name.',
    },
    {
      key: 'state', summary: 'present or absent',
      shape: enumOf(['present', 'absent'], { present: 'The instance exists as the file says (default)', absent: 'Apply deletes the instance and everything under it' }),
      example: 'present',
      doc: '`absent` deletes the instance and everything under it on apply. Default `present`.',
    },
    {
      key: 'spec', summary: 'the instance specification, e.g. "1" (Small I)',
      shape: { ...enumOf(SPECS.map((s) => s.spec), specDocs), enumCheckedByRule: true },
      example: '1',
      doc: 'Specification: "Select a specification for the GA instance. In this example, Small I (Specification Unit) is selected." A string: `"1"` Small I, `"2"` Small II, `"3"` Small III, `"5"` Medium I, `"8"`, `"10"`, …; it sets how many acceleration areas the instance takes. Required for a subscription; a pay-as-you-go instance billed by data transfer has none.',
    },
    {
      key: 'billing', summary: 'subscription or payAsYouGo',
      shape: enumOf(['subscription', 'payAsYouGo'], {
        subscription: 'Subscription (PREPAY): bought for a term, with a basic bandwidth plan (the walk-through)',
        payAsYouGo: 'Pay-as-you-go (POSTPAY): billed by data transfer, no specification and no bandwidth plan',
      }),
      required: true,
      example: 'subscription',
      doc: '`subscription` (PREPAY) needs `spec`, `term` and `bandwidthPlan`, as the walk-through buys them; `payAsYouGo` (POSTPAY) is billed by data transfer, with no plan (what an ordinary account can buy).',
    },
    { key: 'term', summary: 'the subscription term, e.g. { cycle: Month, duration: 1 }', shape: TERM_SHAPE, example: { cycle: 'Month', duration: 1, autoRenew: false }, doc: 'Term: "Select the subscription duration." Subscription only, and required there.' },
    {
      key: 'bandwidthPlan', summary: 'the basic bandwidth plan, e.g. { bandwidthType: Enhanced, bandwidth: 2 }',
      shape: BANDWIDTH_PLAN_SHAPE,
      example: { bandwidthType: 'Enhanced', bandwidth: 2 },
      doc: 'The basic bandwidth plan bound to the instance ("a GA instance and a basic bandwidth plan"). Required for a subscription.',
    },
    {
      key: 'areas', summary: 'the acceleration areas, by region',
      shape: {
        kind: 'namedMap',
        what: 'acceleration area',
        nameField: 'region',
        keyCompletion: 'ipv6Region',
        keyDoc: `The region where the users that require acceleration are located. Only IPv6 clients in ${SEED_IPV6_REGIONS.map((r) => regionName(r)).join(', ')} can connect to GA (the account's own list when a profile is active).`,
        value: AREA_SHAPE,
      },
      example: { 'cn-beijing': { ipVersion: 'IPv6', bandwidth: 2 } },
      doc: 'Acceleration areas, by region: "specify the region where users are located, and then allocate bandwidth resources to the region." GA allocates an accelerated IPv6 address to each IPv6 area.',
    },
    {
      key: 'listeners', summary: 'the listeners, by name',
      shape: {
        kind: 'namedMap',
        what: 'listener',
        nameField: 'name',
        keyDoc: 'Listener Name: "The name must be 2 to 128 characters in length, and can contain letters, digits, underscores (_), and hyphens (-). The name must start with a letter."',
        value: LISTENER_SHAPE,
      },
      example: { web: { protocol: 'TCP', ports: [80] } },
      doc: 'Listeners, by name: "A listener checks for connection requests and then distributes the requests to backend servers based on the specified protocol and ports."',
    },
  ),
};

export const RECORD_SHAPE: ObjectShape = {
  kind: 'object',
  what: 'DNS record',
  fields: fields(
    {
      key: 'host', summary: 'the host (RR): www, @ or *',
      shape: str(),
      required: true,
      example: 'www',
      doc: 'Host: "Enter the prefix of the domain name that you want to accelerate." `www` for www.example.com, `@` for example.com itself, `*` for every name, `mail` for mail.example.com.',
    },
    {
      key: 'type', summary: 'AAAA or CNAME',
      shape: enumOf(['AAAA', 'CNAME'], { AAAA: 'AAAA: maps the name to the IPv6 address allocated by GA', CNAME: 'CNAME: maps the name to the CNAME allocated by GA' }),
      required: true,
      example: 'AAAA',
      doc: 'Type: "Add an AAAA record that maps the domain name for the IPv4 service to the IPv6 address allocated by GA", or "a CNAME record that maps the domain name … to the CNAME allocated by GA."',
    },
    {
      key: 'to', summary: 'the accelerator (or accelerator/region) it points at',
      shape: str({ completion: 'reference' }),
      example: 'web-ipv6/cn-beijing',
      doc: 'What the record points at, by name: `accelerator/area-region` (AAAA: that area\'s IPv6 address), or `accelerator` (CNAME: its CNAME; AAAA: its only IPv6 area). Exactly one of `to` and `value`.',
    },
    {
      key: 'value', summary: 'a literal IPv6 address or host name',
      shape: str(),
      example: '2408:4000::1',
      doc: 'Value: a literal IPv6 address (AAAA) or host name (CNAME), for records that do not point at an accelerator of this file. Exactly one of `to` and `value`.',
    },
    {
      key: 'ttl', summary: 'the TTL in seconds (default 600)',
      shape: int(1, MAX_TTL),
      example: DEFAULT_TTL,
      doc: `TTL: "The time-to-live (TTL) period of the DNS record on the DNS server." Seconds, default ${DEFAULT_TTL} ("10 minute(s)"); at least the zone's minimum (600 on the free edition), at most ${MAX_TTL}.`,
    },
  ),
};

export const ROOT_SHAPE: ObjectShape = {
  kind: 'object',
  what: 'ga.yaml',
  fields: fields(
    { key: 'version', summary: 'the format version, 1', shape: { kind: 'scalar', type: 'integer', enum: [1] }, required: true, example: 1, doc: 'Version of the ga.yaml format: 1.' },
    {
      key: 'accelerators', summary: 'the GA instances, by name',
      shape: {
        kind: 'namedMap',
        what: 'accelerator',
        nameField: 'name',
        keyDoc: 'Instance name: 2 to 128 characters, a letter first, then letters, digits, underscores (_) and hyphens (-).',
        value: ACCELERATOR_SHAPE,
      },
      doc: 'GA instances, by instance name: each with its bandwidth plan, acceleration areas and listeners ("Purchase a GA service bundle", "Add an acceleration area", "Add a listener and an endpoint group").',
    },
    {
      key: 'dns', summary: 'the DNS records, by zone',
      shape: {
        kind: 'namedMap',
        what: 'DNS zone',
        nameField: 'zone',
        valueField: 'records',
        keyCompletion: 'zone',
        keyDoc: 'A domain name hosted in Alibaba Cloud DNS, e.g. example.com.',
        value: { kind: 'list', items: RECORD_SHAPE },
      },
      doc: 'Alibaba Cloud DNS records that route the service\'s name to GA ("Configure DNS settings"), by zone. Only the records named here are managed.',
    },
  ),
};

/** The field of `shape` named `key`, if `shape` is an object that has it (Map lookup: keys come from the file). */
export function fieldOf(shape: Shape | undefined, key: string): Field | undefined {
  return shape?.kind === 'object' ? shape.fields.get(key) : undefined;
}

/** The shape at a path of keys and indexes from the root (names of named maps are segments too). */
export function shapeAt(segments: readonly (string | number)[]): Shape | undefined {
  let shape: Shape | undefined = ROOT_SHAPE;
  for (const seg of segments) {
    if (!shape) return undefined;
    if (shape.kind === 'object') shape = typeof seg === 'string' ? shape.fields.get(seg)?.shape : undefined;
    else if (shape.kind === 'namedMap') shape = shape.value;
    else if (shape.kind === 'list') shape = typeof seg === 'number' ? shape.items : undefined;
    else return undefined;
  }
  return shape;
}
