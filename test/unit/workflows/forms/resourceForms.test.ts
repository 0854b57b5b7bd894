import { test } from 'node:test';
import assert from 'node:assert/strict';
import { errorsOf } from '../../../../src/model';
import type { GaConfig } from '../../../../src/model';
import { applyResourceChange, offlineRegions, resourceForm, RESOURCE_FORMS, type AcceleratorFacts, type ResourceFacts, type ResourceValues } from '../../../../src/workflows/forms';
import { at } from './helpers';

/** The seed's accelerator as the explorer lists it: Small I, a 2 Mbit/s plan, Beijing area, TCP:80 listener with one group. */
function seedAccelerator(change: (a: AcceleratorFacts) => void = () => undefined): AcceleratorFacts {
  const a: AcceleratorFacts = {
    id: 'ga-bp1seed',
    name: 'web-ipv6',
    spec: '3',
    billing: 'subscription',
    planBandwidth: 10,
    dnsName: 'ga-bp1seed.aliyunga0019.com',
    areas: [{ region: 'cn-beijing', bandwidth: 2, ipVersion: 'IPv6', ipSetId: 'ips-1', addresses: ['2408:4000::10'] }],
    listeners: [{
      id: 'lsr-1',
      name: 'web',
      protocol: 'TCP',
      portRanges: [{ fromPort: 80, toPort: 80 }],
      endpointGroups: [{ id: 'epg-1', name: 'web-backend', region: 'cn-beijing', preserveClientIp: true, endpoints: [{ type: 'Ip', address: '203.0.113.10', weight: 100 }] }],
    }],
  };
  change(a);
  return a;
}

function facts(extra: Partial<ResourceFacts> = {}, change?: (a: AcceleratorFacts) => void): ResourceFacts {
  return {
    accelerator: seedAccelerator(change),
    regions: offlineRegions(),
    regionsLive: false,
    zones: [{ name: 'example.com', records: [{ recordId: 'r1', rr: 'www', type: 'AAAA', value: '2408:4000::10' }] }],
    sandbox: false,
    ...extra,
  };
}

function withDefaults(kind: Parameters<typeof resourceForm>[0], f: ResourceFacts, change: (v: ResourceValues) => void = () => undefined): ResourceValues {
  const v = structuredClone(resourceForm(kind).defaults(f));
  change(v);
  return v;
}

test('six per-resource forms, each with its submit label and only the issue\'s labels', () => {
  assert.deepEqual([...RESOURCE_FORMS.keys()], ['addArea', 'addListener', 'addEndpointGroup', 'editEndpoints', 'addDnsRecord', 'editBandwidth']);
  const f = facts({ listenerId: 'lsr-1', endpointGroupId: 'epg-1', areaRegion: 'cn-beijing' });
  const labels = (kind: Parameters<typeof resourceForm>[0]) => {
    const form = resourceForm(kind);
    return form.sections(form.defaults(f), f).flatMap((s) => [...s.fields.map((x) => x.label), ...(s.rows?.fields.map((x) => x.label) ?? [])]);
  };
  assert.deepEqual(labels('addArea'), ['Regions', 'Bandwidth', 'Internet Protocol', 'Line Type']);
  assert.deepEqual(labels('addListener'), ['Listener Name', 'Protocol', 'Port Number', 'Client Affinity', 'Endpoint Group Name', 'Region', 'Preserve Client IP', 'Backend Service Type', 'Backend Service', 'Weight']);
  assert.deepEqual(labels('addEndpointGroup'), ['Endpoint Group Name', 'Region', 'Preserve Client IP', 'Backend Service Type', 'Backend Service', 'Weight']);
  assert.deepEqual(labels('editEndpoints'), ['Backend Service Type', 'Backend Service', 'Weight']);
  assert.deepEqual(labels('addDnsRecord'), ['Domain Name', 'Type', 'Host', 'TTL']);
  assert.deepEqual(labels('editBandwidth'), ['Bandwidth']);
});

