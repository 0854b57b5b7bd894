// Guided creation in webview forms: "Create IPv6 Gateway…" and the per-resource forms of the explorer's context
// menus, their panels (revived after a window reload), and the walkthrough's progress. Host code only: the
// pages are webview/src, the rules src/workflows/forms, the changes src/workflows (through FormsEngine).
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import type { ExplorerTree } from '../explorer';
import { acceleratorOf, type ExplorerNode } from '../explorer/nodes';
import type { GaConfig } from '../model';
import type { ProbeReport, StructuredTarget } from '../probe';
import type { Profile } from '../profiles/types';
import { registerCommand } from '../ui/commands';
import type { Session } from '../ui/session';
import type { ResourceFormKind } from '../workflows/forms';
import type { FormsEngine } from './engine';
import { FormPanel, panelOptions } from './formPanel';
import { GATEWAY_TITLE, GatewayController } from './gatewayController';
import { parsePersistedState } from './messageSchema';
import type { ResourceTarget } from './protocol';
import { ResourceController } from './resourceController';
import { refreshAfterChange } from './treeRefresh';
import { WalkthroughProgress, type WalkthroughStep } from './walkthrough';

export const GATEWAY_VIEW_TYPE = 'gaIpv6.createGateway';
export const RESOURCE_VIEW_TYPE = 'gaIpv6.resourceForm';

/** The per-resource commands, the form each opens, and the nodes it works on. */
export const RESOURCE_COMMANDS: readonly { command: string; kind: ResourceFormKind }[] = [
  { command: 'gaIpv6.addArea', kind: 'addArea' },
  { command: 'gaIpv6.addListener', kind: 'addListener' },
  { command: 'gaIpv6.addEndpointGroup', kind: 'addEndpointGroup' },
  { command: 'gaIpv6.editEndpoints', kind: 'editEndpoints' },
  { command: 'gaIpv6.addDnsRecord', kind: 'addDnsRecord' },
  { command: 'gaIpv6.editBandwidth', kind: 'editBandwidth' },
];

export interface FormsTesting {
  /** The open form panels, oldest first. */
  panels(): readonly FormPanel[];
  walkthrough(): Record<WalkthroughStep, boolean>;
  /** "Save as ga.yaml" writes here instead of asking; returns the restore function. */
  useSaveLocation(uri: vscode.Uri): () => void;
}

export interface Explorer {
  tree: ExplorerTree;
  view: vscode.TreeView<ExplorerNode>;
}

export function registerForms(
  session: Session,
  explorer: Explorer,
  engine: FormsEngine,
  writeGaYaml: (config: GaConfig) => string,
): { disposables: vscode.Disposable[]; testing: FormsTesting } {
  const forms = new Forms(session, explorer, engine, writeGaYaml);
  const disposables: vscode.Disposable[] = [
    forms,
    registerCommand('gaIpv6.createGateway', () => forms.openGateway()),
    ...RESOURCE_COMMANDS.map(({ command, kind }) => registerCommand(command, (node?: ExplorerNode) => forms.openResource(kind, node))),
    vscode.window.registerWebviewPanelSerializer(GATEWAY_VIEW_TYPE, { deserializeWebviewPanel: (panel, state) => forms.revive(panel, state) }),
    vscode.window.registerWebviewPanelSerializer(RESOURCE_VIEW_TYPE, { deserializeWebviewPanel: (panel, state) => forms.revive(panel, state) }),
  ];
  return { disposables, testing: forms.testing };
}

class Forms implements vscode.Disposable {
  private readonly open = new Map<string, FormPanel>();
  private readonly walkthrough: WalkthroughProgress;
  private saveLocation: vscode.Uri | undefined;
  private seq = 0;
  readonly testing: FormsTesting;

  constructor(
    private readonly session: Session,
    private readonly explorer: Explorer,
    private readonly engine: FormsEngine,
    private readonly writeGaYaml: (config: GaConfig) => string,
  ) {
    this.walkthrough = new WalkthroughProgress(session.profiles);
    this.testing = {
      panels: () => [...this.open.values()],
      walkthrough: () => this.walkthrough.state(),
      useSaveLocation: (uri) => {
        const previous = this.saveLocation;
        this.saveLocation = uri;
        return () => (this.saveLocation = previous);
      },
    };
  }

  async openGateway(): Promise<void> {
    const started = performance.now();
    const profile = await this.profileOrOffer();
    if (!profile) return;
    // One creation at a time per window: an unfinished form comes back to the front instead of a second one.
    const existing = this.open.get('gateway');
    if (existing) {
      existing.reveal();
      return;
    }
    const panel = this.newPanel(GATEWAY_VIEW_TYPE, GATEWAY_TITLE, started);
    this.attachGateway(panel, profile);
  }

