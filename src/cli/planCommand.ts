// `ga-ipv6 plan [FILE] [--format json] [--detailed-exitcode]`: the file against the live account, as Terraform
// shows a plan. Exit 0; with --detailed-exitcode 2 when there are changes; 1 on any error.
import { errorsOf } from '../model';
import { planConfig, planJson, renderPlanText, type Plan } from '../workflows';
import { cloudFor, type AccessOptions } from './cloudAccess';
import { printProblems, readGaFile, type GaFile } from './gaFile';
import { EXIT, line, styleFor, type CliIo } from './io';
import { runCommand } from './runCommand';

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
    if (args.format === 'json') line(io.stdout, JSON.stringify(planJson(plan), null, 2));
    else line(io.stdout, renderPlanText(plan, styleFor(io)));
    return args.detailedExitcode && plan.changes.length > 0 ? EXIT.changes : EXIT.ok;
  });
}

/** Reads and checks the file, reads the account, plans; prints problems. Undefined when it must stop there. */
export async function makePlan(args: PlanArgs, io: CliIo): Promise<{ plan: Plan; file: GaFile; services: Awaited<ReturnType<typeof cloudFor>>['services'] } | undefined> {
  const file = await readGaFile(args.file, io);
  printProblems(io, file, file.problems);
  if (!file.config) {
    line(io.stderr, `${file.name} has errors: fix them before planning (ga-ipv6 validate ${file.name}).`);
    return undefined;
  }
  const { services, profile, where } = await cloudFor(args, io);
  const names = file.config.accelerators.length;
  const zones = file.config.dns.length;
  line(io.stderr, styleFor(io).dim(`Reading the account (profile "${profile.name}", ${where}): ${names} accelerator${names === 1 ? '' : 's'} and ${zones} DNS zone${zones === 1 ? '' : 's'} of ${file.name}…`));
  const plan = await planConfig(file.config, services);
  printProblems(io, file, plan.problems);
  if (errorsOf(plan.problems).length > 0) {
    line(io.stderr, 'The plan cannot be made as the file stands: see the errors above.');
    return undefined;
  }
  return { plan, file, services };
}
