// `ga-ipv6 plan [FILE] [--format json] [--detailed-exitcode]`: the file against the live account, as Terraform
// shows a plan. Exit 0; with --detailed-exitcode 2 when there are changes; 1 on any error.
import { Option, type Command } from 'commander';
import { errorsOf } from '../../model';
import { planConfig, planJson, renderPlanText, type Plan } from '../../workflows';
import { cloudFor, isLocalEndpoint, withAccessOptions, type AccessOptions } from '../cloudAccess';
import type { CliCommand } from '../command';
import { printProblems, readGaFile, type GaFile } from '../gaFile';
import { EXIT, errLine, outLine, styleFor, type CliIo } from '../io';
import { runCommand } from '../runCommand';

export interface PlanArgs extends AccessOptions {
  file?: string;
  format?: 'text' | 'json';
  detailedExitcode?: boolean;
}

export function runPlan(args: PlanArgs, io: CliIo): Promise<number> {
  return runCommand(io, async () => {
    const made = await makePlan(args, io);
    if (!made) return EXIT.error;
    const { plan } = made;
    if (args.format === 'json') outLine(io, JSON.stringify(planJson(plan), null, 2));
    else outLine(io, renderPlanText(plan, styleFor(io)));
    return args.detailedExitcode && plan.changes.length > 0 ? EXIT.changes : EXIT.ok;
  });
}

/** Reads and checks the file, reads the account, plans; prints problems. Undefined when it must stop there. */
export async function makePlan(args: PlanArgs, io: CliIo): Promise<{ plan: Plan; file: GaFile; services: Awaited<ReturnType<typeof cloudFor>>['services'] } | undefined> {
  // Against the local emulator, the sandbox's loopback and private endpoint addresses are allowed (validate --sandbox).
  const file = await readGaFile(args.file, io, isLocalEndpoint(args.endpoint) ? { sandbox: true } : {});
  printProblems(io, file, file.problems);
  if (!file.config) {
    errLine(io, `${file.name} has errors: fix them before planning (ga-ipv6 validate ${file.name}).`);
    return undefined;
  }
  const { services, profile, where } = await cloudFor(args, io);
  const names = file.config.accelerators.length;
  const zones = file.config.dns.length;
  errLine(io, styleFor(io).dim(`Reading the account (profile "${profile.name}", ${where}): ${names} accelerator${names === 1 ? '' : 's'} and ${zones} DNS zone${zones === 1 ? '' : 's'} of ${file.name}…`));
  const plan = await planConfig(file.config, services);
  printProblems(io, file, plan.problems);
  if (errorsOf(plan.problems).length > 0) {
    errLine(io, 'The plan cannot be made as the file stands: see the errors above.');
    return undefined;
  }
  return { plan, file, services };
}

export const planCommand: CliCommand = {
  register(program: Command, run, io) {
    withAccessOptions(
      program
        .command('plan')
        .description('Compare a ga.yaml with the live account: what apply would create, change, replace, delete and buy. Exit 0; with --detailed-exitcode 2 when there are changes; 1 on error.')
        .argument('[FILE]', 'the ga.yaml to plan; - reads standard input', 'ga.yaml')
        .addOption(new Option('--format <format>', 'text: as Terraform shows a plan; json: the contract\'s object').choices(['text', 'json']).default('text'))
        .option('--detailed-exitcode', 'exit 2 when there are changes (0 none, 1 error)'),
    ).action((file: string, o: { format: 'text' | 'json'; detailedExitcode?: boolean } & AccessOptions) =>
      run(() => runPlan({ file, format: o.format, detailedExitcode: o.detailedExitcode, profile: o.profile, endpoint: o.endpoint }, io)),
    );
  },
};
