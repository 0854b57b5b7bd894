// What every part of the UI shares: the output log, the profiles (which exists, which is active), the cloud
// services per profile, the local sandbox and the modal prompter. Made at activation; building it reads nothing
// and loads no SDK (profiles are read in the background, the SDK on the first request).
import { homedir } from 'node:os';
import * as vscode from 'vscode';
import type { CloudServices } from '../cloud';
import { TRUSTED_ENDPOINT_HOSTS_SETTING } from '../model';
import { customHostUses } from '../profiles/profileEndpoints';
import { loadProfiles } from '../profiles/profileRegistry';
import { SANDBOX_ACCESS_KEY_SECRET, SANDBOX_PROFILE_NAME, type SandboxEndpoint } from '../profiles/sandboxProfile';
import type { Profile, ProfileList } from '../profiles/types';
import { VscodeProfileStore } from '../profiles/vscodeProfiles';
import { CloudRegistry } from './cloudRegistry';
import { OutputLog } from './outputLog';
import { ProfileManager } from './profileManager';
import { PrompterSlot } from './prompter';
import { SandboxLauncher } from './sandboxLauncher';
import { UserOnlySettings } from './userOnlySettings';

export const CONFIG_SECTION = 'gaIpv6';

export class Session implements vscode.Disposable {
  readonly log: OutputLog;
  readonly cloud: CloudRegistry;
  readonly vscodeProfiles: VscodeProfileStore;
  readonly sandbox: SandboxLauncher;
  readonly profiles: ProfileManager;
  readonly prompts = new PrompterSlot();
  /** Reads settings; those that steer requests only from the user's own settings (docs/SECURITY.md). */
  readonly settings: UserOnlySettings;
  private readonly disposables: vscode.Disposable[] = [];
  /** Set only through the tests' hook (api.testing.useHome), so a test never reads or writes the real ~/.aliyun. */
  private homeOverride: string | undefined;
  /** "profile id → host" pairs already warned about, so each is said once per session. */
  private readonly warnedHosts = new Set<string>();

  constructor(readonly context: vscode.ExtensionContext) {
    // The sandbox secret is public, but a secret-shaped value in a log still teaches the wrong habit.
    this.log = new OutputLog(() => [SANDBOX_ACCESS_KEY_SECRET, ...this.cloud.knownSecrets()]);
    this.cloud = new CloudRegistry(this.log.cloud);
    this.settings = new UserOnlySettings((line) => this.log.line(line));
    this.vscodeProfiles = new VscodeProfileStore(context.secrets, context.globalState);
    this.sandbox = new SandboxLauncher(context.extensionPath, (line) => this.log.line(line));
    this.profiles = new ProfileManager(() => this.readProfiles(), context.globalState);
    this.disposables.push(
      this.log,
      this.sandbox,
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(`${CONFIG_SECTION}.endpoints`) || e.affectsConfiguration(TRUSTED_ENDPOINT_HOSTS_SETTING)) void this.profiles.reload();
      }),
    );
  }

  /** The home directory the profile files (~/.aliyun/config.json, ~/.alibabacloud/credentials) are read from. */
  home(): string {
    return this.homeOverride ?? homedir();
  }

  /** Reads the profile files from `dir` instead of the user's home until the returned function restores the previous one. */
  useHome(dir: string): () => void {
    const previous = this.homeOverride;
    this.homeOverride = dir;
    return () => {
      this.homeOverride = previous;
    };
  }

  servicesFor(profile: Profile): CloudServices {
    return this.cloud.servicesFor(profile);
  }

  /** The active profile, or an error saying how to get one. */
  async requireActiveProfile(): Promise<Profile> {
    await this.profiles.ready();
    const active = this.profiles.active();
    if (!active) throw new Error('No Global Accelerator profile yet: add one (Global Accelerator: Add Profile…), use an aliyun CLI profile, or start the local sandbox.');
    return active;
  }

  dispose(): void {
    for (const d of this.disposables.splice(0).reverse()) d.dispose();
  }

  private async readProfiles(): Promise<ProfileList> {
    const problems: ProfileList['problems'] = [];
    let sandbox: SandboxEndpoint | undefined;
    try {
      sandbox = this.sandbox.fromEnvironment();
    } catch (e) {
      problems.push({ file: SANDBOX_PROFILE_NAME, message: (e as Error).message });
    }
    const list = await loadProfiles({
      home: this.home(),
      env: process.env,
      vscode: this.vscodeProfiles,
      sandbox: sandbox ?? this.sandbox.endpoint(),
      endpointOverrides: this.settings.read<Record<string, unknown>>(CONFIG_SECTION, 'endpoints'),
      trustedEndpointHosts: this.trustedEndpointHosts(),
    });
    await this.settings.scanWorkspace();
    const all = { profiles: list.profiles, problems: [...problems, ...list.problems] };
    for (const p of all.problems) this.log.line(`profile problem (${p.file}${p.line !== undefined ? `:${p.line}` : ''}): ${p.message}`);
    this.warnAboutCustomHosts(all.profiles);
    return all;
  }

  /** The user setting gaIpv6.trustedEndpointHosts (never a workspace's), as a list of host names or addresses. */
  trustedEndpointHosts(): string[] {
    const value = this.settings.read<unknown>(CONFIG_SECTION, TRUSTED_ENDPOINT_HOSTS_SETTING.slice(CONFIG_SECTION.length + 1));
    return Array.isArray(value) ? value.filter((h): h is string => typeof h === 'string' && h.trim() !== '').map((h) => h.trim()) : [];
  }

  /** A profile whose signed requests go somewhere other than Alibaba Cloud or this machine is said once, naming the host. */
  private warnAboutCustomHosts(profiles: readonly Profile[]): void {
    for (const { profile, host } of customHostUses(profiles)) {
      const key = `${profile.id}→${host}`;
      if (this.warnedHosts.has(key)) continue;
      this.warnedHosts.add(key);
      const text = `Profile "${profile.name}" sends its signed requests (with its AccessKey ID) to ${host}, not to Alibaba Cloud: you trust that host in ${TRUSTED_ENDPOINT_HOSTS_SETTING}.`;
      this.log.line(`warning: ${text}`);
      void vscode.window.showWarningMessage(text);
    }
  }
}
