// Activating Global Accelerator for pay-as-you-go (ga-api.md §2.32). An account whose service status is
// NotOpened cannot buy pay-as-you-go instances; activation places an order, so it is asked for first, like any
// purchase, and checked before it is repeated. UI (the explorer's "Activate Global Accelerator", the purchase
// step's error) → here → GaService.
import type { GaService } from '../cloud';
import { confirmOrThrow, type PurchaseSummary, type StepContext } from './step';

type ServiceReader = Pick<GaService, 'describeAcceleratorServiceStatus'>;

/** The account's pay-as-you-go status: Normal, NotOpened, Expired or Released. */
export async function serviceStatusOf(ga: ServiceReader, signal?: AbortSignal): Promise<string> {
  return (await ga.describeAcceleratorServiceStatus({ signal })).status ?? 'Normal';
}

/** Why pay-as-you-go cannot be bought, in words a person can act on; undefined when it can. */
export function serviceStatusProblem(status: string): string | undefined {
  switch (status) {
    case 'Normal':
      return undefined;
    case 'NotOpened':
      return 'Global Accelerator is not activated for pay-as-you-go on this account, so pay-as-you-go instances cannot be bought yet. Activate it (Activate Global Accelerator), or buy a subscription instance, which needs no activation.';
    case 'Expired':
    case 'Released':
      return `Pay-as-you-go Global Accelerator is ${status.toLowerCase()} on this account because of an overdue payment: settle the account in the Alibaba Cloud console, or buy a subscription instance.`;
    default:
      return `Pay-as-you-go Global Accelerator reports the status "${status}" on this account; check it in the Alibaba Cloud console.`;
  }
}

/** Raised instead of ordering anything when the account may not buy pay-as-you-go instances. */
export class ServiceNotOpenedError extends Error {
  constructor(readonly status: string) {
    super(serviceStatusProblem(status) ?? `Unexpected service status ${status}.`);
  }
}

export const ACTIVATION_SUMMARY: PurchaseSummary = {
  title: 'Activate Global Accelerator for pay-as-you-go',
  lines: [
    'Calls OpenAcceleratorService: the account can then buy pay-as-you-go GA instances.',
    'Activation itself is free; pay-as-you-go instances bought later are billed by use.',
    'Subscription instances do not need it.',
  ],
  subscription: false,
};

export interface ActivationResult {
  /** The service was already activated: nothing was ordered. */
  alreadyActive: boolean;
  orderId?: number;
}

/** Activates pay-as-you-go GA after asking; does nothing (and asks nothing) when it is already active. */
export async function activateService(ctx: Pick<StepContext, 'ga' | 'signal' | 'confirmPurchase' | 'onProgress'>): Promise<ActivationResult> {
  if ((await serviceStatusOf(ctx.ga, ctx.signal)) === 'Normal') return { alreadyActive: true };
  await confirmOrThrow(ctx, ACTIVATION_SUMMARY);
  ctx.onProgress?.('Activating Global Accelerator for pay-as-you-go…');
  const { orderId } = await ctx.ga.openAcceleratorService({ signal: ctx.signal });
  const status = await serviceStatusOf(ctx.ga, ctx.signal);
  if (status !== 'Normal') throw new Error(`OpenAcceleratorService was accepted${orderId !== undefined ? ` (order ${orderId})` : ''}, but the service status is still ${status}; check the order in the Alibaba Cloud console.`);
  return { alreadyActive: false, orderId };
}
