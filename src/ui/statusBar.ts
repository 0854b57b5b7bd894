// The status bar shows the active profile ("$(globe) GA: prod") and switches it on click; while the profiles are
// first read (activation) it says so instead of claiming there is none.
import * as vscode from 'vscode';
import { SOURCE_LABELS } from '../profiles/profile';
import type { ProfileManager } from './profileManager';

export const SELECT_PROFILE_COMMAND = 'gaIpv6.selectProfile';

export interface ProfileStatusBar extends vscode.Disposable {
  /** Read by the extension-host tests (through api.testing) to see what the person sees. */
  readonly item: vscode.StatusBarItem;
}

export function createProfileStatusBar(profiles: ProfileManager): ProfileStatusBar {
  const item = vscode.window.createStatusBarItem('gaIpv6.activeProfile', vscode.StatusBarAlignment.Left, 10);
  item.name = 'Global Accelerator Profile';
  item.command = SELECT_PROFILE_COMMAND;
  const update = () => {
    const active = profiles.active();
    if (!profiles.loaded) {
      item.text = '$(loading~spin) GA: loading…';
      item.tooltip = 'Reading the Global Accelerator profiles (aliyun CLI, credentials file, environment, VS Code, local sandbox)…';
    } else {
      item.text = `$(globe) GA: ${active ? active.name : 'no profile'}`;
      item.tooltip = active
        ? `Active Global Accelerator profile: ${active.name} (${SOURCE_LABELS[active.source]}${active.accessKeyId ? `, AccessKey ${active.accessKeyId}` : ''}). Click to switch.`
        : 'No Global Accelerator profile yet. Click to add one or start the local sandbox.';
    }
    item.show();
  };
  update();
  const unsubscribe = profiles.onDidChange(update);
  return {
    item,
    dispose: () => {
      unsubscribe();
      item.dispose();
    },
  };
}
