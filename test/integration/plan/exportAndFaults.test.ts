// Export round trip (the exported file plans to no changes) and apply under injected faults: 20 % throttling,
// 5 % server errors and 5 % dropped connections on every action converge in one run, with nothing created
// twice. The fault figures are printed for the closing note.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { addZone, startCloud, type Harness } from '../cloudHarness';
import type { CloudServices } from '../../../src/cloud';
import { apply, exportConfig, plan, planConfig, readLiveState } from '../../../src/workflows';
import { config, payAsYouGo, walkThrough } from './configs';
import { gaShape, mutationsIn, recordShape } from './shape';

const yes = async () => true;

describe('export', () => {
  let h: Harness;
  let cloud: CloudServices;
  before(async () => {
    h = await startCloud('demo');
    cloud = h.services();
  });
  after(() => h.stop());

  it('exports the demo account with to: references, and planning the export shows no changes', async () => {
    const live = await readLiveState(cloud, { zones: 'all' });
    const { config: exported, warnings } = exportConfig(live);
    assert.deepEqual(exported.accelerators.map((a) => a.name).sort(), ['api-ipv6-new', 'bare-no-plan', 'game-ipv6', 'shop-ipv6', 'tokyo-ipv4', 'web-ipv6']);
    const web = exported.accelerators.find((a) => a.name === 'web-ipv6');
    assert.deepEqual(web && { ...web, term: undefined }, { ...walkThrough().accelerators[0], term: undefined });
    assert.deepEqual(exported.dns.map((z) => z.zone), ['example.com']);
    assert.deepEqual([...exported.dns[0].records].sort((a, b) => a.host.localeCompare(b.host)), [
      { host: 'app', type: 'CNAME', to: 'web-ipv6', ttl: 600 },
      { host: 'www', type: 'AAAA', to: 'web-ipv6/cn-beijing', ttl: 600 },
    ]);
    assert.ok(warnings.some((w) => /bare-no-plan is billed by a bandwidth plan but has none bound/.test(w)), warnings.join('\n'));

    const again = plan(exported, await readLiveState(cloud, { zones: 'all' }));
    assert.deepEqual(again.changes, []);
    // The demo account starts with an instance being created and one being reconfigured: until they settle, apply
    // would only wait for them.
    assert.ok(again.operations.every((o) => o.type === 'waitFor'), again.operations.map((o) => o.title).join('; '));
    assert.deepEqual(again.problems.filter((p) => p.severity === 'error'), []);
  });

  it('exports only the accelerators and zones asked for', async () => {
    const live = await readLiveState(cloud, { zones: 'all' });
    const { config: only } = exportConfig(live, { accelerators: ['game-ipv6'], zones: ['example.com'] });
    assert.deepEqual(only.accelerators.map((a) => a.name), ['game-ipv6']);
    assert.deepEqual(only.dns, [], 'no record of example.com points at game-ipv6');
    const game = only.accelerators[0];
    assert.deepEqual(game.listeners.map((l) => [l.name, l.protocol, l.endpointGroups.map((g) => g.endpoints.map((e) => `${e.ip}:${e.weight}`))]), [
      ['game-tls', 'TCP', [['198.51.100.20:100', '198.51.100.21:0']]],
      ['game-voice', 'UDP', [['198.51.100.22:50']]],
    ]);
  });
});

describe('apply under injected faults', () => {
  let h: Harness;
  let cloud: CloudServices;
  before(async () => {
    h = await startCloud('empty');
    cloud = h.services(undefined, { retry: { baseDelayMs: 5, maxDelayMs: 40, maxElapsedMs: 30_000, maxAttempts: 10 } });
  });
  after(() => h.stop());

  for (const resetPhase of ['before', 'after'] as const) {
    it(`converges in one run with 20 % throttling, 5 % server errors and 5 % resets (${resetPhase} the action runs)`, async () => {
      await h.admin.reset();
      await addZone(cloud.connection, 'example.com');
      const file = config([walkThrough().accelerators[0], payAsYouGo('shop-ipv6')], walkThrough().dns);
      await h.admin.setFault({ action: '*', throttle: 0.2, serverError: 0.05, reset: 0.05, resetPhase });
      const started = Date.now();
      const planned = await planConfig(file, cloud);
      const report = await apply(planned, cloud, { confirmPurchase: yes });
      const seconds = (Date.now() - started) / 1000;
      await h.admin.clearFaults();
      const log = await h.admin.requests();
      assert.ok(report.ok, report.outcomes.filter((o) => o.status !== 'done').map((o) => `${o.operation.title}: ${o.message}`).join('\n'));

      const figures = {
        requests: log.length,
        throttled: log.filter((r) => r.code?.includes('Throttling')).length,
        serverErrors: log.filter((r) => r.code === 'ServiceUnavailable').length,
        resets: log.filter((r) => r.status === 0).length,
        operations: report.outcomes.length,
        mutationsSent: mutationsIn(log).length,
        seconds,
      };
      console.log(`fault run (reset ${resetPhase}): ${JSON.stringify(figures)}`);
      assert.ok(figures.throttled + figures.serverErrors + figures.resets > 0, 'faults were injected');

      const state = await h.admin.state();
      assert.equal(Object.keys(state.ga.accelerators).length, 2, 'no accelerator twice');
      assert.equal(Object.keys(state.ga.bandwidthPackages).length, 1, 'no bandwidth plan twice');
      assert.equal(Object.keys(state.ga.ipSets).length, 2);
      assert.equal(Object.keys(state.ga.listeners).length, 3);
      assert.equal(Object.keys(state.ga.endpointGroups).length, 3);
      const shape = gaShape(state) as { name: string }[];
      assert.deepEqual(shape.find((a) => a.name === 'web-ipv6'), (await seedShape()).find((a) => a.name === 'web-ipv6'));
      assert.deepEqual(recordShape(await cloud.dns.describeDomainRecords('example.com'), state), ['app CNAME → web-ipv6 CNAME ttl 600', 'www AAAA → web-ipv6/cn-beijing ttl 600']);

      const again = await planConfig(file, cloud);
      assert.deepEqual(again.changes, [], 'converged: nothing left to do');
    });
  }
});

/** The seed fixture's accelerators, from an emulator of its own. */
async function seedShape(): Promise<{ name: string }[]> {
  const other = await startCloud('seed');
  try {
    return gaShape(await other.admin.state()) as { name: string }[];
  } finally {
    await other.stop();
  }
}
