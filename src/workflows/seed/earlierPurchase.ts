// "What did this run already buy?" for the purchase step: the instance and the basic bandwidth plan an earlier
// run of the same workflow ordered, found by the run's tag, the instance's name and a state they can still be
// used in. With the run's ClientTokens (runIdentity.ts) this keeps a re-run after a lost answer, a crash or a
// failed bind from ordering a second subscription.
import type { GaService } from '../../cloud';
import { runTag } from '../runIdentity';

export interface EarlierPurchase {
  accelerator?: { id: string; state?: string };
  /** The plan bound to that instance, or one the run bought and has not bound to anything else. */
  plan?: { id: string; state?: string };
}

/** Being deleted is the one state a bought resource cannot come back from. */
const usable = (state: string | undefined) => state !== 'deleting';

export async function findEarlierPurchase(ga: GaService, name: string, runId: string, signal?: AbortSignal): Promise<EarlierPurchase> {
  const tag = [runTag(runId)];
  const accelerator = (await ga.listAccelerators({ tag }, { signal })).find((a) => a.name === name && usable(a.state) && a.acceleratorId);
  const found: EarlierPurchase = accelerator ? { accelerator: { id: accelerator.acceleratorId ?? '', state: accelerator.state } } : {};
  const bound = accelerator?.basicBandwidthPackage?.instanceId;
  if (bound) return { ...found, plan: { id: bound } };
  const mine = (attached: string[] | undefined) => (attached ?? []).every((id) => id === accelerator?.acceleratorId);
  const plan = (await ga.listBandwidthPackages({ type: 'Basic', tag }, { signal })).find((p) => usable(p.state) && mine(p.accelerators) && p.bandwidthPackageId);
  return plan ? { ...found, plan: { id: plan.bandwidthPackageId ?? '', state: plan.state } } : found;
}
