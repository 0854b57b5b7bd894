// Idempotency for GA mutations (ga-api.md §6.1): one ClientToken per logical operation, the same on every
// retry, so a retried create whose first attempt did reach the service does not create a second resource.
import { randomUUID } from 'node:crypto';
import { GA_ACTION_TRAITS } from './ga/actionTraits';

export const MAX_CLIENT_TOKEN_LENGTH = 64;

/** Whether the action's request has a ClientToken field (from the wire spec). */
export function acceptsClientToken(action: string): boolean {
  return GA_ACTION_TRAITS[action]?.clientToken ?? false;
}

/** A fresh token: `vsc-<Action>-<uuid>`, ASCII, at most 64 characters. */
export function newClientToken(action: string, uuid: () => string = randomUUID): string {
  const id = uuid().replace(/[^A-Za-z0-9-]/g, '');
  const prefix = `vsc-${action.replace(/[^A-Za-z0-9]/g, '')}-`.slice(0, MAX_CLIENT_TOKEN_LENGTH - id.length);
  return (prefix + id).slice(0, MAX_CLIENT_TOKEN_LENGTH);
}

/**
 * The request with a ClientToken when the action takes one. Build it ONCE per logical operation, before the
 * retry loop: the token inside must stay the same on every attempt.
 */
export function withClientToken<R extends object>(action: string, request: R, uuid?: () => string): R & { clientToken?: string } {
  if (!acceptsClientToken(action)) return request;
  const given = (request as { clientToken?: string }).clientToken;
  return { ...request, clientToken: given ?? newClientToken(action, uuid) };
}
