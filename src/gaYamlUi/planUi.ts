// Plan, apply and drift in the ga.yaml editor. With a profile active, each accelerator of a ga.yaml has code
// lenses "Plan · Apply · Refresh" (the commands also work on the whole file from the palette):
//   Plan     reads the account (list calls only) and opens a preview of the plan beside the file;
//   Apply    plans, asks in a modal that lists what will be bought and deleted, runs with progress and cancel,
//            refreshes the explorer, and shows what was done (the whole report in the output log);
//   Refresh  reads the account and shows where it differs from the file as information diagnostics (drift),
//            with the plan's own problems (two instances with one name, …) on their keys.
// All the work is src/workflows'; this file is the VS Code side of it.
import * as vscode from 'vscode';
import type { CloudServices } from '../cloud';
import type { ExplorerTree } from '../explorer';
import type { Problem } from '../model';
import type { Profile } from '../profiles/types';
import { registerCommand } from '../ui/commands';
import type { Session } from '../ui/session';
import {
  apply,
  countChanges,
  driftProblems,
  planConfig,
  renderReportText,
  PLAIN,
  type ApplyReport,
  type Plan,
} from '../workflows';
import type { GaYamlEditor } from './editor';
import { GA_YAML_SELECTOR } from './language';
import { PlanPreview } from './planPreview';
import { desiredOf, planTargets, scopeTo, unscopePath, type DesiredState } from './planTargets';

export const PLAN_COMMAND = 'gaIpv6.gaYaml.plan';
export const APPLY_COMMAND = 'gaIpv6.gaYaml.apply';
export const REFRESH_COMMAND = 'gaIpv6.gaYaml.refresh';

interface Planned {
  doc: vscode.TextDocument;
  accelerator?: string;
  desired: DesiredState;
  profile: Profile;
  services: CloudServices;
  plan: Plan;
}

export class PlanUi implements vscode.Disposable {
  private readonly lensesChanged = new vscode.EventEmitter<void>();
  private readonly drift = vscode.languages.createDiagnosticCollection('ga-ipv6 plan');
  /** Drift per document and scope (an accelerator, or '*' for the whole file), so one lens refreshes its own part. */
  private readonly driftByScope = new Map<string, Map<string, vscode.Diagnostic[]>>();
  private readonly preview: PlanPreview;
  private readonly disposables: vscode.Disposable[] = [];

  private readonly session: Session;

