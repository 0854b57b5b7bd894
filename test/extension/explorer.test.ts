// The Global Accelerator explorer in a real extension host, against the emulator the launcher started
// (GA_IPV6_SANDBOX_ENDPOINT, demo fixture, time scale 0.01). Each test loads the fixture again through the
// emulator's admin API and refreshes the tree. The tree is read through the extension's own TreeDataProvider
// (api.explorer), the same object VS Code renders; commands run through vscode.commands like a click would.
//
// Modal dialogs cannot be clicked from here: delete confirmations are answered through the extension's
// prompter hook (api.testing.usePrompter), which replaces only the question; planning, the GA calls, the
// waiting and the refresh all run for real, and the emulator's state shows what really happened.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EmulatorAdmin } from '../../src/emulator/adminClient';
import type { EmulatorState } from '../../src/emulator/state';
import type { ExtensionApi } from '../../src/extension';
import type { ExplorerNode } from '../../src/explorer/nodes';
import type { Prompter } from '../../src/ui/prompter';
import { activateOnSandbox, SANDBOX_PROFILE_ID, SEED_NAME } from './sandboxSession';


describe('Global Accelerator explorer', function () {
  this.timeout(60_000);
  let api: ExtensionApi;
  let admin: EmulatorAdmin;

  before(async () => {
    ({ api, admin } = await activateOnSandbox());
    await vscode.commands.executeCommand('workbench.view.extension.gaIpv6');
  });

  beforeEach(async () => {
    await admin.loadFixture('demo');
    api.explorer.refreshAll();
  });

  const tree = () => api.explorer;
  const item = (node: ExplorerNode) => tree().getTreeItem(node);
  const label = (node: ExplorerNode) => String(item(node).label);
  const description = (node: ExplorerNode) => String(item(node).description ?? '');

  async function child(parent: ExplorerNode | undefined, predicate: (n: ExplorerNode) => boolean, what: string): Promise<ExplorerNode> {
    const children = await tree().getChildren(parent);
    const found = children.find(predicate);
    assert.ok(found, `${parent ? `"${label(parent)}"` : 'the tree'} has no ${what}; it shows: ${children.map((c) => `"${label(c)}" (${description(c)})`).join(', ')}`);
    return found;
  }

  const sandboxRoot = () => child(undefined, (n) => n.id === SANDBOX_PROFILE_ID, 'sandbox profile');
  const acceleratorNamed = async (name: string) => child(await sandboxRoot(), (n) => n.kind === 'accelerator' && n.accelerator.name === name, `accelerator ${name}`);
  const folder = (accelerator: ExplorerNode, kind: string) => child(accelerator, (n) => n.kind === 'folder' && n.folder === kind, `${kind} folder`);

  function seedIn(state: EmulatorState) {
    const accelerator = Object.values(state.ga.accelerators).find((a) => a.Name === SEED_NAME);
    assert.ok(accelerator, `the demo fixture has ${SEED_NAME}`);
    const ipSet = Object.values(state.ga.ipSets).find((s) => s.AcceleratorId === accelerator.AcceleratorId && s.IpVersion === 'IPv6');
    const listener = Object.values(state.ga.listeners).find((l) => l.AcceleratorId === accelerator.AcceleratorId);
    assert.ok(ipSet && listener, `${SEED_NAME} has an IPv6 area and a listener`);
    return { accelerator, ipv6: ipSet.IpAddressList[0], listener };
  }

  it('shows the seed accelerator: IPv6 area, TCP:80 listener, the sandbox origin as its endpoint with weight 100, DNS records www and app', async () => {
    const state = await admin.state();
    const seed = seedIn(state);
    const origin = Object.values(state.ga.endpointGroups).find((g) => g.ListenerId === seed.listener.ListenerId)?.EndpointConfigurations[0];
    const accelerator = await acceleratorNamed(SEED_NAME);
    assert.equal(accelerator.id, `${SANDBOX_PROFILE_ID}/${seed.accelerator.AcceleratorId}`);
    assert.match(description(accelerator), new RegExp(`${seed.accelerator.AcceleratorId} · active · Small I · subscription`));

    const area = await child(await folder(accelerator, 'areas'), (n) => n.kind === 'area', 'acceleration area');
    assert.equal(label(area), 'China (Beijing)');
    assert.match(description(area), /^IPv6 · 2 Mbit\/s · active$/);
    const address = await child(area, (n) => n.kind === 'address', 'address');
    assert.equal(label(address), seed.ipv6);

    const listener = await child(await folder(accelerator, 'listeners'), (n) => n.kind === 'listener', 'listener');
    assert.equal(label(listener), 'TCP:80');
    assert.match(description(listener), /source IP affinity · active/);
    const group = await child(listener, (n) => n.kind === 'endpointGroup', 'endpoint group');
    assert.equal(label(group), 'China (Beijing)');
    const endpoint = await child(group, (n) => n.kind === 'endpoint', 'endpoint');
    assert.equal(origin?.Endpoint, '127.0.0.1', 'the fixture points the walk-through at the sandbox\'s IPv4 origin');
    assert.equal(label(endpoint), '127.0.0.1');
    assert.match(description(endpoint), /^Custom IP · weight 100 · (healthy|health check starting)$/);
    assert.doesNotMatch(item(accelerator).contextValue ?? '', /\.console\b/, 'no "Open in Console" for the sandbox');

    const records = await tree().getChildren(await folder(accelerator, 'dns'));
    assert.deepEqual(records.map(label).sort(), ['app.example.com', 'www.example.com']);
    assert.deepEqual(records.map(description).sort(), [`AAAA → ${seed.ipv6}`, `CNAME → ${seed.accelerator.DnsName}`]);
  });

  it('copies the IPv6 address of an acceleration area', async () => {
    const seed = seedIn(await admin.state());
    const area = await child(await folder(await acceleratorNamed(SEED_NAME), 'areas'), (n) => n.kind === 'area', 'acceleration area');
    const address = await child(area, (n) => n.kind === 'address', 'address');
    await vscode.env.clipboard.writeText('');
    await vscode.commands.executeCommand('gaIpv6.copyIpv6Address', address);
    assert.equal(await vscode.env.clipboard.readText(), seed.ipv6);
  });

  it('redraws an accelerator that is being created once it is active, without a manual refresh, and nothing else', async () => {
    // Created here (the fixture's own creation takes a real-time 30 s): at time scale 0.01 it is active after
    // 300 ms. A listing that comes later than that sees it active already and proves nothing: then another one.
    const profile = api.profiles.get(SANDBOX_PROFILE_ID);
    assert.ok(profile);
    const { ga } = api.session.servicesFor(profile);
    for (let attempt = 1; ; attempt++) {
      const fired: (string | undefined)[] = [];
      const subscription = tree().onDidChangeTreeData((n) => fired.push(n?.id));
      try {
        const created = await ga.createAccelerator({ instanceChargeType: 'POSTPAY', bandwidthBillingType: 'CDT', name: `explorer-test-${attempt}` }, { wait: false });
        tree().refreshNode(await sandboxRoot());
        const creating = await child(await sandboxRoot(), (n) => n.kind === 'accelerator' && n.accelerator.acceleratorId === created.id, `new accelerator ${created.id}`);
        if (creating.kind !== 'accelerator' || creating.accelerator.state !== 'init') {
          assert.ok(attempt < 5, `a new accelerator was never listed while still being created (last: ${description(creating)})`);
          continue;
        }
        assert.match(description(creating), /creating/);
        assert.equal((item(creating).iconPath as vscode.ThemeIcon).id, 'loading~spin');
        fired.length = 0;
        await new Promise<void>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`${created.id} was not redrawn as active within 20 s; redraws: ${JSON.stringify(fired)}`)), 20_000);
          const settled = (n: ExplorerNode | undefined) => n?.id === creating.id && n.kind === 'accelerator' && n.accelerator.state === 'active';
          const done = () => {
            clearTimeout(timer);
            check.dispose();
            resolve();
          };
          const check = tree().onDidChangeTreeData((n) => settled(n) && done());
          // The poller may have redrawn it while the listing above was awaited: then it is already active.
          if (settled(tree().nodeById(creating.id))) done();
        });
        const now = tree().nodeById(creating.id);
        assert.ok(now);
        assert.match(description(now), /· active/);
        assert.notEqual((item(now).iconPath as vscode.ThemeIcon).id, 'loading~spin');
        assert.ok(!fired.includes(undefined), `the whole tree was redrawn: ${JSON.stringify(fired)}`);
        const acceleratorRows = new Set((await tree().getChildren(await sandboxRoot())).map((n) => n.id));
        assert.ok(fired.every((id) => id !== undefined && acceleratorRows.has(id)), `only accelerator rows were redrawn: ${JSON.stringify(fired)}`);
        return;
      } finally {
        subscription.dispose();
      }
    }
  });

  describe('delete', () => {
    let restore: (() => void) | undefined;
    afterEach(() => restore?.());

    function answering(confirm: boolean, seen: string[]): Prompter {
      return {
        confirm: async (message, detail, confirmLabel) => {
          seen.push(`${message}\n${detail}\n[${confirmLabel}]`);
          return confirm;
        },
        explain: async (message, detail) => {
          seen.push(`${message}\n${detail}`);
          return undefined;
        },
      };
    }

    it('names the listener and its endpoint group, deletes nothing on "no" and both on "yes"', async () => {
      const seed = seedIn(await admin.state());
      const listener = await child(await folder(await acceleratorNamed(SEED_NAME), 'listeners'), (n) => n.kind === 'listener', 'listener');
      const seen: string[] = [];

      restore = api.testing.usePrompter(answering(false, seen));
      await vscode.commands.executeCommand('gaIpv6.delete', listener);
      assert.equal(seen.length, 1);
      assert.match(seen[0], new RegExp(`^Delete listener web-http \\(${seed.listener.ListenerId}, TCP:80\\)\\?`), 'the name first, the id second');
      assert.match(seen[0], /Its endpoint group web-backend \(epg-[a-z0-9]+\) is deleted first/);
      assert.match(seen[0], /\[Delete listener and 1 endpoint group\]$/);
      assert.ok((await admin.state()).ga.listeners[seed.listener.ListenerId], 'answering no deletes nothing');
      assert.doesNotMatch(description(listener), /deleting/, 'a delete answered "no" leaves the row as it was');
      restore();

      // While it runs, the row says so and spins: seen from what the tree gives VS Code when the row is redrawn.
      const shown: { description: string; icon?: string }[] = [];
      const watching = tree().onDidChangeTreeData((n) => {
        if (n?.id !== listener.id) return;
        const row = item(n);
        shown.push({ description: String(row.description ?? ''), icon: (row.iconPath as vscode.ThemeIcon | undefined)?.id });
      });
      restore = api.testing.usePrompter(answering(true, seen));
      try {
        await vscode.commands.executeCommand('gaIpv6.delete', listener);
      } finally {
        watching.dispose();
      }
      assert.match(shown[0]?.description ?? '', /^deleting… · web-http/, JSON.stringify(shown));
      assert.equal(shown[0]?.icon, 'loading~spin');
      const after = await admin.state();
      assert.equal(after.ga.listeners[seed.listener.ListenerId], undefined, 'the listener is gone from the emulator');
      assert.deepEqual(Object.values(after.ga.endpointGroups).filter((g) => g.ListenerId === seed.listener.ListenerId), [], 'its endpoint group is gone too');
      const listeners = await folder(await acceleratorNamed(SEED_NAME), 'listeners');
      assert.equal(description(listeners), '0', 'the tree shows the accelerator without listeners');
      const rows = await tree().getChildren(listeners);
      assert.deepEqual(rows.map((n) => n.kind === 'info' && n.hint), ['addListener'], 'and offers to add one');
    });

    it('explains that a subscription accelerator cannot be deleted through the API, and deletes nothing', async () => {
      const seed = seedIn(await admin.state());
      const seen: string[] = [];
      restore = api.testing.usePrompter(answering(true, seen));
      await vscode.commands.executeCommand('gaIpv6.delete', await acceleratorNamed(SEED_NAME));
      assert.equal(seen.length, 1);
      assert.match(seen[0], /subscription \(PREPAY\) instance: Global Accelerator does not delete subscription instances through its API/);
      assert.ok((await admin.state()).ga.accelerators[seed.accelerator.AcceleratorId], 'the accelerator is still there');
    });
  });

  it('keeps one deliberately broken demo gateway, whose tooltip says so', async () => {
    const broken = await acceleratorNamed('game-ipv6');
    // The tooltip's values are Markdown-escaped text (spaces as &nbsp;, punctuation with backslashes).
    const tooltip = (item(broken).tooltip as vscode.MarkdownString).value.replace(/&nbsp;/g, ' ').replace(/\\(.)/g, '$1');
    assert.match(tooltip, /Description:\*\* Deliberately broken demo: its endpoint 198\.51\.100\.20 is a documentation address/);
    // What the data plane cannot reach is not shown healthy: its group and the endpoint say unhealthy.
    const tls = await child(await folder(broken, 'listeners'), (n) => n.kind === 'listener' && label(n) === 'TCP:443', 'TCP:443 listener');
    const group = await child(tls, (n) => n.kind === 'endpointGroup', 'endpoint group');
    assert.match(description(group), /unhealthy/);
    const endpoint = await child(group, (n) => n.kind === 'endpoint' && label(n) === '198.51.100.20', 'endpoint 198.51.100.20');
    assert.match(description(endpoint), /^Custom IP · weight 100 · unhealthy$/);
  });

  it('a hint row opens the walk-through at the step that adds what is missing', async () => {
    const bare = await acceleratorNamed('bare-no-plan');
    const hint = await child(await folder(bare, 'listeners'), (n) => n.kind === 'info' && n.hint === 'addListener', 'hint row');
    assert.equal(item(hint).command?.command, 'gaIpv6.explorer.hint');
    const opened = await vscode.commands.executeCommand<vscode.Uri | undefined>(item(hint).command!.command, ...(item(hint).command!.arguments ?? []));
    assert.ok(opened, 'the hint command resolves with what it opened');
    assert.match(opened.path, /\/docs\/WALKTHROUGH\.md$/);
    assert.equal(opened.fragment, 'step-3-add-a-listener-and-an-endpoint-group');
    const tabs = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs.map((t) => t.label));
    // The preview's tab opens once the Markdown extension has rendered it: wait for the tab, not for a time.
    await new Promise<void>((resolve, reject) => {
      const shown = () => tabs().some((t) => /WALKTHROUGH\.md/.test(t));
      if (shown()) return resolve();
      const timer = setTimeout(() => (watch.dispose(), reject(new Error(`no tab shows the guide within 20 s: ${tabs().join(', ')}`))), 20_000);
      const watch = vscode.window.tabGroups.onDidChangeTabs(() => {
        if (!shown()) return;
        clearTimeout(timer);
        watch.dispose();
        resolve();
      });
    });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('explains a NotOpened pay-as-you-go service and activates it only after asking', async () => {
    await admin.setAccount({ serviceStatus: 'NotOpened' });
    tree().refreshAll();
    const note = await child(await sandboxRoot(), (n) => n.kind === 'info' && /not activated/.test(label(n)), 'note about the NotOpened service');
    assert.equal(item(note).contextValue, 'info.activateService');
    assert.equal(item(note).command?.command, 'gaIpv6.activateService', 'clicking the note offers the activation');

    const seen: string[] = [];
    const ask = (answer: boolean): Prompter => ({
      confirm: async (message, detail, confirmLabel) => {
        seen.push(`${message}\n${detail}\n[${confirmLabel}]`);
        return answer;
      },
      explain: async () => undefined,
    });
    let restore = api.testing.usePrompter(ask(false));
    try {
      assert.equal(await vscode.commands.executeCommand('gaIpv6.activateService', note), undefined);
    } finally {
      restore();
    }
    assert.match(seen[0] ?? '', /^Activate Global Accelerator for pay-as-you-go for profile "[^"]+"\?\nCalls OpenAcceleratorService/);
    assert.equal((await admin.account()).serviceStatus, 'NotOpened', 'answering no activates nothing');
    assert.equal((await admin.requests()).filter((r) => r.action === 'OpenAcceleratorService').length, 0);

    restore = api.testing.usePrompter(ask(true));
    try {
      const result = (await vscode.commands.executeCommand('gaIpv6.activateService', note)) as { alreadyActive: boolean; orderId?: number };
      assert.equal(result.alreadyActive, false);
    } finally {
      restore();
    }
    assert.equal((await admin.account()).serviceStatus, 'Normal');
    const after = await tree().getChildren(await sandboxRoot());
    assert.equal(after.filter((n) => n.kind === 'info').length, 0, `the note is gone: ${after.map(label).join(', ')}`);
  });

  it('retries a throttled refresh quietly: the accelerators appear and no error node does', async () => {
    // The log is cleared first: a listing still on its way from an earlier refresh (the workbench redraws the tree
    // when it likes) may take one of the throttles, and is then retried just as quietly.
    await admin.clearRequests();
    await admin.setFault({ action: 'ListAccelerators', throttle: 1, times: 2 });
    tree().refreshAll();
    const accelerators = await tree().getChildren(await sandboxRoot());
    assert.ok(accelerators.some((n) => n.kind === 'accelerator' && n.accelerator.name === SEED_NAME), `the accelerators are listed: ${accelerators.map(label).join(', ')}`);
    assert.equal(accelerators.filter((n) => n.kind === 'error').length, 0);
    const attempts = (await admin.requests()).filter((r) => r.action === 'ListAccelerators').map((r) => r.code ?? 'ok');
    assert.equal(attempts.filter((a) => a === 'Throttling.User').length, 2, `both throttles were answered: ${attempts.join(', ')}`);
    const lastThrottle = attempts.lastIndexOf('Throttling.User');
    assert.ok(attempts.length > lastThrottle + 1, `a listing succeeded after the throttles: ${attempts.join(', ')}`);
    assert.deepEqual(attempts.slice(lastThrottle + 1).filter((a) => a !== 'ok'), [], `after the retries, every listing succeeds: ${attempts.join(', ')}`);
  });

  it('shows one error node offering "Fix profile…" under a profile whose secret is wrong', async () => {
    const endpoint = process.env.GA_IPV6_SANDBOX_ENDPOINT ?? '';
    const sandbox = api.profiles.get(SANDBOX_PROFILE_ID);
    const saved = await api.vscodeProfiles.save({
      name: 'wrong-secret',
      accessKeyId: sandbox?.accessKeyId ?? '',
      accessKeySecret: 'NotTheSandboxSecret0000',
      endpoints: { ga: endpoint, dns: endpoint, protocol: 'http' },
    });
    try {
      await api.profiles.reload();
      await api.profiles.connect(saved.id);
      const root = await child(undefined, (n) => n.id === saved.id, 'wrong-secret profile');
      const children = await tree().getChildren(root);
      assert.equal(children.length, 1, `one node, not one per failure: ${children.map(label).join(', ')}`);
      const [error] = children;
      assert.equal(error.kind, 'error');
      assert.match(label(error), /Credentials rejected: Fix profile…/);
      assert.match(description(error), /SignatureDoesNotMatch/);
      assert.doesNotMatch(description(error), /NotTheSandboxSecret0000/);
      assert.match(item(error).contextValue ?? '', /^error\..*\bfixProfile\b/);
      assert.equal(item(error).command?.command, 'gaIpv6.fixProfile');
      assert.equal((await tree().getChildren(await sandboxRoot())).filter((n) => n.kind === 'error').length, 0, 'the sandbox profile still works');
    } finally {
      await api.profiles.disconnect(saved.id);
      await api.vscodeProfiles.remove(saved.name);
      await api.profiles.reload();
    }
  });
});
