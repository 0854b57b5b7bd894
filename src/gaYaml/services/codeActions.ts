// Quick fixes for ga.yaml diagnostics: each problem's own fix (clamp a weight, the nearest valid port, an IPv6
// region, add a missing key, rename an unknown key, to ↔ value, …) as text edits, plus the alternatives a person
// may prefer (the other IPv6 regions nearby, keeping `value` instead of `to`).
import { KNOWN_REGIONS, ipv6Regions, regionName, RULES, type ProblemFix } from '../../model';
import type { GaYamlFacts } from '../facts';
import type { ParsedGaYaml } from '../parse';
import type { Span } from '../sourceText';
import type { GaYamlDiagnostic } from '../validate';
import { editsFor, type TextEdit } from './edits';

export interface GaCodeAction {
  title: string;
  /** The diagnostic it fixes. */
  diagnostic: GaYamlDiagnostic;
  edits: TextEdit[];
  /** The fix the problem itself proposes (VS Code's "preferred" quick fix, applied by Auto Fix). */
  preferred: boolean;
}

/** Quick fixes for the diagnostics that touch `span` (the selection or the cursor). */
export function codeActions(parsed: ParsedGaYaml, diagnostics: readonly GaYamlDiagnostic[], span: Span, facts: GaYamlFacts = {}): GaCodeAction[] {
  const out: GaCodeAction[] = [];
  for (const d of diagnostics) {
    if (d.span.end < span.start || d.span.start > span.end) continue;
    const fixes: Alternative[] = [];
    if (d.fix) fixes.push({ path: d.path, fix: d.fix, preferred: true });
    for (const alt of alternatives(d, facts)) {
      if (!fixes.some((f) => f.path === alt.path && JSON.stringify(f.fix) === JSON.stringify(alt.fix))) fixes.push(alt);
    }
    for (const { path, fix, preferred } of fixes) {
      const edits = editsFor(parsed, path, fix);
      if (edits) out.push({ title: fix.title, diagnostic: d, edits, preferred });
    }
  }
  return out;
}

interface Alternative {
  path: string;
  fix: ProblemFix;
  preferred: boolean;
}

function alternatives(d: GaYamlDiagnostic, facts: GaYamlFacts): Alternative[] {
  const alt = (fix: ProblemFix, path = d.path): Alternative => ({ path, fix, preferred: false });
  if ((d.code === RULES.ipv6Region.code || d.code === RULES.unknownRegion.code) && /\.areas\.[^.]+$/.test(d.path)) {
    // Other IPv6 regions of the same geographic area first, then the rest (at most five in all).
    const region = d.path.slice(d.path.lastIndexOf('.') + 1);
    const area = KNOWN_REGIONS.find((r) => r.regionId === region)?.areaId;
    const candidates = ipv6Regions(facts.liveRegions).filter((r) => r !== region);
    const sameArea = candidates.filter((r) => KNOWN_REGIONS.find((k) => k.regionId === r)?.areaId === area);
    return [...sameArea, ...candidates.filter((r) => !sameArea.includes(r))].slice(0, 5).map((r) => alt({ kind: 'setValue', title: `Use ${regionName(r, facts.liveRegions)} (${r})`, value: r }));
  }
  if (d.code === RULES.toOrValue.code && d.fix?.kind === 'removeKey') {
    return [alt({ kind: 'removeKey', title: 'Remove to (keep value)' }, d.path.replace(/\.value$/, '.to'))];
  }
  return [];
}
