// Seed step 1: buy a GA instance. It offers what an ordinary account can buy (model OFFERED_PURCHASES): a
// subscription instance with a subscription basic bandwidth plan bound to it (the walk-through), or a
// pay-as-you-go instance billed by data transfer, which needs no plan but needs pay-as-you-go GA activated.
import {
  BANDWIDTH_TYPES,
  basicBandwidthProblems,
  checkOfferedPurchase,
  nameProblems,
  offeredBillingType,
  planBandwidthProblems,
  problem,
  specName,
  specProblems,
  termProblems,
  type BandwidthBillingType,
  type ChargeType,
  type PricingCycle,
  type Problem,
} from '../../model';
import type { Operation } from '../operations';
import { newRunId } from '../runIdentity';
import { ServiceNotOpenedError, serviceStatusOf } from '../service';
import { assertValid, confirmOrThrow, type PurchaseSummary, type WorkflowStep } from '../step';
import { findEarlierPurchase, type EarlierPurchase } from './earlierPurchase';
import { runSteps, stepOperations, type StepOperation } from './runSteps';

export interface PurchaseInput {
  name: string;
  /** Subscription (PREPAY) only: pay-as-you-go instances have no specification. */
  spec: string;
  /** PREPAY: with a subscription basic plan; POSTPAY: billed by data transfer, no plan. */
  chargeType: ChargeType;
  /** Optional; when given it must be what the charge type is offered with (BandwidthPackage / CDT). */
  bandwidthBillingType?: BandwidthBillingType;
  /** Subscription (PREPAY) only. */
  pricingCycle?: PricingCycle;
  duration?: number;
  autoRenew?: boolean;
  /** The basic plan, subscription (PREPAY) only. */
  bandwidthType: (typeof BANDWIDTH_TYPES)[number];
  planBandwidth: number;
  /** The seed's "Server Area": a backend outside Alibaba Cloud needs an Enhanced plan. */
  backendOnAlibabaCloud: boolean;
  /** Pay the order at once; otherwise it waits for payment in the console. */
  autoPay: boolean;
}

export interface PurchaseOutput {
  acceleratorId: string;
  /** The bound basic plan; undefined for a pay-as-you-go instance billed by data transfer. */
  bandwidthPackageId?: string;
  /** Orders placed by this run (none for what an earlier run had bought). */
  orderIds: string[];
  /** The run id the resources are tagged with (StepContext.runId, or a new one). */
  runId: string;
  /** What an earlier run with the same run id had bought and this one reused. */
  reused: { accelerator: boolean; plan: boolean };
}

const isPrepay = (i: Partial<PurchaseInput>) => (i.chargeType ?? 'PREPAY') === 'PREPAY';

function term(i: PurchaseInput): string {
  if (i.chargeType === 'POSTPAY') return 'pay-as-you-go';
  return `subscription, ${i.duration} ${i.pricingCycle === 'Year' ? 'year' : 'month'}${i.duration === 1 ? '' : 's'}${i.autoRenew ? ', auto-renew' : ''}`;
}

