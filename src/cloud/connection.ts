// GA and Alidns clients for one profile. The SDK is loaded, and the profile's secret read, only when the first
// request is signed; credentials are asked for on every request so rotated or refreshed STS tokens are used.
import type { AccessKeyCredentials, CloudProfile } from './cloudProfile';
import type GaClient from './ga/client';
import type AlidnsClient from '@alicloud/alidns20150109';
import { CloudError } from './errors';
import { redactText } from './redact';
import { loadSdk } from './sdk';

export const DEFAULT_GA_ENDPOINT = 'ga.cn-hangzhou.aliyuncs.com';
export const DEFAULT_DNS_ENDPOINT = 'alidns.aliyuncs.com';
/** GA is a global service managed from cn-hangzhou: every RegionId it takes is this. */
export const GA_REGION_ID = 'cn-hangzhou';

export interface ConnectionOptions {
  /** Per request; GA and Alidns answer in well under a second when healthy. */
  readTimeoutMs?: number;
  connectTimeoutMs?: number;
}

export const DEFAULT_READ_TIMEOUT_MS = 20_000;
export const DEFAULT_CONNECT_TIMEOUT_MS = 5_000;

export interface CloudConnection {
  readonly profileId: string;
  readonly profileName: string;
  /** From the profile, or from its credentials once they have been read. Not a secret. */
  readonly accessKeyId: string | undefined;
  readonly gaEndpoint: string;
  readonly dnsEndpoint: string;
  readonly protocol: 'https' | 'http';
  /** The generated GA client (created on first use). */
  readonly ga: GaClient;
  /**
   * The longest one attempt may take (connect + read timeout). The HTTP stack does not always enforce its read
   * timeout on reused keep-alive sockets, so the caller enforces this too.
   */
  readonly attemptTimeoutMs: number;
  /** The official Alidns client (created on first use). */
  readonly dns: AlidnsClient;
  /** Secret values seen so far, so logs and messages can mask them. Never display these. */
  knownSecrets(): readonly string[];
}

export function connect(profile: CloudProfile, options: ConnectionOptions = {}): CloudConnection {
  const protocol = profile.endpoints.protocol ?? 'https';
  const gaEndpoint = profile.endpoints.ga || DEFAULT_GA_ENDPOINT;
  const dnsEndpoint = profile.endpoints.dns || DEFAULT_DNS_ENDPOINT;
  const readTimeout = options.readTimeoutMs ?? DEFAULT_READ_TIMEOUT_MS;
  const connectTimeout = options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
  const secrets = new Set<string>();
  let accessKeyId = profile.accessKeyId;
  let ga: GaClient | undefined;
  let dns: AlidnsClient | undefined;

  const provider = {
    getProviderName: () => 'profile',
    getCredentials: async () => {
      let c: AccessKeyCredentials;
      try {
        c = await profile.credentials();
      } catch (e) {
        throw credentialsUnavailable(profile, e, [...secrets]);
      }
      secrets.add(c.accessKeySecret);
      if (c.securityToken) secrets.add(c.securityToken);
      accessKeyId = c.accessKeyId;
      return { accessKeyId: c.accessKeyId, accessKeySecret: c.accessKeySecret, securityToken: c.securityToken ?? '', providerName: 'profile' };
    },
  };

  const config = (endpoint: string) => {
    const sdk = loadSdk();
    return new sdk.$OpenApiUtil.Config({
      credential: new sdk.Credential(null, provider),
      endpoint,
      protocol,
      regionId: GA_REGION_ID,
      readTimeout,
      connectTimeout,
    });
  };

  return {
    profileId: profile.id,
    profileName: profile.name,
    get accessKeyId() {
      return accessKeyId;
    },
    gaEndpoint,
    dnsEndpoint,
    protocol,
    attemptTimeoutMs: readTimeout + connectTimeout,
    get ga() {
      return (ga ??= new (loadSdk().GaClient)(config(gaEndpoint)));
    },
    get dns() {
      return (dns ??= new (loadSdk().AlidnsClient)(config(dnsEndpoint)));
    },
    knownSecrets: () => [...secrets],
  };
}

function credentialsUnavailable(profile: CloudProfile, e: unknown, secrets: string[]): CloudError {
  const why = redactText(e instanceof Error ? e.message : String(e), secrets);
  return new CloudError({
    code: 'CredentialsUnavailable',
    category: 'auth',
    profileName: profile.name,
    message: `Could not read the credentials of profile "${profile.name}" (${profile.origin}): ${why}`,
  });
}
