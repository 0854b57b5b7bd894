// One line per API attempt: product, action, redacted parameters, duration, RequestId and outcome. The VS Code
// side passes an OutputChannel's appendLine as the sink; tests pass an array's push.
import { redactParams, redactText } from './redact';

export type LogOutcome = 'ok' | 'error' | 'retry';

export interface CloudLogEntry {
  product: string;
  action: string;
  /** Request parameters; the logger redacts them, callers need not. */
  params?: unknown;
  durationMs: number;
  requestId?: string;
  outcome: LogOutcome;
  /** Error code for 'error' and 'retry'. */
  code?: string;
  /** 1-based number of the retry about to happen ('retry'). */
  retry?: number;
  /** Backoff before that retry. */
  delayMs?: number;
  profileName?: string;
}

export interface CloudLogger {
  log(entry: CloudLogEntry): void;
  /** Free-form lines (waits, skipped writes); redacted too. */
  info(message: string): void;
}

export type LogSink = (line: string) => void;

export interface LoggerOptions {
  now?: () => Date;
  /** Values to mask wherever they appear (the current profile's secret and token). */
  secrets?: () => readonly (string | undefined)[];
}

export function formatLogEntry(entry: CloudLogEntry, secrets: readonly (string | undefined)[] = []): string {
  const outcome =
    entry.outcome === 'ok'
      ? 'ok'
      : entry.outcome === 'retry'
        ? `${entry.code ?? 'error'} → retry ${entry.retry ?? '?'}${entry.delayMs !== undefined ? ` in ${entry.delayMs} ms` : ''}`
        : `error ${entry.code ?? ''}`.trim();
  const parts = [
    `${entry.product.toUpperCase()} ${entry.action}`,
    `${Math.round(entry.durationMs)} ms`,
    outcome,
    entry.requestId ? `RequestId=${entry.requestId}` : undefined,
    entry.profileName ? `profile=${JSON.stringify(entry.profileName)}` : undefined,
    entry.params !== undefined ? JSON.stringify(redactParams(entry.params, secrets)) : undefined,
  ];
  return redactText(parts.filter((p) => p !== undefined).join(' '), secrets);
}

export function createCloudLogger(sink: LogSink, options: LoggerOptions = {}): CloudLogger {
  const now = options.now ?? (() => new Date());
  const secrets = () => options.secrets?.() ?? [];
  return {
    log: (entry) => sink(`[${now().toISOString()}] ${formatLogEntry(entry, secrets())}`),
    info: (message) => sink(`[${now().toISOString()}] ${redactText(message, secrets())}`),
  };
}

export const silentLogger: CloudLogger = { log: () => undefined, info: () => undefined };
