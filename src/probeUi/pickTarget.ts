// The quick pick of "Probe IPv6 Reachability…": the accelerators of the active profile with their IPv6 areas and
// DNS records (pickItems.ts), or "type a target", which asks for an IPv6 address, [address]:port, a URL or a
// host name, checked as it is typed with the engine's own parser. Both questions go through the session's
// prompter, so extension-host tests can answer them.
import * as vscode from 'vscode';
import type { ExplorerNode, ExplorerTree } from '../explorer';
import { planTarget } from '../probe';
import type { Session } from '../ui/session';
import { loadListings, pickEntries, type PickEntry } from './pickItems';
import { TYPED_TARGET_DEFAULTS } from './typedTargets';

export type PickedTarget = { kind: 'text'; text: string } | { kind: 'node'; node: ExplorerNode };

export interface ProbePickItem extends vscode.QuickPickItem {
  /** The explorer node the item stands for; none on separators and on "type a target". */
  node?: ExplorerNode;
}

export async function pickProbeTarget(session: Session, tree: ExplorerTree, title: string): Promise<PickedTarget | undefined> {
  const listed = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: 'Listing accelerators to probe…' },
    () => listedItems(session, tree),
  );
  const typeItem: ProbePickItem = {
    label: '$(edit) Type an IPv6 address, [address]:port, URL or host name…',
    detail: listed.problem ?? 'Anything not listed here, probed over IPv6 with the gaIpv6.probe settings',
    alwaysShow: true,
  };
  const prompts = session.prompts.get();
  const picked = await prompts.pick([typeItem, ...listed.items], {
    title,
    placeHolder: 'An accelerator, acceleration area or DNS record, or type a target',
    matchOnDescription: true,
  });
  if (!picked) return undefined;
  if (picked.node) return { kind: 'node', node: picked.node };
  const text = await prompts.input({
    title,
    prompt: 'The IPv6 address (optionally [address]:port), http(s) URL or host name to probe over IPv6',
    placeHolder: '[2001:db8::1]:80',
    validateInput: (value) => (value.trim() ? planTarget(value, TYPED_TARGET_DEFAULTS).error : undefined),
  });
  return text?.trim() ? { kind: 'text', text: text.trim() } : undefined;
}

async function listedItems(session: Session, tree: ExplorerTree): Promise<{ items: ProbePickItem[]; problem?: string }> {
  try {
    const profile = await session.requireActiveProfile();
    const loader = tree.loaderFor(profile.id);
    if (!loader) return { items: [] };
    return { items: pickEntries(profile, await loadListings(loader)).map(toItem) };
  } catch (e) {
    // No profile, or the account cannot be listed: typing a target still works, and the item says why.
    return { items: [], problem: `Nothing to list from the active profile: ${e instanceof Error ? e.message : String(e)}` };
  }
}

function toItem(entry: PickEntry): ProbePickItem {
  if (entry.separator) return { label: entry.label, kind: vscode.QuickPickItemKind.Separator };
  return { label: entry.label, description: entry.description, detail: entry.detail, node: entry.node };
}
