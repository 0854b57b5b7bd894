// The Global Accelerator tree: ExplorerModel's nodes as TreeItems, refreshed one node at a time. Nodes in a
// transient state are re-polled (one Describe per poll, with backoff) and only they are redrawn; a throttled
// load retries quietly with backoff. Nothing here talks to the API directly: ExplorerLoader does.
import * as vscode from 'vscode';
import type { Profile } from '../profiles/types';
import type { Session } from '../ui/session';
import { ExplorerLoader } from './loader';
import { type ExplorerNode } from './nodes';
import { backoffPause, CLOUD_BACKOFF, Poller, SANDBOX_BACKOFF, type BackoffSchedule, type PollOutcome } from './poller';
import { isTransientNode, lifecycleOf, present, type Presentation } from './presentation';
import { ExplorerModel } from './treeModel';

export const EXPLORER_VIEW_ID = 'gaIpv6.explorer';
export const DNS_ZONE_LIMIT_SETTING = 'explorer.dnsZoneLimit';

export class ExplorerTree implements vscode.TreeDataProvider<ExplorerNode>, vscode.Disposable {
  readonly model: ExplorerModel;
  private readonly changed = new vscode.EventEmitter<ExplorerNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  /** The instance VS Code last received for each id: events must name that one. */
  private readonly nodes = new Map<string, ExplorerNode>();
  private readonly loaders = new Map<string, { profile: Profile; loader: ExplorerLoader }>();
  private readonly throttled = new Map<string, number>();
  /** Nodes being deleted (id → their parent's id): shown as such until a listing of the parent no longer has them. */
  private readonly deleting = new Map<string, string | undefined>();
  /**
   * Ids the person expanded. VS Code remembers expansion only for nodes it still shows: an accelerator hidden by
   * the filter comes back collapsed unless its item says otherwise.
   */
  private readonly expanded = new Set<string>();
  private readonly poller: Poller;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly session: Session) {
    this.model = new ExplorerModel(session.profiles, (id) => this.loaderFor(id));
    this.poller = new Poller((key, e) => session.log.line(`polling ${key} failed, will retry: ${e instanceof Error ? e.message : String(e)}`));
    const unsubscribe = session.profiles.onDidChange(() => {
      const ids = session.profiles.all().map((p) => p.id);
      for (const id of [...this.loaders.keys()]) {
        if (!ids.includes(id)) {
          this.loaders.delete(id);
          this.poller.stopUnder(id);
        }
      }
      this.changed.fire(undefined);
    });
    const settings = vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration(`gaIpv6.${DNS_ZONE_LIMIT_SETTING}`)) return;
      this.loaders.clear();
      this.refreshAll();
    });
    this.disposables.push(settings, this.changed, new vscode.Disposable(unsubscribe), new vscode.Disposable(() => this.poller.dispose()));
  }

  /** The loader of a profile; a new one (empty cache) when the profile itself was reloaded. */
  loaderFor(profileId: string): ExplorerLoader | undefined {
    const profile = this.session.profiles.get(profileId);
    if (!profile) return undefined;
    const existing = this.loaders.get(profileId);
    if (existing?.profile === profile) return existing.loader;
    const { ga, dns } = this.session.servicesFor(profile);
    const zoneLimit = vscode.workspace.getConfiguration('gaIpv6').get<number>(DNS_ZONE_LIMIT_SETTING);
    const loader = new ExplorerLoader(ga, dns, { zoneLimit });
    this.loaders.set(profileId, { profile, loader });
    return loader;
  }

  getTreeItem(node: ExplorerNode): vscode.TreeItem {
    const p = present(node, { deleting: this.deleting.has(node.id) });
    if (p.collapsible === 'collapsed' && this.expanded.has(node.id)) p.collapsible = 'expanded';
    return toTreeItem(node, p);
  }

  async getChildren(node?: ExplorerNode): Promise<ExplorerNode[]> {
    if (!node) await this.session.profiles.ready();
    const children = await this.model.children(node ? this.latest(node) : undefined);
    for (const child of children) {
      this.nodes.set(child.id, child);
      if (isTransientNode(child)) this.watch(child);
    }
    if (node) this.retryIfThrottled(node, children);
    const listed = new Set(children.map((c) => c.id));
    for (const [id, parentId] of this.deleting) if (parentId === node?.id && !listed.has(id)) this.deleting.delete(id);
    return children;
  }

  /** Follows the view's expansion, so that a node shown again (after the filter is cleared) opens as it was. */
  trackExpansion(view: vscode.TreeView<ExplorerNode>): vscode.Disposable[] {
    return [
      view.onDidExpandElement((e) => this.expanded.add(e.element.id)),
      view.onDidCollapseElement((e) => this.expanded.delete(e.element.id)),
    ];
  }

  /** Shows the node as being deleted (spinning) until a refresh of its parent no longer lists it. */
  markDeleting(node: ExplorerNode): void {
    const current = this.latest(node);
    this.deleting.set(current.id, current.parent?.id);
    this.fire(current);
  }

  /** The delete did not happen (cancelled, refused, failed): the node is shown as it is again. */
  unmarkDeleting(node: ExplorerNode): void {
    if (this.deleting.delete(node.id)) this.fire(node);
  }

  isDeleting(node: ExplorerNode): boolean {
    return this.deleting.has(node.id);
  }

  getParent(node: ExplorerNode): ExplorerNode | undefined {
    return node.parent && this.latest(node.parent);
  }

  /** The node with this id as last shown. */
  nodeById(id: string): ExplorerNode | undefined {
    return this.nodes.get(id);
  }

  /** Everything again from the API. */
  refreshAll(): void {
    for (const { loader } of this.loaders.values()) loader.refresh();
    // Nodes and polls of the old answers go; the new answers bring their own (transient nodes are polled again).
    this.nodes.clear();
    this.poller.stopAll();
    this.throttled.clear();
    this.changed.fire(undefined);
  }

  /** One node again from the API, and what depends on it; the rest of the tree keeps its answers. */
  refreshNode(node: ExplorerNode): void {
    const current = this.latest(node);
    const loader = this.loaderFor(current.profileId);
    if (!loader) return this.refreshAll();
    switch (current.kind) {
      case 'profile':
        loader.refresh();
        this.poller.stopUnder(current.id);
        return this.fire(current);
      case 'accelerator':
        loader.forgetAcceleratorList();
        loader.forgetAccelerator(current.accelerator.acceleratorId ?? '', { plans: true });
        // Its row comes from the accelerator list: redraw the list so the row is current too.
        return this.fire(current.parent);
      case 'folder':
        if (current.folder === 'dns') {
          loader.forgetDns();
          return this.fire(current);
        }
        return this.refreshNode(current.parent ?? current);
      case 'endpointGroup':
        loader.forgetHealth(current.acceleratorId, current.listenerId);
        return this.fire(current);
      case 'error':
      case 'info':
      case 'dnsRecord':
        return this.refreshNode(current.parent ?? current);
      default: {
        const accelerator = ancestor(current, 'accelerator');
        return accelerator ? this.refreshNode(accelerator) : this.refreshAll();
      }
    }
  }

  /** Redraws a node (or the whole tree) from what is loaded, without API calls (e.g. after the filter changed). */
  redraw(node?: ExplorerNode): void {
    this.fire(node);
  }

  dispose(): void {
    for (const d of this.disposables.splice(0).reverse()) d.dispose();
  }

  private latest(node: ExplorerNode): ExplorerNode {
    return this.nodes.get(node.id) ?? node;
  }

  private fire(node: ExplorerNode | undefined): void {
    this.changed.fire(node && this.latest(node));
  }

  private scheduleFor(profileId: string): BackoffSchedule {
    return this.session.profiles.get(profileId)?.source === 'sandbox' ? SANDBOX_BACKOFF : CLOUD_BACKOFF;
  }

  private watch(node: ExplorerNode): void {
    this.poller.watch(node.id, this.scheduleFor(node.profileId), () => this.poll(node.id));
  }

  /** One Describe of a transient node; redraws it only when its state moved, and its parent when it is gone. */
  private async poll(id: string): Promise<PollOutcome> {
    const node = this.nodes.get(id);
    const loader = node && this.loaderFor(node.profileId);
    if (!node || !loader || !isTransientNode(node)) return 'settled';
    if (node.kind === 'bandwidthPlan') {
      // A plan changes state while it is bound or unbound, i.e. while its accelerator is busy: redraw that.
      const accelerator = ancestor(node, 'accelerator');
      if (accelerator) this.refreshNode(accelerator);
      return 'settled';
    }
    const fresh = await describeAgain(node, loader);
    // The tree may have listed this node again while the call was out: the answer goes to the node shown now.
    const current = this.nodes.get(id);
    const target = current && mutableData(current);
    if (!current || !target) return 'settled';
    if (fresh === undefined) {
      if (current.kind === 'accelerator') loader.forgetAcceleratorList();
      else loader.forgetAccelerator(acceleratorIdOf(current));
      this.nodes.delete(id);
      this.fire(ancestor(current, current.kind === 'accelerator' ? 'profile' : 'accelerator'));
      return 'settled';
    }
    const before = lifecycleOf(current)?.state;
    const fields: Record<string, unknown> = { ...fresh };
    delete fields.requestId;
    Object.assign(target, fields);
    const settled = !isTransientNode(current);
    if (settled && current.kind === 'accelerator') loader.forgetAccelerator(acceleratorIdOf(current), { plans: true });
    if (settled && current.kind === 'endpointGroup') loader.forgetHealth(current.acceleratorId, current.listenerId);
    if (settled || lifecycleOf(current)?.state !== before) this.fire(current);
    return settled ? 'settled' : 'pending';
  }

  /** A throttled load shows "retrying…" and is tried again after a pause that grows while throttling lasts. */
  private retryIfThrottled(parent: ExplorerNode, children: readonly ExplorerNode[]): void {
    const throttled = children.length === 1 && children[0].kind === 'error' && children[0].retrying;
    if (!throttled) {
      this.throttled.delete(parent.id);
      return;
    }
    const attempt = this.throttled.get(parent.id) ?? 0;
    this.throttled.set(parent.id, attempt + 1);
    const base = this.scheduleFor(parent.profileId);
    this.poller.watch(`${parent.id}/throttled`, { ...base, firstMs: backoffPause(base, attempt) }, async () => {
      this.fire(parent);
      return 'settled';
    });
  }
}

