// The form panels' host in a real extension host, against the emulator the launcher started (demo fixture,
// time scale 0.01). The panels are opened by their commands and their pages really load in the workbench; the
// tests then knock on the panel's one door for messages (FormPanel.receive) as the page would, and read what the
// host answered (FormPanel.sent) and what reached the emulator (its state and request log). The purchase modal
// is answered through the prompter hook; everything after it (plan, ClientTokens, waits) runs for real.
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { EmulatorAdmin, RequestLogEntry } from '../../src/emulator/adminClient';
import type { ExtensionApi } from '../../src/extension';
import type { ExplorerNode } from '../../src/explorer/nodes';
import type { FormPanel } from '../../src/forms/formPanel';
import type { HostMessage, InitMessage, RunState } from '../../src/forms/protocol';
import { parseGaYaml, toGaConfig } from '../../src/gaYaml';
import { RULES } from '../../src/model';
import { SANDBOX_ACCESS_KEY_ID, SANDBOX_ACCESS_KEY_SECRET } from '../../src/profiles/sandboxProfile';
import { gatewayConfig, type AccountFacts, type GatewayValues } from '../../src/workflows/forms';
import { activateOnSandbox, SANDBOX_PROFILE_ID, SEED_NAME } from './sandboxSession';
import { note } from './testLog';

const MUTATIONS = /^(Create|Update|Delete|BandwidthPackage|AddDomainRecord|UpdateDomainRecord|DeleteDomainRecord)/;

