// Where the cursor is in a ga.yaml that is being typed (and so often not valid YAML yet): typing a key of which
// mapping, or the value of which key. Read from the lines' indentation, as a person reads it, so that a
// half-written line still gets completions. Block style, plus one flow mapping on the line (`term: { cycle: M‸`,
// `- { ip: 203.0.113.10, wei‸`) and flow lists of values (`ports: [8‸`).
import type { PathSegment } from '../model';
import type { SourceText } from './sourceText';

export type CursorContext =
  | {
      kind: 'key';
      /** The mapping (or list item) the key goes in, as path segments from the root. */
      path: PathSegment[];
      /** The partial key typed so far, and where it starts. */
      prefix: string;
      start: number;
      /** Keys already present in that mapping. */
      siblings: string[];
      /** Inside `{ … }`: a key there is followed by `: ` and no line break. */
      flow: boolean;
    }
  | {
      kind: 'value';
      /** The path of the key whose value is typed. */
      path: PathSegment[];
      prefix: string;
      /** The replace range: from the value's start to its end on the line. */
      start: number;
      end: number;
      flow: boolean;
    };

export interface LineInfo {
  /** Columns of the `- ` indicators at the start of the line. */
  dashes: number[];
  /** Column of the content after indentation and dashes. */
  content: number;
  key?: string;
  /** What follows `key:`, without a comment, trimmed. */
  rest?: string;
  /** Blank or only a comment. */
  blank: boolean;
}

const KEY = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"{[\]},][^#]*?)\s*:(?:\s|$)/;

function unquote(key: string): string {
  if (key.startsWith('"')) {
    try {
      return JSON.parse(key) as string;
    } catch {
      return key.slice(1, -1);
    }
  }
  return key.startsWith("'") ? key.slice(1, -1).replace(/''/g, "'") : key;
}

