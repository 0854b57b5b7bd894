// Completion in a ga.yaml: keys at every level (with their documentation and a snippet of their required keys),
// enumeration values, regions by name with their IPv6 support, accelerator and area references after `to:`, and
// the active profile's DNS zones. `(document, position) → items`, as yaml-language-server's services are.
import { KNOWN_REGIONS, SEED_IPV6_REGIONS, regionName, type LiveRegionFlags, type PathSegment } from '../../model';
import { recordTargets } from '../checks/dns';
import { cursorContext, type CursorContext } from '../context';
import type { GaYamlFacts } from '../facts';
import type { ParsedGaYaml } from '../parse';
import { shapeAt, type Completion, type Field, type ObjectShape, type ScalarShape, type Shape } from '../shape';
import type { Span } from '../sourceText';
import { yamlScalar } from '../writer';
import { describeTarget } from './targets';

export type CompletionKind = 'property' | 'enum' | 'value' | 'region' | 'reference' | 'zone' | 'snippet';

export interface GaCompletionItem {
  label: string;
  kind: CompletionKind;
  detail?: string;
  /** Markdown. */
  documentation?: string;
  /** Text to insert; a snippet (`${1:…}`) when `snippet` is set. */
  insertText: string;
  snippet?: boolean;
  /** What the item replaces. */
  range: Span;
  sortText?: string;
  filterText?: string;
}

export function completions(parsed: ParsedGaYaml, offset: number, facts: GaYamlFacts = {}): GaCompletionItem[] {
  const ctx = cursorContext(parsed.source, offset);
  if (!ctx) return [];
  const items = ctx.kind === 'key' ? keyItems(ctx, parsed, facts) : valueItems(ctx, parsed, facts);
  // In the order the editor shows them (it sorts by sortText, then label).
  return items.map((item, i) => ({ item, i })).sort((a, b) => (a.item.sortText ?? '').localeCompare(b.item.sortText ?? '') || a.i - b.i).map(({ item }) => item);
}

// ---- keys -----------------------------------------------------------------------------------------------------

function keyItems(ctx: Extract<CursorContext, { kind: 'key' }>, parsed: ParsedGaYaml, facts: GaYamlFacts): GaCompletionItem[] {
  const shape = shapeAt(ctx.path);
  const range = { start: ctx.start, end: ctx.start + ctx.prefix.length };
  if (shape?.kind === 'object') {
    return [...shape.fields.values()]
      .filter((f) => !ctx.siblings.includes(f.key) || f.key === ctx.prefix)
      .map((f) => ({
        label: f.key,
        kind: 'property' as const,
        detail: f.summary,
        documentation: fieldDoc(f),
        insertText: ctx.flow ? `${f.key}: ${flowSnippet(f)}` : `${f.key}:${blockSnippet(f.shape, f, 1).text}`,
        snippet: true,
        range,
        sortText: `${f.required ? '0' : '1'}${f.key}`,
      }));
  }
  if (shape?.kind === 'namedMap' && !ctx.flow) {
    const body = blockSnippet(shape.value, undefined, 2).text;
    if (shape.keyCompletion === 'ipv6Region') return regionItems(facts.liveRegions, range, true).map((item) => ({ ...item, insertText: `${item.insertText}:${body}`, snippet: true }));
    if (shape.keyCompletion === 'zone') {
      return (facts.zones ?? []).map((z) => ({ label: z, kind: 'zone' as const, detail: 'a zone of this account\'s Alibaba Cloud DNS', insertText: `${yamlScalar(z)}:\n  - host: \${1:www}\n    type: \${2|AAAA,CNAME|}\n    to: \$3`, snippet: true, range }));
    }
    return [{ label: `new ${shape.what}`, kind: 'snippet', detail: shape.keyDoc, insertText: `\${1:${shape.what === 'accelerator' ? 'web-ipv6' : 'web'}}:${body}`, snippet: true, range, filterText: ctx.prefix || shape.what }];
  }
  return [];
}

/** A field's documentation: its meaning and its limits. */
export function fieldDoc(f: Field): string {
  return [f.doc, limitsOf(f.shape)].filter(Boolean).join('\n\n');
}

