// Quick picks over the profiles: switch the active one (the status bar's click), connect another to the explorer.
import * as vscode from 'vscode';
import { SOURCE_LABELS } from '../profiles/profile';
import type { Profile } from '../profiles/types';
import type { Session } from './session';

export const ADD_PROFILE_COMMAND = 'gaIpv6.addProfile';
export const USE_ALIYUN_CLI_PROFILE_COMMAND = 'gaIpv6.useAliyunCliProfile';
export const START_SANDBOX_COMMAND = 'gaIpv6.startSandbox';

interface ProfileItem extends vscode.QuickPickItem {
  profileId?: string;
  run?: () => unknown;
}

function profileItem(p: Profile, activeId: string | undefined): ProfileItem {
  return {
    label: `${p.id === activeId ? '$(check) ' : ''}${p.name}`,
    description: [SOURCE_LABELS[p.source], p.accessKeyId].filter(Boolean).join(' · '),
    detail: p.origin,
    profileId: p.id,
  };
}

/** The status bar's click: choose the active profile, or add one. */
export async function pickActiveProfile(session: Session): Promise<void> {
  await session.profiles.ready();
  const { profiles } = session;
  const activeId = profiles.activeId();
  const items: ProfileItem[] = profiles.all().map((p) => profileItem(p, activeId));
  items.push(
    { label: 'Other', kind: vscode.QuickPickItemKind.Separator },
    { label: '$(add) Add Profile…', run: () => vscode.commands.executeCommand(ADD_PROFILE_COMMAND) },
    { label: '$(terminal) Use aliyun CLI Profile…', run: () => vscode.commands.executeCommand(USE_ALIYUN_CLI_PROFILE_COMMAND) },
  );
  if (!profiles.all().some((p) => p.source === 'sandbox')) {
    items.push({ label: '$(beaker) Start Local Sandbox', detail: 'An emulated account on this machine: nothing reaches Alibaba Cloud, nothing costs money.', run: () => vscode.commands.executeCommand(START_SANDBOX_COMMAND) });
  }
  const problems = profiles.problems();
  if (problems.length > 0) {
    items.push({ label: `$(warning) ${problems.length} profile source${problems.length > 1 ? 's' : ''} could not be read`, detail: problems[0].message, run: () => session.log.show() });
  }
  const picked = await session.prompts.get().pick(items, { title: 'Global Accelerator: Active Profile', placeHolder: 'The profile the explorer and every command use', matchOnDescription: true });
  if (!picked) return;
  if (picked.run) {
    await picked.run();
    return;
  }
  if (picked.profileId) await profiles.setActive(picked.profileId);
}

/** Adds another profile as a root of the explorer (the active one stays active). */
export async function pickProfileToConnect(session: Session): Promise<void> {
  await session.profiles.ready();
  const connected = new Set(session.profiles.connected().map((p) => p.id));
  const candidates = session.profiles.all().filter((p) => !connected.has(p.id));
  if (candidates.length === 0) {
    const add = 'Add Profile…';
    if ((await vscode.window.showInformationMessage('Every profile is already shown in the Global Accelerator explorer.', add)) === add) {
      await vscode.commands.executeCommand(ADD_PROFILE_COMMAND);
    }
    return;
  }
  const picked = await session.prompts.get().pick(candidates.map((p) => profileItem(p, undefined)), { title: 'Global Accelerator: Connect Profile', placeHolder: 'Show another profile in the explorer' });
  if (picked?.profileId) await session.profiles.connect(picked.profileId);
}
