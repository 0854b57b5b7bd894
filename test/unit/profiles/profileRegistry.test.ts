import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { customHostUses, loadProfiles, VscodeProfileStore, type KeyValueStore, type SecretStore } from '../../../src/profiles';
import { makeTempHome, visibleText } from './tempHome';

const home = makeTempHome();
after(() => home.cleanup());

const SECRETS = { cli: 'RegCliSecret01', ini: 'RegIniSecret02', env: 'RegEnvSecret03', vscode: 'RegVscodeSecret04' };

function vscodeStore(): VscodeProfileStore {
  const secrets = new Map<string, string>();
  const state = new Map<string, unknown>();
  const s: SecretStore = { get: async (k) => secrets.get(k), store: async (k, v) => void secrets.set(k, v), delete: async (k) => void secrets.delete(k) };
  const m: KeyValueStore = { get: <T>(k: string) => state.get(k) as T | undefined, update: async (k, v) => void state.set(k, v) };
  return new VscodeProfileStore(s, m);
}

function writeAll(): void {
  home.write('.aliyun/config.json', JSON.stringify({ current: 'default', profiles: [{ name: 'default', mode: 'AK', access_key_id: 'LTAIcli', access_key_secret: SECRETS.cli }] }));
  home.write('.alibabacloud/credentials', `[default]\ntype = access_key\naccess_key_id = LTAIini\naccess_key_secret = ${SECRETS.ini}\n`);
}

const ENV = { ALIBABA_CLOUD_ACCESS_KEY_ID: 'LTAIenv', ALIBABA_CLOUD_ACCESS_KEY_SECRET: SECRETS.env };

test('combines every source with unique ids and never shows a secret', async () => {
  writeAll();
  const vscode = vscodeStore();
  await vscode.save({ name: 'default', accessKeyId: 'LTAIvs', accessKeySecret: SECRETS.vscode });
  const list = await loadProfiles({ home: home.dir, env: ENV, vscode, sandbox: { port: 18101 } });
  assert.deepEqual(list.problems, []);
  assert.deepEqual(list.profiles.map((p) => p.id), ['aliyun:default', 'credentials:default', 'env', 'vscode:default', 'sandbox']);
  const resolved = await Promise.all(list.profiles.map((p) => p.credentials()));
  assert.deepEqual(
    resolved.map((c) => c.accessKeySecret).slice(0, 4),
    [SECRETS.cli, SECRETS.ini, SECRETS.env, SECRETS.vscode],
  );
  const shown = visibleText(list);
  for (const s of Object.values(SECRETS)) assert.ok(!shown.includes(s), `${s} leaked`);
  for (const p of list.profiles) assert.deepEqual(Object.keys(JSON.parse(JSON.stringify(p))).sort(), Object.keys(p).filter((k) => typeof (p as unknown as Record<string, unknown>)[k] !== 'function').sort());
});

test('an empty home and environment give no profiles and no problems', async () => {
  const empty = makeTempHome();
  try {
    assert.deepEqual(await loadProfiles({ home: empty.dir, env: {} }), { profiles: [], problems: [] });
  } finally {
    empty.cleanup();
  }
});

test('broken sources become problems while the others still load', async () => {
  home.write('.aliyun/config.json', '{\n  "profiles": [\n    {"name": "x",}\n  ]\n}');
  home.write('.alibabacloud/credentials', `[default]\ntype = access_key\naccess_key_id = LTAIini\naccess_key_secret = ${SECRETS.ini}\n`);
  const list = await loadProfiles({ home: home.dir, env: { ALIBABA_CLOUD_ACCESS_KEY_ID: 'LTAIenv' }, sandbox: { port: 8100, host: '192.0.2.1' } });
  assert.deepEqual(list.profiles.map((p) => p.id), ['credentials:default']);
  assert.deepEqual(
    list.problems.map((p) => [p.file.endsWith('config.json') ? 'cli' : p.file, p.line]),
    [
      ['cli', 3],
      ['environment variables', undefined],
      ['Local sandbox', undefined],
    ],
  );
  assert.match(list.problems[2].message, /"192.0.2.1" is not a loopback address/);
});

test('a directory where a file should be is a problem, not an exception', async () => {
  const odd = makeTempHome();
  try {
    odd.write('.aliyun/config.json/inner', '');
    const list = await loadProfiles({ home: odd.dir, env: {} });
    assert.deepEqual(list.profiles, []);
    assert.match(list.problems[0].message, /Cannot read ~\/\.aliyun\/config\.json: it is a directory/);
  } finally {
    odd.cleanup();
  }
});

