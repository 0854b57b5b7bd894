// Which profiles exist, which one is active (the status bar's, used by every command) and which are connected
// (shown as roots of the explorer). Active and connected ids survive restarts in globalState. No vscode import:
// the stores are the structural interfaces of src/profiles.
import type { KeyValueStore } from '../profiles/vscodeProfiles';
import type { Profile, ProfileList, ProfileProblem } from '../profiles/types';

export const ACTIVE_PROFILE_KEY = 'gaIpv6.activeProfile';
export const CONNECTED_PROFILES_KEY = 'gaIpv6.connectedProfiles';

type Listener = () => void;

export class ProfileManager {
  private list: ProfileList = { profiles: [], problems: [] };
  private loading: Promise<void> | undefined;
  private loadedOnce = false;
  private readonly listeners = new Set<Listener>();

  constructor(
    private readonly load: () => Promise<ProfileList>,
    private readonly state: KeyValueStore,
  ) {}

  /** The first load; later calls return the same promise. */
  ready(): Promise<void> {
    return (this.loading ??= this.reload());
  }

  /** Reads every source again (after a profile was added, the sandbox started, a setting changed). */
  async reload(): Promise<void> {
    try {
      this.list = await this.load();
    } finally {
      // Also after a failure: the status bar must not say "loading" for ever.
      this.loadedOnce = true;
      this.emit();
    }
  }

  /** False until the profiles have been read once (activation): until then "no profile" is not known. */
  get loaded(): boolean {
    return this.loadedOnce;
  }

  all(): readonly Profile[] {
    return this.list.profiles;
  }

  problems(): readonly ProfileProblem[] {
    return this.list.problems;
  }

  get(id: string): Profile | undefined {
    return this.list.profiles.find((p) => p.id === id);
  }

  /** The stored choice while that profile exists; otherwise the sandbox (if running), the source's default, the first. */
  active(): Profile | undefined {
    const stored = this.state.get<string>(ACTIVE_PROFILE_KEY);
    return (stored !== undefined ? this.get(stored) : undefined) ?? defaultProfile(this.list.profiles);
  }

  activeId(): string | undefined {
    return this.active()?.id;
  }

  /** The explorer's roots: the stored connected profiles that still exist, always including the active one. */
  connected(): Profile[] {
    const active = this.active();
    const stored = this.storedConnected().map((id) => this.get(id)).filter((p): p is Profile => p !== undefined);
    if (active && !stored.some((p) => p.id === active.id)) stored.unshift(active);
    return stored;
  }

  /**
   * Makes `id` active. With a single root (the default) the root follows the active profile; when several
   * profiles were connected on purpose they all stay and `id` joins them. `keepRoots` (a profile just added)
   * keeps the roots shown as they are, the sandbox's among them, and adds `id`.
   */
  async setActive(id: string, options: { keepRoots?: boolean } = {}): Promise<void> {
    if (!this.get(id)) throw new Error(`There is no profile "${id}" any more; reload the profiles and pick another one.`);
    const roots = this.connected().map((p) => p.id);
    const next = roots.includes(id) ? roots : roots.length <= 1 && !options.keepRoots ? [id] : [...roots, id];
    await this.state.update(ACTIVE_PROFILE_KEY, id);
    await this.state.update(CONNECTED_PROFILES_KEY, next);
    this.emit();
  }

  async connect(id: string): Promise<void> {
    if (!this.get(id)) throw new Error(`There is no profile "${id}" any more; reload the profiles and pick another one.`);
    const roots = this.connected().map((p) => p.id);
    if (roots.includes(id)) return;
    await this.state.update(CONNECTED_PROFILES_KEY, [...roots, id]);
    this.emit();
  }

  /** The active profile cannot be disconnected: switch first. */
  async disconnect(id: string): Promise<void> {
    if (id === this.activeId()) throw new Error('The active profile stays in the explorer: make another profile active first (status bar), then disconnect this one.');
    await this.state.update(CONNECTED_PROFILES_KEY, this.connected().map((p) => p.id).filter((p) => p !== id));
    this.emit();
  }

  /** Returns an unsubscribe function. */
  onDidChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private storedConnected(): string[] {
    const raw = this.state.get<unknown>(CONNECTED_PROFILES_KEY);
    return Array.isArray(raw) ? raw.filter((v): v is string => typeof v === 'string') : [];
  }

  private emit(): void {
    for (const l of [...this.listeners]) l();
  }
}

/**
 * With no stored choice: the local sandbox when one is running (someone started it to try things), else the
 * profile its own source marks as current (aliyun CLI `current`), else the first one found.
 */
export function defaultProfile(profiles: readonly Profile[]): Profile | undefined {
  return profiles.find((p) => p.source === 'sandbox') ?? profiles.find((p) => p.current) ?? profiles[0];
}
