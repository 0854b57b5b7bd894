// The explorer's commands. Those that act on an accelerator also work from the command palette: without a node
// they ask which accelerator of the active profile.
import * as vscode from 'vscode';
import type { AcceleratorSummary } from '../cloud';
import { registerCommand } from '../ui/commands';
import type { Session } from '../ui/session';
import { acceleratorConsoleUrl, dnsZoneConsoleUrl } from './consoleLinks';
import { deleteNode } from './deleteCommand';
import { HINT_COMMAND, HINTS, isHintId, WALKTHROUGH_DOC, type HintId } from './hints';
import { EXPORT_COMMAND, exportAcceleratorToGaYaml } from './exportToGaYaml';
import { ipv6AddressesOf } from './loader';
import { acceleratorOf, profileOf, resourceId, type ExplorerNode } from './nodes';
import type { ViewMessages } from './viewMessages';
import type { ExplorerTree } from './tree';

/** An accelerator and the profile it belongs to, from a node or from the palette's pick. */
interface AcceleratorRef {
  profileId: string;
  accelerator: AcceleratorSummary;
}

export function registerExplorerCommands(session: Session, tree: ExplorerTree, view: vscode.TreeView<ExplorerNode>, messages: ViewMessages): vscode.Disposable[] {
  const setFilter = async (text: string) => {
    tree.model.filterText = text;
    view.description = text ? `filter: ${text}` : undefined;
    // With the view alone in its container VS Code merges its header into the side bar's title and does not show
    // the description there: the message line above the tree always shows.
    messages.set('filter', text ? `filter: ${text} (Clear Accelerator Filter in the title bar shows all)` : undefined);
    await vscode.commands.executeCommand('setContext', 'gaIpv6.explorer.filtered', text !== '');
    tree.redraw();
  };
  const pick = (node?: ExplorerNode) => acceleratorFrom(session, tree, node);

  return [
    registerCommand('gaIpv6.explorer.refresh', () => tree.refreshAll()),
    registerCommand('gaIpv6.explorer.refreshNode', (node?: ExplorerNode) => (node ? tree.refreshNode(node) : tree.refreshAll())),
    registerCommand('gaIpv6.explorer.filter', async () => {
      const text = await vscode.window.showInputBox({
        title: 'Global Accelerator: Filter Accelerators',
        prompt: 'Part of a name or id, or a state (active, creating, init, configuring, deleting…; "transient" = any changing state). Empty shows all.',
        value: tree.model.filterText,
      });
      if (text !== undefined) await setFilter(text.trim());
    }),
    registerCommand('gaIpv6.explorer.clearFilter', () => setFilter('')),
    registerCommand('gaIpv6.copyId', async (node?: ExplorerNode) => {
      const id = node && resourceId(node);
      if (!id) throw new Error('Copy ID works on a resource in the Global Accelerator explorer: right-click the item.');
      await copy(id, 'ID');
    }),
    registerCommand('gaIpv6.copyCname', async (node?: ExplorerNode) => {
      const ref = await pick(node);
      if (!ref) return;
      if (!ref.accelerator.dnsName) throw new Error(`Accelerator ${label(ref.accelerator)} has no CNAME yet (it gets one once it is created); refresh and try again.`);
      await copy(ref.accelerator.dnsName, 'CNAME');
    }),
    registerCommand('gaIpv6.copyIpv6Address', async (node?: ExplorerNode) => {
      const address = await ipv6AddressFor(session, tree, node);
      if (address) await copy(address, 'IPv6 address');
    }),
    registerCommand('gaIpv6.openInConsole', async (node?: ExplorerNode) => {
      const sandbox = node ? profileOf(node)?.profile.source === 'sandbox' : (await session.requireActiveProfile()).source === 'sandbox';
      if (sandbox) throw new Error('The local sandbox is an emulated account on this machine: the Alibaba Cloud console has nothing of it. Its resources are all in this explorer.');
      if (node?.kind === 'dnsRecord') return vscode.env.openExternal(vscode.Uri.parse(dnsZoneConsoleUrl(node.record.domainName)));
      const ref = await pick(node);
      if (ref) await vscode.env.openExternal(vscode.Uri.parse(acceleratorConsoleUrl(ref.accelerator.acceleratorId ?? '')));
    }),
    registerCommand(HINT_COMMAND, (node?: ExplorerNode | HintId) => runHint(session, node)),
    registerCommand(EXPORT_COMMAND, async (node?: ExplorerNode) => {
      if (node?.kind !== 'accelerator') throw new Error('Export to ga.yaml works on an accelerator of the Global Accelerator explorer: right-click it and choose Export to ga.yaml.');
      return exportAcceleratorToGaYaml(session, node);
    }),
    registerCommand('gaIpv6.delete', async (node?: ExplorerNode) => {
      if (!node) throw new Error('Delete works on an item of the Global Accelerator explorer: right-click it and choose Delete.');
      await deleteNode(session, tree, node);
    }),
  ];
}