export function limitsOf(shape: Shape): string {
  if (shape.kind !== 'scalar') return '';
  const parts: string[] = [];
  if (shape.enum) parts.push(`One of: ${shape.enum.map((e) => `\`${e}\``).join(', ')}`);
  if (shape.minimum !== undefined && shape.maximum !== undefined) parts.push(`${shape.minimum} to ${shape.maximum}`);
  else if (shape.minimum !== undefined) parts.push(`at least ${shape.minimum}`);
  return parts.join(' · ');
}

interface Snippet {
  text: string;
  next: number;
}

/** The value part of a key's snippet in block style: ` value` for scalars, required keys on new lines for mappings. */
function blockSnippet(shape: Shape, field: Field | undefined, next: number, depth = 1): Snippet {
  const pad = '  '.repeat(depth);
  if (shape.kind === 'scalar') return { text: ` ${scalarPlaceholder(shape, field, next)}`, next: next + 1 };
  if (shape.kind === 'ports') return { text: ` [\${${next}:80}]`, next: next + 1 };
  if (shape.kind === 'object') {
    let text = '';
    let n = next;
    for (const f of [...shape.fields.values()].filter((x) => x.required)) {
      const inner = blockSnippet(f.shape, f, n, depth + 1);
      text += `\n${pad}${f.key}:${inner.text}`;
      n = inner.next;
    }
    return { text: text || `\n${pad}$${n}`, next: n + (text ? 0 : 1) };
  }
  if (shape.kind === 'list' && shape.items.kind === 'object') {
    const fields = [...shape.items.fields.values()].filter((x) => x.required);
    let text = '';
    let n = next;
    fields.forEach((f, i) => {
      const inner = blockSnippet(f.shape, f, n, depth + 2);
      text += `\n${pad}${i === 0 ? '- ' : '  '}${f.key}:${inner.text}`;
      n = inner.next;
    });
    return { text, next: n };
  }
  return { text: `\n${pad}$${next}`, next: next + 1 };
}

function flowSnippet(f: Field): string {
  if (f.shape.kind === 'scalar') return scalarPlaceholder(f.shape, f, 1);
  if (f.shape.kind === 'object') {
    const fields = [...(f.shape as ObjectShape).fields.values()].filter((x) => x.required);
    return `{ ${fields.map((x, i) => `${x.key}: ${x.shape.kind === 'scalar' ? scalarPlaceholder(x.shape, x, i + 1) : `$${i + 1}`}`).join(', ')} }`;
  }
  return '$1';
}

function scalarPlaceholder(shape: ScalarShape, field: Field | undefined, n: number): string {
  const choices = shape.type === 'boolean' ? ['false', 'true'] : shape.enum?.map((e) => (typeof e === 'string' ? yamlScalar(e) : String(e)));
  if (choices && choices.length > 0) {
    const first = field?.example !== undefined ? yamlScalar(field.example as string | number | boolean) : choices[0];
    const ordered = [first, ...choices.filter((c) => c !== first)];
    return `\${${n}|${ordered.map((c) => c.replace(/[,|\\]/g, (m) => `\\${m}`)).join(',')}|}`;
  }
  const example = field?.example;
  return `\${${n}:${example !== undefined && typeof example !== 'object' ? yamlScalar(example as string | number | boolean).replace(/[$}\\]/g, (m) => `\\${m}`) : ''}}`;
}

// ---- values ---------------------------------------------------------------------------------------------------

function valueItems(ctx: Extract<CursorContext, { kind: 'value' }>, parsed: ParsedGaYaml, facts: GaYamlFacts): GaCompletionItem[] {
  const shape = shapeAt(ctx.path);
  const range = { start: ctx.start, end: ctx.end };
  if (!shape || shape.kind !== 'scalar') return [];
  const kind: Completion | undefined = shape.completion;
  if (kind === 'region' || kind === 'ipv6Region') return regionItems(facts.liveRegions, range, kind === 'ipv6Region');
  if (kind === 'reference') return referenceItems(ctx.path, parsed, facts, range);
  if (shape.type === 'boolean') return ['true', 'false'].map((v) => ({ label: v, kind: 'value' as const, insertText: v, range }));
  if (shape.enum) {
    return shape.enum.map((e, i) => ({
      label: String(e),
      kind: 'enum' as const,
      detail: shape.enumDocs?.get(String(e)),
      insertText: typeof e === 'string' ? yamlScalar(e) : String(e),
      filterText: typeof e === 'string' && yamlScalar(e) !== e ? yamlScalar(e) : undefined,
      range,
      sortText: String(i).padStart(3, '0'),
    }));
  }
  return [];
}

/** Regions by id, named, with whether IPv6 clients can use them (the account's flags when a profile is active). */
function regionItems(live: readonly LiveRegionFlags[] | undefined, range: Span, ipv6First: boolean): GaCompletionItem[] {
  const fromLive = live && live.length > 0;
  const ids = fromLive ? live.map((r) => r.regionId) : KNOWN_REGIONS.map((r) => r.regionId);
  return ids.map((id) => {
    const ipv6 = fromLive ? live.find((r) => r.regionId === id)?.supportIpv6 === true : SEED_IPV6_REGIONS.includes(id);
    const name = regionName(id, live);
    return {
      label: id,
      kind: 'region' as const,
      detail: `${name} · ${ipv6 ? 'IPv6 clients' : 'IPv4 only'}`,
      documentation: `${name}: ${ipv6 ? 'IPv6 clients in this region can connect to GA' : 'IPv6 clients here cannot connect to GA'}${fromLive ? ' (this account\'s ListAvailableAccelerateAreas)' : ' (the walk-through\'s list; select a profile for the account\'s own)'}.`,
      insertText: id,
      range,
      sortText: `${ipv6First && !ipv6 ? '1' : '0'}${id}`,
    };
  });
}

function referenceItems(path: PathSegment[], parsed: ParsedGaYaml, facts: GaYamlFacts, range: Span): GaCompletionItem[] {
  const [, zone, index] = path;
  const record = parsed.draft.dns?.find((z) => z.zone === zone)?.records?.[Number(index)];
  const accelerators = parsed.draft.accelerators ?? [];
  return recordTargets(accelerators, record?.type).map((target) => ({
    label: target,
    kind: 'reference' as const,
    detail: target.includes('/') ? 'the IPv6 address of this acceleration area' : record?.type === 'CNAME' ? 'the CNAME GA allocated to this accelerator' : 'its only IPv6 area\'s address',
    documentation: describeTarget(target, record?.type, accelerators, facts),
    insertText: target,
    range,
  }));
}
