import { test } from 'node:test';
import assert from 'node:assert/strict';
import { errorsOf } from '../../../../src/model';
import {
  applyRecommendation,
  gatewayConfig,
  gatewayDefaults,
  gatewayPurchase,
  gatewaySections,
  recommendServices,
  recordTarget,
  reviewLines,
  stepOfPath,
  validateGateway,
  type GatewayValues,
} from '../../../../src/workflows/forms';
import { account, at, errorsAt } from './helpers';

const facts = account();
function values(change: (v: GatewayValues) => void = () => undefined): GatewayValues {
  const v = structuredClone(gatewayDefaults(facts));
  change(v);
  return v;
}

test('the defaults are the seed\'s example, valid as they are, with a free instance name and a free host', () => {
  const v = values();
  assert.equal(v.purchase.instanceName, 'web-ipv6-2', 'web-ipv6 is taken in this account');
  assert.equal(v.dns.host, 'ipv6', 'www already has an AAAA record');
  assert.deepEqual(
    [v.guide.accelerationArea, v.guide.serviceRegion, v.guide.icpFiling, v.guide.serverArea, v.guide.peakBandwidthRange, v.guide.maxConnections],
    ['cn-beijing', 'cn-beijing', 'yes', 'offAlibabaCloud', '2', '5000'],
  );
  assert.deepEqual([v.purchase.spec, v.purchase.bandwidthType, v.purchase.peakBandwidth, v.purchase.term], ['1', 'Enhanced', '2', 'subscription:Month:1']);
  assert.deepEqual([v.area.region, v.area.bandwidth, v.area.ipVersion], ['cn-beijing', '2', 'IPv6']);
  assert.deepEqual([v.listener.protocol, v.listener.ports, v.listener.clientAffinity], ['TCP', '80', 'SOURCE_IP']);
  assert.deepEqual([v.endpointGroup.region, v.endpointGroup.preserveClientIp], ['cn-beijing', false]);
  assert.deepEqual(v.endpoints, [{ type: 'Ip', address: '203.0.113.10', weight: '100' }]);
  assert.deepEqual([v.dns.zone, v.dns.type, v.dns.ttl], ['example.com', 'AAAA', '600']);
  assert.deepEqual(validateGateway(v, facts), []);
});

test('every field has the label the issue names, exactly once (the endpoint row per endpoint)', () => {
  const labels = gatewaySections(values(), facts).flatMap((s) => [...s.fields.map((f) => f.label), ...(s.rows?.fields.map((f) => f.label) ?? [])]);
  assert.deepEqual(labels, [
    'Acceleration Area', 'Service Region', 'ICP Filing', 'Server Area', 'Peak Bandwidth Range', 'Maximum Concurrent Connections',
    'Instance Name', 'Term', 'Auto-Renewal', 'Specification', 'Bandwidth Type', 'Peak Bandwidth',
    'Regions', 'Bandwidth', 'Internet Protocol', 'Line Type',
    'Listener Name', 'Protocol', 'Port Number', 'Client Affinity', 'Endpoint Group Name', 'Region', 'Preserve Client IP',
    'Backend Service Type', 'Backend Service', 'Weight',
    'Domain Name', 'Type', 'Host', 'TTL',
  ]);
});

test('the purchase: name rule and a name taken in the account, term, spec, plan bandwidth, the Basic-plan warning', () => {
  at(validateGateway(values((v) => (v.purchase.instanceName = '1web')), facts), 'purchase.instanceName', 'acceleratorName');
  const taken = at(validateGateway(values((v) => (v.purchase.instanceName = 'web-ipv6')), facts), 'purchase.instanceName', 'duplicateEntry');
  assert.match(taken.message, /already exists/);
  at(validateGateway(values((v) => (v.purchase.term = 'subscription:Month:12')), facts), 'purchase.term', 'enum');
  at(validateGateway(values((v) => (v.purchase.spec = '7')), facts), 'purchase.spec', 'spec');
  at(validateGateway(values((v) => (v.purchase.peakBandwidth = '2001')), facts), 'purchase.peakBandwidth', 'planBandwidth');
  at(validateGateway(values((v) => (v.purchase.peakBandwidth = 'two')), facts), 'purchase.peakBandwidth', 'planBandwidth');
  const basic = validateGateway(values((v) => (v.purchase.bandwidthType = 'Basic')), facts);
  at(basic, 'purchase.bandwidthType', 'basicBandwidthType');
  assert.deepEqual(errorsOf(basic), [], 'a warning does not block Create');
  // On Alibaba Cloud a Basic plan is fine.
  assert.deepEqual(validateGateway(values((v) => { v.purchase.bandwidthType = 'Basic'; v.guide.serverArea = 'onAlibabaCloud'; }), facts), []);
});

