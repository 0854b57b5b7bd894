// The probe commands. Called from the palette they ask what to probe; called with an argument (a tree node, a
// target text, StructuredTargets) they do not ask, and they resolve with what they produced: the final
// ProbeReport, the curl command line, the saved file. That return value is what tests and other extensions use.
//   gaIpv6.probe            (target?: string | StructuredTarget | (string | StructuredTarget)[], tuning?: ProbeTuning)
//   gaIpv6.probeNode        (node: ExplorerNode, tuning?: ProbeTuning)
//   gaIpv6.curl6            (target?: string | ExplorerNode) → CurlRun (once curl has exited)
//   gaIpv6.saveProbeReport  (file?: vscode.Uri)
import * as vscode from 'vscode';
import type { ExplorerNode, ExplorerTree } from '../explorer';
import { buildCurlCommand, commandLine, lookupName, shellKind, type CurlCommand, type CurlTarget, type ProbeReport, type ShellKind, type StructuredTarget, type TargetInput } from '../probe';
import { registerCommand } from '../ui/commands';
import type { Session } from '../ui/session';
import { curlCandidates, curlTargetFromText, curlTargetLabel, resolveInSandbox } from './curlTargets';
import { CurlTerminal, type CurlOutcome } from './curlTerminal';
import { pickProbeTarget } from './pickTarget';
import { ProbeTerminal, type ProbeJob } from './probeTerminal';
import { sandboxConnectVia, sandboxScope } from './sandboxPlacement';
import { LastProbeReport, saveProbeReport } from './saveReport';
import { chooseDnsServer, PROBE_SETTINGS_SECTION, tuningFromCaller, tuningFromSettings, type ProbeTuning } from './settings';
import { acceleratorNodeOf, nodeProbe, type NodeProbe } from './targets';
import { placeTypedTargets } from './typedTargets';

const CURL_TERMINAL_NAME = 'curl -6 (Global Accelerator)';
/** How long the sandbox's DNS may take to answer the name curl is to fetch. */
const SANDBOX_LOOKUP_TIMEOUT_MS = 3000;

/** What "Run curl -6" resolves with: the command, as run and as shown, and how curl ended. */
export interface CurlRun extends CurlCommand, CurlOutcome {
  /** The shell the shown command line is quoted for (the person's default terminal shell). */
  shell: ShellKind;
  /** The command line as shown in the terminal, quoted for `shell`. */
  shown: string;
}
const TARGET_FORMS = 'an IPv6 address, [address]:port, an http(s) URL, a host name, or {kind, ipv6Addresses, ports, …} objects';

export function registerProbeCommands(session: Session, tree: ExplorerTree): vscode.Disposable[] {
  const probes = new ProbeCommands(session, tree);
  return [
    probes,
    registerCommand('gaIpv6.probe', (target?: unknown, tuning?: unknown) => probes.probe(target, tuningFromCaller(tuning))),
    registerCommand('gaIpv6.probeNode', (node?: ExplorerNode, tuning?: unknown) => {
      if (!node) throw new Error('"Probe over IPv6" works on an item of the Global Accelerator explorer: right-click an accelerator, area, address, endpoint or DNS record.');
      return probes.probeNode(node, tuningFromCaller(tuning));
    }),
    registerCommand('gaIpv6.curl6', (target?: unknown) => probes.curl(target)),
    registerCommand('gaIpv6.saveProbeReport', (file?: unknown) => saveProbeReport(probes.last, file instanceof vscode.Uri ? file : undefined)),
  ];
}

