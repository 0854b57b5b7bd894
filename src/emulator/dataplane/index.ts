// The emulator's IPv6 → IPv4 data plane: follows the state (every onChange) and keeps one listening socket
// per active IPv6 ip set address × listener port, forwarding to the endpoints (see routes.ts, forwarder.ts).
// Each ip set is served on its own address, added to the loopback device when this process is root; when
// that is impossible it is served on the fallback address (::1) instead, said in the log and in bindings().
import { isIP } from 'node:net';
import { networkInterfaces } from 'node:os';
import type { RunningEmulator } from '../api';
import type { EmulatorState } from '../state';
import { emptyStats, Forwarder, ForwardingStats } from './forwarder';
import { loopbackAddresses } from './loopbackAddresses';
import { DesiredBinding, desiredBindings, RouteEndpoint } from './routes';
import { startHealthChecks } from './healthChecks';

export interface DataPlaneOptions {
  allowLoopbackEndpoints: boolean;
  log?: (line: string) => void;
  /** Serve each ip set on its own address (default true); false serves all on the fallback address, touching nothing. */
  ownAddresses?: boolean;
  /** Where ip sets are served when their own address cannot be used (default ::1). */
  fallbackAddress?: string;
}

export interface DataPlaneBinding {
  ipSetId: string;
  acceleratorId: string;
  listenerId: string;
  /** The ip set's address, as the API and DNS report it. */
  address: string;
  port: number;
  /** Where it really listens: `address`, or the fallback address. */
  listenAddress: string;
  state: 'listening' | 'failed';
  error?: string;
  endpoints: RouteEndpoint[];
}

export type DataPlaneStats = ForwardingStats;

export interface RunningDataPlane {
  stop(): Promise<void>;
  /** Every served (or failed) address × port. */
  bindings(): DataPlaneBinding[];
  /** Where an ip set address is reachable now (itself or the fallback); undefined when nothing serves it. */
  reachableAddress(address: string): string | undefined;
  /** Connection counters, for tests and the log. */
  stats(): DataPlaneStats;
  /** Resolves once the data plane has caught up with the latest state change. */
  settled(): Promise<void>;
  /** Called after a catch-up that changed the bindings. */
  onChange(listener: (bindings: DataPlaneBinding[]) => void): () => void;
  /**
   * Resolves with the binding once the ip set address × port is served; rejects when it failed to listen or
   * after `timeoutMs` (default 10 s), saying which.
   */
  waitUntilServed(address: string, port: number, timeoutMs?: number): Promise<DataPlaneBinding>;
}

interface Active {
  binding: DataPlaneBinding;
  forwarder?: Forwarder;
}

/**
 * `emulator` is the running emulator, or for tests anything with its state; health checks run when it can
 * take their verdicts (`update`), see healthChecks.ts.
 */
