// Reads one parsed YAML piece against the shape table: builds the draft, remembers where every key and value is,
// and reports what the shape alone can tell — duplicate and unknown keys, types, enumerations, missing keys
// (GA002–GA006). Offsets are the piece's own; parse.ts places them in the whole file.
import { isAlias, isMap, isScalar, isSeq, type Document, type Node as YamlNode, type Pair } from 'yaml';
import { childPath, problem, type Problem, type ProblemFix, type RuleId } from '../model';
import type { Field, ListShape, NamedMapShape, ObjectShape, ScalarShape, Shape } from './shape';
import type { Span } from './sourceText';
import { closest } from './suggest';

export type NodeKind = 'map' | 'seq' | 'scalar' | 'null';

export interface NodeInfo {
  /** The key, when the node is the value of a mapping key. */
  key?: Span;
  /** The value; for a key without a value, an empty span right after the colon. */
  value: Span;
  kind: NodeKind;
}

/** A problem with the exact place it was found (key or value), before any path lookup. */
export interface LocatedProblem {
  problem: Problem;
  span: Span;
}

/** Where each path is, in the order the walk met them (document order). */
export type NodeIndex = Map<string, NodeInfo>;

export interface WalkOutput {
  nodes: NodeIndex;
  problems: LocatedProblem[];
  /** Anchors or aliases were used: the piece depends on text elsewhere. */
  usesAnchors: boolean;
}

type Value = unknown;

function spanOf(node: YamlNode | null | undefined, fallback: Span): Span {
  const r = node?.range;
  return r ? { start: r[0], end: r[1] } : fallback;
}

function kindOf(node: unknown): NodeKind {
  if (isMap(node)) return 'map';
  if (isSeq(node)) return 'seq';
  if (isScalar(node) && node.value !== null && node.value !== undefined) return 'scalar';
  return 'null';
}

function describe(node: unknown): string {
  if (isMap(node)) return 'a mapping';
  if (isSeq(node)) return 'a list';
  if (isScalar(node)) {
    const v = node.value;
    if (v === null || v === undefined) return 'empty';
    if (typeof v === 'number') return `the number ${node.source ?? String(v)}`;
    if (typeof v === 'boolean') return `the boolean ${String(v)}`;
    return `the text "${String(v).length > 40 ? `${String(v).slice(0, 40)}…` : String(v)}"`;
  }
  return 'something else';
}

const SHAPE_NOUN: Record<string, string> = { namedMap: 'a mapping of names to their settings', list: 'a list', ports: 'a list of ports', scalar: 'a single value' };

export class Walker {
  readonly out: WalkOutput = { nodes: new Map(), problems: [], usesAnchors: false };

  constructor(private readonly doc: Document.Parsed) {}

  report(rule: RuleId, path: string, span: Span, message: string, fix?: ProblemFix): void {
    this.out.problems.push({ problem: problem(rule, path, message, fix), span });
  }

  /** Follows an alias to its anchored node (marking the piece as tied to the rest of the text). */
  private deref(node: unknown, path: string, span: Span): unknown {
    if (isAlias(node)) {
      this.out.usesAnchors = true;
      const target = node.resolve(this.doc);
      if (!target) this.report('syntax', path, span, `Alias *${node.source} refers to no anchor &${node.source} before it.`);
      return target ?? null;
    }
    if ((isMap(node) || isSeq(node) || isScalar(node)) && node.anchor) this.out.usesAnchors = true;
    return node;
  }

