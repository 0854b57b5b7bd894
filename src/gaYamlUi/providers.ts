// Completion, hover, quick fixes, outline and go to definition for ga-yaml documents: each a thin call of the
// pure service in src/gaYaml with the document's text and the active profile's facts.
import * as vscode from 'vscode';
import { parseRecordTarget } from '../model';
import { toCompletionItem, toDiagnostic, toRange, toSpan, toSymbol, toWorkspaceEdit } from './convert';
import type { GaYamlEditor } from './editor';
import { GA_YAML_SELECTOR } from './language';

/** How long hover waits for the live address of a `to:` target before showing what it knows. */
const LIVE_HOVER_TIMEOUT_MS = 2000;

export function registerProviders(editor: GaYamlEditor): vscode.Disposable[] {
  const key = (d: vscode.TextDocument) => d.uri.toString();
  return [
    vscode.languages.registerCompletionItemProvider(
      GA_YAML_SELECTOR,
      {
        provideCompletionItems(document, position) {
          const items = editor.service.completions(key(document), document.version, document.getText(), document.offsetAt(position), editor.factsFor(document));
          return items.map((i) => toCompletionItem(document, i));
        },
      },
      ':',
      ' ',
      '/',
      '-',
    ),
    vscode.languages.registerHoverProvider(GA_YAML_SELECTOR, {
      async provideHover(document, position, token) {
        const offset = document.offsetAt(position);
        const text = document.getText();
        let facts = editor.factsFor(document);
        const target = toTargetAt(editor, document, offset);
        if (target) {
          const live = await editor.facts.accelerators(editor.session.profiles.active(), [target], LIVE_HOVER_TIMEOUT_MS);
          if (token.isCancellationRequested) return undefined;
          if (live) facts = { ...facts, accelerators: live };
        }
        const h = editor.service.hover(key(document), document.version, text, offset, facts);
        return h ? new vscode.Hover(new vscode.MarkdownString(h.contents), toRange(document, h.span)) : undefined;
      },
    }),
    vscode.languages.registerCodeActionsProvider(
      GA_YAML_SELECTOR,
      {
        provideCodeActions(document, range, context) {
          const actions = editor.service.codeActions(key(document), document.version, document.getText(), toSpan(document, range), editor.factsFor(document));
          return actions.map((a) => {
            const action = new vscode.CodeAction(a.title, vscode.CodeActionKind.QuickFix);
            action.edit = toWorkspaceEdit(document, a.edits);
            action.isPreferred = a.preferred;
            const start = new vscode.Position(a.diagnostic.range.start.line, a.diagnostic.range.start.character);
            // The diagnostic as the editor shows it, so the light bulb ties the fix to it.
            const shown = context.diagnostics.find((d) => String(d.code) === a.diagnostic.code && d.range.start.isEqual(start));
            action.diagnostics = [shown ?? toDiagnostic(a.diagnostic)];
            return action;
          });
        },
      },
      { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] },
    ),
    vscode.languages.registerDocumentSymbolProvider(
      GA_YAML_SELECTOR,
      {
        provideDocumentSymbols(document) {
          return editor.service.symbols(key(document), document.version, document.getText()).map((s) => toSymbol(document, s));
        },
      },
      { label: 'ga.yaml' },
    ),
    vscode.languages.registerDefinitionProvider(GA_YAML_SELECTOR, {
      provideDefinition(document, position) {
        const span = editor.service.definition(key(document), document.version, document.getText(), document.offsetAt(position));
        return span ? new vscode.Location(document.uri, toRange(document, span)) : undefined;
      },
    }),
  ];
}

/** The accelerator a `to:` value under the cursor names, if any (hover then asks for its live addresses). */
function toTargetAt(editor: GaYamlEditor, document: vscode.TextDocument, offset: number): string | undefined {
  const at = editor.result(document).parsed.nodeAt(offset);
  if (!at || at.part !== 'value' || !/^dns\..*\[\d+\]\.to$/.test(at.path)) return undefined;
  const raw = document.getText().slice(at.info.value.start, at.info.value.end).replace(/^["']|["']$/g, '');
  return parseRecordTarget(raw).accelerator || undefined;
}
