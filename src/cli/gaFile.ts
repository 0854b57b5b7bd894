// Reading the ga.yaml a command works on: the file's own checks first (a plan is never made from a file with
// errors), each problem printed as `ga.yaml:12:17 error GA012 …`, then the desired state.
import { isAbsolute, relative } from 'node:path';
import type { GaConfig, Problem } from '../model';
import { validateGaYaml, type GaYamlFacts } from '../gaYaml';
import { errLine, styleFor, type CliIo } from './io';
import { readGaYaml } from './readFile';
import { CliUsageError } from './cloudAccess';

export interface FileProblem extends Problem {
  line: number;
  column: number;
}

export interface GaFile {
  /** As given, for messages. */
  name: string;
  config?: GaConfig;
  problems: FileProblem[];
  /** Where a Problem-grammar path is in the file (1-based), for drift and plan problems. */
  locate(path: string): { line: number; column: number };
}

/** The file's every check (`ga-ipv6 validate`'s), with `facts` (the sandbox's when the endpoint is a local emulator). */
export async function readGaFile(file: string | undefined, io: CliIo, facts: GaYamlFacts = {}): Promise<GaFile> {
  const read = await readGaYaml(io, file);
  if (!read.ok) throw new CliUsageError(read.message);
  const name = read.display;
  const text = read.text;
  const { parsed, diagnostics, config } = validateGaYaml(text, facts);
  const at = (offset: number) => {
    const p = parsed.source.positionAt(offset);
    return { line: p.line + 1, column: p.character + 1 };
  };
  const problems = diagnostics.map(({ span: _span, range, ...problem }) => ({ ...problem, line: range.start.line + 1, column: range.start.character + 1 }));
  return {
    name: isAbsolute(name) ? relative(io.cwd, name) || name : name,
    config,
    problems,
    locate: (p) => at(parsed.spanOf(p).start),
  };
}

/** Prints problems as `file:line:col severity CODE message`, errors first in document order. */
export function printProblems(io: CliIo, file: GaFile, problems: readonly (Problem & Partial<{ line: number; column: number }>)[]): void {
  const style = styleFor(io);
  for (const p of problems) {
    const where = p.line !== undefined ? { line: p.line, column: p.column ?? 1 } : file.locate(p.path);
    const severity = p.severity === 'error' ? style.destroy('error') : p.severity === 'warning' ? style.update('warning') : 'info';
    errLine(io, `${file.name}:${where.line}:${where.column} ${severity} ${p.code} ${p.message}`);
  }
}
