// One GaService + DnsService per profile, made on first use (creating them loads nothing: the SDK is required
// when the first request is signed).
import { createCloudServices, type CloudLogger, type CloudServices, type PollSchedule } from '../cloud';
import type { Profile } from '../profiles/types';

/** The sandbox runs at real-life speed but on this machine: poll it more often than the cloud. */
export const SANDBOX_POLL_SCHEDULE: PollSchedule = { firstDelayMs: 200, intervalsMs: [250, 500, 1000], maxIntervalMs: 1000 };

interface Entry {
  profile: Profile;
  services: CloudServices;
}

export class CloudRegistry {
  private readonly entries = new Map<string, Entry>();
  /** Secrets of replaced services stay masked: calls they started may still be logging. */
  private readonly retiredSecrets = new Set<string>();

  constructor(private readonly logger: CloudLogger) {}

  servicesFor(profile: Profile): CloudServices {
    // Reloading profiles makes new Profile objects (new endpoints, a re-entered secret): new services then.
    const existing = this.entries.get(profile.id);
    if (existing?.profile === profile) return existing.services;
    for (const s of existing?.services.connection.knownSecrets() ?? []) this.retiredSecrets.add(s);
    const sandbox = profile.source === 'sandbox';
    const services = createCloudServices(profile, {
      logger: this.logger,
      // The sandbox serves loopback backends (its data plane); real accounts must use public addresses.
      allowNonPublicEndpoints: sandbox,
      pollSchedule: sandbox ? SANDBOX_POLL_SCHEDULE : undefined,
    });
    this.entries.set(profile.id, { profile, services });
    return services;
  }

  /** Every secret any connection has read, for masking logs. */
  knownSecrets(): string[] {
    return [...this.retiredSecrets, ...[...this.entries.values()].flatMap((e) => e.services.connection.knownSecrets())];
  }
}
