// The data plane's health checks: for every endpoint of an active endpoint group with health checks on, a real
// TCP connect or HTTP(S) GET from this machine, every HealthCheckIntervalSeconds (scaled by the emulator's time
// scale), and a verdict once ThresholdCount checks in a row agree: `normal` after that many successes,
// `abnormal` after that many failures. Verdicts go into the emulator's state, where GetHealthStatus reports them.
// Endpoints the data plane would not forward to are not checked: documentation addresses (ga/health.ts reports
// them `abnormal` under health checks, as a check would find) and non-IP types (`normal`); loopback/private ones
// are checked only with --allow-loopback-endpoints.
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { connect } from 'node:net';
import type { RunningEmulator } from '../api';
import type { EmulatorState } from '../state';
import { checkEndpoint } from '../../model';
import { applyEndpointHealth, isHealthChecked } from '../ga';
import { endpointPortFor } from '../ga/ports';
import { own } from '../ownKeys';

/**
 * Interval when a group sets none. The API documents 1-50 s but no default; 3 matches ThresholdCount's default,
 * so a verdict comes about 9 s (at time scale 1) after the group is active.
 */
export const DEFAULT_INTERVAL_SECONDS = 3;
/** Never faster than this, whatever the time scale: a check is a real connection. */
const MIN_INTERVAL_MS = 10;
/** How long one check may take; loopback answers (or refuses) at once, a silent address times out. */
const MIN_TIMEOUT_MS = 250;
const MAX_TIMEOUT_MS = 5000;

export type HealthCheckProtocol = 'tcp' | 'http' | 'https';

export interface HealthCheckTarget {
  /** Same key across state changes = the same check with the same settings. */
  key: string;
  endpointGroupId: string;
  endpointId: string;
  address: string;
  port: number;
  protocol: HealthCheckProtocol;
  /** HTTP(S): the Host header and path. */
  host?: string;
  path: string;
  intervalMs: number;
  timeoutMs: number;
  threshold: number;
}

export interface HealthCheckOptions {
  allowLoopbackEndpoints: boolean;
  /** The emulator's time scale (1 = real intervals). */
  timeScale: number;
}

/** The checks the state asks for. Pure. */
export function desiredHealthChecks(state: EmulatorState, options: HealthCheckOptions): HealthCheckTarget[] {
  const out: HealthCheckTarget[] = [];
  const { endpointGroups, listeners } = state.ga;
  for (const g of Object.values(endpointGroups)) {
    const listener = own(listeners, g.ListenerId);
    if (g.State !== 'active' || !g.HealthCheckEnabled || !listener) continue;
    const web = listener.Protocol === 'HTTP' || listener.Protocol === 'HTTPS';
    const protocol = normalizeProtocol(g.HealthCheckProtocol) ?? (web ? 'http' : 'tcp');
    const port = g.HealthCheckPort ?? endpointPortFor(listener, g.PortOverrides);
    const intervalMs = Math.max(MIN_INTERVAL_MS, (g.HealthCheckIntervalSeconds ?? DEFAULT_INTERVAL_SECONDS) * 1000 * options.timeScale);
    for (const e of g.EndpointConfigurations) {
      if (!isHealthChecked(g, e)) continue;
      if (checkEndpoint({ type: 'Ip', endpoint: e.Endpoint, weight: 1 }, { allowNonPublic: options.allowLoopbackEndpoints })) continue;
      const target = {
        endpointGroupId: g.EndpointGroupId,
        endpointId: e.EndpointId,
        address: e.Endpoint,
        port,
        protocol,
        ...(g.HealthCheckHost ? { host: g.HealthCheckHost } : {}),
        path: g.HealthCheckPath || '/',
        intervalMs,
        timeoutMs: Math.min(MAX_TIMEOUT_MS, Math.max(MIN_TIMEOUT_MS, intervalMs)),
        threshold: g.ThresholdCount,
      };
      out.push({ key: JSON.stringify(target), ...target });
    }
  }
  return out;
}

function normalizeProtocol(value: string | undefined): HealthCheckProtocol | undefined {
  const p = value?.toLowerCase();
  return p === 'tcp' || p === 'http' || p === 'https' ? p : undefined;
}

