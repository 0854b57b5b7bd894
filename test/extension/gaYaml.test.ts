// The ga.yaml editor in a real extension host: the language of ga.yaml files, diagnostics as VS Code shows them
// (ranges, codes, severities), a quick fix applied through the workspace edit it offers, completion, hover with
// the sandbox's live address, outline, go to definition, and "New ga.yaml from the Walk-through".
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { walkthroughConfig, writeGaYaml } from '../../src/gaYaml';
import type { ExtensionApi } from '../../src/extension';
import { activateOnSandbox, SEED_NAME } from './sandboxSession';

const FOLDER = 'ga-yaml-editor-test';

/** Resolves when `condition` holds, checked on every change of diagnostics (no fixed sleeps). */
function diagnosticsUntil(uri: vscode.Uri, what: string, condition: (d: readonly vscode.Diagnostic[]) => boolean, timeoutMs = 15_000): Promise<readonly vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const now = vscode.languages.getDiagnostics(uri);
      if (!condition(now)) return false;
      done();
      resolve(now);
      return true;
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => e.uris.some((u) => u.toString() === uri.toString()) && check());
    const timer = setTimeout(() => {
      done();
      reject(new Error(`gave up waiting for ${what}; diagnostics now: ${vscode.languages.getDiagnostics(uri).map((d) => `${String(d.code)} ${d.message}`).join(' | ') || 'none'}`));
    }, timeoutMs);
    const done = () => {
      sub.dispose();
      clearTimeout(timer);
    };
    check();
  });
}

const codes = (ds: readonly vscode.Diagnostic[]) => ds.map((d) => String(d.code)).sort();

