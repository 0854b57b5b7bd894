// ga.yaml text → a draft GaConfig, where every key and value is, and the problems the YAML and the shape table
// show (syntax, duplicate and unknown keys, types, enumerations, missing keys). Parsing is done per chunk
// (chunks.ts) with the `yaml` package (eemeli), keeping source ranges; GaYamlParser reuses the chunks a change did
// not touch, which is what keeps the editor fast on a large file. Pure: no vscode, no I/O.
import { isMap, parseDocument, type Pair } from 'yaml';
import { childPath, problem, type Problem } from '../model';
import { splitChunks, type Chunk, type ChunkKind } from './chunks';
import type { AcceleratorDraft, DnsZoneDraft, GaConfigDraft } from './draft';
import { ROOT_SHAPE, type NamedMapShape } from './shape';
import { SourceText, type Span } from './sourceText';
import { Walker, type LocatedProblem, type NodeIndex, type NodeInfo } from './walk';

export type { LocatedProblem, NodeInfo } from './walk';

const SECTION_SHAPES: Record<Exclude<ChunkKind, 'root'>, NamedMapShape> = {
  accelerators: ROOT_SHAPE.fields.get('accelerators')!.shape as NamedMapShape,
  dns: ROOT_SHAPE.fields.get('dns')!.shape as NamedMapShape,
};

interface Entry<T> {
  name: string;
  key: Span;
  draft: T;
}

/** One chunk, parsed on its own; offsets are the chunk's. Reused unchanged while its text stays the same. */
export interface ChunkParse {
  readonly kind: ChunkKind;
  readonly text: string;
  readonly nodes: NodeIndex;
  readonly problems: LocatedProblem[];
  readonly usesAnchors: boolean;
  /** Root chunks: the top-level keys it holds, and the draft of those read here. */
  readonly rootKeys: Entry<unknown>[];
  readonly rootDraft: GaConfigDraft;
  /** Section chunks (and sections written inline in a root chunk): the accelerators and zones it holds. */
  readonly accelerators: Entry<AcceleratorDraft>[];
  readonly zones: Entry<DnsZoneDraft>[];
  /** Caches of later stages (the checks), kept as long as the chunk is. */
  readonly memo: Map<string, unknown>;
}

const PARSE_OPTIONS = { uniqueKeys: false, prettyErrors: false, keepSourceTokens: false, strict: false } as const;

/** Parses one chunk. `splitSection`: this root chunk's last key is a section header whose entries are in the chunks that follow. */
export function parseChunk(kind: ChunkKind, text: string, splitSection?: ChunkKind): ChunkParse {
  const doc = withoutStackTraces(() => parseDocument(text, PARSE_OPTIONS));
  const walker = new Walker(doc);
  const result: ChunkParse = {
    kind,
    text,
    nodes: walker.out.nodes,
    problems: walker.out.problems,
    usesAnchors: false,
    rootKeys: [],
    rootDraft: {},
    accelerators: [],
    zones: [],
    memo: new Map(),
  };
  for (const e of doc.errors) {
    // The parser may point one past the end of the text (an unclosed bracket at the end of a chunk).
    const start = Math.min(e.pos[0], text.length);
    const end = Math.min(Math.max(e.pos[1], start), text.length);
    walker.report('syntax', '', { start, end }, `YAML: ${e.message.replace(/\s+/g, ' ').trim()}`);
  }
  const contents = doc.contents;
  if (kind === 'root') readRoot(walker, contents, result, splitSection);
  else if (contents !== null) {
    if (isMap(contents)) readSection(walker, kind, contents.items as Pair<unknown, unknown>[], result);
    else walker.report('type', kind, { start: contents.range[0], end: contents.range[1] }, `${kind} must be a mapping of names to their settings.`);
  }
  return { ...result, usesAnchors: walker.out.usesAnchors };
}

/**
 * The parser reports problems as Error objects; their stack traces are never read and cost more than parsing a
 * broken chunk itself, so none are captured while it runs.
 */
