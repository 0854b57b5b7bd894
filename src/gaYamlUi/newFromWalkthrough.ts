// "New ga.yaml from the Walk-through": the seed's end state written as a file (with comments), ready to edit:
// ga.yaml in the workspace folder when there is none yet, else a new untitled ga.yaml (nothing is overwritten).
import * as vscode from 'vscode';
import { walkthroughConfig, WALKTHROUGH_HEADER, writeGaYaml } from '../gaYaml';
import { GA_YAML_LANGUAGE } from './language';

export const NEW_GA_YAML_COMMAND = 'gaIpv6.newGaYaml';

/** The text the command writes. */
export function walkthroughText(): string {
  return writeGaYaml(walkthroughConfig(), { comments: true, header: WALKTHROUGH_HEADER });
}

/**
 * Writes the walk-through to `target` (a file Uri; default: ga.yaml in the first workspace folder) unless it
 * exists; opens it. Resolves with the opened document's Uri.
 */
export async function newGaYamlFromWalkthrough(target?: vscode.Uri): Promise<vscode.Uri> {
  const text = walkthroughText();
  const folder = vscode.workspace.workspaceFolders?.[0];
  const file = target ?? (folder ? vscode.Uri.joinPath(folder.uri, 'ga.yaml') : undefined);
  let document: vscode.TextDocument;
  if (file && !(await exists(file))) {
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(text));
    document = await vscode.workspace.openTextDocument(file);
  } else {
    document = await vscode.workspace.openTextDocument({ language: GA_YAML_LANGUAGE, content: text });
    if (file) void vscode.window.showInformationMessage(`${vscode.workspace.asRelativePath(file)} already exists, so the walk-through opened in a new editor: save it as another *.ga.yaml, or copy what you need.`);
  }
  await vscode.window.showTextDocument(document);
  return document.uri;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

export function registerNewFromWalkthrough(): vscode.Disposable[] {
  return [vscode.commands.registerCommand(NEW_GA_YAML_COMMAND, (target?: unknown) => newGaYamlFromWalkthrough(target instanceof vscode.Uri ? target : undefined))];
}
