// The quick pick of "Probe IPv6 Reachability…": the accelerators of the active profile, or whatever is typed
// (an IPv6 address, [address]:port, a URL or a host name), checked as it is typed with the engine's own parser.
import * as vscode from 'vscode';
import type { AcceleratorSummary } from '../cloud';
import type { ExplorerTree } from '../explorer';
import { planTarget } from '../probe';
import type { Session } from '../ui/session';

export type PickedTarget =
  | { kind: 'text'; text: string }
  | { kind: 'accelerator'; profileId: string; accelerator: AcceleratorSummary };

interface Item extends vscode.QuickPickItem {
  target?: PickedTarget;
}

export async function pickProbeTarget(session: Session, tree: ExplorerTree, title: string): Promise<PickedTarget | undefined> {
  const pick = vscode.window.createQuickPick<Item>();
  pick.title = title;
  pick.placeholder = 'An accelerator, or type an IPv6 address, [address]:port, http(s) URL or host name';
  pick.matchOnDescription = true;
  let accelerators: Item[] = [];
  const refresh = () => {
    const typed = typedItem(pick.value);
    pick.items = typed ? [typed, ...accelerators] : accelerators;
  };
  pick.onDidChangeValue(refresh);
  pick.busy = true;
  void acceleratorItems(session, tree).then(
    (items) => {
      accelerators = items;
      pick.busy = false;
      refresh();
    },
    () => {
      // No profile or the account cannot be listed: typing a target still works.
      pick.busy = false;
    },
  );
  try {
    return await new Promise<PickedTarget | undefined>((resolve) => {
      pick.onDidAccept(() => {
        const chosen = pick.selectedItems[0]?.target;
        if (chosen) resolve(chosen);
      });
      pick.onDidHide(() => resolve(undefined));
      pick.show();
    });
  } finally {
    pick.dispose();
  }
}

function typedItem(value: string): Item | undefined {
  const text = value.trim();
  if (!text) return undefined;
  const problem = planTarget(text, { scheme: 'http', path: '/' }).error;
  return {
    label: `$(pulse) Probe ${text}`,
    detail: problem ? `$(warning) ${problem}` : 'Over IPv6, with the gaIpv6.probe settings',
    alwaysShow: true,
    target: problem ? undefined : { kind: 'text', text },
  };
}

async function acceleratorItems(session: Session, tree: ExplorerTree): Promise<Item[]> {
  const profile = await session.requireActiveProfile();
  const loader = tree.loaderFor(profile.id);
  if (!loader) return [];
  const all = await loader.accelerators();
  return all.map((accelerator) => ({
    label: `$(rocket) ${accelerator.name || accelerator.acceleratorId || 'accelerator'}`,
    description: [accelerator.acceleratorId, accelerator.state, profile.name].filter(Boolean).join(' · '),
    detail: 'Every IPv6 address of its areas × every listener port',
    target: { kind: 'accelerator', profileId: profile.id, accelerator },
  }));
}
