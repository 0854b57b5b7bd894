// What a command of `ga-ipv6` may touch: its output streams, files, the environment and whether colour is wanted.
// main.ts gives the process's; tests give their own and read what was written.
import { readFile } from 'node:fs/promises';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  readFile(path: string): Promise<string>;
  readStdin(): Promise<string>;
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Whether stdout is a terminal (colour only then, and never with NO_COLOR). */
  isTTY: boolean;
}

export function processIo(): CliIo {
  return {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    readFile: (path) => readFile(path, 'utf8'),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
    cwd: process.cwd(),
    env: process.env,
    isTTY: process.stdout.isTTY === true,
  };
}

/** ANSI colour for terminals, honouring NO_COLOR (https://no-color.org) and FORCE_COLOR. */
export function colours(io: CliIo): { red(s: string): string; yellow(s: string): string; cyan(s: string): string; dim(s: string): string; bold(s: string): string } {
  const on = io.env.FORCE_COLOR ? io.env.FORCE_COLOR !== '0' : io.isTTY && io.env.NO_COLOR === undefined;
  const wrap = (code: string) => (s: string) => (on ? `\x1b[${code}m${s}\x1b[0m` : s);
  return { red: wrap('31'), yellow: wrap('33'), cyan: wrap('36'), dim: wrap('2'), bold: wrap('1') };
}