  async openResource(kind: ResourceFormKind, node: ExplorerNode | undefined): Promise<void> {
    const started = performance.now();
    const target = resourceTarget(kind, node);
    const profile = this.session.profiles.get(target.profileId);
    if (!profile) throw new Error('The profile of this item is not available any more; reload the profiles.');
    const key = `${kind}:${target.profileId}/${target.acceleratorId}/${target.listenerId ?? ''}/${target.endpointGroupId ?? ''}/${target.areaRegion ?? ''}`;
    const existing = this.open.get(key);
    if (existing) {
      existing.reveal();
      return;
    }
    const panel = this.newPanel(RESOURCE_VIEW_TYPE, 'Global Accelerator', started);
    this.attachResource(panel, profile, kind, target, key);
  }

  /** A panel VS Code restores after a window reload, with the state its page saved (untrusted: checked first). */
  async revive(webviewPanel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const parsed = parsePersistedState(state);
    const panel = new FormPanel(webviewPanel, this.panelDeps());
    await this.session.profiles.ready();
    const saved = parsed.ok ? parsed.value : undefined;
    if (!parsed.ok && state !== undefined) this.session.log.line(`form panel restored without its saved state, which does not fit the protocol (${parsed.reason})`);
    const profile = (saved?.profileId !== undefined ? this.session.profiles.get(saved.profileId) : undefined) ?? this.session.profiles.active();
    if (!profile) {
      panel.dispose();
      void vscode.window.showWarningMessage('A Global Accelerator form was closed on reload: its profile is not available any more.');
      return;
    }
    if (webviewPanel.viewType === GATEWAY_VIEW_TYPE) {
      this.attachGateway(panel, profile, saved?.form === 'createGateway' ? { values: saved.values, run: saved.run, probe: saved.probe } : undefined);
    } else if (saved && saved.form !== 'createGateway' && saved.target.profileId === profile.id) {
      const key = `${saved.form}:revived:${this.seq++}`;
      this.attachResource(panel, profile, saved.form, saved.target, key, { run: saved.run });
    } else {
      panel.dispose();
    }
  }

  dispose(): void {
    for (const p of [...this.open.values()]) p.dispose();
    this.walkthrough.dispose();
  }

  private newPanel(viewType: string, title: string, started: number): FormPanel {
    const webviewPanel = vscode.window.createWebviewPanel(viewType, title, { viewColumn: vscode.ViewColumn.Active, preserveFocus: false }, panelOptions(this.session.context.extensionUri));
    return new FormPanel(webviewPanel, this.panelDeps(), started);
  }

  private panelDeps() {
    return { extensionUri: this.session.context.extensionUri, log: (line: string) => this.session.log.line(line) };
  }

  private track(key: string, panel: FormPanel): void {
    panel.panel.iconPath = vscode.Uri.joinPath(this.session.context.extensionUri, 'media', 'ga.svg');
    this.open.set(key, panel);
    panel.onDidClose(() => {
      if (this.open.get(key) === panel) this.open.delete(key);
    });
  }

  private attachGateway(panel: FormPanel, profile: Profile, restored?: ConstructorParameters<typeof GatewayController>[2]): void {
    const { tree } = this.explorer;
    const prompts = this.session.prompts;
    panel.attach(new GatewayController(panel, {
      engine: this.engine,
      profile,
      services: this.session.servicesFor(profile),
      loader: () => tree.loaderFor(profile.id),
      log: (line) => this.session.log.line(line),
      confirm: (message, detail, label) => prompts.get().confirm(message, detail, label),
      probe: (target: StructuredTarget) => Promise.resolve(vscode.commands.executeCommand<ProbeReport | undefined>('gaIpv6.probe', target)),
      reveal: (profileId, acceleratorId) => this.reveal(profileId, acceleratorId),
      acceleratorsChanged: (profileId) => {
        tree.loaderFor(profileId)?.forgetAcceleratorList();
        const node = tree.nodeById(profileId);
        if (node) tree.redraw(node);
      },
      saveGaYaml: (config, name) => this.save(config, name),
      events: {
        gatewayCreated: () => {
          this.walkthrough.complete('gatewayCreated');
          // A finished creation frees the slot: the next command opens a fresh form.
          if (this.open.get('gateway') === panel) {
            this.open.delete('gateway');
            this.track(`gateway:${this.seq++}`, panel);
          }
        },
        probed: () => this.walkthrough.complete('probed'),
        saved: () => this.walkthrough.complete('saved'),
      },
    }, restored));
    const finished = restored?.run?.phase === 'done';
    this.track(finished || this.open.has('gateway') ? `gateway:${this.seq++}` : 'gateway', panel);
  }

