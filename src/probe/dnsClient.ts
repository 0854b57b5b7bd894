// One DNS question to one server, with dns-packet over UDP, retried over TCP when the answer is truncated.
// node:dns hides TTLs of CNAME steps and the chain itself; the raw answer section shows both.
import { createSocket } from 'node:dgram';
import { connect, isIP } from 'node:net';
import { randomInt } from 'node:crypto';
import * as dnsPacket from 'dns-packet';
import { CancelledError } from './scheduling';
import { formatHostPort, splitHostPort } from './addresses';

export interface DnsServer {
  host: string;
  port: number;
}

export type DnsAnswer = dnsPacket.DecodedPacket & { rcode?: string };

/** `127.0.0.1:5353`, `[::1]:53`, `::1`, `192.0.2.53`. The server must be an address: nothing resolves it. */
export function parseDnsServer(value: string): DnsServer {
  const parts = splitHostPort(value);
  if (!parts || isIP(parts.host) === 0) {
    throw new Error(`DNS server "${value}" must be an IP address with an optional port, like 127.0.0.1:5353 or [::1]:53.`);
  }
  const port = parts.port ?? 53;
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`DNS server port ${port} is out of range (1 to 65535).`);
  return { host: parts.host, port };
}

export function formatDnsServer(server: DnsServer): string {
  return formatHostPort(server.host, server.port);
}

export interface QueryOptions {
  timeoutMs: number;
  signal?: AbortSignal;
}

export async function queryDns(server: DnsServer, name: string, type: dnsPacket.RecordType, options: QueryOptions): Promise<DnsAnswer> {
  const query: dnsPacket.Packet = {
    type: 'query',
    id: randomInt(0, 0x10000),
    flags: dnsPacket.RECURSION_DESIRED,
    questions: [{ type, name, class: 'IN' }],
  };
  const udp = await exchange(server, query, 'udp', options);
  return udp.flag_tc ? exchange(server, query, 'tcp', options) : udp;
}

function exchange(server: DnsServer, query: dnsPacket.Packet, transport: 'udp' | 'tcp', options: QueryOptions): Promise<DnsAnswer> {
  const where = `${formatDnsServer(server)} (${transport.toUpperCase()})`;
  return new Promise<DnsAnswer>((resolve, reject) => {
    if (options.signal?.aborted) return reject(new CancelledError());
    let close = () => undefined as void;
    const timer = setTimeout(() => finish(new Error(`The DNS server ${where} did not answer within ${options.timeoutMs} ms.`)), options.timeoutMs);
    const onAbort = () => finish(new CancelledError());
    options.signal?.addEventListener('abort', onAbort, { once: true });
    let done = false;
    function finish(error: Error | undefined, answer?: DnsAnswer) {
      if (done) return;
      done = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      close();
      if (error) reject(error);
      else resolve(answer as DnsAnswer);
    }
    const accept = (buf: Buffer, decode: (b: Buffer) => dnsPacket.Packet) => {
      let packet: DnsAnswer;
      try {
        packet = decode(buf) as DnsAnswer;
      } catch (e) {
        return finish(new Error(`The DNS server ${where} sent an answer that could not be decoded: ${(e as Error).message}.`));
      }
      // A stray datagram (an old answer) is not ours; keep waiting for the real one.
      if (packet.id === query.id) finish(undefined, packet);
    };
    const failed = (e: Error) => finish(new Error(`Could not ask the DNS server ${where}: ${e.message}.`));

    if (transport === 'udp') {
      const socket = createSocket(isIP(server.host) === 6 ? 'udp6' : 'udp4');
      close = () => socket.close();
      socket.on('error', failed);
      socket.on('message', (msg) => accept(msg, dnsPacket.decode));
      socket.send(dnsPacket.encode(query), server.port, server.host);
      return;
    }
    const socket = connect({ host: server.host, port: server.port });
    close = () => void socket.destroy();
    let buffered = Buffer.alloc(0);
    socket.on('error', failed);
    socket.on('connect', () => socket.write(dnsPacket.streamEncode(query)));
    socket.on('data', (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      if (buffered.length >= 2 && buffered.length >= 2 + buffered.readUInt16BE(0)) accept(buffered, dnsPacket.streamDecode);
    });
    socket.on('end', () => finish(new Error(`The DNS server ${where} closed the connection without an answer.`)));
  });
}
