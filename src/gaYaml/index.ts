// ga.yaml as a language, pure (no vscode): parse with ranges, check, complete, hover, fix, outline, and write.
// src/gaYamlUi is the VS Code adapter, src/cli the command line; both call these services.
export { splitChunks, type Chunk, type ChunkKind } from './chunks';
export { toGaConfig, isCompleteRange, type Draft, type GaConfigDraft, type AcceleratorDraft, type DnsZoneDraft } from './draft';
export { GaYamlParser, ParsedGaYaml, parseGaYaml, parseProblems, parentPath, type LocatedProblem, type NodeInfo } from './parse';
export { ROOT_SHAPE, shapeAt, fieldOf, type Shape, type Field } from './shape';
export { SourceText, type Position, type Range, type Span } from './sourceText';
export { writeGaYaml, yamlScalar, yamlFlow, formatPortEntry, type WriteOptions } from './writer';
export { walkthroughConfig, WALKTHROUGH_BACKEND, WALKTHROUGH_HEADER } from './walkthrough';
export { GaYamlValidator, validateGaYaml, checkGaConfig, type GaYamlDiagnostic, type ValidationResult } from './validate';
export { NO_FACTS, type GaYamlFacts, type LiveAccelerator } from './facts';
export { recordTargets } from './checks/dns';
export { GaYamlLanguageService } from './languageService';
export { completions, fieldDoc, type GaCompletionItem, type CompletionKind } from './services/completion';
export { hover, type GaHover } from './services/hover';
export { codeActions, type GaCodeAction } from './services/codeActions';
export { editsFor, type TextEdit } from './services/edits';
export { documentSymbols, type GaSymbol, type SymbolKind } from './services/symbols';
export { definition } from './services/definition';
export { describeTarget, liveAccelerator } from './services/targets';
export { cursorContext, type CursorContext } from './context';
export { pathSegments } from './paths';
export { gaYamlJsonSchema, gaYamlJsonSchemaText } from './jsonSchema';
