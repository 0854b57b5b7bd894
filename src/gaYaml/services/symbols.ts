// The outline of a ga.yaml (document symbols): accelerators with their areas, listeners, endpoint groups and
// endpoints, and DNS zones with their records, each with a one-line summary.
import { childPath, formatPortRanges, specName } from '../../model';
import { isCompleteRange } from '../draft';
import type { ParsedGaYaml } from '../parse';
import type { Span } from '../sourceText';

export type SymbolKind = 'accelerator' | 'area' | 'listener' | 'endpointGroup' | 'endpoint' | 'zone' | 'record' | 'section';

export interface GaSymbol {
  name: string;
  detail: string;
  kind: SymbolKind;
  /** The whole entry. */
  span: Span;
  /** Its name (the key, or the first line of a list item). */
  selection: Span;
  children: GaSymbol[];
}

export function documentSymbols(parsed: ParsedGaYaml): GaSymbol[] {
  const sym = (path: string, name: string, detail: string, kind: SymbolKind, children: GaSymbol[] = []): GaSymbol | undefined => {
    const node = parsed.node(path);
    if (!node) return undefined;
    const start = node.key?.start ?? node.value.start;
    const end = Math.max(node.value.end, node.key?.end ?? 0);
    const selection = node.key ?? { start: node.value.start, end: Math.min(node.value.end, parsed.source.lineEnd(parsed.source.positionAt(node.value.start).line)) };
    return { name, detail, kind, span: { start, end }, selection, children };
  };
  const defined = <T>(x: T | undefined): x is T => x !== undefined;
  const accelerators = (parsed.draft.accelerators ?? []).map((a) => {
    const base = childPath('accelerators', a.name ?? '');
    const areas = (a.areas ?? []).map((r) => sym(childPath(base, 'areas', r.region ?? ''), r.region ?? '', [r.ipVersion, r.bandwidth !== undefined ? `${r.bandwidth} Mbit/s` : undefined].filter(Boolean).join(' · '), 'area')).filter(defined);
    const listeners = (a.listeners ?? []).map((l) => {
      const lPath = childPath(base, 'listeners', l.name ?? '');
      const groups = (l.endpointGroups ?? []).map((g, i) => {
        const gPath = childPath(lPath, 'endpointGroups', i);
        const endpoints = (g.endpoints ?? []).map((e, j) => sym(childPath(gPath, 'endpoints', j), e.ip ?? `endpoint ${j + 1}`, e.weight !== undefined ? `weight ${e.weight}` : '', 'endpoint')).filter(defined);
        return sym(gPath, g.name ?? `endpoint group ${i + 1}`, g.region ?? '', 'endpointGroup', endpoints);
      }).filter(defined);
      const ports = formatPortRanges((l.ports ?? []).filter(isCompleteRange));
      return sym(lPath, l.name ?? '', [l.protocol, ports].filter(Boolean).join(' '), 'listener', groups);
    }).filter(defined);
    const detail = [a.spec !== undefined ? specName(a.spec) : undefined, a.billing, a.state === 'absent' ? 'absent' : undefined].filter(Boolean).join(' · ');
    return sym(base, a.name ?? '', detail, 'accelerator', [...areas, ...listeners]);
  }).filter(defined);
  const zones = (parsed.draft.dns ?? []).map((z) => {
    const zPath = childPath('dns', z.zone ?? '');
    const records = (z.records ?? []).map((r, i) => sym(childPath(zPath, i), `${r.host ?? '?'} ${r.type ?? ''}`.trim(), r.to !== undefined ? `→ ${r.to}` : (r.value ?? ''), 'record')).filter(defined);
    return sym(zPath, z.zone ?? '', `${records.length} record${records.length === 1 ? '' : 's'}`, 'zone', records);
  }).filter(defined);
  const sections: GaSymbol[] = [];
  const acc = sym('accelerators', 'accelerators', `${accelerators.length}`, 'section', accelerators);
  if (acc) {
    acc.span = { start: acc.span.start, end: Math.max(acc.span.end, ...accelerators.map((s) => s.span.end)) };
    sections.push(acc);
  }
  const dns = sym('dns', 'dns', `${zones.length}`, 'section', zones);
  if (dns) {
    dns.span = { start: dns.span.start, end: Math.max(dns.span.end, ...zones.map((s) => s.span.end)) };
    sections.push(dns);
  }
  return sections;
}
