// What the account may buy (ga-api.md §2.6, §2.32): pay-as-you-go bandwidth plans and PayBY95 billing are
// whitelist-only, and pay-as-you-go instances need GA activated for pay-as-you-go. An ordinary account (the
// default) has no whitelist feature and an activated service; --account-features / --account-service, the
// admin API and fixtures change that. DescribeAcceleratorServiceStatus and OpenAcceleratorService live here.
import type { ActionHandler } from '../api';
import type { AccountFeature, GaAccount, GaState, ServiceStatus } from '../state';
import { invalidParameter } from './errors';
import { newOrderId } from './ids';

export const ACCOUNT_FEATURES: readonly AccountFeature[] = ['postpay-bandwidth-plans', 'pay-by-95'];
export const SERVICE_STATUSES: readonly ServiceStatus[] = ['Normal', 'NotOpened'];

/** The account of a state, with defaults for a state file written before accounts existed. */
export function accountOf(ga: GaState): GaAccount {
  ga.account ??= { features: [], serviceStatus: 'Normal' };
  return ga.account;
}

export function hasFeature(ga: GaState, feature: AccountFeature): boolean {
  return accountOf(ga).features.includes(feature);
}

/** Checks a `{features, serviceStatus}` change (CLI, admin API); throws an Error naming the valid values. */
export function parseAccountChange(value: unknown): Partial<GaAccount> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new Error(`An account change is an object such as {"features": ["postpay-bandwidth-plans"], "serviceStatus": "NotOpened"}.`);
  }
  const { features, serviceStatus, ...rest } = value as Record<string, unknown>;
  const unknownKeys = Object.keys(rest);
  if (unknownKeys.length) throw new Error(`Unknown account field(s) ${unknownKeys.join(', ')}; the account has features and serviceStatus.`);
  const out: Partial<GaAccount> = {};
  if (features !== undefined) {
    if (!Array.isArray(features) || !features.every((f): f is AccountFeature => typeof f === 'string' && (ACCOUNT_FEATURES as readonly string[]).includes(f))) {
      throw new Error(`features must be a list of ${ACCOUNT_FEATURES.join(', ')} (an empty list is an ordinary account); got ${JSON.stringify(features)}.`);
    }
    out.features = [...new Set(features)];
  }
  if (serviceStatus !== undefined) {
    if (typeof serviceStatus !== 'string' || !(SERVICE_STATUSES as readonly string[]).includes(serviceStatus)) {
      throw new Error(`serviceStatus must be ${SERVICE_STATUSES.join(' or ')}; got ${JSON.stringify(serviceStatus)}.`);
    }
    out.serviceStatus = serviceStatus as ServiceStatus;
  }
  return out;
}

/** Applies the fields a change names; returns the account as it is now. */
export function applyAccountChange(ga: GaState, change: Partial<GaAccount>): GaAccount {
  const account = accountOf(ga);
  if (change.features) account.features = [...change.features];
  if (change.serviceStatus) account.serviceStatus = change.serviceStatus;
  return account;
}

/** Refuses a whitelist-only purchase on an account without the feature, naming the way to buy instead. */
export function requireFeature(ga: GaState, feature: AccountFeature, what: string, instead: string): void {
  if (hasFeature(ga, feature)) return;
  throw invalidParameter(`${what} is offered to allow-listed accounts only, and this account is not allow-listed for it. ${instead}`);
}

/** A pay-as-you-go instance needs the service activated (ga-api.md §2.32). */
export function requireServiceOpened(ga: GaState): void {
  const status = accountOf(ga).serviceStatus;
  if (status === 'Normal') return;
  throw invalidParameter(
    `Pay-as-you-go (POSTPAY) instances need Global Accelerator activated for pay-as-you-go, and this account's service status is ${status}. ` +
      'Activate it (OpenAcceleratorService, or the activation page in the console), then retry; subscription (PREPAY) instances do not need it.',
  );
}

const OK = { Code: '200', Message: 'success', Success: 'true' };

export const describeAcceleratorServiceStatus: ActionHandler = (_params, _ctx, state) => ({ Status: accountOf(state.ga).serviceStatus, ...OK });

/** Activation places an order; an account that is already activated gets no new one (the API says nothing on it). */
export const openAcceleratorService: ActionHandler = (_params, _ctx, state) => {
  const account = accountOf(state.ga);
  if (account.serviceStatus === 'Normal') return { ...OK, Message: 'Global Accelerator is already activated for pay-as-you-go.' };
  account.serviceStatus = 'Normal';
  return { OrderId: Number(newOrderId(state.ga)), ...OK };
};