/** The API object a node shows, which a poll's answer updates in place. */
function mutableData(node: ExplorerNode): object | undefined {
  switch (node.kind) {
    case 'accelerator': return node.accelerator;
    case 'area': return node.ipSet;
    case 'listener': return node.listener;
    case 'endpointGroup': return node.group;
    default: return undefined;
  }
}

function describeAgain(node: ExplorerNode, loader: ExplorerLoader): Promise<object | undefined> {
  switch (node.kind) {
    case 'accelerator': return loader.pollAccelerator(node.accelerator.acceleratorId ?? '');
    case 'area': return loader.pollIpSet(node.ipSet.ipSetId ?? '');
    case 'listener': return loader.pollListener(node.listener.listenerId ?? '');
    case 'endpointGroup': return loader.pollEndpointGroup(node.acceleratorId, node.listenerId, node.group.endpointGroupId ?? '');
    default: throw new Error(`${node.kind} nodes are not polled`);
  }
}

function acceleratorIdOf(node: ExplorerNode): string {
  if (node.kind === 'accelerator') return node.accelerator.acceleratorId ?? '';
  return 'acceleratorId' in node ? node.acceleratorId : '';
}

function ancestor<K extends ExplorerNode['kind']>(node: ExplorerNode, kind: K): Extract<ExplorerNode, { kind: K }> | undefined {
  for (let n = node.parent; n; n = n.parent) if (n.kind === kind) return n as Extract<ExplorerNode, { kind: K }>;
  return undefined;
}

