// Profiles entered in VS Code. The non-secret part (name, AccessKey id, endpoints) lives in a Memento
// (context.globalState); the AccessKey secret and STS token live only in SecretStorage (context.secrets), which
// VS Code keeps in the OS keychain. Structural interfaces keep this file free of the vscode module.
import { checkAccessKeyId, checkProfileName, checkSecretValue } from '../model';
import { createProfile, CredentialsUnavailableError } from './profile';
import { readProfileEndpoints } from './profileEndpoints';
import type { Profile, ProfileEndpoints, ProfileList, ProfileProblem } from './types';

/** The shape of vscode.SecretStorage that is used here. */
export interface SecretStore {
  get(key: string): PromiseLike<string | undefined>;
  store(key: string, value: string): PromiseLike<void>;
  delete(key: string): PromiseLike<void>;
}

/** The shape of vscode.Memento that is used here. */
export interface KeyValueStore {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): PromiseLike<void>;
}

export interface VscodeProfileInput {
  name: string;
  accessKeyId: string;
  accessKeySecret: string;
  securityToken?: string;
  endpoints?: ProfileEndpoints;
}

/** What is kept outside SecretStorage. */
export interface StoredVscodeProfile {
  name: string;
  accessKeyId: string;
  endpoints: ProfileEndpoints;
}

interface StoredSecret {
  accessKeySecret: string;
  securityToken?: string;
}

/** save() refuses input that breaks a rule; `problems` maps each field to its message. */
export class ProfileInputError extends Error {
  override readonly name = 'ProfileInputError';
  constructor(readonly problems: Readonly<Record<string, string>>) {
    super(`The profile was not saved: ${Object.values(problems).join(' ')}`);
  }
}

export const VSCODE_PROFILES_KEY = 'gaIpv6.profiles';
export const VSCODE_ORIGIN = 'VS Code secret storage';

export function vscodeProfileId(name: string): string {
  return `vscode:${name}`;
}

export class VscodeProfileStore {
  constructor(
    private readonly secrets: SecretStore,
    private readonly state: KeyValueStore,
  ) {}

  /** The saved profiles; entries that do not look like what save() writes are reported, not dropped silently. */
  list(): ProfileList {
    const raw = this.state.get<unknown>(VSCODE_PROFILES_KEY);
    if (raw === undefined) return { profiles: [], problems: [] };
    const problems: ProfileProblem[] = [];
    if (!Array.isArray(raw)) {
      return { profiles: [], problems: [{ file: VSCODE_ORIGIN, message: `The saved VS Code profiles (${VSCODE_PROFILES_KEY}) are unreadable: add your profiles again; saving one replaces the broken list.` }] };
    }
    const profiles: Profile[] = [];
    raw.forEach((entry: unknown, index) => {
      const stored = asStored(entry);
      if (!stored) problems.push({ file: VSCODE_ORIGIN, message: `Saved VS Code profile #${index + 1} is unreadable and was skipped: add it again.` });
      else profiles.push(this.toProfile(stored));
    });
    return { profiles, problems };
  }

  /** Stores the secret first, so a listed profile always has one (unless the keychain is cleared). Same name replaces. */
  async save(input: VscodeProfileInput): Promise<Profile> {
    const endpoints = readProfileEndpoints(input.endpoints);
    const problems = Object.fromEntries(
      Object.entries({
        name: checkProfileName(input.name),
        accessKeyId: checkAccessKeyId(input.accessKeyId),
        accessKeySecret: checkSecretValue(input.accessKeySecret),
        securityToken: input.securityToken === undefined || input.securityToken === '' ? undefined : checkSecretValue(input.securityToken, 'Security token'),
        endpoints: endpoints.ok ? undefined : endpoints.problem,
      }).filter((e): e is [string, string] => e[1] !== undefined),
    );
    if (Object.keys(problems).length > 0) throw new ProfileInputError(problems);

    const secret: StoredSecret = { accessKeySecret: input.accessKeySecret, ...(input.securityToken ? { securityToken: input.securityToken } : {}) };
    await this.secrets.store(vscodeSecretKey(input.name), JSON.stringify(secret));
    const stored: StoredVscodeProfile = { name: input.name, accessKeyId: input.accessKeyId, endpoints: endpoints.ok ? endpoints.endpoints : {} };
    await this.state.update(VSCODE_PROFILES_KEY, [...this.storedEntries().filter((e) => e.name !== input.name), stored]);
    return this.toProfile(stored);
  }

  /** Forgets the profile and its secret; false when there was no such profile. */
  async remove(name: string): Promise<boolean> {
    const entries = this.storedEntries();
    const kept = entries.filter((e) => e.name !== name);
    await this.secrets.delete(vscodeSecretKey(name));
    if (kept.length === entries.length) return false;
    await this.state.update(VSCODE_PROFILES_KEY, kept);
    return true;
  }

  private storedEntries(): StoredVscodeProfile[] {
    const raw = this.state.get<unknown>(VSCODE_PROFILES_KEY);
    return Array.isArray(raw) ? raw.map(asStored).filter((e): e is StoredVscodeProfile => e !== undefined) : [];
  }

  private toProfile(stored: StoredVscodeProfile): Profile {
    const id = vscodeProfileId(stored.name);
    return createProfile({ id, name: stored.name, source: 'vscode', origin: VSCODE_ORIGIN, accessKeyId: stored.accessKeyId, endpoints: stored.endpoints }, async () => {
      const secret = parseSecret(await this.secrets.get(vscodeSecretKey(stored.name)));
      if (!secret) {
        throw new CredentialsUnavailableError(id, `The AccessKey secret of VS Code profile "${stored.name}" is missing from VS Code's secret storage (the OS keychain may have been reset): enter the profile again.`);
      }
      return { accessKeyId: stored.accessKeyId, accessKeySecret: secret.accessKeySecret, ...(secret.securityToken ? { securityToken: secret.securityToken } : {}) };
    });
  }
}

/** Where SecretStorage keeps the secret of the VS Code profile `name`. */
export function vscodeSecretKey(name: string): string {
  return `${VSCODE_PROFILES_KEY}.secret.${name}`;
}

/** Memento contents are re-checked: anything could have written there, and endpoints decide where requests go. */
function asStored(entry: unknown): StoredVscodeProfile | undefined {
  if (typeof entry !== 'object' || entry === null) return undefined;
  const e = entry as Partial<Record<keyof StoredVscodeProfile, unknown>>;
  if (typeof e.name !== 'string' || typeof e.accessKeyId !== 'string') return undefined;
  const endpoints = readProfileEndpoints(e.endpoints);
  if (!endpoints.ok) return undefined;
  return { name: e.name, accessKeyId: e.accessKeyId, endpoints: endpoints.endpoints };
}

function parseSecret(text: string | undefined): StoredSecret | undefined {
  if (!text) return undefined;
  try {
    const v = JSON.parse(text) as Partial<StoredSecret>;
    if (typeof v.accessKeySecret !== 'string' || v.accessKeySecret === '') return undefined;
    return { accessKeySecret: v.accessKeySecret, ...(typeof v.securityToken === 'string' && v.securityToken ? { securityToken: v.securityToken } : {}) };
  } catch {
    return undefined;
  }
}
