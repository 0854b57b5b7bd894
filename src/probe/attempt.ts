// One attempt against one address × port: TCP connect over exactly the asked family, then (https) TLS, then
// (http/https) one GET. Every phase is timed; a failure says which phase broke and why.
import { ClientRequest } from 'node:http';
import { connect as netConnect, isIP, Socket } from 'node:net';
import { connect as tlsConnect, TLSSocket } from 'node:tls';
import type { AttemptResult, FailureCode, Scheme } from './types';

export const USER_AGENT = 'ga-ipv6-probe/1';
const PREVIEW_BYTES = 256;

export interface AttemptSpec {
  address: string;
  port: number;
  /** The family the connection must use; the address must be a literal of that family. */
  family: 4 | 6;
  scheme: Scheme;
  path: string;
  hostHeader: string;
  /** TLS server name (SNI and certificate check); only for names, never for addresses. */
  serverName?: string;
  insecureTls: boolean;
  connectTimeoutMs: number;
  requestTimeoutMs: number;
  maxBodyBytes: number;
  signal?: AbortSignal;
}

type Phase = NonNullable<AttemptResult['failure']>['phase'];

class AttemptFailure extends Error {
  constructor(
    readonly phase: Phase,
    readonly code: FailureCode,
    message: string,
  ) {
    super(message);
  }
}

export async function runAttempt(spec: AttemptSpec, seq: number): Promise<AttemptResult> {
  const result: AttemptResult = { seq, ok: false };
  const started = performance.now();
  let phase: Phase = 'connect';
  let socket: Socket | undefined;
  let stream: Socket | undefined;
  // The first reason an attempt was cut short wins over the secondary errors that cutting it causes.
  let killedBy: AttemptResult['failure'];
  const kill = (failure: NonNullable<AttemptResult['failure']>) => {
    killedBy ??= { phase: failure.phase, code: failure.code, message: failure.message };
    stream?.destroy();
    socket?.destroy();
  };
  const onAbort = () => kill(new AttemptFailure(phase, 'cancelled', 'The probe was cancelled.'));
  let timer: NodeJS.Timeout | undefined;
  const arm = (ms: number, what: string) => {
    clearTimeout(timer);
    timer = setTimeout(() => kill(new AttemptFailure(phase, 'timeout', `No ${what} from ${where(spec)} within ${ms} ms.`)), ms);
  };
  try {
    if (spec.signal?.aborted) throw new AttemptFailure('connect', 'cancelled', 'The probe was cancelled.');
    spec.signal?.addEventListener('abort', onAbort, { once: true });
    if (isIP(spec.address) !== spec.family) {
      throw new AttemptFailure('connect', 'unreachable', `${spec.address} is not an IPv${spec.family} address; refusing to connect over another family.`);
    }
    arm(spec.connectTimeoutMs, 'TCP connection');
    socket = netConnect({ host: spec.address, port: spec.port, family: spec.family, noDelay: true });
    // Errors of the raw socket after the connect (e.g. under TLS) would otherwise go unheard until the timeout.
    socket.on('error', (e) => kill(toFailure(e, phase, spec)));
    await once(socket, 'connect');
    result.connectMs = performance.now() - started;
    result.remote = { address: socket.remoteAddress ?? '', family: socket.remoteFamily ?? '', port: socket.remotePort ?? 0 };
    if (result.remote.family !== `IPv${spec.family}`) {
      throw new AttemptFailure('connect', 'unreachable', `The connection to ${where(spec)} went over ${result.remote.family}, not IPv${spec.family}.`);
    }
    if (spec.scheme === 'tcp') {
      result.ok = true;
      return result;
    }
    arm(spec.requestTimeoutMs, 'answer');
    stream = socket;
    if (spec.scheme === 'https') {
      phase = 'tls';
      const tlsStarted = performance.now();
      const secure: TLSSocket = tlsConnect({
        socket,
        servername: spec.serverName,
        rejectUnauthorized: !spec.insecureTls,
        ALPNProtocols: ['http/1.1'],
      });
      stream = secure;
      await once(secure, 'secureConnect');
      result.tlsMs = performance.now() - tlsStarted;
    }
    phase = 'http';
    await exchange(stream, spec, result);
    result.ok = true;
    return result;
  } catch (e) {
    result.failure = killedBy ?? toFailure(e, phase, spec);
    return result;
  } finally {
    clearTimeout(timer);
    spec.signal?.removeEventListener('abort', onAbort);
    stream?.destroy();
    socket?.destroy();
    result.totalMs = performance.now() - started;
  }
}

