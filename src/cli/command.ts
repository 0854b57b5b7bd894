// One subcommand of `ga-ipv6`. Each lives in its own file under commands/ and is listed in commands/index.ts;
// program.ts registers them all. A command reports through `io` and resolves with its exit code.
import type { Command } from 'commander';
import type { CliIo } from './io';

export interface CliCommand {
  /** Adds the subcommand (name, arguments, options, help) to the program and sets its action through `run`. */
  register(program: Command, run: (action: () => Promise<number>) => Promise<void>, io: CliIo): void;
}
