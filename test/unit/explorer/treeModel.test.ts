import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { ExplorerLoader } from '../../../src/explorer/loader';
import type { ExplorerNode } from '../../../src/explorer/nodes';
import { present } from '../../../src/explorer/presentation';
import { ExplorerModel } from '../../../src/explorer/treeModel';
import { cloudError, fakeProfile, FakeCloud, seedAccount } from './fakes';

function setup() {
  const cloud = new FakeCloud(seedAccount());
  const profile = fakeProfile();
  const loader = new ExplorerLoader(cloud.ga, cloud.dns);
  const model = new ExplorerModel({ connected: () => [profile], activeId: () => profile.id }, (id) => (id === profile.id ? loader : undefined));
  return { cloud, model, loader };
}

async function child(model: ExplorerModel, parent: ExplorerNode, id: string): Promise<ExplorerNode> {
  const found = (await model.children(parent)).find((n) => n.id === id);
  assert.ok(found, `${parent.id} has a child ${id}`);
  return found;
}

const labels = (nodes: ExplorerNode[]) => nodes.map((n) => `${present(n).label} | ${present(n).description ?? ''}`);

describe('explorer tree model', () => {
  it('shows the seed accelerator down to its endpoints and DNS records, with stable path ids', async () => {
    const { model } = setup();
    const [root] = model.roots();
    assert.equal(root.id, 'sandbox');
    assert.equal(root.active, true);
    const accelerator = await child(model, root, 'sandbox/ga-seed');
    assert.deepEqual(labels(await model.children(accelerator)), [
      'Bandwidth plan | gbwp-seed · 2 Mbit/s · Enhanced · bound',
      'Acceleration areas | 1',
      'Listeners | 1',
      'DNS records | ',
    ]);
    const areas = await child(model, accelerator, 'sandbox/ga-seed/areas');
    const area = await child(model, areas, 'sandbox/ga-seed/areas/ips-seed');
    assert.deepEqual(labels([area]), ['China (Beijing) | IPv6 · 2 Mbit/s · active']);
    assert.deepEqual(labels(await model.children(area)), ['2408:4000:1000::1 | IPv6']);

    const listeners = await child(model, accelerator, 'sandbox/ga-seed/listeners');
    const listener = await child(model, listeners, 'sandbox/ga-seed/listeners/lsr-seed');
    assert.deepEqual(labels([listener]), ['TCP:80 | web-http · source IP affinity · active']);
    const group = await child(model, listener, 'sandbox/ga-seed/listeners/lsr-seed/epg-seed');
    assert.deepEqual(labels([group]), ['China (Beijing) | web-backend · active · partly unhealthy']);
    assert.deepEqual(labels(await model.children(group)), [
      '203.0.113.10 | Custom IP · weight 100 · healthy',
      '203.0.113.11 | Custom IP · weight 0 (no traffic) · unhealthy',
    ]);

    const dns = await child(model, accelerator, 'sandbox/ga-seed/dns');
    assert.deepEqual(labels(await model.children(dns)), ['www.example.com | AAAA → 2408:4000:1000:0:0:0:0:1', 'app.example.com | CNAME → GA-SEED.aliyunga0019.com.']);
  });

  it('explains a NotOpened pay-as-you-go service with the "Activate Global Accelerator" action; Normal or unreadable adds nothing', async () => {
    const { cloud, model, loader } = setup();
    const [root] = model.roots();
    const normal = await model.children(root);
    assert.deepEqual(normal.map((n) => n.kind), ['accelerator', 'accelerator']);
    assert.ok(cloud.calls.includes('DescribeAcceleratorServiceStatus'));

    cloud.account.serviceStatus = 'NotOpened';
    loader.refresh();
    const [note, ...rest] = await model.children(root);
    assert.equal(note.kind, 'info');
    assert.equal(rest.length, 2, 'the accelerators are still shown');
    const p = present(note);
    assert.match(p.label, /Pay-as-you-go Global Accelerator is not activated/);
    assert.equal(p.contextValue, 'info.activateService');
    assert.deepEqual(p.command, { id: 'gaIpv6.activateService', title: 'Activate Global Accelerator…' });
    assert.match(p.tooltip?.note ?? '', /asks before it does.*Subscription instances do not need it/);

    cloud.account.serviceStatus = 'Expired';
    loader.refresh();
    const expired = (await model.children(root))[0];
    assert.equal(present(expired).contextValue, 'info', 'nothing to activate: settle the account instead');
    assert.match(present(expired).tooltip?.note ?? '', /overdue payment/);

    cloud.failures.DescribeAcceleratorServiceStatus = cloudError('permission', 'Forbidden.RAM', 'missing ga:DescribeAcceleratorServiceStatus');
    loader.refresh();
    assert.deepEqual((await model.children(root)).map((n) => n.kind), ['accelerator', 'accelerator']);
  });

  it('turns an auth failure into one error node offering "Fix profile…"', async () => {
    const { cloud, model } = setup();
    cloud.failures.ListAccelerators = cloudError('auth', 'SignatureDoesNotMatch', 'The AccessKey secret of profile "sandbox" is wrong: enter the correct secret.');
    const nodes = await model.children(model.roots()[0]);
    assert.equal(nodes.length, 1);
    const [error] = nodes;
    assert.equal(error.kind, 'error');
    assert.ok(error.kind === 'error' && error.fix === 'profile' && !error.retrying);
    const p = present(error);
    assert.equal(p.command?.id, 'gaIpv6.fixProfile');
    assert.match(p.contextValue, /^error\..*\bfixProfile\b/);
    assert.match(p.description ?? '', /secret of profile "sandbox" is wrong/);
  });

  it('shows a throttled load as retrying, and other failures with a retry', async () => {
    const { cloud, model } = setup();
    cloud.failures.ListAccelerators = cloudError('throttled', 'Throttling.User');
    const [throttled] = await model.children(model.roots()[0]);
    assert.ok(throttled.kind === 'error' && throttled.retrying && throttled.fix === 'retry');
    assert.match(present(throttled).label, /retrying/);

    cloud.failures.ListAccelerators = cloudError('network', 'ECONNREFUSED');
    const [network] = await model.children(model.roots()[0]);
    assert.ok(network.kind === 'error' && !network.retrying);
    assert.equal(present(network).command?.id, 'gaIpv6.explorer.refreshNode');
  });

  it('keeps the endpoints when health cannot be read, and says why once', async () => {
    const { cloud, model } = setup();
    cloud.failures.GetHealthStatus = cloudError('permission', 'Forbidden.RAM', 'missing ga:GetHealthStatus');
    const root = model.roots()[0];
    const accelerator = await child(model, root, 'sandbox/ga-seed');
    const listeners = await child(model, accelerator, 'sandbox/ga-seed/listeners');
    const listener = await child(model, listeners, 'sandbox/ga-seed/listeners/lsr-seed');
    const group = await child(model, listener, 'sandbox/ga-seed/listeners/lsr-seed/epg-seed');
    const nodes = await model.children(group);
    assert.deepEqual(nodes.map((n) => n.kind), ['endpoint', 'endpoint', 'info']);
    assert.ok(nodes[0].kind === 'endpoint' && nodes[0].health === undefined);
  });

  it('filters accelerators by name or state and says when the filter hides everything', async () => {
    const { model } = setup();
    const root = model.roots()[0];
    model.filterText = 'creating';
    assert.deepEqual((await model.children(root)).map((n) => n.id), ['sandbox/ga-new']);
    model.filterText = 'WEB';
    assert.deepEqual((await model.children(root)).map((n) => n.id), ['sandbox/ga-seed']);
    model.filterText = 'transient';
    assert.deepEqual((await model.children(root)).map((n) => n.id), ['sandbox/ga-new']);
    model.filterText = 'nothing-like-this';
    const [only] = await model.children(root);
    assert.equal(only.kind, 'info');
    assert.match(present(only).label, /No accelerator matches the filter "nothing-like-this"/);
  });

  it('says when DNS zones were left out and which zone could not be read', async () => {
    const cloud = new FakeCloud(seedAccount());
    cloud.failures['DescribeDomainRecords:example.com'] = cloudError('server', 'InternalError');
    const profile = fakeProfile();
    const loader = new ExplorerLoader(cloud.ga, cloud.dns, { zoneLimit: 1 });
    const model = new ExplorerModel({ connected: () => [profile], activeId: () => profile.id }, () => loader);
    const accelerator = await child(model, model.roots()[0], 'sandbox/ga-seed');
    const dns = await child(model, accelerator, 'sandbox/ga-seed/dns');
    assert.deepEqual((await model.children(dns)).map((n) => present(n).label), [
      'No record in the zone searched points at this accelerator.',
      'Searched 1 of 2 zones.',
      'Zone example.com could not be read.',
    ]);
  });

  it('rows that say something is missing offer the walk-through step that adds it', async () => {
    const { model } = setup();
    const root = model.roots()[0];
    // api-ipv6-new: no plan, no areas, no listeners, no DNS record yet.
    const fresh = await child(model, root, 'sandbox/ga-new');
    const hints = async (parent: ExplorerNode) => (await model.children(parent)).flatMap((n) => (n.kind === 'info' ? [`${n.message} → ${n.hint ?? 'none'}`] : []));
    assert.deepEqual(await hints(fresh), ['No bandwidth plan bound: bind one before adding areas and listeners. → bindPlan']);
    assert.deepEqual(await hints(await child(model, fresh, 'sandbox/ga-new/areas')), ['No acceleration areas: add one to get an accelerated IP address. → addArea']);
    assert.deepEqual(await hints(await child(model, fresh, 'sandbox/ga-new/listeners')), ['No listeners: add one to accept client connections. → addListener']);
    assert.deepEqual(await hints(await child(model, fresh, 'sandbox/ga-new/dns')), ['No record in the 2 zones searched points at this accelerator. → addDnsRecord']);
  });
});

