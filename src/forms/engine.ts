// What the forms ask of src/workflows, the one place that changes the cloud: plan a gateway's desired state
// against the live account and apply it (with purchase confirmation, progress per seed step, cancel, and a
// resumable outcome for "Retry from this step"), and make one per-resource change. The forms never call a
// GaService mutation themselves.
import type { CloudServices } from '../cloud';
import type { GaConfig, Problem } from '../model';
import type { GatewayStepId, ResourceChange } from '../workflows/forms';

export interface PurchaseNotice {
  title: string;
  lines: string[];
  subscription: boolean;
}

export type StepEventState = 'running' | 'done' | 'failed' | 'cancelled' | 'skipped';

export interface StepEvent {
  step: GatewayStepId;
  state: StepEventState;
  /** What happens now ("Creating listener web (TCP:80)", "Waiting for the acceleration area: 12 s"), or why it failed. */
  detail?: string;
}

export interface RunOptions {
  signal?: AbortSignal;
  onStep?: (event: StepEvent) => void;
  /** Asked once with everything the run would buy; nothing is ordered unless it resolves true. */
  confirmPurchase?: (purchases: PurchaseNotice[]) => Promise<boolean>;
}

export interface GatewayOutcome {
  ok: boolean;
  cancelled: boolean;
  /** Purchases the user declined: nothing was sent. */
  declined?: boolean;
  /** The first step that did not finish, where "Retry from this step" resumes. */
  failedStep?: GatewayStepId;
  /** What went wrong, what was kept. */
  message: string;
  acceleratorId?: string;
  ipv6Address?: string;
  cname?: string;
  /** Mutating calls this run sent. */
  mutations: number;
  /** Opaque: what a retry needs to continue this run (its ClientTokens and the resources made so far). */
  resume?: unknown;
}

export interface GatewayPlanView {
  /** Errors stop the run before anything is sent. */
  problems: Problem[];
  purchases: PurchaseNotice[];
  /** One line per change, for the log and for refusing a plan that would touch more than the form asked. */
  changes: { action: 'create' | 'update' | 'delete' | 'replace'; kind: string; address: string }[];
}

export interface ChangeOutcome {
  ok: boolean;
  cancelled: boolean;
  message: string;
  resourceId?: string;
}

export interface FormsEngine {
  /** Plans the gateway against the live account (list calls only). */
  planGateway(services: CloudServices, config: GaConfig): Promise<GatewayPlanView & { apply(options: RunOptions): Promise<GatewayOutcome> }>;
  /** Continues an outcome that did not finish: only what was not done, with the same ClientTokens. */
  resumeGateway(services: CloudServices, config: GaConfig, previous: GatewayOutcome | undefined, options: RunOptions): Promise<GatewayOutcome>;
  /** One per-resource change (add an area, edit weights, …). */
  applyChange(services: CloudServices, change: ResourceChange, options: { signal?: AbortSignal; onDetail?: (detail: string) => void }): Promise<ChangeOutcome>;
}
