// ClientToken idempotency (ga-api.md §6.1): a repeated token from the same caller replays the first successful
// answer of that action and changes nothing. Failed calls are not remembered, so a retry after an error runs again.
import { ApiError, type ActionHandler } from '../api';
import type { GaState } from '../state';
import { optBool, optString } from './params';
import { own, setOwn } from '../ownKeys';

/** How long a token is remembered; the service documents none, a day covers any client's retry window. */
export const CLIENT_TOKEN_TTL_MS = 24 * 60 * 60 * 1000;

export function withClientToken(action: string, handler: ActionHandler): ActionHandler {
  return (params, ctx, state) => {
    const token = optString(params, 'ClientToken');
    // A dry run creates nothing, so there is nothing to replay later.
    if (!token || optBool(params, 'DryRun') === true) return handler(params, ctx, state);
    const key = `${ctx.accessKeyId}:${token}`;
    const first = own(state.ga.clientTokens, key);
    if (first) {
      if (first.action !== action) {
        throw new ApiError(
          'IdempotentParameterMismatch',
          `ClientToken "${token}" was already used for ${first.action}; use a new token for each ${action} request.`,
        );
      }
      return structuredClone(first.body);
    }
    const body = handler(params, ctx, state);
    setOwn(state.ga.clientTokens, key, { action, body: structuredClone(body), at: ctx.clock.now() });
    return body;
  };
}

/** Forgets tokens older than CLIENT_TOKEN_TTL_MS; returns whether any was dropped. */
export function pruneClientTokens(ga: GaState, now: number): boolean {
  let changed = false;
  for (const [key, answer] of Object.entries(ga.clientTokens)) {
    if (now - answer.at > CLIENT_TOKEN_TTL_MS) {
      delete ga.clientTokens[key];
      changed = true;
    }
  }
  return changed;
}
