// Every rule of the ga.yaml checks, on documents whose ⟦marked⟧ ranges are where each diagnostic must sit.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { GaYamlValidator, validateGaYaml, type GaYamlDiagnostic, type GaYamlFacts } from '../../../src/gaYaml';
import { RULES, type ProblemFix, type RuleId } from '../../../src/model';
import { areaStep, dnsRecordStep, listenerStep, purchaseStep } from '../../../src/workflows/seed';
import { CONTRACT_EXAMPLE, doc, marked } from './marked';

interface Expect {
  rule: RuleId;
  message?: RegExp;
  fix?: ProblemFix;
}

function expectDiagnostics(source: string, expected: Expect[], facts: GaYamlFacts = {}): GaYamlDiagnostic[] {
  const m = marked(source);
  m.ranges.sort((a, b) => a.start - b.start);
  const found = validateGaYaml(m.text, facts).diagnostics;
  const show = found.map((d) => `${d.code} ${d.severity} @ ${JSON.stringify(m.text.slice(d.span.start, d.span.end))}: ${d.message}`).join('\n');
  assert.equal(found.length, expected.length, show || 'no diagnostics');
  found.forEach((d, i) => {
    const rule = RULES[expected[i].rule];
    assert.deepEqual([d.code, d.severity], [rule.code, rule.severity], `diagnostic ${i}\n${show}`);
    if (expected[i].message) assert.match(d.message, expected[i].message!, show);
    if (expected[i].fix) assert.deepEqual(d.fix, expected[i].fix, show);
    assert.deepEqual(d.span, m.ranges[i], `diagnostic ${i} is at ${JSON.stringify(m.text.slice(d.span.start, d.span.end))}, expected ${JSON.stringify(m.text.slice(m.ranges[i].start, m.ranges[i].end))}\n${show}`);
    assert.deepEqual(d.range.start.line, m.text.slice(0, d.span.start).split('\n').length - 1);
  });
  return found;
}

test('the contract\'s example is clean and yields its configuration', () => {
  const r = validateGaYaml(CONTRACT_EXAMPLE);
  assert.deepEqual(r.diagnostics, []);
  assert.equal(r.config?.accelerators[0].name, 'web-ipv6');
});

test('GA010–GA013: names of instances, listeners and endpoint groups, and instance IDs', () => {
  expectDiagnostics(doc`
    version: 1
    accelerators:
      ⟦1web⟧:
        id: ⟦GA-BP1⟧
        spec: "1"
        billing: payAsYouGo
        listeners:
          ⟦w⟧:
            protocol: TCP
            ports: [80]
            endpointGroups:
              - name: ⟦bad.name⟧
                region: cn-beijing
                endpoints: [{ ip: 203.0.113.10, weight: 1 }]
  `, [
    { rule: 'acceleratorName', message: /^Instance name must start with a letter; "1" is not one\.$/ },
    { rule: 'acceleratorId', message: /looks like ga-bp1example|look like ga-bp1example/ },
    { rule: 'listenerName', message: /^Listener name must be 2 to 128 characters long \(it has 1\)\.$/ },
    { rule: 'endpointGroupName', message: /"\." is not allowed/ },
  ]);
});

