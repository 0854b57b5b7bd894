// Plan, apply, drift and export in a real extension host against the sandbox (demo fixture, time scale 0.01):
// a ga.yaml in the workspace shows "Plan · Apply · Refresh" on its accelerator; Plan opens the preview; Refresh
// sets drift diagnostics; Apply asks in a modal (answered through the prompter hook: only the question is
// replaced) that lists the purchase, then creates the accelerator, which the explorer then shows; Export to
// ga.yaml on an explorer accelerator writes a file that plans to no changes.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { EmulatorAdmin } from '../../src/emulator/adminClient';
import type { ExtensionApi } from '../../src/extension';
import type { ExplorerNode } from '../../src/explorer/nodes';
import type { ApplyReport, Plan } from '../../src/workflows';
import { activateOnSandbox, SANDBOX_PROFILE_ID, SEED_NAME } from './sandboxSession';

const NAME = 'exthost-ipv6';
const FILE = `version: 1
accelerators:
  ${NAME}:
    spec: "1"
    billing: payAsYouGo
    areas:
      cn-hangzhou:
        ipVersion: IPv6
        bandwidth: 2
    listeners:
      web:
        protocol: TCP
        ports: [8080]
        endpointGroups:
          - name: dc
            region: cn-hangzhou
            endpoints:
              - ip: 203.0.113.50
                weight: 100
dns:
  example.com:
    - host: exthost
      type: AAAA
      to: ${NAME}
      ttl: 600
`;

