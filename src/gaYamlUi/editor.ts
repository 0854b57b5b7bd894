// The ga.yaml editor's shared state: the language service (per-document validators), the live facts of the active
// profile, and diagnostics as you type — debounced, stale runs dropped, only for ga-yaml documents. Features
// (providers, commands, and later code lenses and drift) get this object from index.ts.
import * as vscode from 'vscode';
import { GaYamlLanguageService, type GaYamlFacts, type ValidationResult } from '../gaYaml';
import type { Session } from '../ui/session';
import { DIAGNOSTIC_SOURCE, toDiagnostic } from './convert';
import { KeyedDebouncer } from './debounce';
import { GA_YAML_LANGUAGE } from './language';
import { LiveFacts } from './liveFacts';

/** Quiet time after the last keystroke before a document is checked again. */
export const DIAGNOSTICS_DEBOUNCE_MS = 250;

export interface ValidatedEvent {
  document: vscode.TextDocument;
  result: ValidationResult;
}

export class GaYamlEditor implements vscode.Disposable {
  readonly service = new GaYamlLanguageService();
  readonly facts: LiveFacts;
  readonly diagnostics = vscode.languages.createDiagnosticCollection(DIAGNOSTIC_SOURCE);
  private readonly debouncer = new KeyedDebouncer<string>(DIAGNOSTICS_DEBOUNCE_MS);
  private readonly validatedEmitter = new vscode.EventEmitter<ValidatedEvent>();
  /** After each validation that reached the Problems view. */
  readonly onDidValidate = this.validatedEmitter.event;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(readonly session: Session) {
    this.facts = new LiveFacts((profile) => session.servicesFor(profile), (line) => session.log.line(line));
    const unsubscribeFacts = this.facts.onDidChange(() => this.revalidateAll());
    const unsubscribeProfiles = session.profiles.onDidChange(() => this.revalidateAll());
    this.disposables.push(
      this.diagnostics,
      this.validatedEmitter,
      { dispose: () => this.debouncer.dispose() },
      { dispose: unsubscribeFacts },
      { dispose: unsubscribeProfiles },
      vscode.workspace.onDidOpenTextDocument((d) => this.isGaYaml(d) && this.validateNow(d)),
      vscode.workspace.onDidChangeTextDocument((e) => this.isGaYaml(e.document) && e.contentChanges.length > 0 && this.schedule(e.document)),
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d)),
    );
    for (const d of vscode.workspace.textDocuments) if (this.isGaYaml(d)) this.validateNow(d);
  }

  isGaYaml(document: vscode.TextDocument): boolean {
    return document.languageId === GA_YAML_LANGUAGE;
  }

  /** The active profile's facts for a document, as known now (never waits for the network). */
  factsFor(document?: vscode.TextDocument): GaYamlFacts {
    const zones = document ? (this.service.current(document.uri.toString(), document.getText())?.parsed.draft.dns ?? []).map((z) => z.zone ?? '') : [];
    return this.facts.current(this.session.profiles.active(), zones);
  }

  /** The document checked now, its diagnostics published (unless it changed meanwhile). */
  validateNow(document: vscode.TextDocument): ValidationResult {
    this.debouncer.cancel(document.uri.toString());
    const version = document.version;
    const result = this.service.update(document.uri.toString(), version, document.getText(), this.factsFor(document));
    if (document.isClosed || document.version !== version) return result;
    this.diagnostics.set(document.uri, result.diagnostics.map(toDiagnostic));
    this.validatedEmitter.fire({ document, result });
    return result;
  }

  /** Checks the document once typing pauses; a newer change replaces a pending check. */
  schedule(document: vscode.TextDocument): void {
    const version = document.version;
    this.debouncer.schedule(document.uri.toString(), () => {
      // A run for a version that is no longer the document's is stale: the newer change has its own run.
      if (!document.isClosed && document.version === version) this.validateNow(document);
    });
  }

  /** The current result for a document (validated now if it changed since the last run). */
  result(document: vscode.TextDocument): ValidationResult {
    return this.service.current(document.uri.toString(), document.getText()) ?? this.validateNow(document);
  }

  private revalidateAll(): void {
    for (const d of vscode.workspace.textDocuments) if (this.isGaYaml(d)) this.schedule(d);
  }

  private forget(document: vscode.TextDocument): void {
    const uri = document.uri.toString();
    this.debouncer.cancel(uri);
    this.service.close(uri);
    this.diagnostics.delete(document.uri);
  }

  dispose(): void {
    for (const d of this.disposables.splice(0).reverse()) d.dispose();
  }
}
