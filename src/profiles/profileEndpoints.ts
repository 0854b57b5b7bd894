// Endpoints that do not come from this folder's own code (VS Code settings, stored state) are untrusted input:
// only the known keys are taken, and the access rules decide (http only towards loopback, host[:port] only, and
// for a real profile only Alibaba Cloud's hosts, loopback, or a host the user trusts in their own settings).
import { checkEndpointSettings, customEndpointHosts } from '../model';
import { withEndpoints } from './profile';
import { SANDBOX_PROFILE_ID } from './sandboxProfile';
import type { Profile, ProfileEndpoints, ProfileList, ProfileProblem } from './types';

export type EndpointRead = { ok: true; endpoints: ProfileEndpoints } | { ok: false; problem: string };

export function readProfileEndpoints(raw: unknown): EndpointRead {
  if (raw === undefined || raw === null) return { ok: true, endpoints: {} };
  if (typeof raw !== 'object' || Array.isArray(raw)) return { ok: false, problem: 'expected an object such as {"ga": "host:port", "dns": "host:port", "protocol": "https"}' };
  const r = raw as Record<string, unknown>;
  const unknownKeys = Object.keys(r).filter((k) => !['ga', 'dns', 'protocol'].includes(k));
  if (unknownKeys.length > 0) return { ok: false, problem: `unknown key ${unknownKeys.map((k) => `"${k}"`).join(', ')}; the keys are "ga", "dns" and "protocol"` };
  for (const k of ['ga', 'dns', 'protocol'] as const) {
    if (r[k] !== undefined && typeof r[k] !== 'string') return { ok: false, problem: `"${k}" must be a string` };
  }
  const endpoints: ProfileEndpoints = {};
  if (r.ga !== undefined) endpoints.ga = r.ga as string;
  if (r.dns !== undefined) endpoints.dns = r.dns as string;
  if (r.protocol !== undefined) endpoints.protocol = r.protocol as ProfileEndpoints['protocol'];
  const problem = checkEndpointSettings(endpoints);
  return problem ? { ok: false, problem } : { ok: true, endpoints };
}

/**
 * Overrides keyed by profile id (e.g. the setting gaIpv6.endpoints: {"aliyun:default": {"ga": "…"}}), laid over
 * each profile's own endpoints. The sandbox is never overridden: its endpoints are the local emulator by design.
 */
export function applyEndpointOverrides(
  profiles: readonly Profile[],
  overrides: Readonly<Record<string, unknown>> | undefined,
  origin: string,
  trustedHosts: readonly string[] = [],
): ProfileList {
  const problems: ProfileProblem[] = [];
  const byId = new Map(profiles.map((p) => [p.id, p]));
  const entries = overrides !== null && typeof overrides === 'object' && !Array.isArray(overrides) ? Object.entries(overrides) : [];
  for (const [id, raw] of entries) {
    const profile = byId.get(id);
    if (id === SANDBOX_PROFILE_ID) {
      problems.push({ file: origin, message: `${origin}: the endpoints of the local sandbox cannot be overridden (they are the emulator on this machine): remove the "${id}" entry.` });
      continue;
    }
    if (!profile) {
      const known = profiles.map((p) => p.id).filter((k) => k !== SANDBOX_PROFILE_ID);
      problems.push({ file: origin, message: `${origin}: there is no profile "${id}" to override${known.length > 0 ? ` (profiles: ${known.join(', ')})` : ''}: fix the id or remove the entry.` });
      continue;
    }
    const read = readProfileEndpoints(raw);
    const merged = read.ok ? { ...profile.endpoints, ...read.endpoints } : {};
    const problem = read.ok ? checkEndpointSettings(merged, trustedHosts) : read.problem;
    if (problem) {
      problems.push({ file: origin, message: `${origin}: the endpoints for "${id}" were not applied: ${problem}` });
      continue;
    }
    byId.set(id, withEndpoints(profile, merged));
  }
  return { profiles: profiles.map((p) => byId.get(p.id) ?? p), problems };
}

/**
 * Real profiles whose endpoints name a host nobody trusted (e.g. a VS Code profile saved before the host rule, or
 * after its host left gaIpv6.trustedEndpointHosts) are left out with a problem saying how to fix it: their
 * signed requests must not go there. The sandbox is always on loopback and is not checked here.
 */
export function holdToTrustedHosts(profiles: readonly Profile[], trustedHosts: readonly string[]): ProfileList {
  const problems: ProfileProblem[] = [];
  const kept = profiles.filter((p) => {
    if (p.id === SANDBOX_PROFILE_ID) return true;
    const problem = checkEndpointSettings(p.endpoints, trustedHosts);
    if (problem) problems.push({ file: p.origin, message: `Profile "${p.name}" is not offered: ${problem}` });
    return !problem;
  });
  return { profiles: kept, problems };
}

/** "profile → host" for every real profile that talks to a host other than Alibaba Cloud's or loopback (a trusted one). */
export function customHostUses(profiles: readonly Profile[]): { profile: Profile; host: string }[] {
  return profiles.filter((p) => p.id !== SANDBOX_PROFILE_ID).flatMap((profile) => customEndpointHosts(profile.endpoints).map((host) => ({ profile, host })));
}
