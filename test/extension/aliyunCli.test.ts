// "Use aliyun CLI Profile…" in a real extension host, against the emulator the launcher started
// (GA_IPV6_SANDBOX_ENDPOINT, demo fixture). The extension reads ~/.aliyun/config.json from a temporary home
// (api.testing.useHome), never the real one; the profile's endpoints point at the emulator through the setting
// gaIpv6.endpoints, as a person pointing a CLI profile at a local emulator would. The quick pick and the modal
// explanation are answered through the prompter hook (api.testing.usePrompter).
//
// Everything added is removed afterwards (the temporary home, the setting, connected roots) and the sandbox is
// left as the only, active root for the other suites.
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import type { ExplorerNode } from '../../src/explorer/nodes';
import { SANDBOX_ACCESS_KEY_ID, SANDBOX_ACCESS_KEY_SECRET } from '../../src/profiles/sandboxProfile';
import type { Prompts } from '../../src/ui/prompter';
import { activateOnSandbox, SANDBOX_PROFILE_ID, SEED_NAME } from './sandboxSession';

const COMMAND = 'gaIpv6.useAliyunCliProfile';
const CLI_PROFILE = 'ga-emulator';
const CLI_PROFILE_ID = `aliyun:${CLI_PROFILE}`;

/** What the flow asked: the quick picks offered (labels) and the modal explanations shown. */
interface Questions {
  picks: { placeHolder?: string; items: vscode.QuickPickItem[] }[];
  explanations: { message: string; detail: string; actions: readonly string[] }[];
}