describe('ga.yaml plan, apply, drift and export', function () {
  this.timeout(120_000);
  let api: ExtensionApi;
  let admin: EmulatorAdmin;
  let uri: vscode.Uri;

  before(async () => {
    ({ api, admin } = await activateOnSandbox());
    await admin.loadFixture('demo');
    api.explorer.refreshAll();
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the test workbench opens a workspace folder');
    uri = vscode.Uri.joinPath(folder.uri, 'plan-test.ga.yaml');
    await vscode.workspace.fs.writeFile(uri, Buffer.from(FILE));
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
    await admin.loadFixture('demo');
    api.explorer.refreshAll();
  });

  async function lenses(): Promise<vscode.CodeLens[]> {
    // Lenses come from our provider once the extension has registered it; ask until they are there.
    for (let i = 0; ; i++) {
      const found = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)) ?? [];
      const ours = found.filter((l) => l.command?.command.startsWith('gaIpv6.gaYaml.'));
      if (ours.length > 0 || i === 20) return ours;
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  const run = <T>(lens: vscode.CodeLens) => vscode.commands.executeCommand<T>(lens.command?.command ?? '', ...(lens.command?.arguments ?? []));

  it('shows Plan · Apply · Refresh on the accelerator\'s line, with a profile active', async () => {
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const found = await lenses();
    assert.deepEqual(found.map((l) => [l.command?.title, l.range.start.line, l.command?.arguments?.[1]]), [
      ['Plan', 2, NAME],
      ['Apply', 2, NAME],
      ['Refresh', 2, NAME],
    ]);
  });

  it('Plan opens the preview: the instance, what it buys, the record known after apply', async () => {
    const [plan] = await lenses();
    const result = await run<Plan>(plan);
    assert.ok(result, 'the Plan command returns the plan');
    const preview = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'ga-ipv6-plan');
    assert.ok(preview, 'a plan preview document is open');
    const text = preview.getText();
    assert.match(text, new RegExp(`Plan of accelerator ${NAME} in plan-test\\.ga\\.yaml, against profile "Local sandbox"`));
    assert.match(text, new RegExp(`\\+   GA instance ${NAME} will be created`));
    assert.match(text, /\+   DNS record exthost\.example\.com AAAA will be created\n(.*\n)*\s+value: \(known after apply\)/);
    assert.match(text, new RegExp(`Purchases \\(1\\): applying orders these\\n  \\$ GA instance ${NAME} \\(Small I\\)`));
    assert.match(text, /Plan: 5 to create, 0 to update, 0 to replace, 0 to delete; 1 purchase\./);
  });

  it('Refresh shows where the account differs from the file, as information on the keys', async () => {
    const [, , refresh] = await lenses();
    await run(refresh);
    const drift = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'ga-ipv6 plan');
    assert.ok(drift.length >= 5, `one diagnostic per change, got ${drift.map((d) => d.message).join(' | ')}`);
    assert.ok(drift.every((d) => d.severity === vscode.DiagnosticSeverity.Information && d.code === 'DRIFT'));
    const onName = drift.find((d) => d.range.start.line === 2);
    assert.equal(onName?.message, 'Not in the account: apply creates this GA instance.');
  });

  it('Apply asks with the purchase listed, creates the accelerator, refreshes the explorer, and leaves no drift', async () => {
    const asked: { message: string; detail: string; label: string }[] = [];
    const restore = api.testing.usePrompter({
      confirm: async (message, detail, label) => {
        asked.push({ message, detail, label });
        return true;
      },
    });
    try {
      const [, applyLens] = await lenses();
      const report = await run<ApplyReport>(applyLens);
      assert.ok(report?.ok, `apply succeeded: ${JSON.stringify(report?.outcomes.filter((o) => o.status !== 'done').map((o) => o.message))}`);
    } finally {
      restore();
    }
    assert.equal(asked.length, 1);
    assert.equal(asked[0].label, 'Buy and Apply');
    assert.match(asked[0].message, new RegExp(`^Apply ${NAME} \\(plan-test\\.ga\\.yaml\\) and buy what is listed\\?$`));
    assert.match(asked[0].detail, /Profile "Local sandbox": 5 to create, 0 to update, 0 to replace, 0 to delete\./);
    assert.match(asked[0].detail, new RegExp(`Bought \\(1\\):\\n• GA instance ${NAME} \\(Small I\\)\\n   Instance: Small I, pay-as-you-go, billed by data transfer \\(CDT\\)`));

    const state = await admin.state();
    const created = Object.values(state.ga.accelerators).find((a) => a.Name === NAME);
    assert.equal(created?.State, 'active');
    assert.deepEqual(Object.values(state.ga.listeners).filter((l) => l.AcceleratorId === created?.AcceleratorId).map((l) => l.Name), ['web']);

    const root = (await api.explorer.getChildren(undefined)).find((n) => n.id === SANDBOX_PROFILE_ID);
    assert.ok(root);
    const shown = (await api.explorer.getChildren(root)).filter((n) => n.kind === 'accelerator').map((n) => (n.kind === 'accelerator' ? n.accelerator.name : ''));
    assert.ok(shown.includes(NAME), `the explorer shows ${NAME}: ${shown.join(', ')}`);
    assert.deepEqual(vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'ga-ipv6 plan'), [], 'after a complete apply the file and the account agree');
  });

  it('Export to ga.yaml on the seed accelerator writes a file that plans to no changes', async () => {
    const root = (await api.explorer.getChildren(undefined)).find((n) => n.id === SANDBOX_PROFILE_ID) as ExplorerNode;
    const seed = (await api.explorer.getChildren(root)).find((n) => n.kind === 'accelerator' && n.accelerator.name === SEED_NAME);
    assert.ok(seed, `the demo account shows ${SEED_NAME}`);
    const doc = await vscode.commands.executeCommand<vscode.TextDocument>('gaIpv6.exportToGaYaml', seed);
    assert.ok(doc, 'the command returns the exported document');
    const text = doc.getText();
    assert.match(text, new RegExp(`^  ${SEED_NAME}:`, 'm'));
    assert.match(text, /to: web-ipv6\/cn-beijing/);
    assert.match(text, /to: web-ipv6(\s+#.*)?$/m);
    const plan = await vscode.commands.executeCommand<Plan>('gaIpv6.gaYaml.plan', doc.uri.toString());
    assert.deepEqual(plan?.changes, []);
  });
});
