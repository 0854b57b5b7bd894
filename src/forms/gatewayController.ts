// The host side of "Create IPv6 Gateway": answers the panel's messages. It checks the values again with the form
// half, plans the gateway with the workflows, asks in a modal before anything is bought, runs with progress per
// seed step and cancel, resumes with "Retry from this step" (never buying twice), and afterwards copies, probes,
// reveals in the explorer and saves ga.yaml.
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import type { CloudServices } from '../cloud';
import { errorsOf, recordFqdn, type GaConfig } from '../model';
import { renderReport, type ProbeReport, type StructuredTarget } from '../probe';
import type { Profile } from '../profiles/types';
import { errorMessage } from '../ui/commands';
import {
  GATEWAY_STEPS,
  gatewayConfig,
  gatewayDefaults,
  createdLines,
  validateGateway,
  type AccountFacts,
  type GatewayStepId,
  type GatewayValues,
} from '../workflows/forms';
import type { FormsEngine, GatewayOutcome, PurchaseNotice, StepEvent } from './engine';
import type { FormController, FormPanel } from './formPanel';
import { readAccountFacts } from './hostFacts';
import type { GatewayResult, ProbeView, RunState, StepProgress, WebviewMessage } from './protocol';

export const GATEWAY_TITLE = 'Create IPv6 Gateway';

/** The comment at the top of a ga.yaml that "Save as ga.yaml" writes. */
export const SAVED_HEADER = 'Written by "Global Accelerator: Create IPv6 Gateway…".\nPlan and apply it from the editor or with `ga-ipv6 plan` and `ga-ipv6 apply` (see docs/ga-yaml.md).';

/** What the controller needs from the rest of the extension (real in the editor, the same in tests). */
export interface GatewayDeps {
  engine: FormsEngine;
  profile: Profile;
  services: CloudServices;
  loader: () => import('../explorer/loader').ExplorerLoader | undefined;
  log: (line: string) => void;
  /** A modal yes/no: true only when `confirmLabel` was chosen. */
  confirm(message: string, detail: string, confirmLabel: string): Promise<boolean>;
  /** Runs the probe (gaIpv6.probe) and resolves with its report. */
  probe(target: StructuredTarget): Promise<ProbeReport | undefined>;
  reveal(profileId: string, acceleratorId: string): Promise<void>;
  /** The accelerator list changed: redraw the profile's node. */
  acceleratorsChanged(profileId: string): void;
  saveGaYaml(config: GaConfig, suggestedName: string): Promise<vscode.Uri | undefined>;
  /** Walkthrough: the real events that complete its steps. */
  events: { gatewayCreated(): void; probed(): void; saved(): void };
}

export class GatewayController implements FormController {
  private facts: Promise<{ facts: AccountFacts; notes: string[] }>;
  private run: RunState | undefined;
  private probeView: ProbeView | undefined;
  /** The configuration Create planned (kept for Retry and Save). */
  private config: GaConfig | undefined;
  private values: GatewayValues | undefined;
  private outcome: GatewayOutcome | undefined;
  private abort: AbortController | undefined;
  private busy = false;

  constructor(
    private readonly panel: FormPanel,
    private readonly deps: GatewayDeps,
    restored?: { values: GatewayValues; run?: RunState; probe?: ProbeView },
  ) {
    const started = performance.now();
    this.facts = readAccountFacts(deps.profile, deps.services, deps.loader());
    void this.facts.then(() => deps.log(`form "${panel.title}": account facts read in ${(performance.now() - started).toFixed(0)} ms`), () => undefined);
    if (restored) {
      this.values = restored.values;
      this.probeView = restored.probe;
      this.run = restored.run && reloadedRun(restored.run);
    }
  }

  async handle(message: WebviewMessage): Promise<void> {
    switch (message.type) {
      case 'ready': return this.ready();
      case 'reloadFacts':
        this.facts = readAccountFacts(this.deps.profile, this.deps.services, this.deps.loader());
        this.panel.post({ type: 'facts', facts: (await this.facts).facts });
        return;
      case 'create': return this.create(message.values);
      case 'retry': return this.retry();
      case 'cancel':
        this.abort?.abort();
        return;
      case 'copy': return this.copy(message.what);
      case 'probe': return this.probe();
      case 'reveal': return this.reveal();
      case 'saveYaml': return this.save(message.values);
      default:
        // 'submit' belongs to per-resource forms: a gateway panel ignores it.
        this.deps.log(`form "${this.panel.title}": ignored ${message.type}, which this form does not take`);
    }
  }

