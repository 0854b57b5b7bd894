// plan, apply and export on the `ga-ipv6` command line (commander), with the contract's flags.
import type { Command } from 'commander';
import { runApply } from './applyCommand';
import { runExport } from './exportCommand';
import type { CliIo } from './io';
import { runPlan } from './planCommand';

const collect = (value: string, previous: string[]) => [...previous, value];

export function registerEngineCommands(program: Command, io: CliIo, exit: (code: number) => void): void {
  const access = (c: Command) =>
    c
      .option('--profile <name>', 'an aliyun CLI profile (~/.aliyun/config.json) or ~/.alibabacloud/credentials section; default: the ALIBABA_CLOUD_ACCESS_KEY_* variables')
      .option('--endpoint <url>', 'send GA and Alidns calls to this URL (e.g. the local emulator, http://127.0.0.1:8100)');

  access(
    program
      .command('plan')
      .description('compare ga.yaml with the live account: what apply would create, change, replace, delete and buy')
      .argument('[file]', 'the ga.yaml to plan', 'ga.yaml')
      .option('--format <format>', 'text or json', 'text')
      .option('--detailed-exitcode', 'exit 2 when there are changes (0 none, 1 error)'),
  ).action(async (file: string, o: { format: string; detailedExitcode?: boolean; profile?: string; endpoint?: string }) => {
    if (o.format !== 'text' && o.format !== 'json') return exit(usage(io, `--format is text or json, not ${o.format}.`));
    exit(await runPlan({ file, format: o.format, detailedExitcode: o.detailedExitcode, profile: o.profile, endpoint: o.endpoint }, io));
  });

  access(
    program
      .command('apply')
      .description('carry out the plan; without --yes it shows the plan and asks first')
      .argument('[file]', 'the ga.yaml to apply', 'ga.yaml')
      .option('--yes', 'apply without asking (consent to every purchase the plan lists)'),
  ).action(async (file: string, o: { yes?: boolean; profile?: string; endpoint?: string }) => {
    exit(await runApply({ file, yes: o.yes, profile: o.profile, endpoint: o.endpoint }, io));
  });

  access(
    program
      .command('export')
      .description('write ga.yaml for live accelerators and the DNS records pointing at them, to stdout')
      .option('--accelerator <name>', 'only this accelerator (repeatable)', collect, [])
      .option('--zone <zone>', 'only records of this DNS zone (repeatable)', collect, []),
  ).action(async (o: { accelerator: string[]; zone: string[]; profile?: string; endpoint?: string }) => {
    exit(await runExport({ accelerators: o.accelerator, zones: o.zone, profile: o.profile, endpoint: o.endpoint }, io));
  });
}

function usage(io: CliIo, message: string): number {
  io.stderr.write(`Error: ${message}\n`);
  return 1;
}