test('Add Acceleration Area: a free IPv6 region by default; a region it has, the spec\'s area count and the plan\'s bandwidth are refused', () => {
  const form = resourceForm('addArea');
  const f = facts();
  const v = withDefaults('addArea', f);
  assert.equal(v.area?.region, 'cn-qingdao', 'the first IPv6 region the accelerator has no area in');
  assert.deepEqual(form.validate(v, f), []);
  assert.deepEqual(form.change(v, f), { kind: 'createArea', acceleratorId: 'ga-bp1seed', area: { region: 'cn-qingdao', ipVersion: 'IPv6', bandwidth: 2 } });
  at(form.validate(withDefaults('addArea', f, (x) => (x.area!.region = 'cn-beijing')), f), 'area.region', 'duplicateEntry');
  at(form.validate(withDefaults('addArea', f, (x) => (x.area!.bandwidth = '9')), f), 'area.bandwidth', 'areaBandwidthSum');
  const small = facts({}, (a) => (a.spec = '1'));
  at(form.validate(withDefaults('addArea', small), small), 'area.region', 'areaCount');
  const noPlan = facts({}, (a) => (a.planBandwidth = undefined));
  at(form.validate(withDefaults('addArea', noPlan), noPlan), 'area.bandwidth', 'billing');
  const cdt = facts({}, (a) => { a.billing = 'payAsYouGo'; a.planBandwidth = undefined; });
  assert.deepEqual(form.validate(withDefaults('addArea', cdt, (x) => (x.area!.bandwidth = '50')), cdt), [], 'billed by data transfer: no plan to fit in');
  at(form.validate(withDefaults('addArea', cdt, (x) => (x.area!.bandwidth = '')), cdt), 'area.bandwidth', 'areaBandwidth');
  // An area of an instance billed by data transfer carries its line (CreateIpSets IspType); with a plan it has none.
  const cdtArea = withDefaults('addArea', cdt, (x) => { x.area!.bandwidth = '2'; x.area!.ispType = 'BGP_PRO'; });
  assert.deepEqual(form.change(cdtArea, cdt), { kind: 'createArea', acceleratorId: 'ga-bp1seed', area: { region: 'cn-qingdao', ipVersion: 'IPv6', bandwidth: 2, ispType: 'BGP_PRO' } });
  assert.match(form.describe(cdtArea, cdt), /line BGP_PRO/);
  const line = (ff: typeof f) => form.sections(withDefaults('addArea', ff), ff)[0].fields.find((x) => x.label === 'Line Type');
  assert.equal(line(cdt)?.disabled, false);
  assert.equal(line(f)?.disabled, true);
});

test('Add Listener: a free name and port by default; the accelerator\'s ports and names are taken', () => {
  const form = resourceForm('addListener');
  const f = facts();
  const v = withDefaults('addListener', f);
  assert.deepEqual([v.listener?.name, v.listener?.ports], ['web-2', '443']);
  assert.deepEqual(form.validate(v, f), []);
  at(form.validate(withDefaults('addListener', f, (x) => (x.listener!.ports = '70-90')), f), 'listener.ports', 'portOverlap');
  at(form.validate(withDefaults('addListener', f, (x) => (x.listener!.name = 'web')), f), 'listener.name', 'duplicateEntry');
  const change = form.change(v, f);
  assert.equal(change.kind, 'createListener');
  assert.deepEqual(change.kind === 'createListener' && change.listener, {
    name: 'web-2',
    protocol: 'TCP',
    ports: [{ fromPort: 443, toPort: 443 }],
    clientAffinity: 'SOURCE_IP',
    endpointGroups: [{ name: 'web-backend', region: 'cn-beijing', preserveClientIp: false, endpoints: [{ ip: '203.0.113.10', weight: 100 }] }],
  });
});

