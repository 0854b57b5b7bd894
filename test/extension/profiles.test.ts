// The profile UI in a real extension host, against the emulator the launcher started (GA_IPV6_SANDBOX_ENDPOINT,
// demo fixture): Add Profile…, Fix Profile…, switching the active profile, Remove Profile, and the welcome view.
//
// Input boxes and quick picks cannot be typed into from here: they are answered through the extension's prompter
// hook (api.testing.usePrompter), which replaces only the question. Each answer goes through the question's own
// validateInput first; an answer it refuses cannot be accepted in a real input box, so the scripted person gives
// up (Escape) and the message is kept for the test. Everything before and after the question runs for real.
//
// Every test removes what it added (profiles, secrets, connected roots) and leaves the sandbox active.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import type { ExplorerNode } from '../../src/explorer/nodes';
import { checkAccessKeyId, checkSecretValue } from '../../src/model';
import { SANDBOX_ACCESS_KEY_ID, SANDBOX_ACCESS_KEY_SECRET } from '../../src/profiles/sandboxProfile';
import { vscodeProfileId, vscodeSecretKey } from '../../src/profiles/vscodeProfiles';
import type { InputOptions, Prompts } from '../../src/ui/prompter';
import { PROJECT_ROOT, readManifest } from './manifest';
import { activateOnSandbox, SANDBOX_PROFILE_ID, SEED_NAME } from './sandboxSession';
import { note } from './testLog';

/** Accept the value the input box is pre-filled with. */
const KEEP = Symbol('keep the pre-filled value');
type Answer = string | typeof KEEP;

/** A person answering the quick inputs in order: `inputs` for input boxes, `picks` (a label) for quick picks. */
class ScriptedPerson {
  readonly asked: InputOptions[] = [];
  readonly offered: string[][] = [];
  /** What validateInput said about refused answers. */
  readonly refused: string[] = [];
  /** Questions asked after the script ran out: the flow asked more than the test expected. */
  readonly unexpected: string[] = [];

  constructor(
    private readonly inputs: Answer[],
    private readonly picks: string[] = [],
  ) {}

  get prompts(): Partial<Prompts> {
    return {
      input: async (options) => {
        this.asked.push(options);
        const answer = this.inputs.shift();
        if (answer === undefined) {
          this.unexpected.push(`input: ${options.prompt ?? ''}`);
          return undefined;
        }
        const text = answer === KEEP ? options.value ?? '' : answer;
        const problem = await options.validateInput?.(text);
        const message = typeof problem === 'string' ? problem : problem?.message;
        if (message) {
          this.refused.push(message);
          return undefined;
        }
        return text;
      },
      pick: async <T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions) => {
        this.offered.push(items.map((i) => i.label));
        const wanted = this.picks.shift();
        if (wanted === undefined) {
          this.unexpected.push(`pick: ${options.placeHolder ?? ''}`);
          return undefined;
        }
        const found = items.find((i) => i.label.replace(/^\$\([\w~-]+\) /, '') === wanted);
        assert.ok(found, `"${options.placeHolder ?? ''}" offers no "${wanted}": ${items.map((i) => i.label).join(', ')}`);
        return found;
      },
    };
  }

  /** Every scripted answer was used and nothing else was asked. */
  assertDone(): void {
    assert.deepEqual(this.unexpected, [], 'the flow asked questions the test did not expect');
    assert.deepEqual(this.inputs, [], 'the flow ended before asking everything the test expected');
    assert.deepEqual(this.picks, [], 'the flow ended before offering every expected quick pick');
  }
}

