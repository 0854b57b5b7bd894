// `ga-ipv6 export [--accelerator NAME]… [--zone ZONE]…`: live accelerators and the DNS records pointing at them, as
// ga.yaml on stdout (with `to:` references). What the file cannot say goes to stderr as warnings. Exit 0.
import type { Command } from 'commander';
import { writeGaYaml } from '../../gaYaml';
import { exportConfig, readLiveState } from '../../workflows';
import { cloudFor, withAccessOptions, type AccessOptions } from '../cloudAccess';
import type { CliCommand } from '../command';
import { EXIT, errLine, styleFor, type CliIo } from '../io';
import { runCommand } from '../runCommand';

export interface ExportArgs extends AccessOptions {
  accelerators?: string[];
  zones?: string[];
}

export function runExport(args: ExportArgs, io: CliIo): Promise<number> {
  return runCommand(io, async () => {
    const { services, profile, where } = await cloudFor(args, io);
    const names = args.accelerators?.length ? new Set(args.accelerators) : undefined;
    errLine(io, styleFor(io).dim(`Reading the account (profile "${profile.name}", ${where})…`));
    const live = await readLiveState(services, {
      select: names ? (a) => names.has(a.name ?? '') || names.has(a.acceleratorId ?? '') : undefined,
      zones: args.zones?.length ? args.zones : 'all',
    });
    const { config, warnings } = exportConfig(live, { accelerators: args.accelerators?.length ? args.accelerators : undefined, zones: args.zones?.length ? args.zones : undefined });
    for (const w of warnings) errLine(io, `${styleFor(io).update('Warning:')} ${w}`);
    for (const z of live.zones.filter((x) => x.error)) errLine(io, `${styleFor(io).update('Warning:')} ${z.error}`);
    io.out(writeGaYaml(config, { comments: false, header: `Exported by ga-ipv6 export from profile "${profile.name}" (${where}) on ${new Date().toISOString().slice(0, 10)}.\nPlanning this file against the same account shows no changes.` }));
    return EXIT.ok;
  });
}

const collect = (value: string, previous: string[]) => [...previous, value];

export const exportCommand: CliCommand = {
  register(program: Command, run, io) {
    withAccessOptions(
      program
        .command('export')
        .description('Write ga.yaml for live accelerators and the DNS records pointing at them, to stdout. Exit 0.')
        .option('--accelerator <name>', 'only this accelerator, by name or id (repeatable)', collect, [])
        .option('--zone <zone>', 'only records of this DNS zone (repeatable)', collect, []),
    ).action((o: { accelerator: string[]; zone: string[] } & AccessOptions) =>
      run(() => runExport({ accelerators: o.accelerator, zones: o.zone, profile: o.profile, endpoint: o.endpoint }, io)),
    );
  },
};
