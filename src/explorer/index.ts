// The Global Accelerator explorer: the tree view gaIpv6.explorer in the gaIpv6 activity-bar container.
import * as vscode from 'vscode';
import type { Session } from '../ui/session';
import { registerExplorerCommands } from './explorerCommands';
import type { ExplorerNode } from './nodes';
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
  return { tree, view, disposables: [tree, view, ...registerExplorerCommands(session, tree, view)] };
}
