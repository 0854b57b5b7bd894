// One problem type for every check: the workflow steps, the webview forms, ga.yaml diagnostics and the command
// line all report in it, with the same words. Pure: a webview bundles this module.
//
// Paths use one grammar, the ga.yaml address of the offending value:
//   accelerators.web-ipv6.listeners.web.ports[0]
//   accelerators.web-ipv6.listeners.web.endpointGroups[0].endpoints[1].weight
//   dns.example.com[0].to
// Object keys are joined with dots (a key may itself contain dots, e.g. a DNS zone: the grammar is for people
// and for matching, parse it with the document's structure, not by splitting), array indexes are `[n]`.
// Outside a file (a form), the path is the form's field name in the same grammar, e.g. `endpoints[0].weight`.

export type Severity = 'error' | 'warning' | 'info';

/** A change that fixes the problem, applied to the value at `path` (quick fix, form "use this" button). */
export type ProblemFix =
  | { kind: 'setValue'; title: string; value: string | number | boolean }
  | { kind: 'renameKey'; title: string; to: string }
  | { kind: 'addKey'; title: string; key: string; value: unknown }
  | { kind: 'removeKey'; title: string };

export interface Problem {
  /** Where, in the grammar above. */
  path: string;
  /** What is wrong and what to do, in words a person can act on. */
  message: string;
  severity: Severity;
  /** Stable code, e.g. GA012: documented in docs/ga-yaml.md and never reused for another rule. */
  code: string;
  fix?: ProblemFix;
}

export type PathSegment = string | number;

/** `['accelerators', 'web-ipv6', 'ports', 0]` → `accelerators.web-ipv6.ports[0]`. */
export function formatPath(segments: readonly PathSegment[]): string {
  let out = '';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else out += out === '' ? s : `.${s}`;
  }
  return out;
}

/** Appends segments to a path already in the grammar. */
export function childPath(base: string, ...segments: readonly PathSegment[]): string {
  const rest = formatPath(segments);
  if (base === '') return rest;
  if (rest === '') return base;
  return rest.startsWith('[') ? base + rest : `${base}.${rest}`;
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}

export function errorsOf(problems: readonly Problem[]): Problem[] {
  return problems.filter((p) => p.severity === 'error');
}

/** The first problem at `path` (exactly), e.g. to show next to one form field. */
export function problemAt(problems: readonly Problem[], path: string, severity?: Severity): Problem | undefined {
  return problems.find((p) => p.path === path && (severity === undefined || p.severity === severity));
}

/** Problems sorted for display: errors first, then by path. Stable for equal keys. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  const rank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => rank[a.p.severity] - rank[b.p.severity] || a.p.path.localeCompare(b.p.path) || a.i - b.i)
    .map(({ p }) => p);
}
