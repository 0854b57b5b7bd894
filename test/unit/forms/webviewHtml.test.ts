import { test } from 'node:test';
import assert from 'node:assert/strict';
import { contentSecurityPolicy, formHtml, makeNonce } from '../../../src/forms/webviewHtml';

const resources = { cspSource: 'https://file+.vscode-resource.vscode-cdn.net', scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview/forms.js', styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/forms.css' };

test('the policy allows only the nonce\'d script and the extension\'s own resources', () => {
  const csp = contentSecurityPolicy(resources.cspSource, 'N0nce');
  const rules = new Map(csp.split('; ').map((r) => [r.split(' ')[0], r.split(' ').slice(1)]));
  assert.deepEqual(rules.get('default-src'), ["'none'"]);
  assert.deepEqual(rules.get('script-src'), ["'nonce-N0nce'"], 'no inline script, no other origin, no eval');
  for (const d of ['connect-src', 'frame-src', 'object-src', 'base-uri', 'form-action']) assert.deepEqual(rules.get(d), ["'none'"], d);
  for (const d of ['img-src', 'style-src', 'font-src']) assert.equal(rules.get(d)?.[0], resources.cspSource, d);
});

test('each page has a fresh nonce, on its one script only', () => {
  const a = formHtml('Create IPv6 Gateway', resources);
  const b = formHtml('Create IPv6 Gateway', resources);
  const nonce = (html: string) => /script-src 'nonce-([^']+)'/.exec(html)?.[1];
  assert.ok(nonce(a) && nonce(b));
  assert.notEqual(nonce(a), nonce(b));
  assert.equal(Buffer.from(makeNonce(), 'base64').length, 16);
  const scripts = [...a.matchAll(/<script([^>]*)>/g)];
  assert.equal(scripts.length, 1);
  // A base64 nonce may hold + and /: compared as text, not as a pattern.
  assert.ok(scripts[0][1].includes(`nonce="${nonce(a)}"`), scripts[0][1]);
  assert.match(scripts[0][1], /src="https:\/\/file\+\.vscode-resource\.vscode-cdn\.net\/ext\/dist\/webview\/forms\.js"/);
});

test('the title is text, never markup', () => {
  const html = formHtml('<img src=x onerror=alert(1)> "quoted"', resources);
  assert.ok(!html.includes('<img'));
  assert.match(html, /&lt;img src=x onerror=alert\(1\)&gt; &quot;quoted&quot;/);
});
