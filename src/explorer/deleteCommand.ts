// "Delete": plan from fresh data, confirm in a modal that names the resource and its dependents, run through
// workflows' executor (teardown order, per-accelerator queue, waits; cancel after the call in flight) under a
// cancellable progress notification, then refresh what changed.
// Meanwhile the node itself shows that it is being deleted, spinning, until the refreshed tree no longer has it.
// The confirmation's first button is the delete: VS Code's modal dialogs always focus their first button and an
// extension cannot make Cancel (Escape) the default, so the button says exactly what it deletes.
import * as vscode from 'vscode';
import type { CloudServices } from '../cloud';
import { isCloudError } from '../cloud';
import { errorMessage } from '../ui/commands';
import type { Session } from '../ui/session';
import { acceleratorConsoleUrl } from './consoleLinks';
import { recordsPointingAt } from '../workflows';
import {
  planAcceleratorDelete,
  planAreaDelete,
  planDnsRecordDelete,
  planEndpointGroupDelete,
  planListenerDelete,
  runDeletePlan,
  DeleteFailedError,
  type DeletePlan,
  type DeleteRefusal,
} from './deletion';
import type { ExplorerLoader } from './loader';
import { ipv6AddressesOf } from './loader';
import { acceleratorOf, type ExplorerNode } from './nodes';
import { present } from './presentation';
import type { ExplorerTree } from './tree';

const OPEN_IN_CONSOLE = 'Open in Console';

export async function deleteNode(session: Session, tree: ExplorerTree, node: ExplorerNode): Promise<void> {
  const profile = session.profiles.get(node.profileId);
  const loader = tree.loaderFor(node.profileId);
  if (!profile || !loader) throw new Error(`The profile of ${String(present(node).label)} is no longer available; refresh the explorer.`);
  if (tree.isDeleting(node)) throw new Error(`${String(present(node).label)} is being deleted already.`);
  let plan: DeletePlan | DeleteRefusal | undefined;
  try {
    plan = await planFor(node, loader);
  } catch (e) {
    // Planning reads the accelerator afresh; if that shows the tree is stale, show the current state.
    tree.refreshNode(node);
    throw e;
  }
  if (!plan) throw new Error('This item cannot be deleted from the explorer.');
  const prompts = session.prompts.get();
  if (plan.kind === 'refusal') {
    const choice = await prompts.explain(plan.message, plan.detail, plan.acceleratorId ? [OPEN_IN_CONSOLE] : []);
    if (choice === OPEN_IN_CONSOLE && plan.acceleratorId) await vscode.env.openExternal(vscode.Uri.parse(acceleratorConsoleUrl(plan.acceleratorId)));
    return;
  }
  if (!(await prompts.confirm(plan.message, plan.detail, plan.confirmLabel))) return;
  const services = session.servicesFor(profile);
  tree.markDeleting(node);
  try {
    await runWithProgress(plan, services);
    void vscode.window.showInformationMessage(plan.done);
  } catch (e) {
    // Not gone: show it as it is (the refresh below reads its current state).
    tree.unmarkDeleting(node);
    if ((isCloudError(e) && e.category === 'cancelled') || (e instanceof DeleteFailedError && e.report.cancelled)) void vscode.window.showWarningMessage(`Cancelled. ${errorMessage(e)}`);
    else void vscode.window.showErrorMessage(`${plan.message.replace(/\?$/, '')} failed: ${errorMessage(e)}`);
  } finally {
    // Also after a failure or a cancel: some steps may have happened. A record's refresh re-reads DNS only.
    tree.refreshNode(node.kind === 'dnsRecord' ? node : (acceleratorOf(node) ?? node));
  }
}

function runWithProgress(plan: DeletePlan, services: CloudServices): Thenable<void> {
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: plan.message.replace(/\?$/, ''), cancellable: true },
    async (progress, token) => {
      const abort = new AbortController();
      const subscription = token.onCancellationRequested(() => abort.abort());
      try {
        await runDeletePlan(plan, services, {
          signal: abort.signal,
          onStep: (step, i, total) => progress.report({ message: `${step.title} (${i + 1}/${total})…`, increment: i === 0 ? 0 : 100 / total }),
          onProgress: (p) => progress.report({ message: `${p.resource}: ${p.state ?? 'waiting'} (${Math.round(p.elapsedMs / 1000)} s)` }),
        });
      } finally {
        subscription.dispose();
      }
    },
  );
}

/** The plan for a node, from a fresh read of its accelerator's children (the tree's copy may be stale). */
async function planFor(node: ExplorerNode, loader: ExplorerLoader): Promise<DeletePlan | DeleteRefusal | undefined> {
  const dns = await loader.peekDnsScan();
  switch (node.kind) {
    case 'accelerator': {
      const accelerator = node.accelerator;
      loader.forgetAccelerator(accelerator.acceleratorId ?? '');
      const details = await loader.details(accelerator);
      const records = dns && recordsPointingAt(dns.records, { dnsName: accelerator.dnsName, ipv6Addresses: ipv6AddressesOf(details) });
      return planAcceleratorDelete(accelerator, details, records);
    }
    case 'area':
      return planAreaDelete(node.acceleratorId, node.ipSet, dns?.records);
    case 'listener': {
      const accelerator = acceleratorOf(node);
      if (!accelerator) return undefined;
      loader.forgetAccelerator(node.acceleratorId);
      const details = await loader.details(accelerator.accelerator);
      const listener = details.listeners.find((l) => l.listenerId === node.listener.listenerId);
      if (!listener) throw new Error(`Listener ${node.listener.name ? `${node.listener.name} (${node.listener.listenerId})` : node.listener.listenerId} no longer exists; the explorer now shows the current state.`);
      return planListenerDelete(listener, details.endpointGroups);
    }
    case 'endpointGroup': {
      const listener = node.parent?.kind === 'listener' ? node.parent.listener : undefined;
      return planEndpointGroupDelete(node.group, listener);
    }
    case 'dnsRecord':
      return planDnsRecordDelete(node.record);
    default:
      return undefined;
  }
}
