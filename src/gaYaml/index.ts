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