function withoutStackTraces<T>(run: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return run();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

function readSection(walker: Walker, kind: Exclude<ChunkKind, 'root'>, pairs: readonly Pair<unknown, unknown>[], result: ChunkParse): void {
  const keys: { name: string; key: Span }[] = [];
  const drafts = walker.entries(pairs, SECTION_SHAPES[kind], kind, new Set(), (name, key) => keys.push({ name, key }));
  drafts.forEach((draft, i) => {
    if (kind === 'accelerators') result.accelerators.push({ ...keys[i], draft: draft as AcceleratorDraft });
    else result.zones.push({ ...keys[i], draft: draft as DnsZoneDraft });
  });
}

function readRoot(walker: Walker, contents: unknown, result: ChunkParse, splitSection: ChunkKind | undefined): void {
  if (contents === null || contents === undefined) return;
  if (!isMap(contents)) {
    const node = contents as { range?: [number, number, number] };
    const span = node.range ? { start: node.range[0], end: node.range[1] } : { start: 0, end: 0 };
    walker.report('type', '', span, `A ga.yaml is a mapping with the keys ${[...ROOT_SHAPE.fields.keys()].join(', ')}.`);
    return;
  }
  const pairs = contents.items as Pair<unknown, unknown>[];
  const seen = new Set<string>();
  pairs.forEach((pair, index) => {
    const k = walker.key(pair, '');
    if (!k) return;
    if (seen.has(k.name)) {
      walker.report('duplicateKey', k.name, k.span, `${k.name} is given twice; keep one.`, { kind: 'removeKey', title: `Remove this ${k.name}` });
      return;
    }
    seen.add(k.name);
    result.rootKeys.push({ name: k.name, key: k.span, draft: undefined });
    const field = ROOT_SHAPE.fields.get(k.name);
    if (!field) {
      walker.unknownKey(k.name, ROOT_SHAPE, k.name, k.span, pair);
      return;
    }
    if ((k.name === 'accelerators' || k.name === 'dns') && index === pairs.length - 1 && splitSection === k.name) {
      walker.out.nodes.set(k.name, { key: k.span, value: { start: k.span.end, end: k.span.end }, kind: 'map' });
      return;
    }
    if (k.name === 'accelerators' || k.name === 'dns') {
      walker.out.nodes.set(k.name, { key: k.span, value: spanOfNode(pair.value, k.span), kind: isMap(pair.value) ? 'map' : 'null' });
      if (isMap(pair.value)) readSection(walker, k.name, pair.value.items as Pair<unknown, unknown>[], result);
      else walker.value(pair.value, field.shape, k.name, k.span, field);
      return;
    }
    const v = walker.value(pair.value, field.shape, k.name, k.span, field);
    if (k.name === 'version' && v !== undefined) result.rootDraft.version = v as 1;
  });
}

function spanOfNode(node: unknown, fallback: Span): Span {
  const r = (node as { range?: [number, number, number] } | null)?.range;
  return r ? { start: r[0], end: r[1] } : { start: fallback.end, end: fallback.end };
}

interface Placed {
  chunk: ChunkParse;
  start: number;
}

/** The whole file: its chunks in place, the merged draft and the shape's problems with offsets in the file. */
export class ParsedGaYaml {
  readonly source: SourceText;
  readonly draft: GaConfigDraft;
  readonly problems: LocatedProblem[] = [];
  /** Where each accelerator's and zone's entry sits (its chunk and the chunk's offset), by position in the draft. */
  readonly acceleratorChunks: Placed[] = [];
  readonly zoneChunks: Placed[] = [];

  constructor(
    readonly text: string,
    readonly chunks: readonly Placed[],
  ) {
    this.source = new SourceText(text);
    const accelerators: AcceleratorDraft[] = [];
    const zones: DnsZoneDraft[] = [];
    const draft: GaConfigDraft = {};
    const rootSeen = new Map<string, Span>();
    const names = { accelerators: new Set<string>(), dns: new Set<string>() };
    for (const placed of chunks) {
      const { chunk, start } = placed;
      for (const p of chunk.problems) this.problems.push({ problem: p.problem, span: shift(p.span, start) });
      for (const k of chunk.rootKeys) {
        if (rootSeen.has(k.name)) this.problems.push({ problem: problem('duplicateKey', k.name, `${k.name} is given twice; keep one.`, { kind: 'removeKey', title: `Remove this ${k.name}` }), span: shift(k.key, start) });
        else rootSeen.set(k.name, shift(k.key, start));
      }
      if (chunk.rootDraft.version !== undefined && draft.version === undefined) draft.version = chunk.rootDraft.version;
      const add = <T>(list: Entry<T>[], section: 'accelerators' | 'dns', into: T[], placedInto: Placed[]) => {
        for (const e of list) {
          if (names[section].has(e.name)) {
            const what = section === 'accelerators' ? 'Accelerator' : 'DNS zone';
            this.problems.push({ problem: problem('duplicateKey', childPath(section, e.name), `${what} ${e.name} is given twice; each ${what === 'Accelerator' ? 'accelerator' : 'DNS zone'} appears once (rename or merge them).`), span: shift(e.key, start) });
            continue;
          }
          names[section].add(e.name);
          into.push(e.draft);
          placedInto.push(placed);
        }
      };
      add(chunk.accelerators, 'accelerators', accelerators, this.acceleratorChunks);
      add(chunk.zones, 'dns', zones, this.zoneChunks);
    }
    if (draft.version === undefined && !rootSeen.has('version')) {
      this.problems.push({ problem: problem('required', 'version', 'A ga.yaml starts with its format version: version: 1.', { kind: 'addKey', title: 'Add version: 1', key: 'version', value: 1 }), span: { start: 0, end: this.source.lineEnd(0) } });
    }
    if (rootSeen.has('accelerators') || accelerators.length > 0) draft.accelerators = accelerators;
    if (rootSeen.has('dns') || zones.length > 0) draft.dns = zones;
    this.draft = draft;
  }

  /** Where `path` is (offsets in the file); the first of duplicates. */
  node(path: string): NodeInfo | undefined {
    for (const { chunk, start } of this.chunks) {
      const n = chunk.nodes.get(path);
      if (n) return shiftInfo(n, start);
    }
    return undefined;
  }

  /** `node(path)` looked up in one chunk first (the one an accelerator's own problems come from). */
  nodeIn(placed: Placed, path: string): NodeInfo | undefined {
    const n = placed.chunk.nodes.get(path);
    return n ? shiftInfo(n, placed.start) : this.node(path);
  }

  /**
   * Where a problem about `path` is shown: a value written out (a scalar) is underlined itself; a mapping, a list
   * or a missing value by its key; a path that is not in the file by the nearest key above it.
   */
  spanOf(path: string, placed?: Placed): Span {
    for (let p: string | undefined = path; p !== undefined; p = parentPath(p)) {
      const n = placed ? this.nodeIn(placed, p) : this.node(p);
      if (!n) continue;
      if (p === path && n.kind === 'scalar') return n.value;
      if (n.key) return n.key;
      if (n.kind === 'scalar') return n.value;
      return firstLine(this.source, n.value);
    }
    return { start: 0, end: this.source.lineEnd(0) };
  }

  /** The chunk that holds `offset`. */
  chunkAt(offset: number): Placed | undefined {
    let lo = 0;
    let hi = this.chunks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.chunks[mid].start <= offset) lo = mid;
      else hi = mid - 1;
    }
    return this.chunks[lo];
  }

  /** The innermost key or value at `offset`, with its path. */
  nodeAt(offset: number): { path: string; part: 'key' | 'value'; info: NodeInfo } | undefined {
    const placed = this.chunkAt(offset);
    if (!placed) return undefined;
    const rel = offset - placed.start;
    let best: { path: string; part: 'key' | 'value'; info: NodeInfo; size: number } | undefined;
    for (const [path, info] of placed.chunk.nodes) {
      for (const part of ['key', 'value'] as const) {
        const s = info[part];
        if (!s || rel < s.start || rel > s.end || (s.start === s.end && part === 'value')) continue;
        const size = s.end - s.start;
        if (!best || size < best.size || (size === best.size && part === 'key')) best = { path, part, info, size };
      }
    }
    return best ? { path: best.path, part: best.part, info: shiftInfo(best.info, placed.start) } : undefined;
  }

  /** Every path in document order, with where it is. */
  *allNodes(): Iterable<[string, NodeInfo]> {
    for (const { chunk, start } of this.chunks) for (const [path, info] of chunk.nodes) yield [path, shiftInfo(info, start)];
  }
}

