// Holds the emulator's state and runs product actions against it. An action works on a copy that replaces the
// state only when the action succeeds, so a handler that throws half-way leaves nothing half-done (like a
// transaction on the real service). Due transitions are applied before every action and state read.
import type { ActionHandler, Params, ProductModule, RequestContext } from './api';
import type { ScaledClock } from './clock';
import type { EmulatorState } from './state';

type Listener = (state: EmulatorState) => void;

export class Engine {
  private state: EmulatorState;
  private committedJson: string;
  private readonly listeners = new Set<Listener>();

  constructor(
    private readonly modules: readonly ProductModule[],
    readonly clock: ScaledClock,
    initial: EmulatorState,
    private readonly log: (line: string) => void,
  ) {
    this.state = initial;
    this.committedJson = JSON.stringify(initial);
  }

  /** The live state, with due transitions applied. */
  current(): EmulatorState {
    this.advance();
    return this.state;
  }

  /** The state as it is, without applying due transitions (for the timer and the state file). */
  peek(): EmulatorState {
    return this.state;
  }

  /** Applies due transitions of every module; returns true when anything changed. */
  advance(): boolean {
    const before = this.log === noLog ? undefined : resourceStates(this.state);
    let changed = false;
    for (const m of this.modules) {
      try {
        if (m.advance?.(this.state, this.clock.now())) changed = true;
      } catch (e) {
        this.log(`${m.product}: applying transitions failed: ${(e as Error).stack ?? e}`);
      }
    }
    if (changed) {
      if (before) logTransitions(before, resourceStates(this.state), this.log);
      this.commit(this.state);
    }
    return changed;
  }

  /** Runs one action; the state changes only if it returns. */
  run(handler: ActionHandler, params: Params, ctx: RequestContext): Record<string, unknown> {
    this.advance();
    const draft = structuredClone(this.state);
    const body = handler(params, ctx, draft);
    this.commit(draft);
    return body;
  }

  /** Replaces the whole state (reset, fixtures). */
  replace(state: EmulatorState): void {
    this.commit(state, true);
  }

  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private commit(next: EmulatorState, force = false): void {
    const json = JSON.stringify(next);
    if (!force && json === this.committedJson) return;
    this.state = next;
    this.committedJson = json;
    for (const listener of [...this.listeners]) {
      try {
        listener(next);
      } catch (e) {
        this.log(`a state listener failed: ${(e as Error).stack ?? e}`);
      }
    }
  }
}

export function noLog(): void {}

/** `collection/id → State` for every resource map in the state, to log what a transition changed. */
function resourceStates(state: EmulatorState): Map<string, string> {
  const out = new Map<string, string>();
  for (const [collection, value] of Object.entries(state.ga)) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) continue;
    for (const [id, resource] of Object.entries(value as Record<string, unknown>)) {
      const s = (resource as { State?: unknown } | null)?.State;
      if (typeof s === 'string') out.set(`${collection}/${id}`, s);
    }
  }
  return out;
}

function logTransitions(before: Map<string, string>, after: Map<string, string>, log: (line: string) => void): void {
  for (const [key, from] of before) {
    const to = after.get(key);
    if (to !== from) log(`transition ${key}: ${from} → ${to ?? 'gone'}`);
  }
}