  constructor(
    private readonly editor: GaYamlEditor,
    private readonly tree: ExplorerTree,
  ) {
    const session = editor.session;
    this.session = session;
    this.preview = new PlanPreview();
    const unsubscribe = session.profiles.onDidChange(() => this.lensesChanged.fire());
    this.disposables.push(
      this.preview,
      this.drift,
      this.lensesChanged,
      new vscode.Disposable(unsubscribe),
      vscode.languages.registerCodeLensProvider(GA_YAML_SELECTOR, { onDidChangeCodeLenses: this.lensesChanged.event, provideCodeLenses: (doc) => this.lenses(doc) }),
      // Drift is what the account looked like at the last refresh of this text: an edit makes it stale.
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0) this.clearDrift(e.document.uri);
      }),
      vscode.workspace.onDidCloseTextDocument((doc) => this.clearDrift(doc.uri)),
      registerCommand(PLAN_COMMAND, (uri?: vscode.Uri | string, accelerator?: string) => this.showPlan(uri, accelerator)),
      registerCommand(APPLY_COMMAND, (uri?: vscode.Uri | string, accelerator?: string) => this.apply(uri, accelerator)),
      registerCommand(REFRESH_COMMAND, (uri?: vscode.Uri | string, accelerator?: string) => this.refresh(uri, accelerator)),
    );
  }

  dispose(): void {
    for (const d of this.disposables.splice(0).reverse()) d.dispose();
  }

  /** The diagnostics Refresh last set on `uri` (for tests and the status of a document). */
  diagnostics(uri: vscode.Uri): readonly vscode.Diagnostic[] {
    return this.drift.get(uri) ?? [];
  }

  private lenses(doc: vscode.TextDocument): vscode.CodeLens[] {
    if (!this.session.profiles.active() || !this.editor.isGaYaml(doc)) return [];
    const { parsed } = this.editor.result(doc);
    return planTargets(parsed).flatMap(({ accelerator, line }) => {
      const range = new vscode.Range(line, 0, line, 0);
      const args = [doc.uri.toString(), accelerator];
      return [
        new vscode.CodeLens(range, { title: 'Plan', command: PLAN_COMMAND, arguments: args, tooltip: `What applying ${accelerator} would change and buy (reads the account)` }),
        new vscode.CodeLens(range, { title: 'Apply', command: APPLY_COMMAND, arguments: args, tooltip: `Apply ${accelerator} to the account (asks first)` }),
        new vscode.CodeLens(range, { title: 'Refresh', command: REFRESH_COMMAND, arguments: args, tooltip: `Show where the account differs from ${accelerator}` }),
      ];
    });
  }

  // ---- commands ----------------------------------------------------------------------------------------------

  async showPlan(uri?: vscode.Uri | string, accelerator?: string): Promise<Plan | undefined> {
    const planned = await this.planFor(uri, accelerator);
    if (!planned) return undefined;
    this.setDrift(planned);
    await this.preview.show(planned.doc.uri, planned.accelerator, planned.profile.name, planned.plan);
    return planned.plan;
  }

  async refresh(uri?: vscode.Uri | string, accelerator?: string): Promise<readonly vscode.Diagnostic[]> {
    const planned = await this.planFor(uri, accelerator);
    if (!planned) return [];
    this.setDrift(planned);
    const n = planned.plan.changes.length;
    vscode.window.setStatusBarMessage(n === 0 ? `$(check) ${scopeName(planned)} matches the account` : `$(info) ${scopeName(planned)}: the account differs in ${n} place${n === 1 ? '' : 's'}`, 10_000);
    return this.diagnostics(planned.doc.uri);
  }

  async apply(uri?: vscode.Uri | string, accelerator?: string): Promise<ApplyReport | undefined> {
    const planned = await this.planFor(uri, accelerator);
    if (!planned) return undefined;
    this.setDrift(planned);
    const { plan } = planned;
    if (plan.operations.length === 0) {
      void vscode.window.showInformationMessage(`No changes: the account already matches ${scopeName(planned)}.`);
      return undefined;
    }
    // Only resources still settling to wait for: nothing changes, nothing to ask.
    if (plan.changes.length > 0) {
      const question = confirmation(planned);
      if (!(await this.session.prompts.get().confirm(question.message, question.detail, question.confirmLabel))) return undefined;
    }
    const report = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Applying ${scopeName(planned)}`, cancellable: true },
      async (progress, token) => {
        const abort = new AbortController();
        const subscription = token.onCancellationRequested(() => abort.abort());
        const total = plan.operations.length;
        let finished = 0;
        try {
          return await apply(plan, planned.services, {
            signal: abort.signal,
            // The modal above listed every purchase: choosing its button was the consent.
            confirmPurchase: async () => true,
            onProgress: (e) => {
              if (e.kind === 'start') progress.report({ message: `${e.operation.title}… (${finished + 1}/${total})` });
              else if (e.kind === 'wait') progress.report({ message: `${e.operation.title}: ${e.wait.state ?? 'waiting'} (${Math.round(e.wait.elapsedMs / 1000)} s)` });
              else {
                finished++;
                progress.report({ increment: 100 / total });
              }
            },
          });
        } finally {
          subscription.dispose();
        }
      },
    );
    this.session.log.line(`apply ${scopeName(planned)} (profile "${planned.profile.name}"):\n${renderReportText(report, PLAIN)}`);
    this.tree.refreshAll();
    await this.afterApply(planned, report);
    return report;
  }

  // ---- plumbing ----------------------------------------------------------------------------------------------

  private async planFor(uri: vscode.Uri | string | undefined, accelerator: string | undefined): Promise<Planned | undefined> {
    const doc = await documentFor(uri, this.editor);
    // The editor's own check of the text (with the active profile's facts): the errors the Problems view shows.
    const desired = desiredOf(this.editor.result(doc));
    if (!desired.config) {
      void vscode.window.showErrorMessage(`${vscode.workspace.asRelativePath(doc.uri)} has ${desired.errors.length} error${desired.errors.length === 1 ? '' : 's'}: fix them before planning (see the Problems view). First: ${desired.errors[0]?.message ?? ''}`);
      return undefined;
    }
    if (accelerator !== undefined && !desired.config.accelerators.some((a) => a.name === accelerator)) {
      throw new Error(`${vscode.workspace.asRelativePath(doc.uri)} has no accelerator ${accelerator} any more.`);
    }
    const profile = await this.session.requireActiveProfile();
    const services = this.session.servicesFor(profile);
    const plan = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: `Reading ${accelerator ?? 'the accelerators of the file'} from profile "${profile.name}"…` },
      () => planConfig(scopeTo(desired.config as NonNullable<typeof desired.config>, accelerator), services),
    );
    return { doc, accelerator, desired, profile, services, plan };
  }

  private setDrift(p: Planned): void {
    const key = p.doc.uri.toString();
    const byScope = this.driftByScope.get(key) ?? new Map<string, vscode.Diagnostic[]>();
    // A whole-file refresh replaces every accelerator's part; an accelerator's replaces its own.
    if (p.accelerator === undefined) byScope.clear();
    const config = p.desired.config;
    const problems: Problem[] = [...p.plan.problems, ...driftProblems(p.plan)].map((x) => (config ? { ...x, path: unscopePath(x.path, config, p.accelerator) } : x));
    byScope.set(p.accelerator ?? '*', problems.map((x) => toDiagnostic(x, p.desired, p.doc)));
    this.driftByScope.set(key, byScope);
    this.drift.set(p.doc.uri, [...byScope.values()].flat());
  }

  private clearDrift(uri: vscode.Uri): void {
    if (!this.driftByScope.delete(uri.toString())) return;
    this.drift.delete(uri);
  }

  private async afterApply(planned: Planned, report: ApplyReport): Promise<void> {
    // What is left to do (nothing, after a complete apply) becomes the drift of the file.
    const again = await this.planFor(planned.doc.uri, planned.accelerator).catch(() => undefined);
    if (again) this.setDrift(again);
    const done = report.outcomes.filter((o) => o.status === 'done').length;
    if (report.ok) {
      void vscode.window.showInformationMessage(`Applied ${scopeName(planned)}: ${done} step${done === 1 ? '' : 's'} done.`);
      return;
    }
    const failed = report.outcomes.find((o) => o.status === 'failed');
    const notDone = report.outcomes.length - done;
    const head = report.cancelled && !failed ? `Apply of ${scopeName(planned)} cancelled after the call in flight` : `Apply of ${scopeName(planned)} failed: ${failed?.operation.title}: ${failed?.message}`;
    const choice = await vscode.window.showErrorMessage(`${head}. ${done} step${done === 1 ? '' : 's'} done, ${notDone} not done; apply again to finish (nothing is bought twice).`, 'Show Details');
    if (choice === 'Show Details') this.session.log.show();
  }
}

/** The ga.yaml editor feature (index.ts FEATURES): code lenses, plan preview, apply and drift. */
export function registerPlanUi(editor: GaYamlEditor, host: { tree: ExplorerTree }): vscode.Disposable[] {
  return [new PlanUi(editor, host.tree)];
}

function scopeName(p: Pick<Planned, 'doc' | 'accelerator'>): string {
  const file = vscode.workspace.asRelativePath(p.doc.uri);
  return p.accelerator ? `${p.accelerator} (${file})` : file;
}

async function documentFor(uri: vscode.Uri | string | undefined, editor: GaYamlEditor): Promise<vscode.TextDocument> {
  if (uri !== undefined) return vscode.workspace.openTextDocument(typeof uri === 'string' ? vscode.Uri.parse(uri) : uri);
  const active = vscode.window.activeTextEditor?.document;
  if (active && editor.isGaYaml(active)) return active;
  throw new Error('Open a ga.yaml (or *.ga.yaml) first: plan and apply work on the file in the active editor.');
}

function toDiagnostic(p: Problem, desired: DesiredState, doc: vscode.TextDocument): vscode.Diagnostic {
  const span = desired.parsed.spanOf(p.path);
  const range = new vscode.Range(doc.positionAt(span.start), doc.positionAt(span.end));
  const severity = p.severity === 'error' ? vscode.DiagnosticSeverity.Error : p.severity === 'warning' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Information;
  const d = new vscode.Diagnostic(range, p.message, severity);
  d.code = p.code;
  d.source = 'ga-ipv6 plan';
  return d;
}

/** The modal before anything is changed: counts, what is deleted or replaced, and everything bought, on what terms. */
function confirmation(p: Planned): { message: string; detail: string; confirmLabel: string } {
  const n = countChanges(p.plan.changes);
  const gone = p.plan.changes.filter((c) => c.action === 'delete' || c.action === 'replace');
  const lines = [
    `Profile "${p.profile.name}": ${n.create} to create, ${n.update} to update, ${n.replace} to replace, ${n.delete} to delete.`,
    ...(gone.length
      ? ['', 'Deleted or replaced:', ...gone.map((c) => `• ${c.address}${c.reason ? ` — ${c.reason}` : ''}${c.dependents.length ? ` (with it: ${c.dependents.join('; ')})` : ''}`)]
      : []),
    ...(p.plan.purchases.length
      ? ['', `Bought (${p.plan.purchases.length}):`, ...p.plan.purchases.flatMap((x) => [`• ${x.title}${x.subscription ? ' — subscription' : ''}`, ...x.lines.map((l) => `   ${l}`)])]
      : []),
  ];
  return {
    message: p.plan.purchases.length ? `Apply ${scopeName(p)} and buy ${p.plan.purchases.length === 1 ? 'what is listed' : `${p.plan.purchases.length} purchases`}?` : `Apply ${scopeName(p)}?`,
    detail: lines.join('\n'),
    confirmLabel: p.plan.purchases.length ? 'Buy and Apply' : 'Apply',
  };
}
