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

/** Where a question stands in a flow of several ("2/3" in the quick input's title bar). */
export interface StepOptions {
  step?: number;
  totalSteps?: number;
}

export type InputOptions = vscode.InputBoxOptions & StepOptions;
export type PickOptions = vscode.QuickPickOptions & StepOptions;

/** The quick-input questions of forms and pickers. */
export interface InputPrompter {
  /** An input box; the accepted text, or undefined when dismissed. `validateInput` decides what can be accepted. */
  input(options: InputOptions): Promise<string | undefined>;
  /** A quick pick of one item; undefined when dismissed. */
  pick<T extends vscode.QuickPickItem>(items: readonly T[], options: PickOptions): Promise<T | undefined>;
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
    return options.step === undefined ? vscode.window.showInputBox(options) : steppedInput(options);
  },
  async pick(items, options) {
    return options.step === undefined ? vscode.window.showQuickPick(items, options) : steppedPick(items, options);
  },
};

/** showInputBox has no step counter: the same question on a createInputBox, which has. */
function steppedInput(options: InputOptions): Promise<string | undefined> {
  const box = vscode.window.createInputBox();
  Object.assign(box, {
    title: options.title,
    step: options.step,
    totalSteps: options.totalSteps,
    prompt: options.prompt,
    placeholder: options.placeHolder,
    value: options.value ?? '',
    password: options.password ?? false,
    ignoreFocusOut: options.ignoreFocusOut ?? false,
  });
  return new Promise<string | undefined>((resolve) => {
    let settled = false;
    const finish = (value: string | undefined) => {
      if (settled) return;
      settled = true;
      resolve(value);
      box.dispose();
    };
    const check = async (value: string): Promise<boolean> => {
      const problem = await options.validateInput?.(value);
      box.validationMessage = problem ?? undefined;
      return !problem;
    };
    box.onDidChangeValue((value) => void check(value));
    box.onDidAccept(async () => {
      if (await check(box.value)) finish(box.value);
    });
    box.onDidHide(() => finish(undefined));
    box.show();
  });
}

function steppedPick<T extends vscode.QuickPickItem>(items: readonly T[], options: PickOptions): Promise<T | undefined> {
  const pick = vscode.window.createQuickPick<T>();
  Object.assign(pick, {
    title: options.title,
    step: options.step,
    totalSteps: options.totalSteps,
    placeholder: options.placeHolder,
    ignoreFocusOut: options.ignoreFocusOut ?? false,
    matchOnDescription: options.matchOnDescription ?? false,
    matchOnDetail: options.matchOnDetail ?? false,
  });
  pick.items = items;
  const picked = items.filter((i) => i.picked);
  if (picked.length) pick.activeItems = picked.slice(0, 1);
  return new Promise<T | undefined>((resolve) => {
    let settled = false;
    const finish = (value: T | undefined) => {
      if (settled) return;
      settled = true;
      resolve(value);
      pick.dispose();
    };
    pick.onDidAccept(() => finish(pick.selectedItems[0] ?? pick.activeItems[0]));
    pick.onDidHide(() => finish(undefined));
    pick.show();
  });
}

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
