// The emulator's request log (admin API `GET /__emulator/requests`): what each API call was, how it ended and
// with which parameters, never with a signature, token or key.
import { PROTOCOL_PARAMS } from './wireValidation';

export interface RequestLogEntry {
  /** Epoch ms when the request arrived. */
  at: number;
  product: 'ga' | 'alidns' | 'unknown';
  action: string;
  /** HTTP status answered; 0 when the connection was dropped on purpose (fault `reset`). */
  status: number;
  code?: string;
  requestId: string;
  durationMs: number;
  /** Business parameters, un-flattened when possible; protocol and secret-looking ones removed. */
  params: Record<string, unknown>;
}

/** Keeps the newest entries only: the sandbox runs for hours. */
const CAPACITY = 2000;
const SECRET_LOOKING = /secret|securitytoken|bearertoken|signature|password|authorization|apikey/i;

/** Removes protocol parameters (AccessKeyId, Signature, SecurityToken, …) and, at any depth, secret-looking ones. */
export function redactParams(params: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(params)) {
    if (PROTOCOL_PARAMS.includes(key)) continue;
    Object.defineProperty(out, key, { value: redactValue(key, value), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

function redactValue(key: string, value: unknown): unknown {
  if (SECRET_LOOKING.test(key)) return '[redacted]';
  if (Array.isArray(value)) return value.map((v) => redactValue('', v));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) Object.defineProperty(out, k, { value: redactValue(k, v), enumerable: true, writable: true, configurable: true });
    return out;
  }
  return value;
}

export class RequestLog {
  private entries: RequestLogEntry[] = [];

  add(entry: RequestLogEntry): void {
    this.entries.push(entry);
    if (this.entries.length > CAPACITY) this.entries.splice(0, this.entries.length - CAPACITY);
  }

  list(): RequestLogEntry[] {
    return [...this.entries];
  }

  clear(): void {
    this.entries = [];
  }
}