export const purchaseStep: WorkflowStep<PurchaseInput, PurchaseOutput> = {
  id: 'purchase',
  title: 'Buy a GA instance and a basic bandwidth plan',

  validate(i) {
    const out: Problem[] = [];
    out.push(...(i.name === undefined ? [problem('required', 'name', 'Instance name is required.')] : nameProblems('accelerator', i.name, 'name')));
    const offer = checkOfferedPurchase(i.chargeType, i.bandwidthBillingType);
    if (offer) {
      const known = i.chargeType === undefined || i.chargeType === 'PREPAY' || i.chargeType === 'POSTPAY';
      out.push(problem('billing', known ? 'bandwidthBillingType' : 'chargeType', offer));
      return out.filter((p) => p.severity === 'error');
    }
    if (isPrepay(i)) {
      out.push(...(i.spec === undefined ? [problem('required', 'spec', 'Choose a specification, e.g. Small I.')] : specProblems(i.spec, 'spec')));
      out.push(...termProblems(i.pricingCycle, i.duration, { cycle: 'pricingCycle', duration: 'duration' }));
      if (i.bandwidthType && !(BANDWIDTH_TYPES as readonly string[]).includes(i.bandwidthType)) {
        out.push(problem('enum', 'bandwidthType', `Bandwidth type must be one of ${BANDWIDTH_TYPES.join(', ')}.`));
      }
      out.push(...(i.planBandwidth === undefined ? [problem('required', 'planBandwidth', 'Enter the peak bandwidth of the plan in Mbit/s.')] : planBandwidthProblems(i.planBandwidth, 'planBandwidth')));
    }
    // The specification's own warning (on request only) is advice, not an error: warnings() reports it.
    return out.filter((p) => p.severity === 'error');
  },

  warnings(i) {
    const out: Problem[] = [];
    if (!isPrepay(i)) return out;
    if (i.spec !== undefined) out.push(...specProblems(i.spec, 'spec').filter((p) => p.severity !== 'error'));
    if (i.bandwidthType && i.backendOnAlibabaCloud !== undefined) out.push(...basicBandwidthProblems(i.bandwidthType, i.backendOnAlibabaCloud, 'bandwidthType'));
    return out;
  },

  purchase(i): PurchaseSummary {
    if (!isPrepay(i)) {
      return {
        title: `Pay-as-you-go GA instance ${i.name}, billed by data transfer`,
        lines: [
          'Instance: pay-as-you-go, billed by data transfer (CDT): no specification and no bandwidth plan; you pay for what it carries.',
          'Needs Global Accelerator activated for pay-as-you-go on the account.',
          'It can be deleted through the API (subscription instances cannot).',
        ],
        subscription: false,
      };
    }
    return {
      title: `GA instance ${i.name} (${specName(i.spec)}) and a ${i.planBandwidth} Mbit/s ${i.bandwidthType} bandwidth plan`,
      lines: [
        `Instance: ${specName(i.spec)}, ${term(i)}`,
        `Basic bandwidth plan: ${i.bandwidthType}, ${i.planBandwidth} Mbit/s, ${term(i)}`,
        i.autoPay ? 'Both orders are paid automatically from the account balance.' : 'Both orders wait for payment in the Alibaba Cloud console.',
      ],
      subscription: i.chargeType === 'PREPAY',
    };
  },

  async execute(i, ctx) {
    assertValid(purchaseStep, i);
    const runId = ctx.runId ?? newRunId();
    // Only a run that may have happened before can have bought something: a new run id has nothing to find.
    const earlier: EarlierPurchase = ctx.runId ? await findEarlierPurchase(ctx.ga, i.name, runId, ctx.signal) : {};
    // Pay-as-you-go billed by data transfer: no plan, but the service must be activated. Checked before anything
    // is asked or ordered, so a NotOpened account gets the way to activate instead of a failed order.
    const withPlan = isPrepay(i);
    if (!withPlan && !earlier.accelerator) {
      const status = await serviceStatusOf(ctx.ga, ctx.signal);
      if (status !== 'Normal') throw new ServiceNotOpenedError(status);
    }
    if (!earlier.accelerator || (withPlan && !earlier.plan)) await confirmOrThrow(ctx, withEarlier(purchaseStep.purchase!(i), earlier));
    const ops = purchaseOperations(i, earlier);
    const report = await runSteps(ops, ctx, runId);
    const acceleratorId = earlier.accelerator?.id ?? report.results.get(ACCELERATOR_REF)?.id ?? '';
    const orderIds = report.outcomes.flatMap((o) => (o.orderId ? [o.orderId] : []));
    if (!withPlan) return { acceleratorId, orderIds, runId, reused: { accelerator: !!earlier.accelerator, plan: false } };
    const bandwidthPackageId = earlier.plan?.id ?? report.results.get(PLAN_REF)?.id ?? '';
    return { acceleratorId, bandwidthPackageId, orderIds, runId, reused: { accelerator: !!earlier.accelerator, plan: !!earlier.plan } };
  },
};

const ACCELERATOR_REF = 'accelerator:purchase';
const PLAN_REF = 'plan:purchase';

