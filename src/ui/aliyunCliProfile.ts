// "Use aliyun CLI Profile…": the profiles `aliyun configure` wrote to ~/.aliyun/config.json are read as they
// are (nothing is copied); picking one makes it active.
import { homedir } from 'node:os';
import * as vscode from 'vscode';
import { aliyunCliConfigFile } from '../profiles/aliyunCliConfig';
import type { Session } from './session';

export async function useAliyunCliProfile(session: Session): Promise<void> {
  await session.profiles.reload();
  const file = aliyunCliConfigFile(homedir());
  const cli = session.profiles.all().filter((p) => p.source === 'aliyun-cli');
  const problems = session.profiles.problems().filter((p) => p.file === file);
  if (cli.length === 0) {
    const open = 'Open config.json';
    const detail = problems.length
      ? problems.map((p) => p.message).join('\n')
      : `No aliyun CLI profile was found in ${file}. Run "aliyun configure --profile <name>" in a terminal (AccessKey mode), then try again, or add the profile here with "Add Profile…".`;
    const choice = await vscode.window.showWarningMessage('No usable aliyun CLI profile.', { modal: true, detail }, ...(problems.length ? [open] : []), 'Add Profile…');
    if (choice === open) await vscode.window.showTextDocument(vscode.Uri.file(file));
    if (choice === 'Add Profile…') await vscode.commands.executeCommand('gaIpv6.addProfile');
    return;
  }
  const activeId = session.profiles.activeId();
  const picked = await vscode.window.showQuickPick(
    cli.map((p) => ({
      label: `${p.id === activeId ? '$(check) ' : ''}${p.name}`,
      description: [p.current ? 'aliyun CLI current' : undefined, p.accessKeyId].filter(Boolean).join(' · '),
      detail: p.origin,
      id: p.id,
    })),
    { title: 'Global Accelerator: Use aliyun CLI Profile', placeHolder: `Profiles from ${file}` },
  );
  if (picked) await session.profiles.setActive(picked.id);
}
