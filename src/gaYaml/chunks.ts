// Splits a ga.yaml into pieces that parse on their own: each accelerator under `accelerators:` and each zone under
// `dns:` is one chunk, everything else (version, the section headers, unknown top-level keys) is a root chunk.
// The editor re-parses only the chunks a keystroke changed, which keeps a 5,000-line file within a few
// milliseconds (the `yaml` parser needs ~50 ms for the whole of it). A boundary is placed only where a new
// entry certainly starts; when in doubt pieces stay together, and a file with document markers, directives or
// anchors is parsed as one piece (parse.ts), so splitting never changes what a valid file means.

export type ChunkKind = 'root' | 'accelerators' | 'dns';

export interface Chunk {
  kind: ChunkKind;
  /** Offset of the chunk's first character in the whole text; chunks cover the text without gaps. */
  start: number;
  text: string;
}

const SECTION_HEADER = /^(accelerators|dns):[ \t]*(?:#.*)?$/;
/** A block mapping key at the start of a line's content: plain (no indicator first), single- or double-quoted. */
const KEY_LINE = /^(?:"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"\-?:,[\]{}&*!|>%@`][^#]*?)[ \t]*:(?:[ \t]|$)/;

interface Line {
  start: number;
  /** Without the line break (and a CR before it). */
  text: string;
  /** Leading spaces. */
  indent: number;
  /** Blank or a comment: never a boundary, never ends a section. */
  quiet: boolean;
}

function linesOf(text: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  while (start <= text.length) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    let body = text.slice(start, end);
    if (body.endsWith('\r')) body = body.slice(0, -1);
    let indent = 0;
    while (indent < body.length && body.charCodeAt(indent) === 32) indent++;
    const first = body[indent];
    out.push({ start, text: body, indent, quiet: first === undefined || first === '#' });
    if (nl < 0) break;
    start = nl + 1;
  }
  return out;
}

/** Whether the text uses YAML features that tie distant parts together (then it is parsed whole). */
function needsWholeParse(lines: readonly Line[]): boolean {
  return lines.some((l) => /^(?:---|\.\.\.)(?:\s|$)/.test(l.text) || l.text.startsWith('%'));
}

export function splitChunks(text: string): Chunk[] {
  const lines = linesOf(text);
  if (needsWholeParse(lines)) return [{ kind: 'root', start: 0, text }];
  const boundaries: { at: number; kind: ChunkKind }[] = [{ at: 0, kind: 'root' }];
  let section: { kind: ChunkKind; indent: number } | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.quiet) continue;
    if (line.indent === 0) {
      if (section) {
        boundaries.push({ at: line.start, kind: 'root' });
        section = undefined;
      }
      const header = SECTION_HEADER.exec(line.text.replace(/^\uFEFF/, ''));
      if (!header) continue;
      const next = lines.slice(i + 1).find((l) => !l.quiet);
      if (!next || next.indent === 0 || !KEY_LINE.test(next.text.slice(next.indent))) continue;
      section = { kind: header[1] as ChunkKind, indent: next.indent };
      const after = i + 1 < lines.length ? lines[i + 1].start : text.length;
      boundaries.push({ at: after, kind: section.kind });
      // The first entry starts right after the header: its chunk holds any comments in between.
      i = lines.indexOf(next);
      continue;
    }
    if (section && line.indent === section.indent && KEY_LINE.test(line.text.slice(line.indent))) {
      boundaries.push({ at: line.start, kind: section.kind });
    }
  }
  const chunks: Chunk[] = [];
  boundaries.forEach((b, n) => {
    const end = n + 1 < boundaries.length ? boundaries[n + 1].at : text.length;
    if (end > b.at || chunks.length === 0) chunks.push({ kind: b.kind, start: b.at, text: text.slice(b.at, end) });
  });
  return chunks;
}