/**
 * The purchase as operations for the executor: the instance (or a wait for the one an earlier run of this
 * workflow bought), then for a subscription its plan (or a wait for it) and the bind. Each is tagged with the run
 * and sent with ClientTokens from it; a bind already in place counts as done.
 */
function purchaseOperations(i: PurchaseInput, earlier: EarlierPurchase): Operation[] {
  const lane = `purchase:${i.name}`;
  const withPlan = isPrepay(i);
  const term = withPlan && i.pricingCycle && i.duration !== undefined ? { cycle: i.pricingCycle, duration: i.duration, autoRenew: i.autoRenew ?? false } : undefined;
  const ops: StepOperation[] = [];
  const accelerator = earlier.accelerator ? { id: earlier.accelerator.id } : { ref: ACCELERATOR_REF };
  if (earlier.accelerator) {
    ops.push({ id: `${lane}:waitFor:accelerator`, title: `Instance ${i.name} (${earlier.accelerator.id}) was bought by an earlier run of this workflow; waiting until it is ready`, address: `accelerators.${i.name}`, type: 'waitFor', action: 'CreateAccelerator', resourceId: earlier.accelerator.id, what: `instance ${i.name}` });
  } else {
    ops.push({
      id: `${lane}:createAccelerator`,
      title: `Creating instance ${i.name}`,
      address: `accelerators.${i.name}`,
      type: 'createAccelerator',
      produces: ACCELERATOR_REF,
      name: i.name,
      ...(withPlan ? { spec: i.spec } : {}),
      chargeType: withPlan ? 'PREPAY' : 'POSTPAY',
      ...(term ? { term } : {}),
      bandwidthBilling: offeredBillingType(withPlan ? 'PREPAY' : 'POSTPAY'),
      autoPay: i.autoPay,
      // A form buys its own instance each run: only what this run bought is reused.
      adoptBy: 'run',
    });
  }
  if (!withPlan) return stepOperations(lane, ops);
  const plan = earlier.plan ? { id: earlier.plan.id } : { ref: PLAN_REF };
  if (earlier.plan) {
    if (earlier.plan.state === 'init') ops.push({ id: `${lane}:waitFor:plan`, title: `The bandwidth plan ${earlier.plan.id} was bought by an earlier run of this workflow; waiting for it`, address: `accelerators.${i.name}.bandwidthPlan`, type: 'waitFor', action: 'CreateBandwidthPackage', resourceId: earlier.plan.id, what: 'the bandwidth plan' });
  } else {
    ops.push({
      id: `${lane}:createBandwidthPlan`,
      title: 'Creating the bandwidth plan',
      address: `accelerators.${i.name}.bandwidthPlan`,
      type: 'createBandwidthPlan',
      produces: PLAN_REF,
      accelerator,
      bandwidth: i.planBandwidth,
      bandwidthType: i.bandwidthType,
      // A subscription plan: pay-as-you-go plans are for allow-listed accounts only (ga-api.md §2.6).
      chargeType: 'PREPAY',
      ...(term ? { term } : {}),
      autoPay: i.autoPay,
    });
  }
  ops.push({ id: `${lane}:bindBandwidthPlan`, title: 'Binding the plan to the instance', address: `accelerators.${i.name}.bandwidthPlan`, type: 'bindBandwidthPlan', plan, accelerator });
  return stepOperations(lane, ops);
}

/** The summary of what is still to buy when an earlier run of the workflow bought part of it. */
function withEarlier(summary: PurchaseSummary, earlier: EarlierPurchase): PurchaseSummary {
  if (earlier.accelerator) return { ...summary, lines: [...summary.lines.filter((l) => !l.startsWith('Instance:')), `Instance: ${earlier.accelerator.id}, bought by an earlier run of this workflow, is reused (not bought again).`] };
  if (earlier.plan) return { ...summary, lines: [...summary.lines.filter((l) => !l.startsWith('Basic bandwidth plan:')), `Basic bandwidth plan: ${earlier.plan.id}, bought by an earlier run of this workflow, is reused (not bought again).`] };
  return summary;
}