  dispose(): void {
    this.abort?.abort();
  }

  private async ready(): Promise<void> {
    const { facts, notes } = await this.facts;
    this.panel.post({
      type: 'init',
      form: 'createGateway',
      title: GATEWAY_TITLE,
      profileId: this.deps.profile.id,
      profileName: this.deps.profile.name,
      facts,
      defaults: gatewayDefaults(facts),
    });
    if (this.run) this.panel.post({ type: 'run', run: this.run });
    if (this.probeView) this.panel.post({ type: 'probe', probe: this.probeView });
    if (notes.length) this.panel.post({ type: 'notice', severity: 'warning', message: notes.join(' ') });
  }

  private async create(values: GatewayValues): Promise<void> {
    if (this.busy || this.run) {
      this.panel.post({ type: 'notice', severity: 'warning', message: 'This gateway is already being created (or was): use "Retry from this step", or open a new Create IPv6 Gateway form.' });
      return;
    }
    // The page checked the values; the host checks again with fresh facts before anything is sent.
    const { facts } = await this.facts;
    const errors = errorsOf(validateGateway(values, facts));
    if (errors.length > 0) {
      this.deps.log(`form "${this.panel.title}": Create refused, ${errors.length} problem(s): ${errors.map((e) => `${e.path} ${e.code}`).join(', ')}`);
      this.panel.post({ type: 'hostProblems', problems: errors });
      return;
    }
    const config = gatewayConfig(values);
    this.values = values;
    this.busy = true;
    try {
      this.startRun('Planning against the live account…');
      await this.planAndApply(config, values, facts.sandbox);
    } catch (e) {
      this.fail(e);
    } finally {
      this.busy = false;
    }
  }

  /** Plans, refuses a plan that would do more than create (something of these names exists), then applies. */
  private async planAndApply(config: GaConfig, values: GatewayValues | undefined, sandbox: boolean, retrying = false): Promise<void> {
    const planned = await this.deps.engine.planGateway(this.deps.services, config);
    const planErrors = errorsOf(planned.problems);
    const foreign = planned.changes.filter((c) => c.action !== 'create' && !(c.kind === 'dnsRecord' && c.action === 'update'));
    if (planErrors.length > 0 || foreign.length > 0) {
      const why = planErrors.length > 0
        ? planErrors.map((p) => p.message).join(' ')
        : `The form only creates, but the plan would also ${foreign.map((c) => `${c.action} ${c.address}`).join(', ')}: something with these names exists already. Choose other names.`;
      this.deps.log(`form "${this.panel.title}": plan refused: ${why}`);
      // A refused Create goes back to editing; a refused retry stays failed (something may have been created).
      if (retrying) this.fail(new Error(why));
      else this.setRun(null);
      this.panel.post({ type: 'notice', severity: 'error', message: `Nothing was changed. ${why}` });
      return;
    }
    this.config = config;
    this.finish(await planned.apply(this.runOptions(values, sandbox)));
  }

  private async retry(): Promise<void> {
    if (this.busy) return;
    const config = this.config ?? (this.values && gatewayConfig(this.values));
    if (!config || !this.run || this.run.phase === 'running' || this.run.phase === 'done') {
      this.panel.post({ type: 'notice', severity: 'warning', message: 'There is nothing to retry.' });
      return;
    }
    this.config = config;
    const { facts } = await this.facts;
    this.busy = true;
    try {
      const from = this.run.failedStep;
      this.run = {
        phase: 'running',
        steps: this.run.steps.map((s) => (s.state === 'done' || s.state === 'skipped' ? s : { ...s, state: 'pending', detail: s.id === from ? 'Retrying…' : undefined })),
        failedStep: undefined,
      };
      this.panel.post({ type: 'run', run: this.run });
      // In this session the failed run's own state resumes it (same ClientTokens); after a window reload there
      // is none, so the gateway is planned again: what exists is found, nothing is bought twice.
      if (this.outcome?.resume !== undefined) this.finish(await this.deps.engine.resumeGateway(this.deps.services, config, this.outcome, this.runOptions(this.values, facts.sandbox)));
      else await this.planAndApply(config, this.values, facts.sandbox, true);
    } catch (e) {
      this.fail(e);
    } finally {
      this.busy = false;
    }
  }

