// One form panel: the WebviewPanel, its page (webviewHtml.ts), and the one door messages come in by. Every
// message is checked against the protocol's schema first; what does not fit is logged and dropped, never acted
// on. What the panel sends is kept (the last ones) so tests can read the conversation.
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import { parseWebviewMessage } from './messageSchema';
import type { HostMessage, WebviewMessage } from './protocol';
import { errorMessage } from '../ui/commands';
import { BUNDLE_DIR, formHtml, MEDIA_DIR, SCRIPT_FILE, STYLE_FILE } from './webviewHtml';

export interface FormController {
  /** A message that passed the schema. Errors it throws are shown next to the form, never as a raw stack. */
  handle(message: WebviewMessage): Promise<void>;
  dispose(): void;
}

export interface PanelDeps {
  extensionUri: vscode.Uri;
  log: (line: string) => void;
}

const KEEP_SENT = 200;

/** Scripts on, command links off, and only the bundle's folder and media/ readable. */
export function panelOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return {
    enableScripts: true,
    enableCommandUris: false,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, ...BUNDLE_DIR), vscode.Uri.joinPath(extensionUri, ...MEDIA_DIR)],
  };
}

export class FormPanel implements vscode.Disposable {
  /** The host's messages to the page, newest last (tests read them). */
  readonly sent: HostMessage[] = [];
  /** Messages that did not fit the protocol and were dropped. */
  ignored = 0;
  /** Milliseconds from the command to the page's script asking for its form. */
  readyMs: number | undefined;
  /** Milliseconds from the command to the page's first drawing of the form, once the page said so. */
  paintedMs: number | undefined;
  private controller: FormController | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly closed = new vscode.EventEmitter<void>();
  readonly onDidClose = this.closed.event;
  private disposed = false;

  constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly deps: PanelDeps,
    readonly startedAt: number = performance.now(),
  ) {
    const { webview } = panel;
    webview.options = panelOptions(deps.extensionUri);
    webview.html = formHtml(panel.title, {
      cspSource: webview.cspSource,
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(deps.extensionUri, ...BUNDLE_DIR, SCRIPT_FILE)).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(deps.extensionUri, ...MEDIA_DIR, STYLE_FILE)).toString(),
    });
    this.disposables.push(
      panel.webview.onDidReceiveMessage((raw: unknown) => void this.receive(raw)),
      panel.onDidDispose(() => this.dispose()),
    );
  }

  /** The controller that answers this panel's messages (set once, right after construction). */
  attach(controller: FormController): void {
    this.controller = controller;
  }

  get title(): string {
    return this.panel.title;
  }

  set title(value: string) {
    this.panel.title = value;
  }

  post(message: HostMessage): void {
    if (this.disposed) return;
    this.sent.push(message);
    if (this.sent.length > KEEP_SENT) this.sent.splice(0, this.sent.length - KEEP_SENT);
    void this.panel.webview.postMessage(message);
  }

  /** The door every message from the page comes in by (tests knock on it directly). */
  async receive(raw: unknown): Promise<void> {
    const parsed = parseWebviewMessage(raw);
    if (!parsed.ok) {
      this.ignored++;
      this.deps.log(`form "${this.title}": ignored a message that is not part of the form protocol (${parsed.reason})`);
      return;
    }
    const message = parsed.value;
    if (message.type === 'painted') {
      this.paintedMs ??= performance.now() - this.startedAt;
      this.deps.log(`form "${this.title}": page loaded ${this.readyMs?.toFixed(0)} ms, form drawn ${this.paintedMs.toFixed(0)} ms after the command`);
      return;
    }
    if (message.type === 'ready') this.readyMs ??= performance.now() - this.startedAt;
    if (!this.controller) return;
    try {
      await this.controller.handle(message);
    } catch (e) {
      const text = errorMessage(e);
      this.deps.log(`form "${this.title}": ${message.type} failed: ${text}`);
      this.post({ type: 'notice', severity: 'error', message: text });
    }
  }

  reveal(): void {
    this.panel.reveal(undefined, false);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.controller?.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
    this.closed.fire();
    this.closed.dispose();
    this.panel.dispose();
  }
}
