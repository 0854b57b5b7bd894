// Where credentials come from. The cloud layer needs only Profile (types.ts); the extension calls loadProfiles.
export * from './types';
export { loadProfiles, type LoadProfilesOptions } from './profileRegistry';
export { CredentialsUnavailableError, SOURCE_LABELS } from './profile';
export { aliyunCliConfigFile, loadAliyunCliProfiles } from './aliyunCliConfig';
export { credentialsFileLocation, loadCredentialsFileProfiles, ENV_CREDENTIALS_FILE, ENV_PROFILE_NAME } from './credentialsFile';
export { loadEnvProfile, ENV_ACCESS_KEY_ID, ENV_ACCESS_KEY_SECRET, ENV_SECURITY_TOKEN, ENV_PROFILE_ID, type Environment } from './envProfile';
export {
  VscodeProfileStore,
  ProfileInputError,
  vscodeProfileId,
  VSCODE_PROFILES_KEY,
  type SecretStore,
  type KeyValueStore,
  type VscodeProfileInput,
  type StoredVscodeProfile,
} from './vscodeProfiles';
export {
  createSandboxProfile,
  parseSandboxEndpoint,
  SandboxEndpointError,
  SANDBOX_PROFILE_ID,
  SANDBOX_PROFILE_NAME,
  SANDBOX_ACCESS_KEY_ID,
  SANDBOX_ACCESS_KEY_SECRET,
  SANDBOX_ENDPOINT_ENV,
  type SandboxEndpoint,
} from './sandboxProfile';
export { applyEndpointOverrides, customHostUses, holdToTrustedHosts, readProfileEndpoints } from './profileEndpoints';
