// A ProblemFix (setValue, renameKey, addKey, removeKey) as text edits on a ga.yaml, keeping its layout: block or
// flow style, the indentation of the keys around, comments after values.
import type { ProblemFix } from '../../model';
import { parentPath, type ParsedGaYaml } from '../parse';
import type { Span } from '../sourceText';
import { yamlFlow, yamlScalar } from '../writer';

export interface TextEdit {
  span: Span;
  newText: string;
}

export function editsFor(parsed: ParsedGaYaml, path: string, fix: ProblemFix): TextEdit[] | undefined {
  const node = parsed.node(path);
  switch (fix.kind) {
    case 'setValue': {
      if (!node) return undefined;
      // A named entry (an area's region, a zone) is its key.
      if ((node.kind === 'map' || node.kind === 'seq') && node.key) return [{ span: node.key, newText: yamlScalar(fix.value) }];
      // A key without a value (`protocol:   # …`): the value goes right after the colon.
      if (node.kind === 'null' && node.value.start === node.value.end && node.key) {
        const colon = parsed.text.indexOf(':', node.key.end) + 1;
        return [{ span: { start: colon, end: colon }, newText: ` ${yamlScalar(fix.value)}` }];
      }
      return [{ span: node.value, newText: yamlScalar(fix.value) }];
    }
    case 'renameKey':
      return node?.key ? [{ span: node.key, newText: yamlScalar(fix.to) }] : undefined;
    case 'removeKey':
      return node?.key ? [removePair(parsed, node.key, node.value)] : undefined;
    case 'addKey':
      return addKey(parsed, parentPath(path) ?? '', fix.key, fix.value);
  }
}

/** Deletes `key: value`: its whole lines in block style, or the pair and one comma in flow style. */
function removePair(parsed: ParsedGaYaml, key: Span, value: Span): TextEdit {
  const text = parsed.text;
  const src = parsed.source;
  const keyLine = src.positionAt(key.start).line;
  const lineStart = src.lineStart(keyLine);
  const beforeKey = text.slice(lineStart, key.start);
  const end = Math.max(value.end, key.end);
  if (/^\s*$/.test(beforeKey)) {
    const lastLine = src.positionAt(end).line;
    const next = lastLine + 1 < src.lineCount ? src.lineStart(lastLine + 1) : text.length;
    return { span: { start: lineStart, end: next }, newText: '' };
  }
  // Flow style (or after `- `): the pair and the comma after it, else the comma before it.
  const after = /^\s*,\s*/.exec(text.slice(end));
  if (after) return { span: { start: key.start, end: end + after[0].length }, newText: '' };
  const before = /,\s*$/.exec(text.slice(0, key.start));
  if (before) return { span: { start: key.start - before[0].length, end }, newText: '' };
  return { span: { start: key.start, end }, newText: '' };
}

/** Adds `key: value` to the mapping at `parent`, after its last key, at the indentation of its keys. */
function addKey(parsed: ParsedGaYaml, parent: string, key: string, value: unknown): TextEdit[] | undefined {
  const text = parsed.text;
  const src = parsed.source;
  const rendered = `${yamlScalar(key)}: ${yamlFlow(value)}`;
  if (parent === '') {
    // At the top: before the first line (version goes first).
    return [{ span: { start: 0, end: 0 }, newText: `${rendered}\n` }];
  }
  const node = parsed.node(parent);
  if (!node) return undefined;
  const valueText = text.slice(node.value.start, node.value.end);
  if (node.kind === 'map' && valueText.trimStart().startsWith('{')) {
    const close = node.value.start + valueText.lastIndexOf('}');
    const inner = text.slice(node.value.start + valueText.indexOf('{') + 1, close).trim();
    return [{ span: { start: close, end: close }, newText: inner ? `, ${rendered} ` : ` ${rendered} ` }];
  }
  if (node.kind === 'map') {
    // Block mapping: the column of its first key, after the line of its last value.
    const firstKeyCol = src.positionAt(node.value.start).character;
    const lastLine = src.positionAt(Math.max(node.value.start, node.value.end - 1)).line;
    const insertAt = lastLine + 1 < src.lineCount ? src.lineStart(lastLine + 1) : text.length;
    const needsBreak = insertAt === text.length && !text.endsWith('\n');
    return [{ span: { start: insertAt, end: insertAt }, newText: `${needsBreak ? '\n' : ''}${' '.repeat(firstKeyCol)}${rendered}\n` }];
  }
  if (node.kind === 'null' && node.key) {
    // `name:` with nothing under it yet: the key's indentation plus two.
    const keyPos = src.positionAt(node.key.start);
    const indent = keyPos.character + 2;
    const line = keyPos.line;
    const insertAt = line + 1 < src.lineCount ? src.lineStart(line + 1) : text.length;
    const needsBreak = insertAt === text.length && !text.endsWith('\n');
    const emptyValue = text.slice(node.key.end, src.lineEnd(line)).replace(/^\s*:\s*/, '');
    const edits: TextEdit[] = [];
    // `name: {}` or `name: null` would keep the new key out of the mapping: drop the empty value first.
    if (/^(\{\s*\}|~|null)\s*(#.*)?$/.test(emptyValue)) edits.push({ span: { start: node.value.start, end: node.value.end }, newText: '' });
    edits.push({ span: { start: insertAt, end: insertAt }, newText: `${needsBreak ? '\n' : ''}${' '.repeat(indent)}${rendered}\n` });
    return edits;
  }
  return undefined;
}
