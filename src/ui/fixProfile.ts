// "Fix Profile…", offered on the error node a rejected credential or a missing permission leaves under its
// profile (and on the profile rows, except the sandbox's, which has nothing to fix). What fixing means depends on
// where the profile comes from: re-enter what is wrong of a VS Code profile (only the secret after a rejected
// signature; its endpoints and protocol are kept), open the aliyun CLI or credentials file, explain the
// environment variables, restart the sandbox.
import * as vscode from 'vscode';
import { aliyunCliConfigFile } from '../profiles/aliyunCliConfig';
import { credentialsFileLocation } from '../profiles/credentialsFile';
import { ENV_ACCESS_KEY_ID, ENV_ACCESS_KEY_SECRET } from '../profiles/envProfile';
import { partsToFix } from '../profiles/fixableParts';
import type { Profile } from '../profiles/types';
import { askAccessKeyId, askSecret, saveAndActivate } from './addProfile';
import type { Session } from './session';

/** Where RAM users, their AccessKeys and their permissions are managed. */
export const RAM_CONSOLE_URL = 'https://ram.console.aliyun.com/users';

export interface FixRequest {
  profileId: string;
  /** The message of the error being fixed, shown again so the person sees what is wrong. */
  message?: string;
  category?: string;
  /** The error code, which says what is wrong (see partsToFix). */
  code?: string;
}

export async function fixProfile(session: Session, request: FixRequest | undefined): Promise<void> {
  await session.profiles.ready();
  const profile = request ? session.profiles.get(request.profileId) : session.profiles.active();
  if (!profile) {
    await vscode.commands.executeCommand('gaIpv6.selectProfile');
    return;
  }
  const why = request?.message ?? `Profile "${profile.name}" needs attention.`;
  if (request?.category === 'permission') return explainPermission(profile, why);
  switch (profile.source) {
    case 'vscode':
      await fixVscodeProfile(session, profile, request);
      return;
    case 'aliyun-cli':
      return openFile(why, aliyunCliConfigFile(session.home()), `Correct the profile "${profile.name}" there (or run "aliyun configure --profile ${profile.name}"), save, then refresh the explorer.`);
    case 'credentials-file':
      return openFile(why, credentialsFileLocation(session.home(), process.env).file, `Correct the section [${profile.name}], save, then refresh the explorer.`);
    case 'env':
      await vscode.window.showWarningMessage(why, {
        modal: true,
        detail: `This profile comes from the environment variables ${ENV_ACCESS_KEY_ID} and ${ENV_ACCESS_KEY_SECRET} of the process VS Code was started from. Set them correctly and restart VS Code, or pick another profile.`,
      });
      return;
    case 'sandbox': {
      if (!request?.message) {
        void vscode.window.showInformationMessage('The local sandbox profile has nothing to fix: it always uses the sandbox\'s own AccessKey and endpoint. If the sandbox stopped answering, restart it (Stop, then Start Local Sandbox).');
        return;
      }
      const restart = 'Restart Local Sandbox';
      const choice = await vscode.window.showWarningMessage(why, { modal: true, detail: 'The local sandbox accepts only its own AccessKey pair. If its emulator was started by hand with other keys, restart it with the sandbox\'s.' }, ...(session.sandbox.running ? [restart] : []));
      if (choice === restart) {
        session.sandbox.stop();
        await vscode.commands.executeCommand('gaIpv6.startSandbox');
      }
      return;
    }
  }
}

async function explainPermission(profile: Profile, why: string): Promise<void> {
  const ram = 'Open RAM Console';
  const other = 'Use Another Profile…';
  const choice = await vscode.window.showWarningMessage(why, {
    modal: true,
    detail: `Profile "${profile.name}" (AccessKey ${profile.accessKeyId ?? 'unknown'}) reached Alibaba Cloud but its RAM user lacks a permission. An administrator can grant it in the RAM console; refresh the explorer afterwards.`,
  }, ram, other);
  if (choice === ram) await vscode.env.openExternal(vscode.Uri.parse(RAM_CONSOLE_URL));
  if (choice === other) await vscode.commands.executeCommand('gaIpv6.selectProfile');
}

async function openFile(why: string, file: string, what: string): Promise<void> {
  const open = 'Open File';
  if ((await vscode.window.showWarningMessage(why, { modal: true, detail: `${what}\n\nFile: ${file}` }, open)) === open) {
    await vscode.window.showTextDocument(vscode.Uri.file(file));
  }
}

/** Asks for what is wrong only, step by step, keeps the rest (name, endpoints, protocol), then checks it works. */
async function fixVscodeProfile(session: Session, profile: Profile, request: FixRequest | undefined): Promise<void> {
  const parts = partsToFix(request?.code);
  const ask = session.prompts.get();
  const title = `Global Accelerator: Fix Profile ${profile.name}`;
  const totalSteps = parts.length;
  let accessKeyId = profile.accessKeyId;
  if (parts.includes('accessKeyId')) {
    accessKeyId = await askAccessKeyId(ask, title, profile.accessKeyId, { step: 1, totalSteps });
    if (accessKeyId === undefined) return;
  }
  const why = request?.code === 'SignatureDoesNotMatch' ? `The secret of AccessKey ${accessKeyId ?? ''} was rejected: enter it again. ` : '';
  const accessKeySecret = await askSecret(ask, title, { step: totalSteps, totalSteps }, why);
  if (accessKeySecret === undefined || accessKeyId === undefined) return;
  await saveAndActivate(session, { name: profile.name, accessKeyId, accessKeySecret, endpoints: profile.endpoints }, 'updated');
}
