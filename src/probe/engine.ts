// Runs a probe: per target, DNS (when there is a name), then every IPv6 address × port, N attempts each,
// with at most `concurrency` attempts in flight. The report is filled in place and handed to onUpdate.
import { isIP } from 'node:net';
import { runAttempt } from './attempt';
import { dnsServersFor, lookupName } from './dnsLookup';
import { CancelledError, createLimiter, pause } from './scheduling';
import { endpointStats } from './stats';
import { hostHeader, ipv6AddressProblem, planTarget, TargetPlan } from './targets';
import { dnsVerdict, endpointVerdict, PENDING, targetVerdict, worst } from './verdict';
import type { EndpointReport, ProbeOptions, ProbeReport, TargetInput, TargetReport, Verdict } from './types';

const DEFAULTS = {
  attempts: 3,
  intervalMs: 1000,
  connectTimeoutMs: 5000,
  requestTimeoutMs: 10000,
  dnsTimeoutMs: 3000,
  concurrency: 16,
  maxBodyBytes: 1024 * 1024,
};

type Settings = typeof DEFAULTS & Pick<ProbeOptions, 'dnsServer' | 'signal' | 'insecureTls' | 'connectVia'>;

/** Rejects at once (before any traffic) when an option is unusable, e.g. a DNS server that is not an address. */
export async function runProbe(targets: readonly TargetInput[], options: ProbeOptions = {}): Promise<ProbeReport> {
  const settings: Settings = { ...DEFAULTS, ...definedOnly(options) };
  checkSettings(settings);
  // A given server must be usable before any traffic; the system's list is only read for the label here.
  const dnsLabel = settings.dnsServer !== undefined ? dnsServersFor(settings.dnsServer).label : systemDnsLabel();
  const report: ProbeReport = {
    version: 1,
    startedAt: new Date().toISOString(),
    state: 'running',
    settings: {
      attempts: settings.attempts,
      intervalMs: settings.intervalMs,
      connectTimeoutMs: settings.connectTimeoutMs,
      requestTimeoutMs: settings.requestTimeoutMs,
      concurrency: settings.concurrency,
      dnsServer: dnsLabel,
    },
    targets: [],
    verdict: PENDING,
  };
  const update = () => options.onUpdate?.(report);
  const limit = createLimiter(settings.concurrency);
  const defaults = { scheme: options.scheme ?? 'http', path: options.path ?? '/', expect: options.expect } as const;
  const plans = targets.map((t) => planTarget(t, defaults));
  report.targets = plans.map(initialReport);
  update();

  await Promise.all(plans.map((plan, i) => probeTarget(plan, report.targets[i], settings, limit, update)));

  const cancelled = settings.signal?.aborted === true;
  report.state = cancelled ? 'cancelled' : 'done';
  report.finishedAt = new Date().toISOString();
  report.verdict = overallVerdict(report, cancelled);
  update();
  return report;
}

function initialReport(plan: TargetPlan): TargetReport {
  return {
    label: plan.label,
    kind: plan.kind,
    scheme: plan.scheme,
    path: plan.path,
    ...(plan.hostName !== undefined ? { hostName: plan.hostName } : {}),
    expected: { addresses: plan.expected.addresses, ...(plan.expected.dnsName !== undefined ? { dnsName: plan.expected.dnsName } : {}) },
    endpoints: [],
    ...(plan.backendHealth ? { backendHealth: plan.backendHealth } : {}),
    verdict: plan.error ? { status: 'fail', code: 'invalid-target', reason: plan.error } : PENDING,
  };
}

async function probeTarget(
  plan: TargetPlan,
  target: TargetReport,
  settings: Settings,
  limit: ReturnType<typeof createLimiter>,
  update: () => void,
): Promise<void> {
  if (plan.error) return;
  let dns: Verdict | undefined;
  try {
    let addresses = plan.addresses;
    if (plan.hostName) {
      target.dns = await limit(() =>
        lookupName(plan.hostName as string, { dnsServer: settings.dnsServer, timeoutMs: settings.dnsTimeoutMs, signal: settings.signal }),
      );
      dns = dnsVerdict(target.dns, plan.expected);
      // Like a client, use what the name resolves to; an IPv4-mapped answer would only test IPv4.
      if (addresses.length === 0) addresses = [...new Set(target.dns.aaaa.map((r) => r.address))].filter((a) => !ipv6AddressProblem(a));
      target.verdict = dns;
      update();
    }
    target.endpoints = addresses.flatMap((address) => plan.ports.map((port) => newEndpoint(address, port, 6)));
    if (plan.origin) target.origin = newEndpoint(plan.origin.address, plan.origin.port, 4);
    update();
    const all = [...target.endpoints, ...(target.origin ? [target.origin] : [])];
    await Promise.all(all.map((e) => probeEndpoint(plan, e, settings, limit, update)));
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
  }
  target.verdict = targetVerdict(target, dns);
  if (target.verdict.status === 'pending' && settings.signal?.aborted) {
    target.verdict = { status: 'cancelled', code: 'cancelled', reason: `The probe of ${target.label} was cancelled.` };
  }
  update();
}