test('the Term offers what an ordinary account can buy: subscriptions of 1–9 months or 1–3 years (with a subscription plan), or pay-as-you-go by data transfer', () => {
  const term = gatewaySections(values(), facts)[0].fields.find((f) => f.label === 'Term');
  const choices = term?.choices?.map((c) => c.value) ?? [];
  assert.deepEqual(choices, [
    ...[1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => `subscription:Month:${n}`),
    ...[1, 2, 3].map((n) => `subscription:Year:${n}`),
    'payAsYouGo',
  ]);
  assert.match(term?.choices?.at(-1)?.label ?? '', /billed by data transfer \(no bandwidth plan\)/);
  // Every subscription comes with a subscription basic plan: the config carries the term and the plan.
  const config = gatewayConfig(values((v) => (v.purchase.term = 'subscription:Year:3')));
  assert.deepEqual(config.accelerators[0].term, { cycle: 'Year', duration: 3, autoRenew: false });
  assert.deepEqual(config.accelerators[0].bandwidthPlan, { bandwidthType: 'Enhanced', bandwidth: 2 });
  assert.equal(config.accelerators[0].spec, '1');
  assert.equal(config.accelerators[0].areas[0].ispType, undefined, 'an instance with a plan uses the plan\'s line');
});

test('pay-as-you-go billed by data transfer: no specification and no plan; the area still takes a bandwidth (CreateIpSets requires it) and a line', () => {
  const v = values((x) => {
    x.purchase.term = 'payAsYouGo';
    x.purchase.peakBandwidth = '';
    x.purchase.bandwidthType = '';
    x.purchase.spec = '';
    x.area.bandwidth = '5';
  });
  assert.deepEqual(validateGateway(v, facts), []);
  at(validateGateway(values((x) => { x.purchase.term = 'payAsYouGo'; x.area.bandwidth = ''; }), facts), 'area.bandwidth', 'areaBandwidth');
  const config = gatewayConfig(v);
  assert.equal(config.accelerators[0].billing, 'payAsYouGo');
  assert.equal(config.accelerators[0].spec, undefined, 'an instance billed by data transfer has no specification');
  assert.equal(config.accelerators[0].bandwidthPlan, undefined);
  assert.equal(config.accelerators[0].term, undefined);
  assert.equal(config.accelerators[0].areas[0].bandwidth, 5, 'no plan to fit in: 5 is more than the 2 Mbit/s plan of a subscription would allow');
  assert.equal(config.accelerators[0].areas[0].ispType, 'BGP');
  assert.equal(gatewayConfig(values((x) => { x.purchase.term = 'payAsYouGo'; x.area.ispType = 'BGP_PRO'; })).accelerators[0].areas[0].ispType, 'BGP_PRO');
  const fields = gatewaySections(v, facts).flatMap((s) => s.fields);
  const disabled = (label: string) => fields.find((f) => f.label === label)?.disabled ?? false;
  assert.deepEqual(['Specification', 'Bandwidth Type', 'Peak Bandwidth', 'Auto-Renewal', 'Line Type'].map(disabled), [true, true, true, true, false]);
  assert.equal(disabled('Line Type'), false);
  assert.equal(gatewaySections(values(), facts).flatMap((s) => s.fields).find((f) => f.label === 'Line Type')?.disabled, true, 'a subscription has no line to choose');
  const bought = gatewayPurchase(v);
  assert.equal(bought.subscription, false);
  assert.match(bought.title, /pay-as-you-go GA instance "web-ipv6-2", billed by data transfer/);
  assert.doesNotMatch(bought.title + bought.lines.join(' '), /Small I|bandwidth plan:/);
  assert.match(bought.lines.join(' '), /billed by data transfer \(CDT\): no bandwidth plan/);
  const review = reviewLines(v, facts);
  assert.match(review[0], /^GA instance "web-ipv6-2", pay-as-you-go \(billed by data transfer\)$/);
  assert.match(review[1], /^Acceleration area China \(Beijing\): IPv6, 5 Mbit\/s, line BGP$/);
});