  private runOptions(values: GatewayValues | undefined, sandbox: boolean) {
    this.abort = new AbortController();
    return {
      signal: this.abort.signal,
      onStep: (e: StepEvent) => this.step(e),
      confirmPurchase: (purchases: PurchaseNotice[]) => this.confirmPurchase(purchases, values, sandbox),
    };
  }

  private async confirmPurchase(purchases: PurchaseNotice[], values: GatewayValues | undefined, sandbox: boolean): Promise<boolean> {
    const lines = purchases.flatMap((p) => [p.title, ...p.lines.map((l) => `  ${l}`)]);
    const created = values ? createdLines(values) : [];
    const detail = [
      'Will be bought:',
      ...lines,
      ...(purchases.some((p) => p.subscription) ? ['', 'Subscriptions are paid up front and cannot be deleted before their term ends.'] : []),
      ...(created.length ? ['', 'Then created:', ...created.map((l) => `  ${l}`)] : []),
      ...(sandbox ? ['', 'This is the local sandbox: nothing is ordered from Alibaba Cloud and nothing costs money.'] : []),
    ].join('\n');
    const name = this.config?.accelerators[0]?.name ?? '';
    const ok = await this.deps.confirm(`Buy and create IPv6 gateway "${name}"?`, detail, 'Buy and Create');
    this.deps.log(`form "${this.panel.title}": purchase ${ok ? 'confirmed' : 'declined'}: ${purchases.map((p) => p.title).join('; ')}`);
    return ok;
  }

  private startRun(detail: string): void {
    const steps: StepProgress[] = GATEWAY_STEPS.map((s) => ({ id: s.id, title: s.title, state: 'pending' }));
    steps[0] = { ...steps[0], state: 'running', detail };
    this.setRun({ phase: 'running', steps });
  }

  private step(e: StepEvent): void {
    if (!this.run) return;
    this.run = { ...this.run, steps: this.run.steps.map((s) => (s.id === e.step ? { ...s, state: e.state, detail: e.detail ?? (e.state === 'done' ? undefined : s.detail) } : s)) };
    this.panel.post({ type: 'run', run: this.run });
  }

  private finish(outcome: GatewayOutcome): void {
    this.outcome = outcome;
    if (outcome.declined) {
      this.setRun(null);
      this.panel.post({ type: 'notice', severity: 'info', message: 'Nothing was bought and nothing was created: the purchase was not confirmed.' });
      return;
    }
    const steps = this.run?.steps ?? [];
    if (!outcome.ok) {
      const failedStep = outcome.failedStep ?? steps.find((s) => s.state !== 'done' && s.state !== 'skipped')?.id as GatewayStepId | undefined;
      this.setRun({
        phase: outcome.cancelled ? 'cancelled' : 'failed',
        steps: steps.map((s) => (s.id === failedStep ? { ...s, state: outcome.cancelled ? 'cancelled' : 'failed', detail: outcome.message } : s.state === 'running' ? { ...s, state: 'pending' } : s)),
        message: outcome.message,
        failedStep: failedStep ?? 'purchase',
      });
      if (outcome.acceleratorId) this.deps.acceleratorsChanged(this.deps.profile.id);
      return;
    }
    const config = this.config;
    const record = config?.dns[0]?.records[0];
    const result: GatewayResult = {
      acceleratorId: outcome.acceleratorId ?? '',
      acceleratorName: config?.accelerators[0]?.name ?? '',
      ...(outcome.ipv6Address ? { ipv6Address: outcome.ipv6Address } : {}),
      ...(outcome.cname ? { cname: outcome.cname } : {}),
      ...(record && config ? { fqdn: recordFqdn(record.host, config.dns[0].zone) } : {}),
    };
    this.setRun({
      phase: 'done',
      steps: steps.map((s) => (s.id === 'verify' ? { ...s, state: 'done', detail: 'Ready: probe it over IPv6 below.' } : s.state === 'pending' || s.state === 'running' ? { ...s, state: 'skipped' } : s)),
      message: `Created "${result.acceleratorName}"${outcome.mutations ? ` with ${outcome.mutations} change${outcome.mutations === 1 ? '' : 's'} to the account` : ''}. ${result.fqdn ? `${result.fqdn} points at it.` : ''}`.trim(),
      result,
    });
    this.deps.acceleratorsChanged(this.deps.profile.id);
    this.deps.events.gatewayCreated();
  }