function shift(s: Span, by: number): Span {
  return by === 0 ? s : { start: s.start + by, end: s.end + by };
}

function shiftInfo(n: NodeInfo, by: number): NodeInfo {
  return by === 0 ? n : { kind: n.kind, value: shift(n.value, by), ...(n.key ? { key: shift(n.key, by) } : {}) };
}

function firstLine(source: SourceText, s: Span): Span {
  const line = source.positionAt(s.start).line;
  return { start: s.start, end: Math.max(s.start, Math.min(s.end, source.lineEnd(line))) };
}

/** `a.b[0].c` → `a.b[0]` → `a.b` → `a` → undefined. Names with dots are found because every prefix is tried. */
export function parentPath(path: string): string | undefined {
  if (path === '') return undefined;
  const bracket = path.endsWith(']') ? path.lastIndexOf('[') : -1;
  const dot = path.lastIndexOf('.');
  const cut = Math.max(bracket, dot);
  return cut <= 0 ? '' : path.slice(0, cut);
}

/**
 * Parses ga.yaml text, reusing the chunks of the previous call whose text did not change. One per open document
 * in the editor; the command line uses a fresh one (or `parseGaYaml`).
 */
export class GaYamlParser {
  /** Chunks by kind (and whether a section follows a root chunk), then by their text. */
  private cache = new Map<string, Map<string, ChunkParse>>();