test('GA020–GA025: specification, term, what an ordinary account can buy, plan bandwidth and the Basic plan', () => {
  expectDiagnostics(doc`
    version: 1
    accelerators:
      unknown-spec:
        spec: ⟦"4"⟧
        billing: payAsYouGo
      whitelisted:
        spec: ⟦"40"⟧
        billing: payAsYouGo
      long-term:
        spec: "1"
        billing: subscription
        term: { cycle: Year, duration: ⟦4⟧ }
        bandwidthPlan: { bandwidthType: ⟦Basic⟧, bandwidth: ⟦3000⟧ }
      ⟦⟦no-term⟧⟧:
        spec: "1"
        billing: subscription
      postpaid:
        billing: payAsYouGo
        ⟦term⟧: { cycle: Month, duration: 1 }
        ⟦bandwidthPlan⟧: { bandwidthType: Enhanced, bandwidth: 2 }
      ⟦no-spec⟧:
        billing: subscription
        term: { cycle: Month, duration: 1 }
        bandwidthPlan: { bandwidthType: Enhanced, bandwidth: 2 }
  `, [
    { rule: 'spec', message: /^Specification "4" is not one of 1 \(Small I\)/ },
    { rule: 'specWhitelist', message: /Large III \(spec 40\) can be bought only after/ },
    { rule: 'term', message: /lasts 1 to 3 years/, fix: { kind: 'setValue', title: 'Use 3', value: 3 } },
    { rule: 'basicBandwidthType', fix: { kind: 'setValue', title: 'Use Enhanced', value: 'Enhanced' } },
    { rule: 'planBandwidth', message: /2 to 2000 Mbit\/s/, fix: { kind: 'setValue', title: 'Use 2000 Mbit/s', value: 2000 } },
    { rule: 'billing', message: /bought for a term: add term/, fix: { kind: 'addKey', title: 'Add term: 1 month', key: 'term', value: { cycle: 'Month', duration: 1, autoRenew: false } } },
    { rule: 'billing', message: /add bandwidthPlan/, fix: { kind: 'addKey', title: 'Add bandwidthPlan: Enhanced, 2 Mbit/s', key: 'bandwidthPlan', value: { bandwidthType: 'Enhanced', bandwidth: 2 } } },
    { rule: 'billing', message: /has no term/, fix: { kind: 'removeKey', title: 'Remove term' } },
    { rule: 'billing', message: /^An ordinary account can buy a subscription instance with a subscription basic bandwidth plan, or a pay-as-you-go instance billed by data transfer \(no bandwidth plan\); pay-as-you-go bandwidth plans are for allow-listed accounts only\.$/, fix: { kind: 'removeKey', title: 'Remove bandwidthPlan (billed by data transfer)' } },
    { rule: 'required', message: /A subscription instance needs spec/, fix: { kind: 'addKey', title: 'Add spec: "1" (Small I)', key: 'spec', value: '1' } },
  ]);
});

test('GA030/GA031: IPv6 regions offline and from the account\'s live list; unknown regions warn', () => {
  const source = doc`
    version: 1
    accelerators:
      acc:
        spec: "3"
        billing: payAsYouGo
        areas:
          ⟦ap-northeast-1⟧: { ipVersion: IPv6 }
          ⟦mars-1⟧: { ipVersion: IPv4 }
        listeners:
          web:
            protocol: TCP
            ports: [80]
            endpointGroups:
              - name: g1
                region: ⟦moon-2⟧
                endpoints: [{ ip: 203.0.113.10, weight: 1 }]
  `;
  expectDiagnostics(source, [
    { rule: 'ipv6Region', message: /not available in Japan \(Tokyo\)/, fix: { kind: 'setValue', title: 'Use China (Hong Kong) (cn-hongkong)', value: 'cn-hongkong' } },
    { rule: 'unknownRegion', message: /mars-1 is not a region this extension knows/ },
    { rule: 'unknownRegion', message: /moon-2 is not a region this extension knows/ },
  ]);
  const live: GaYamlFacts = { liveRegions: [{ regionId: 'ap-northeast-1', supportIpv6: true }, { regionId: 'mars-1', supportIpv6: false }, { regionId: 'moon-2' }] };
  expectDiagnostics(source.replace(/⟦|⟧/g, ''), [], live);
  const offered: GaYamlFacts = { liveRegions: [{ regionId: 'cn-hangzhou', supportIpv6: true, name: 'China (Hangzhou)' }] };
  expectDiagnostics(source.replace('⟦moon-2⟧', 'cn-hangzhou'), [
    { rule: 'ipv6Region', message: /ap-northeast-1 is not an acceleration region this account can use \(ListAvailableAccelerateAreas offers cn-hangzhou\)/, fix: { kind: 'setValue', title: 'Use China (Hangzhou) (cn-hangzhou)', value: 'cn-hangzhou' } },
    { rule: 'ipv6Region', message: /mars-1 is not an acceleration region this account can use/ },
  ], offered);
});

