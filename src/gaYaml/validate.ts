// ga.yaml text → diagnostics: the parser's problems (syntax and shape) and every rule of the checks, each with its
// code, severity and the range of the offending node; and the GaConfig when nothing is an error. The same engine
// serves the editor (one GaYamlValidator per document, which reuses unchanged accelerators' parse and checks)
// and `ga-ipv6 validate`.
import { hasErrors, type GaConfig, type Problem } from '../model';
import { acceleratorProblems } from './checks/accelerator';
import { dnsProblems } from './checks/dns';
import { toGaConfig, type GaConfigDraft } from './draft';
import { NO_FACTS, type GaYamlFacts } from './facts';
import { GaYamlParser, type LocatedProblem, type ParsedGaYaml } from './parse';
import type { Range, Span } from './sourceText';

export interface GaYamlDiagnostic extends Problem {
  span: Span;
  range: Range;
}

export interface ValidationResult {
  readonly parsed: ParsedGaYaml;
  /** In document order. */
  readonly diagnostics: GaYamlDiagnostic[];
  /** The desired state, when no diagnostic is an error (made when first read). */
  readonly config: GaConfig | undefined;
}

class Result implements ValidationResult {
  private made = false;
  private value: GaConfig | undefined;

  constructor(
    readonly parsed: ParsedGaYaml,
    readonly diagnostics: GaYamlDiagnostic[],
  ) {}

  get config(): GaConfig | undefined {
    if (!this.made) {
      this.value = hasErrors(this.diagnostics) ? undefined : toGaConfig(this.parsed.draft);
      this.made = true;
    }
    return this.value;
  }
}

/** Every rule problem of a draft, without places: for callers that hold a configuration rather than a file. */
export function checkGaConfig(draft: GaConfigDraft, facts: GaYamlFacts = NO_FACTS): Problem[] {
  const accelerators = draft.accelerators ?? [];
  return [...accelerators.flatMap((a) => acceleratorProblems(a, facts)), ...dnsProblems(draft.dns ?? [], accelerators, facts)];
}

const MEMO_KEY = 'acceleratorChecks';

interface AcceleratorMemo {
  facts: GaYamlFacts;
  /** Per accelerator name: its problems, with spans relative to the chunk. */
  byName: Map<string, LocatedProblem[]>;
}

export class GaYamlValidator {
  private readonly parser = new GaYamlParser();

  /**
   * Validates `text`. Pass the same `facts` object while the facts are unchanged: the checks of accelerators whose
   * text did not change are then reused.
   */
  validate(text: string, facts: GaYamlFacts = NO_FACTS): ValidationResult {
    const parsed = this.parser.parse(text);
    const located: LocatedProblem[] = [...parsed.problems];
    const accelerators = parsed.draft.accelerators ?? [];
    accelerators.forEach((a, i) => {
      const placed = parsed.acceleratorChunks[i];
      let memo = placed.chunk.memo.get(MEMO_KEY) as AcceleratorMemo | undefined;
      if (!memo || memo.facts !== facts) {
        memo = { facts, byName: new Map() };
        placed.chunk.memo.set(MEMO_KEY, memo);
      }
      const name = a.name ?? '';
      let found = memo.byName.get(name);
      if (!found) {
        found = acceleratorProblems(a, facts).map((problem) => ({ problem, span: shiftSpan(parsed.spanOf(problem.path, placed), -placed.start) }));
        memo.byName.set(name, found);
      }
      for (const p of found) located.push({ problem: p.problem, span: shiftSpan(p.span, placed.start) });
    });
    const zoneChunk = new Map<string, (typeof parsed.zoneChunks)[number]>();
    (parsed.draft.dns ?? []).forEach((z, i) => zoneChunk.set(`dns.${z.zone ?? ''}`, parsed.zoneChunks[i]));
    for (const problem of dnsProblems(parsed.draft.dns ?? [], accelerators, facts)) {
      located.push({ problem, span: parsed.spanOf(problem.path, placedFor(problem.path, zoneChunk)) });
    }
    const diagnostics = located
      .map((l, order) => ({ l, order }))
      .sort((a, b) => a.l.span.start - b.l.span.start || a.order - b.order)
      .map(({ l }): GaYamlDiagnostic => ({ ...l.problem, span: l.span, range: parsed.source.rangeOf(l.span) }));
    return new Result(parsed, diagnostics);
  }
}

/** One-shot validation (the command line, tests). */
export function validateGaYaml(text: string, facts: GaYamlFacts = NO_FACTS): ValidationResult {
  return new GaYamlValidator().validate(text, facts);
}

function placedFor<T>(path: string, byPrefix: ReadonlyMap<string, T>): T | undefined {
  for (const [prefix, placed] of byPrefix) {
    if (path === prefix || path.startsWith(`${prefix}[`) || path.startsWith(`${prefix}.`)) return placed;
  }
  return undefined;
}

function shiftSpan(s: Span, by: number): Span {
  return { start: s.start + by, end: s.end + by };
}
