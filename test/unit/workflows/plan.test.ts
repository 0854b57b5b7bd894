// The plan, pure: what it changes, in which order, what it replaces and why, what it buys, and what stops it.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { driftProblems, plan, planJson, renderPlanText, type Plan } from '../../../src/workflows';
import { liveState, record, seedAccelerator, seedRecords, SEED_IPV6, walkThrough } from './live';

const summary = (p: Plan) => p.changes.map((c) => `${c.action} ${c.kind} ${c.address}`);
const ops = (p: Plan) => p.operations.map((o) => o.type);

describe('plan', () => {
  it('creates everything from an empty account, in GA\'s order, buying the instance and the plan', () => {
    const p = plan(walkThrough(), liveState([]));
    assert.deepEqual(ops(p), ['createAccelerator', 'createBandwidthPlan', 'bindBandwidthPlan', 'createArea', 'createListener', 'createEndpointGroup', 'addDnsRecord', 'addDnsRecord']);
    const [acc, planOp, bind, area, listener, group, aaaa, cname] = p.operations;
    assert.deepEqual(bind.dependsOn, [planOp.id]);
    assert.deepEqual(group.dependsOn, [listener.id]);
    assert.deepEqual(aaaa.dependsOn, [area.id], 'the AAAA record waits for its area only');
    assert.deepEqual(cname.dependsOn, [acc.id], 'the CNAME record waits for the instance only');
    assert.equal(aaaa.lane, 'dns');
    assert.deepEqual(p.purchases.map((x) => x.subscription), [true, true]);
    assert.match(p.purchases[0].lines.join('\n'), /Small I, subscription, 1 month/);
    assert.match(p.purchases[0].lines.join('\n'), /cannot be deleted through the API/);
    const text = renderPlanText(p);
    assert.match(text, /\+\s+GA instance web-ipv6 will be created/);
    assert.match(text, /Purchases \(2\)/);
    assert.match(text, /Plan: 7 to create, 0 to update, 0 to replace, 0 to delete; 2 purchases\./);
  });

  it('shows nothing when the account is the file', () => {
    const p = plan(walkThrough(), liveState([seedAccelerator()], seedRecords()));
    assert.deepEqual(p.changes, []);
    assert.deepEqual(p.operations, []);
    assert.deepEqual(planJson(p), { changes: [], purchases: [] });
  });

  it('orders area changes so the plan\'s bandwidth is never exceeded: deletes, shrinks, creates, grows', () => {
    const live = seedAccelerator({
      plan: { id: 'gbwp', bandwidth: 10, bandwidthType: 'Enhanced' },
      areas: [
        { id: 'ips-bj', region: 'cn-beijing', bandwidth: 6, addresses: [SEED_IPV6] },
        { id: 'ips-sh', region: 'cn-shanghai', bandwidth: 2 },
        { id: 'ips-hz', region: 'cn-hangzhou', bandwidth: 2 },
      ],
    });
    const file = walkThrough();
    file.accelerators[0].bandwidthPlan = { bandwidthType: 'Enhanced', bandwidth: 10 };
    file.accelerators[0].areas = [
      { region: 'cn-beijing', ipVersion: 'IPv6', bandwidth: 2 },
      { region: 'cn-shanghai', ipVersion: 'IPv6', bandwidth: 4 },
      { region: 'cn-shenzhen', ipVersion: 'IPv6', bandwidth: 4 },
    ];
    const p = plan(file, liveState([live], seedRecords()));
    assert.deepEqual(p.operations.map((o) => (o.type === 'updateArea' ? `updateArea ${o.areaId} ${o.bandwidth}` : o.type)), ['deleteAreas', 'updateArea ips-bj 2', 'createArea', 'updateArea ips-sh 4']);
    const del = p.changes.find((c) => c.action === 'delete');
    assert.equal(del?.address, 'accelerators.web-ipv6.areas.cn-hangzhou');
  });

  it('replaces a listener whose protocol changes, with its endpoint groups, and says why', () => {
    const file = walkThrough();
    file.accelerators[0].listeners[0].protocol = 'UDP';
    const p = plan(file, liveState([seedAccelerator()], seedRecords()));
    assert.deepEqual(summary(p), ['replace listener accelerators.web-ipv6.listeners.web-http', 'create endpointGroup accelerators.web-ipv6.listeners.web-http.endpointGroups.web-backend.cn-beijing']);
    assert.match(p.changes[0].reason ?? '', /protocol is not changed in place \(TCP → UDP\): it is re-created with its endpoint groups/);
    assert.deepEqual(p.changes[0].dependents, ['endpoint group web-backend (epg-web)']);
    assert.deepEqual(ops(p), ['deleteEndpointGroup', 'deleteListener', 'createListener', 'createEndpointGroup']);
    assert.match(renderPlanText(p), /-\/\+ listener web-http will be replaced/);
  });

  it('updates ports and affinity in place', () => {
    const file = walkThrough();
    file.accelerators[0].listeners[0].ports = [{ fromPort: 80, toPort: 80 }, { fromPort: 8080, toPort: 8090 }];
    file.accelerators[0].listeners[0].clientAffinity = 'NONE';
    const p = plan(file, liveState([seedAccelerator()], seedRecords()));
    assert.deepEqual(summary(p), ['update listener accelerators.web-ipv6.listeners.web-http']);
    assert.deepEqual(p.changes[0].fields.map((f) => [f.key, f.before, f.after, f.path]), [
      ['ports', [80], [80, '8080-8090'], 'accelerators.web-ipv6.listeners.web-http.ports'],
      ['clientAffinity', 'SOURCE_IP', 'NONE', 'accelerators.web-ipv6.listeners.web-http.clientAffinity'],
    ]);
    const [op] = p.operations;
    assert.ok(op.type === 'updateListener' && op.clientAffinity === 'NONE' && op.ports?.length === 2);
  });

  it('replaces an area whose IP version changes: the AAAA record waits for the new address', () => {
    const file = walkThrough();
    file.accelerators[0].areas[0].ipVersion = 'DUAL_STACK';
    const p = plan(file, liveState([seedAccelerator()], seedRecords()));
    assert.deepEqual(summary(p), ['replace area accelerators.web-ipv6.areas.cn-beijing', 'update dnsRecord dns.example.com.www.AAAA']);
    assert.match(p.changes[0].reason ?? '', /IP version cannot change \(IPv6 → DUAL_STACK\)/);
    assert.ok(p.changes[0].dependents.some((d) => d.includes('www.example.com AAAA')), 'the record on its address is named');
    assert.equal(p.changes[1].after?.value, '(known after apply)');
    const create = p.operations.find((o) => o.type === 'createArea');
    const update = p.operations.find((o) => o.type === 'updateDnsRecord');
    assert.deepEqual(update?.dependsOn, [create?.id]);
  });

  it('replaces a bandwidth plan that changes, re-creating areas and groups around it; a subscription plan is kept', () => {
    const file = walkThrough();
    file.accelerators[0].bandwidthPlan = { bandwidthType: 'Enhanced', bandwidth: 10 };
    const p = plan(file, liveState([seedAccelerator()], seedRecords()));
    assert.deepEqual(summary(p), [
      'replace bandwidthPlan accelerators.web-ipv6.bandwidthPlan',
      'replace area accelerators.web-ipv6.areas.cn-beijing',
      'replace endpointGroup accelerators.web-ipv6.listeners.web-http.endpointGroups.web-backend.cn-beijing',
      'update dnsRecord dns.example.com.www.AAAA',
    ]);
    assert.match(p.changes[0].reason ?? '', /old plan gbwp-seed is a subscription: it is unbound and stays until it expires/);
    assert.deepEqual(ops(p), ['deleteEndpointGroup', 'deleteAreas', 'unbindBandwidthPlan', 'createBandwidthPlan', 'bindBandwidthPlan', 'createArea', 'createEndpointGroup', 'updateDnsRecord']);
    assert.deepEqual(p.purchases.map((x) => x.title), ['Basic bandwidth plan for web-ipv6: Enhanced, 10 Mbit/s']);
  });

  it('a spec change is an update and an order; a pinned instance is renamed', () => {
    const file = walkThrough();
    file.accelerators[0].spec = '2';
    file.accelerators[0].name = 'web-v6';
    file.accelerators[0].id = 'ga-seed';
    file.dns[0].records = [];
    const p = plan(file, liveState([seedAccelerator()], seedRecords()));
    assert.deepEqual(summary(p), ['update accelerator accelerators.web-v6']);
    assert.deepEqual(p.changes[0].fields.map((f) => `${f.key}: ${String(f.before)} → ${String(f.after)}`), ['name: web-ipv6 → web-v6', 'spec: 1 → 2']);
    assert.deepEqual(p.purchases.map((x) => x.title), ['Change GA instance web-v6 from Small I to Small II']);
  });

  it('billing cannot change: an error for a subscription, a replacement for a pay-as-you-go instance', () => {
    const toPayg = walkThrough();
    toPayg.accelerators[0].billing = 'payAsYouGo';
    const refused = plan(toPayg, liveState([seedAccelerator()], seedRecords()));
    assert.deepEqual(refused.problems.map((x) => [x.code, x.path]), [['PLAN004', 'accelerators.web-ipv6.billing']]);
    assert.deepEqual(refused.operations, []);
    assert.deepEqual(refused.purchases, []);

    const cdt = walkThrough();
    cdt.accelerators[0].billing = 'payAsYouGo';
    delete cdt.accelerators[0].bandwidthPlan;
    const live = seedAccelerator({ chargeType: 'POSTPAY' });
    const p = plan(cdt, liveState([live], seedRecords()));
    assert.deepEqual(p.problems, []);
    assert.equal(p.changes[0].action, 'replace');
    assert.match(p.changes[0].reason ?? '', /billed by its bandwidth plan gbwp-seed: an instance's bandwidth billing cannot change/);
    assert.deepEqual(ops(p).slice(0, 6), ['deleteEndpointGroup', 'deleteListener', 'deleteAreas', 'unbindBandwidthPlan', 'deleteAccelerator', 'deleteBandwidthPlan']);
    assert.deepEqual(ops(p).slice(6, 9), ['createAccelerator', 'createArea', 'createListener']);
    assert.ok(p.changes.some((c) => c.kind === 'dnsRecord' && c.after?.value === '(known after apply)'));
  });

  it('waits for what it finds mid-change before changing the accelerator, and with nothing to change too', () => {
    const creating = seedAccelerator({ areas: [{ id: 'ips-bj', region: 'cn-beijing', bandwidth: 2, state: 'init' }] });
    const settling = plan(walkThrough(), liveState([creating], seedRecords()));
    assert.deepEqual(settling.operations.map((o) => o.type), ['waitFor', 'updateDnsRecord'], 'the area is waited for; the record resolves its address when it runs');
    assert.deepEqual(settling.changes.map((c) => c.kind), ['dnsRecord'], 'a wait is no change');
    const file = walkThrough();
    file.accelerators[0].listeners[0].endpointGroups[0].endpoints[0].weight = 5;
    const p = plan(file, liveState([creating], seedRecords()));
    assert.deepEqual(p.operations.map((o) => (o.type === 'waitFor' ? `waitFor ${o.action} ${o.resourceId}` : o.type)), ['waitFor CreateIpSets ips-bj', 'updateEndpointGroup', 'updateDnsRecord']);
  });

  it('DNS: only named records are managed; duplicates of a named one go; TTL compared when given', () => {
    const records = [...seedRecords(), record('www', 'AAAA', '2408:4000:1000::99', 'r-www-2'), record('www', 'TXT', 'hello')];
    const file = walkThrough();
    file.dns[0].records[1].ttl = 60;
    const p = plan(file, liveState([seedAccelerator()], records));
    assert.deepEqual(p.changes.map((c) => `${c.action} ${c.address} ${c.fields.map((f) => f.key).join(',')}`), ['delete dns.example.com.www.AAAA ', 'update dns.example.com.app.CNAME ttl']);
    assert.equal(p.changes[0].before?.id, 'r-www-2', 'the duplicate goes, the record with the right address stays');
  });

  it('refuses a CNAME beside a record it does not manage, a `to:` it cannot resolve, and a zone the account lacks', () => {
    const file = walkThrough();
    file.dns[0].records.push({ host: '@', type: 'CNAME', to: 'web-ipv6' }, { host: 'api', type: 'AAAA', to: 'nowhere' }, { host: 'v4', type: 'AAAA', to: 'web-ipv6/cn-shanghai' });
    file.dns.push({ zone: 'example.org', records: [{ host: 'www', type: 'AAAA', value: SEED_IPV6 }] });
    const live = liveState([seedAccelerator()], seedRecords());
    live.zones.push({ zone: 'example.org', records: [], error: 'Zone example.org is not in this Alibaba Cloud DNS account.' });
    const p = plan(file, live);
    assert.deepEqual(p.problems.map((x) => [x.code, x.path]), [
      ['PLAN007', 'dns.example.com[2]'],
      ['PLAN006', 'dns.example.com[3].to'],
      ['PLAN006', 'dns.example.com[4].to'],
      ['PLAN005', 'dns.example.org'],
    ]);
    assert.match(p.problems[0].message, /example.com already has a A record \(203.0.113.10\) that this file does not manage/);
    assert.deepEqual(p.operations, [], 'a plan with errors runs nothing');
  });

  it('drift: every differing key is an information diagnostic at its path', () => {
    const file = walkThrough();
    file.accelerators[0].areas[0].bandwidth = 1;
    file.accelerators[0].listeners[0].endpointGroups[0].endpoints[0].weight = 50;
    const live = seedAccelerator({ listeners: [{ id: 'lsr-web', name: 'web-http', affinity: 'SOURCE_IP' }, { id: 'lsr-x', name: 'extra', ports: [[81, 81]] }] });
    const drift = driftProblems(plan(file, liveState([live], seedRecords())));
    assert.deepEqual(drift.map((d) => [d.severity, d.code, d.path]), [
      ['info', 'DRIFT', 'accelerators.web-ipv6.areas.cn-beijing.bandwidth'],
      ['info', 'DRIFT', 'accelerators.web-ipv6.listeners.web-http.endpointGroups[0].endpoints[0].weight'],
      ['info', 'DRIFT', 'accelerators.web-ipv6.listeners'],
    ]);
    assert.equal(drift[1].message, 'In the account: 100 (the file says 50). Apply changes it to the file\'s value.');
    assert.match(drift[2].message, /In the account but not in the file: listener extra \(lsr-x\)\. Apply deletes it\./);
  });

  it('the JSON output has the contract\'s keys', () => {
    const file = walkThrough();
    file.accelerators[0].listeners = [];
    const json = planJson(plan(file, liveState([seedAccelerator()], seedRecords()))) as { changes: Record<string, unknown>[]; purchases: unknown[] };
    assert.deepEqual(Object.keys(json), ['changes', 'purchases']);
    assert.deepEqual(json.changes.map((c) => [c.action, c.kind, c.address]), [
      ['delete', 'listener', 'accelerators.web-ipv6.listeners.web-http'],
      ['delete', 'endpointGroup', 'accelerators.web-ipv6.listeners.web-http.endpointGroups.web-backend.cn-beijing'],
    ]);
    assert.deepEqual(Object.keys(json.changes[0]).slice(0, 5), ['action', 'kind', 'address', 'before', 'after']);
    assert.equal(json.changes[0].after, null);
  });

  it('a pay-as-you-go instance on an overdue account is an error; an account already activated needs nothing', () => {
    const file = walkThrough();
    file.accelerators[0].billing = 'payAsYouGo';
    delete file.accelerators[0].bandwidthPlan;
    file.dns = [];
    const overdue = plan(file, liveState([]), { serviceStatus: 'Expired' });
    assert.deepEqual(overdue.problems.map((x) => [x.code, x.path]), [['PLAN009', 'accelerators.web-ipv6.billing']]);
    assert.match(overdue.problems[0].message, /expired on this account because of an overdue payment/);
    assert.ok(!plan(file, liveState([]), { serviceStatus: 'Normal' }).operations.some((o) => o.type === 'openService'));
  });
});