test('GA032–GA036: area count, area bandwidth, the plan\'s total, dual stack and ISP types', () => {
  expectDiagnostics(doc`
    version: 1
    accelerators:
      acc:
        spec: ⟦"1"⟧
        billing: subscription
        term: { cycle: Month, duration: 1 }
        bandwidthPlan: { bandwidthType: Enhanced, bandwidth: 3 }
        areas:
          cn-beijing: { ipVersion: ⟦DUAL_STACK⟧, bandwidth: 2, ispType: ⟦BGP⟧ }
          ⟦cn-hangzhou⟧: { ipVersion: IPv6 }
          cn-shanghai: { ipVersion: IPv6, bandwidth: ⟦1⟧ }
      cdt:
        spec: "1"
        billing: payAsYouGo
        areas:
          cn-beijing: { ipVersion: IPv6, ispType: ⟦BGP_PRO⟧ }
  `, [
    { rule: 'areaCount', message: /A Small I instance accelerates at most 1 region; this setup has 3/, fix: { kind: 'setValue', title: 'Use Small III (spec 3)', value: '3' } },
    { rule: 'dualStack', fix: { kind: 'setValue', title: 'Use IPv6', value: 'IPv6' } },
    { rule: 'ispType', message: /for pay-by-data-transfer instances/ },
    { rule: 'billing', message: /add bandwidth \(at least 2 Mbit\/s\) to cn-hangzhou/, fix: { kind: 'addKey', title: 'Add bandwidth: 2', key: 'bandwidth', value: 2 } },
    { rule: 'areaBandwidth', message: /at least 2 Mbit\/s/, fix: { kind: 'setValue', title: 'Use 2 Mbit/s', value: 2 } },
    { rule: 'ispType', message: /cn-beijing offers BGP lines to this account, not BGP_PRO/, fix: { kind: 'setValue', title: 'Use BGP', value: 'BGP' } },
  ], { liveRegions: [{ regionId: 'cn-beijing', supportIpv6: true, ispTypes: ['BGP'] }, { regionId: 'cn-hangzhou', supportIpv6: true }, { regionId: 'cn-shanghai', supportIpv6: true }] });
});

test('GA034: the areas\' bandwidths together fit in the plan (checked once each area\'s own is right)', () => {
  expectDiagnostics(doc`
    version: 1
    accelerators:
      acc:
        spec: "2"
        billing: subscription
        term: { cycle: Month, duration: 1 }
        bandwidthPlan: { bandwidthType: Enhanced, bandwidth: 3 }
        ⟦areas⟧:
          cn-beijing: { ipVersion: IPv6, bandwidth: 2 }
          cn-hangzhou: { ipVersion: IPv6, bandwidth: 2 }
  `, [{ rule: 'areaBandwidthSum', message: /would use 4 Mbit\/s but the bandwidth plan has 3 Mbit\/s/ }]);
});

test('GA040–GA044: port ranges, reserved ports, protocol rules and overlaps, each on its port', () => {
  expectDiagnostics(doc`
    version: 1
    accelerators:
      acc:
        spec: "1"
        billing: payAsYouGo
        listeners:
          low:
            protocol: TCP
            ports: [⟦0⟧, ⟦"90-80"⟧]
          reserved:
            protocol: UDP
            ports: [⟦65500⟧, ⟦4789⟧]
          web:
            protocol: HTTP
            ports: [8080, ⟦8081⟧]
          none:
            protocol: TCP
            ⟦ports⟧: []
          mix:
            protocol: TCP
            ports: [1000, ⟦"1000-1001"⟧]
          again:
            protocol: TCP
            ports: [⟦1001⟧]
          big1:
            protocol: UDP
            ports: ["10000-10400"]
          big2:
            protocol: UDP
            ⟦ports⟧: ["20000-20400"]
  `, [
    { rule: 'portRange', message: /^Port 0 is out of range: valid values are 1 to 65499\.$/, fix: { kind: 'setValue', title: 'Use port 1', value: 1 } },
    { rule: 'portRange', message: /90-80 is backwards/ },
    { rule: 'reservedPort', message: /^Port 65500 is reserved by GA/, fix: { kind: 'setValue', title: 'Use port 65499', value: 65499 } },
    { rule: 'reservedPort', message: /UDP port 4789 is reserved/, fix: { kind: 'setValue', title: 'Use port 4788', value: 4788 } },
    { rule: 'protocolPorts', message: /HTTP listeners take exactly one port/ },
    { rule: 'portRange', message: /needs at least one port/ },
    { rule: 'portOverlap', message: /Port ranges 1000 and 1000-1001 overlap/ },
    { rule: 'portOverlap', message: /Port 1001 is already used by listener mix/ },
    { rule: 'largePortRange', message: /Listener big1 already has a UDP range of more than 300 ports/ },
  ]);
});

