// Issue 8, defect 1: a repository's .vscode/settings.json must not steer a real profile's signed requests. In a
// real extension host: a workspace value of gaIpv6.endpoints (flat, or nested under "gaIpv6") is ignored and
// named once in the log; the user's own value is applied only towards Alibaba Cloud, loopback, or a host the
// user trusts, and a trusted host is named in a warning.
import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import { SANDBOX_ACCESS_KEY_ID } from '../../src/profiles/sandboxProfile';
import { vscodeProfileId } from '../../src/profiles/vscodeProfiles';
import { activateOnSandbox, SANDBOX_PROFILE_ID } from './sandboxSession';

const NAME = 'steered-by-workspace';
const ID = vscodeProfileId(NAME);

describe('settings that steer signed requests are the user\'s alone', () => {
  let api: ExtensionApi;
  let settingsFile: string;
  let previousFile: string | undefined;
  const lines: string[] = [];
  let stopWatching: () => void = () => undefined;

  before(async () => {
    ({ api } = await activateOnSandbox());
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the launcher opens a workspace folder');
    settingsFile = join(folder.uri.fsPath, '.vscode', 'settings.json');
    previousFile = existsSync(settingsFile) ? readFileSync(settingsFile, 'utf8') : undefined;
    // Alibaba Cloud's default endpoints: nothing is called in this suite, only where calls would go is looked at.
    await api.vscodeProfiles.save({ name: NAME, accessKeyId: SANDBOX_ACCESS_KEY_ID, accessKeySecret: 'NotUsedInThisSuite0000' });
    stopWatching = api.session.log.onLine((line) => lines.push(line));
  });

  after(async () => {
    stopWatching();
    const user = vscode.workspace.getConfiguration('gaIpv6');
    await user.update('endpoints', undefined, vscode.ConfigurationTarget.Global);
    await user.update('trustedEndpointHosts', undefined, vscode.ConfigurationTarget.Global);
    if (previousFile === undefined) rmSync(settingsFile, { force: true });
    else writeFileSync(settingsFile, previousFile);
    await settled((attempts) => attempts !== 7 && attempts !== 8);
    await api.vscodeProfiles.remove(NAME);
    await api.profiles.reload();
    await api.profiles.setActive(SANDBOX_PROFILE_ID);
  });

  /** Waits until VS Code has read the workspace settings file (a harmless window-scoped setting in it tells). */
  async function settled(ready: (attempts: number | undefined) => boolean): Promise<void> {
    const current = () => vscode.workspace.getConfiguration('gaIpv6.probe').get<number>('attempts');
    if (ready(current())) return;
    await new Promise<void>((resolve) => {
      const sub = vscode.workspace.onDidChangeConfiguration(() => {
        if (!ready(current())) return;
        sub.dispose();
        resolve();
      });
      if (ready(current())) {
        sub.dispose();
        resolve();
      }
    });
  }

  function writeWorkspaceSettings(settings: object): void {
    mkdirSync(join(settingsFile, '..'), { recursive: true });
    writeFileSync(settingsFile, JSON.stringify(settings, null, 2));
  }

  const endpointsOf = () => api.profiles.get(ID)?.endpoints;
  const ignoredLines = () => lines.filter((l) => /setting gaIpv6\.endpoints in .* is ignored/.test(l));

  it('ignores a workspace\'s flat "gaIpv6.endpoints" and names it once in the log', async () => {
    // A loopback host would pass the host rule: only the scope keeps it out.
    writeWorkspaceSettings({ 'gaIpv6.endpoints': { [ID]: { ga: '127.0.0.1:9', dns: '127.0.0.1:9' } }, 'gaIpv6.trustedEndpointHosts': ['capture.attacker.example'], 'gaIpv6.probe.attempts': 7 });
    await settled((attempts) => attempts === 7);
    await api.profiles.reload();
    assert.deepEqual(endpointsOf(), {}, 'the profile still talks to Alibaba Cloud');
    assert.equal(vscode.workspace.getConfiguration('gaIpv6').inspect('endpoints')?.workspaceValue, undefined, 'VS Code drops it too ("scope": "application")');
    assert.deepEqual(ignoredLines().map((l) => /in (\S+) is ignored/.exec(l)?.[1]), ['.vscode/settings.json'], lines.join('\n'));
    assert.ok(lines.some((l) => /setting gaIpv6\.trustedEndpointHosts in \.vscode\/settings\.json is ignored/.test(l)));
    await api.profiles.reload();
    assert.equal(ignoredLines().length, 1, 'named once, not on every reload');
  });

  it('ignores the same value written as a nested "gaIpv6" object', async () => {
    writeWorkspaceSettings({ gaIpv6: { endpoints: { [ID]: { ga: '127.0.0.2:9', dns: '127.0.0.2:9' } } }, 'gaIpv6.probe.attempts': 8 });
    await settled((attempts) => attempts === 8);
    await api.profiles.reload();
    assert.deepEqual(endpointsOf(), {}, 'the profile still talks to Alibaba Cloud');
    // VS Code 1.100 does not drop the nested form: its merged value is the workspace's. Reading the user's own
    // value (not get()) is what keeps the profile on Alibaba Cloud here.
    const config = vscode.workspace.getConfiguration('gaIpv6');
    assert.deepEqual(config.get('endpoints'), { [ID]: { ga: '127.0.0.2:9', dns: '127.0.0.2:9' } }, 'VS Code\'s merged value carries the workspace\'s nested entry');
    assert.notEqual(config.inspect('endpoints')?.workspaceValue, undefined);
    assert.ok(ignoredLines().some((l) => l.includes('gaIpv6.endpoints in the workspace settings is ignored')), lines.join('\n'));
  });

  /** Sets a user setting and waits until the extension host sees it. */
  async function setUserValue(key: string, value: unknown): Promise<void> {
    const seen = () => JSON.stringify(vscode.workspace.getConfiguration('gaIpv6').inspect(key)?.globalValue) === JSON.stringify(value);
    const visible = new Promise<void>((resolve) => {
      const sub = vscode.workspace.onDidChangeConfiguration(() => {
        if (!seen()) return;
        sub.dispose();
        resolve();
      });
    });
    await vscode.workspace.getConfiguration('gaIpv6').update(key, value, vscode.ConfigurationTarget.Global);
    if (!seen()) await visible;
  }

  it('applies the user\'s own value only towards Alibaba Cloud, loopback or a trusted host, and warns naming it', async () => {
    await setUserValue('endpoints', { [ID]: { ga: 'ga-proxy.corp.example:8443', dns: 'alidns.aliyuncs.com' } });
    await api.profiles.reload();
    assert.deepEqual(endpointsOf(), {}, 'an untrusted host is not applied');
    assert.ok(lines.some((l) => /"vscode:steered-by-workspace" were not applied: GA endpoint "ga-proxy\.corp\.example:8443" is neither an Alibaba Cloud host.*gaIpv6\.trustedEndpointHosts/.test(l)), lines.join('\n'));

    await setUserValue('trustedEndpointHosts', ['ga-proxy.corp.example']);
    await api.profiles.reload();
    assert.deepEqual(endpointsOf(), { ga: 'ga-proxy.corp.example:8443', dns: 'alidns.aliyuncs.com' }, 'trusted in user settings: applied');
    const warnings = lines.filter((l) => l.includes(`warning: Profile "${NAME}" sends its signed requests`));
    assert.equal(warnings.length, 1, lines.join('\n'));
    assert.match(warnings[0], /to ga-proxy\.corp\.example, not to Alibaba Cloud/);
  });
});
