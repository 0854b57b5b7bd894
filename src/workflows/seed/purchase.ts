// Seed step 1: buy a GA instance and a basic bandwidth plan, and bind the plan to the instance.
import {
  BANDWIDTH_TYPES,
  bandwidthTypeWarning,
  checkName,
  checkPlanBandwidth,
  checkSpec,
  checkSubscriptionTerm,
  specName,
  type ChargeType,
  type PricingCycle,
} from '../../model';
import { assertValid, confirmOrThrow, problems, type PurchaseSummary, type WorkflowStep } from '../step';

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
    return problems({
      name: i.name === undefined ? 'Instance name is required.' : checkName('accelerator', i.name),
      spec: i.spec === undefined ? 'Choose a specification, e.g. Small I.' : checkSpec(i.spec),
      term: i.chargeType === 'PREPAY' || i.chargeType === undefined ? checkSubscriptionTerm(i.pricingCycle, i.duration) : undefined,
      bandwidthType: i.bandwidthType && !(BANDWIDTH_TYPES as readonly string[]).includes(i.bandwidthType) ? `Bandwidth type must be one of ${BANDWIDTH_TYPES.join(', ')}.` : undefined,
      planBandwidth: i.planBandwidth === undefined ? 'Enter the peak bandwidth of the plan in Mbit/s.' : checkPlanBandwidth(i.planBandwidth),
    });
  },

  warnings(i) {
    return problems({ bandwidthType: i.bandwidthType && i.backendOnAlibabaCloud !== undefined ? bandwidthTypeWarning(i.bandwidthType, i.backendOnAlibabaCloud) : undefined });
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