/** One check: resolves with why it failed, or undefined when the endpoint answered; aborting ends it at once. */
export function checkOnce(t: HealthCheckTarget, signal: AbortSignal): Promise<string | undefined> {
  return new Promise((resolve) => {
    let cancel: () => void = () => undefined;
    const onAbort = () => cancel();
    const finish = (failure: string | undefined) => {
      signal.removeEventListener('abort', onAbort);
      resolve(failure);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    cancel = t.protocol === 'tcp' ? tcpCheck(t, finish) : httpCheck(t, finish);
    if (signal.aborted) cancel();
  });
}

function tcpCheck(t: HealthCheckTarget, done: (failure: string | undefined) => void): () => void {
  let settled = false;
  const settle = (failure: string | undefined) => {
    if (!settled) done(failure);
    settled = true;
  };
  const socket = connect({ host: t.address, port: t.port, family: 4 });
  socket.setTimeout(t.timeoutMs, () => socket.destroy(Object.assign(new Error(`no answer within ${t.timeoutMs} ms`), { code: 'ETIMEDOUT' })));
  socket.once('connect', () => {
    settle(undefined);
    // A polite close (FIN, whatever the backend sent is read), so a check leaves no error on the backend.
    socket.setTimeout(t.timeoutMs, () => socket.destroy());
    socket.resume();
    socket.end();
  });
  socket.on('error', (e: NodeJS.ErrnoException) => settle(`TCP ${t.address}:${t.port}: ${e.code ?? e.message}`));
  socket.once('close', () => settle(`TCP ${t.address}:${t.port}: closed`));
  return () => {
    settle('cancelled');
    socket.destroy();
  };
}

function httpCheck(t: HealthCheckTarget, done: (failure: string | undefined) => void): () => void {
  let settled = false;
  const settle = (failure: string | undefined) => {
    if (!settled) done(failure);
    settled = true;
  };
  const send = t.protocol === 'https' ? httpsRequest : httpRequest;
  const what = `${t.protocol.toUpperCase()} GET ${t.address}:${t.port}${t.path}`;
  const req = send({
    host: t.address,
    port: t.port,
    family: 4,
    method: 'GET',
    path: t.path,
    headers: { host: t.host ?? t.address, 'user-agent': 'ga-emulator-health-check', connection: 'close' },
    timeout: t.timeoutMs,
    agent: false,
    ...(t.protocol === 'https' ? { rejectUnauthorized: false, ...(t.host ? { servername: t.host } : {}) } : {}),
  });
  req.once('timeout', () => req.destroy(Object.assign(new Error(`no answer within ${t.timeoutMs} ms`), { code: 'ETIMEDOUT' })));
  req.once('response', (res: IncomingMessage) => {
    res.resume();
    res.on('error', () => undefined);
    const status = res.statusCode ?? 0;
    // Like a load balancer's check: 2xx and 3xx are healthy.
    settle(status >= 200 && status < 400 ? undefined : `${what}: HTTP ${status}`);
  });
  req.on('error', (e: NodeJS.ErrnoException) => settle(`${what}: ${e.code ?? e.message}`));
  req.end();
  return () => {
    settle('cancelled');
    req.destroy();
  };
}

interface Running {
  target: HealthCheckTarget;
  abort: AbortController;
  timer?: NodeJS.Timeout;
  /** Checks in a row that succeeded (positive) or failed (negative). */
  streak: number;
  verdict?: 'normal' | 'abnormal';
}

export interface RunningHealthChecks {
  /** The checks running now, for tests and the log. */
  targets(): HealthCheckTarget[];
  stop(): void;
}

type Emulator = Pick<RunningEmulator, 'getState' | 'onChange' | 'update' | 'timeScale'>;

/** Follows the state (every onChange) and keeps one check loop per health-checked endpoint. */
export function startHealthChecks(emulator: Emulator, options: { allowLoopbackEndpoints: boolean; log?: (line: string) => void }): RunningHealthChecks {
  const log = options.log ?? (() => undefined);
  const running = new Map<string, Running>();
  let stopped = false;

  const report = (r: Running, verdict: 'normal' | 'abnormal', why: string | undefined) => {
    if (r.verdict === verdict) return;
    r.verdict = verdict;
    const t = r.target;
    log(`health: endpoint ${t.address}:${t.port} of ${t.endpointGroupId} is ${verdict} (${why ?? `${t.protocol} check answered`}; ${t.threshold} checks in a row)`);
    emulator.update((state) => {
      applyEndpointHealth(state.ga, [{ endpointGroupId: t.endpointGroupId, endpointId: t.endpointId, health: verdict }]);
    });
  };

  const loop = async (r: Running) => {
    if (stopped || r.abort.signal.aborted) return;
    const failure = await checkOnce(r.target, r.abort.signal);
    if (stopped || r.abort.signal.aborted) return;
    r.streak = failure === undefined ? Math.max(1, r.streak + 1) : Math.min(-1, r.streak - 1);
    if (r.streak >= r.target.threshold) report(r, 'normal', undefined);
    else if (-r.streak >= r.target.threshold) report(r, 'abnormal', failure);
    r.timer = setTimeout(() => void loop(r), r.target.intervalMs);
    r.timer.unref();
  };

  const halt = (r: Running) => {
    r.abort.abort();
    if (r.timer) clearTimeout(r.timer);
  };

  const reconcile = (state: EmulatorState) => {
    if (stopped) return;
    const wanted = new Map(desiredHealthChecks(state, { allowLoopbackEndpoints: options.allowLoopbackEndpoints, timeScale: emulator.timeScale }).map((t) => [t.key, t]));
    for (const [key, r] of running) {
      if (wanted.has(key)) continue;
      halt(r);
      running.delete(key);
    }
    for (const [key, target] of wanted) {
      if (running.has(key)) continue;
      // The state may already hold a verdict (the checks restarted): the next agreeing streak confirms it.
      const r: Running = { target, abort: new AbortController(), streak: 0 };
      running.set(key, r);
      void loop(r);
    }
  };

  const unsubscribe = emulator.onChange(reconcile);
  reconcile(emulator.getState());
  return {
    targets: () => [...running.values()].map((r) => r.target),
    stop: () => {
      stopped = true;
      unsubscribe();
      for (const r of running.values()) halt(r);
      running.clear();
    },
  };
}