const COLLAPSIBLE: Record<Presentation['collapsible'], vscode.TreeItemCollapsibleState> = {
  none: vscode.TreeItemCollapsibleState.None,
  collapsed: vscode.TreeItemCollapsibleState.Collapsed,
  expanded: vscode.TreeItemCollapsibleState.Expanded,
};

function toTreeItem(node: ExplorerNode, p: Presentation): vscode.TreeItem {
  const item = new vscode.TreeItem(p.label, COLLAPSIBLE[p.collapsible]);
  item.id = node.id;
  item.description = p.description;
  item.contextValue = p.contextValue;
  if (p.icon) item.iconPath = new vscode.ThemeIcon(p.icon.id, p.icon.color ? new vscode.ThemeColor(p.icon.color) : undefined);
  if (p.tooltip) {
    const md = new vscode.MarkdownString();
    md.appendMarkdown('**').appendText(p.tooltip.title).appendMarkdown('**\n\n');
    // Labels are ours; values come from the API and are appended as text (escaped).
    for (const [label, value] of p.tooltip.rows) md.appendMarkdown(`**${label}:** `).appendText(value).appendMarkdown('  \n');
    if (p.tooltip.note) md.appendMarkdown('\n').appendText(p.tooltip.note);
    item.tooltip = md;
  }
  if (p.command) item.command = { command: p.command.id, title: p.command.title, arguments: [node] };
  return item;
}