  parse(text: string): ParsedGaYaml {
    const chunks = splitChunks(text);
    const next = new Map<string, Map<string, ChunkParse>>();
    const placed = chunks.map((c, i) => ({ chunk: this.chunk(c, chunks[i + 1], next), start: c.start }));
    this.cache = next;
    // Anchors and aliases can reach across chunks: such a file is read as one piece.
    if (placed.length > 1 && placed.some((p) => p.chunk.usesAnchors)) {
      return new ParsedGaYaml(text, [{ chunk: this.chunk({ kind: 'root', start: 0, text }, undefined, next), start: 0 }]);
    }
    return new ParsedGaYaml(text, placed);
  }

  private chunk(c: Chunk, following: Chunk | undefined, next: Map<string, Map<string, ChunkParse>>): ChunkParse {
    const split = c.kind === 'root' && following && following.kind !== 'root' ? following.kind : undefined;
    const kind = split ? `${c.kind}>${split}` : c.kind;
    const found = this.cache.get(kind)?.get(c.text) ?? next.get(kind)?.get(c.text) ?? parseChunk(c.kind, c.text, split);
    let byText = next.get(kind);
    if (!byText) next.set(kind, (byText = new Map()));
    byText.set(c.text, found);
    return found;
  }
}

/** One-shot parse (the command line, tests). */
export function parseGaYaml(text: string): ParsedGaYaml {
  return new GaYamlParser().parse(text);
}

/** Problems of the parse, as plain Problems in document order (for callers without ranges, e.g. forms). */
export function parseProblems(parsed: ParsedGaYaml): Problem[] {
  return parsed.problems.map((p) => p.problem);
}
