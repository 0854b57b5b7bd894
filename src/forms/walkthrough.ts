// The getting-started walkthrough's steps are completed by what really happened, through context keys its
// completionEvents name: a profile became active, a gateway was created, a probe finished, a ga.yaml was saved.
import * as vscode from 'vscode';
import type { ProfileManager } from '../ui/profileManager';

export const WALKTHROUGH_KEYS = {
  profileReady: 'gaIpv6.walkthrough.profileReady',
  gatewayCreated: 'gaIpv6.walkthrough.gatewayCreated',
  probed: 'gaIpv6.walkthrough.probed',
  saved: 'gaIpv6.walkthrough.saved',
} as const;

export type WalkthroughStep = keyof typeof WALKTHROUGH_KEYS;

export class WalkthroughProgress implements vscode.Disposable {
  private readonly done = new Set<WalkthroughStep>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(profiles: ProfileManager) {
    const check = () => {
      if (profiles.active()) this.complete('profileReady');
    };
    const unsubscribe = profiles.onDidChange(check);
    void profiles.ready().then(check, () => undefined);
    this.disposables.push(
      new vscode.Disposable(unsubscribe),
      // A ga.yaml saved from anywhere (the form, the editor, "New ga.yaml from the Walk-through") counts.
      vscode.workspace.onDidSaveTextDocument((doc) => {
        if (/(^|[\\/])([^\\/]*\.)?ga\.yaml$/.test(doc.uri.path)) this.complete('saved');
      }),
    );
  }

  complete(step: WalkthroughStep): void {
    if (this.done.has(step)) return;
    this.done.add(step);
    void vscode.commands.executeCommand('setContext', WALKTHROUGH_KEYS[step], true);
  }

  /** Which steps are complete (for tests: context keys cannot be read back). */
  state(): Record<WalkthroughStep, boolean> {
    return {
      profileReady: this.done.has('profileReady'),
      gatewayCreated: this.done.has('gatewayCreated'),
      probed: this.done.has('probed'),
      saved: this.done.has('saved'),
    };
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
