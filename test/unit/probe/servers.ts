// Local servers for probe tests: HTTP(S) on IPv6 or IPv4 loopback, a silent TCP server, and a tiny DNS
// server answering from a fixed table. Each returns a close() that also ends open connections.
import { createServer as createHttpServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createNetServer, Socket, AddressInfo } from 'node:net';
import { createSocket } from 'node:dgram';
import * as dnsPacket from 'dns-packet';
import { TEST_CERT, TEST_KEY } from './testCert';

export interface Running {
  port: number;
  close(): Promise<void>;
}

function tracked(server: Server | ReturnType<typeof createNetServer>): () => Promise<void> {
  const sockets = new Set<Socket>();
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  return () =>
    new Promise((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    });
}

async function listen(server: Server | ReturnType<typeof createNetServer>, host: string, port = 0): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return (server.address() as AddressInfo).port;
}

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export async function startHttp(host: string, handler: Handler, tls = false): Promise<Running> {
  const server = tls ? createHttpsServer({ key: TEST_KEY, cert: TEST_CERT }, handler) : createHttpServer(handler);
  const close = tracked(server);
  return { port: await listen(server, host), close };
}

/** Accepts connections and never says a word. `connected` settles with the first connection. */
export async function startSilent(host: string): Promise<Running & { connected: Promise<void> }> {
  let onFirst = () => undefined as void;
  const connected = new Promise<void>((resolve) => (onFirst = resolve));
  const server = createNetServer(() => onFirst());
  const close = tracked(server);
  return { port: await listen(server, host), close, connected };
}

/** A port that was free a moment ago: nothing listens there, so connecting is refused. */
export async function freePort(host: string): Promise<number> {
  const server = createNetServer();
  const port = await listen(server, host);
  await new Promise((r) => server.close(r));
  return port;
}

export type Records = Record<string, dnsPacket.Answer[]>;

export interface FakeDnsOptions {
  /** Follow CNAMEs inside the table like a recursive resolver (default true). */
  chase?: boolean;
  /** Answer UDP with the TC flag and no records, forcing TCP. */
  truncateUdp?: boolean;
  /** Never answer. */
  silent?: boolean;
}

export interface FakeDns extends Running {
  server: string;
  queries: { transport: 'udp' | 'tcp'; name: string; type: string }[];
}

export async function startFakeDns(records: Records, options: FakeDnsOptions = {}): Promise<FakeDns> {
  const queries: FakeDns['queries'] = [];
  const answer = (query: dnsPacket.DecodedPacket, transport: 'udp' | 'tcp'): dnsPacket.Packet | undefined => {
    const q = query.questions?.[0];
    if (!q) return undefined;
    queries.push({ transport, name: q.name, type: q.type });
    if (options.silent) return undefined;
    const base = { type: 'response' as const, id: query.id, questions: query.questions };
    if (transport === 'udp' && options.truncateUdp) return { ...base, flags: dnsPacket.TRUNCATED_RESPONSE, answers: [] };
    const answers: dnsPacket.Answer[] = [];
    let name = q.name.toLowerCase();
    if (!records[name]) return { ...base, flags: 3 /* NXDOMAIN */, answers };
    for (let i = 0; i < 10 && records[name]; i++) {
      const here = records[name];
      const cname = here.find((r) => r.type === 'CNAME') as dnsPacket.StringAnswer | undefined;
      if (cname) {
        answers.push(cname);
        if (options.chase === false) break;
        name = cname.data.toLowerCase();
        continue;
      }
      answers.push(...here.filter((r) => r.type === q.type));
      break;
    }
    return { ...base, flags: dnsPacket.AUTHORITATIVE_ANSWER, answers };
  };

  const udp = createSocket('udp4');
  udp.on('message', (msg, rinfo) => {
    const reply = answer(dnsPacket.decode(msg), 'udp');
    if (reply) udp.send(dnsPacket.encode(reply), rinfo.port, rinfo.address);
  });
  await new Promise<void>((resolve) => udp.bind(0, '127.0.0.1', () => resolve()));
  const port = udp.address().port;
  const tcp = createNetServer((socket) => {
    let buffered = Buffer.alloc(0);
    socket.on('data', (chunk) => {
      buffered = Buffer.concat([buffered, chunk]);
      if (buffered.length < 2 || buffered.length < 2 + buffered.readUInt16BE(0)) return;
      const reply = answer(dnsPacket.streamDecode(buffered) as dnsPacket.DecodedPacket, 'tcp');
      buffered = Buffer.alloc(0);
      if (reply) socket.write(dnsPacket.streamEncode(reply));
    });
    socket.on('error', () => undefined);
  });
  const closeTcp = tracked(tcp);
  await listen(tcp, '127.0.0.1', port);
  return {
    port,
    server: `127.0.0.1:${port}`,
    queries,
    close: async () => {
      await closeTcp();
      await new Promise<void>((resolve) => udp.close(() => resolve()));
    },
  };
}

export function aaaa(name: string, address: string, ttl = 600): dnsPacket.Answer {
  return { type: 'AAAA', name, ttl, data: address };
}

export function a(name: string, address: string, ttl = 600): dnsPacket.Answer {
  return { type: 'A', name, ttl, data: address };
}

export function cname(name: string, target: string, ttl = 600): dnsPacket.Answer {
  return { type: 'CNAME', name, ttl, data: target };
}
