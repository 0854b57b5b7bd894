// The host side of a per-resource form (Add Acceleration Area, Add Listener, Add Endpoint Group, Edit Endpoints
// and Weights, Add DNS Record, Edit Bandwidth): reads the accelerator it works on, checks the values again, asks
// the workflows for the one change, and redraws only the explorer node the change affects.
import { errorsOf } from '../model';
import type { CloudServices } from '../cloud';
import type { ExplorerLoader } from '../explorer/loader';
import type { Profile } from '../profiles/types';
import { errorMessage } from '../ui/commands';
import { resourceForm, type ResourceChange, type ResourceFacts, type ResourceForm, type ResourceFormKind, type ResourceValues } from '../workflows/forms';
import type { FormsEngine } from './engine';
import type { FormController, FormPanel } from './formPanel';
import { readAcceleratorFacts, readRegions, readZones } from './hostFacts';
import type { ResourceTarget, RunState, WebviewMessage } from './protocol';

export interface ResourceDeps {
  engine: FormsEngine;
  profile: Profile;
  services: CloudServices;
  loader: () => ExplorerLoader | undefined;
  log: (line: string) => void;
  /** Redraws the explorer node `change` affects (and only that one). */
  refresh(target: ResourceTarget, change: ResourceChange): void;
}

export class ResourceController implements FormController {
  private readonly form: ResourceForm;
  private facts: Promise<ResourceFacts>;
  private run: RunState | undefined;
  private abort: AbortController | undefined;
  private busy = false;

  constructor(
    private readonly panel: FormPanel,
    private readonly deps: ResourceDeps,
    readonly kind: ResourceFormKind,
    readonly target: ResourceTarget,
    restored?: { run?: RunState },
  ) {
    this.form = resourceForm(kind);
    this.facts = this.readFacts();
    // A change cannot still be running after a window reload; its outcome is in the explorer.
    if (restored?.run) this.run = restored.run.phase === 'running' ? { ...restored.run, phase: 'failed', message: 'The window was reloaded while the change was being made; refresh the explorer to see whether it was made.' } : restored.run;
  }

  async handle(message: WebviewMessage): Promise<void> {
    switch (message.type) {
      case 'ready': return this.ready();
      case 'reloadFacts':
        this.deps.loader()?.forgetAccelerator(this.target.acceleratorId);
        this.facts = this.readFacts();
        this.panel.post({ type: 'facts', facts: await this.facts });
        return;
      case 'submit': return this.submit(message.values);
      case 'cancel':
        this.abort?.abort();
        return;
      default:
        this.deps.log(`form "${this.panel.title}": ignored ${message.type}, which this form does not take`);
    }
  }

  dispose(): void {
    this.abort?.abort();
  }

  private async readFacts(): Promise<ResourceFacts> {
    const loader = this.deps.loader();
    if (!loader) throw new Error(`Profile "${this.deps.profile.name}" is not available any more; reload the profiles.`);
    const [accelerator, regions, zones] = await Promise.all([
      readAcceleratorFacts(loader, this.target.acceleratorId),
      readRegions(this.deps.services),
      this.kind === 'addDnsRecord' ? readZones(this.deps.services, loader) : Promise.resolve({ zones: [] }),
    ]);
    return {
      accelerator,
      regions: regions.regions,
      regionsLive: regions.live,
      zones: zones.zones,
      sandbox: this.deps.profile.source === 'sandbox',
      ...(this.target.listenerId ? { listenerId: this.target.listenerId } : {}),
      ...(this.target.endpointGroupId ? { endpointGroupId: this.target.endpointGroupId } : {}),
      ...(this.target.areaRegion ? { areaRegion: this.target.areaRegion } : {}),
    };
  }

  private async ready(): Promise<void> {
    const facts = await this.facts;
    const title = this.form.title(facts);
    this.panel.title = title;
    this.panel.post({
      type: 'init',
      form: this.kind,
      title,
      profileId: this.deps.profile.id,
      profileName: this.deps.profile.name,
      facts,
      target: this.target,
      defaults: this.form.defaults(facts),
    });
    if (this.run) this.panel.post({ type: 'run', run: this.run });
  }

  private async submit(values: ResourceValues): Promise<void> {
    if (this.busy) return;
    if (this.run?.phase === 'done') {
      this.panel.post({ type: 'notice', severity: 'warning', message: 'This change is made; open the form again from the explorer for another one.' });
      return;
    }
    // Fresh facts: the accelerator may have changed since the form opened.
    this.deps.loader()?.forgetAccelerator(this.target.acceleratorId);
    this.facts = this.readFacts();
    const facts = await this.facts;
    const errors = errorsOf(this.form.validate(values, facts));
    if (errors.length > 0) {
      this.panel.post({ type: 'facts', facts });
      this.panel.post({ type: 'hostProblems', problems: errors });
      return;
    }
    const change = this.form.change(values, facts);
    const what = this.form.describe(values, facts);
    this.busy = true;
    this.abort = new AbortController();
    this.setRun({ phase: 'running', steps: [{ id: 'change', title: this.form.submitLabel, state: 'running', detail: what }] });
    try {
      const outcome = await this.deps.engine.applyChange(this.deps.services, change, {
        signal: this.abort.signal,
        onDetail: (detail) => this.setRun({ phase: 'running', steps: [{ id: 'change', title: this.form.submitLabel, state: 'running', detail }] }),
      });
      const state = outcome.ok ? 'done' : outcome.cancelled ? 'cancelled' : 'failed';
      this.setRun({
        phase: outcome.ok ? 'done' : outcome.cancelled ? 'cancelled' : 'failed',
        steps: [{ id: 'change', title: this.form.submitLabel, state, detail: outcome.ok ? what : outcome.message }],
        message: outcome.ok ? `Done: ${what}. The explorer shows it.` : outcome.message,
      });
      if (outcome.ok || outcome.resourceId) this.deps.refresh(this.target, change);
    } catch (e) {
      const message = errorMessage(e);
      this.setRun({ phase: 'failed', steps: [{ id: 'change', title: this.form.submitLabel, state: 'failed', detail: message }], message });
    } finally {
      this.busy = false;
    }
  }

  private setRun(run: RunState): void {
    this.run = run;
    this.panel.post({ type: 'run', run });
  }
}