describe('Use aliyun CLI Profile…', function () {
  this.timeout(60_000);
  const endpoint = process.env.GA_IPV6_SANDBOX_ENDPOINT ?? '';
  let api: ExtensionApi;
  let home: string;
  let configFile: string;
  let restoreHome: (() => void) | undefined;
  let restorePrompter: (() => void) | undefined;
  let stopWatchingLog: (() => void) | undefined;
  let logLines: string[] = [];
  const endpointsSetting = () => vscode.workspace.getConfiguration('gaIpv6');
  let previousEndpoints: unknown;

  before(async () => {
    const session = await activateOnSandbox();
    api = session.api;
    await session.admin.loadFixture('demo');
    home = mkdtempSync(join(tmpdir(), 'ga-ipv6-aliyun-home-'));
    mkdirSync(join(home, '.aliyun'));
    configFile = join(home, '.aliyun', 'config.json');
    restoreHome = api.testing.useHome(home);
    previousEndpoints = endpointsSetting().inspect('endpoints')?.globalValue;
  });

  beforeEach(() => {
    logLines = [];
    stopWatchingLog = api.session.log.onLine((line) => logLines.push(line));
  });

  afterEach(async () => {
    stopWatchingLog?.();
    restorePrompter?.();
    restorePrompter = undefined;
    await api.profiles.setActive(SANDBOX_PROFILE_ID);
    for (const p of api.profiles.connected()) if (p.id !== SANDBOX_PROFILE_ID) await api.profiles.disconnect(p.id);
  });

  after(async () => {
    await endpointsSetting().update('endpoints', previousEndpoints, vscode.ConfigurationTarget.Global);
    restoreHome?.();
    if (home) rmSync(home, { recursive: true, force: true });
    await api.profiles.reload();
    assert.equal(api.profiles.get(CLI_PROFILE_ID), undefined, 'the CLI profile is gone with the temporary home');
    assert.equal(api.profiles.activeId(), SANDBOX_PROFILE_ID);
    assert.deepEqual(api.profiles.connected().map((p) => p.id), [SANDBOX_PROFILE_ID], 'the other suites find the sandbox as the only root');
  });

  /** Answers the quick pick with `pickLabel` (without its $(icon) prefix) and dismisses every explanation. */
  function answering(pickLabel?: string): Questions {
    const asked: Questions = { picks: [], explanations: [] };
    const prompts: Partial<Prompts> = {
      pick: async <T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions) => {
        asked.picks.push({ placeHolder: options.placeHolder, items: [...items] });
        return items.find((i) => i.label.replace(/^\$\([\w~-]+\) /, '') === pickLabel);
      },
      explain: async (message, detail, actions) => {
        asked.explanations.push({ message, detail, actions });
        return undefined;
      },
    };
    restorePrompter = api.testing.usePrompter(prompts);
    return asked;
  }

  const label = (node: ExplorerNode) => String(api.explorer.getTreeItem(node).label);

  async function childrenOfRoot(profileId: string): Promise<ExplorerNode[]> {
    const roots = await api.explorer.getChildren();
    const root = roots.find((n) => n.id === profileId);
    assert.ok(root, `the explorer has no root for ${profileId}; roots: ${roots.map(label).join(', ')}`);
    return api.explorer.getChildren(root);
  }

  it('offers the AK profiles of ~/.aliyun/config.json; the chosen one becomes the active root listing the emulator\'s accelerators', async () => {
    const config = {
      current: CLI_PROFILE,
      profiles: [
        { name: CLI_PROFILE, mode: 'AK', access_key_id: SANDBOX_ACCESS_KEY_ID, access_key_secret: SANDBOX_ACCESS_KEY_SECRET, region_id: 'cn-hangzhou' },
        { name: 'role-profile', mode: 'RamRoleArn', access_key_id: 'LTAI5tNotUsed', access_key_secret: 'NotUsed', ram_role_arn: 'acs:ram::1:role/x' },
      ],
    };
    const text = JSON.stringify(config, null, 2);
    writeFileSync(configFile, text);
    // A problem points at the entry's "{", the line above its name: the name's 0-based index is that 1-based line.
    const roleLine = text.split('\n').findIndex((l) => l.includes('"role-profile"'));
    await endpointsSetting().update('endpoints', { [CLI_PROFILE_ID]: { ga: endpoint, dns: endpoint, protocol: 'http' } }, vscode.ConfigurationTarget.Global);

    const asked = answering(CLI_PROFILE);
    await vscode.commands.executeCommand(COMMAND);

    assert.equal(asked.explanations.length, 0, `nothing to explain: ${asked.explanations.map((e) => e.detail).join(' | ')}`);
    assert.equal(asked.picks.length, 1, 'one quick pick');
    const [pick] = asked.picks;
    assert.equal(pick.placeHolder, `Profiles from ${configFile}`);
    assert.deepEqual(pick.items.map((i) => i.label), [CLI_PROFILE], 'only the usable profile is offered');
    assert.equal(pick.items[0].description, `aliyun CLI current · ${SANDBOX_ACCESS_KEY_ID}`);

    assert.equal(api.profiles.activeId(), CLI_PROFILE_ID, 'the chosen profile is active');
    assert.deepEqual(api.profiles.get(CLI_PROFILE_ID)?.endpoints, { ga: endpoint, dns: endpoint, protocol: 'http' }, 'the setting points it at the emulator');
    const children = await childrenOfRoot(CLI_PROFILE_ID);
    assert.deepEqual(children.filter((n) => n.kind === 'error').map(label), [], 'no error node');
    assert.ok(children.some((n) => n.kind === 'accelerator' && n.accelerator.name === SEED_NAME), `the demo account's accelerators are listed: ${children.map(label).join(', ')}`);

    // The unusable entry is not offered but reported, with the file and the line of its entry.
    const reported = logLines.find((l) => l.includes('"role-profile"'));
    assert.ok(reported, `the log reports the RamRoleArn profile: ${logLines.join('\n')}`);
    assert.ok(reported.includes(`profile problem (${configFile}:${roleLine}): `), reported);
    assert.match(reported, /mode RamRoleArn, which is not supported yet/);
    assert.equal(logLines.some((l) => l.includes(SANDBOX_ACCESS_KEY_SECRET)), false, 'no secret in the log');
  });

  it('explains a malformed config.json with its file and line, offers to open it, and changes nothing', async () => {
    const lines = ['{', '  "current": "broken",', '  "profiles": [', '    { "name": "broken" "mode": "AK" }', '  ]', '}'];
    writeFileSync(configFile, lines.join('\n'));

    const asked = answering();
    await vscode.commands.executeCommand(COMMAND);

    assert.equal(asked.picks.length, 0, 'no quick pick without a usable profile');
    assert.equal(asked.explanations.length, 1, 'one explanation');
    const [explained] = asked.explanations;
    assert.equal(explained.message, 'No usable aliyun CLI profile.');
    assert.match(explained.detail, /^~\/\.aliyun\/config\.json is not valid JSON \(line 4, column \d+\): .*is a comma missing\?/);
    assert.doesNotMatch(explained.detail, /LTAI|secret/i, 'the detail does not quote the file');
    assert.deepEqual(explained.actions, ['Open config.json', 'Add Profile…']);
    assert.ok(logLines.some((l) => l.includes(`profile problem (${configFile}:4): `)), `the log names the file and the line: ${logLines.join('\n')}`);

    assert.equal(api.profiles.activeId(), SANDBOX_PROFILE_ID, 'the active profile did not change');
    assert.equal(api.profiles.all().some((p) => p.source === 'aliyun-cli'), false, 'no CLI profile was read from the broken file');
  });
});
