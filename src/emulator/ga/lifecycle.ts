// Asynchronous operations (ga-api.md §4.2): a mutation puts the resource in its transient state with a
// `transition` saying when, on the emulator clock, it reaches the target; advanceGa applies the due ones.
// Transitions are data (not timers) so that a persisted state file resumes where it stopped.
import type { Clock } from '../api';
import type { EmulatorState, GaState, Transition } from '../state';
import { isHealthChecked, uncheckedHealth } from './healthChecked';

/** How long each operation takes on the real service (before the emulator's time scale). */
export const REALISTIC_MS = {
  createAccelerator: 30_000,
  updateAccelerator: 10_000,
  deleteAccelerator: 20_000,
  createBandwidthPackage: 10_000,
  bindBandwidthPackage: 10_000,
  unbindBandwidthPackage: 10_000,
  deleteBandwidthPackage: 10_000,
  createIpSet: 60_000,
  updateIpSet: 10_000,
  deleteIpSet: 15_000,
  createListener: 20_000,
  updateListener: 10_000,
  deleteListener: 15_000,
  createEndpointGroup: 20_000,
  updateEndpointGroup: 10_000,
  deleteEndpointGroup: 15_000,
} as const;

type Operation = keyof typeof REALISTIC_MS;

/** Marks the resource as taking `operation`: State becomes `transient`, and `to` (or 'gone') when it ends. */
export function begin(
  resource: { State: string; transition?: Transition },
  operation: Operation,
  transient: string,
  to: string,
  clock: Clock,
  set?: Record<string, unknown>,
): void {
  resource.State = transient;
  resource.transition = { to, at: clock.after(REALISTIC_MS[operation]), ...(set ? { set } : {}) };
}

type Collection = Record<string, { State: string; transition?: Transition }>;

function collections(ga: GaState): Collection[] {
  return [ga.accelerators, ga.bandwidthPackages, ga.ipSets, ga.listeners, ga.endpointGroups];
}

/**
 * Applies every transition due at `now`: sets State and the transition's fields (a null value removes the
 * field, since the state is plain JSON), or removes the resource for 'gone'. Returns whether anything changed.
 */
export function advanceGa(state: EmulatorState, now: number): boolean {
  const ga = state.ga;
  let changed = false;
  for (const items of collections(ga)) {
    for (const [id, item] of Object.entries(items)) {
      const t = item.transition;
      if (!t || t.at > now) continue;
      changed = true;
      if (t.to === 'gone') {
        delete items[id];
        continue;
      }
      const target = item as unknown as Record<string, unknown>;
      for (const [k, v] of Object.entries(t.set ?? {})) {
        if (v === null) delete target[k];
        else target[k] = structuredClone(v);
      }
      item.State = t.to;
      delete item.transition;
    }
  }
  if (settleEndpointHealth(ga)) changed = true;
  return changed;
}

/**
 * Endpoints report `init` until their group is active, then `normal` (`abnormal` for a documentation address under
 * health checks); those the data plane health-checks keep what its checks found (`init` until the first verdict,
 * see health.ts).
 */
function settleEndpointHealth(ga: GaState): boolean {
  let changed = false;
  for (const g of Object.values(ga.endpointGroups)) {
    if (g.State !== 'active') continue;
    for (const e of g.EndpointConfigurations) {
      if (isHealthChecked(g, e)) {
        if (e.health === undefined) {
          e.health = 'init';
          changed = true;
        }
      } else if (e.health !== uncheckedHealth(g, e)) {
        e.health = uncheckedHealth(g, e);
        changed = true;
      }
    }
  }
  return changed;
}

/** The earliest pending transition, for a core that wants to wake up exactly when something changes. */
export function nextTransitionAt(ga: GaState): number | undefined {
  let next: number | undefined;
  for (const items of collections(ga)) {
    for (const item of Object.values(items)) {
      if (item.transition && (next === undefined || item.transition.at < next)) next = item.transition.at;
    }
  }
  return next;
}