  /**
   * Reads `node` as `shape` at `path`. `key` is the span of the mapping key that holds it, where problems about a
   * missing value point. Returns the draft value, or undefined when the value is absent or of the wrong kind.
   */
  value(rawNode: unknown, shape: Shape, path: string, key: Span | undefined, field?: Field, missingAt?: Span): Value {
    const fallback = key ? { start: key.end, end: key.end } : { start: 0, end: 0 };
    const valueSpan = spanOf(rawNode as YamlNode, fallback);
    const node = this.deref(rawNode, path, valueSpan);
    this.out.nodes.set(path, { key, value: valueSpan, kind: kindOf(node) });
    if (kindOf(node) === 'null' && !(shape.kind === 'object' || shape.kind === 'namedMap')) {
      const example = field?.example !== undefined && typeof field.example !== 'object' ? (field.example as string | number | boolean) : undefined;
      this.report('required', path, key ?? valueSpan, `${lastKey(path)} has no value${example !== undefined ? `: e.g. ${JSON.stringify(example)}` : ''}.`, example !== undefined ? { kind: 'setValue', title: `Use ${example}`, value: example } : undefined);
      return undefined;
    }
    switch (shape.kind) {
      case 'scalar':
        return this.scalar(node, shape, path, valueSpan);
      case 'object':
        return this.object(node, shape, path, missingAt ?? key ?? valueSpan, valueSpan);
      case 'namedMap':
        return this.namedMap(node, shape, path, valueSpan);
      case 'list':
        return this.list(node, shape, path, valueSpan);
      case 'ports':
        return this.ports(node, path, valueSpan);
    }
  }

  private wrongKind(node: unknown, shape: Shape, path: string, span: Span): undefined {
    const subject = shape.kind === 'object' ? `${capital(article(shape.what))} ${shape.what}` : lastKey(path);
    const what = shape.kind === 'object' ? `a mapping of keys (${[...shape.fields.keys()].join(', ')})` : SHAPE_NOUN[shape.kind];
    this.report('type', path, span, `${subject} must be ${what}, not ${describe(node)}.`);
    return undefined;
  }

  private scalar(node: unknown, shape: ScalarShape, path: string, span: Span): Value {
    if (!isScalar(node)) return this.typeProblem(node, shape, path, span);
    const v = node.value;
    if (shape.type === 'string') {
      if (typeof v !== 'string') {
        const asText = typeof v === 'number' ? (node.source ?? String(v)) : String(v);
        const fixed = shape.enum === undefined || shape.enum.includes(asText);
        this.report('type', path, span, `${lastKey(path)} must be text${shape.enum ? ` (one of ${shape.enum.map((e) => JSON.stringify(e)).join(', ')})` : ''}: write ${JSON.stringify(asText)} in quotes.`, fixed ? { kind: 'setValue', title: `Quote it: ${JSON.stringify(asText)}`, value: asText } : undefined);
        return undefined;
      }
      if (shape.enum && !shape.enumCheckedByRule && !shape.enum.includes(v)) return this.notInEnum(v, shape, path, span);
      return v;
    }
    if (shape.type === 'integer') {
      if (typeof v === 'string' && /^\s*-?\d+\s*$/.test(v)) {
        this.report('type', path, span, `${lastKey(path)} must be a number, not text: write ${v.trim()} without quotes.`, { kind: 'setValue', title: `Use the number ${v.trim()}`, value: Number(v) });
        return undefined;
      }
      if (typeof v !== 'number' || !Number.isFinite(v)) return this.typeProblem(node, shape, path, span);
      if (shape.enum && !shape.enum.includes(v)) return this.notInEnum(v, shape, path, span);
      // Fractions are kept: the rule of the key (weight, bandwidth, …) says what whole numbers it takes.
      return v;
    }
    if (typeof v !== 'boolean') {
      const word = typeof v === 'string' ? v.trim().toLowerCase() : '';
      const meant = ['yes', 'on', 'y', 'true'].includes(word) ? true : ['no', 'off', 'n', 'false'].includes(word) ? false : undefined;
      this.report('type', path, span, `${lastKey(path)} must be true or false, not ${describe(node)}.`, meant === undefined ? undefined : { kind: 'setValue', title: `Use ${meant}`, value: meant });
      return undefined;
    }
    return v;
  }

  private typeProblem(node: unknown, shape: ScalarShape, path: string, span: Span): undefined {
    const want = shape.type === 'integer' ? 'a number' : shape.type === 'boolean' ? 'true or false' : 'text';
    this.report('type', path, span, `${lastKey(path)} must be ${want}, not ${describe(node)}.`);
    return undefined;
  }

