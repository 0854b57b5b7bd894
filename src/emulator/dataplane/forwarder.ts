// One listening socket of the data plane (an ip set address × a listener port): each accepted IPv6
// connection goes to an endpoint over IPv4 and bytes are copied both ways until either side closes or the
// listener's idle timeout passes. When no endpoint may take it, or the endpoint cannot be reached, the client
// gets a reset, as GA's TCP listeners do: once the client has seen its connection established (see refuse()).
import { connect, createServer, Server, Socket } from 'node:net';
import { Balancer } from './balancer';
import { localSources } from './localSources';
import { isDocumentationAddress, Route } from './routes';

/** How long the data plane waits for a backend to accept before resetting the client. */
const UPSTREAM_CONNECT_TIMEOUT_MS = 10_000;
/** A refused client that sends nothing (a protocol where the server speaks first) is reset after this long. */
const SILENT_CLIENT_RESET_MS = 1_000;

export interface ForwardingStats {
  accepted: number;
  /** Connections handed to each endpoint, keyed `address:port`. */
  forwarded: Record<string, number>;
  /** Forwarded connections whose endpoint refused, timed out or failed. */
  upstreamFailures: number;
  /** Connections reset because no endpoint could take traffic (none, or all weight 0). */
  noEndpoint: number;
  /** Connections refused because they came from another host (localSources.ts). */
  refusedSources: number;
}

export function emptyStats(): ForwardingStats {
  return { accepted: 0, forwarded: {}, upstreamFailures: 0, noEndpoint: 0, refusedSources: 0 };
}

export class Forwarder {
  private readonly balancer: Balancer;
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();
  private route: Route;

  constructor(
    route: Route,
    private readonly stats: ForwardingStats,
    private readonly log: (line: string) => void,
  ) {
    this.route = route;
    this.balancer = new Balancer(route);
    this.server = createServer({ allowHalfOpen: true, noDelay: true }, (client) => this.accept(client));
  }

  listen(host: string, port: number): Promise<void> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen({ host, port, ipv6Only: true }, () => {
        this.server.off('error', reject);
        resolve();
      });
    });
  }

  update(route: Route): void {
    if (JSON.stringify(route) === JSON.stringify(this.route)) return;
    this.route = route;
    this.balancer.update(route);
  }

  /** Stops listening and cuts open connections: when a listener goes away, so do its flows. */
  close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private track(socket: Socket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
  }

  private accept(client: Socket): void {
    if (!localSources.accepts(client.remoteAddress)) {
      this.stats.refusedSources++;
      // Bounded: a host on the link must not be able to flood the log.
      if (this.stats.refusedSources <= 100 || this.stats.refusedSources % 1000 === 0) {
        this.log(`dataplane: connection from ${client.remoteAddress} to [${client.localAddress}]:${client.localPort} refused (${this.stats.refusedSources} so far): the data plane serves this machine only`);
      }
      client.resetAndDestroy();
      return;
    }
    this.stats.accepted++;
    this.track(client);
    client.on('error', () => undefined);
    const where = `[${client.localAddress}]:${client.localPort}`;
    const pick = this.balancer.pick(client.remoteAddress ?? '');
    if (!pick) {
      this.stats.noEndpoint++;
      this.log(`dataplane: ${where} has no endpoint with a weight above 0; connection from ${client.remoteAddress} reset`);
      refuse(client);
      return;
    }
    const target = `${pick.endpoint.address}:${pick.endpoint.port}`;
    this.stats.forwarded[target] = (this.stats.forwarded[target] ?? 0) + 1;
    if (isDocumentationAddress(pick.endpoint.address)) {
      this.stats.upstreamFailures++;
      this.log(
        `dataplane: ${where} → ${target}: a documentation address (RFC 5737) that nothing answers at; connection reset. Point the endpoint at a server you run (e.g. 127.0.0.1 with --allow-loopback-endpoints).`,
      );
      refuse(client);
      return;
    }
    const upstream = connect({ host: pick.endpoint.address, port: pick.endpoint.port, family: 4, allowHalfOpen: true, noDelay: true });
    this.track(upstream);
    let connected = false;
    upstream.setTimeout(UPSTREAM_CONNECT_TIMEOUT_MS, () => upstream.destroy(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' })));
    upstream.once('connect', () => {
      connected = true;
      const idleMs = this.route.idleTimeoutSeconds * 1000;
      upstream.setTimeout(0);
      client.setTimeout(idleMs, () => {
        client.destroy();
        upstream.destroy();
      });
      client.pipe(upstream);
      upstream.pipe(client);
    });
    upstream.on('error', (e: NodeJS.ErrnoException) => {
      if (!connected) {
        this.stats.upstreamFailures++;
        this.log(`dataplane: ${where} → ${target} failed (${e.code ?? e.message}); connection from ${client.remoteAddress} reset`);
        refuse(client);
      }
    });
    // Either side going away ends the pair; half-closes travel through the pipes first.
    upstream.on('close', () => {
      if (connected) client.destroySoon();
      else if (!client.destroyed) refuse(client);
    });
    client.on('close', () => upstream.destroy());
  }
}

/**
 * Resets a client the data plane cannot serve, but only once the client has seen its connection established:
 * after its first bytes (a request: it only sends once connected), when it closes, or after a short while. A
 * reset sent right at accept reaches a client still finishing its connect() on loopback often enough that curl
 * reads it as "couldn't connect" (exit 7) instead of GA's "connection reset" (exit 56), depending on timing.
 */
function refuse(client: Socket): void {
  if (client.destroyed || client.listenerCount('data') > 0) return;
  const reset = () => {
    clearTimeout(timer);
    if (!client.destroyed) client.resetAndDestroy();
  };
  const timer = setTimeout(reset, SILENT_CLIENT_RESET_MS);
  client.once('data', reset);
  client.once('end', reset);
  client.once('close', () => clearTimeout(timer));
}
