// The probe's options in the editor: the gaIpv6.probe.* settings, what a caller of the command passes, and which
// DNS server answers. Pure (settings are read through a getter), so the rules are tested without VS Code. The
// values are checked by the probe engine, before any traffic, with messages that name the option.
import type { ProbeOptions } from '../probe';

export const PROBE_SETTINGS_SECTION = 'gaIpv6.probe';

/** What settings and callers may set; the rest (signal, onUpdate) belongs to the terminal. */
export type ProbeTuning = Pick<ProbeOptions, 'attempts' | 'intervalMs' | 'connectTimeoutMs' | 'requestTimeoutMs' | 'dnsServer' | 'insecureTls'>;

const NUMBER_KEYS = ['attempts', 'intervalMs', 'connectTimeoutMs', 'requestTimeoutMs'] as const;

/** The settings; a key left unset (or set to something that is not a number) falls back to the engine's default. */
export function tuningFromSettings(get: (key: string) => unknown): ProbeTuning {
  const out: ProbeTuning = {};
  for (const key of NUMBER_KEYS) {
    const value = get(key);
    if (typeof value === 'number') out[key] = value;
  }
  const dnsServer = get('dnsServer');
  if (typeof dnsServer === 'string' && dnsServer.trim() !== '') out.dnsServer = dnsServer.trim();
  if (get('insecureTls') === true) out.insecureTls = true;
  return out;
}

/** Only the known keys of what a command caller passed (another extension, a test), with the right types. */
export function tuningFromCaller(value: unknown): ProbeTuning {
  if (typeof value !== 'object' || value === null) return {};
  const v = value as Record<string, unknown>;
  return tuningFromSettings((key) => v[key]);
}

export interface DnsChoice {
  /** The gaIpv6.probe.dnsServer setting. */
  setting?: string;
  /** Set when the target belongs to the local sandbox. */
  sandbox?: {
    /** Its DNS responder, `127.0.0.1:<port>`, when known. */
    dns?: string;
    /** Names to resolve: without the sandbox's DNS they would be asked of the real DNS, and probed for real. */
    names: string[];
  };
}

/** The DNS server to ask: the sandbox's own for sandbox targets, else the setting, else the system's (undefined). */
export function chooseDnsServer(choice: DnsChoice): string | undefined {
  if (choice.sandbox?.dns) return choice.sandbox.dns;
  if (choice.sandbox && choice.sandbox.names.length > 0) {
    throw new Error(
      `The local sandbox's DNS responder is not known, so ${choice.sandbox.names[0]} cannot be resolved as the sandbox would: ` +
        'start the sandbox from the explorer (Global Accelerator: Start Local Sandbox), or set GA_IPV6_SANDBOX_DNS=127.0.0.1:<port> ' +
        "(the emulator's --dns-port) next to GA_IPV6_SANDBOX_ENDPOINT.",
    );
  }
  return choice.setting;
}