  private notInEnum(v: string | number, shape: ScalarShape, path: string, span: Span): undefined {
    const allowed = (shape.enum ?? []).map(String);
    const near = typeof v === 'string' ? closest(v, allowed) : undefined;
    const rule: RuleId = path === 'version' ? 'version' : 'enum';
    const list = allowed.map((a) => (shape.type === 'string' ? a : a)).join(', ');
    const message = rule === 'version'
      ? `This file says version ${String(v)}; this extension reads ga.yaml version 1.`
      : `${lastKey(path)} ${JSON.stringify(v)} is not one of ${list}${near ? `; did you mean ${near}?` : '.'}`;
    const fixValue = rule === 'version' ? 1 : near;
    this.report(rule, path, span, message, fixValue !== undefined ? { kind: 'setValue', title: `Use ${fixValue}`, value: fixValue } : undefined);
    return undefined;
  }

  private object(node: unknown, shape: ObjectShape, path: string, missingAt: Span, span: Span): Value {
    const out: Record<string, Value> = {};
    if (kindOf(node) === 'null') {
      this.missing(shape, new Set(), path, missingAt);
      return out;
    }
    if (!isMap(node)) return this.wrongKind(node, shape, path, span);
    const seen = new Set<string>();
    for (const pair of node.items as Pair<unknown, unknown>[]) {
      const k = this.key(pair, path);
      if (k === undefined) continue;
      const childAt = childPath(path, k.name);
      if (seen.has(k.name)) {
        this.report('duplicateKey', childAt, k.span, `${k.name} is given twice in this ${shape.what}; keep one.`, { kind: 'removeKey', title: `Remove this ${k.name}` });
        continue;
      }
      seen.add(k.name);
      const field = shape.fields.get(k.name);
      if (!field) {
        this.unknownKey(k.name, shape, childAt, k.span, pair);
        continue;
      }
      const v = this.value(pair.value, field.shape, childAt, k.span, field);
      if (v !== undefined) out[k.name] = v;
    }
    this.missing(shape, seen, path, missingAt);
    return out;
  }

  private missing(shape: ObjectShape, seen: ReadonlySet<string>, path: string, at: Span): void {
    for (const field of shape.fields.values()) {
      if (!field.required || seen.has(field.key)) continue;
      this.report('required', childPath(path, field.key), at, `This ${shape.what} needs ${field.key}: ${field.summary}.`, addKeyFix(field));
    }
  }

  unknownKey(name: string, shape: ObjectShape, path: string, span: Span, pair: Pair<unknown, unknown>): void {
    const known = [...shape.fields.keys()];
    const near = closest(name, known);
    this.out.nodes.set(path, { key: span, value: spanOf(pair.value as YamlNode, { start: span.end, end: span.end }), kind: kindOf(pair.value) });
    this.report(
      'unknownKey',
      path,
      span,
      `Unknown key "${name}" in ${article(shape.what)} ${shape.what}${near ? `; did you mean ${near}?` : '.'} Keys here: ${known.join(', ')}.`,
      near ? { kind: 'renameKey', title: `Rename to ${near}`, to: near } : { kind: 'removeKey', title: `Remove ${name}` },
    );
  }

  /** The key of a pair as a name; problems for keys that are not plain text. */
  key(pair: Pair<unknown, unknown>, parentPath: string): { name: string; span: Span } | undefined {
    const keyNode = this.deref(pair.key, parentPath, spanOf(pair.key as YamlNode, { start: 0, end: 0 }));
    const span = spanOf(pair.key as YamlNode, spanOf(pair.value as YamlNode, { start: 0, end: 0 }));
    if (!isScalar(keyNode) || keyNode.value === null || keyNode.value === undefined || typeof keyNode.value === 'object') {
      this.report('type', parentPath, span, `Keys are names written as text, not ${describe(keyNode)}.`);
      return undefined;
    }
    return { name: typeof keyNode.value === 'number' ? (keyNode.source ?? String(keyNode.value)) : String(keyNode.value), span };
  }

