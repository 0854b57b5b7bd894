// Reading the ga.yaml a command works on: the file's own checks first (a plan is never made from a file with
// errors), each problem printed as `ga.yaml:12:17 error GA012 …`, then the desired state.
import { readFile } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import { hasErrors, type GaConfig, type Problem } from '../model';
import { parseGaYaml, toGaConfig } from '../gaYaml';
import { line, styleFor, type CliIo } from './io';

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

export async function readGaFile(file: string | undefined, io: CliIo): Promise<GaFile> {
  const path = resolve(io.cwd, file ?? 'ga.yaml');
  const name = file ?? 'ga.yaml';
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new Error(code === 'ENOENT' ? `${name} does not exist${file === undefined ? ' (the default file is ./ga.yaml; pass another as the first argument)' : ''}.` : `Cannot read ${name}: ${(e as Error).message}`);
  }
  const parsed = parseGaYaml(text);
  const at = (offset: number) => {
    const p = parsed.source.positionAt(offset);
    return { line: p.line + 1, column: p.character + 1 };
  };
  const problems = parsed.problems.map((p) => ({ ...p.problem, ...at(p.span.start) }));
  return {
    name: isAbsolute(name) ? relative(io.cwd, name) || name : name,
    config: hasErrors(problems) ? undefined : toGaConfig(parsed.draft),
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
    line(io.stderr, `${file.name}:${where.line}:${where.column} ${severity} ${p.code} ${p.message}`);
  }
}
