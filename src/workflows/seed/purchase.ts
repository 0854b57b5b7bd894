// Seed step 1: buy a GA instance and a basic bandwidth plan, and bind the plan to the instance.
import {
  BANDWIDTH_TYPES,
  basicBandwidthProblems,
  nameProblems,
  planBandwidthProblems,
  problem,
  specName,
  specProblems,
  termProblems,
  type ChargeType,
  type PricingCycle,
  type Problem,
} from '../../model';
import { assertValid, confirmOrThrow, type PurchaseSummary, type WorkflowStep } from '../step';

export interface PurchaseInput {
  name: string;
  spec: string;
  chargeType: ChargeType;
  /** Subscription (PREPAY) only. */
  pricingCycle?: PricingCycle;
  duration?: number;
  autoRenew?: boolean;
  bandwidthType: (typeof BANDWIDTH_TYPES)[number];
  planBandwidth: number;
  /** The seed's "Server Area": a backend outside Alibaba Cloud needs an Enhanced plan. */
  backendOnAlibabaCloud: boolean;
  /** Pay the order at once; otherwise it waits for payment in the console. */
  autoPay: boolean;
}

export interface PurchaseOutput {
  acceleratorId: string;
  bandwidthPackageId: string;
  orderIds: string[];
}

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
    out.push(...(i.spec === undefined ? [problem('required', 'spec', 'Choose a specification, e.g. Small I.')] : specProblems(i.spec, 'spec')));
    if (i.chargeType === 'PREPAY' || i.chargeType === undefined) out.push(...termProblems(i.pricingCycle, i.duration, { cycle: 'pricingCycle', duration: 'duration' }));
    if (i.bandwidthType && !(BANDWIDTH_TYPES as readonly string[]).includes(i.bandwidthType)) {
      out.push(problem('enum', 'bandwidthType', `Bandwidth type must be one of ${BANDWIDTH_TYPES.join(', ')}.`));
    }
    out.push(...(i.planBandwidth === undefined ? [problem('required', 'planBandwidth', 'Enter the peak bandwidth of the plan in Mbit/s.')] : planBandwidthProblems(i.planBandwidth, 'planBandwidth')));
    // The specification's own warning (on request only) is advice, not an error: warnings() reports it.
    return out.filter((p) => p.severity === 'error');
  },

  warnings(i) {
    const out: Problem[] = [];
    if (i.spec !== undefined) out.push(...specProblems(i.spec, 'spec').filter((p) => p.severity !== 'error'));
    if (i.bandwidthType && i.backendOnAlibabaCloud !== undefined) out.push(...basicBandwidthProblems(i.bandwidthType, i.backendOnAlibabaCloud, 'bandwidthType'));
    return out;
  },

  purchase(i): PurchaseSummary {
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
    await confirmOrThrow(ctx, purchaseStep.purchase!(i));
    const billing = i.chargeType === 'PREPAY' ? { pricingCycle: i.pricingCycle, duration: i.duration, autoRenew: i.autoRenew } : {};
    const progress = (what: string) => ({ signal: ctx.signal, onProgress: (p: Parameters<NonNullable<typeof ctx.onProgress>>[1]) => ctx.onProgress?.(what, p) });

    ctx.onProgress?.(`Creating instance ${i.name}…`);
    const acc = await ctx.ga.createAccelerator(
      { name: i.name, spec: i.spec, instanceChargeType: i.chargeType, autoPay: i.autoPay, bandwidthBillingType: 'BandwidthPackage', ...billing },
      progress(`Waiting for instance ${i.name}`),
    );
    ctx.onProgress?.('Creating the bandwidth plan…');
    const plan = await ctx.ga.createBandwidthPackage(
      {
        type: 'Basic',
        bandwidthType: i.bandwidthType,
        bandwidth: i.planBandwidth,
        chargeType: i.chargeType,
        autoPay: i.autoPay,
        ...(i.chargeType === 'PREPAY' ? { pricingCycle: i.pricingCycle, duration: String(i.duration), autoRenew: i.autoRenew } : {}),
      },
      progress('Waiting for the bandwidth plan'),
    );
    ctx.onProgress?.('Binding the plan to the instance…');
    await ctx.ga.bandwidthPackageAddAccelerator(plan.id, acc.id, progress('Binding the plan'));
    return { acceleratorId: acc.id, bandwidthPackageId: plan.id, orderIds: [acc.orderId, plan.orderId].filter((x): x is string => !!x) };
  },
};
