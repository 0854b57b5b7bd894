// All profile sources together. Loading never throws: a missing file is no profiles, anything wrong is a
// ProfileProblem saying where and what to do, and one broken source does not hide the others.
import { loadAliyunCliProfiles } from './aliyunCliConfig';
import { loadCredentialsFileProfiles } from './credentialsFile';
import { loadEnvProfile, type Environment } from './envProfile';
import { applyEndpointOverrides, holdToTrustedHosts } from './profileEndpoints';
import { createSandboxProfile, SANDBOX_PROFILE_NAME, SandboxEndpointError, type SandboxEndpoint } from './sandboxProfile';
import type { ProfileList } from './types';
import type { VscodeProfileStore } from './vscodeProfiles';

export interface LoadProfilesOptions {
  /** The user's home directory (os.homedir() in the extension, a temporary directory in tests). */
  home: string;
  /** Usually process.env; read again when env credentials are resolved. */
  env: Environment;
  /** Profiles entered in VS Code (context.secrets + context.globalState). */
  vscode?: VscodeProfileStore;
  /** Where the local emulator listens; without it there is no sandbox profile. */
  sandbox?: SandboxEndpoint;
  /** Endpoint overrides keyed by profile id, e.g. the setting gaIpv6.endpoints. */
  endpointOverrides?: Readonly<Record<string, unknown>>;
  /** How problems name where the overrides came from; default "setting gaIpv6.endpoints". */
  endpointOverridesOrigin?: string;
  /**
   * Hosts other than Alibaba Cloud's and loopback that real profiles may send signed requests to (the user
   * setting gaIpv6.trustedEndpointHosts); default none.
   */
  trustedEndpointHosts?: readonly string[];
}

export async function loadProfiles(options: LoadProfilesOptions): Promise<ProfileList> {
  const sources: Array<[string, () => ProfileList | Promise<ProfileList>]> = [
    ['the aliyun CLI config', () => loadAliyunCliProfiles(options.home)],
    ['the credentials file', () => loadCredentialsFileProfiles(options.home, options.env)],
    ['the environment variables', () => loadEnvProfile(options.env)],
    ['the VS Code profiles', () => options.vscode?.list() ?? none()],
    ['the local sandbox', () => sandboxList(options.sandbox)],
  ];
  const lists = await Promise.all(
    sources.map(async ([what, load]): Promise<ProfileList> => {
      try {
        return await load();
      } catch (e) {
        // Expected failures are problems already; this backstop keeps one source's bug from hiding the others.
        return { profiles: [], problems: [{ file: what, message: `Reading ${what} failed: ${e instanceof Error ? e.message : String(e)}` }] };
      }
    }),
  );
  const all = lists.flatMap((l) => l.profiles);
  const unique = all.filter((p, i) => all.findIndex((q) => q.id === p.id) === i);
  const trusted = options.trustedEndpointHosts ?? [];
  const overridden = applyEndpointOverrides(unique, options.endpointOverrides, options.endpointOverridesOrigin ?? 'setting gaIpv6.endpoints', trusted);
  const held = holdToTrustedHosts(overridden.profiles, trusted);
  return { profiles: held.profiles, problems: [...lists.flatMap((l) => l.problems), ...overridden.problems, ...held.problems] };
}

function sandboxList(endpoint: SandboxEndpoint | undefined): ProfileList {
  if (!endpoint) return none();
  try {
    return { profiles: [createSandboxProfile(endpoint)], problems: [] };
  } catch (e) {
    if (!(e instanceof SandboxEndpointError)) throw e;
    return { profiles: [], problems: [{ file: SANDBOX_PROFILE_NAME, message: e.message }] };
  }
}

function none(): ProfileList {
  return { profiles: [], problems: [] };
}