export async function startDataPlane(
  emulator: Pick<RunningEmulator, 'getState' | 'onChange'> & Partial<Pick<RunningEmulator, 'update' | 'timeScale'>>,
  options: DataPlaneOptions,
): Promise<RunningDataPlane> {
  const log = options.log ?? (() => undefined);
  const fallback = options.fallbackAddress ?? '::1';
  if (isIP(fallback) !== 6) throw new Error(`The data plane's fallback address must be an IPv6 address; "${fallback}" is not.`);
  const loopback = loopbackAddresses();
  const stats = emptyStats();
  const active = new Map<string, Active>();
  /** Where each ip set address listens, and whether this data plane put it on the loopback device. */
  const placements = new Map<string, { listenAddress: string; acquired: boolean }>();
  const loggedNotes = new Set<string>();
  /** The last listen failure said per binding, so a retry that fails the same way stays quiet. */
  const reportedFailures = new Map<string, string>();
  const changeListeners = new Set<(b: DataPlaneBinding[]) => void>();
  let fallbackReasonLogged = false;
  let stopped = false;

  const bindings = () => [...active.values()].map((a) => ({ ...a.binding, endpoints: [...a.binding.endpoints] }));

  const place = async (address: string): Promise<string> => {
    const known = placements.get(address);
    if (known) return known.listenAddress;
    let placement = { listenAddress: fallback, acquired: false };
    if (options.ownAddresses !== false) {
      try {
        await loopback.acquire(address);
        placement = { listenAddress: address, acquired: true };
      } catch (e) {
        // Whatever stopped it (not root, no `ip`, an unwritable temp directory), the ip set is still served.
        // Someone (an administrator, a setup script) may have put the address there already.
        if (isLocalAddress(address)) placement = { listenAddress: address, acquired: false };
        else if (!fallbackReasonLogged) {
          log(`dataplane: cannot put ip set addresses on the loopback device (${(e as Error).message}); serving them on [${fallback}] instead. Probe [${fallback}]:<port>, or run the emulator as root.`);
          fallbackReasonLogged = true;
        }
      }
    }
    placements.set(address, placement);
    return placement.listenAddress;
  };

  const unplace = async (address: string) => {
    const p = placements.get(address);
    if (!p || [...active.values()].some((a) => a.binding.address === address)) return;
    placements.delete(address);
    if (p.acquired) await loopback.release(address);
  };

  const open = async (desired: DesiredBinding): Promise<Active> => {
    const listenAddress = await place(desired.address);
    const binding: DataPlaneBinding = {
      ipSetId: desired.ipSetId,
      acceleratorId: desired.route.acceleratorId,
      listenerId: desired.route.listenerId,
      address: desired.address,
      port: desired.port,
      listenAddress,
      state: 'listening',
      endpoints: desired.route.groups.flatMap((g) => g.endpoints),
    };
    const forwarder = new Forwarder(desired.route, stats, log);
    try {
      await forwarder.listen(listenAddress, desired.port);
      const shown = listenAddress === desired.address ? '' : ` on [${listenAddress}]:${desired.port}`;
      log(`dataplane: [${desired.address}]:${desired.port}${shown} → ${binding.endpoints.map((e) => `${e.address}:${e.port} (weight ${e.weight})`).join(', ') || 'no endpoints'}`);
      reportedFailures.delete(desired.key);
      return { binding, forwarder };
    } catch (e) {
      binding.state = 'failed';
      binding.error = listenError(e as NodeJS.ErrnoException, listenAddress, desired.port, listenAddress !== desired.address);
      if (reportedFailures.get(desired.key) !== binding.error) log(`dataplane: ${binding.error}`);
      reportedFailures.set(desired.key, binding.error);
      return { binding };
    }
  };

  const reconcile = async (state: EmulatorState) => {
    const desired = desiredBindings(state, { allowLoopbackEndpoints: options.allowLoopbackEndpoints });
    for (const note of desired.notes) {
      if (!loggedNotes.has(note)) log(`dataplane: ${note}`);
      loggedNotes.add(note);
    }
    const wanted = new Map(desired.bindings.map((b) => [b.key, b]));
    let changed = false;
    for (const [key, a] of active) {
      if (wanted.has(key)) continue;
      active.delete(key);
      reportedFailures.delete(key);
      changed = true;
      await a.forwarder?.close();
      log(`dataplane: stopped [${a.binding.address}]:${a.binding.port}`);
      await unplace(a.binding.address);
    }
    for (const [key, d] of wanted) {
      const current = active.get(key);
      if (current?.binding.state === 'failed') {
        // The port may have been freed since (another emulator stopped): try again on every change.
        const retried = await open(d);
        if (retried.binding.state === 'listening') changed = true;
        active.set(key, retried);
        continue;
      }
      if (current) {
        const endpoints = d.route.groups.flatMap((g) => g.endpoints);
        if (JSON.stringify(endpoints) !== JSON.stringify(current.binding.endpoints)) changed = true;
        current.binding.endpoints = endpoints;
        current.forwarder?.update(d.route);
        continue;
      }
      active.set(key, await open(d));
      changed = true;
    }
    if (changed) for (const l of changeListeners) l(bindings());
  };

  // Changes arrive faster than sockets open: one catch-up runs at a time and always ends on the latest state.
  // Reading the state can itself apply due transitions and announce them (onChange → schedule) synchronously;
  // the catch-up therefore starts only after `running` is set, or that announcement would start a second one
  // that opens every socket again (EADDRINUSE) and leaves the first forwarders running unseen.
  let dirty = false;
  let running: Promise<void> | undefined;
  const schedule = () => {
    dirty = true;
    running ??= (async () => {
      await Promise.resolve();
      while (dirty && !stopped) {
        dirty = false;
        try {
          await reconcile(emulator.getState());
        } catch (e) {
          log(`dataplane: could not apply the latest state: ${(e as Error).message}`);
        }
      }
      running = undefined;
    })();
  };

  const exitHook = () => loopback.releaseAllSync();
  process.once('exit', exitHook);
  const unsubscribe = emulator.onChange(() => schedule());
  schedule();
  await running;
  const { update, timeScale } = emulator;
  const healthChecks = update && timeScale !== undefined ? startHealthChecks({ ...emulator, update, timeScale }, { allowLoopbackEndpoints: options.allowLoopbackEndpoints, log }) : undefined;

  return {
    bindings,
    reachableAddress: (address) => {
      const hit = [...active.values()].find((a) => a.binding.address === address && a.binding.state === 'listening');
      return hit?.binding.listenAddress;
    },
    stats: () => ({ ...stats, forwarded: { ...stats.forwarded } }),
    settled: async () => {
      while (running) await running;
    },
    onChange: (listener) => {
      changeListeners.add(listener);
      return () => changeListeners.delete(listener);
    },
    waitUntilServed: (address, port, timeoutMs = 10_000) =>
      new Promise<DataPlaneBinding>((resolve, reject) => {
        const check = () => {
          const hit = bindings().find((b) => b.address === address && b.port === port);
          if (!hit) return false;
          finish();
          if (hit.state === 'listening') resolve(hit);
          else reject(new Error(`The data plane could not serve [${address}]:${port}: ${hit.error}`));
          return true;
        };
        const timer = setTimeout(() => {
          finish();
          reject(new Error(`[${address}]:${port} was not served within ${timeoutMs} ms: check that its ip set, listener and endpoint group are all active.`));
        }, timeoutMs);
        const finish = () => {
          clearTimeout(timer);
          changeListeners.delete(check);
        };
        if (!check()) changeListeners.add(check);
      }),
    stop: async () => {
      if (stopped) return;
      stopped = true;
      healthChecks?.stop();
      unsubscribe();
      while (running) await running;
      for (const a of active.values()) await a.forwarder?.close();
      active.clear();
      for (const address of [...placements.keys()]) await unplace(address);
      process.off('exit', exitHook);
    },
  };
}

function isLocalAddress(address: string): boolean {
  return Object.values(networkInterfaces()).some((list) => list?.some((i) => i.family === 'IPv6' && i.address === address));
}

function listenError(e: NodeJS.ErrnoException, host: string, port: number, isFallback: boolean): string {
  const at = `[${host}]:${port}`;
  switch (e.code) {
    case 'EACCES':
      return `cannot listen on ${at}: ports below 1024 need root; use a listener port of 1024 or more, or run the emulator as root.`;
    case 'EADDRINUSE':
      return isFallback
        ? `cannot listen on ${at}: the port is taken (ip sets share the fallback address ${host}, so two of them cannot use the same listener port without root).`
        : `cannot listen on ${at}: another program (or emulator) already uses it.`;
    case 'EADDRNOTAVAIL':
      return `cannot listen on ${at}: the address is not on this machine.`;
    default:
      return `cannot listen on ${at}: ${e.message}`;
  }
}
