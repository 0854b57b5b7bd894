// The explorer view's message line (above the tree), shared by several notices that each set or clear their own part.
import type * as vscode from 'vscode';
import type { ExplorerNode } from './nodes';

/** The view's message line, shared by several notices (throttling, the active filter), each set or cleared on its own. */
export class ViewMessages {
  private readonly parts = new Map<'throttle' | 'filter', string>();

  constructor(private readonly view: vscode.TreeView<ExplorerNode>) {}

  set(part: 'throttle' | 'filter', text: string | undefined): void {
    if (text) this.parts.set(part, text);
    else this.parts.delete(part);
    this.view.message = [...this.parts.values()].join('  ·  ') || undefined;
  }

  has(part: 'throttle' | 'filter'): boolean {
    return this.parts.has(part);
  }
}