function exchange(stream: Socket, spec: AttemptSpec, result: AttemptResult): Promise<void> {
  return new Promise((resolve, reject) => {
    // A ClientRequest of our own rather than http.request: VS Code's extension host replaces http.request with a
    // proxy-aware version that always adds an agent, and an agent ignores createConnection, so the request would
    // leave over a new connection to localhost:80 instead of this one.
    const req = new ClientRequest({
      method: 'GET',
      path: spec.path,
      headers: { Host: spec.hostHeader, 'User-Agent': USER_AGENT, Accept: '*/*', Connection: 'close' },
      createConnection: () => stream,
    });
    const sent = performance.now();
    req.on('error', reject);
    req.on('response', (res) => {
      result.ttfbMs = performance.now() - sent;
      result.httpStatus = res.statusCode;
      result.bytes = 0;
      const preview: Buffer[] = [];
      let previewLength = 0;
      res.on('data', (chunk: Buffer) => {
        result.bytes = (result.bytes ?? 0) + chunk.length;
        if (previewLength < PREVIEW_BYTES) {
          preview.push(chunk.subarray(0, PREVIEW_BYTES - previewLength));
          previewLength += Math.min(chunk.length, PREVIEW_BYTES - previewLength);
        }
        // Enough is known about this answer; reading a huge body would only slow the probe down.
        if (result.bytes >= spec.maxBodyBytes) {
          res.destroy();
          done();
        }
      });
      const done = () => {
        result.bodyPreview = Buffer.concat(preview).toString('utf8');
        resolve();
      };
      res.on('end', done);
      res.on('error', reject);
    });
    req.end();
  });
}

function once(emitter: Socket, event: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (e: Error) => {
      emitter.off(event, onEvent);
      reject(e);
    };
    const onEvent = () => {
      emitter.off('error', onError);
      resolve();
    };
    emitter.once(event, onEvent);
    emitter.once('error', onError);
    emitter.once('close', () => reject(Object.assign(new Error('The connection closed.'), { code: 'ECONNRESET' })));
  });
}

function where(spec: Pick<AttemptSpec, 'address' | 'port' | 'family'>): string {
  return spec.family === 6 ? `[${spec.address}]:${spec.port}` : `${spec.address}:${spec.port}`;
}

const NETWORK_CODES: Record<string, FailureCode> = {
  ECONNREFUSED: 'refused',
  ETIMEDOUT: 'timeout',
  ENETUNREACH: 'unreachable',
  EHOSTUNREACH: 'unreachable',
  EADDRNOTAVAIL: 'unreachable',
  EAFNOSUPPORT: 'unreachable',
  ECONNRESET: 'reset',
  EPIPE: 'reset',
  ECONNABORTED: 'reset',
};

function toFailure(e: unknown, phase: Phase, spec: AttemptSpec): NonNullable<AttemptResult['failure']> {
  if (e instanceof AttemptFailure) return { phase: e.phase, code: e.code, message: e.message };
  const err = e as NodeJS.ErrnoException;
  const code = err.code ?? '';
  const network = NETWORK_CODES[code];
  const at = where(spec);
  if (network === 'refused') return { phase, code: network, message: `${at} refused the connection (nothing listens there).` };
  if (network === 'reset') {
    return { phase, code: network, message: `${at} accepted the connection but closed it during ${phase === 'connect' ? 'setup' : phase === 'tls' ? 'the TLS handshake' : 'the request'} (${code}).` };
  }
  if (network) return { phase, code: network, message: `${at}: ${err.message}` };
  if (phase === 'tls') return { phase, code: 'tls-failure', message: `TLS with ${at} failed: ${err.message}${code ? ` (${code})` : ''}.` };
  return { phase, code: 'http-error', message: `The answer from ${at} was not valid HTTP: ${err.message}${code ? ` (${code})` : ''}.` };
}