test('pay-as-you-go on this account: not activated is said (Create activates it after asking), overdue is an error in the service\'s words', () => {
  const payg = (x: GatewayValues) => (x.purchase.term = 'payAsYouGo');
  const notOpened = account({ payAsYouGo: { status: 'NotOpened', problem: 'not activated' } });
  assert.deepEqual(validateGateway(values(payg), notOpened), [], 'Create may activate it: the plan asks with the purchase');
  const term = gatewaySections(values(payg), notOpened)[0].fields.find((f) => f.label === 'Term');
  assert.match(term?.help ?? '', /not activated for pay-as-you-go.*Create asks to activate it/);
  assert.match(gatewayPurchase(values(payg), { payAsYouGo: notOpened.payAsYouGo }).lines[0], /activate Global Accelerator for pay-as-you-go/);
  const overdue = account({ payAsYouGo: { status: 'Expired', problem: 'Pay-as-you-go Global Accelerator is expired on this account because of an overdue payment.' } });
  const p = at(validateGateway(values(payg), overdue), 'purchase.term', 'billing');
  assert.match(p.message, /overdue payment/);
  assert.deepEqual(validateGateway(values(), overdue), [], 'a subscription needs no pay-as-you-go service');
});

test('the line of an area billed by data transfer: the lines the live list offers in the region', () => {
  const payg = (x: GatewayValues) => (x.purchase.term = 'payAsYouGo');
  const live = account({ regionsLive: true, regions: account().regions.map((r) => ({ ...r, ispTypes: r.regionId === 'cn-beijing' ? ['BGP', 'BGP_PRO'] : ['BGP'] })) });
  const lineField = (v: GatewayValues) => gatewaySections(v, live)[1].fields.find((f) => f.label === 'Line Type')?.choices?.map((c) => c.value);
  assert.deepEqual(lineField(values(payg)), ['BGP', 'BGP_PRO']);
  assert.deepEqual(lineField(values((x) => { payg(x); x.area.region = 'cn-hongkong'; })), ['BGP']);
  const p = at(validateGateway(values((x) => { payg(x); x.area.region = 'cn-hongkong'; x.area.ispType = 'BGP_PRO'; }), live), 'area.ispType', 'ispType');
  assert.equal(p.message, 'cn-hongkong offers BGP lines to this account, not BGP_PRO.');
  at(validateGateway(values((x) => { payg(x); x.area.ispType = 'MPLS'; }), facts), 'area.ispType', 'enum');
  assert.deepEqual(validateGateway(values((x) => (x.area.ispType = 'MPLS')), facts), [], 'a subscription ignores the line');
});

test('the area: IPv6 regions only (the seed\'s list offline, the live flags online), bandwidth ≥ 2 within the plan, areas per spec', () => {
  at(validateGateway(values((v) => (v.area.region = 'cn-zhangjiakou')), facts), 'area.region', 'ipv6Region');
  assert.deepEqual(validateGateway(values((v) => { v.area.region = 'cn-zhangjiakou'; v.area.ipVersion = 'IPv4'; }), facts), []);
  const live = account({ regionsLive: true, regions: account().regions.map((r) => ({ ...r, supportIpv6: r.regionId === 'cn-zhangjiakou' })) });
  assert.deepEqual(errorsAt(validateGateway(values((v) => (v.area.region = 'cn-zhangjiakou')), live), 'area.region'), [], 'the live flag wins');
  at(validateGateway(values((v) => (v.area.region = 'cn-beijing')), live), 'area.region', 'ipv6Region');
  at(validateGateway(values((v) => (v.area.bandwidth = '1')), facts), 'area.bandwidth', 'areaBandwidth');
  at(validateGateway(values((v) => (v.area.bandwidth = '3')), facts), 'area.bandwidth', 'areaBandwidthSum');
  // The area's sum rule waits while the plan's own bandwidth is not a number (that field shows the error).
  const planBad = validateGateway(values((v) => (v.purchase.peakBandwidth = 'x')), facts);
  assert.deepEqual(errorsAt(planBad, 'area.bandwidth'), []);
  // The IPv6 choice offers only IPv6-capable regions; IPv4 offers them all.
  const regionField = (v: GatewayValues) => gatewaySections(v, facts)[1].fields[0].choices?.map((c) => c.value) ?? [];
  assert.ok(!regionField(values()).includes('cn-zhangjiakou'));
  assert.ok(regionField(values((v) => (v.area.ipVersion = 'IPv4'))).includes('cn-zhangjiakou'));
});

