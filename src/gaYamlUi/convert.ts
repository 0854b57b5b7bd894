// gaYaml's LSP-shaped results as VS Code objects, and back.
import * as vscode from 'vscode';
import type { CompletionKind, GaCompletionItem, GaSymbol, GaYamlDiagnostic, Span, SymbolKind, TextEdit } from '../gaYaml';
import type { Severity } from '../model';

export const DIAGNOSTIC_SOURCE = 'ga.yaml';

export function toRange(document: vscode.TextDocument, span: Span): vscode.Range {
  return new vscode.Range(document.positionAt(span.start), document.positionAt(span.end));
}

export function toSpan(document: vscode.TextDocument, range: vscode.Range): Span {
  return { start: document.offsetAt(range.start), end: document.offsetAt(range.end) };
}

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

export function toDiagnostic(d: GaYamlDiagnostic): vscode.Diagnostic {
  const range = new vscode.Range(d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character);
  const out = new vscode.Diagnostic(range, d.message, SEVERITY[d.severity]);
  out.code = d.code;
  out.source = DIAGNOSTIC_SOURCE;
  return out;
}

const COMPLETION_KIND: Record<CompletionKind, vscode.CompletionItemKind> = {
  property: vscode.CompletionItemKind.Property,
  enum: vscode.CompletionItemKind.EnumMember,
  value: vscode.CompletionItemKind.Value,
  region: vscode.CompletionItemKind.Constant,
  reference: vscode.CompletionItemKind.Reference,
  zone: vscode.CompletionItemKind.Module,
  snippet: vscode.CompletionItemKind.Snippet,
};

export function toCompletionItem(document: vscode.TextDocument, item: GaCompletionItem): vscode.CompletionItem {
  const out = new vscode.CompletionItem(item.label, COMPLETION_KIND[item.kind]);
  out.detail = item.detail;
  if (item.documentation) out.documentation = new vscode.MarkdownString(item.documentation);
  out.insertText = item.snippet ? new vscode.SnippetString(item.insertText) : item.insertText;
  out.range = toRange(document, item.range);
  if (item.sortText) out.sortText = item.sortText;
  if (item.filterText) out.filterText = item.filterText;
  return out;
}

const SYMBOL_KIND: Record<SymbolKind, vscode.SymbolKind> = {
  section: vscode.SymbolKind.Namespace,
  accelerator: vscode.SymbolKind.Class,
  area: vscode.SymbolKind.Field,
  listener: vscode.SymbolKind.Interface,
  endpointGroup: vscode.SymbolKind.Struct,
  endpoint: vscode.SymbolKind.Constant,
  zone: vscode.SymbolKind.Module,
  record: vscode.SymbolKind.Property,
};

export function toSymbol(document: vscode.TextDocument, s: GaSymbol): vscode.DocumentSymbol {
  const out = new vscode.DocumentSymbol(s.name || '(unnamed)', s.detail, SYMBOL_KIND[s.kind], toRange(document, s.span), toRange(document, s.selection));
  out.children = s.children.map((c) => toSymbol(document, c));
  return out;
}

export function toWorkspaceEdit(document: vscode.TextDocument, edits: readonly TextEdit[]): vscode.WorkspaceEdit {
  const out = new vscode.WorkspaceEdit();
  for (const e of edits) out.replace(document.uri, toRange(document, e.span), e.newText);
  return out;
}