  private namedMap(node: unknown, shape: NamedMapShape, path: string, span: Span): Value {
    if (kindOf(node) === 'null') return [];
    if (!isMap(node)) return this.wrongKind(node, shape, path, span);
    return this.entries(node.items as Pair<unknown, unknown>[], shape, path, new Set());
  }

  /** The entries of a named map: `seen` carries names across pieces of one section. */
  entries(pairs: readonly Pair<unknown, unknown>[], shape: NamedMapShape, path: string, seen: Set<string>, onEntry?: (name: string, key: Span) => void): Value[] {
    const out: Value[] = [];
    for (const pair of pairs) {
      const k = this.key(pair, path);
      if (k === undefined) continue;
      const at = childPath(path, k.name);
      if (seen.has(k.name)) {
        this.report('duplicateKey', at, k.span, `${shape.what[0].toUpperCase()}${shape.what.slice(1)} ${k.name} is given twice; each ${shape.what} appears once (rename or merge them).`);
        continue;
      }
      seen.add(k.name);
      onEntry?.(k.name, k.span);
      const v = this.value(pair.value, shape.value, at, k.span);
      if (shape.valueField) out.push({ [shape.nameField]: k.name, [shape.valueField]: v ?? [] });
      else out.push({ [shape.nameField]: k.name, ...((v as Record<string, Value> | undefined) ?? {}) });
    }
    return out;
  }

  private list(node: unknown, shape: ListShape, path: string, span: Span): Value {
    if (kindOf(node) === 'null') return [];
    if (!isSeq(node)) return this.wrongKind(node, shape, path, span);
    return node.items.map((item, i) => {
      const itemSpan = spanOf(item as YamlNode, span);
      const at = childPath(path, i);
      const firstKey = isMap(item) && item.items.length > 0 ? spanOf((item.items[0] as Pair<unknown, unknown>).key as YamlNode, itemSpan) : itemSpan;
      // A list item has no key: problems about what it lacks point at its first key.
      return this.value(item, shape.items, at, undefined, undefined, firstKey) ?? {};
    });
  }

  private ports(node: unknown, path: string, span: Span): Value {
    if (!isSeq(node)) {
      const single = isScalar(node) && typeof node.value === 'number' ? node.value : undefined;
      this.report('type', path, span, `ports must be a list, e.g. [80] or [80, "8000-8010"]${single !== undefined ? `: write [${single}]` : ''}.`);
      return undefined;
    }
    return node.items.map((raw, i) => {
      const at = childPath(path, i);
      const itemSpan = spanOf(raw as YamlNode, span);
      const item = this.deref(raw, at, itemSpan);
      this.out.nodes.set(at, { value: itemSpan, kind: kindOf(item) });
      const v = isScalar(item) ? item.value : undefined;
      if (typeof v === 'number') return { fromPort: v, toPort: v };
      if (typeof v === 'string') {
        const m = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(v);
        if (m) return { fromPort: Number(m[1]), toPort: Number(m[2] ?? m[1]) };
        this.report('portRange', at, itemSpan, `Port "${v}" is neither a number (80) nor a "from-to" range ("8000-8010").`);
        return {};
      }
      this.report('type', at, itemSpan, `A port is a number (80) or a "from-to" range ("8000-8010"), not ${describe(item)}.`);
      return {};
    });
  }
}

function addKeyFix(field: Field | undefined): ProblemFix | undefined {
  return field?.example !== undefined ? { kind: 'addKey', title: `Add ${field.key}`, key: field.key, value: field.example } : undefined;
}

export function lastKey(path: string): string {
  const m = /(?:^|\.)([^.[\]]+)(?:\[\d+\])*$/.exec(path);
  return m ? m[1] : path;
}

function capital(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function article(word: string): string {
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}