test('Add Endpoint Group: one group per region per listener', () => {
  const form = resourceForm('addEndpointGroup');
  const f = facts({ listenerId: 'lsr-1' });
  const v = withDefaults('addEndpointGroup', f);
  assert.notEqual(v.endpointGroup?.region, 'cn-beijing');
  assert.deepEqual(form.validate(v, f), []);
  at(form.validate(withDefaults('addEndpointGroup', f, (x) => (x.endpointGroup!.region = 'cn-beijing')), f), 'endpointGroup.region', 'duplicateEntry');
  assert.throws(() => form.defaults(facts({ listenerId: 'lsr-gone' })), /not part of instance "web-ipv6" any more/);
});

test('Edit Endpoints and Weights: starts from the group\'s endpoints, keeps its region and client IP preservation', () => {
  const form = resourceForm('editEndpoints');
  const f = facts({ listenerId: 'lsr-1', endpointGroupId: 'epg-1' });
  const v = withDefaults('editEndpoints', f);
  assert.deepEqual(v.endpoints, [{ type: 'Ip', address: '203.0.113.10', weight: '100' }]);
  v.endpoints!.push({ type: 'Ip', address: '198.51.100.7', weight: '50' });
  v.endpoints![0].weight = '0';
  const problems = form.validate(v, f);
  at(problems, 'endpoints[0].weight', 'weightZero');
  assert.deepEqual(errorsOf(problems), []);
  assert.deepEqual(form.change(v, f), {
    kind: 'updateEndpoints',
    acceleratorId: 'ga-bp1seed',
    listenerId: 'lsr-1',
    listenerName: 'web',
    groupName: 'web-backend',
    region: 'cn-beijing',
    endpoints: [{ ip: '203.0.113.10', weight: 0 }, { ip: '198.51.100.7', weight: 50 }],
  });
  // On a listener with one group, that group.
  const onListener = facts({ listenerId: 'lsr-1' });
  assert.equal(form.title(onListener), 'Edit Endpoints and Weights of "web-backend"');
});

test('Add DNS Record: the value is the area\'s IPv6 address or the instance\'s CNAME; a duplicate and a CNAME conflict are refused', () => {
  const form = resourceForm('addDnsRecord');
  const f = facts({ areaRegion: 'cn-beijing' });
  const v = withDefaults('addDnsRecord', f);
  assert.deepEqual(v.dns, { zone: 'example.com', type: 'AAAA', host: 'ipv6', ttl: '600' });
  assert.deepEqual(form.validate(v, f), []);
  assert.deepEqual(form.change(v, f), { kind: 'createDnsRecord', acceleratorId: 'ga-bp1seed', zone: 'example.com', record: { host: 'ipv6', type: 'AAAA', to: 'web-ipv6/cn-beijing', ttl: 600 }, value: '2408:4000::10' });
  at(form.validate(withDefaults('addDnsRecord', f, (x) => (x.dns!.host = 'www')), f), 'dns.host', 'duplicateEntry');
  // Another AAAA on www would repoint it (records are identified by host and type): refused here too.
  const other = facts({ areaRegion: 'cn-beijing', zones: [{ name: 'example.com', records: [{ recordId: 'r1', rr: 'www', type: 'AAAA', value: '2408:4000::99' }] }] });
  assert.match(at(form.validate(withDefaults('addDnsRecord', other, (x) => (x.dns!.host = 'www')), other), 'dns.host', 'duplicateEntry').message, /one record of a type/);
  at(form.validate(withDefaults('addDnsRecord', f, (x) => { x.dns!.host = 'www'; x.dns!.type = 'CNAME'; }), f), 'dns.host', 'cnameConflict');
  const cname = withDefaults('addDnsRecord', f, (x) => (x.dns!.type = 'CNAME'));
  assert.deepEqual(form.change(cname, f), { kind: 'createDnsRecord', acceleratorId: 'ga-bp1seed', zone: 'example.com', record: { host: 'ipv6', type: 'CNAME', to: 'web-ipv6', ttl: 600 }, value: 'ga-bp1seed.aliyunga0019.com' });
  const noIpv6 = facts({}, (a) => (a.areas = []));
  assert.equal(withDefaults('addDnsRecord', noIpv6).dns?.type, 'CNAME', 'without an IPv6 area the default is the CNAME');
  at(form.validate(withDefaults('addDnsRecord', noIpv6, (x) => (x.dns!.type = 'AAAA')), noIpv6), 'dns.type', 'dnsTargetVersion');
  at(form.validate(withDefaults('addDnsRecord', facts({ zones: [] })), facts({ zones: [] })), 'dns.zone', 'required');
});

