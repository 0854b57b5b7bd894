// Assembles a running emulator from product modules and fixtures: one HTTP server on 127.0.0.1 with the API
// gateway and the admin API, the state engine, the transition timer and the optional state file.
// server.ts wires in the real GA and Alidns modules; tests may wire in others.
import { randomInt } from 'node:crypto';
import { createServer, STATUS_CODES, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { AddressInfo } from 'node:net';
import type { Clock, EmulatorOptions, ProductModule, RunningEmulator, StartOptions } from './api';
import { ADMIN_PREFIX, handleAdminRequest } from './admin';
import { earliestTransition, ScaledClock, TransitionTimer } from './clock';
import { createEmptyState } from './emptyState';
import { Engine, noLog } from './engine';
import { FaultInjector } from './faults';
import { assertAddressBlock, DEFAULT_ADDRESS_BLOCK } from './ga/addresses';
import { handleApiRequest, newRequestId } from './gateway';
import { sendJson } from './httpIo';
import { loadStateFile, removeStaleTemporaries, StateFileWriter } from './persistence';
import { RequestLog } from './requestLog';
import { SignatureVerifier, type AccessKey } from './signature';
import type { EmulatorState, GaAccount } from './state';
import { applyAccountChange } from './ga/account';

/**
 * Adds a named fixture's resources to an empty state. Operations a fixture leaves in flight end on the
 * emulator's clock (so at its time scale); the options carry e.g. the address block to allocate from.
 */
export type Fixture = (state: EmulatorState, clock: Clock, options: EmulatorOptions) => void;

export interface EmulatorWiring {
  modules: readonly ProductModule[];
  fixtures: Readonly<Record<string, Fixture>>;
}

const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function randomText(length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += BASE62[randomInt(BASE62.length)];
  return out;
}

/** A local test key pair in the shape of a real one (`LTAI…` id). */
export function generateAccessKey(): AccessKey {
  return { accessKeyId: `LTAI${randomText(20)}`, accessKeySecret: randomText(30) };
}

export function buildState(
  fixtures: Readonly<Record<string, Fixture>>,
  name: string | undefined,
  clock: Clock,
  options: EmulatorOptions,
  account: Partial<GaAccount> = {},
): EmulatorState {
  const state = createEmptyState();
  if (name !== undefined && name !== 'empty') {
    const fixture = Object.prototype.hasOwnProperty.call(fixtures, name) ? fixtures[name] : undefined;
    if (!fixture) throw new Error(`Unknown fixture "${name}"; known fixtures: ${['empty', ...Object.keys(fixtures).filter((n) => n !== 'empty')].join(', ')}.`);
    fixture(state, clock, options);
  }
  // After the fixture, which may set an account of its own: what the command line says explicitly wins.
  applyAccountChange(state.ga, account);
  return state;
}

function resolveOptions(options: StartOptions): EmulatorOptions {
  const addressBlock = options.addressBlock ?? DEFAULT_ADDRESS_BLOCK;
  assertAddressBlock(addressBlock);
  if (options.demoOrigin && !options.allowLoopbackEndpoints) throw new Error('A demo origin is a loopback endpoint: start the emulator with allowLoopbackEndpoints (--allow-loopback-endpoints).');
  return {
    timeScale: options.timeScale ?? 1,
    strict: options.strict ?? true,
    allowLoopbackEndpoints: options.allowLoopbackEndpoints ?? false,
    addressBlock,
    ...(options.demoOrigin ? { demoOrigin: { ...options.demoOrigin } } : {}),
  };
}

/** Defaults of StartOptions.httpTimeouts. */
export const HEADERS_TIMEOUT_MS = 10_000;
export const REQUEST_TIMEOUT_MS = 30_000;

export async function startEmulatorWith(wiring: EmulatorWiring, options: StartOptions = {}): Promise<RunningEmulator> {
  const emulatorOptions = resolveOptions(options);
  const log = options.log ?? noLog;
  // --quiet silences the chatter (a line per request and per transition), never the problems.
  const chatter = options.quiet ? noLog : log;
  const clock = new ScaledClock(emulatorOptions.timeScale);
  const credentials = options.credentials?.length ? options.credentials.map((c) => ({ ...c })) : [generateAccessKey()];
  if (options.stateFile) removeStaleTemporaries(options.stateFile, log);
  const fromFile = options.stateFile ? loadStateFile(options.stateFile) : undefined;
  if (fromFile && options.account) applyAccountChange(fromFile.ga, options.account);
  const initial = fromFile ?? buildState(wiring.fixtures, options.seed, clock, emulatorOptions, options.account);
  if (fromFile && options.seed && options.seed !== 'empty') log(`state file ${options.stateFile} exists: loaded it and ignored --seed ${options.seed}`);

  const engine = new Engine(wiring.modules, clock, initial, chatter);
  const writer = options.stateFile ? new StateFileWriter(options.stateFile, log) : undefined;
  const timer = new TransitionTimer(clock, () => engine.advance(), () => earliestTransition(engine.peek()));
  // Every change is on disk before the request that made it is answered (the engine calls this synchronously).
  const save = (): void => writer?.write(engine.peek());
  engine.onChange(() => save());
  const afterChange = (): void => timer.reschedule();
  const faults = new FaultInjector();
  const requestLog = new RequestLog();
  const verifier = new SignatureVerifier(credentials);
  const buildNamed = (name?: string): EmulatorState => buildState(wiring.fixtures, name, clock, emulatorOptions, options.account);

  const headersTimeout = options.httpTimeouts?.headersMs ?? HEADERS_TIMEOUT_MS;
  const requestTimeout = Math.max(options.httpTimeouts?.requestMs ?? REQUEST_TIMEOUT_MS, headersTimeout);
  // Node checks the two timeouts on this interval: it bounds how late past them a stalled client is cut.
  const connectionsCheckingInterval = Math.max(50, Math.min(1000, Math.floor(headersTimeout / 2)));
  const server: Server = createServer({ headersTimeout, requestTimeout, connectionsCheckingInterval }, (req, res) => {
    const isAdmin = (req.url ?? '').startsWith(ADMIN_PREFIX);
    const handling = isAdmin
      ? handleAdminRequest(req, res, { engine, faults, requestLog, buildState: buildNamed, afterChange, options: emulatorOptions })
      : handleApiRequest(req, res, { modules: wiring.modules, engine, verifier, faults, requestLog, options: emulatorOptions, log, logRequest: chatter, afterRequest: afterChange });
    // Last line of defence: whatever escapes still gets a JSON answer instead of a crash.
    handling.catch((e: unknown) => {
      log(`unhandled error: ${(e as Error)?.stack ?? e}`);
      sendJson(res, 500, { Code: 'InternalError', Message: 'The emulator failed to process the request; see its log.' });
    });
  });
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => answerClientError(err, socket));
  await listen(server, options.port ?? 0);
  const port = (server.address() as AddressInfo).port;
  if (!fromFile) save();
  timer.reschedule();

  let stopping: Promise<void> | undefined;
  return {
    endpoint: `127.0.0.1:${port}`,
    port,
    credentials: credentials.map((c) => ({ ...c })),
    getState: () => engine.current(),
    onChange: (listener) => engine.onChange(listener),
    update: (change) => {
      engine.run((_params, _ctx, draft) => {
        change(draft);
        return {};
      }, {}, { requestId: 'in-process', accessKeyId: 'in-process', clock, options: emulatorOptions });
      afterChange();
    },
    timeScale: emulatorOptions.timeScale,
    stop: () => {
      stopping ??= (async () => {
        timer.stop();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
      })();
      return stopping;
    },
  };
}

