// The webview's side of the protocol: the one acquireVsCodeApi() handle, typed messages both ways, and the
// state VS Code keeps while the panel is hidden or the window reloads.
import type { HostMessage, PersistedState, WebviewMessage } from '../../src/forms/protocol';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

const api = acquireVsCodeApi();

export function send(message: WebviewMessage): void {
  api.postMessage(message);
}

export function onMessage(handler: (message: HostMessage) => void): void {
  window.addEventListener('message', (event: MessageEvent) => {
    const data = event.data as HostMessage | null;
    // Only the host posts to this window; anything without our shape is not for us.
    if (data && typeof data === 'object' && typeof data.type === 'string') handler(data);
  });
}

export function loadState(): PersistedState | undefined {
  return (api.getState() as PersistedState | null) ?? undefined;
}

export function saveState(state: PersistedState): void {
  api.setState(state);
}
