// The "Global Accelerator" output channel: the sink of the cloud layer's logger (one redacted line per API
// attempt) and of the extension's own lines (activation time, profile problems, the sandbox's output).
import * as vscode from 'vscode';
import { createCloudLogger, redactText, type CloudLogger } from '../cloud';

export const OUTPUT_CHANNEL_NAME = 'Global Accelerator';

export class OutputLog implements vscode.Disposable {
  private readonly channel = vscode.window.createOutputChannel(OUTPUT_CHANNEL_NAME);
  /** For GaService/DnsService: masks the secrets of every connection made so far. */
  readonly cloud: CloudLogger;

  constructor(private readonly secrets: () => readonly string[]) {
    this.cloud = createCloudLogger((line) => this.channel.appendLine(line), { secrets });
  }

  /** A line of our own, redacted like the cloud layer's. */
  line(message: string): void {
    this.channel.appendLine(`[${new Date().toISOString()}] ${redactText(message, this.secrets())}`);
  }

  show(): void {
    this.channel.show(true);
  }

  dispose(): void {
    this.channel.dispose();
  }
}