test('endpoint overrides apply per profile id and are checked', async () => {
  writeAll();
  const list = await loadProfiles({
    home: home.dir,
    env: ENV,
    sandbox: { port: 18102 },
    endpointOverrides: {
      'aliyun:default': { ga: '127.0.0.1:9000', dns: '127.0.0.1:9001', protocol: 'http' },
      env: { ga: 'ga.example.com', protocol: 'http' },
      'credentials:default': { gaa: 'x' },
      'aliyun:nope': { ga: 'ga.example.com' },
      sandbox: { ga: 'ga.cn-hangzhou.aliyuncs.com' },
    },
  });
  const byId = new Map(list.profiles.map((p) => [p.id, p]));
  assert.deepEqual(byId.get('aliyun:default')?.endpoints, { ga: '127.0.0.1:9000', dns: '127.0.0.1:9001', protocol: 'http' });
  assert.equal((await byId.get('aliyun:default')?.credentials())?.accessKeySecret, SECRETS.cli);
  assert.deepEqual(byId.get('env')?.endpoints, {});
  assert.deepEqual(byId.get('credentials:default')?.endpoints, {});
  assert.deepEqual(byId.get('sandbox')?.endpoints, { ga: '127.0.0.1:18102', dns: '127.0.0.1:18102', protocol: 'http' });
  const messages = list.problems.map((p) => p.message);
  assert.equal(messages.length, 4);
  assert.ok(list.problems.every((p) => p.file === 'setting gaIpv6.endpoints'));
  assert.match(messages[0], /"env" were not applied: Protocol http is only allowed with both/);
  assert.match(messages[1], /"credentials:default" were not applied: unknown key "gaa"/);
  assert.match(messages[2], /no profile "aliyun:nope" to override \(profiles: aliyun:default, credentials:default, env\)/);
  assert.match(messages[3], /local sandbox cannot be overridden/);
});

test('a real profile sends signed requests only to Alibaba Cloud, loopback, or a host the user trusts', async () => {
  writeAll();
  const vscode = vscodeStore();
  // Saved by an older version, before the host rule: stored endpoints are structurally fine.
  await vscode.save({ name: 'proxied', accessKeyId: 'LTAIvs', accessKeySecret: SECRETS.vscode, endpoints: { ga: 'ga-proxy.corp.example:8443', dns: 'alidns.aliyuncs.com' } });
  const overrides = {
    'aliyun:default': { ga: 'capture.attacker.example', dns: 'alidns.aliyuncs.com' },
    'credentials:default': { ga: 'ga-vpc.cn-hangzhou.aliyuncs.com' },
    env: { ga: '[::1]:9000' },
  };
  const strict = await loadProfiles({ home: home.dir, env: ENV, vscode, endpointOverrides: overrides });
  const byId = new Map(strict.profiles.map((p) => [p.id, p]));
  assert.deepEqual(byId.get('aliyun:default')?.endpoints, {}, 'the attacker\'s host is not applied');
  assert.deepEqual(byId.get('credentials:default')?.endpoints, { ga: 'ga-vpc.cn-hangzhou.aliyuncs.com' }, 'Alibaba Cloud hosts need no opt-in');
  assert.deepEqual(byId.get('env')?.endpoints, { ga: '[::1]:9000' }, 'nor does loopback');
  assert.equal(byId.has('vscode:proxied'), false, 'a profile talking to an untrusted host is not offered');
  const messages = strict.problems.map((p) => p.message).join('\n');
  assert.match(messages, /"aliyun:default" were not applied: GA endpoint "capture.attacker.example" is neither an Alibaba Cloud host.*add it to the user setting gaIpv6.trustedEndpointHosts/);
  assert.match(messages, /Profile "proxied" is not offered: GA endpoint "ga-proxy.corp.example:8443"/);

  const trusting = await loadProfiles({ home: home.dir, env: ENV, vscode, endpointOverrides: overrides, trustedEndpointHosts: ['GA-PROXY.corp.example.'] });
  assert.deepEqual(trusting.profiles.find((p) => p.id === 'vscode:proxied')?.endpoints, { ga: 'ga-proxy.corp.example:8443', dns: 'alidns.aliyuncs.com' }, 'trusted by the user: offered');
  assert.deepEqual(customHostUses(trusting.profiles).map((u) => [u.profile.id, u.host]), [['vscode:proxied', 'ga-proxy.corp.example']], 'and named for the warning');
  assert.deepEqual(trusting.profiles.find((p) => p.id === 'aliyun:default')?.endpoints, {}, 'trusting one host trusts no other');
});
