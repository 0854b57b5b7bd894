// The Global Accelerator explorer: the tree view gaIpv6.explorer in the gaIpv6 activity-bar container.
import * as vscode from 'vscode';
import type { CloudLogEntry } from '../cloud';
import type { Session } from '../ui/session';
import { registerExplorerCommands } from './explorerCommands';
import type { ExplorerNode } from './nodes';
import { ViewMessages } from './viewMessages';
import { EXPLORER_VIEW_ID, ExplorerTree } from './tree';

export { ExplorerTree, EXPLORER_VIEW_ID } from './tree';
export type { ExplorerNode } from './nodes';

export interface Explorer {
  tree: ExplorerTree;
  view: vscode.TreeView<ExplorerNode>;
  disposables: vscode.Disposable[];
}

export function registerExplorer(session: Session): Explorer {
  const tree = new ExplorerTree(session);
  const view = vscode.window.createTreeView(EXPLORER_VIEW_ID, { treeDataProvider: tree, showCollapseAll: true });
  const messages = new ViewMessages(view);
  const unwatch = session.log.onEntry(throttleNotice(messages));
  return { tree, view, disposables: [tree, view, new vscode.Disposable(unwatch), ...tree.trackExpansion(view), ...registerExplorerCommands(session, tree, view, messages)] };
}

/**
 * While the cloud layer retries throttled calls (quietly, with backoff), the view says so in its message line
 * instead of a pop-up; the next call that gets through clears it.
 */
function throttleNotice(messages: ViewMessages): (entry: CloudLogEntry) => void {
  return (entry) => {
    const throttled = entry.outcome === 'retry' && (entry.code ?? '').includes('Throttling');
    if (throttled) {
      const seconds = entry.delayMs !== undefined ? ` in ${Math.max(1, Math.round(entry.delayMs / 1000))} s` : '';
      messages.set('throttle', `Alibaba Cloud is throttling ${entry.profileName ? `profile "${entry.profileName}"` : 'requests'}: retrying ${entry.action}${seconds}…`);
    } else if (messages.has('throttle') && entry.outcome === 'ok') {
      messages.set('throttle', undefined);
    }
  };
}
