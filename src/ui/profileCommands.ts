// The profile commands: switch, connect, add, remove, use an aliyun CLI profile, fix, and the local sandbox.
import * as vscode from 'vscode';
import { SANDBOX_PROFILE_ID } from '../profiles/sandboxProfile';
import { addProfileFlow } from './addProfile';
import { useAliyunCliProfile } from './aliyunCliProfile';
import { registerCommand } from './commands';
import { fixProfile, type FixRequest } from './fixProfile';
import { pickActiveProfile, pickProfileToConnect } from './profilePicker';
import type { Session } from './session';

/** The explorer's nodes carry at least this; the palette passes nothing. */
interface ProfileArgument {
  profileId: string;
  kind?: string;
  message?: string;
  category?: string;
  code?: string;
}

export function registerProfileCommands(session: Session): vscode.Disposable[] {
  const { profiles } = session;
  const updateContext = () => {
    void vscode.commands.executeCommand('setContext', 'gaIpv6.noProfiles', profiles.all().length === 0);
    void vscode.commands.executeCommand('setContext', 'gaIpv6.sandboxRunning', session.sandbox.running);
  };
  const unsubscribe = profiles.onDidChange(updateContext);
  return [
    new vscode.Disposable(unsubscribe),
    registerCommand('gaIpv6.selectProfile', () => pickActiveProfile(session)),
    registerCommand('gaIpv6.connectProfile', () => pickProfileToConnect(session)),
    registerCommand('gaIpv6.disconnectProfile', (node?: ProfileArgument) => node && profiles.disconnect(node.profileId)),
    registerCommand('gaIpv6.addProfile', () => addProfileFlow(session)),
    registerCommand('gaIpv6.removeProfile', (node?: ProfileArgument) => removeVscodeProfile(session, node)),
    registerCommand('gaIpv6.useAliyunCliProfile', () => useAliyunCliProfile(session)),
    registerCommand('gaIpv6.reloadProfiles', () => profiles.reload()),
    registerCommand('gaIpv6.fixProfile', (node?: ProfileArgument) => fixProfile(session, node && fixRequest(node))),
    registerCommand('gaIpv6.startSandbox', async () => {
      await startSandbox(session);
      updateContext();
    }),
    registerCommand('gaIpv6.stopSandbox', async () => {
      session.sandbox.stop();
      await profiles.reload();
      updateContext();
    }),
    registerCommand('gaIpv6.showLog', () => session.log.show()),
  ];
}

function fixRequest(node: ProfileArgument): FixRequest {
  return node.kind === 'error' ? { profileId: node.profileId, message: node.message, category: node.category, code: node.code } : { profileId: node.profileId };
}

async function startSandbox(session: Session): Promise<void> {
  const alreadyThere = session.sandbox.endpoint() !== undefined;
  await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Starting the local Global Accelerator sandbox…' }, () => session.sandbox.start());
  await session.profiles.reload();
  await session.profiles.setActive(SANDBOX_PROFILE_ID);
  void vscode.window.showInformationMessage(
    alreadyThere
      ? 'The local sandbox is already running; it is now the active profile.'
      : 'The local sandbox is running (an emulated account on this machine: nothing reaches Alibaba Cloud). It is now the active profile.',
  );
}

async function removeVscodeProfile(session: Session, node: ProfileArgument | undefined): Promise<void> {
  const profile = node && session.profiles.get(node.profileId);
  if (!profile || profile.source !== 'vscode') {
    throw new Error('Only profiles added in VS Code can be removed here; aliyun CLI, credentials-file and environment profiles are managed where they are defined.');
  }
  const remove = 'Remove Profile';
  const choice = await session.prompts.get().confirm(`Remove profile "${profile.name}"?`, 'Its AccessKey secret is deleted from VS Code\'s secret storage. Nothing changes in your Alibaba Cloud account.', remove);
  if (!choice) return;
  if (profile.id === session.profiles.activeId()) {
    const next = session.profiles.all().find((p) => p.id !== profile.id);
    if (next) await session.profiles.setActive(next.id);
  }
  await session.vscodeProfiles.remove(profile.name);
  await session.profiles.reload();
}