describe('Guided creation forms (host)', function () {
  this.timeout(90_000);
  let api: ExtensionApi;
  let admin: EmulatorAdmin;
  const tempDir = mkdtempSync(join(tmpdir(), 'ga-forms-test-'));
  const restore: (() => void)[] = [];

  before(async () => {
    ({ api, admin } = await activateOnSandbox());
  });

  beforeEach(async () => {
    await admin.loadFixture('demo');
    await admin.clearFaults();
    api.explorer.refreshAll();
  });

  afterEach(async () => {
    for (const r of restore.splice(0).reverse()) r();
    for (const p of api.testing.forms.panels()) p.dispose();
    await admin.clearFaults();
  });

  after(async () => {
    await admin.loadFixture('demo');
    api.explorer.refreshAll();
    rmSync(tempDir, { recursive: true, force: true });
  });

  /** Answers the purchase modal; returns what it was asked. */
  function answerPurchase(answer: boolean): { asked: { message: string; detail: string; label: string }[] } {
    const seen = { asked: [] as { message: string; detail: string; label: string }[] };
    restore.push(api.testing.usePrompter({
      confirm: async (message, detail, label) => {
        seen.asked.push({ message, detail, label });
        return answer;
      },
    }));
    return seen;
  }

  async function openGateway(): Promise<{ panel: FormPanel; init: InitMessage }> {
    const before = new Set(api.testing.forms.panels());
    await vscode.commands.executeCommand('gaIpv6.createGateway');
    const panel = api.testing.forms.panels().find((p) => !before.has(p));
    assert.ok(panel, 'the command opened a form panel');
    const init = await waitForMessage(panel, (m): m is InitMessage => m.type === 'init', 'the init message');
    return { panel, init };
  }

  function testValues(init: InitMessage, change: (v: GatewayValues) => void = () => undefined): GatewayValues {
    const v = structuredClone(init.defaults as GatewayValues);
    v.purchase.instanceName = 'forms-test';
    v.endpoints[0].address = '127.0.0.1';
    v.dns.host = 'forms-test';
    change(v);
    return v;
  }

  const mutations = async (): Promise<RequestLogEntry[]> => (await admin.requests()).filter((r) => r.status === 200 && MUTATIONS.test(r.action));

  it('opens from the command, draws the form in the workbench, and tells the page the account\'s facts and nothing secret', async () => {
    const { panel, init } = await openGateway();
    const facts = init.facts as AccountFacts;
    assert.equal(init.form, 'createGateway');
    assert.equal(init.profileId, SANDBOX_PROFILE_ID);
    assert.equal(facts.sandbox, true);
    assert.equal(facts.regionsLive, true, 'the regions came from ListAvailableAccelerateAreas');
    assert.ok(facts.regions.some((r) => r.regionId === 'cn-beijing' && r.supportIpv6));
    assert.ok(facts.acceleratorNames.includes(SEED_NAME));
    assert.ok(facts.zones.some((z) => z.name === 'example.com' && z.records.some((r) => r.rr === 'www')));
    const defaults = init.defaults as GatewayValues;
    assert.notEqual(defaults.purchase.instanceName, SEED_NAME, 'the default name is free');
    await until('the page to draw the form', () => panel.paintedMs !== undefined, 30_000);
    note(`forms: command → first paint of Create IPv6 Gateway: ${panel.paintedMs?.toFixed(0)} ms (extension host, sandbox)`);
    const everything = JSON.stringify(panel.sent);
    for (const secret of [SANDBOX_ACCESS_KEY_SECRET, SANDBOX_ACCESS_KEY_ID]) assert.ok(!everything.includes(secret), 'no credential reaches the page');
    assert.ok(!everything.includes(process.env.GA_IPV6_SANDBOX_ENDPOINT ?? '<none>'), 'no endpoint reaches the page');
  });

  it('ignores and logs messages that are not the protocol; none of them reaches the cloud', async () => {
    const { panel, init } = await openGateway();
    const logged: string[] = [];
    restore.push(api.session.log.onLine((line) => logged.push(line)));
    await admin.clearRequests();
    const good = testValues(init);
    const hostile: unknown[] = [
      { type: 'execute', command: 'gaIpv6.delete' },
      { type: 'create', values: { ...good, purchase: { ...good.purchase, instanceName: 42 } } },
      JSON.parse(`{"type":"create","values":${JSON.stringify(good).replace('"purchase":{', '"purchase":{"__proto__":{"isAdmin":true},')}}`),
      { type: 'create', values: good, extra: 'field' },
      { type: 'submit', values: { bandwidth: 'x'.repeat(10_000) } },
      'create',
      null,
    ];
    for (const m of hostile) await panel.receive(m);
    assert.equal(panel.ignored, hostile.length);
    assert.equal(logged.filter((l) => l.includes('ignored a message that is not part of the form protocol')).length, hostile.length);
    assert.deepEqual(await mutations(), []);
    assert.equal(({} as Record<string, unknown>).isAdmin, undefined);
  });

  it('refuses values the page should not have sent, with the same rule codes, and sends nothing', async () => {
    const { panel, init } = await openGateway();
    const asked = answerPurchase(true);
    await admin.clearRequests();
    await panel.receive({ type: 'create', values: testValues(init, (v) => { v.endpoints[0].weight = '999'; v.purchase.instanceName = SEED_NAME; }) });
    const refusal = await waitForMessage(panel, (m): m is Extract<HostMessage, { type: 'hostProblems' }> => m.type === 'hostProblems', 'the host\'s problems');
    assert.deepEqual(refusal.problems.map((p) => [p.path, p.code]).sort(), [['endpoints[0].weight', RULES.weight.code], ['purchase.instanceName', RULES.duplicateEntry.code]]);
    assert.equal(asked.asked.length, 0, 'nothing was offered for purchase');
    assert.deepEqual(await mutations(), []);
  });

  it('a declined purchase buys and creates nothing, and the form can be edited again', async () => {
    const { panel, init } = await openGateway();
    const asked = answerPurchase(false);
    await admin.clearRequests();
    await panel.receive({ type: 'create', values: testValues(init) });
    assert.equal(asked.asked.length, 1);
    assert.deepEqual(await mutations(), []);
    const last = panel.sent.filter((m) => m.type === 'run').at(-1);
    assert.deepEqual(last, { type: 'run', run: null }, 'back to editing');
  });

  it('Create: the values become one plan; the modal lists what is bought on what terms; the run reports each seed step', async () => {
    const { panel, init } = await openGateway();
    const asked = answerPurchase(true);
    await admin.clearRequests();
    const values = testValues(init);
    await panel.receive({ type: 'create', values });
    const run = lastRun(panel);
    assert.equal(run?.phase, 'done', run?.message);
    assert.deepEqual(run?.steps.map((s) => [s.id, s.state]), [['purchase', 'done'], ['area', 'done'], ['listener', 'done'], ['dns', 'done'], ['verify', 'done']]);
    // The modal: both purchases and their terms, the subscription warning, and the sandbox note.
    assert.equal(asked.asked.length, 1);
    const { message, detail, label } = asked.asked[0];
    assert.equal(label, 'Buy and Create');
    assert.match(message, /forms-test/);
    assert.match(detail, /GA instance forms-test \(Small I\)/);
    assert.match(detail, /Basic bandwidth plan: Enhanced, 2 Mbit\/s, subscription, 1 month/);
    assert.match(detail, /cannot be deleted/);
    assert.match(detail, /local sandbox/);
    // Workflow calls out: exactly the seed's mutations, once each; the record goes as soon as the area has its
    // address (DNS runs beside the accelerator's own chain).
    const sent = (await mutations()).map((r) => r.action);
    assert.deepEqual(sent.filter((a) => a !== 'AddDomainRecord'), ['CreateAccelerator', 'CreateBandwidthPackage', 'BandwidthPackageAddAccelerator', 'CreateIpSets', 'CreateListener', 'CreateEndpointGroup']);
    assert.equal(sent.filter((a) => a === 'AddDomainRecord').length, 1);
    assert.ok(sent.indexOf('AddDomainRecord') > sent.indexOf('CreateIpSets'));
    const state = await admin.state();
    const acc = Object.values(state.ga.accelerators).find((a) => a.Name === 'forms-test');
    assert.ok(acc);
    const area = Object.values(state.ga.ipSets).find((s) => s.AcceleratorId === acc.AcceleratorId);
    const record = Object.values(state.dns.zones).flatMap((z) => Object.values(z.records)).find((r) => r.RR === 'forms-test');
    assert.deepEqual([record?.Type, record?.Value], ['AAAA', area?.IpAddressList[0]]);
    assert.deepEqual(run?.result, { acceleratorId: acc.AcceleratorId, acceleratorName: 'forms-test', ipv6Address: area?.IpAddressList[0], cname: acc.DnsName, fqdn: 'forms-test.example.com' });
    assert.equal(api.testing.forms.walkthrough().gatewayCreated, true);
    // The result's buttons: copy, and the explorer shows the new accelerator.
    await panel.receive({ type: 'copy', what: 'ipv6Address' });
    assert.equal(await vscode.env.clipboard.readText(), area?.IpAddressList[0]);
    await panel.receive({ type: 'reveal' });
    const root = (await api.explorer.getChildren()).find((n) => n.id === SANDBOX_PROFILE_ID);
    const shown = await api.explorer.getChildren(root);
    assert.ok(shown.some((n) => n.kind === 'accelerator' && n.accelerator.name === 'forms-test'), 'the tree lists the new gateway');
    // Save as ga.yaml: the contract's format, which parses back to the configuration created.
    const file = vscode.Uri.file(join(tempDir, 'ga.yaml'));
    restore.push(api.testing.forms.useSaveLocation(file));
    await panel.receive({ type: 'saveYaml', values });
    const parsed = parseGaYaml(readFileSync(file.fsPath, 'utf8'));
    assert.deepEqual(parsed.problems.filter((p) => p.problem.severity === 'error'), []);
    assert.deepEqual(toGaConfig(parsed.draft), gatewayConfig(values));
    assert.equal(api.testing.forms.walkthrough().saved, true);
  });

  it('Create pay-as-you-go on an account not activated: one modal asks for the activation and the instance; then a CDT instance without a plan, its area on the chosen line', async () => {
    await admin.setAccount({ serviceStatus: 'NotOpened' });
    const { panel, init } = await openGateway();
    const facts = init.facts as AccountFacts;
    assert.equal(facts.payAsYouGo?.status, 'NotOpened', 'the page is told, so the Term says Create will ask to activate it');
    assert.deepEqual(facts.regions.find((r) => r.regionId === 'cn-hongkong')?.ispTypes, ['BGP', 'BGP_PRO'], 'the lines come from the live list');
    const asked = answerPurchase(true);
    await admin.clearRequests();
    await panel.receive({ type: 'create', values: testValues(init, (v) => {
      v.purchase.term = 'payAsYouGo';
      v.area.region = 'cn-hongkong';
      v.area.bandwidth = '5';
      v.area.ispType = 'BGP_PRO';
    }) });
    const run = lastRun(panel);
    assert.equal(run?.phase, 'done', run?.message);
    assert.equal(asked.asked.length, 1, 'one question for the activation and the purchase');
    assert.match(asked.asked[0].detail, /Activate Global Accelerator/);
    assert.match(asked.asked[0].detail, /pay-as-you-go/i);
    assert.doesNotMatch(asked.asked[0].detail, /cannot be deleted/, 'nothing here is a subscription');
    const sent = (await admin.requests()).filter((r) => r.status === 200 && (MUTATIONS.test(r.action) || r.action === 'OpenAcceleratorService'));
    const actions = sent.map((r) => r.action);
    assert.equal(actions[0], 'OpenAcceleratorService', `activation first: ${actions.join(', ')}`);
    assert.equal(actions.filter((a) => a === 'OpenAcceleratorService').length, 1);
    assert.ok(!actions.includes('CreateBandwidthPackage'), 'no bandwidth plan is bought');
    const order = sent.find((r) => r.action === 'CreateAccelerator');
    assert.deepEqual([order?.params.InstanceChargeType, order?.params.BandwidthBillingType, order?.params.Spec], ['POSTPAY', 'CDT', undefined]);
    assert.equal((await admin.account()).serviceStatus, 'Normal');
    const state = await admin.state();
    const acc = Object.values(state.ga.accelerators).find((a) => a.Name === 'forms-test');
    const area = Object.values(state.ga.ipSets).find((s) => s.AcceleratorId === acc?.AcceleratorId);
    assert.deepEqual([area?.AccelerateRegionId, area?.IspType], ['cn-hongkong', 'BGP_PRO']);
  });

  it('a step failing under an injected fault keeps what was made; "Retry from this step" finishes with exactly one instance bought', async () => {
    const { panel, init } = await openGateway();
    answerPurchase(true);
    await admin.clearRequests();
    await admin.setFault({ action: 'CreateListener', forbidden: 1, times: 1 });
    await panel.receive({ type: 'create', values: testValues(init) });
    const failed = lastRun(panel);
    assert.equal(failed?.phase, 'failed');
    assert.equal(failed?.failedStep, 'listener');
    // The record does not depend on the listener: it is made; the endpoint group waits for its listener.
    assert.deepEqual(failed?.steps.map((s) => s.state), ['done', 'done', 'failed', 'done', 'pending']);
    assert.match(failed?.message ?? '', /Kept: .*GA instance.*Retry from this step/s);
    await panel.receive({ type: 'retry', step: 'listener' });
    const done = lastRun(panel);
    assert.equal(done?.phase, 'done', done?.message);
    const creates = (await mutations()).map((r) => r.action);
    assert.equal(creates.filter((a) => a === 'CreateAccelerator').length, 1);
    assert.equal(creates.filter((a) => a === 'CreateBandwidthPackage').length, 1);
    const state = await admin.state();
    assert.equal(Object.values(state.ga.accelerators).filter((a) => a.Name === 'forms-test').length, 1);
  });

  it('Edit Endpoints and Weights from the tree: one UpdateEndpointGroup, and only the listener\'s node is redrawn', async () => {
    const seed = await seedNode();
    const listenersFolder = (await api.explorer.getChildren(seed)).find((n) => n.kind === 'folder' && n.folder === 'listeners');
    const listener = (await api.explorer.getChildren(listenersFolder)).find((n) => n.kind === 'listener');
    const group = (await api.explorer.getChildren(listener)).find((n) => n.kind === 'endpointGroup');
    assert.ok(group && listener);
    const before = new Set(api.testing.forms.panels());
    await vscode.commands.executeCommand('gaIpv6.editEndpoints', group);
    const panel = api.testing.forms.panels().find((p) => !before.has(p));
    assert.ok(panel);
    const init = await waitForMessage(panel, (m): m is InitMessage => m.type === 'init', 'init');
    assert.equal(init.form, 'editEndpoints');
    // The form starts from the group's endpoints as the tree shows them (the sandbox's seed points at its own origin).
    const shownEndpoints = (await api.explorer.getChildren(group)).flatMap((n) => (n.kind === 'endpoint' ? [{ type: 'Ip', address: n.endpoint.endpoint ?? '', weight: String(n.endpoint.weight ?? '') }] : []));
    assert.equal(shownEndpoints.length, 1);
    assert.deepEqual(init.defaults, { endpoints: shownEndpoints });
    const redrawn: (string | undefined)[] = [];
    const sub = api.explorer.onDidChangeTreeData((n) => redrawn.push(n?.id));
    restore.push(() => sub.dispose());
    await admin.clearRequests();
    await panel.receive({ type: 'submit', values: { endpoints: [{ type: 'Ip', address: '203.0.113.10', weight: '40' }, { type: 'Ip', address: '198.51.100.20', weight: '60' }] } });
    assert.equal(lastRun(panel)?.phase, 'done', lastRun(panel)?.message);
    assert.deepEqual((await mutations()).map((r) => r.action), ['UpdateEndpointGroup']);
    assert.deepEqual(redrawn, [listener.id], 'only the listener is redrawn');
    // The redraw reads the accelerator's children again (the change made them stale), not the account's list.
    const updated = (await admin.requests()).find((r) => r.action === 'UpdateEndpointGroup' && r.status === 200);
    assert.ok(updated);
    const groups = await api.explorer.getChildren(listener);
    const endpoints = await api.explorer.getChildren(groups.find((n) => n.kind === 'endpointGroup'));
    assert.deepEqual(endpoints.flatMap((n) => (n.kind === 'endpoint' ? [[n.endpoint.endpoint, n.endpoint.weight]] : [])), [['203.0.113.10', 40], ['198.51.100.20', 60]]);
    const read = (await admin.requests()).filter((r) => r.at > updated.at).map((r) => r.action);
    assert.ok(!read.includes('ListAccelerators'), `the account's accelerator list was not read again: ${read.join(', ')}`);
  });

  it('Add DNS Record on an area: the value is the area\'s IPv6 address; only the DNS folder is redrawn', async () => {
    const seed = await seedNode();
    const areas = (await api.explorer.getChildren(seed)).find((n) => n.kind === 'folder' && n.folder === 'areas');
    const dnsFolder = (await api.explorer.getChildren(seed)).find((n) => n.kind === 'folder' && n.folder === 'dns');
    await api.explorer.getChildren(dnsFolder);
    const area = (await api.explorer.getChildren(areas)).find((n) => n.kind === 'area');
    assert.ok(area?.kind === 'area' && dnsFolder);
    const before = new Set(api.testing.forms.panels());
    await vscode.commands.executeCommand('gaIpv6.addDnsRecord', area);
    const panel = api.testing.forms.panels().find((p) => !before.has(p));
    assert.ok(panel);
    await waitForMessage(panel, (m): m is InitMessage => m.type === 'init', 'init');
    const redrawn: (string | undefined)[] = [];
    const sub = api.explorer.onDidChangeTreeData((n) => redrawn.push(n?.id));
    restore.push(() => sub.dispose());
    await admin.clearRequests();
    await panel.receive({ type: 'submit', values: { dns: { zone: 'example.com', type: 'AAAA', host: 'v6', ttl: '600' } } });
    assert.equal(lastRun(panel)?.phase, 'done', lastRun(panel)?.message);
    const added = (await mutations()).find((r) => r.action === 'AddDomainRecord');
    assert.deepEqual([added?.params.RR, added?.params.Type, added?.params.Value], ['v6', 'AAAA', area.ipSet.ipAddressList?.[0]]);
    assert.deepEqual(redrawn, [dnsFolder.id]);
  });

  async function seedNode(): Promise<ExplorerNode> {
    const root = (await api.explorer.getChildren()).find((n) => n.id === SANDBOX_PROFILE_ID);
    const seed = (await api.explorer.getChildren(root)).find((n) => n.kind === 'accelerator' && n.accelerator.name === SEED_NAME);
    assert.ok(seed);
    return seed;
  }
});

function lastRun(panel: FormPanel): RunState | null | undefined {
  const runs = panel.sent.filter((m): m is Extract<HostMessage, { type: 'run' }> => m.type === 'run');
  return runs.at(-1)?.run;
}

async function waitForMessage<T extends HostMessage>(panel: FormPanel, match: (m: HostMessage) => m is T, what: string, timeoutMs = 30_000): Promise<T> {
  let found: T | undefined;
  await until(what, () => (found = panel.sent.find(match)) !== undefined, timeoutMs);
  return found as T;
}

async function until(what: string, condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what} after ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
