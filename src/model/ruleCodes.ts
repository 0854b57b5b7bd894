// The stable codes of every rule a Problem can report: the workflow steps, the webview forms, ga.yaml
// diagnostics and `ga-ipv6 validate` all use them. A code is never reused for another rule, and every one is
// documented in docs/ga-yaml.md (a unit test keeps the two in step). Pure: a webview bundles this module.
import type { PathSegment, Problem, ProblemFix, Severity } from './problems';
import { formatPath } from './problems';

export interface RuleInfo {
  code: string;
  title: string;
  /** The severity the rule reports with; a rule never changes it by context. */
  severity: Severity;
}

function rule(code: string, title: string, severity: Severity = 'error'): RuleInfo {
  return { code, title, severity };
}

export const RULES = {
  // The file itself.
  syntax: rule('GA001', 'YAML syntax'),
  duplicateKey: rule('GA002', 'Duplicate key'),
  unknownKey: rule('GA003', 'Unknown key'),
  type: rule('GA004', 'Wrong type'),
  enum: rule('GA005', 'Value not allowed'),
  required: rule('GA006', 'Required value missing'),
  version: rule('GA007', 'Unsupported version'),
  duplicateEntry: rule('GA008', 'Duplicate entry'),
  // Names and identity.
  acceleratorName: rule('GA010', 'Instance name'),
  listenerName: rule('GA011', 'Listener name'),
  endpointGroupName: rule('GA012', 'Endpoint group name'),
  acceleratorId: rule('GA013', 'Instance ID'),
  // The instance and its billing.
  spec: rule('GA020', 'Specification'),
  specWhitelist: rule('GA021', 'Specification on request only', 'warning'),
  term: rule('GA022', 'Subscription term'),
  billing: rule('GA023', 'Billing combination'),
  planBandwidth: rule('GA024', 'Bandwidth plan peak'),
  basicBandwidthType: rule('GA025', 'Basic bandwidth for backends outside Alibaba Cloud', 'warning'),
  // Acceleration areas.
  ipv6Region: rule('GA030', 'IPv6 acceleration region'),
  unknownRegion: rule('GA031', 'Unknown region', 'warning'),
  areaCount: rule('GA032', 'Areas per specification'),
  areaBandwidth: rule('GA033', 'Area bandwidth'),
  areaBandwidthSum: rule('GA034', 'Areas within the plan'),
  dualStack: rule('GA035', 'Dual stack'),
  ispType: rule('GA036', 'ISP type'),
  // Listeners and ports.
  portRange: rule('GA040', 'Port range'),
  reservedPort: rule('GA041', 'Reserved port'),
  protocolPorts: rule('GA042', 'Ports for the protocol'),
  portOverlap: rule('GA043', 'Overlapping ports'),
  largePortRange: rule('GA044', 'Large port ranges per protocol'),
  // Endpoint groups and endpoints.
  weight: rule('GA050', 'Endpoint weight'),
  weightZero: rule('GA051', 'Weight 0 drains the endpoint', 'warning'),
  endpointAddress: rule('GA052', 'Endpoint address'),
  publicEndpoint: rule('GA053', 'Public endpoint'),
  endpointCount: rule('GA054', 'Endpoints per group'),
  // DNS records.
  dnsHost: rule('GA060', 'DNS host'),
  dnsTtl: rule('GA061', 'DNS TTL'),
  toOrValue: rule('GA062', 'Exactly one of to and value'),
  dnsTarget: rule('GA063', 'Unknown to: target'),
  dnsTargetVersion: rule('GA064', 'to: target of the record type'),
  dnsValue: rule('GA065', 'DNS record value'),
  cnameConflict: rule('GA066', 'CNAME beside other records'),
  dnsZone: rule('GA067', 'DNS zone'),
  zoneNotInAccount: rule('GA068', 'Zone not in the account', 'warning'),
} as const satisfies Record<string, RuleInfo>;

export type RuleId = keyof typeof RULES;

/** Every rule, in code order: for docs, the JSON Schema's descriptions and tests. */
export const RULE_LIST: readonly (RuleInfo & { id: RuleId })[] = (Object.keys(RULES) as RuleId[])
  .map((id) => ({ id, ...RULES[id] }))
  .sort((a, b) => a.code.localeCompare(b.code));

const BY_CODE = new Map<string, RuleInfo & { id: RuleId }>(RULE_LIST.map((r) => [r.code, r]));

export function ruleByCode(code: string): (RuleInfo & { id: RuleId }) | undefined {
  return BY_CODE.get(code);
}

/** A Problem of `rule` at `path` (a path string in the grammar of problems.ts, or its segments). */
export function problem(rule: RuleId, path: string | readonly PathSegment[], message: string, fix?: ProblemFix): Problem {
  const info = RULES[rule];
  const p: Problem = { path: typeof path === 'string' ? path : formatPath(path), message, severity: info.severity, code: info.code };
  if (fix) p.fix = fix;
  return p;
}

/** `problem()` when `message` is set (a `Check` of rules.ts), else nothing: `[...maybe('weight', path, checkWeight(w))]`. */
export function maybe(rule: RuleId, path: string | readonly PathSegment[], message: string | undefined, fix?: ProblemFix): Problem[] {
  return message ? [problem(rule, path, message, fix)] : [];
}
