import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import type { AcceleratorNode, ExplorerNode } from '../../../src/explorer/nodes';
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
    assert.equal(p.description, 'Ip · weight 0 (no traffic) · healthy');
    assert.equal(p.icon?.id, 'circle-slash');
  });

  it('marks profiles so menus can tell the active one and VS Code profiles apart', () => {
    const p = present({ kind: 'profile', id: 'vscode:prod', profileId: 'vscode:prod', profile: fakeProfile('vscode:prod', 'vscode'), active: false });
    assert.equal(p.contextValue, 'profile.inactive.vscode');
    assert.equal(p.description, 'VS Code');
  });

  it('reads epoch seconds and milliseconds (also as strings) alike', () => {
    assert.equal(formatEpoch(1_800_000_000), '2027-01-15 08:00 UTC');
    assert.equal(formatEpoch('1800000000000'), '2027-01-15 08:00 UTC');
    assert.equal(formatEpoch(0), undefined);
    assert.equal(formatEpoch(undefined), undefined);
  });
});