test('GA050–GA054 and GA008: weights, endpoint addresses (public unless the sandbox), counts and duplicates', () => {
  const source = doc`
    version: 1
    accelerators:
      acc:
        spec: "1"
        billing: payAsYouGo
        listeners:
          web:
            protocol: TCP
            ports: [80]
            endpointGroups:
              - name: g1
                region: cn-beijing
                endpoints:
                  - { ip: 203.0.113.10, weight: ⟦300⟧ }
                  - { ip: 203.0.113.11, weight: ⟦0⟧ }
                  - { ip: ⟦db.example⟧, weight: 1 }
                  - { ip: ⟦192.168.1.4⟧, weight: 1 }
                  - { ip: ⟦203.0.113.10⟧, weight: 1 }
              - name: g2
                region: cn-beijing
                ⟦endpoints⟧: []
              - ⟦name: g1⟧
                region: cn-beijing
                endpoints: [{ ip: ⟦127.0.0.1⟧, weight: 1 }]
  `;
  const all: Expect[] = [
    { rule: 'weight', message: /^Weight must be a whole number from 0 to 255\.$/, fix: { kind: 'setValue', title: 'Use 255', value: 255 } },
    { rule: 'weightZero', message: /stops GA from sending any traffic/ },
    { rule: 'endpointAddress', message: /"db.example" is not an IPv4 address/ },
    { rule: 'publicEndpoint', message: /192.168.1.4 is a private address/ },
    { rule: 'duplicateEntry', message: /203.0.113.10 is already an endpoint of this group/ },
    { rule: 'endpointCount', message: /at least one endpoint/ },
    { rule: 'duplicateEntry', message: /already has an endpoint group g1 in cn-beijing/ },
    { rule: 'publicEndpoint', message: /127.0.0.1 is a loopback address/ },
  ];
  expectDiagnostics(source, all);
  const inSandbox = source.replace('⟦192.168.1.4⟧', '192.168.1.4').replace('⟦127.0.0.1⟧', '127.0.0.1');
  expectDiagnostics(inSandbox, all.filter((e) => e.rule !== 'publicEndpoint'), { sandbox: true });
});

const TWO_ACCELERATORS = doc`
  version: 1
  accelerators:
    web-ipv6:
      spec: "2"
      billing: payAsYouGo
      areas:
        cn-beijing: { ipVersion: IPv6 }
        cn-hangzhou: { ipVersion: IPv4 }
    two-v6:
      spec: "2"
      billing: payAsYouGo
      areas:
        cn-beijing: { ipVersion: IPv6 }
        cn-shanghai: { ipVersion: DUAL_STACK }
    gone:
      state: absent
      spec: "1"
      billing: payAsYouGo
`;

