// Reading the ga.yaml a command works on: FILE (relative to the working directory), `-` for standard input,
// with a message a person can act on when it cannot be read.
import { isAbsolute, join } from 'node:path';
import type { CliIo } from './io';

export type ReadResult = { ok: true; text: string; display: string } | { ok: false; message: string };

export async function readGaYaml(io: CliIo, file: string | undefined): Promise<ReadResult> {
  const name = file ?? 'ga.yaml';
  if (name === '-') return { ok: true, text: await io.readStdin(), display: '<stdin>' };
  const path = isAbsolute(name) ? name : join(io.cwd, name);
  try {
    return { ok: true, text: await io.readFile(path), display: name };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, message: `${name} does not exist${file === undefined ? ' (FILE defaults to ./ga.yaml)' : ''}.` };
    if (code === 'EISDIR') return { ok: false, message: `${name} is a directory; name the ga.yaml file in it.` };
    return { ok: false, message: `cannot read ${name}: ${(e as Error).message}` };
  }
}
