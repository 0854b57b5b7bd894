// The page every form panel loads: one script (the bundle) and one style sheet, both given as webview URIs,
// under a Content-Security-Policy that allows nothing else: no script without this page's nonce, no network,
// no frames, no plugins, no forms posting anywhere. Pure (no vscode), so the policy is unit-tested.
import { randomBytes } from 'node:crypto';

/** The folders a panel may read (localResourceRoots): the bundle's and media/, relative to the extension. */
export const BUNDLE_DIR = ['dist', 'webview'] as const;
export const MEDIA_DIR = ['media'] as const;
export const SCRIPT_FILE = 'forms.js';
export const STYLE_FILE = 'forms.css';

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

export interface PageResources {
  /** webview.cspSource */
  cspSource: string;
  /** asWebviewUri of the bundle and the style sheet. */
  scriptUri: string;
  styleUri: string;
  nonce?: string;
}

export function formHtml(title: string, r: PageResources): string {
  const nonce = r.nonce ?? makeNonce();
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(r.cspSource, nonce)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(r.styleUri)}">
<title>${escapeHtml(title)}</title>
</head>
<body>
<div id="notice" class="notice" role="status" hidden></div>
<main id="app" aria-busy="true"><p class="loading">Loading ${escapeHtml(title)}…</p></main>
<script nonce="${nonce}" src="${escapeHtml(r.scriptUri)}"></script>
</body>
</html>`;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}
