// What a plan is: the changes ga.yaml asks of the live account (for people, the command line's JSON and the
// editor), what they would buy, the operations that carry them out, and the problems that stop it.
import type { Problem } from '../../model';
import type { Operation } from '../operations';
import type { PurchaseSummary } from '../step';

export type ChangeAction = 'create' | 'update' | 'delete' | 'replace';
export type ChangeKind = 'accelerator' | 'bandwidthPlan' | 'area' | 'listener' | 'endpointGroup' | 'dnsRecord';

/** One key that differs, with where it is in the file (for drift diagnostics) and both values. */
export interface FieldChange {
  key: string;
  /** Problem-grammar path of the key in ga.yaml (`accelerators.web-ipv6.areas.cn-beijing.bandwidth`). */
  path: string;
  before: unknown;
  after: unknown;
}

export interface Change {
  action: ChangeAction;
  kind: ChangeKind;
  /** ga.yaml address, e.g. `accelerators.web-ipv6.listeners.web`, `dns.example.com.www.AAAA` (the contract's). */
  address: string;
  /** Problem-grammar path of the node in ga.yaml; for what the file does not list, its parent's. */
  path: string;
  /** The accelerator (file name) the change belongs to, for grouping; undefined for DNS records. */
  accelerator?: string;
  /** The resource as it is (with its id), or null when created. */
  before: Record<string, unknown> | null;
  /** The resource as it will be, or null when deleted. `(known after apply)` stands for values not known yet. */
  after: Record<string, unknown> | null;
  /** Update and replace: the keys that differ. */
  fields: FieldChange[];
  /** Replace: why it cannot be changed in place. Delete: why it goes. */
  reason?: string;
  /** Delete and replace: what depends on it and goes or stops working with it. */
  dependents: string[];
}

export interface Plan {
  changes: Change[];
  /** What applying buys, on what terms; subscriptions flagged. */
  purchases: PurchaseSummary[];
  /** The changes as operations, in order, with their dependencies. Empty when `problems` has errors. */
  operations: Operation[];
  /** Why the plan cannot be applied (errors) or what to know first (warnings, info). */
  problems: Problem[];
}

export interface PlanOptions {
  /** Orders are paid from the account balance at once (default true: an unpaid order never becomes active). */
  autoPay?: boolean;
  /**
   * The account's pay-as-you-go status (DescribeAcceleratorServiceStatus), read when the file creates a
   * pay-as-you-go instance: NotOpened adds the activation (asked like a purchase), Expired/Released are errors.
   */
  serviceStatus?: string;
}

/** Stands for a value known only once apply has created what it comes from. */
export const KNOWN_AFTER_APPLY = '(known after apply)';

/** Stable codes of the plan's own problems (the file's rules have theirs, see docs/ga-yaml.md). */
export const PLAN_CODES = {
  ambiguousName: 'PLAN001',
  idNotFound: 'PLAN002',
  matchedTwice: 'PLAN003',
  subscriptionNotDeletable: 'PLAN004',
  zoneMissing: 'PLAN005',
  badTarget: 'PLAN006',
  recordConflict: 'PLAN007',
  planMissing: 'PLAN008',
  serviceUnavailable: 'PLAN009',
  drift: 'DRIFT',
} as const;

export function countChanges(changes: readonly Change[]): Record<ChangeAction, number> {
  const out: Record<ChangeAction, number> = { create: 0, update: 0, delete: 0, replace: 0 };
  for (const c of changes) out[c.action]++;
  return out;
}