test('GA060–GA066 and GA008: hosts, TTLs, to or value, references, literal families and CNAME clashes', () => {
  const found = expectDiagnostics(`${TWO_ACCELERATORS}${doc`
    dns:
      example.com:
        - { host: ⟦a..b⟧, type: AAAA, to: web-ipv6 }
        - { host: www, type: AAAA, to: web-ipv6, ttl: ⟦30⟧ }
        - { host: both, type: AAAA, to: web-ipv6, value: ⟦"2408::1"⟧ }
        - ⟦host: neither⟧
          type: AAAA
        - { host: typo, type: AAAA, to: ⟦web-ipv⟧ }
        - { host: literal, type: AAAA, to: ⟦2408:4000::1⟧ }
        - { host: noarea, type: AAAA, to: ⟦web-ipv6/cn-shenzhen⟧ }
        - { host: cname, type: CNAME, to: ⟦web-ipv6/cn-beijing⟧ }
        - { host: v4, type: AAAA, to: ⟦web-ipv6/cn-hangzhou⟧ }
        - { host: many, type: AAAA, to: ⟦two-v6⟧ }
        - { host: dual, type: AAAA, to: two-v6/cn-shanghai }
        - { host: deleted, type: CNAME, to: ⟦gone⟧ }
        - { host: family, type: AAAA, value: ⟦203.0.113.1⟧ }
        - { host: meant, type: AAAA, value: ⟦web-ipv6⟧ }
        - { host: api, type: ⟦CNAME⟧, to: web-ipv6 }
        - { host: api, type: AAAA, value: "2408::2" }
        - ⟦host: www⟧
          type: AAAA
          value: "2408::3"
  `}`, [
    { rule: 'dnsHost', message: /each label must be 1 to 63 characters/ },
    { rule: 'dnsTtl', message: /TTL 30 s is below this zone's minimum of 600 s/, fix: { kind: 'setValue', title: 'Use 600 s', value: 600 } },
    { rule: 'toOrValue', message: /not both/, fix: { kind: 'removeKey', title: 'Remove value (keep to)' } },
    { rule: 'toOrValue', message: /needs to: .* or value:/, fix: { kind: 'addKey', title: 'Add to: web-ipv6', key: 'to', value: 'web-ipv6' } },
    { rule: 'dnsTarget', message: /There is no accelerator web-ipv in this file \(it has web-ipv6, two-v6, gone\)/, fix: { kind: 'setValue', title: 'Use web-ipv6', value: 'web-ipv6' } },
    { rule: 'dnsTarget', message: /is a literal address, which belongs in value:/, fix: { kind: 'renameKey', title: 'Make it value:', to: 'value' } },
    { rule: 'dnsTarget', message: /web-ipv6 has no acceleration area cn-shenzhen \(it has cn-beijing, cn-hangzhou\)/ },
    { rule: 'dnsTargetVersion', message: /A CNAME record points at the CNAME GA allocated/, fix: { kind: 'setValue', title: 'Use web-ipv6', value: 'web-ipv6' } },
    { rule: 'dnsTargetVersion', message: /area cn-hangzhou is IPv4/, fix: { kind: 'setValue', title: 'Use web-ipv6/cn-beijing', value: 'web-ipv6/cn-beijing' } },
    { rule: 'dnsTargetVersion', message: /two-v6 has 2 IPv6 areas \(cn-beijing, cn-shanghai\); name one/ },
    { rule: 'dnsTargetVersion', message: /gone has state: absent/ },
    { rule: 'dnsValue', message: /An AAAA record points at an IPv6 address/ },
    { rule: 'dnsValue', fix: { kind: 'renameKey', title: 'Point at it: to: web-ipv6', to: 'to' } },
    { rule: 'cnameConflict', message: /^Host "api" also has a AAAA record; a CNAME cannot share its name with other records/ },
    { rule: 'duplicateEntry', message: /already has a AAAA record for www/ },
  ]);
  assert.equal(found[0].path, 'dns.example.com[0].host');
  expectDiagnostics(`${TWO_ACCELERATORS}dns:\n  example.com:\n    - { host: www, type: AAAA, to: web-ipv6, ttl: 60 }\n`, [], { zoneMinTtl: new Map([['example.com', 60]]) });
});

test('GA067/GA068: zones are domain names, and (with a profile) zones of the account', () => {
  expectDiagnostics(`${TWO_ACCELERATORS}${doc`
    dns:
      ⟦localhost⟧: []
      ⟦exmaple.com⟧: []
      example.org: []
  `}`, [
    { rule: 'dnsZone', message: /"localhost" is not a domain name/ },
    { rule: 'zoneNotInAccount', message: /exmaple.com is not a zone of this account's Alibaba Cloud DNS \(it has example.com, example.org\)/, fix: { kind: 'renameKey', title: 'Use example.com', to: 'example.com' } },
  ], { zones: ['example.com', 'example.org'] });
});

test('a rule reads the same in a form (workflow step) and in the file', () => {
  const fileMessage = (text: string, code: string) => validateGaYaml(text).diagnostics.find((d) => d.code === code)?.message;
  const seed = CONTRACT_EXAMPLE;
  const stepListener = { acceleratorId: 'ga-1', listenerName: 'web', protocol: 'TCP', portRanges: [{ fromPort: 80, toPort: 80 }], clientAffinity: 'SOURCE_IP' as const, endpointGroupName: 'web-backend', endpointGroupRegion: 'cn-beijing', preserveClientIp: false, endpoints: [{ type: 'Ip', endpoint: '47.95.1.10', weight: 100 }] };
  const pairs: [string | undefined, string | undefined][] = [
    [fileMessage(seed.replace('weight: 100', 'weight: 256'), 'GA050'), listenerStep.validate({ ...stepListener, endpoints: [{ type: 'Ip', endpoint: '47.95.1.10', weight: 256 }] })[0]?.message],
    [fileMessage(seed.replace('ports: [80]', 'ports: [65501]'), 'GA041'), listenerStep.validate({ ...stepListener, portRanges: [{ fromPort: 65501, toPort: 65501 }] })[0]?.message],
    [fileMessage(seed.replace('      web:\n', '      w:\n'), 'GA011'), listenerStep.validate({ ...stepListener, listenerName: 'w' })[0]?.message],
    [fileMessage(seed.replace('47.95.1.10', '10.1.1.1'), 'GA053'), listenerStep.validate({ ...stepListener, endpoints: [{ type: 'Ip', endpoint: '10.1.1.1', weight: 1 }] })[0]?.message],
    [fileMessage(seed.replace('cn-beijing:\n', 'us-west-1:\n'), 'GA030'), areaStep.validate({ acceleratorId: 'ga-1', regionId: 'us-west-1', bandwidth: 2, ipVersion: 'IPv6' })[0]?.message],
    [fileMessage(seed.replace('bandwidth: 2               #', 'bandwidth: 2001 #'), 'GA024'), purchaseStep.validate({ name: 'web-ipv6', spec: '1', chargeType: 'PREPAY', pricingCycle: 'Month', duration: 1, bandwidthType: 'Enhanced', planBandwidth: 2001, backendOnAlibabaCloud: false, autoPay: true })[0]?.message],
    [fileMessage(seed.replace('ttl: 600', 'ttl: 5'), 'GA061'), dnsRecordStep.validate({ domainName: 'example.com', rr: 'www', type: 'AAAA', value: '2408::1', ttl: 5 })[0]?.message],
  ];
  for (const [file, form] of pairs) {
    assert.ok(file, 'the file reports the rule');
    assert.equal(file, form);
  }
});

test('the editor\'s validator reuses an unchanged accelerator\'s checks until the facts change', () => {
  const v = new GaYamlValidator();
  const facts: GaYamlFacts = {};
  const text = TWO_ACCELERATORS.replace('cn-hangzhou: { ipVersion: IPv4 }', 'ap-northeast-1: { ipVersion: IPv6 }');
  const first = v.validate(text, facts).diagnostics;
  assert.deepEqual(first.map((d) => d.code), ['GA030']);
  const edited = text.replace('two-v6:\n    spec: "2"', 'two-v6:\n    spec: "3"');
  assert.deepEqual(v.validate(edited, facts).diagnostics, first, 'same problems, same places (the edit is below them)');
  const live = v.validate(edited, { liveRegions: [{ regionId: 'cn-beijing', supportIpv6: true }, { regionId: 'ap-northeast-1', supportIpv6: true }, { regionId: 'cn-shanghai', supportIpv6: true }] });
  assert.deepEqual(live.diagnostics, [], 'new facts are applied to every accelerator');
});