test('the listener: name, protocol, ports as typed (one, a list, a range), protocol rules, affinity', () => {
  at(validateGateway(values((v) => (v.listener.name = 'w')), facts), 'listener.name', 'listenerName');
  at(validateGateway(values((v) => (v.listener.protocol = 'SCTP')), facts), 'listener.protocol', 'enum');
  at(validateGateway(values((v) => (v.listener.ports = '')), facts), 'listener.ports', 'required');
  at(validateGateway(values((v) => (v.listener.ports = 'eighty')), facts), 'listener.ports', 'portRange');
  at(validateGateway(values((v) => (v.listener.ports = '65500')), facts), 'listener.ports', 'reservedPort');
  at(validateGateway(values((v) => (v.listener.ports = '70000')), facts), 'listener.ports', 'portRange');
  at(validateGateway(values((v) => { v.listener.protocol = 'UDP'; v.listener.ports = '4789'; }), facts), 'listener.ports', 'reservedPort');
  at(validateGateway(values((v) => { v.listener.protocol = 'HTTP'; v.listener.ports = '80,8080'; }), facts), 'listener.ports', 'protocolPorts');
  at(validateGateway(values((v) => (v.listener.ports = '80-90,85')), facts), 'listener.ports', 'portOverlap');
  at(validateGateway(values((v) => (v.listener.ports = '90-80')), facts), 'listener.ports', 'portRange');
  at(validateGateway(values((v) => (v.listener.clientAffinity = 'COOKIE')), facts), 'listener.clientAffinity', 'enum');
  assert.deepEqual(validateGateway(values((v) => (v.listener.ports = '80, 443, 8000-8010')), facts), []);
  assert.deepEqual(gatewayConfig(values((v) => (v.listener.ports = '80, 8000-8010'))).accelerators[0].listeners[0].ports, [{ fromPort: 80, toPort: 80 }, { fromPort: 8000, toPort: 8010 }]);
});

test('the endpoint group and its endpoint rows: name, region, count, public IPv4 (loopback in the sandbox), duplicates, weights', () => {
  at(validateGateway(values((v) => (v.endpointGroup.name = '-x')), facts), 'endpointGroup.name', 'endpointGroupName');
  at(validateGateway(values((v) => (v.endpointGroup.region = 'nowhere')), facts), 'endpointGroup.region', 'required');
  at(validateGateway(values((v) => (v.endpoints = [])), facts), 'endpoints', 'endpointCount');
  at(validateGateway(values((v) => (v.endpoints[0].address = 'web.example.com')), facts), 'endpoints[0].address', 'endpointAddress');
  at(validateGateway(values((v) => (v.endpoints[0].address = '')), facts), 'endpoints[0].address', 'required');
  at(validateGateway(values((v) => (v.endpoints[0].address = '127.0.0.1')), facts), 'endpoints[0].address', 'publicEndpoint');
  assert.deepEqual(validateGateway(values((v) => (v.endpoints[0].address = '127.0.0.1')), account({ sandbox: true })), [], 'the sandbox serves loopback backends');
  at(validateGateway(values((v) => v.endpoints.push({ type: 'Ip', address: '203.0.113.10', weight: '5' })), facts), 'endpoints[1].address', 'duplicateEntry');
  at(validateGateway(values((v) => (v.endpoints[0].weight = '256')), facts), 'endpoints[0].weight', 'weight');
  at(validateGateway(values((v) => (v.endpoints[0].weight = '')), facts), 'endpoints[0].weight', 'weight');
  const drained = validateGateway(values((v) => (v.endpoints[0].weight = '0')), facts);
  at(drained, 'endpoints[0].weight', 'weightZero');
  assert.deepEqual(errorsOf(drained), []);
  at(validateGateway(values((v) => (v.endpoints[0].type = 'ECS')), facts), 'endpoints[0].type', 'enum');
});

test('DNS: the account\'s zones, host syntax, TTL against the zone\'s minimum, CNAME conflicts; or no record at all', () => {
  at(validateGateway(values((v) => (v.dns.zone = 'example.org')), facts), 'dns.zone', 'required');
  at(validateGateway(values((v) => (v.dns.host = '-www')), facts), 'dns.host', 'dnsHost');
  at(validateGateway(values((v) => (v.dns.ttl = '60')), facts), 'dns.ttl', 'dnsTtl');
  assert.deepEqual(validateGateway(values((v) => (v.dns.ttl = '60')), account({ zones: [{ name: 'example.com', minTtl: 60, records: [] }] })), []);
  const cname = at(validateGateway(values((v) => { v.dns.type = 'CNAME'; v.dns.host = 'www'; }), facts), 'dns.host', 'cnameConflict');
  assert.match(cname.message, /already has a AAAA record/);
  // A second AAAA on www is allowed; the review says the existing one is repointed (the plan updates it).
  const repoint = values((v) => (v.dns.host = 'www'));
  assert.deepEqual(validateGateway(repoint, facts), []);
  assert.match(reviewLines(repoint, facts).at(-1) ?? '', /repoints the existing AAAA record → 2408:4000::1/);
  const none = values((v) => (v.dns.zone = ''));
  assert.deepEqual(validateGateway(none, facts), []);
  assert.deepEqual(gatewayConfig(none).dns, []);
  assert.deepEqual(validateGateway(values((v) => (v.dns.zone = '')), account({ zones: [] })), []);
});

