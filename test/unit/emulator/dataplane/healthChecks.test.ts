// Which endpoints the data plane health-checks, and how (pure), and the check loop against a fake emulator: a
// refusing port turns abnormal after ThresholdCount checks in a row, a listening one normal.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type AddressInfo } from 'node:net';
import { DEFAULT_INTERVAL_SECONDS, desiredHealthChecks, startHealthChecks } from '../../../../src/emulator/dataplane/healthChecks';
import type { EmulatorState } from '../../../../src/emulator/state';
import { accelerator, buildState, endpointGroup, fakeEmulator, listener } from './fakeEmulator';

function state(health: Parameters<typeof endpointGroup>[4], addresses = ['127.0.0.1', '203.0.113.10', '8.8.4.4']): EmulatorState {
  return buildState({
    accelerators: [accelerator('ga-1')],
    listeners: [listener('lsr-1', 'ga-1', [[80, 80]])],
    endpointGroups: [endpointGroup('epg-1', 'ga-1', 'lsr-1', addresses.map((address) => ({ address, weight: 100 })), { PortOverrides: [{ ListenerPort: 80, EndpointPort: 8080 }], ...health })],
  });
}

test('checks only what health checks are on for and the data plane may reach, with the group\'s settings', () => {
  assert.deepEqual(desiredHealthChecks(state({}), { allowLoopbackEndpoints: true, timeScale: 1 }), [], 'health checks off');
  const on = state({ HealthCheckEnabled: true, ThresholdCount: 2 });
  const targets = desiredHealthChecks(on, { allowLoopbackEndpoints: true, timeScale: 0.01 });
  // The documentation address is never checked; the port is the endpoint's (the override), TCP by default.
  assert.deepEqual(targets.map((t) => [t.address, t.port, t.protocol, t.threshold, t.intervalMs]), [
    ['127.0.0.1', 8080, 'tcp', 2, DEFAULT_INTERVAL_SECONDS * 1000 * 0.01],
    ['8.8.4.4', 8080, 'tcp', 2, DEFAULT_INTERVAL_SECONDS * 1000 * 0.01],
  ]);
  assert.deepEqual(desiredHealthChecks(on, { allowLoopbackEndpoints: false, timeScale: 1 }).map((t) => t.address), ['8.8.4.4'], 'loopback only with --allow-loopback-endpoints');
  const http = desiredHealthChecks(state({ HealthCheckEnabled: true, HealthCheckProtocol: 'HTTP', HealthCheckPort: 9000, HealthCheckPath: '/healthz', HealthCheckHost: 'www.example.com', HealthCheckIntervalSeconds: 10 }), { allowLoopbackEndpoints: true, timeScale: 1 });
  assert.deepEqual([http[0].protocol, http[0].port, http[0].path, http[0].host, http[0].intervalMs, http[0].timeoutMs], ['http', 9000, '/healthz', 'www.example.com', 10_000, 5000]);
  const updating = state({ HealthCheckEnabled: true, State: 'updating' });
  assert.deepEqual(desiredHealthChecks(updating, { allowLoopbackEndpoints: true, timeScale: 1 }), [], 'only active groups');
});

test('the loop reports abnormal for a refusing port and normal for a listening one, each after the threshold', { timeout: 20_000 }, async () => {
  const server = createServer((s) => s.end());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const s = state({ HealthCheckEnabled: true, HealthCheckPort: port, HealthCheckIntervalSeconds: 1, ThresholdCount: 2 }, ['127.0.0.1', '127.0.0.2']);
  for (const e of s.ga.endpointGroups['epg-1'].EndpointConfigurations) e.health = 'init';
  const fake = fakeEmulator(s);
  const verdicts: string[] = [];
  const emulator = {
    ...fake,
    timeScale: 0.01,
    update: (change: (state: EmulatorState) => void) => fake.mutate(change),
  };
  const settled = new Promise<void>((resolve) => {
    const off = fake.onChange((st) => {
      verdicts.splice(0, verdicts.length, ...st.ga.endpointGroups['epg-1'].EndpointConfigurations.map((e) => `${e.Endpoint}:${e.health}`));
      if (!verdicts.some((v) => v.endsWith(':init'))) {
        off();
        resolve();
      }
    });
  });
  const lines: string[] = [];
  const checks = startHealthChecks(emulator, { allowLoopbackEndpoints: true, log: (l) => lines.push(l) });
  try {
    await settled;
    assert.deepEqual(verdicts, ['127.0.0.1:normal', '127.0.0.2:abnormal']);
    assert.ok(lines.some((l) => /127\.0\.0\.2:\d+ of epg-1 is abnormal \(TCP 127\.0\.0\.2:\d+: ECONNREFUSED; 2 checks in a row\)/.test(l)), lines.join('\n'));
    assert.equal(checks.targets().length, 2);
  } finally {
    checks.stop();
    await new Promise((resolve) => server.close(resolve));
  }
  assert.equal(checks.targets().length, 0, 'stopping ends every check');
});
