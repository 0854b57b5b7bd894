// The real process as a CliIo: stdout/stderr, the terminal question (only when stdin and stdout are terminals),
// and Ctrl-C.
import { homedir } from 'node:os';
import { createInterface } from 'node:readline/promises';
import type { CliIo } from './io';

export function processIo(): CliIo {
  const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY);
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    isTTY: Boolean(process.stdout.isTTY),
    env: process.env,
    cwd: process.cwd(),
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