describe('Global Accelerator profiles', function () {
  this.timeout(60_000);
  let api: ExtensionApi;
  const endpoint = process.env.GA_IPV6_SANDBOX_ENDPOINT ?? '';
  /** Names of the VS Code profiles a test added, for the cleanup. */
  const added = new Set<string>();
  let restorePrompter: (() => void) | undefined;

  before(async () => {
    const session = await activateOnSandbox();
    api = session.api;
    await session.admin.loadFixture('demo');
  });

  afterEach(async () => {
    restorePrompter?.();
    restorePrompter = undefined;
    await api.profiles.setActive(SANDBOX_PROFILE_ID);
    for (const name of added) await api.vscodeProfiles.remove(name);
    added.clear();
    await api.profiles.reload();
    for (const p of api.profiles.connected()) if (p.id !== SANDBOX_PROFILE_ID) await api.profiles.disconnect(p.id);
    assert.deepEqual(api.profiles.connected().map((p) => p.id), [SANDBOX_PROFILE_ID], 'the other suites find the sandbox as the only root');
  });

  const tree = () => api.explorer;
  const label = (node: ExplorerNode) => String(tree().getTreeItem(node).label);
  const secretOf = (name: string) => api.session.context.secrets.get(vscodeSecretKey(name));

  function answering(person: ScriptedPerson): void {
    restorePrompter = api.testing.usePrompter(person.prompts);
  }

  /** A VS Code profile on the emulator, saved directly (the flow itself is tested once, in "Add Profile…"). */
  async function saveProfile(name: string, accessKeySecret = SANDBOX_ACCESS_KEY_SECRET): Promise<string> {
    added.add(name);
    const saved = await api.vscodeProfiles.save({ name, accessKeyId: SANDBOX_ACCESS_KEY_ID, accessKeySecret, endpoints: { ga: endpoint, dns: endpoint, protocol: 'http' } });
    await api.profiles.reload();
    return saved.id;
  }

  async function root(profileId: string): Promise<ExplorerNode | undefined> {
    return (await tree().getChildren()).find((n) => n.id === profileId);
  }

  async function childrenOf(profileId: string): Promise<ExplorerNode[]> {
    const node = await root(profileId);
    assert.ok(node, `the explorer has no root for ${profileId}; roots: ${(await tree().getChildren()).map(label).join(', ')}`);
    return tree().getChildren(node);
  }

  function assertListsTheDemoAccount(children: ExplorerNode[]): void {
    assert.deepEqual(children.filter((n) => n.kind === 'error').map(label), [], 'no error node');
    assert.ok(children.some((n) => n.kind === 'accelerator' && n.accelerator.name === SEED_NAME), `the demo account's accelerators are listed: ${children.map(label).join(', ')}`);
  }

  describe('Add Profile…', () => {
    it('saves a profile for the emulator, shows it as a root with its accelerators, and keeps the secret in SecretStorage only', async () => {
      const name = 'added-in-test';
      added.add(name);
      const lines: string[] = [];
      const stopWatching = api.session.log.onLine((line) => lines.push(line));
      const person = new ScriptedPerson([name, SANDBOX_ACCESS_KEY_ID, SANDBOX_ACCESS_KEY_SECRET, endpoint, endpoint], ['Other endpoints…', 'http']);
      answering(person);
      try {
        const id = await vscode.commands.executeCommand<string | undefined>('gaIpv6.addProfile');
        person.assertDone();
        assert.equal(id, vscodeProfileId(name));
        const secretQuestion = person.asked.find((o) => /secret/i.test(o.prompt ?? ''));
        assert.equal(secretQuestion?.password, true, 'the secret is typed into a password box');
        assert.deepEqual(person.asked.map((o) => `${o.step}/${o.totalSteps}`), ['1/4', '2/4', '3/4', '5/6', '6/6'], 'each question shows its step');
        assert.equal(api.profiles.activeId(), id, 'the new profile works (one read call), so it is active');
        assert.ok(lines.some((l) => l.includes('ListAvailableBusiRegions')), 'it was checked with one cheap read before it was announced');
        assert.deepEqual(api.profiles.connected().map((p) => p.id), [SANDBOX_PROFILE_ID, id], 'adding a profile does not hide the sandbox root');

        assertListsTheDemoAccount(await childrenOf(vscodeProfileId(name)));
        assert.ok(lines.some((l) => l.includes('ListAccelerators')), `the listing was logged: ${lines.join('\n')}`);
        assert.deepEqual(lines.filter((l) => l.includes(SANDBOX_ACCESS_KEY_SECRET)), [], 'the secret is not in the output channel');
      } finally {
        stopWatching();
      }

      assert.equal(JSON.parse((await secretOf(name)) ?? '{}').accessKeySecret, SANDBOX_ACCESS_KEY_SECRET, 'the secret is in SecretStorage');
      const settings = JSON.stringify(vscode.workspace.getConfiguration('gaIpv6'));
      assert.ok(!settings.includes(SANDBOX_ACCESS_KEY_SECRET), 'the secret is not in the gaIpv6 settings');
      const state = api.session.context.globalState;
      const stored = JSON.stringify(state.keys().map((k) => [k, state.get(k)]));
      assert.ok(stored.includes(name), 'the profile\'s non-secret part is in globalState');
      assert.ok(!stored.includes(SANDBOX_ACCESS_KEY_SECRET), 'the secret is not in globalState');
      // globalStorageUri is <user data>/User/globalStorage/<extension>: the user settings file is two levels up.
      const userSettings = join(api.session.context.globalStorageUri.fsPath, '..', '..', 'settings.json');
      if (existsSync(userSettings)) assert.ok(!readFileSync(userSettings, 'utf8').includes(SANDBOX_ACCESS_KEY_SECRET), `the secret is not in ${userSettings}`);
      else note(`profiles: no user settings file at ${userSettings}; only the gaIpv6 section was checked`);
    });

    it('refuses an empty AccessKey ID with the field\'s message and saves nothing', async () => {
      const name = 'no-key-id';
      const person = new ScriptedPerson([name, '']);
      answering(person);
      assert.equal(await vscode.commands.executeCommand('gaIpv6.addProfile'), undefined);
      person.assertDone();
      assert.deepEqual(person.refused, [checkAccessKeyId('')]);
      await assertNothingSaved(name);
    });

    it('refuses a secret with spaces with the field\'s message and saves nothing', async () => {
      const name = 'spaced-secret';
      const person = new ScriptedPerson([name, SANDBOX_ACCESS_KEY_ID, 'Sandbox Local Secret']);
      answering(person);
      assert.equal(await vscode.commands.executeCommand('gaIpv6.addProfile'), undefined);
      person.assertDone();
      assert.deepEqual(person.refused, [checkSecretValue('Sandbox Local Secret')]);
      assert.doesNotMatch(person.refused[0], /Sandbox Local Secret/, 'the message does not repeat the secret');
      await assertNothingSaved(name);
    });

    async function assertNothingSaved(name: string): Promise<void> {
      assert.equal(api.vscodeProfiles.list().profiles.some((p) => p.name === name), false, 'no profile was saved');
      assert.equal(await secretOf(name), undefined, 'no secret was stored');
      assert.equal(api.profiles.activeId(), SANDBOX_PROFILE_ID, 'the active profile did not change');
    }
  });

  it('a new profile that does not work is saved but not made active; the previous one stays and the reason is given', async () => {
    const name = 'wrong-secret-added';
    added.add(name);
    const person = new ScriptedPerson([name, SANDBOX_ACCESS_KEY_ID, 'NotTheSandboxSecret0000', endpoint, endpoint], ['Other endpoints…', 'http']);
    answering(person);
    const id = await vscode.commands.executeCommand<string | undefined>('gaIpv6.addProfile');
    person.assertDone();
    assert.equal(id, vscodeProfileId(name), 'it is saved, so that "Fix Profile…" can correct it');
    assert.equal(api.profiles.activeId(), SANDBOX_PROFILE_ID, 'the previous profile stays active');
    assert.deepEqual(api.profiles.connected().map((p) => p.id), [SANDBOX_PROFILE_ID]);
  });

  it('"Fix Profile…" on a wrong secret asks only for the secret (step 1 of 1), keeps the endpoints and protocol; the error node gives way to the accelerators', async () => {
    const name = 'fix-me';
    const id = await saveProfile(name, 'NotTheSandboxSecret0000');
    await api.profiles.connect(id);
    const [error, ...more] = await childrenOf(id);
    assert.equal(error?.kind, 'error', `an error node: ${label(error)}`);
    assert.equal(more.length, 0);

    const person = new ScriptedPerson([SANDBOX_ACCESS_KEY_SECRET]);
    answering(person);
    await vscode.commands.executeCommand('gaIpv6.fixProfile', error);
    person.assertDone();
    assert.match(person.asked[0].title ?? '', new RegExp(`Fix Profile ${name}`));
    assert.equal(person.asked[0].password, true);
    assert.deepEqual([person.asked[0].step, person.asked[0].totalSteps], [1, 1]);
    assert.match(person.asked[0].prompt ?? '', new RegExp(`secret of AccessKey ${SANDBOX_ACCESS_KEY_ID} was rejected`));
    assert.deepEqual(api.profiles.get(id)?.endpoints, { ga: endpoint, dns: endpoint, protocol: 'http' }, 'endpoints and protocol are kept');

    assertListsTheDemoAccount(await childrenOf(id));
    assert.equal(JSON.parse((await secretOf(name)) ?? '{}').accessKeySecret, SANDBOX_ACCESS_KEY_SECRET);
    assert.equal(api.profiles.activeId(), id, 'the fixed profile works, so it is active');
  });

  it('"Fix Profile…" is not offered on the healthy sandbox profile', async () => {
    const sandbox = await root(SANDBOX_PROFILE_ID);
    assert.ok(sandbox);
    assert.doesNotMatch(tree().getTreeItem(sandbox).contextValue ?? '', /\bfixable\b/);
    assert.equal((await tree().getChildren(sandbox)).filter((n) => n.kind === 'error').length, 0, 'it is healthy');
  });

  it('switches the active profile through the status bar\'s picker, and the status bar names it', async () => {
    const name = 'switch-to-me';
    const id = await saveProfile(name);
    const statusBar = api.testing.statusBar;
    assert.equal(statusBar.text, '$(globe) GA: Local sandbox');
    assert.equal(statusBar.command, 'gaIpv6.selectProfile');

    const person = new ScriptedPerson([], [name, 'Local sandbox']);
    answering(person);
    await vscode.commands.executeCommand('gaIpv6.selectProfile');
    assert.ok(person.offered[0].includes('$(check) Local sandbox'), `the picker marks the active profile: ${person.offered[0].join(', ')}`);
    assert.equal(api.profiles.activeId(), id);
    assert.equal(statusBar.text, `$(globe) GA: ${name}`);
    assert.match(String(statusBar.tooltip), new RegExp(`${name} \\(.*AccessKey ${SANDBOX_ACCESS_KEY_ID}\\)`));
    assert.ok(await root(id), 'the explorer shows the active profile');

    await vscode.commands.executeCommand('gaIpv6.selectProfile');
    person.assertDone();
    assert.equal(api.profiles.activeId(), SANDBOX_PROFILE_ID);
    assert.equal(statusBar.text, '$(globe) GA: Local sandbox');
  });

  it('"Remove Profile" deletes the secret from SecretStorage and the root from the explorer', async () => {
    const name = 'remove-me';
    const id = await saveProfile(name);
    await api.profiles.setActive(id);
    const node = await root(id);
    assert.ok(node, 'the profile is a root');
    assert.ok(await secretOf(name));

    const confirmations: string[] = [];
    restorePrompter = api.testing.usePrompter({
      confirm: async (message, _detail, confirmLabel) => {
        confirmations.push(`${message} [${confirmLabel}]`);
        return true;
      },
    });
    await vscode.commands.executeCommand('gaIpv6.removeProfile', node);
    assert.deepEqual(confirmations, [`Remove profile "${name}"? [Remove Profile]`]);
    assert.equal(await secretOf(name), undefined, 'the secret is gone from SecretStorage');
    assert.equal(api.profiles.get(id), undefined, 'the profile is gone');
    assert.equal(await root(id), undefined, 'its root is gone from the explorer');
    assert.notEqual(api.profiles.activeId(), id, 'another profile is active');
  });

  it('offers add profile, aliyun CLI profile and local sandbox in the explorer\'s welcome view, each a registered command', async () => {
    // The welcome view itself only shows with no profile at all; while the launcher's sandbox runs there is
    // always one (and hiding it would break the other suites), so only its contribution is checked here.
    const manifest = readManifest() as { contributes?: { viewsWelcome?: { view: string; when?: string; contents: string }[] } };
    const welcome = manifest.contributes?.viewsWelcome?.find((w) => w.view === 'gaIpv6.explorer');
    assert.ok(welcome, `package.json (${PROJECT_ROOT}) has no viewsWelcome for gaIpv6.explorer`);
    assert.equal(welcome.when, 'gaIpv6.noProfiles');
    const linked = [...welcome.contents.matchAll(/\]\(command:([\w.]+)\)/g)].map((m) => m[1]);
    assert.deepEqual(linked, ['gaIpv6.addProfile', 'gaIpv6.useAliyunCliProfile', 'gaIpv6.startSandbox', 'gaIpv6.createGateway']);
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepEqual(linked.filter((c) => !registered.has(c)), [], 'every linked command is registered');
  });
});
