// The questions the UI asks (modal confirmations, input boxes, quick picks), behind one interface: VS Code's
// dialogs and quick inputs cannot be answered from an extension-host test, so tests swap in their own answers
// through the extension's API (`api.testing.usePrompter`), while everything before and after the question
// runs for real.
import * as vscode from 'vscode';

/** The modal questions of destructive commands. */
export interface Prompter {
  /** A modal yes/no; true only when `confirmLabel` was chosen. */
  confirm(message: string, detail: string, confirmLabel: string): Promise<boolean>;
  /** A modal explanation with optional actions; the chosen action, or undefined when dismissed. */
  explain(message: string, detail: string, actions: readonly string[]): Promise<string | undefined>;
}

/** The quick-input questions of forms and pickers. */
export interface InputPrompter {
  /** An input box; the accepted text, or undefined when dismissed. `validateInput` decides what can be accepted. */
  input(options: vscode.InputBoxOptions): Promise<string | undefined>;
  /** A quick pick of one item; undefined when dismissed. */
  pick<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions): Promise<T | undefined>;
}

export type Prompts = Prompter & InputPrompter;

export const vscodePrompter: Prompts = {
  async confirm(message, detail, confirmLabel) {
    return (await vscode.window.showWarningMessage(message, { modal: true, detail }, confirmLabel)) === confirmLabel;
  },
  async explain(message, detail, actions) {
    return vscode.window.showWarningMessage(message, { modal: true, detail }, ...actions);
  },
  async input(options) {
    return vscode.window.showInputBox(options);
  },
  async pick(items, options) {
    return vscode.window.showQuickPick(items, options);
  },
};

/** Holds the prompter in use; the tests' hook replaces it and restores the previous one afterwards. */
export class PrompterSlot {
  private current: Prompts = vscodePrompter;

  get(): Prompts {
    return this.current;
  }

  /** Replaces the questions `prompter` answers (the others keep going to the previous one); returns the restore function. */
  use(prompter: Partial<Prompts>): () => void {
    const previous = this.current;
    this.current = { ...previous, ...prompter };
    return () => {
      this.current = previous;
    };
  }
}
