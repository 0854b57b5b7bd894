// What a command of `ga-ipv6` reads and writes, passed in so the commands run the same in the real process and in
// tests: output streams, whether stdout is a terminal (colour only then, and never with NO_COLOR), the environment,
// the working directory, a question to the person at the terminal, and Ctrl-C.
import { ANSI, PLAIN, type Style } from '../workflows';

export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  /** stdout is a terminal. */
  isTTY: boolean;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  /** The user's home directory (aliyun CLI profiles). */
  home: string;
  /** Asks a question at the terminal; undefined when there is no terminal to ask at. */
  ask?: (question: string) => Promise<string>;
  /** Registers Ctrl-C handling; returns the function that removes it. */
  onInterrupt?: (handler: () => void) => () => void;
}

/** Exit codes of the contract. */
export const EXIT = { ok: 0, error: 1, changes: 2 } as const;

export function styleFor(io: CliIo): Style {
  const noColor = io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '';
  return io.isTTY && !noColor ? ANSI : PLAIN;
}

export function line(stream: CliIo['stdout'], text = ''): void {
  stream.write(`${text}\n`);
}

/** An error as the command line shows it: `Error: …` on stderr, in red on a terminal. */
export function printError(io: CliIo, message: string): void {
  line(io.stderr, `${styleFor(io).destroy('Error:')} ${message}`);
}
