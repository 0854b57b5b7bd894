// Activation is lazy (VS Code activates us when the view opens or one of our commands runs) and light: it
// creates the output channel, the status bar item, the tree and the commands. Profiles are read in the
// background; the SDK loads on the first API call (when a node is expanded). The time it took is logged.
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import { registerExplorer, type ExplorerTree } from './explorer';
import { registerActivateServiceCommand } from './explorer/activateService';
import { registerForms, type FormsTesting } from './forms';
import { SAVED_HEADER } from './forms/gatewayController';
import { workflowsEngine } from './forms/workflowsEngine';
import { writeGaYaml } from './gaYaml';
import { registerGaYamlEditor, type GaYamlEditor } from './gaYamlUi';
import { registerProbeCommands } from './probeUi';
import { registerProfileCommands } from './ui/profileCommands';
import type { ProfileManager } from './ui/profileManager';
import type { Prompts } from './ui/prompter';
import { Session } from './ui/session';
import { createProfileStatusBar } from './ui/statusBar';
import type { VscodeProfileStore } from './profiles/vscodeProfiles';

/** What activate() returns (vscode.extensions.getExtension(id).exports): for other extensions' and our tests' use. */
export interface ExtensionApi {
  session: Session;
  profiles: ProfileManager;
  vscodeProfiles: VscodeProfileStore;
  explorer: ExplorerTree;
  /** The ga.yaml editor: its language service, live facts and diagnostics. */
  gaYaml: GaYamlEditor;
  testing: {
    /** Answers the questions it implements (confirmations, input boxes, quick picks) instead of a person; returns the restore function. */
    usePrompter(prompter: Partial<Prompts>): () => void;
    /** Reads the profile files from `dir` instead of the user's home (a test's temporary one); returns the restore function. */
    useHome(dir: string): () => void;
    /** The active profile's status bar item. */
    statusBar: vscode.StatusBarItem;
    /** The form panels (their messages in and out) and the walkthrough's progress. */
    forms: FormsTesting;
  };
}

export function activate(context: vscode.ExtensionContext): ExtensionApi {
  const started = performance.now();
  const session = new Session(context);
  const explorer = registerExplorer(session);
  const statusBar = createProfileStatusBar(session.profiles);
  context.subscriptions.push(session, ...explorer.disposables, statusBar, ...registerProfileCommands(session));
  context.subscriptions.push(...registerProbeCommands(session, explorer.tree));
  const forms = registerForms(session, explorer, workflowsEngine, (config) => writeGaYaml(config, { comments: true, header: SAVED_HEADER }));
  context.subscriptions.push(...forms.disposables);
  context.subscriptions.push(registerActivateServiceCommand(session, explorer.tree));
  const gaYaml = registerGaYamlEditor(session, { tree: explorer.tree });
  context.subscriptions.push(...gaYaml.disposables);
  void session.profiles.ready().then(
    () => session.log.line(`profiles: ${session.profiles.all().length} found, active: ${session.profiles.active()?.name ?? 'none'}`),
    (e: unknown) => session.log.line(`reading the profiles failed: ${e instanceof Error ? e.message : String(e)}`),
  );
  session.log.line(`Global Accelerator extension activated in ${(performance.now() - started).toFixed(1)} ms`);
  return {
    session,
    profiles: session.profiles,
    vscodeProfiles: session.vscodeProfiles,
    explorer: explorer.tree,
    gaYaml: gaYaml.editor,
    testing: { usePrompter: (p) => session.prompts.use(p), useHome: (dir) => session.useHome(dir), statusBar: statusBar.item, forms: forms.testing },
  };
}

export function deactivate(): void {
  // Everything, the sandbox child included, is disposed through context.subscriptions.
}
