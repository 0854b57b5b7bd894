// plan(desired, live): what applying ga.yaml would change, buy and run, computed from the live state as read
// (list calls only), with no call of its own. Pure: the command line, the editor, the forms and the tests all
// call it the same way.
import { childPath, errorsOf, type GaConfig } from '../../model';
import { ACCOUNT_LANE } from '../operations';
import { ACTIVATION_SUMMARY, serviceStatusProblem } from '../service';
import type { LiveState } from '../live/liveState';
import type { AcceleratorFate } from './acceleratorPlan';
import { planAccelerator } from './acceleratorPlan';
import { PHASE, PlanBuilder } from './builder';
import { planDns } from './dnsPlan';
import { matchAccelerators } from './identity';
import { PLAN_CODES, type Plan, type PlanOptions } from './types';

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
  planServiceActivation(options.serviceStatus, b);
  planDns(desired, live.zones, fates, b);
  const blocked = errorsOf(b.problems).length > 0;
  return { changes: b.changes, purchases: blocked ? [] : b.purchases, operations: blocked ? [] : b.operations(), problems: b.problems };
}

/**
 * Pay-as-you-go instances need the service activated: when the plan creates one on an account whose service is
 * NotOpened, the activation comes first (an order, asked for with the purchases); an overdue account is an error.
 */
function planServiceActivation(status: string | undefined, b: PlanBuilder): void {
  const creates = b.pendingOperations().filter((op) => op.type === 'createAccelerator' && op.chargeType === 'POSTPAY');
  if (creates.length === 0 || status === undefined || status === 'Normal') return;
  if (status !== 'NotOpened') {
    const problem = serviceStatusProblem(status);
    for (const op of creates) {
      const name = op.type === 'createAccelerator' ? op.name : '';
      b.problem({ path: childPath('accelerators', name, 'billing'), severity: 'error', code: PLAN_CODES.serviceUnavailable, message: problem ?? status });
    }
    return;
  }
  const id = b.op(PHASE.wait, { id: `${ACCOUNT_LANE}:openService`, lane: ACCOUNT_LANE, title: 'Activate Global Accelerator for pay-as-you-go', address: 'accelerators', purchase: ACTIVATION_SUMMARY }, { type: 'openService' });
  for (const op of creates) b.addDependency(op.id, id);
  // The activation is what everything else needs: list it first.
  const activation = b.purchases.pop();
  if (activation) b.purchases.unshift(activation);
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
