// "Use aliyun CLI Profile…": the profiles `aliyun configure` wrote to ~/.aliyun/config.json are read as they
// are (nothing is copied); picking one makes it active. The questions go through the session's prompter.
import * as vscode from 'vscode';
import { aliyunCliConfigFile } from '../profiles/aliyunCliConfig';
import type { Profile, ProfileProblem } from '../profiles/types';
import type { Session } from './session';

const OPEN_CONFIG = 'Open config.json';
const ADD_PROFILE = 'Add Profile…';

export async function useAliyunCliProfile(session: Session): Promise<void> {
  await session.profiles.reload();
  const file = aliyunCliConfigFile(session.home());
  const cli = session.profiles.all().filter((p) => p.source === 'aliyun-cli');
  const problems = session.profiles.problems().filter((p) => p.file === file);
  if (cli.length === 0) return explainNoProfile(session, file, problems);
  const activeId = session.profiles.activeId();
  const picked = await session.prompts.get().pick(
    cli.map((p) => pickItem(p, activeId)),
    { title: 'Global Accelerator: Use aliyun CLI Profile', placeHolder: `Profiles from ${file}` },
  );
  if (picked) await session.profiles.setActive(picked.id);
}

function pickItem(p: Profile, activeId: string | undefined): vscode.QuickPickItem & { id: string } {
  return {
    label: `${p.id === activeId ? '$(check) ' : ''}${p.name}`,
    description: [p.current ? 'aliyun CLI current' : undefined, p.accessKeyId].filter(Boolean).join(' · '),
    detail: p.origin,
    id: p.id,
  };
}

async function explainNoProfile(session: Session, file: string, problems: readonly ProfileProblem[]): Promise<void> {
  const detail = problems.length
    ? problems.map((p) => p.message).join('\n')
    : `No aliyun CLI profile was found in ${file}. Run "aliyun configure --profile <name>" in a terminal (AccessKey mode), then try again, or add the profile here with "${ADD_PROFILE}".`;
  const choice = await session.prompts.get().explain('No usable aliyun CLI profile.', detail, [...(problems.length ? [OPEN_CONFIG] : []), ADD_PROFILE]);
  if (choice === OPEN_CONFIG) await vscode.window.showTextDocument(vscode.Uri.file(file));
  if (choice === ADD_PROFILE) await vscode.commands.executeCommand('gaIpv6.addProfile');
}
