// Subscription (PREPAY) terms shared by accelerators and bandwidth plans: the term is required and checked with
// the model's rule, and the expiry is the creation time plus the term in calendar months.
import { checkSubscriptionTerm } from '../../model';
import { failIf, invalidParameter, missingParameter } from './errors';

export interface Term {
  cycle: 'Month' | 'Year';
  duration: number;
}

/** The subscription term of a PREPAY order; `what` names the thing bought, for the messages. */
export function requireTerm(cycle: string | undefined, duration: number | undefined, what: string): Term {
  if (cycle === undefined) throw missingParameter('PricingCycle', `for a subscription (PREPAY) ${what}: Month or Year`);
  if (duration === undefined) throw missingParameter('Duration', `for a subscription (PREPAY) ${what}: 1-9 months or 1-3 years`);
  failIf(checkSubscriptionTerm(cycle, duration));
  return { cycle: cycle as Term['cycle'], duration };
}

export function expiryOf(createdAt: number, term: Term): number {
  const d = new Date(createdAt);
  d.setUTCMonth(d.getUTCMonth() + (term.cycle === 'Year' ? 12 : 1) * term.duration);
  return d.getTime();
}

/**
 * Subscription instances are released when their term ends; the API cannot delete them (ga-api.md §2.5, §2.11).
 * No source names the code the service answers, so it is the nearest documented one (docs/error-codes.md).
 */
export function refusePrepayDelete(what: string, id: string, expiredTime: number | undefined): never {
  const ends = expiredTime ? `It is released when its term ends (${new Date(expiredTime).toISOString()}); unsubscribe` : 'Unsubscribe';
  throw invalidParameter(`${what} ${id} is a subscription (PREPAY) instance, which the API cannot delete. ${ends} in the console to release it sooner.`);
}