  private fail(e: unknown): void {
    const message = errorMessage(e);
    this.deps.log(`form "${this.panel.title}": ${message}`);
    const steps = this.run?.steps ?? GATEWAY_STEPS.map((s) => ({ id: s.id, title: s.title, state: 'pending' as const }));
    const failedStep = (steps.find((s) => s.state === 'running') ?? steps.find((s) => s.state === 'pending'))?.id as GatewayStepId | undefined;
    this.setRun({ phase: 'failed', steps: steps.map((s) => (s.id === failedStep ? { ...s, state: 'failed', detail: message } : s)), message, failedStep: failedStep ?? 'purchase' });
  }

  private setRun(run: RunState | null): void {
    this.run = run ?? undefined;
    this.panel.post({ type: 'run', run });
  }

  private result(): GatewayResult {
    const r = this.run?.phase === 'done' ? this.run.result : undefined;
    if (!r) throw new Error('The gateway is not created yet: Create it first.');
    return r;
  }

  private async copy(what: 'ipv6Address' | 'cname' | 'fqdn'): Promise<void> {
    const value = this.result()[what];
    if (!value) throw new Error(`There is no ${what === 'ipv6Address' ? 'IPv6 address' : what === 'cname' ? 'CNAME' : 'DNS name'} to copy.`);
    await vscode.env.clipboard.writeText(value);
    void vscode.window.setStatusBarMessage(`Copied ${value}`, 3000);
  }

  private async probe(): Promise<void> {
    const r = this.result();
    const listener = this.config?.accelerators[0]?.listeners[0];
    const ports = listener ? (listener.ports.length ? listener.ports : []).map((p) => p.fromPort) : [];
    const scheme = listener?.protocol === 'HTTPS' ? 'https' : listener?.protocol === 'UDP' ? 'tcp' : 'http';
    const target: StructuredTarget = r.fqdn
      ? { kind: 'record', label: r.fqdn, hostName: r.fqdn, ipv6Addresses: [], expectedAddresses: r.ipv6Address ? [r.ipv6Address] : undefined, dnsName: r.cname, ports, scheme }
      : { kind: 'area', label: r.acceleratorName, ipv6Addresses: r.ipv6Address ? [r.ipv6Address] : [], ports, scheme };
    this.probeView = { status: 'running', reason: `Probing ${target.label} over IPv6…`, lines: [] };
    this.panel.post({ type: 'probe', probe: this.probeView });
    try {
      const report = await this.deps.probe(target);
      if (!report) throw new Error('The probe did not run.');
      const status = report.state === 'cancelled' ? 'cancelled' : report.verdict.status === 'pending' ? 'fail' : report.verdict.status;
      this.probeView = { status, reason: report.verdict.reason, lines: renderReport(report, { color: false }) };
      if (report.state === 'done') this.deps.events.probed();
    } catch (e) {
      this.probeView = { status: 'fail', reason: errorMessage(e), lines: [] };
    }
    this.panel.post({ type: 'probe', probe: this.probeView });
  }

  private async reveal(): Promise<void> {
    const r = this.result();
    await this.deps.reveal(this.deps.profile.id, r.acceleratorId);
  }

  private async save(values: GatewayValues): Promise<void> {
    const { facts } = await this.facts;
    // After Create, Save writes what was created; before, what the form describes (checked like Create).
    let config = this.run?.phase === 'done' ? this.config : undefined;
    if (!config) {
      const errors = errorsOf(validateGateway(values, facts)).filter((p) => !(this.run && p.code === 'GA008'));
      if (errors.length > 0) {
        this.panel.post({ type: 'hostProblems', problems: errors });
        return;
      }
      config = gatewayConfig(values);
    }
    const uri = await this.deps.saveGaYaml(config, 'ga.yaml');
    if (!uri) return;
    this.panel.post({ type: 'notice', severity: 'info', message: `Saved ${vscode.workspace.asRelativePath(uri)}.` });
    this.deps.events.saved();
  }
}

/** A run the page remembers across a window reload cannot still be running: the extension host was restarted. */
function reloadedRun(run: RunState): RunState {
  if (run.phase !== 'running') return run;
  const failedStep = (run.steps.find((s) => s.state === 'running') ?? run.steps.find((s) => s.state === 'pending'))?.id;
  const step = (failedStep === 'change' ? undefined : failedStep) ?? 'purchase';
  return {
    phase: 'failed',
    steps: run.steps.map((s) => (s.state === 'running' ? { ...s, state: 'failed', detail: 'Interrupted by a window reload.' } : s)),
    message: 'The window was reloaded while the gateway was being created. What was created is kept; "Retry from this step" checks what exists and continues without buying again.',
    failedStep: step,
  };
}

