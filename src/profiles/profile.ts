// One way to build a Profile, so every source gets the same guarantee: JSON and toString show only the
// descriptive fields, and the secret exists only in what credentials() resolves at call time.
import type { AccessKeyCredentials, Profile, ProfileSource } from './types';

export const SOURCE_LABELS: Record<ProfileSource, string> = {
  'aliyun-cli': 'aliyun CLI',
  'credentials-file': 'credentials file',
  env: 'environment variables',
  vscode: 'VS Code',
  sandbox: 'local sandbox',
};

export type ProfileSummary = Omit<Profile, 'credentials'>;

/** Thrown by Profile.credentials() when the secret cannot be had any more; the message says what to do. */
export class CredentialsUnavailableError extends Error {
  override readonly name = 'CredentialsUnavailableError';
  constructor(
    readonly profileId: string,
    message: string,
  ) {
    super(message);
  }
}

export function createProfile(summary: ProfileSummary, credentials: () => Promise<AccessKeyCredentials>): Profile {
  const fields: ProfileSummary = Object.freeze({
    id: summary.id,
    name: summary.name,
    source: summary.source,
    origin: summary.origin,
    ...(summary.accessKeyId !== undefined ? { accessKeyId: summary.accessKeyId } : {}),
    endpoints: Object.freeze({ ...summary.endpoints }),
    ...(summary.current ? { current: true } : {}),
  });
  const profile = {
    ...fields,
    credentials,
    toJSON: () => fields,
    toString: () => `${fields.name} (${SOURCE_LABELS[fields.source]})`,
  };
  return Object.freeze(profile);
}

/** The same profile talking to other endpoints (overrides from settings). */
export function withEndpoints(profile: Profile, endpoints: ProfileSummary['endpoints']): Profile {
  return createProfile({ ...summarize(profile), endpoints }, () => profile.credentials());
}

function summarize(p: Profile): ProfileSummary {
  return { id: p.id, name: p.name, source: p.source, origin: p.origin, accessKeyId: p.accessKeyId, endpoints: p.endpoints, current: p.current };
}
