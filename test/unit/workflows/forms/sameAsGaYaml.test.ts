// A rule is written once (src/model) and reads the same wherever it is reported: the same mistake made in the
// Create IPv6 Gateway form and in the ga.yaml that "Save as ga.yaml" writes from it gives the same code and the
// same message. Each case makes one mistake in the form, checks the form's problem at its field, writes the form's
// configuration as ga.yaml and finds the identical diagnostic.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateGaYaml, writeGaYaml, type GaYamlFacts } from '../../../../src/gaYaml';
import { RULES, type Problem, type RuleId } from '../../../../src/model';
import { gatewayConfig, gatewayDefaults, liveFlags, validateGateway, type AccountFacts, type GatewayValues } from '../../../../src/workflows/forms';
import { account } from './helpers';

const offline = account({ zones: [{ name: 'example.com', records: [] }], acceleratorNames: [] });
const live = account({
  zones: offline.zones,
  acceleratorNames: [],
  regionsLive: true,
  regions: offline.regions.map((r) => ({ ...r, ispTypes: r.regionId === 'cn-beijing' ? ['BGP', 'BGP_PRO'] : ['BGP'] })),
});

/** What the ga.yaml editor knows when the form's account is the active profile. */
function yamlFacts(facts: AccountFacts): GaYamlFacts {
  return { sandbox: facts.sandbox, liveRegions: liveFlags(facts), zones: facts.zones.map((z) => z.name) };
}

interface Case {
  what: string;
  rule: RuleId;
  /** The form field that shows it. */
  field: string;
  change: (v: GatewayValues) => void;
  facts?: AccountFacts;
}

const payAsYouGo = (v: GatewayValues) => {
  v.purchase.term = 'payAsYouGo';
  v.area.bandwidth = '5';
};

const CASES: Case[] = [
  { what: 'an instance name starting with a digit', rule: 'acceleratorName', field: 'purchase.instanceName', change: (v) => (v.purchase.instanceName = '1web') },
  { what: 'a listener name too short', rule: 'listenerName', field: 'listener.name', change: (v) => (v.listener.name = 'w') },
  { what: 'an endpoint group name with a space', rule: 'endpointGroupName', field: 'endpointGroup.name', change: (v) => (v.endpointGroup.name = 'web group') },
  { what: 'a plan above 2000 Mbit/s', rule: 'planBandwidth', field: 'purchase.peakBandwidth', change: (v) => { v.purchase.peakBandwidth = '2001'; v.area.bandwidth = '2'; } },
  { what: 'a Basic plan for a backend off Alibaba Cloud', rule: 'basicBandwidthType', field: 'purchase.bandwidthType', change: (v) => (v.purchase.bandwidthType = 'Basic') },
  { what: 'a specification on request only', rule: 'specWhitelist', field: 'purchase.spec', change: (v) => (v.purchase.spec = '100') },
  { what: 'an area below 2 Mbit/s', rule: 'areaBandwidth', field: 'area.bandwidth', change: (v) => (v.area.bandwidth = '1') },
  { what: 'an area above its plan', rule: 'areaBandwidthSum', field: 'area.bandwidth', change: (v) => (v.area.bandwidth = '3') },
  { what: 'an IPv6 area where IPv6 clients cannot connect', rule: 'ipv6Region', field: 'area.region', change: (v) => (v.area.region = 'cn-zhangjiakou') },
  { what: 'a line the region does not offer', rule: 'ispType', field: 'area.ispType', facts: live, change: (v) => { payAsYouGo(v); v.area.region = 'cn-hangzhou'; v.area.ispType = 'BGP_PRO'; } },
  { what: 'a reserved port', rule: 'reservedPort', field: 'listener.ports', change: (v) => (v.listener.ports = '65500') },
  { what: 'a port out of range', rule: 'portRange', field: 'listener.ports', change: (v) => (v.listener.ports = '70000') },
  { what: 'two ports on an HTTP listener', rule: 'protocolPorts', field: 'listener.ports', change: (v) => { v.listener.protocol = 'HTTP'; v.listener.ports = '80,8080'; } },
  { what: 'overlapping ports', rule: 'portOverlap', field: 'listener.ports', change: (v) => (v.listener.ports = '80-90,85') },
  { what: 'a weight above 255', rule: 'weight', field: 'endpoints[0].weight', change: (v) => (v.endpoints[0].weight = '256') },
  { what: 'weight 0', rule: 'weightZero', field: 'endpoints[0].weight', change: (v) => (v.endpoints[0].weight = '0') },
  { what: 'a private backend outside the sandbox', rule: 'publicEndpoint', field: 'endpoints[0].address', change: (v) => (v.endpoints[0].address = '10.0.0.8') },
  { what: 'an IPv6 backend', rule: 'endpointAddress', field: 'endpoints[0].address', change: (v) => (v.endpoints[0].address = '2001:db8::1') },
  { what: 'a DNS host with an empty label', rule: 'dnsHost', field: 'dns.host', change: (v) => (v.dns.host = 'a..b') },
];

for (const c of CASES) {
  test(`${c.what}: the form and ga.yaml say the same (${RULES[c.rule].code})`, () => {
    const facts = c.facts ?? offline;
    const v = structuredClone(gatewayDefaults(facts));
    c.change(v);
    const code = RULES[c.rule].code;
    const inForm = validateGateway(v, facts).filter((p) => p.code === code);
    assert.ok(inForm.length > 0, `the form reports no ${code}: ${describe(validateGateway(v, facts))}`);
    assert.ok(inForm.every((p) => p.path === c.field), `${code} at ${inForm.map((p) => p.path).join(', ')}, not at ${c.field}`);

    const text = writeGaYaml(gatewayConfig(v), { comments: true });
    const inFile = validateGaYaml(text, yamlFacts(facts)).diagnostics.filter((d) => d.code === code);
    assert.ok(inFile.length > 0, `ga.yaml reports no ${code}:\n${text}\n${describe(validateGaYaml(text, yamlFacts(facts)).diagnostics)}`);
    assert.deepEqual(inFile.map((d) => [d.severity, d.message]), inForm.map((p) => [p.severity, p.message]));
  });
}

test('what the form accepts, its ga.yaml accepts: subscription and pay-as-you-go billed by data transfer', () => {
  for (const [name, change] of [['subscription', () => undefined], ['pay-as-you-go', payAsYouGo]] as const) {
    for (const facts of [offline, live]) {
      const v = structuredClone(gatewayDefaults(facts));
      change(v);
      assert.deepEqual(validateGateway(v, facts), [], name);
      const text = writeGaYaml(gatewayConfig(v), { comments: true });
      const result = validateGaYaml(text, yamlFacts(facts));
      assert.deepEqual(describe(result.diagnostics), '', `${name}:\n${text}`);
      assert.deepEqual(result.config, gatewayConfig(v), `${name}: the file reads back as the form's configuration`);
    }
  }
});

function describe(problems: readonly Problem[]): string {
  return problems.map((p) => `${p.path} ${p.code} ${p.severity}: ${p.message}`).join('\n');
}
