// STUB (to be replaced by the DNS responder implementation): answers A/AAAA/CNAME queries on loopback
// from the emulator's Alidns zones and accelerators' DnsName.
import type { RunningEmulator } from '../api';

export interface DnsResponderOptions {
  /** UDP and TCP port on 127.0.0.1 (0 = any free port). */
  port: number;
  log?: (line: string) => void;
}

export interface RunningDnsResponder {
  port: number;
  stop(): Promise<void>;
}

export async function startDnsResponder(_emulator: RunningEmulator, options: DnsResponderOptions): Promise<RunningDnsResponder> {
  return { port: options.port, stop: async () => undefined };
}
