// Fixtures loaded by a running emulator live on its clock: the demo's operations in flight finish at the
// emulator's time scale, and IPv6 addresses come from the emulator's address block.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import type { RunningEmulator } from '../../../../src/emulator/api';
import { EmulatorAdmin } from '../../../../src/emulator/adminClient';
import { REALISTIC_MS } from '../../../../src/emulator/ga';
import type { EmulatorState } from '../../../../src/emulator/state';
import { startTestEmulator } from './harness';

const TRANSIENT_DEMO_ACCELERATORS = ['api-ipv6-new', 'shop-ipv6'];

function stateOf(state: EmulatorState, name: string): string | undefined {
  return Object.values(state.ga.accelerators).find((a) => a.Name === name)?.State;
}

/** Resolves once `done(state)` holds, checking now and after every change (the emulator's timer drives changes). */
function until(emulator: RunningEmulator, done: (state: EmulatorState) => boolean): Promise<void> {
  return new Promise((resolve) => {
    const off = emulator.onChange((s) => {
      if (done(s)) {
        off();
        resolve();
      }
    });
    if (done(emulator.getState())) {
      off();
      resolve();
    }
  });
}

describe('fixtures in a running emulator', () => {
  const started: RunningEmulator[] = [];
  after(() => Promise.all(started.map((e) => e.stop())));

  it('the demo\'s creating and configuring accelerators settle at the emulator\'s time scale', { timeout: 10_000 }, async () => {
    // 30 s and 10 s on the real service: 300 ms and 100 ms here (the test's timeout is well below 30 s).
    const emulator = await startTestEmulator({ seed: 'demo', timeScale: 0.01 });
    started.push(emulator);
    await until(emulator, (s) => TRANSIENT_DEMO_ACCELERATORS.every((n) => stateOf(s, n) === 'active'));
  });

  it('a fixture loaded through the admin API starts its operations on the scaled clock', { timeout: 10_000 }, async () => {
    const emulator = await startTestEmulator({ timeScale: 0.01 });
    started.push(emulator);
    let loaded: EmulatorState | undefined;
    const off = emulator.onChange((s) => {
      loaded ??= structuredClone(s);
    });
    await new EmulatorAdmin(`http://${emulator.endpoint}/`).loadFixture('demo');
    off();
    assert.ok(loaded, 'loading a fixture is a change');
    const creating = Object.values(loaded.ga.accelerators).find((a) => a.Name === 'api-ipv6-new');
    assert.equal(creating?.State, 'init');
    // Creation time and end time are read from the wall clock one after the other, so allow their gap.
    const takes = creating.transition!.at - creating.CreateTime;
    assert.ok(takes >= REALISTIC_MS.createAccelerator * 0.01 && takes < REALISTIC_MS.createAccelerator / 2, `the creation takes ${takes} ms of emulator time`);
    await until(emulator, (s) => TRANSIENT_DEMO_ACCELERATORS.every((n) => stateOf(s, n) === 'active'));
  });

  it('allocates the IPv6 addresses of its fixtures from its address block', async () => {
    const emulator = await startTestEmulator({ seed: 'seed', addressBlock: 0xc1 });
    started.push(emulator);
    const addresses = Object.values(emulator.getState().ga.ipSets).flatMap((s) => s.IpAddressList);
    assert.deepEqual(addresses, ['fd6a:6761::c1:1']);
    const zone = emulator.getState().dns.zones['example.com'];
    assert.ok(JSON.stringify(zone).includes('fd6a:6761::c1:1'), 'the seed zone points at the block\'s address');
  });

  it('refuses an address block outside one IPv6 group', async () => {
    await assert.rejects(startTestEmulator({ addressBlock: 0x10000 }), /address block must be a whole number from 1 to 0xffff/);
  });
});
