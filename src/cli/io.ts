// What a command of `ga-ipv6` may touch: its output streams, files, the environment, whether colour is wanted, a
// question to the person at the terminal and Ctrl-C. main.ts gives the process's; tests give their own and read
// what was written.
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { createInterface } from 'node:readline/promises';
import { ANSI, PLAIN, type Style } from '../workflows';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  readFile(path: string): Promise<string>;
  readStdin(): Promise<string>;
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Whether stdout is a terminal (colour only then, and never with NO_COLOR). */
  isTTY: boolean;
  /** The user's home directory (aliyun CLI profiles, ~/.alibabacloud/credentials); commands that need none omit it. */
  home?: string;
  /** Asks a question at the terminal; absent when there is no terminal to ask at. */
  ask?: (question: string) => Promise<string>;
  /** Registers Ctrl-C handling; returns the function that removes it. */
  onInterrupt?: (handler: () => void) => () => void;
}

/** Exit codes of the contract (shared/reference/ga-yaml.md). */
export const EXIT = { ok: 0, error: 1, changes: 2 } as const;

export function processIo(): CliIo {
  const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY);
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
    home: homedir(),
    ...(interactive
      ? {
          ask: async (question: string) => {
            const rl = createInterface({ input: process.stdin, output: process.stdout });
            try {
              return await rl.question(question);
            } finally {
              rl.close();
            }
          },
        }
      : {}),
    onInterrupt: (handler) => {
      let count = 0;
      const listener = () => {
        count++;
        if (count > 1) process.exit(130);
        handler();
      };
      process.on('SIGINT', listener);
      return () => process.off('SIGINT', listener);
    },
  };
}

/** Colour for terminals, honouring NO_COLOR (https://no-color.org) and FORCE_COLOR: one rule for every command. */
export function colourOn(io: CliIo): boolean {
  return io.env.FORCE_COLOR ? io.env.FORCE_COLOR !== '0' : io.isTTY && io.env.NO_COLOR === undefined;
}

export function colours(io: CliIo): { red(s: string): string; yellow(s: string): string; cyan(s: string): string; dim(s: string): string; bold(s: string): string } {
  const on = colourOn(io);
  const wrap = (code: string) => (s: string) => (on ? `\x1b[${code}m${s}\x1b[0m` : s);
  return { red: wrap('31'), yellow: wrap('33'), cyan: wrap('36'), dim: wrap('2'), bold: wrap('1') };
}

/** The plan renderer's style (src/workflows) under the same rule. */
export function styleFor(io: CliIo): Style {
  return colourOn(io) ? ANSI : PLAIN;
}

export function outLine(io: CliIo, text = ''): void {
  io.out(`${text}\n`);
}

export function errLine(io: CliIo, text = ''): void {
  io.err(`${text}\n`);
}

/** An error as the command line shows it: `Error: …` on stderr, in red on a terminal. */
export function printError(io: CliIo, message: string): void {
  errLine(io, `${styleFor(io).destroy('Error:')} ${message}`);
}
