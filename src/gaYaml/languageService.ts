// The services composed, per open document (yaml-language-server's shape): each document keeps its own
// validator, so a keystroke re-parses and re-checks only the accelerators it touched; the last result serves
// completion, hover, quick fixes, outline and definition until the next change. No editor API here: the VS Code
// adapter (src/gaYamlUi) debounces, cancels stale runs and converts the results.
import type { GaYamlFacts } from './facts';
import { NO_FACTS } from './facts';
import { codeActions, type GaCodeAction } from './services/codeActions';
import { completions, type GaCompletionItem } from './services/completion';
import { definition } from './services/definition';
import { hover, type GaHover } from './services/hover';
import { documentSymbols, type GaSymbol } from './services/symbols';
import type { Span } from './sourceText';
import { GaYamlValidator, type ValidationResult } from './validate';

interface DocumentState {
  validator: GaYamlValidator;
  version: number;
  text: string;
  facts: GaYamlFacts;
  result: ValidationResult;
}

export class GaYamlLanguageService {
  private readonly documents = new Map<string, DocumentState>();

  /** Validates a document's text (or returns the result for this version and facts if it has it). */
  update(uri: string, version: number, text: string, facts: GaYamlFacts = NO_FACTS): ValidationResult {
    let state = this.documents.get(uri);
    if (state && state.version === version && state.text === text && state.facts === facts) return state.result;
    const validator = state?.validator ?? new GaYamlValidator();
    const result = validator.validate(text, facts);
    state = { validator, version, text, facts, result };
    this.documents.set(uri, state);
    return result;
  }

  /** The last result for a document, if it was validated with exactly this text. */
  current(uri: string, text: string): ValidationResult | undefined {
    const state = this.documents.get(uri);
    return state && state.text === text ? state.result : undefined;
  }

  close(uri: string): void {
    this.documents.delete(uri);
  }

  completions(uri: string, version: number, text: string, offset: number, facts: GaYamlFacts = NO_FACTS): GaCompletionItem[] {
    return completions(this.resultFor(uri, version, text, facts).parsed, offset, facts);
  }

  hover(uri: string, version: number, text: string, offset: number, facts: GaYamlFacts = NO_FACTS): GaHover | undefined {
    return hover(this.resultFor(uri, version, text, facts).parsed, offset, facts);
  }

  codeActions(uri: string, version: number, text: string, span: Span, facts: GaYamlFacts = NO_FACTS): GaCodeAction[] {
    const result = this.resultFor(uri, version, text, facts);
    return codeActions(result.parsed, result.diagnostics, span, facts);
  }

  symbols(uri: string, version: number, text: string): GaSymbol[] {
    return documentSymbols(this.resultFor(uri, version, text, NO_FACTS).parsed);
  }

  definition(uri: string, version: number, text: string, offset: number): Span | undefined {
    return definition(this.resultFor(uri, version, text, NO_FACTS).parsed, offset);
  }

  /** The current result when the text matches (whatever the facts), else a fresh validation. */
  private resultFor(uri: string, version: number, text: string, facts: GaYamlFacts): ValidationResult {
    return this.current(uri, text) ?? this.update(uri, version, text, facts);
  }
}
