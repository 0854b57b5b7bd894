// The sandbox's IPv4 origin: the small web service the demo walk-through's endpoint points at, so that a probe or
// a `curl -6` through the emulated accelerator reaches something real. It answers every GET/HEAD with a short
// plain-text page saying which IPv4 service answered and from which client address the connection came (the
// data plane's IPv4 side). It listens on a loopback address only; when its port is taken (another sandbox) or
// needs root, it takes a free port and says so: the fixtures then map the listener port onto it.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { isIP, type AddressInfo } from 'node:net';

export interface OriginOptions {
  /** A loopback IPv4 address, e.g. 127.0.0.1. */
  host: string;
  /** The port to try first (80 in the sandbox, as in the seed); 0 = any free port. */
  port: number;
  log?: (line: string) => void;
}

export interface OriginRequest {
  client: string;
  method: string;
  host: string;
  path: string;
  status: number;
}

export interface RunningOrigin {
  /** Where it really listens. */
  address: string;
  port: number;
  /** Why it is not on the port asked for; undefined when it is. */
  movedBecause?: string;
  /** The requests answered so far (the last 100), for tests and the log. */
  requests(): readonly OriginRequest[];
  stop(): Promise<void>;
}

const KEPT_REQUESTS = 100;
/** What a header value may show on the page: printable ASCII, at most this long. */
const SHOWN_LENGTH = 200;

export class OriginOptionError extends Error {}

/** `127.0.0.1:80` → host and port; throws OriginOptionError saying what is wrong. */
export function parseOrigin(value: string): { host: string; port: number } {
  const match = /^(\d{1,3}(?:\.\d{1,3}){3}):(\d{1,5})$/.exec(value.trim());
  const port = match ? Number(match[2]) : NaN;
  if (!match || isIP(match[1]) !== 4 || !(port >= 0 && port <= 65535)) {
    throw new OriginOptionError(`--origin must be an IPv4 loopback address and a port, e.g. 127.0.0.1:80; got "${value}".`);
  }
  if (!match[1].startsWith('127.')) throw new OriginOptionError(`--origin must be a loopback address (127.x.x.x): the origin is for this machine only; got "${match[1]}".`);
  return { host: match[1], port };
}

export async function startOrigin(options: OriginOptions): Promise<RunningOrigin> {
  const log = options.log ?? (() => undefined);
  const served: OriginRequest[] = [];
  let here = { address: options.host, port: options.port };
  const server = createServer((req, res) => answer(req, res, here, served));
  // A local page answers at once; a client that sends nothing is not waited for long.
  server.headersTimeout = 10_000;
  server.requestTimeout = 10_000;
  server.keepAliveTimeout = 2_000;
  let movedBecause: string | undefined;
  try {
    await listen(server, options.host, options.port);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (options.port === 0 || (code !== 'EADDRINUSE' && code !== 'EACCES')) throw new Error(`The origin could not listen on ${options.host}:${options.port}: ${(e as Error).message}`);
    movedBecause = code === 'EADDRINUSE' ? `port ${options.port} is taken (another sandbox or web server)` : `port ${options.port} needs root`;
    await listen(server, options.host, 0);
  }
  here = { address: options.host, port: (server.address() as AddressInfo).port };
  log(`origin: IPv4 web service on http://${here.address}:${here.port}/${movedBecause ? ` (not :${options.port}: ${movedBecause})` : ''}`);
  return {
    ...here,
    movedBecause,
    requests: () => [...served],
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function answer(req: IncomingMessage, res: ServerResponse, here: { address: string; port: number }, served: OriginRequest[]): void {
  const client = `${req.socket.remoteAddress ?? '?'}:${req.socket.remotePort ?? '?'}`;
  const host = shown(req.headers.host ?? '');
  const path = shown(req.url ?? '/');
  const ok = req.method === 'GET' || req.method === 'HEAD';
  const status = ok ? 200 : 405;
  served.push({ client, method: shown(req.method ?? ''), host, path, status });
  if (served.length > KEPT_REQUESTS) served.shift();
  const body = ok
    ? [
        'Hello over IPv6! This page was answered by the IPv4 origin behind the local sandbox\'s Global Accelerator.',
        '',
        `  IPv4 service:    sandbox origin at http://${here.address}:${here.port}/`,
        `  client address:  ${client} (the accelerator's IPv4 side of your connection)`,
        `  request:         ${req.method} ${path}${host ? ` (Host: ${host})` : ''}`,
        '',
      ].join('\n')
    : `The sandbox origin answers GET and HEAD, not ${shown(req.method ?? '')}.\n`;
  res.writeHead(status, {
    'content-type': 'text/plain; charset=utf-8',
    'cache-control': 'no-store',
    server: 'ga-sandbox-origin',
    ...(ok ? {} : { allow: 'GET, HEAD' }),
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** Request text as the page may show it: printable ASCII only, bounded. */
function shown(text: string): string {
  const clean = text.replace(/[^\x20-\x7e]/g, '?');
  return clean.length > SHOWN_LENGTH ? `${clean.slice(0, SHOWN_LENGTH)}…` : clean;
}

function listen(server: Server, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host, port, exclusive: true }, () => {
      server.off('error', reject);
      resolve();
    });
  });
}
