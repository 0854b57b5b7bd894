// The "Global Accelerator" output channel: the sink of the cloud layer's logger (one redacted line per API
// attempt) and of the extension's own lines (activation time, profile problems, the sandbox's output).
import * as vscode from 'vscode';
import { createCloudLogger, redactText, type CloudLogEntry, type CloudLogger } from '../cloud';

export const OUTPUT_CHANNEL_NAME = 'Global Accelerator';

export class OutputLog implements vscode.Disposable {
  private readonly channel = vscode.window.createOutputChannel(OUTPUT_CHANNEL_NAME);
  /** For GaService/DnsService: masks the secrets of every connection made so far. */
  readonly cloud: CloudLogger;
  private readonly watchers = new Set<(entry: CloudLogEntry) => void>();
  private readonly lineWatchers = new Set<(line: string) => void>();

  constructor(private readonly secrets: () => readonly string[]) {
    const lines = createCloudLogger((line) => this.append(line), { secrets });
    this.cloud = {
      log: (entry) => {
        lines.log(entry);
        for (const w of [...this.watchers]) w(entry);
      },
      info: (message) => lines.info(message),
    };
  }

  /** Every API attempt as it is logged (e.g. to show that throttled calls are being retried); returns the unsubscribe. */
  onEntry(watcher: (entry: CloudLogEntry) => void): () => void {
    this.watchers.add(watcher);
    return () => this.watchers.delete(watcher);
  }

  /** Every line exactly as the channel receives it (the channel itself cannot be read back); returns the unsubscribe. */
  onLine(watcher: (line: string) => void): () => void {
    this.lineWatchers.add(watcher);
    return () => this.lineWatchers.delete(watcher);
  }

  /** A line of our own, redacted like the cloud layer's. */
  line(message: string): void {
    this.append(`[${new Date().toISOString()}] ${redactText(message, this.secrets())}`);
  }

  show(): void {
    this.channel.show(true);
  }

  private append(line: string): void {
    this.channel.appendLine(line);
    for (const w of [...this.lineWatchers]) w(line);
  }

  dispose(): void {
    this.channel.dispose();
  }
}
