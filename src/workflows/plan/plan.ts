// plan(desired, live): what applying ga.yaml would change, buy and run, computed from the live state as read
// (list calls only), with no call of its own. Pure: the command line, the editor, the forms and the tests all
// call it the same way.
import { errorsOf, type GaConfig } from '../../model';
import type { LiveState } from '../live/liveState';
import type { AcceleratorFate } from './acceleratorPlan';
import { planAccelerator } from './acceleratorPlan';
import { PlanBuilder } from './builder';
import { planDns } from './dnsPlan';
import { matchAccelerators } from './identity';
import type { Plan, PlanOptions } from './types';

export function plan(desired: GaConfig, live: LiveState, options: PlanOptions = {}): Plan {
  const b = new PlanBuilder();
  const { matches, problems } = matchAccelerators(desired.accelerators, live.accelerators);
  for (const p of problems) b.problem(p);
  const records = live.zones.flatMap((z) => z.records);
  const fates = new Map<string, AcceleratorFate>();
  for (const match of matches) {
    // An ambiguous or doubly claimed entry has no live match but must not be created: its problem stops the plan.
    const base = `accelerators.${match.desired.name}`;
    if (!match.live && problems.some((p) => p.severity === 'error' && (p.path === base || p.path.startsWith(`${base}.`)))) continue;
    fates.set(match.desired.name, planAccelerator({ match, records, autoPay: options.autoPay ?? true }, b));
  }
  planDns(desired, live.zones, fates, b);
  const blocked = errorsOf(b.problems).length > 0;
  return { changes: b.changes, purchases: blocked ? [] : b.purchases, operations: blocked ? [] : b.operations(), problems: b.problems };
}

/** What to read for a plan of `desired`: its accelerators (by name or id) and its zones. */
export function liveSelection(desired: GaConfig): { select: (a: { name?: string; acceleratorId?: string }) => boolean; zones: string[] } {
  const names = new Set(desired.accelerators.filter((a) => !a.id).map((a) => a.name));
  const ids = new Set(desired.accelerators.flatMap((a) => (a.id ? [a.id] : [])));
  return {
    select: (a) => (a.name !== undefined && names.has(a.name)) || (a.acceleratorId !== undefined && ids.has(a.acceleratorId)),
    zones: desired.dns.map((z) => z.zone),
  };
}
