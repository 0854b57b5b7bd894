// How a seed step runs its operations: through the executor (the same checks before sending, ClientTokens from the
// run, waits and cancel as a ga.yaml apply), with the step's progress messages, and the first failure thrown as
// the error it was (a CloudError keeps its code and category) so the forms show what went wrong.
import { CloudError } from '../../cloud';
import { executeOperations, type ApplyReport } from '../apply/executor';
import type { ApplyServices } from '../apply/runOperation';
import type { Operation } from '../operations';
import type { StepContext } from '../step';

export async function runSteps(ops: Operation[], ctx: StepContext, runId: string): Promise<ApplyReport> {
  const services: ApplyServices = { ga: ctx.ga, dns: ctx.dns };
  const report = await executeOperations(ops, services, {
    runId,
    signal: ctx.signal,
    // The step asked for its purchase itself (its own summary), before building the operations.
    confirmPurchase: async () => true,
    onProgress: (e) => {
      if (e.kind === 'start') ctx.onProgress?.(`${e.operation.title}…`);
      else if (e.kind === 'wait') ctx.onProgress?.(`Waiting: ${e.operation.title}`, e.wait);
    },
  });
  const stopped = report.outcomes.find((o) => o.status === 'failed' || o.status === 'cancelled');
  if (stopped) {
    if (stopped.error instanceof Error) throw stopped.error;
    throw new CloudError({
      code: stopped.status === 'cancelled' ? 'Cancelled' : (stopped.code ?? 'StepFailed'),
      category: stopped.status === 'cancelled' ? 'cancelled' : 'server',
      message: `${stopped.operation.title}: ${stopped.message ?? stopped.status}`,
    });
  }
  return report;
}

/** An operation without its lane and dependencies (Omit over each member of the union). */
export type StepOperation = Operation extends infer O ? (O extends Operation ? Omit<O, 'lane' | 'dependsOn'> : never) : never;

/** The step's operations: one lane (its accelerator), each after the one before. */
export function stepOperations(lane: string, ops: StepOperation[]): Operation[] {
  return ops.map((op, i) => ({ ...op, lane, dependsOn: i === 0 ? [] : [ops[i - 1].id] }) as Operation);
}
