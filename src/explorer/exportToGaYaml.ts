// "Export to ga.yaml" on an accelerator of the explorer: the accelerator as it is now and the DNS records that
// point at it (searching the profile's zones, up to the explorer's zone limit), written as ga.yaml in a new
// editor. Planning that file against the same account shows no changes.
import * as vscode from 'vscode';
import { writeGaYaml } from '../gaYaml';
import type { Session } from '../ui/session';
import { exportConfig, readLiveState } from '../workflows';
import type { AcceleratorNode } from './nodes';
import { DNS_ZONE_LIMIT_SETTING } from './tree';

export const EXPORT_COMMAND = 'gaIpv6.exportToGaYaml';

export async function exportAcceleratorToGaYaml(session: Session, node: AcceleratorNode): Promise<vscode.TextDocument> {
  const profile = session.profiles.get(node.profileId);
  if (!profile) throw new Error('The profile of this accelerator is no longer available; refresh the explorer.');
  const id = node.accelerator.acceleratorId ?? '';
  const services = session.servicesFor(profile);
  const zoneLimit = vscode.workspace.getConfiguration('gaIpv6').get<number>(DNS_ZONE_LIMIT_SETTING);
  const live = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: `Reading ${node.accelerator.name || id} and the DNS zones of profile "${profile.name}"…` }, () =>
    readLiveState(services, { select: (a) => a.acceleratorId === id, zones: 'all', zoneLimit }),
  );
  if (live.accelerators.length === 0) throw new Error(`Accelerator ${id} is not in the account any more; refresh the explorer.`);
  const { config, warnings } = exportConfig(live);
  const notes = [...warnings, ...live.zones.filter((z) => z.error).map((z) => z.error as string)];
  const text = writeGaYaml(config, {
    comments: true,
    header: [`Exported from profile "${profile.name}" on ${new Date().toISOString().slice(0, 10)}: ${config.accelerators[0]?.name ?? id} and the DNS records pointing at it.`, 'Planning this file against the same account shows no changes.', ...notes.map((n) => `Note: ${n}`)].join('\n'),
  });
  const languages = await vscode.languages.getLanguages();
  const doc = await vscode.workspace.openTextDocument({ language: languages.includes('ga-yaml') ? 'ga-yaml' : 'yaml', content: text });
  await vscode.window.showTextDocument(doc);
  if (notes.length) void vscode.window.showWarningMessage(`Exported with ${notes.length} note${notes.length === 1 ? '' : 's'} (at the top of the file): ${notes[0]}`);
  return doc;
}
