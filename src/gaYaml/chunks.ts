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

/** A line at the left margin that is a document marker (`---`, `...`) or a directive (`%YAML`): parse whole. */
const DOCUMENT_LEVEL = /^(?:(?:---|\.\.\.)(?:\s|$)|%)/;

const SPACE = 32;
const HASH = 35;
const CR = 13;

export function splitChunks(text: string): Chunk[] {
  const boundaries: { at: number; kind: ChunkKind }[] = [{ at: 0, kind: 'root' }];
  let section: { kind: ChunkKind; indent: number } | undefined;
  // One pass over the lines without copying them: only lines at the left margin or at the entries' indentation
  // are looked at closely (this runs on every keystroke).
  for (let start = 0; start <= text.length; ) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    let indent = start;
    while (indent < end && text.charCodeAt(indent) === SPACE) indent++;
    const first = indent < end ? text.charCodeAt(indent) : -1;
    const quiet = first === -1 || first === HASH || (first === CR && indent === end - 1);
    const column = indent - start;
    if (!quiet && column === 0) {
      const c = text.charCodeAt(start);
      if ((c === 45 || c === 46 || c === 37) && DOCUMENT_LEVEL.test(lineAt(text, start, end))) return [{ kind: 'root', start: 0, text }];
      if (section) {
        boundaries.push({ at: start, kind: 'root' });
        section = undefined;
      }
      const header = SECTION_HEADER.exec(lineAt(text, start, end).replace(/^\uFEFF/, ''));
      if (header) {
        const next = nextContentLine(text, nl < 0 ? text.length + 1 : nl + 1);
        if (next && next.indent > 0 && KEY_LINE.test(lineAt(text, next.start + next.indent, next.end))) {
          section = { kind: header[1] as ChunkKind, indent: next.indent };
          // The first entry starts right after the header: its chunk holds any comments in between.
          boundaries.push({ at: nl < 0 ? text.length : nl + 1, kind: section.kind });
          start = next.end + 1;
          continue;
        }
      }
    } else if (!quiet && section && column === section.indent && KEY_LINE.test(lineAt(text, indent, end))) {
      boundaries.push({ at: start, kind: section.kind });
    }
    if (nl < 0) break;
    start = nl + 1;
  }
  const chunks: Chunk[] = [];
  boundaries.forEach((b, n) => {
    const end = n + 1 < boundaries.length ? boundaries[n + 1].at : text.length;
    if (end > b.at || chunks.length === 0) chunks.push({ kind: b.kind, start: b.at, text: text.slice(b.at, end) });
  });
  return chunks;
}

function lineAt(text: string, start: number, end: number): string {
  return end > start && text.charCodeAt(end - 1) === CR ? text.slice(start, end - 1) : text.slice(start, end);
}

/** The next line that is neither blank nor a comment, from offset `from`. */
function nextContentLine(text: string, from: number): { start: number; end: number; indent: number } | undefined {
  for (let start = from; start <= text.length; ) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    let i = start;
    while (i < end && text.charCodeAt(i) === SPACE) i++;
    const c = i < end ? text.charCodeAt(i) : -1;
    if (c !== -1 && c !== HASH && !(c === CR && i === end - 1)) return { start, end, indent: i - start };
    if (nl < 0) return undefined;
    start = nl + 1;
  }
  return undefined;
}
