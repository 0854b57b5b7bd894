// Collects a plan while it is worked out: changes, purchases, problems, and each lane's operations by phase, so
// that operations come out in GA's order (deletes before creates, shrinking before growing, a parent before its
// children) whatever order the file lists things in.
import type { Problem } from '../../model';
import { DNS_LANE, type Operation, type OperationMeta, type OperationSpec } from '../operations';
import type { PurchaseSummary } from '../step';
import type { Change } from './types';

/** The order of an accelerator's operations. */
export const PHASE = {
  wait: 0,
  teardown: 1,
  deleteGroups: 2,
  deleteListeners: 3,
  deleteAreas: 4,
  shrinkAreas: 5,
  unbindPlan: 6,
  deletePlan: 7,
  accelerator: 8,
  createPlan: 9,
  bindPlan: 10,
  createAreas: 11,
  growAreas: 12,
  updateListeners: 13,
  createListeners: 14,
  updateGroups: 15,
  createGroups: 16,
  dns: 17,
} as const;

export type Phase = (typeof PHASE)[keyof typeof PHASE];

export interface PendingOperation {
  phase: Phase;
  seq: number;
  op: Operation;
}

export class PlanBuilder {
  readonly changes: Change[] = [];
  readonly purchases: PurchaseSummary[] = [];
  readonly problems: Problem[] = [];
  private readonly pending: PendingOperation[] = [];
  private seq = 0;

  change(c: Omit<Change, 'fields' | 'dependents'> & Partial<Pick<Change, 'fields' | 'dependents'>>): void {
    this.changes.push({ fields: [], dependents: [], ...c });
  }

  problem(p: Problem): void {
    this.problems.push(p);
  }

  /** Adds an operation; returns its id. Its purchase, if any, is listed once. */
  op(phase: Phase, meta: Omit<OperationMeta, 'dependsOn'> & { dependsOn?: string[] }, spec: OperationSpec): string {
    const op = { dependsOn: [], ...meta, ...spec } as Operation;
    if (this.pending.some((p) => p.op.id === op.id)) throw new Error(`Two operations with id ${op.id}: a bug in the plan.`);
    if (op.purchase) this.purchases.push(op.purchase);
    this.pending.push({ phase, seq: this.seq++, op });
    return op.id;
  }

  /** The operations added so far, in the order added. */
  pendingOperations(): Operation[] {
    return this.pending.map((p) => p.op);
  }

  /** Makes `opId` wait for `dependsOn` too (e.g. an accelerator's creation for the account's activation). */
  addDependency(opId: string, dependsOn: string): void {
    const p = this.pending.find((x) => x.op.id === opId);
    if (p) p.op = { ...p.op, dependsOn: [...new Set([...p.op.dependsOn, dependsOn])] } as Operation;
  }

  /**
   * All operations, each lane in phase order. An accelerator's operations each depend on the one before (each
   * builds on the last); DNS records depend only on what they point at.
   */
  operations(): Operation[] {
    const sorted = [...this.pending].sort((a, b) => a.phase - b.phase || a.seq - b.seq);
    const lastOfLane = new Map<string, string>();
    return sorted.map(({ op }) => {
      const previous = op.lane === DNS_LANE ? undefined : lastOfLane.get(op.lane);
      lastOfLane.set(op.lane, op.id);
      const dependsOn = [...new Set([...(previous ? [previous] : []), ...op.dependsOn])];
      return { ...op, dependsOn } as Operation;
    });
  }
}
