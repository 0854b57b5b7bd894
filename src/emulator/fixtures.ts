// The named fixtures (docs/ARCHITECTURE.md "Emulator contract"): `empty`; `seed`, only the finished seed
// walk-through and its zone; `demo`, the sandbox's account: several accelerators in different states, one of
// them configured exactly as the seed ends, zone example.com pointing at it and a second zone.
import { addExampleZone, addSecondDemoZone } from './dns/fixtures';
import type { Fixture } from './emulatorHost';
import { addDemoAccelerators, addSeedSetup } from './ga/fixtures';

export const FIXTURES: Readonly<Record<string, Fixture>> = {
  empty: () => undefined,
  seed: (state, clock, options) => {
    addExampleZone(state, clock.now(), addSeedSetup(state, clock, options));
  },
  demo: (state, clock, options) => {
    addExampleZone(state, clock.now(), addDemoAccelerators(state, clock, options));
    addSecondDemoZone(state, clock.now());
  },
};

export const FIXTURE_NAMES: readonly string[] = Object.keys(FIXTURES);
