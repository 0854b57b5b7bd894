// apply(plan): carry out a plan's operations (the executor), refusing a plan with errors. applyConfig(desired):
// read, plan and apply in one go; run it again with the same runId after a failure and it starts from what is
// there now, buying nothing twice ("Retry from this step").
import { errorsOf, type GaConfig, type Problem } from '../../model';
import { readLiveState, type ReadLiveOptions } from '../live/readLiveState';
import { liveSelection, plan as makePlan } from '../plan/plan';
import type { Plan, PlanOptions } from '../plan/types';
import { serviceStatusOf } from '../service';
import { executeOperations, type ApplyReport, type ExecuteOptions } from './executor';
import type { ApplyServices } from './runOperation';

export class PlanHasErrorsError extends Error {
  constructor(readonly problems: Problem[]) {
    super(`The plan cannot be applied: ${problems.map((p) => `${p.path}: ${p.message}`).join(' ')}`);
    this.name = 'PlanHasErrorsError';
  }
}

export function apply(plan: Plan, services: ApplyServices, options: ExecuteOptions = {}): Promise<ApplyReport> {
  const errors = errorsOf(plan.problems);
  if (errors.length > 0) return Promise.reject(new PlanHasErrorsError(errors));
  return executeOperations(plan.operations, services, options);
}

/** Reads what `desired` names (1 + 3·A + zones list calls) and plans it. */
export async function planConfig(desired: GaConfig, services: ApplyServices, options: PlanOptions & Pick<ReadLiveOptions, 'signal' | 'concurrency'> = {}): Promise<Plan> {
  const selection = liveSelection(desired);
  const live = await readLiveState(services, { ...selection, signal: options.signal, concurrency: options.concurrency });
  // One more call, only when the file creates a pay-as-you-go instance: may the account buy one?
  const creatingPayg = desired.accelerators.some((a) => a.state !== 'absent' && a.billing === 'payAsYouGo' && !live.accelerators.some((l) => (a.id ? l.id === a.id : l.name === a.name) && l.state !== 'deleting'));
  const serviceStatus = options.serviceStatus ?? (creatingPayg ? await serviceStatusOf(services.ga, options.signal) : undefined);
  return makePlan(desired, live, { ...options, serviceStatus });
}

export interface ApplyConfigResult {
  plan: Plan;
  report: ApplyReport;
}

export async function applyConfig(desired: GaConfig, services: ApplyServices, options: ExecuteOptions & PlanOptions = {}): Promise<ApplyConfigResult> {
  const plan = await planConfig(desired, services, options);
  return { plan, report: await apply(plan, services, options) };
}