/**
 * A request Node could not take (malformed, headers too large, too slow: 408 after the header or request
 * timeout) still gets an answer in the API's JSON shape before the connection is closed, if nothing was sent yet.
 */
function answerClientError(err: NodeJS.ErrnoException, socket: Duplex): void {
  const response = (socket as Duplex & { _httpMessage?: ServerResponse })._httpMessage;
  if (err.code === 'ECONNRESET' || !socket.writable || response?.headersSent) {
    socket.destroy();
    return;
  }
  const status = err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : err.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
  const message =
    status === 408
      ? 'The request was not received in time: send the headers within the header timeout and the whole request within the request timeout.'
      : status === 431
        ? 'The request headers are too large.'
        : 'The request is not valid HTTP/1.1.';
  const requestId = newRequestId();
  const body = JSON.stringify({ RequestId: requestId, HostId: '127.0.0.1', Code: status === 408 ? 'RequestTimeout' : 'BadRequest', Message: message });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json;charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
      `x-acs-request-id: ${requestId}\r\nConnection: close\r\n\r\n${body}`,
  );
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (e: NodeJS.ErrnoException): void => {
      reject(
        e.code === 'EADDRINUSE'
          ? new Error(`Port ${port} on 127.0.0.1 is already in use; choose another port (or 0 for any free port).`)
          : new Error(`The emulator could not listen on 127.0.0.1:${port}: ${e.message}`),
      );
    };
    server.once('error', onError);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', onError);
      resolve();
    });
  });
}
