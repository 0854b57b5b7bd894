import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import type { AcceleratorNode, ExplorerNode } from '../../../src/explorer/nodes';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HINT_COMMAND, HINTS } from '../../../src/explorer/hints';
import { formatEpoch, isTransientNode, present, SPINNING } from '../../../src/explorer/presentation';
import { fakeProfile, seedAccount } from './fakes';

function acceleratorNode(overrides: Partial<AcceleratorNode['accelerator']> = {}): AcceleratorNode {
  return { kind: 'accelerator', id: 'p/ga-seed', profileId: 'p', accelerator: { ...seedAccount().accelerators[0], ...overrides } };
}

describe('explorer presentation', () => {
  it('shows an accelerator\'s name, id, state, spec and billing, and its CNAME, expiry and plan on hover', () => {
    const p = present(acceleratorNode());
    assert.equal(p.label, 'web-ipv6');
    assert.equal(p.description, 'ga-seed · active · Small I · subscription');
    const rows = Object.fromEntries(p.tooltip?.rows ?? []);
    assert.equal(rows.CNAME, 'ga-seed.aliyunga0019.com');
    assert.equal(rows.Expires, '2027-01-15 08:00 UTC');
    assert.equal(rows['Bandwidth plan'], 'gbwp-seed · 2 Mbit/s · Enhanced');
    assert.deepEqual(p.icon, { id: 'rocket', color: 'charts.green' });
    assert.equal(p.contextValue, 'accelerator.prepay.deletable.cname.ipv6.id.console');
  });

  it('spins while a resource changes and offers no delete then', () => {
    for (const state of ['init', 'configuring', 'binding', 'unbinding', 'deleting']) {
      const node = acceleratorNode({ state });
      const p = present(node);
      assert.equal(p.icon?.id, SPINNING, state);
      assert.ok(isTransientNode(node), state);
      assert.doesNotMatch(p.contextValue, /\.deletable\b/, state);
    }
    assert.equal(present(acceleratorNode({ state: 'finacialLocked' })).icon?.id, 'lock');
  });

  it('shows weight 0 as "no traffic"', () => {
    const node: ExplorerNode = { kind: 'endpoint', id: 'e', profileId: 'p', endpoint: { type: 'Ip', endpoint: '198.51.100.21', weight: 0 }, health: 'normal' };
    const p = present(node);
    assert.equal(p.description, 'Custom IP · weight 0 (no traffic) · healthy');
    assert.equal(p.icon?.id, 'circle-slash');
  });

  it('marks profiles so menus can tell the active one and VS Code profiles apart', () => {
    const p = present({ kind: 'profile', id: 'vscode:prod', profileId: 'vscode:prod', profile: fakeProfile('vscode:prod', 'vscode'), active: false });
    assert.equal(p.contextValue, 'profile.inactive.vscode.fixable');
    assert.equal(p.description, 'VS Code');
  });

  it('reads epoch seconds and milliseconds (also as strings) alike', () => {
    assert.equal(formatEpoch(1_800_000_000), '2027-01-15 08:00 UTC');
    assert.equal(formatEpoch('1800000000000'), '2027-01-15 08:00 UTC');
    assert.equal(formatEpoch(0), undefined);
    assert.equal(formatEpoch(undefined), undefined);
  });

  it('offers "Fix Profile…" on profile rows except the sandbox\'s (its errors offer it themselves)', () => {
    const sandbox = present({ kind: 'profile', id: 'sandbox', profileId: 'sandbox', profile: fakeProfile('sandbox', 'sandbox'), active: true });
    assert.doesNotMatch(sandbox.contextValue, /\bfixable\b/);
    const menu = readFixProfileMenu();
    assert.ok(new RegExp(menu).test('profile.inactive.vscode.fixable'));
    assert.ok(!new RegExp(menu).test(sandbox.contextValue), `${menu} must not match ${sandbox.contextValue}`);
    assert.ok(new RegExp(menu).test('error.fixProfile'), 'an error row of any profile offers it');
  });

  it('offers "Open in Console" only for resources of real accounts, not the sandbox\'s', () => {
    const real = acceleratorNode();
    const sandboxRoot: ExplorerNode = { kind: 'profile', id: 'sandbox', profileId: 'sandbox', profile: fakeProfile('sandbox', 'sandbox'), active: true };
    const inSandbox: AcceleratorNode = { ...acceleratorNode(), id: 'sandbox/ga-seed', profileId: 'sandbox', parent: sandboxRoot };
    assert.match(present(real).contextValue, /\.console\b/);
    assert.doesNotMatch(present(inSandbox).contextValue, /\.console\b/);
    const record: ExplorerNode = { kind: 'dnsRecord', id: 'sandbox/ga-seed/dns/r1', profileId: 'sandbox', parent: inSandbox, record: { recordId: 'r1', domainName: 'example.com', rr: 'www', type: 'AAAA', value: 'fd6a:6761::a:1' } };
    assert.doesNotMatch(present(record).contextValue, /\.console\b/);
  });

  it('names endpoint types as the console does, keeping the API\'s word in the tooltip', () => {
    const node = (type: string): ExplorerNode => ({ kind: 'endpoint', id: 'e', profileId: 'p', endpoint: { type, endpoint: 'x', weight: 1 } });
    assert.deepEqual(['Ip', 'Domain', 'ECS', 'SLB', 'Mystery'].map((t) => present(node(t)).description?.split(' · ')[0]), ['Custom IP', 'Domain', 'ECS instance', 'CLB (SLB) instance', 'Mystery']);
    assert.equal(Object.fromEntries(present(node('Ip')).tooltip?.rows ?? []).Type, 'Custom IP (Ip)');
  });

  it('says bandwidth in Mbit/s everywhere', () => {
    const area: ExplorerNode = { kind: 'area', id: 'a', profileId: 'p', acceleratorId: 'ga', ipSet: { ipSetId: 'ips-1', accelerateRegionId: 'cn-beijing', bandwidth: 2, ipVersion: 'IPv6', state: 'active', ipAddressList: ['fd6a:6761::a:1'] } };
    const p = present(area);
    assert.equal(p.description, 'IPv6 · 2 Mbit/s · active');
    assert.equal(Object.fromEntries(p.tooltip?.rows ?? []).Bandwidth, '2 Mbit/s');
    assert.doesNotMatch(JSON.stringify(present(acceleratorNode())), /Mbps/);
  });

  it('shows an accelerator\'s description (the broken demo\'s hint) in its tooltip', () => {
    const rows = Object.fromEntries(present(acceleratorNode({ description: 'Deliberately broken demo: …' })).tooltip?.rows ?? []);
    assert.equal(rows.Description, 'Deliberately broken demo: …');
  });

  it('a node being deleted says so and spins, and offers no second delete', () => {
    const p = present(acceleratorNode({ instanceChargeType: 'POSTPAY' }), { deleting: true });
    assert.equal(p.icon?.id, SPINNING);
    assert.match(p.description ?? '', /^deleting… · ga-seed/);
    assert.doesNotMatch(p.contextValue, /\.deletable\b/);
    assert.match(p.contextValue, /\.deleting\b/);
  });

  it('a hint row runs the hint command, which names the walk-through step', () => {
    const hint: ExplorerNode = { kind: 'info', id: 'p/ga/listeners/info', profileId: 'p', message: 'No listeners: add one to accept client connections.', hint: 'addListener' };
    const p = present(hint);
    assert.deepEqual(p.command, { id: HINT_COMMAND, title: HINTS.addListener.action });
    assert.equal(p.description, 'step 3 of the walk-through');
    assert.equal(p.icon?.id, 'lightbulb');
    assert.equal(present({ ...hint, hint: undefined }).command, undefined, 'a plain info row does nothing');
  });
});

function readFixProfileMenu(): string {
  const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', '..', 'package.json'), 'utf8')) as { contributes: { menus: Record<string, { command: string; when: string; group?: string }[]> } };
  const entry = manifest.contributes.menus['view/item/context'].find((m) => m.command === 'gaIpv6.fixProfile' && m.group === '4_profile@1');
  const match = /viewItem =~ \/(.*)\/$/.exec(entry?.when ?? '');
  assert.ok(match, `no viewItem regex in ${entry?.when}`);
  return match[1].replace(/\\\\/g, '\\');
}
