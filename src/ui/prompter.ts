// The modal questions of destructive commands, behind an interface: VS Code's modal dialogs cannot be clicked
// from an extension-host test, so tests swap in their own answers through the extension's API
// (`api.testing.usePrompter`), while everything before and after the question runs for real.
import * as vscode from 'vscode';

export interface Prompter {
  /** A modal yes/no; true only when `confirmLabel` was chosen. */
  confirm(message: string, detail: string, confirmLabel: string): Promise<boolean>;
  /** A modal explanation with optional actions; the chosen action, or undefined when dismissed. */
  explain(message: string, detail: string, actions: readonly string[]): Promise<string | undefined>;
}

export const modalPrompter: Prompter = {
  async confirm(message, detail, confirmLabel) {
    return (await vscode.window.showWarningMessage(message, { modal: true, detail }, confirmLabel)) === confirmLabel;
  },
  async explain(message, detail, actions) {
    return vscode.window.showWarningMessage(message, { modal: true, detail }, ...actions);
  },
};

/** Holds the prompter in use; the tests' hook replaces it and restores the modal one afterwards. */
export class PrompterSlot {
  private current: Prompter = modalPrompter;

  get(): Prompter {
    return this.current;
  }

  /** Returns a function that puts back the previous prompter. */
  use(prompter: Prompter): () => void {
    const previous = this.current;
    this.current = prompter;
    return () => {
      this.current = previous;
    };
  }
}
