// Every subcommand of `ga-ipv6`, in the order `--help` lists them. A new command is a file in this folder and one
// line here.
import type { CliCommand } from '../command';
import { applyCommand } from './apply';
import { exportCommand } from './export';
import { planCommand } from './plan';
import { validateCommand } from './validate';

export const COMMANDS: readonly CliCommand[] = [validateCommand, planCommand, applyCommand, exportCommand];
