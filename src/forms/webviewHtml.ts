// The page every form panel loads: one script (the bundle) and one style sheet, both through asWebviewUri, under
// a Content-Security-Policy that allows nothing else: no inline script without this page's nonce, no network,
// no frames, no plugins. The panel may read only the bundle's folder and media/ (localResourceRoots).
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';

export const BUNDLE_DIR = ['dist', 'webview'];
export const MEDIA_DIR = ['media'];

export function localResourceRoots(extensionUri: vscode.Uri): vscode.Uri[] {
  return [vscode.Uri.joinPath(extensionUri, ...BUNDLE_DIR), vscode.Uri.joinPath(extensionUri, ...MEDIA_DIR)];
}

export function panelOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return { enableScripts: true, enableCommandUris: false, localResourceRoots: localResourceRoots(extensionUri) };
}

/** 128 random bits, base64: a fresh one for every page. */
export function makeNonce(): string {
  return randomBytes(16).toString('base64');
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `img-src ${cspSource} data:`,
    // The toolkit's components adopt their styles at run time (constructable style sheets and <style> in
    // shadow roots): styles may be inline, scripts may not.
    `style-src ${cspSource} 'unsafe-inline'`,
    `font-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
    "connect-src 'none'",
    "frame-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

export function formHtml(webview: vscode.Webview, extensionUri: vscode.Uri, title: string): string {
  const nonce = makeNonce();
  const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, ...BUNDLE_DIR, 'forms.js'));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, ...MEDIA_DIR, 'forms.css'));
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(webview.cspSource, nonce)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style.toString()}">
<title>${escapeHtml(title)}</title>
</head>
<body>
<div id="notice" class="notice" role="status" hidden></div>
<main id="app" aria-busy="true"><p class="loading">Loading ${escapeHtml(title)}…</p></main>
<script nonce="${nonce}" src="${script.toString()}"></script>
</body>
</html>`;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}
