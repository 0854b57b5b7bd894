// ClientTokens for an apply run: the same run, step and request give the same token, so GA treats a repeated
// step (a retry after a lost answer, "Retry from this step" in a form) as the same request and creates nothing
// twice. Another run, or the same step with other parameters, gets another token.
import { createHash } from 'node:crypto';
import type { Operation } from '../operations';

/** `ga-ipv6-` + 40 hex characters: ASCII, 48 characters (GA takes up to 64). */
export function clientTokenFor(runId: string, op: Operation): string {
  const digest = createHash('sha256').update(`${runId}\n${op.id}\n${stableJson(op)}`).digest('hex');
  return `ga-ipv6-${digest.slice(0, 40)}`;
}

/** JSON with object keys sorted, so equal operations hash alike whatever order their fields were set in. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
