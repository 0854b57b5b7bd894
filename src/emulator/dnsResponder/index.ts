// A real DNS server on 127.0.0.1 (UDP and TCP on the same port) answering from the emulator's state, read
// afresh for every query: Alidns zones' records and accelerators' DnsName. `dig @127.0.0.1 -p <port> …` works.
import { createSocket, Socket as UdpSocket } from 'node:dgram';
import { createServer, Server, Socket } from 'node:net';
import * as dnsPacket from 'dns-packet';
import type { RunningEmulator } from '../api';
import { buildRecordIndex } from './recordIndex';
import { EDNS_UDP_SIZE, respond } from './resolve';

export interface DnsResponderOptions {
  /** UDP and TCP port on 127.0.0.1 (0 = any free port). */
  port: number;
  log?: (line: string) => void;
}

export interface RunningDnsResponder {
  port: number;
  stop(): Promise<void>;
}

const HOST = '127.0.0.1';
/** Without EDNS a UDP answer must fit 512 bytes (RFC 1035); larger ones are truncated and the client retries over TCP. */
const CLASSIC_UDP_LIMIT = 512;
/** With port 0 the UDP port is picked first; its TCP twin may be taken, so a few other ports are tried. */
const PORT_TRIES = 5;

export async function startDnsResponder(emulator: Pick<RunningEmulator, 'getState'>, options: DnsResponderOptions): Promise<RunningDnsResponder> {
  const log = options.log ?? (() => undefined);
  const answer = (query: dnsPacket.DecodedPacket, transport: string): dnsPacket.Packet => {
    const response = respond(buildRecordIndex(emulator.getState()), query);
    const q = query.questions?.[0];
    const rcode = ((response.flags ?? 0) & 0xf) === 0 ? `${response.answers?.length ?? 0} answer(s)` : rcodeName(response.flags ?? 0);
    log(`dns ${transport}: ${q?.name ?? '?'} ${q?.type ?? '?'} → ${rcode}`);
    return response;
  };

  let lastError: unknown;
  for (let attempt = 0; attempt < (options.port === 0 ? PORT_TRIES : 1); attempt++) {
    const udp = createSocket('udp4');
    try {
      await bindUdp(udp, options.port);
      const port = udp.address().port;
      const tcp = await listenTcp(port, answer);
      udp.on('message', (msg, peer) => {
        const query = decode(msg);
        if (!query) return;
        udp.send(encodeForUdp(answer(query, 'udp'), udpLimit(query)), peer.port, peer.address);
      });
      log(`dns: answering on ${HOST}:${port} (UDP and TCP) from the emulator's zones and accelerators`);
      let stopped: Promise<void> | undefined;
      return { port, stop: () => (stopped ??= stopBoth(udp, tcp)) };
    } catch (e) {
      lastError = e;
      try {
        udp.close();
      } catch {
        // Already closed by the failed bind.
      }
    }
  }
  throw new Error(`The DNS responder could not listen on ${HOST}:${options.port || '(any port)'}: ${(lastError as Error).message}. Choose another --dns-port.`);
}

function rcodeName(flags: number): string {
  return ['NOERROR', 'FORMERR', 'SERVFAIL', 'NXDOMAIN', 'NOTIMP', 'REFUSED'][flags & 0xf] ?? `RCODE ${flags & 0xf}`;
}

function decode(buf: Buffer): dnsPacket.DecodedPacket | undefined {
  try {
    const packet = dnsPacket.decode(buf);
    return packet.type === 'query' ? packet : undefined;
  } catch {
    // Garbage on the port is not a question; a DNS server stays silent.
    return undefined;
  }
}

function udpLimit(query: dnsPacket.DecodedPacket): number {
  const opt = query.additionals?.find((a): a is dnsPacket.OptAnswer => a.type === 'OPT');
  return opt ? Math.min(Math.max(opt.udpPayloadSize, CLASSIC_UDP_LIMIT), EDNS_UDP_SIZE) : CLASSIC_UDP_LIMIT;
}

function encodeForUdp(response: dnsPacket.Packet, limit: number): Buffer {
  const full = dnsPacket.encode(response);
  if (full.length <= limit) return full;
  return dnsPacket.encode({ ...response, flags: (response.flags ?? 0) | dnsPacket.TRUNCATED_RESPONSE, answers: [], authorities: [] });
}

function bindUdp(udp: UdpSocket, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    udp.once('error', reject);
    udp.bind(port, HOST, () => {
      udp.off('error', reject);
      // Later socket errors (ICMP port unreachable towards a vanished client) must not crash the emulator.
      udp.on('error', () => undefined);
      resolve();
    });
  });
}

function listenTcp(port: number, answer: (q: dnsPacket.DecodedPacket, transport: string) => dnsPacket.Packet): Promise<Server & { sockets: Set<Socket> }> {
  const sockets = new Set<Socket>();
  const server = Object.assign(
    createServer((socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => undefined);
      socket.setTimeout(10_000, () => socket.destroy());
      let buffered = Buffer.alloc(0);
      // One connection may carry several length-prefixed queries (RFC 7766).
      socket.on('data', (chunk: Buffer) => {
        buffered = Buffer.concat([buffered, chunk]);
        while (buffered.length >= 2 && buffered.length >= 2 + buffered.readUInt16BE(0)) {
          const size = buffered.readUInt16BE(0);
          const query = decode(buffered.subarray(2, 2 + size));
          buffered = buffered.subarray(2 + size);
          if (!query) return void socket.destroy();
          socket.write(dnsPacket.streamEncode(answer(query, 'tcp')));
        }
      });
    }),
    { sockets },
  );
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, HOST, () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}

async function stopBoth(udp: UdpSocket, tcp: Server & { sockets: Set<Socket> }): Promise<void> {
  for (const s of tcp.sockets) s.destroy();
  await Promise.all([new Promise<void>((r) => tcp.close(() => r())), new Promise<void>((r) => udp.close(() => r()))]);
}