function newEndpoint(address: string, port: number, family: 4 | 6): EndpointReport {
  return { address, port, family, attempts: [], stats: endpointStats([]), verdict: PENDING };
}

async function probeEndpoint(
  plan: TargetPlan,
  endpoint: EndpointReport,
  settings: Settings,
  limit: ReturnType<typeof createLimiter>,
  update: () => void,
): Promise<void> {
  const via = settings.connectVia?.(endpoint.address);
  if (via !== undefined && via !== endpoint.address) endpoint.via = via;
  const spec = {
    address: endpoint.via ?? endpoint.address,
    port: endpoint.port,
    family: endpoint.family,
    scheme: plan.scheme,
    path: plan.path,
    hostHeader: hostHeader(plan, endpoint.address, endpoint.port),
    serverName: plan.hostName && isIP(plan.hostName) === 0 ? plan.hostName : undefined,
    insecureTls: settings.insecureTls === true,
    connectTimeoutMs: settings.connectTimeoutMs,
    requestTimeoutMs: settings.requestTimeoutMs,
    maxBodyBytes: settings.maxBodyBytes,
    signal: settings.signal,
  };
  try {
    for (let seq = 1; seq <= settings.attempts; seq++) {
      if (seq > 1) await pause(settings.intervalMs, settings.signal);
      const result = await limit(() => runAttempt(spec, seq));
      endpoint.attempts.push(result);
      endpoint.stats = endpointStats(endpoint.attempts);
      endpoint.verdict = endpointVerdict(endpoint);
      update();
      if (result.failure?.code === 'cancelled') break;
    }
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
  }
  if (endpoint.attempts.length < settings.attempts && endpoint.verdict.status !== 'fail') {
    endpoint.verdict = {
      status: 'cancelled',
      code: 'cancelled',
      reason: `Cancelled after ${endpoint.stats.sent} of ${settings.attempts} attempts.`,
    };
  }
  update();
}

function overallVerdict(report: ProbeReport, cancelled: boolean): Verdict {
  const v = worst(report.targets.map((t) => t.verdict));
  if (!v) return { status: 'fail', code: 'invalid-target', reason: 'Nothing to probe: give at least one target.' };
  if (cancelled && v.status !== 'fail') return { status: 'cancelled', code: 'cancelled', reason: 'The probe was cancelled before it finished.' };
  const failing = report.targets.filter((t) => t.verdict.status === 'fail').length;
  if (v.status === 'fail' && report.targets.length > 1) return { ...v, reason: `${failing} of ${report.targets.length} targets failed. First: ${v.reason}` };
  return v;
}

function checkSettings(s: Settings): void {
  const whole = (name: string, value: number, min: number, max: number) => {
    if (!Number.isInteger(value) || value < min || value > max) throw new Error(`Probe option ${name} must be a whole number from ${min} to ${max} (got ${value}).`);
  };
  whole('attempts', s.attempts, 1, 1000);
  whole('intervalMs', s.intervalMs, 0, 3_600_000);
  whole('connectTimeoutMs', s.connectTimeoutMs, 1, 600_000);
  whole('requestTimeoutMs', s.requestTimeoutMs, 1, 600_000);
  whole('dnsTimeoutMs', s.dnsTimeoutMs, 1, 600_000);
  whole('concurrency', s.concurrency, 1, 1000);
  whole('maxBodyBytes', s.maxBodyBytes, 1, 1024 ** 3);
}

function systemDnsLabel(): string {
  try {
    return dnsServersFor(undefined).label;
  } catch (e) {
    return `system (${(e as Error).message})`;
  }
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