test('the whole form becomes the contract\'s ga.yaml example: the seed\'s end state as a GaConfig', () => {
  const v = values((x) => {
    x.purchase.instanceName = 'web-ipv6-b';
    x.listener.name = 'web';
    x.endpoints[0].address = '47.95.1.10';
    x.dns.host = 'ipv6';
  });
  assert.deepEqual(gatewayConfig(v), {
    version: 1,
    accelerators: [{
      name: 'web-ipv6-b',
      spec: '1',
      billing: 'subscription',
      term: { cycle: 'Month', duration: 1, autoRenew: false },
      bandwidthPlan: { bandwidthType: 'Enhanced', bandwidth: 2 },
      areas: [{ region: 'cn-beijing', ipVersion: 'IPv6', bandwidth: 2 }],
      listeners: [{
        name: 'web',
        protocol: 'TCP',
        ports: [{ fromPort: 80, toPort: 80 }],
        clientAffinity: 'SOURCE_IP',
        endpointGroups: [{ name: 'web-backend', region: 'cn-beijing', preserveClientIp: false, endpoints: [{ ip: '47.95.1.10', weight: 100 }] }],
      }],
    }],
    dns: [{ zone: 'example.com', records: [{ host: 'ipv6', type: 'AAAA', to: 'web-ipv6-b/cn-beijing', ttl: 600 }] }],
  });
  const cname = gatewayConfig(values((x) => (x.dns.type = 'CNAME')));
  assert.deepEqual(cname.dns[0].records[0].to, 'web-ipv6-2');
});

test('Generate Service List fills the purchase, the area and the endpoint group\'s region', () => {
  const v = values((x) => {
    x.guide.peakBandwidthRange = '30';
    x.guide.serviceRegion = 'cn-shanghai';
    x.guide.serverArea = 'onAlibabaCloud';
  });
  const r = recommendServices(v.guide, facts.regions);
  assert.ok(r.ok);
  const next = applyRecommendation(v, r.recommendation);
  assert.deepEqual([next.purchase.spec, next.purchase.bandwidthType, next.purchase.peakBandwidth, next.area.region, next.area.bandwidth, next.endpointGroup.region], ['2', 'Basic', '30', 'cn-beijing', '30', 'cn-shanghai']);
  assert.deepEqual(validateGateway(next, facts), []);
  assert.equal(v.purchase.spec, '1', 'the values it started from are unchanged');
});

test('what Create shows: the review in creation order, and what is bought on what terms', () => {
  const v = values((x) => { x.purchase.autoRenew = true; x.purchase.term = 'subscription:Year:2'; });
  const review = reviewLines(v, facts);
  assert.equal(review.length, 6);
  assert.match(review[0], /^GA instance "web-ipv6-2", Small I$/);
  assert.match(review[1], /^Basic bandwidth plan: Enhanced, 2 Mbit\/s/);
  assert.match(review[5], /^DNS record ipv6\.example\.com AAAA → the IPv6 address GA allocates to China \(Beijing\), TTL 600 s$/);
  const bought = gatewayPurchase(v, { sandbox: true });
  assert.equal(bought.subscription, true);
  assert.match(bought.title, /web-ipv6-2.*Small I.*2 Mbit\/s Enhanced bandwidth plan/);
  assert.match(bought.lines[0], /subscription, 2 years, renewed automatically/);
  assert.match(bought.lines.at(-1) ?? '', /local sandbox/);
  assert.deepEqual(recordTarget(v, { ipv6Address: '2408:4000::5' }), { value: '2408:4000::5', description: '2408:4000::5' });
});

test('problems map to the step that shows them', () => {
  assert.deepEqual(
    ['guide.peakBandwidthRange', 'purchase.term', 'area.region', 'listener.ports', 'endpointGroup.name', 'endpoints[2].weight', 'dns.host', 'other'].map(stepOfPath),
    ['purchase', 'purchase', 'area', 'listener', 'listener', 'listener', 'dns', 'verify'],
  );
});
