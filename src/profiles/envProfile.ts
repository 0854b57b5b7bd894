// The environment variables the Alibaba Cloud SDKs and the aliyun CLI read. Looked up again at call time, so a
// changed environment (e.g. refreshed STS credentials in a dev container) is used as it is.
import { createProfile, CredentialsUnavailableError } from './profile';
import type { AccessKeyCredentials, ProfileList } from './types';

export const ENV_ACCESS_KEY_ID = 'ALIBABA_CLOUD_ACCESS_KEY_ID';
export const ENV_ACCESS_KEY_SECRET = 'ALIBABA_CLOUD_ACCESS_KEY_SECRET';
export const ENV_SECURITY_TOKEN = 'ALIBABA_CLOUD_SECURITY_TOKEN';
/** What ProfileProblem.file and Profile.origin say for this source. */
export const ENV_ORIGIN = 'environment variables';
export const ENV_PROFILE_ID = 'env';

export type Environment = Readonly<Record<string, string | undefined>>;

type EnvRead = { kind: 'none' } | { kind: 'partial'; message: string } | { kind: 'ok'; credentials: AccessKeyCredentials };

export function loadEnvProfile(env: Environment): ProfileList {
  const read = readEnvCredentials(env);
  if (read.kind === 'none') return { profiles: [], problems: [] };
  if (read.kind === 'partial') return { profiles: [], problems: [{ file: ENV_ORIGIN, message: read.message }] };
  const profile = createProfile(
    { id: ENV_PROFILE_ID, name: 'Environment variables', source: 'env', origin: ENV_ORIGIN, accessKeyId: read.credentials.accessKeyId, endpoints: {} },
    async () => {
      const now = readEnvCredentials(env);
      if (now.kind === 'ok') return now.credentials;
      throw new CredentialsUnavailableError(ENV_PROFILE_ID, now.kind === 'partial' ? now.message : `${ENV_ACCESS_KEY_ID} and ${ENV_ACCESS_KEY_SECRET} are no longer set: set them again and restart VS Code, or choose another profile.`);
    },
  );
  return { profiles: [profile], problems: [] };
}

/** Empty counts as unset, as in the SDKs. */
function readEnvCredentials(env: Environment): EnvRead {
  const accessKeyId = env[ENV_ACCESS_KEY_ID] || undefined;
  const accessKeySecret = env[ENV_ACCESS_KEY_SECRET] || undefined;
  const securityToken = env[ENV_SECURITY_TOKEN] || undefined;
  if (!accessKeyId && !accessKeySecret && !securityToken) return { kind: 'none' };
  if (accessKeyId && accessKeySecret) return { kind: 'ok', credentials: { accessKeyId, accessKeySecret, ...(securityToken ? { securityToken } : {}) } };
  const set = [accessKeyId && ENV_ACCESS_KEY_ID, accessKeySecret && ENV_ACCESS_KEY_SECRET, securityToken && ENV_SECURITY_TOKEN].filter(Boolean).join(' and ');
  const missing = [!accessKeyId && ENV_ACCESS_KEY_ID, !accessKeySecret && ENV_ACCESS_KEY_SECRET].filter(Boolean).join(' and ');
  return {
    kind: 'partial',
    message: `${set} ${set.includes(' and ') ? 'are' : 'is'} set but ${missing} ${missing.includes(' and ') ? 'are' : 'is'} not: set ${missing} too (in the environment VS Code is started from), or unset ${set}.`,
  };
}
