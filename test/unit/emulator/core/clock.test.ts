// Scaled time, lazily and timer-applied transitions, and all-or-nothing actions, with a stand-in GA module.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ApiError, type ProductModule, type RunningEmulator } from '../../../../src/emulator/api';
import { earliestTransition, ScaledClock } from '../../../../src/emulator/clock';
import { startEmulatorWith } from '../../../../src/emulator/emulatorHost';
import type { Accelerator, EmulatorState } from '../../../../src/emulator/state';
import { callRpc, rejectsWith, rpcClient, TEST_KEY } from './harness';

/** Realistic duration of the stand-in's UpdateAccelerator. */
const UPDATE_MS = 20_000;

const standIn: ProductModule = {
  product: 'ga',
  version: '2019-11-20',
  handlers: {
    UpdateAccelerator: (params, ctx, state) => {
      const acc = state.ga.accelerators[String(params.AcceleratorId)];
      acc.State = 'configuring';
      acc.transition = { to: 'active', at: ctx.clock.after(UPDATE_MS) };
      return {};
    },
    DescribeAccelerator: (params, _ctx, state) => ({ State: state.ga.accelerators[String(params.AcceleratorId)].State }),
    DeleteAccelerator: (params, _ctx, state) => {
      state.ga.accelerators[String(params.AcceleratorId)].State = 'deleting';
      throw new ApiError('StateError.Accelerator', 'busy');
    },
  },
  advance(state: EmulatorState, now: number): boolean {
    let changed = false;
    for (const acc of Object.values(state.ga.accelerators)) {
      if (acc.transition && acc.transition.at <= now) {
        acc.State = acc.transition.to;
        delete acc.transition;
        changed = true;
      }
    }
    return changed;
  },
};

const oneAccelerator = (state: EmulatorState): void => {
  state.ga.accelerators['ga-1'] = { AcceleratorId: 'ga-1', State: 'active' } as Accelerator;
};

describe('ScaledClock and earliestTransition', () => {
  it('scales only durations, not the time of day', () => {
    const clock = new ScaledClock(0.01, () => 1_000_000);
    assert.equal(clock.now(), 1_000_000);
    assert.equal(clock.after(30_000), 1_000_300);
    assert.throws(() => new ScaledClock(0), /above 0/);
  });

  it('finds the earliest pending transition anywhere in the state', () => {
    assert.equal(earliestTransition({ ga: { a: { x: { transition: { at: 9 } } }, b: { y: { transition: { at: 5 } } } } }), 5);
    assert.equal(earliestTransition({ ga: {} }), undefined);
  });
});

describe('transitions through the emulator', () => {
  let emulator: RunningEmulator;
  before(async () => {
    emulator = await startEmulatorWith({ modules: [standIn], fixtures: { one: oneAccelerator } }, { credentials: [TEST_KEY], timeScale: 0.001, seed: 'one' });
  });
  after(() => emulator.stop());

  it('applies a due transition on its own timer, so listeners see it without any request', { timeout: 10_000 }, async () => {
    const client = rpcClient(emulator);
    const becameActive = new Promise<void>((resolve) => {
      const off = emulator.onChange((s) => {
        if (s.ga.accelerators['ga-1'].State === 'active') {
          off();
          resolve();
        }
      });
    });
    // No request and no state read follows: only the timer can apply the transition.
    await callRpc(client, 'ga', 'UpdateAccelerator', { AcceleratorId: 'ga-1' });
    await becameActive;
    assert.equal(emulator.getState().ga.accelerators['ga-1'].transition, undefined);
  });

  it('applies due transitions before answering a request', async () => {
    const slow = await startEmulatorWith({ modules: [standIn], fixtures: { one: oneAccelerator } }, { credentials: [TEST_KEY], timeScale: 1, seed: 'one' });
    try {
      const client = rpcClient(slow);
      await callRpc(client, 'ga', 'UpdateAccelerator', { AcceleratorId: 'ga-1' });
      assert.equal((await callRpc(client, 'ga', 'DescribeAccelerator', { RegionId: 'cn-hangzhou', AcceleratorId: 'ga-1' })).State, 'configuring');
      // Move the pending transition into the past, as if its time had come.
      const acc = slow.getState().ga.accelerators['ga-1'];
      if (acc.transition) acc.transition.at = Date.now() - 1;
      assert.equal((await callRpc(client, 'ga', 'DescribeAccelerator', { RegionId: 'cn-hangzhou', AcceleratorId: 'ga-1' })).State, 'active');
    } finally {
      await slow.stop();
    }
  });

  it('keeps the state unchanged when an action fails half-way', async () => {
    const before = JSON.stringify(emulator.getState());
    await rejectsWith(callRpc(rpcClient(emulator), 'ga', 'DeleteAccelerator', { RegionId: 'cn-hangzhou', AcceleratorId: 'ga-1' }), 'StateError.Accelerator', 400);
    assert.equal(JSON.stringify(emulator.getState()), before);
  });
});