export function lineInfo(text: string): LineInfo {
  let i = 0;
  const dashes: number[] = [];
  for (;;) {
    while (text[i] === ' ') i++;
    if (text[i] === '-' && (text[i + 1] === ' ' || i + 1 === text.length)) {
      dashes.push(i);
      i++;
      continue;
    }
    break;
  }
  const body = text.slice(i);
  if (body === '' || body.startsWith('#')) return { dashes, content: i, blank: dashes.length === 0 };
  const m = KEY.exec(body);
  if (!m) return { dashes, content: i, blank: false };
  const rest = body.slice(m[0].length).replace(/(^|\s)#.*$/, '').trim();
  return { dashes, content: i, key: unquote(m[1].trim()), rest, blank: false };
}

/** Whether the line starts a list item whose mapping's first key sits at its content column. */
function isItem(info: LineInfo): boolean {
  const last = info.dashes.at(-1);
  return last !== undefined && last < info.content;
}

/**
 * The path of the mapping whose keys sit at column `col`, seen from the lines above `below` (exclusive): walks up
 * to each parent key, counting list items on the way. Undefined when the layout above is not block style.
 */
export function blockPath(source: SourceText, below: number, col: number): PathSegment[] | undefined {
  const path: PathSegment[] = [];
  let need = col;
  let i = below - 1;
  while (need > 0) {
    if (i < 0) return undefined;
    const info = lineInfo(source.lineText(i));
    if (info.blank || info.content > need) {
      i--;
      continue;
    }
    if (info.content === need) {
      if (!isItem(info)) {
        i--; // a sibling key
        continue;
      }
      // `- key: …`: the mapping is this list item; then the list's own key.
      const item = itemIndex(source, i, info.dashes.at(-1)!);
      if (!item) return undefined;
      const owner = lineInfo(source.lineText(item.ownerLine));
      if (owner.key === undefined || owner.rest !== '') return undefined;
      path.unshift(owner.key, item.index);
      need = owner.content;
      i = item.ownerLine; // looked at again: the owner may itself be the first key of an item
      continue;
    }
    if (info.key === undefined || info.rest !== '') return undefined;
    path.unshift(info.key);
    need = info.content;
    // looked at again (not i--): when this key opens a list item, the item is the next parent
  }
  return path;
}

/** For a `- ` at column `dash` on line `line`: its index in its list, and the line of the list's key. */
export function itemIndex(source: SourceText, line: number, dash: number): { index: number; ownerLine: number } | undefined {
  let index = 0;
  for (let i = line - 1; i >= 0; i--) {
    const info = lineInfo(source.lineText(i));
    if (info.blank) continue;
    const first = info.dashes[0] ?? info.content;
    if (first > dash) continue;
    if (first === dash && info.dashes[0] === dash) {
      index++;
      continue;
    }
    // The list's key: less indented, or (a compact list) at the dash's column.
    if (first < dash || info.key !== undefined) return { index, ownerLine: i };
    return undefined;
  }
  return undefined;
}

/** The path of the list item a `- ` on `line` (at column `dash`) starts. */
function newItemPath(source: SourceText, line: number, dash: number): PathSegment[] | undefined {
  const item = itemIndex(source, line, dash);
  if (!item) return undefined;
  const owner = lineInfo(source.lineText(item.ownerLine));
  if (owner.key === undefined || owner.rest !== '') return undefined;
  const ownerPath = blockPath(source, item.ownerLine + 1, owner.content);
  return ownerPath ? [...ownerPath, owner.key, item.index] : undefined;
}

/** What the cursor at `offset` is typing, or undefined (a comment, a layout this cannot follow). */
export function cursorContext(source: SourceText, offset: number): CursorContext | undefined {
  const pos = source.positionAt(offset);
  const lineStart = source.lineStart(pos.line);
  const lineText = source.lineText(pos.line);
  const before = lineText.slice(0, pos.character);
  if (/(^|\s)#/.test(before.replace(/"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'/g, '""'))) return undefined;
  const info = lineInfo(lineText);
  const beforeInfo = lineInfo(before);

  const brace = before.lastIndexOf('{');
  if (brace >= 0 && before.indexOf('}', brace) < 0) return flowContext(source, offset, pos.line, lineStart, before, brace, info);

  if (beforeInfo.key !== undefined) {
    // After `key:`: its value (`ports: [8‸` is a value too).
    const parent = blockPath(source, pos.line + 1, info.content);
    if (!parent) return undefined;
    const afterKey = before.slice(beforeInfo.content).search(/:(\s|$)/) + beforeInfo.content + 1;
    let valueStart = lineStart + afterKey;
    while (source.text[valueStart] === ' ') valueStart++;
    const flow = source.text[valueStart] === '[';
    const start = flow ? lineStart + Math.max(before.lastIndexOf('['), before.lastIndexOf(',')) + 1 : valueStart;
    const typed = source.text.slice(start, offset);
    const prefix = typed.trimStart();
    const end = flow ? flowValueEnd(source.text, offset) : lineStart + lineValueEnd(lineText);
    return { kind: 'value', path: [...parent, beforeInfo.key], prefix, start: offset - prefix.length, end: Math.max(end, offset), flow };
  }

  // A key: only a partial word (after indentation and list dashes) before the cursor.
  const word = /^[^\s:#{}[\],"']*$/.exec(before.slice(beforeInfo.content))?.[0];
  if (word === undefined) return undefined;
  const path = isItem(beforeInfo) ? newItemPath(source, pos.line, beforeInfo.dashes.at(-1)!) : blockPath(source, pos.line, beforeInfo.content);
  if (!path) return undefined;
  const siblings = isItem(beforeInfo) ? [] : siblingKeys(source, pos.line, beforeInfo.content);
  return { kind: 'key', path, prefix: word, start: offset - word.length, siblings, flow: false };
}

function flowContext(source: SourceText, offset: number, line: number, lineStart: number, before: string, brace: number, info: LineInfo): CursorContext | undefined {
  // The mapping in braces: the value of the line's key, or a list item (`- { … }`).
  let path: PathSegment[] | undefined;
  if (info.key !== undefined && brace > info.content) {
    const parent = blockPath(source, line + 1, info.content);
    path = parent && [...parent, info.key];
  } else if (info.key === undefined && isItem(info) && brace === info.content) {
    path = newItemPath(source, line, info.dashes.at(-1)!);
  }
  if (!path) return undefined;
  const inner = before.slice(brace + 1);
  const lastComma = inner.lastIndexOf(',');
  const part = inner.slice(lastComma + 1);
  const partStart = lineStart + brace + 1 + lastComma + 1;
  const kv = /^(\s*)([^:\s,{}]+)\s*:(\s*)(.*)$/.exec(part);
  if (kv) {
    const valueStart = partStart + part.length - kv[4].length;
    return { kind: 'value', path: [...path, kv[2]], prefix: kv[4], start: valueStart, end: Math.max(flowValueEnd(source.text, offset), offset), flow: true };
  }
  const word = /[^\s,{]*$/.exec(part)?.[0] ?? '';
  const siblings = [...source.lineText(line).slice(brace + 1).matchAll(/([^\s,{:]+)\s*:/g)].map((m) => m[1]);
  return { kind: 'key', path, prefix: word, start: offset - word.length, siblings, flow: true };
}

function flowValueEnd(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && !',}]\n\r'.includes(text[i])) i++;
  while (i > offset && text[i - 1] === ' ') i--;
  return i;
}

/** Where a block value on the line ends: before a comment and trailing spaces. */
function lineValueEnd(text: string): number {
  const comment = text.search(/\s#/);
  return text.slice(0, comment < 0 ? text.length : comment).trimEnd().length;
}

/** The keys already written at column `col` in the mapping being typed into on `line`. */
export function siblingKeys(source: SourceText, line: number, col: number): string[] {
  const keys: string[] = [];
  for (let i = line - 1; i >= 0; i--) {
    const info = lineInfo(source.lineText(i));
    if (info.blank || info.content > col) continue;
    if (info.content < col) break;
    if (info.key !== undefined) keys.push(info.key);
    if (isItem(info)) break; // the first key of this list item
  }
  for (let i = line + 1; i < source.lineCount; i++) {
    const info = lineInfo(source.lineText(i));
    if (info.blank || info.content > col) continue;
    if (info.content < col || isItem(info)) break;
    if (info.key !== undefined) keys.push(info.key);
  }
  return keys;
}