class ProbeCommands implements vscode.Disposable {
  readonly last = new LastProbeReport();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly session: Session,
    private readonly tree: ExplorerTree,
  ) {}

  async probe(target: unknown, tuning: ProbeTuning): Promise<ProbeReport | undefined> {
    if (target === undefined) {
      const picked = await pickProbeTarget(this.session, this.tree, 'Probe IPv6 Reachability');
      if (!picked) return undefined;
      if (picked.kind === 'node') return this.probeNode(picked.node, tuning);
      target = picked.text;
    }
    const typed = targetInputs(target);
    const active = this.session.profiles.active();
    // The sandbox's addresses typed by hand are kept on this machine like the explorer's (typedTargets.ts).
    const { targets, notes } = active?.source === 'sandbox' ? placeTypedTargets(typed, sandboxScope()) : { targets: typed, notes: [] };
    const dnsServer = tuning.dnsServer ?? chooseDnsServer({
      setting: this.settings().dnsServer,
      // Typed targets are the person's own: the sandbox's DNS only answers names when the sandbox is active.
      sandbox: active?.source === 'sandbox' ? { dns: this.session.sandbox.dnsServer(), names: [] } : undefined,
    });
    const title = typed.map((t) => (typeof t === 'string' ? t.trim() : (t.label ?? t.hostName ?? t.ipv6Addresses.join(', ')))).join(', ');
    const connectVia = active?.source === 'sandbox' ? sandboxConnectVia(sandboxScope()) : undefined;
    return this.run({ title, targets, notes, options: { ...this.settings(), ...tuning, dnsServer, connectVia } });
  }

  async probeNode(node: ExplorerNode, tuning: ProbeTuning): Promise<ProbeReport | undefined> {
    const { probe, sandbox } = await this.nodeProbe(node);
    const names = probe.targets.flatMap((t) => t.hostName ?? []);
    const dnsServer = tuning.dnsServer ?? chooseDnsServer({
      setting: this.settings().dnsServer,
      sandbox: sandbox ? { dns: this.session.sandbox.dnsServer(), names } : undefined,
    });
    const connectVia = sandbox ? sandboxConnectVia(sandboxScope()) : undefined;
    return this.run({ title: probe.title, targets: probe.targets, notes: probe.notes, options: { ...this.settings(), ...tuning, dnsServer, connectVia } });
  }

  async curl(target: unknown): Promise<CurlRun | undefined> {
    const timeoutMs = this.settings().connectTimeoutMs;
    const seconds = timeoutMs !== undefined ? Math.max(1, Math.ceil(timeoutMs / 1000)) : undefined;
    let curlTarget: CurlTarget | undefined;
    let sandbox: boolean;
    if (typeof target === 'string') {
      curlTarget = curlTargetFromText(target, seconds);
      sandbox = this.session.profiles.active()?.source === 'sandbox';
    } else if (isExplorerNode(target)) {
      const node = await this.nodeProbe(target);
      sandbox = node.sandbox;
      curlTarget = await this.pickCurlTarget(node.probe, seconds, sandbox);
    } else if (target === undefined) {
      curlTarget = await this.askCurlTarget(seconds);
      sandbox = this.session.profiles.active()?.source === 'sandbox';
    } else throw new Error('gaIpv6.curl6 takes an IPv6 address, [address]:port, an http(s) URL or a host name as text, or an item of the Global Accelerator explorer.');
    if (!curlTarget) return undefined;
    const notes: string[] = [];
    if (sandbox) {
      const resolved = await this.resolveInSandbox(curlTarget);
      curlTarget = resolved.target;
      if (resolved.note) notes.push(resolved.note);
    }
    const command = buildCurlCommand(curlTarget);
    const shell = shellKind(vscode.env.shell);
    const shown = commandLine(command.argv, shell);
    const pty = new CurlTerminal({ argv: command.argv, shown, shell, notes });
    const terminal = vscode.window.createTerminal({ name: CURL_TERMINAL_NAME, pty, iconPath: new vscode.ThemeIcon('terminal') });
    const closed = vscode.window.onDidCloseTerminal((t) => {
      if (t !== terminal) return;
      this.forget(closed, terminal);
      closed.dispose();
      pty.dispose();
    });
    this.disposables.push(closed, terminal);
    terminal.show();
    const outcome = await pty.finished;
    return { ...command, ...outcome, shell, shown };
  }

  /** A name in the sandbox goes where the sandbox's DNS resolves it; curl is told with --resolve. */
  private async resolveInSandbox(target: CurlTarget): Promise<{ target: CurlTarget; note?: string }> {
    if (target.hostName === undefined) return { target };
    const dnsServer = chooseDnsServer({ sandbox: { dns: this.session.sandbox.dnsServer(), names: [target.hostName] } });
    return resolveInSandbox(target, (name) => lookupName(name, { dnsServer, timeoutMs: SANDBOX_LOOKUP_TIMEOUT_MS }), sandboxConnectVia(sandboxScope()));
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }

  private async run(job: ProbeJob): Promise<ProbeReport> {
    const pty = new ProbeTerminal(job);
    const terminal = vscode.window.createTerminal({ name: `IPv6 probe: ${job.title}`, pty, iconPath: new vscode.ThemeIcon('pulse') });
    const closed = vscode.window.onDidCloseTerminal((t) => {
      if (t !== terminal) return;
      this.forget(closed, terminal);
      closed.dispose();
      pty.dispose();
    });
    this.disposables.push(closed, terminal);
    terminal.show();
    const report = await pty.finished;
    this.last.set(report);
    return report;
  }

  private forget(...items: vscode.Disposable[]): void {
    for (const item of items) {
      const i = this.disposables.indexOf(item);
      if (i >= 0) this.disposables.splice(i, 1);
    }
  }

  private async nodeProbe(node: ExplorerNode): Promise<{ probe: NodeProbe; sandbox: boolean }> {
    const owner = acceleratorNodeOf(node);
    const loader = this.tree.loaderFor(owner.profileId);
    if (!loader) throw new Error(`The profile of ${owner.accelerator.name || owner.accelerator.acceleratorId} is no longer available: reload the profiles and try again.`);
    const details = await loader.details(owner.accelerator);
    // Health only adds words to the verdict: a listener whose health cannot be read is left out.
    const acceleratorId = owner.accelerator.acceleratorId ?? '';
    const health = (
      await Promise.all(
        details.listeners.map((l) => {
          loader.forgetHealth(acceleratorId, l.listenerId ?? '');
          return loader.health(acceleratorId, l.listenerId ?? '').catch(() => undefined);
        }),
      )
    ).filter((h) => h !== undefined);
    const sandbox = this.session.profiles.get(owner.profileId)?.source === 'sandbox';
    return { probe: nodeProbe(node, { accelerator: owner.accelerator, details, health }, sandbox ? sandboxScope() : undefined), sandbox };
  }

  private async pickCurlTarget(probe: NodeProbe, seconds: number | undefined, sandbox: boolean): Promise<CurlTarget | undefined> {
    // In the sandbox a name is fetched where its DNS says (resolveInSandbox), not at the accelerator's addresses.
    const targets = sandbox ? probe.targets.map((t) => (t.hostName !== undefined ? { ...t, ipv6Addresses: [] } : t)) : probe.targets;
    const candidates = curlCandidates(targets, seconds);
    if (candidates.length === 0) {
      throw new Error(`${probe.title} has nothing curl can fetch yet: it needs an IPv6 address (an IPv6 acceleration area) and a TCP, HTTP or HTTPS listener.`);
    }
    if (candidates.length === 1) return candidates[0];
    const picked = await this.session.prompts.get().pick(
      candidates.map((c) => ({ label: curlTargetLabel(c), target: c })),
      { title: `curl -6 -g: ${probe.title}`, placeHolder: 'Which address and port to fetch' },
    );
    return picked?.target;
  }

  private async askCurlTarget(seconds: number | undefined): Promise<CurlTarget | undefined> {
    const problem = (text: string) => {
      try {
        buildCurlCommand(curlTargetFromText(text, seconds));
        return undefined;
      } catch (e) {
        return (e as Error).message;
      }
    };
    const text = await this.session.prompts.get().input({
      title: 'Run curl -6 -g in a Terminal',
      prompt: 'The IPv6 address (optionally [address]:port), http(s) URL or host name to fetch over IPv6',
      placeHolder: '[2001:db8::1]:80',
      validateInput: (value) => (value.trim() ? problem(value) : undefined),
    });
    return text?.trim() ? curlTargetFromText(text, seconds) : undefined;
  }

  private settings(): ProbeTuning {
    // dnsServer and insecureTls are the user's alone: the session reads them from user settings only.
    return tuningFromSettings((key) => this.session.settings.read(PROBE_SETTINGS_SECTION, key));
  }
}

/** What a caller of gaIpv6.probe passed, checked enough that the engine's messages (not a TypeError) answer. */
function targetInputs(value: unknown): TargetInput[] {
  const list = Array.isArray(value) ? value : [value];
  if (list.length === 0 || !list.every((t) => typeof t === 'string' || isStructuredTarget(t))) {
    throw new Error(`gaIpv6.probe takes ${TARGET_FORMS}.`);
  }
  return list as TargetInput[];
}

function isStructuredTarget(value: unknown): value is StructuredTarget {
  if (typeof value !== 'object' || value === null) return false;
  const t = value as Partial<StructuredTarget>;
  const strings = (a: unknown) => Array.isArray(a) && a.every((x) => typeof x === 'string');
  return ['accelerator', 'area', 'record'].includes(t.kind as string) && strings(t.ipv6Addresses) && Array.isArray(t.ports) && t.ports.every((p) => typeof p === 'number');
}

function isExplorerNode(value: unknown): value is ExplorerNode {
  return typeof value === 'object' && value !== null && typeof (value as ExplorerNode).kind === 'string' && typeof (value as ExplorerNode).profileId === 'string';
}
