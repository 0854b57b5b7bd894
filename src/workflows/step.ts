// A step of a guided workflow, shaped so that a webview form, a ga.yaml apply and a test can all drive it:
// validate as you type (pure, Problems with the same codes and words as ga.yaml diagnostics), say what a paid
// step will buy, then execute through the cloud services (which queue, retry, send ClientTokens and wait).
import type { DnsService, GaService, WaitProgress } from '../cloud';
import { errorsOf, type LiveRegionFlags, type Problem } from '../model';

/** What a paid step will buy, shown to the user before anything is ordered. */
export interface PurchaseSummary {
  title: string;
  lines: string[];
  /** True for subscriptions: they cannot be deleted through the API once bought. */
  subscription: boolean;
}

export interface StepContext {
  ga: GaService;
  dns: DnsService;
  signal?: AbortSignal;
  onProgress?: (message: string, detail?: WaitProgress) => void;
  /**
   * Asked before a paid operation with what will be bought; nothing is ordered unless it resolves true.
   * Forms show a modal, ga.yaml apply shows the plan, tests answer directly.
   */
  confirmPurchase?: (summary: PurchaseSummary) => Promise<boolean>;
  /**
   * This run of the workflow (runIdentity.ts). Pass the same id when running it again after an error or a
   * crash: paid steps then find what the earlier run bought instead of buying again. Without it, every
   * execute is a new run.
   */
  runId?: string;
}

/** Facts from the live account that some rules need (e.g. which regions support IPv6). */
export interface LiveFacts {
  ipv6Regions?: LiveRegionFlags[];
}

export interface WorkflowStep<Input, Output> {
  id: string;
  title: string;
  /**
   * Errors, each at its form field (`name`, `endpoints[0].weight`); empty when the input can be submitted.
   * Pure and cheap: runs on every keystroke.
   */
  validate(input: Partial<Input>, facts?: LiveFacts): Problem[];
  /** Advice that does not block submission (e.g. weight 0 sends no traffic): warnings, never errors. */
  warnings?(input: Partial<Input>, facts?: LiveFacts): Problem[];
  /** Present for steps that buy something. */
  purchase?(input: Input): PurchaseSummary;
  execute(input: Input, ctx: StepContext): Promise<Output>;
}

export class StepInputError extends Error {
  constructor(
    readonly stepId: string,
    readonly problems: Problem[],
  ) {
    super(problems.map((p) => `${p.path}: ${p.message}`).join(' '));
  }
}

export class PurchaseDeclinedError extends Error {
  constructor(readonly summary: PurchaseSummary) {
    super(`Nothing was bought: "${summary.title}" was not confirmed.`);
  }
}

/** Execute guard shared by every step: refuse invalid input with the same messages the form shows. */
export function assertValid<I>(step: WorkflowStep<I, unknown>, input: I, facts?: LiveFacts): void {
  const errors = errorsOf(step.validate(input, facts));
  if (errors.length > 0) throw new StepInputError(step.id, errors);
}

export async function confirmOrThrow(ctx: Pick<StepContext, 'confirmPurchase'>, summary: PurchaseSummary): Promise<void> {
  const ok = ctx.confirmPurchase ? await ctx.confirmPurchase(summary) : false;
  if (!ok) throw new PurchaseDeclinedError(summary);
}
