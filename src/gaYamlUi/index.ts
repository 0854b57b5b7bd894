// The ga.yaml editor in VS Code: diagnostics as you type, completion, hover, quick fixes, outline, go to
// definition, and "New ga.yaml from the Walk-through". The language itself is src/gaYaml (pure); this folder only
// adapts it, as probeUi does for probe. A new editor feature (code lenses, drift diagnostics, …) is a file here
// whose register function is added to FEATURES.
import type * as vscode from 'vscode';
import type { Session } from '../ui/session';
import { GaYamlEditor } from './editor';
import { registerNewFromWalkthrough } from './newFromWalkthrough';
import { registerProviders } from './providers';

export { GaYamlEditor } from './editor';
export { GA_YAML_LANGUAGE, GA_YAML_SELECTOR } from './language';
export { NEW_GA_YAML_COMMAND } from './newFromWalkthrough';

export type GaYamlFeature = (editor: GaYamlEditor) => vscode.Disposable[];

const FEATURES: readonly GaYamlFeature[] = [registerProviders, registerNewFromWalkthrough];

export function registerGaYamlEditor(session: Session): { editor: GaYamlEditor; disposables: vscode.Disposable[] } {
  const editor = new GaYamlEditor(session);
  return { editor, disposables: [editor, ...FEATURES.flatMap((register) => register(editor))] };
}