describe('ga.yaml in the editor', function () {
  this.timeout(60_000);
  let api: ExtensionApi;
  let folder: vscode.Uri;

  const write = async (name: string, text: string): Promise<vscode.Uri> => {
    const uri = vscode.Uri.joinPath(folder, name);
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    return uri;
  };

  before(async () => {
    ({ api } = await activateOnSandbox());
    const root = vscode.workspace.workspaceFolders?.[0];
    assert.ok(root, 'the test workbench opens a workspace folder');
    folder = vscode.Uri.joinPath(root.uri, FOLDER);
    await vscode.workspace.fs.createDirectory(folder);
    // The account's facts (regions, zones) read once before the checks that depend on them.
    api.gaYaml.facts.current(api.profiles.active());
    await api.gaYaml.facts.settled(api.profiles.active());
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(folder, { recursive: true, useTrash: false });
  });

  it('opens ga.yaml and *.ga.yaml as ga-yaml, and a plain .yaml as YAML', async () => {
    const text = writeGaYaml(walkthroughConfig());
    for (const [name, language] of [['ga.yaml', 'ga-yaml'], ['prod.ga.yaml', 'ga-yaml'], ['other.yaml', 'yaml']]) {
      const doc = await vscode.workspace.openTextDocument(await write(name, text));
      assert.equal(doc.languageId, language, name);
    }
  });

  it('shows each problem on its node with its code and severity, and a quick fix clears it', async () => {
    const text = writeGaYaml(walkthroughConfig()).replace('weight: 100', 'weight: 300').replace('ports: [80]', 'ports: [80, 65500]').replace('    billing: subscription', '    billing: subscription\n    colour: blue');
    const uri = await write('broken.ga.yaml', text);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const shown = await diagnosticsUntil(uri, 'GA003, GA041 and GA050', (ds) => codes(ds).join() === 'GA003,GA041,GA050');
    const weight = shown.find((d) => d.code === 'GA050')!;
    assert.equal(weight.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(weight.source, 'ga.yaml');
    assert.equal(weight.message, 'Weight must be a whole number from 0 to 255.');
    assert.equal(doc.getText(weight.range), '300');
    assert.equal(doc.getText(shown.find((d) => d.code === 'GA041')!.range), '65500');
    assert.equal(doc.getText(shown.find((d) => d.code === 'GA003')!.range), 'colour');

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, weight.range);
    const clamp = actions.find((a) => a.title === 'Use 255');
    assert.ok(clamp?.edit, `quick fixes offered: ${actions.map((a) => a.title).join(', ')}`);
    assert.equal(clamp.isPreferred, true);
    assert.ok(await vscode.workspace.applyEdit(clamp.edit));
    assert.match(doc.getText(), /weight: 255\n/);
    await diagnosticsUntil(uri, 'the weight problem to go', (ds) => codes(ds).join() === 'GA003,GA041');

    const rename = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, shown.find((d) => d.code === 'GA003')!.range)).find((a) => a.title === 'Remove colour');
    assert.ok(rename?.edit);
    assert.ok(await vscode.workspace.applyEdit(rename.edit));
    await diagnosticsUntil(uri, 'the unknown key to go', (ds) => codes(ds).join() === 'GA041');
  });

  it('checks with the active profile\'s facts: the sandbox serves loopback backends; a zone it lacks is a warning', async () => {
    const text = writeGaYaml(walkthroughConfig()).replace('203.0.113.10', '127.0.0.1').replace('example.com:', 'not-in-the-sandbox.example:');
    const uri = await write('sandbox.ga.yaml', text);
    await vscode.workspace.openTextDocument(uri);
    const shown = await diagnosticsUntil(uri, 'only the zone warning', (ds) => codes(ds).join() === 'GA068');
    assert.equal(shown[0].severity, vscode.DiagnosticSeverity.Warning);
    assert.match(shown[0].message, /not-in-the-sandbox\.example is not a zone of this account's Alibaba Cloud DNS \(it has .*example\.com/);
  });

  it('re-checks as you type, and the newest text wins', async () => {
    const uri = await write('typing.ga.yaml', writeGaYaml(walkthroughConfig()));
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc);
    await diagnosticsUntil(uri, 'a clean start', (ds) => ds.length === 0);
    const weight = doc.getText().indexOf('weight: 100') + 'weight: '.length;
    for (const value of ['1000', '100', '-5', '0']) {
      await editor.edit((e) => e.replace(new vscode.Range(doc.positionAt(weight), doc.lineAt(doc.positionAt(weight).line).range.end), value));
    }
    const last = await diagnosticsUntil(uri, 'the warning for weight 0 (the last edit)', (ds) => codes(ds).join() === 'GA051');
    assert.equal(last[0].severity, vscode.DiagnosticSeverity.Warning);
  });

  it('completes keys, enumeration values and to: references', async () => {
    const uri = await write('complete.ga.yaml', writeGaYaml(walkthroughConfig()).replace('    billing: subscription\n', '    billing: subscription\n    \n'));
    const doc = await vscode.workspace.openTextDocument(uri);
    const blank = doc.positionAt(doc.getText().indexOf('    \n') + 4);
    const keys = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, blank);
    const labels = keys.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    for (const k of ['id', 'state']) assert.ok(labels.includes(k), `key ${k} offered; got ${labels.join(', ')}`);
    for (const k of ['spec', 'areas', 'listeners']) assert.ok(!labels.includes(k), `${k} is already there`);
    assert.ok(labels.includes('accelerator'), 'the snippets are offered too');
    const protocol = doc.positionAt(doc.getText().indexOf('protocol: TCP') + 'protocol: '.length);
    const values = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, protocol);
    const valueLabels = values.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    for (const v of ['TCP', 'UDP', 'HTTP', 'HTTPS']) assert.ok(valueLabels.includes(v), `${v} offered; got ${valueLabels.join(', ')}`);
    const to = doc.positionAt(doc.getText().indexOf('to: web-ipv6') + 'to: '.length);
    const refs = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, to);
    const refLabels = refs.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(refLabels.includes('web-ipv6/cn-beijing'), `references offered: ${refLabels.join(', ')}`);
  });

  it('hovers a to: reference with the sandbox\'s live IPv6 address; outline and go to definition', async () => {
    const uri = await write('hover.ga.yaml', writeGaYaml(walkthroughConfig()));
    const doc = await vscode.workspace.openTextDocument(uri);
    const profile = api.profiles.active();
    assert.ok(profile);
    const live = await api.gaYaml.facts.accelerators(profile, [SEED_NAME], 10_000);
    const address = live?.[0]?.areas.find((a) => a.region === 'cn-beijing')?.addresses[0];
    assert.ok(address, `the demo account's ${SEED_NAME} has an address in cn-beijing: ${JSON.stringify(live)}`);
    const at = doc.positionAt(doc.getText().indexOf('to: web-ipv6/cn-beijing') + 8);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, at);
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /the IPv6 address GA allocated to web-ipv6's acceleration area China \(Beijing\)/);
    assert.ok(text.includes(`Live: \`${address}\``), text);

    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
    assert.deepEqual(symbols.map((s) => s.name), ['accelerators', 'dns']);
    assert.deepEqual(symbols[0].children.map((s) => [s.name, s.detail]), [['web-ipv6', 'Small I · subscription']]);
    assert.deepEqual(symbols[0].children[0].children.map((s) => s.name), ['cn-beijing', 'web']);

    const targets = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', uri, doc.positionAt(doc.getText().indexOf('to: web-ipv6/cn-beijing') + 16));
    const range = 'targetRange' in targets[0] ? targets[0].targetRange : targets[0].range;
    assert.equal(doc.getText(range), 'cn-beijing');
    assert.equal(range.start.line, doc.positionAt(doc.getText().indexOf('      cn-beijing:')).line);
  });

  it('"New ga.yaml from the Walk-through" writes the seed\'s setup and opens it; it never overwrites', async () => {
    const target = vscode.Uri.joinPath(folder, 'new', 'ga.yaml');
    const opened = await vscode.commands.executeCommand<vscode.Uri>('gaIpv6.newGaYaml', target);
    assert.equal(opened.toString(), target.toString());
    const written = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    assert.match(written, /^# IPv6 clients reach an IPv4 web service through Global Accelerator/);
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), target.toString());
    assert.equal(vscode.window.activeTextEditor?.document.languageId, 'ga-yaml');
    await diagnosticsUntil(target, 'the walk-through to check clean', (ds) => ds.length === 0);
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode('version: 1\n# mine\n'));
    const second = await vscode.commands.executeCommand<vscode.Uri>('gaIpv6.newGaYaml', target);
    assert.equal(second.scheme, 'untitled');
    assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(target)), 'version: 1\n# mine\n', 'the existing file is untouched');
    assert.equal(vscode.window.activeTextEditor?.document.languageId, 'ga-yaml');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
