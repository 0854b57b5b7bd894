// "Activate Global Accelerator": the explorer's note on an account whose pay-as-you-go service is NotOpened, and
// the command palette. It asks (a modal naming what OpenAcceleratorService does) before anything is sent, runs
// the workflow (src/workflows/service.ts), then refreshes the profile so the note goes away.
import * as vscode from 'vscode';
import { profileOf, type ExplorerNode } from './nodes';
import type { ExplorerTree } from './tree';
import { activateService, type ActivationResult } from '../workflows/service';
import { PurchaseDeclinedError } from '../workflows/step';
import { registerCommand } from '../ui/commands';
import type { Session } from '../ui/session';

export const ACTIVATE_SERVICE_COMMAND = 'gaIpv6.activateService';

/** Resolves with what happened (undefined when the person declined), for tests and other extensions. */
export function registerActivateServiceCommand(session: Session, tree: ExplorerTree): vscode.Disposable {
  return registerCommand(ACTIVATE_SERVICE_COMMAND, async (node?: ExplorerNode): Promise<ActivationResult | undefined> => {
    const profile = node ? session.profiles.get(node.profileId) : await session.requireActiveProfile();
    if (!profile) throw new Error('The profile of this item is no longer available; refresh the explorer.');
    const { ga } = session.servicesFor(profile);
    const prompts = session.prompts.get();
    try {
      const result = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `Global Accelerator (${profile.name})`, cancellable: true },
        async (progress, token) => {
          const abort = new AbortController();
          const subscription = token.onCancellationRequested(() => abort.abort());
          try {
            return await activateService({
              ga,
              signal: abort.signal,
              confirmPurchase: (summary) => prompts.confirm(`${summary.title} for profile "${profile.name}"?`, summary.lines.join('\n'), 'Activate'),
              onProgress: (message) => progress.report({ message }),
            });
          } finally {
            subscription.dispose();
          }
        },
      );
      void vscode.window.showInformationMessage(
        result.alreadyActive
          ? `Global Accelerator is already activated for pay-as-you-go on profile "${profile.name}".`
          : `Global Accelerator is activated for pay-as-you-go on profile "${profile.name}"${result.orderId !== undefined ? ` (order ${result.orderId})` : ''}.`,
      );
      return result;
    } catch (e) {
      if (e instanceof PurchaseDeclinedError) return undefined;
      throw e;
    } finally {
      const profileNode = node && profileOf(node);
      if (profileNode) tree.refreshNode(profileNode);
      else tree.refreshAll();
    }
  });
}
