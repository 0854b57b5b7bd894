// Figures over an endpoint's attempts.
import type { AttemptResult, EndpointStats, Summary } from './types';

/** Nearest-rank percentile of sorted values (p in 0..100): always one of the measured values. */
function percentile(sorted: readonly number[], p: number): number {
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function summarize(values: readonly number[]): Summary | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { count: sorted.length, min: sorted[0], median, p95: percentile(sorted, 95), max: sorted[sorted.length - 1] };
}

/** Cancelled attempts were never really sent, so they count neither as sent nor as lost. */
export function endpointStats(attempts: readonly AttemptResult[]): EndpointStats {
  const sent = attempts.filter((a) => a.failure?.code !== 'cancelled');
  const answered = sent.filter((a) => a.ok);
  const pick = (f: (a: AttemptResult) => number | undefined) =>
    summarize(sent.map(f).filter((v): v is number => v !== undefined));
  return {
    sent: sent.length,
    answered: answered.length,
    loss: sent.length === 0 ? 0 : (sent.length - answered.length) / sent.length,
    connectMs: pick((a) => a.connectMs),
    ttfbMs: pick((a) => a.ttfbMs),
    totalMs: pick((a) => a.totalMs),
  };
}
