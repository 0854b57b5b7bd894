// Hover in a ga.yaml: what the key means, in the seed's words, with its limits; what a value means (an
// enumeration's choice, a specification's capacity, a region's IPv6 support); and on a `to:` reference, the
// address it points at — live when the active profile knows it.
import { regionName, ipv6Regions, specInfo, type PathSegment } from '../../model';
import type { GaYamlFacts } from '../facts';
import type { ParsedGaYaml } from '../parse';
import { pathSegments } from '../paths';
import { shapeAt, type Field, type NamedMapShape, type Shape } from '../shape';
import type { Span } from '../sourceText';
import { fieldDoc, limitsOf } from './completion';
import { describeTarget } from './targets';

export interface GaHover {
  /** Markdown. */
  contents: string;
  span: Span;
}

/** The field a path ends at, and the shape it belongs to (for named-map entries: the map). */
function fieldAt(segments: readonly PathSegment[]): { field?: Field; container?: Shape } {
  const container = shapeAt(segments.slice(0, -1));
  const last = segments.at(-1);
  if (container?.kind === 'object' && typeof last === 'string') return { field: container.fields.get(last), container };
  return { container };
}

export function hover(parsed: ParsedGaYaml, offset: number, facts: GaYamlFacts = {}): GaHover | undefined {
  const at = parsed.nodeAt(offset);
  if (!at) return undefined;
  const segments = pathSegments(at.path);
  const { field, container } = fieldAt(segments);
  const span = at.part === 'key' ? at.info.key! : at.info.value;
  const value = parsed.text.slice(at.info.value.start, at.info.value.end);
  if (container?.kind === 'namedMap') return { contents: entryDoc(container, String(segments.at(-1)), facts), span };
  if (!field) return undefined;
  const head = `**${field.key}** — ${field.summary}`;
  if (at.part === 'key' || at.info.kind !== 'scalar') return { contents: `${head}\n\n${fieldDoc(field)}`, span };
  return { contents: `${head}\n\n${valueDoc(field, unquote(value), segments, parsed, facts) ?? fieldDoc(field)}`, span };
}

function unquote(v: string): string {
  const t = v.trim();
  return /^(["']).*\1$/.test(t) ? t.slice(1, -1) : t;
}

function entryDoc(map: NamedMapShape, name: string, facts: GaYamlFacts): string {
  const lines = [`**${name}** — ${map.what}`, map.keyDoc];
  if (map.nameField === 'region') {
    const ipv6 = ipv6Regions(facts.liveRegions).includes(name);
    lines.push(`${regionName(name, facts.liveRegions)}: ${ipv6 ? 'IPv6 clients can connect to GA here.' : 'IPv6 clients here cannot connect to GA.'}`);
  }
  if (map.nameField === 'zone' && facts.zones) lines.push(facts.zones.includes(name) ? 'A zone of the active profile\'s Alibaba Cloud DNS.' : 'Not a zone of the active profile\'s Alibaba Cloud DNS.');
  return lines.join('\n\n');
}

function valueDoc(field: Field, value: string, segments: readonly PathSegment[], parsed: ParsedGaYaml, facts: GaYamlFacts): string | undefined {
  const shape = field.shape;
  if (field.key === 'spec') {
    const s = specInfo(value);
    return s ? `${s.name}${s.regions !== undefined ? `: up to ${s.regions} acceleration region${s.regions === 1 ? '' : 's'}, ${s.bandwidthMbps} Mbit/s, ${s.connections?.toLocaleString('en-US')} concurrent connections.` : '.'}${s.whitelistOnly ? ' On request only (whitelist).' : ''}\n\n${fieldDoc(field)}` : undefined;
  }
  if (shape.kind === 'scalar' && shape.completion === 'reference') {
    const [, zone, index] = segments;
    const type = parsed.draft.dns?.find((z) => z.zone === zone)?.records?.[Number(index)]?.type;
    return `${describeTarget(value, type, parsed.draft.accelerators ?? [], facts)}\n\n${field.doc}`;
  }
  if (shape.kind === 'scalar' && shape.completion === 'region') {
    return `${regionName(value, facts.liveRegions)} (${value}).\n\n${fieldDoc(field)}`;
  }
  if (shape.kind === 'scalar' && shape.enumDocs?.has(value)) return `\`${value}\`: ${shape.enumDocs.get(value)}.\n\n${field.doc}\n\n${limitsOf(shape)}`;
  return undefined;
}
