// Reading a profile source file: a missing file is simply no profiles; anything else unreadable is a problem.
import { readFile } from 'node:fs/promises';
import { relative, isAbsolute, sep } from 'node:path';
import type { ProfileProblem } from './types';

export type SourceFile = { kind: 'missing' } | { kind: 'text'; text: string } | { kind: 'unreadable'; problem: ProfileProblem };

export async function readSourceFile(file: string, display: string): Promise<SourceFile> {
  try {
    return { kind: 'text', text: await readFile(file, 'utf8') };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { kind: 'missing' };
    const why =
      code === 'EACCES' || code === 'EPERM'
        ? 'permission denied: make it readable by your user (chmod 600)'
        : code === 'EISDIR'
          ? 'it is a directory, not a file'
          : (e as Error).message;
    return { kind: 'unreadable', problem: { file, message: `Cannot read ${display}: ${why}.` } };
  }
}

/** "~/.aliyun/config.json" when under the home directory, else the path as given. */
export function displayPath(file: string, home: string): string {
  const rel = relative(home, file);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return file;
  return `~/${rel.split(sep).join('/')}`;
}

/** 1-based line of a character offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