async function copy(value: string, what: string): Promise<void> {
  await vscode.env.clipboard.writeText(value);
  vscode.window.setStatusBarMessage(`$(copy) Copied ${what} ${value}`, 4000);
}

/** An address node's own address; an area's or an accelerator's IPv6 address (asking when there are several). */
async function ipv6AddressFor(session: Session, tree: ExplorerTree, node: ExplorerNode | undefined): Promise<string | undefined> {
  if (node?.kind === 'address') {
    if (!node.ipv6) throw new Error(`${node.address} is an IPv4 address; IPv6 clients need the address of an IPv6 acceleration area.`);
    return node.address;
  }
  let candidates: string[];
  let owner: string;
  if (node?.kind === 'area') {
    candidates = ipv6AddressesOf({ ipSets: [node.ipSet] });
    owner = `acceleration area ${node.ipSet.ipSetId}`;
  } else {
    const ref = await acceleratorFrom(session, tree, node);
    if (!ref) return undefined;
    const loader = tree.loaderFor(ref.profileId);
    if (!loader) return undefined;
    candidates = ipv6AddressesOf(await loader.details(ref.accelerator));
    owner = `accelerator ${label(ref.accelerator)}`;
  }
  if (candidates.length === 0) throw new Error(`${owner} has no IPv6 address: add an acceleration area with IP version IPv6 (in a region whose IPv6 clients GA serves), and wait until it is active.`);
  if (candidates.length === 1) return candidates[0];
  return vscode.window.showQuickPick(candidates, { title: `IPv6 addresses of ${owner}`, placeHolder: 'Which address to copy' });
}

/** The accelerator of a node, or one picked from the active profile's accelerators. */
async function acceleratorFrom(session: Session, tree: ExplorerTree, node: ExplorerNode | undefined): Promise<AcceleratorRef | undefined> {
  if (node) {
    const accelerator = acceleratorOf(node);
    if (!accelerator) throw new Error('Choose an accelerator (or something under one) in the Global Accelerator explorer.');
    return { profileId: accelerator.profileId, accelerator: accelerator.accelerator };
  }
  const profile = await session.requireActiveProfile();
  const loader = tree.loaderFor(profile.id);
  if (!loader) return undefined;
  const all = await loader.accelerators();
  if (all.length === 0) throw new Error(`Profile "${profile.name}" has no accelerators.`);
  const picked = await vscode.window.showQuickPick(
    all.map((a) => ({ label: label(a), description: [a.acceleratorId, a.state].filter(Boolean).join(' · '), detail: a.dnsName, accelerator: a })),
    { title: `Accelerators of ${profile.name}`, placeHolder: 'Which accelerator', matchOnDescription: true },
  );
  return picked && { profileId: profile.id, accelerator: picked.accelerator };
}

function label(a: AcceleratorSummary): string {
  return a.name || a.acceleratorId || 'accelerator';
}

/**
 * What a hint row does: for now, open the walk-through guide at the step that adds what is missing. The
 * creation forms will take over here (the rows and their command id stay).
 */
async function runHint(session: Session, target: ExplorerNode | HintId | undefined): Promise<vscode.Uri> {
  const hint = typeof target === 'string' ? target : target?.kind === 'info' ? target.hint : undefined;
  if (!isHintId(hint)) throw new Error('This row has no walk-through step to show.');
  const doc = vscode.Uri.joinPath(session.context.extensionUri, WALKTHROUGH_DOC).with({ fragment: HINTS[hint].anchor });
  // The built-in Markdown extension renders it; without it (disabled), the text itself.
  if ((await vscode.commands.getCommands(true)).includes('markdown.showPreview')) await vscode.commands.executeCommand('markdown.showPreview', doc);
  else await vscode.window.showTextDocument(doc.with({ fragment: '' }));
  return doc;
}