  private attachResource(panel: FormPanel, profile: Profile, kind: ResourceFormKind, target: ResourceTarget, key: string, restored?: ConstructorParameters<typeof ResourceController>[4]): void {
    const { tree } = this.explorer;
    panel.attach(new ResourceController(panel, {
      engine: this.engine,
      profile,
      services: this.session.servicesFor(profile),
      loader: () => tree.loaderFor(profile.id),
      log: (line) => this.session.log.line(line),
      refresh: (t, change) => {
        const id = refreshAfterChange(tree, t, change);
        this.session.log.line(`form "${panel.title}": redrew ${id}`);
      },
    }, kind, target, restored));
    this.track(key, panel);
  }

  /** The active profile; without one, offers the ways to get one (a form needs an account to read and write). */
  private async profileOrOffer(): Promise<Profile | undefined> {
    await this.session.profiles.ready();
    const active = this.session.profiles.active();
    if (active) return active;
    const sandbox = 'Start Local Sandbox';
    const add = 'Add Profile…';
    const choice = await this.session.prompts.get().explain(
      'Creating an IPv6 gateway needs a profile.',
      'Add the AccessKey of a RAM user, or try everything in the local sandbox first (an emulated account on this machine: nothing reaches Alibaba Cloud and nothing costs money).',
      [sandbox, add],
    );
    if (choice === sandbox) await vscode.commands.executeCommand('gaIpv6.startSandbox');
    if (choice === add) await vscode.commands.executeCommand('gaIpv6.addProfile');
    return this.session.profiles.active();
  }

  private async reveal(profileId: string, acceleratorId: string): Promise<void> {
    const { tree, view } = this.explorer;
    tree.loaderFor(profileId)?.forgetAcceleratorList();
    const root = (await tree.getChildren()).find((n) => n.id === profileId);
    if (!root) throw new Error('The profile is not shown in the explorer; select it as the active profile first.');
    tree.redraw(root);
    const node = (await tree.getChildren(root)).find((n) => n.kind === 'accelerator' && n.accelerator.acceleratorId === acceleratorId);
    if (!node) throw new Error(`The explorer does not show instance ${acceleratorId}${tree.model.filterText ? ` (its filter "${tree.model.filterText}" may hide it)` : ''}.`);
    await view.reveal(node, { select: true, focus: true, expand: true });
  }

  private async save(config: GaConfig, suggestedName: string): Promise<vscode.Uri | undefined> {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const uri = this.saveLocation ?? (await vscode.window.showSaveDialog({
      title: 'Save as ga.yaml',
      defaultUri: folder ? vscode.Uri.joinPath(folder, suggestedName) : undefined,
      filters: { 'ga.yaml': ['yaml', 'yml'] },
      saveLabel: 'Save',
    }));
    if (!uri) return undefined;
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(this.writeGaYaml(config)));
    if (!this.saveLocation) await vscode.window.showTextDocument(uri, { preview: false, viewColumn: vscode.ViewColumn.Beside });
    return uri;
  }
}

/** Which resource a per-resource command works on, from the explorer node it was run on. */
export function resourceTarget(kind: ResourceFormKind, node: ExplorerNode | undefined): ResourceTarget {
  const accelerator = node && acceleratorOf(node);
  if (!node || !accelerator?.accelerator.acceleratorId) {
    throw new Error('This form works on an item of the Global Accelerator explorer: right-click an accelerator, listener, endpoint group or acceleration area.');
  }
  const base = { profileId: node.profileId, acceleratorId: accelerator.accelerator.acceleratorId };
  const up = <K extends ExplorerNode['kind']>(k: K) => {
    for (let n: ExplorerNode | undefined = node; n; n = n.parent) if (n.kind === k) return n as Extract<ExplorerNode, { kind: K }>;
    return undefined;
  };
  switch (kind) {
    case 'addArea':
    case 'addListener':
      return base;
    case 'addEndpointGroup':
    case 'editEndpoints': {
      const group = up('endpointGroup');
      const listenerId = group?.listenerId ?? up('listener')?.listener.listenerId;
      if (!listenerId) throw new Error(`${kind === 'addEndpointGroup' ? 'Add Endpoint Group' : 'Edit Endpoints and Weights'} works on a listener${kind === 'editEndpoints' ? ' or an endpoint group' : ''}.`);
      return { ...base, listenerId, ...(kind === 'editEndpoints' && group?.group.endpointGroupId ? { endpointGroupId: group.group.endpointGroupId } : {}) };
    }
    case 'addDnsRecord': {
      const region = up('area')?.ipSet.accelerateRegionId;
      return region ? { ...base, areaRegion: region } : base;
    }
    case 'editBandwidth': {
      const region = up('area')?.ipSet.accelerateRegionId;
      if (!region) throw new Error('Edit Bandwidth works on an acceleration area.');
      return { ...base, areaRegion: region };
    }
  }
}
