// The `ga-ipv6` program (commander): its commands, help and version; errors as exit codes, not process exits, so
// tests run it in-process.
import { Command, CommanderError } from 'commander';
import { COMMANDS } from './commands';
import type { CliIo } from './io';

export const CLI_NAME = 'ga-ipv6';

/** Runs `ga-ipv6` with `argv` (without node and the script) and resolves with the exit code. */
export async function runCli(argv: readonly string[], io: CliIo, version = '0.0.0'): Promise<number> {
  let exitCode = 0;
  const run = async (action: () => Promise<number>) => {
    exitCode = await action();
  };
  const program = new Command(CLI_NAME)
    .description('IPv6 front doors for IPv4 services on Alibaba Cloud Global Accelerator, as code: check, plan and apply ga.yaml.')
    .version(version, '-v, --version')
    .showHelpAfterError('(ga-ipv6 --help lists the commands and their options)')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });
  for (const command of COMMANDS) command.register(program, run, io);
  for (const sub of program.commands) sub.exitOverride().configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode;
    throw e;
  }
  return exitCode;
}