test('Edit Bandwidth: at least 2 Mbit/s, and the areas together within the plan', () => {
  const form = resourceForm('editBandwidth');
  const f = facts({ areaRegion: 'cn-beijing' });
  assert.deepEqual(withDefaults('editBandwidth', f), { bandwidth: '2' });
  assert.deepEqual(form.validate({ bandwidth: '10' }, f), []);
  assert.deepEqual(form.change({ bandwidth: '10' }, f), { kind: 'updateAreaBandwidth', acceleratorId: 'ga-bp1seed', region: 'cn-beijing', bandwidth: 10 });
  at(form.validate({ bandwidth: '11' }, f), 'bandwidth', 'areaBandwidthSum');
  at(form.validate({ bandwidth: '1' }, f), 'bandwidth', 'areaBandwidth');
  at(form.validate({ bandwidth: 'x' }, f), 'bandwidth', 'areaBandwidth');
  assert.throws(() => form.defaults(facts({ areaRegion: 'cn-shanghai' })), /no acceleration area in cn-shanghai/);
});

test('a change applied to the accelerator as ga.yaml data touches exactly its part', () => {
  const exported = (): GaConfig => ({
    version: 1,
    accelerators: [{
      name: 'web-ipv6', id: 'ga-bp1seed', spec: '3', billing: 'subscription', term: { cycle: 'Month', duration: 1 }, bandwidthPlan: { bandwidthType: 'Enhanced', bandwidth: 10 },
      areas: [{ region: 'cn-beijing', ipVersion: 'IPv6', bandwidth: 2 }],
      listeners: [{ name: 'web', protocol: 'TCP', ports: [{ fromPort: 80, toPort: 80 }], clientAffinity: 'SOURCE_IP', endpointGroups: [{ name: 'web-backend', region: 'cn-beijing', endpoints: [{ ip: '203.0.113.10', weight: 100 }] }] }],
    }],
    dns: [],
  });
  const f = facts({ listenerId: 'lsr-1', endpointGroupId: 'epg-1', areaRegion: 'cn-beijing' });
  const applied = (kind: Parameters<typeof resourceForm>[0], change: (v: ResourceValues) => void = () => undefined) => {
    const config = exported();
    applyResourceChange(config, resourceForm(kind).change(withDefaults(kind, f, change), f));
    return config;
  };
  assert.deepEqual(applied('addArea').accelerators[0].areas.map((a) => a.region), ['cn-beijing', 'cn-qingdao']);
  assert.equal(applied('editBandwidth', (v) => (v.bandwidth = '8')).accelerators[0].areas[0].bandwidth, 8);
  assert.deepEqual(applied('addListener').accelerators[0].listeners.map((l) => l.name), ['web', 'web-2']);
  assert.deepEqual(applied('addEndpointGroup').accelerators[0].listeners[0].endpointGroups.length, 2);
  assert.deepEqual(applied('editEndpoints', (v) => (v.endpoints![0].weight = '7')).accelerators[0].listeners[0].endpointGroups[0].endpoints, [{ ip: '203.0.113.10', weight: 7 }]);
  assert.deepEqual(applied('addDnsRecord').dns, [{ zone: 'example.com', records: [{ host: 'ipv6', type: 'AAAA', to: 'web-ipv6/cn-beijing', ttl: 600 }] }]);
  const stale = exported();
  stale.accelerators[0].listeners = [];
  assert.throws(() => applyResourceChange(stale, resourceForm('editEndpoints').change(withDefaults('editEndpoints', f), f)), /not part of instance "web-ipv6" any more/);
});
