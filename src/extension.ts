import * as vscode from 'vscode';

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  void context;
}

export function deactivate(): void {}
