// One change to an existing accelerator (the forms' Add area / listener / endpoint group / DNS record, Edit weights
// or bandwidth): the accelerator as it is, exported as ga.yaml data and pinned by id, changed by the caller, and
// planned. The plan then holds exactly the change asked for, with the same checks, order and safety as any apply.
import type { GaConfig } from '../model';
import { exportConfig } from './export';
import { readLiveState, type LiveReaders } from './live/readLiveState';
import { plan } from './plan/plan';
import type { Plan, PlanOptions } from './plan/types';

export interface EditOptions extends PlanOptions {
  /** Zones the change touches (their records are read): e.g. the zone of a record being added. */
  zones?: readonly string[];
  signal?: AbortSignal;
}

export class AcceleratorNotFoundError extends Error {}

export async function editAccelerator(services: LiveReaders, acceleratorId: string, edit: (config: GaConfig) => void, options: EditOptions = {}): Promise<Plan> {
  const live = await readLiveState(services, { select: (a) => a.acceleratorId === acceleratorId, zones: options.zones ?? [], signal: options.signal });
  if (live.accelerators.length === 0) throw new AcceleratorNotFoundError(`Accelerator ${acceleratorId} is not in this account any more: refresh the explorer.`);
  const { config } = exportConfig(live);
  for (const a of config.accelerators) a.id = acceleratorId;
  edit(config);
  return plan(config, live, options);
}
