// "Run curl -6 -g": the real curl in a terminal of its own, started without any shell (argv straight to the
// process, so nothing in the target can be taken as shell syntax on any platform). The terminal shows the
// command line once, quoted for the person's own shell so it can be copied and run again, then curl's output,
// then what its exit code means. Ctrl-C stops curl; once it is done any key closes the terminal.
import { spawn, type ChildProcess } from 'node:child_process';
import * as vscode from 'vscode';
import { wrapWords, type ShellKind } from '../probe';
import { terminalText } from './liveRegion';

const CTRL_C = '\x03';
/** What the terminal shows of curl's output at most; the rest is counted, not drawn. */
const SHOWN_BYTES = 256 * 1024;
/** What the command's result keeps of the output (for tests and callers). */
const KEPT_BYTES = 64 * 1024;
const DIM = (text: string) => `\x1b[2m${text}\x1b[0m`;
const BOLD = (text: string) => `\x1b[1m${text}\x1b[0m`;
const GREEN = (text: string) => `\x1b[32m${text}\x1b[0m`;
const RED = (text: string) => `\x1b[31m${text}\x1b[0m`;

export interface CurlJob {
  argv: string[];
  /** The command line as the person's shell would take it. */
  shown: string;
  shell: ShellKind;
  /** Lines above the command: where an address came from, what was changed. */
  notes: string[];
}

export interface CurlOutcome {
  /** curl's exit code; null when it was stopped by a signal or could not start. */
  exitCode: number | null;
  /** stdout and stderr as they came, up to 64 KiB. */
  output: string;
  /** Why curl could not run at all. */
  error?: string;
}

/** The exit codes a check of an accelerator meets, in words; https://curl.se/docs/manpage.html#EXIT-CODES */
const EXIT_MEANINGS: Record<number, string> = {
  0: 'the answer above came over IPv6.',
  6: 'could not resolve the host name: check its AAAA (or CNAME) record.',
  7: 'could not connect: nothing accepted the connection on that address and port (no listener, or not active yet).',
  28: 'timed out: the address is not reachable over IPv6 from here (routing, firewall), or nothing answered.',
  35: 'the TLS handshake failed: check the certificate and that the listener port speaks TLS.',
  52: 'the server closed the connection without answering: check that the listener port maps to the web service\'s port.',
  56: 'the connection was reset: the accelerator took it but could not reach an endpoint (address, port, weight above 0, and the server allowing GA\'s source addresses).',
  60: 'the certificate is not trusted for this name (use the host name the certificate was issued for).',
};

export class CurlTerminal implements vscode.Pseudoterminal {
  private readonly written = new vscode.EventEmitter<string>();
  readonly onDidWrite = this.written.event;
  private readonly closed = new vscode.EventEmitter<number | void>();
  readonly onDidClose = this.closed.event;
  readonly finished: Promise<CurlOutcome>;
  private settle!: (outcome: CurlOutcome) => void;
  private child: ChildProcess | undefined;
  private output = '';
  private shownBytes = 0;
  private opened = false;
  private done = false;

  constructor(private readonly job: CurlJob) {
    this.finished = new Promise((resolve) => (this.settle = resolve));
  }

  open(dimensions: vscode.TerminalDimensions | undefined): void {
    if (this.opened) return;
    this.opened = true;
    // Notes wrap between words; the command line stays one line (the terminal soft-wraps it), so that a copy of
    // it is still one command.
    const width = dimensions?.columns ?? Infinity;
    for (const note of this.job.notes) this.write(`${wrapWords(`note: ${note}`, width, '      ').map(DIM).join('\r\n')}\r\n`);
    this.write(`${BOLD(`${this.job.shell === 'cmd' ? '>' : this.job.shell === 'powershell' ? 'PS>' : '$'} ${this.job.shown}`)}\r\n`);
    this.run();
  }

  handleInput(data: string): void {
    if (this.done) return this.closed.fire();
    if (data.includes(CTRL_C)) this.child?.kill('SIGINT');
  }

  close(): void {
    if (!this.done) this.child?.kill();
  }

  dispose(): void {
    this.close();
    this.written.dispose();
    this.closed.dispose();
  }

  private run(): void {
    const [program, ...args] = this.job.argv;
    let child: ChildProcess;
    try {
      child = spawn(program, args, { shell: false, windowsHide: true, stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (e) {
      return this.finish({ exitCode: null, output: '', error: (e as Error).message });
    }
    this.child = child;
    child.stdout?.on('data', (chunk: Buffer) => this.show(chunk));
    child.stderr?.on('data', (chunk: Buffer) => this.show(chunk));
    child.once('error', (e: NodeJS.ErrnoException) => {
      const error = e.code === 'ENOENT'
        ? `${program} is not installed or not on the PATH of VS Code's extension host: install curl (it ships with Windows 10 and later, macOS and most Linux distributions) and try again.`
        : `${program} could not be started: ${e.message}`;
      this.finish({ exitCode: null, output: this.output, error });
    });
    child.once('close', (code, signal) => this.finish({ exitCode: code, output: this.output, ...(signal ? { error: `curl was stopped (${signal}).` } : {}) }));
  }

  private show(chunk: Buffer): void {
    const text = chunk.toString('utf8');
    if (this.output.length < KEPT_BYTES) this.output += text.slice(0, KEPT_BYTES - this.output.length);
    if (this.shownBytes < SHOWN_BYTES) this.write(terminalText(text.slice(0, SHOWN_BYTES - this.shownBytes)));
    this.shownBytes += chunk.length;
  }

  private finish(outcome: CurlOutcome): void {
    if (this.done) return;
    this.done = true;
    this.child = undefined;
    const lines: string[] = [];
    if (!this.output.endsWith('\n') && this.output !== '') lines.push('');
    if (this.output !== '') lines.push('');
    if (this.shownBytes > SHOWN_BYTES) lines.push(DIM(`(${this.shownBytes - SHOWN_BYTES} more bytes not shown)`));
    if (outcome.error && outcome.exitCode === null) lines.push(RED(outcome.error));
    else if (outcome.exitCode !== null) {
      const meaning = EXIT_MEANINGS[outcome.exitCode] ?? 'see "EXIT CODES" in curl\'s manual.';
      lines.push(outcome.exitCode === 0 ? GREEN(`curl exited with 0: ${meaning}`) : RED(`curl exited with ${outcome.exitCode}: ${meaning}`));
    }
    lines.push('', DIM('Press any key to close this terminal.'));
    this.write(`${lines.join('\r\n')}\r\n`);
    this.settle(outcome);
  }

  private write(text: string): void {
    this.written.fire(text);
  }
}
