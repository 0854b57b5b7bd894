// The plan preview: a read-only document beside the ga.yaml (scheme ga-ipv6-plan) with the plan as text, grouped by
// accelerator, before → after, coloured with the theme's own colours: creations as added, updates as modified,
// deletions and replacements as deleted, purchases as warnings (bold, highlighted).
import * as vscode from 'vscode';
import { renderPlanText, PLAIN, type Plan } from '../workflows';
import { planLineTones, type Tone } from './planTargets';

export const PLAN_SCHEME = 'ga-ipv6-plan';

export class PlanPreview implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly tones: Record<Tone, vscode.TextEditorDecorationType> = {
    create: vscode.window.createTextEditorDecorationType({ color: new vscode.ThemeColor('gitDecoration.addedResourceForeground') }),
    update: vscode.window.createTextEditorDecorationType({ color: new vscode.ThemeColor('gitDecoration.modifiedResourceForeground') }),
    delete: vscode.window.createTextEditorDecorationType({ color: new vscode.ThemeColor('gitDecoration.deletedResourceForeground') }),
    purchase: vscode.window.createTextEditorDecorationType({
      color: new vscode.ThemeColor('editorWarning.foreground'),
      fontWeight: 'bold',
      backgroundColor: new vscode.ThemeColor('editor.findMatchHighlightBackground'),
      isWholeLine: true,
    }),
  };
  private readonly disposables: vscode.Disposable[];

  constructor() {
    this.disposables = [
      vscode.workspace.registerTextDocumentContentProvider(PLAN_SCHEME, this),
      vscode.window.onDidChangeVisibleTextEditors((editors) => editors.forEach((e) => this.decorate(e))),
      this.changed,
      ...Object.values(this.tones),
    ];
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? 'This plan is no longer available: run Plan again.';
  }

  /** Shows the plan of `file` (or of one of its accelerators) beside it; returns the preview's document. */
  async show(file: vscode.Uri, accelerator: string | undefined, profileName: string, plan: Plan): Promise<vscode.TextDocument> {
    const name = vscode.workspace.asRelativePath(file);
    const uri = vscode.Uri.from({ scheme: PLAN_SCHEME, path: `/Plan of ${accelerator ?? name}`, query: new URLSearchParams({ file: file.toString(), ...(accelerator ? { accelerator } : {}) }).toString() });
    const header = [
      `Plan of ${accelerator ? `accelerator ${accelerator} in ` : ''}${name}, against profile "${profileName}" (${new Date().toLocaleString()})`,
      plan.operations.length > 0 ? `Apply it with the "Apply" code lens${accelerator ? ` above ${accelerator}` : ''} in ${name}, or "Global Accelerator: Apply ga.yaml".` : '',
      '',
    ].filter((l, i) => l !== '' || i === 2);
    this.texts.set(uri.toString(), [...header, renderPlanText(plan, PLAIN), ''].join('\n'));
    this.changed.fire(uri);
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: true, preserveFocus: false });
    this.decorate(editor);
    return doc;
  }

  private decorate(editor: vscode.TextEditor): void {
    if (editor.document.uri.scheme !== PLAN_SCHEME) return;
    const byTone = new Map<Tone, vscode.Range[]>();
    for (const { line, tone } of planLineTones(editor.document.getText())) {
      byTone.set(tone, [...(byTone.get(tone) ?? []), editor.document.lineAt(line).range]);
    }
    for (const tone of Object.keys(this.tones) as Tone[]) editor.setDecorations(this.tones[tone], byTone.get(tone) ?? []);
  }

  dispose(): void {
    for (const d of this.disposables.splice(0).reverse()) d.dispose();
  }
}
