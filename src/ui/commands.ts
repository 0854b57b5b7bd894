// Registering a command whose failure becomes one error message a person can act on (CloudError messages say
// what to do; anything else is redacted first), instead of VS Code's generic "command resulted in an error".
import * as vscode from 'vscode';
import { isCloudError, redactText } from '../cloud';

export function registerCommand<A extends unknown[]>(id: string, handler: (...args: A) => unknown): vscode.Disposable {
  return vscode.commands.registerCommand(id, async (...args: unknown[]) => {
    try {
      return await handler(...(args as A));
    } catch (e) {
      void vscode.window.showErrorMessage(errorMessage(e));
      return undefined;
    }
  });
}

export function errorMessage(e: unknown): string {
  if (isCloudError(e)) return e.message;
  return redactText(e instanceof Error ? e.message : String(e));
}
