// A probe in a terminal of its own: a header, the live coloured table (redrawn from the partial report at most
// every REDRAW_MS), and the final verdict. Everything it shows is one live region laid out for the terminal's
// width, drawn again when the terminal is resized (also once the probe is done), so nothing is ever broken
// inside a word or a value. Ctrl-C in the terminal or closing it cancels the probe; once it is done any key
// closes the terminal. The probe starts when VS Code opens the terminal (output written before that would be
// dropped), and `finished` settles with the final report.
import * as vscode from 'vscode';
import { renderReport, runProbe, wrapWords, type ProbeOptions, type ProbeReport, type TargetInput } from '../probe';
import { LiveRegion, terminalText } from './liveRegion';

const REDRAW_MS = 100;
const CTRL_C = '\x03';
const DIM = (text: string) => `\x1b[2m${text}\x1b[0m`;
const BOLD = (text: string) => `\x1b[1m${text}\x1b[0m`;
const YELLOW = (text: string) => `\x1b[33m${text}\x1b[0m`;
const RED = (text: string) => `\x1b[31m${text}\x1b[0m`;

export interface ProbeJob {
  /** What is probed, for the header and the terminal's name. */
  title: string;
  targets: TargetInput[];
  options: Omit<ProbeOptions, 'signal' | 'onUpdate'>;
  /** Lines above the table: what was left out or changed, and why. */
  notes: string[];
}

export class ProbeTerminal implements vscode.Pseudoterminal {
  private readonly written = new vscode.EventEmitter<string>();
  readonly onDidWrite = this.written.event;
  private readonly closed = new vscode.EventEmitter<number | void>();
  readonly onDidClose = this.closed.event;
  /** The final report (also when cancelled); rejects when the probe could not start (unusable options). */
  readonly finished: Promise<ProbeReport>;
  private settle!: { resolve: (r: ProbeReport) => void; reject: (e: Error) => void };
  private readonly abort = new AbortController();
  private readonly region = new LiveRegion();
  private latest: ProbeReport | undefined;
  private redrawTimer: NodeJS.Timeout | undefined;
  private done = false;
  private opened = false;
  private cancelling = false;
  /** Why the probe could not run, once it failed to. */
  private failure: string | undefined;
  private columns: number | undefined;

  constructor(private readonly job: ProbeJob) {
    this.finished = new Promise<ProbeReport>((resolve, reject) => (this.settle = { resolve, reject }));
    // A caller that only watches the terminal must not see an unhandled rejection.
    this.finished.catch(() => undefined);
  }

  open(dimensions: vscode.TerminalDimensions | undefined): void {
    if (this.opened) return;
    this.opened = true;
    this.resize(dimensions);
    this.draw();
    void this.run();
  }

  setDimensions(dimensions: vscode.TerminalDimensions): void {
    this.resize(dimensions);
    // The terminal has re-wrapped what it shows for the new width: lay it out again for that width.
    this.draw();
  }

  handleInput(data: string): void {
    if (this.done) return this.closed.fire();
    if (data.includes(CTRL_C) && !this.abort.signal.aborted) {
      this.cancelling = true;
      this.abort.abort();
      this.draw();
    }
  }

  /** The terminal was closed (by the person or by disposing it): nothing more to draw, nothing more to send. */
  close(): void {
    this.abort.abort();
    this.stopRedraws();
  }

  private async run(): Promise<void> {
    try {
      const report = await runProbe(this.job.targets, {
        ...this.job.options,
        signal: this.abort.signal,
        onUpdate: (r) => this.scheduleRedraw(r),
      });
      this.stopRedraws();
      this.latest = report;
      this.done = true;
      this.draw();
      this.settle.resolve(report);
    } catch (e) {
      this.stopRedraws();
      const error = e instanceof Error ? e : new Error(String(e));
      this.done = true;
      this.failure = error.message;
      this.draw();
      this.settle.reject(error);
    }
  }

  private resize(dimensions: vscode.TerminalDimensions | undefined): void {
    this.columns = dimensions?.columns;
    this.region.columns = dimensions?.columns;
    this.region.rows = dimensions?.rows;
  }

  /** Everything the terminal shows, for its width. */
  private lines(): string[] {
    const width = this.columns ?? Infinity;
    const wrap = (text: string, indent = '') => wrapWords(text, width, indent);
    const out = [...wrap(BOLD(`IPv6 probe: ${this.job.title}`)), ...this.job.notes.flatMap((n) => wrap(`${YELLOW('note:')} ${n}`, '      '))];
    const report = this.latest;
    if (report) out.push(...wrap(DIM(settingsLine(report))), '', ...renderReport(report, { columns: this.columns }));
    if (this.cancelling && !this.done) out.push(YELLOW('^C cancelling…'));
    if (this.failure !== undefined) out.push(...terminalText(this.failure).split('\r\n').flatMap((l) => wrap(RED(l))));
    if (this.done) {
      out.push('', ...wrap(DIM(report ? 'Press any key to close this terminal. "Global Accelerator: Save Probe Report…" keeps the report as JSON.' : 'Press any key to close this terminal.')));
    }
    return out;
  }

  private scheduleRedraw(report: ProbeReport): void {
    this.latest = report;
    if (this.redrawTimer || this.done) return;
    this.redrawTimer = setTimeout(() => {
      this.redrawTimer = undefined;
      if (!this.done) this.draw();
    }, REDRAW_MS);
  }

  private stopRedraws(): void {
    clearTimeout(this.redrawTimer);
    this.redrawTimer = undefined;
  }

  private draw(): void {
    if (!this.opened) return;
    this.write(this.region.draw(this.lines()));
  }

  private write(text: string): void {
    this.written.fire(text);
  }

  dispose(): void {
    this.close();
    this.written.dispose();
    this.closed.dispose();
  }
}

/** The settings the probe really uses (the engine fills in its defaults), shown above the table. */
export function settingsLine(report: ProbeReport): string {
  const s = report.settings;
  const attempts = `${s.attempts} attempt${s.attempts === 1 ? '' : 's'} per address × port${s.attempts > 1 ? `, ${s.intervalMs} ms apart` : ''}`;
  const cancel = report.state === 'running' ? ' · Ctrl-C cancels' : '';
  return `${attempts} · connect timeout ${s.connectTimeoutMs} ms · DNS ${s.dnsServer}${cancel}`;
}
