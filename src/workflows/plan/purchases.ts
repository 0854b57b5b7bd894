// What a plan buys, on what terms, in the words the purchase modal and `ga-ipv6 apply` show before anything is
// ordered. Subscriptions are flagged: GA does not delete them through its API, they stay until they expire.
import { specName, type AcceleratorConfig, type BandwidthPlanConfig, type TermConfig } from '../../model';
import type { PurchaseSummary } from '../step';

export const SUBSCRIPTION_NOTE = 'A subscription cannot be deleted through the API: it is billed for its whole term and stays until it expires (or is unsubscribed in the console).';

export function termText(billing: AcceleratorConfig['billing'], term: TermConfig | undefined): string {
  if (billing === 'payAsYouGo') return 'pay-as-you-go';
  if (!term) return 'subscription';
  const unit = term.cycle === 'Year' ? 'year' : 'month';
  return `subscription, ${term.duration} ${unit}${term.duration === 1 ? '' : 's'}${term.autoRenew ? ', renewed automatically' : ''}`;
}

function payment(autoPay: boolean): string {
  return autoPay ? 'The order is paid at once from the account balance.' : 'The order waits for payment in the Alibaba Cloud console.';
}

export function acceleratorPurchase(d: AcceleratorConfig, autoPay: boolean): PurchaseSummary {
  const subscription = d.billing === 'subscription';
  const billedBy = d.bandwidthPlan ? 'bandwidth from its basic bandwidth plan' : 'billed by data transfer (CDT)';
  return {
    title: `GA instance ${d.name}${d.spec ? ` (${specName(d.spec)})` : ''}`,
    lines: [`Instance: ${d.spec ? specName(d.spec) : 'no specification'}, ${termText(d.billing, d.term)}, ${billedBy}`, payment(autoPay), ...(subscription ? [SUBSCRIPTION_NOTE] : [])],
    subscription,
  };
}

export function bandwidthPlanPurchase(d: AcceleratorConfig, plan: BandwidthPlanConfig, autoPay: boolean): PurchaseSummary {
  const subscription = d.billing === 'subscription';
  return {
    title: `Basic bandwidth plan for ${d.name}: ${plan.bandwidthType}, ${plan.bandwidth} Mbit/s`,
    lines: [`Basic bandwidth plan: ${plan.bandwidthType}, ${plan.bandwidth} Mbit/s, ${termText(d.billing, d.term)}`, payment(autoPay), ...(subscription ? [SUBSCRIPTION_NOTE] : [])],
    subscription,
  };
}

export function specChangePurchase(d: AcceleratorConfig, fromSpec: string | undefined, toSpec: string, chargeType: string | undefined, autoPay: boolean): PurchaseSummary {
  const subscription = chargeType !== 'POSTPAY';
  return {
    title: `Change GA instance ${d.name} from ${specName(fromSpec)} to ${specName(toSpec)}`,
    lines: [`Specification: ${specName(fromSpec)} → ${specName(toSpec)} (an upgrade or downgrade order on the instance)`, payment(autoPay)],
    subscription,
  };
}
