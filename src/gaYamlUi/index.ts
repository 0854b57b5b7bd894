// The ga.yaml editor in VS Code: diagnostics as you type, completion, hover, quick fixes, outline, go to
// definition, and "New ga.yaml from the Walk-through". The language itself is src/gaYaml (pure); this folder only
// adapts it, as probeUi does for probe. Each editor feature (providers, the walk-through, plan · apply · refresh code
// lenses with the plan preview and drift) is a file here whose register function is in FEATURES.
import type * as vscode from 'vscode';
import type { ExplorerTree } from '../explorer';
import type { Session } from '../ui/session';
import { GaYamlEditor } from './editor';
import { registerNewFromWalkthrough } from './newFromWalkthrough';
import { registerPlanUi } from './planUi';
import { registerProviders } from './providers';

export { GaYamlEditor } from './editor';
export { GA_YAML_LANGUAGE, GA_YAML_SELECTOR } from './language';
export { NEW_GA_YAML_COMMAND } from './newFromWalkthrough';

export { PLAN_COMMAND, APPLY_COMMAND, REFRESH_COMMAND } from './planUi';

/** What features need besides the editor: the explorer, refreshed after an apply. */
export interface GaYamlHost {
  tree: ExplorerTree;
}

export type GaYamlFeature = (editor: GaYamlEditor, host: GaYamlHost) => vscode.Disposable[];

const FEATURES: readonly GaYamlFeature[] = [registerProviders, registerNewFromWalkthrough, registerPlanUi];

export function registerGaYamlEditor(session: Session, host: GaYamlHost): { editor: GaYamlEditor; disposables: vscode.Disposable[] } {
  const editor = new GaYamlEditor(session);
  return { editor, disposables: [editor, ...FEATURES.flatMap((register) => register(editor, host))] };
}
