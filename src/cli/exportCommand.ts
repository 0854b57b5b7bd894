// `ga-ipv6 export [--accelerator NAME]… [--zone ZONE]…`: live accelerators and the DNS records pointing at them, as
// ga.yaml on stdout (with `to:` references). What the file cannot say goes to stderr as warnings. Exit 0.
import { writeGaYaml } from '../gaYaml';
import { exportConfig, readLiveState } from '../workflows';
import { cloudFor, type AccessOptions } from './cloudAccess';
import { EXIT, line, styleFor, type CliIo } from './io';
import { runCommand } from './runCommand';

export interface ExportArgs extends AccessOptions {
  accelerators?: string[];
  zones?: string[];
}

export function runExport(args: ExportArgs, io: CliIo): Promise<number> {
  return runCommand(io, async () => {
    const { services, profile, where } = await cloudFor(args, io);
    const names = args.accelerators?.length ? new Set(args.accelerators) : undefined;
    line(io.stderr, styleFor(io).dim(`Reading the account (profile "${profile.name}", ${where})…`));
    const live = await readLiveState(services, {
      select: names ? (a) => names.has(a.name ?? '') || names.has(a.acceleratorId ?? '') : undefined,
      zones: args.zones?.length ? args.zones : 'all',
    });
    const { config, warnings } = exportConfig(live, { accelerators: args.accelerators?.length ? args.accelerators : undefined, zones: args.zones?.length ? args.zones : undefined });
    for (const w of warnings) line(io.stderr, `${styleFor(io).update('Warning:')} ${w}`);
    for (const z of live.zones.filter((x) => x.error)) line(io.stderr, `${styleFor(io).update('Warning:')} ${z.error}`);
    io.stdout.write(writeGaYaml(config, { comments: false, header: `Exported by ga-ipv6 export from profile "${profile.name}" (${where}) on ${new Date().toISOString().slice(0, 10)}.\nPlanning this file against the same account shows no changes.` }));
    return EXIT.ok;
  });
}
