import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CredentialsUnavailableError } from '../../../src/profiles/profile';
import { ProfileInputError, VSCODE_PROFILES_KEY, VscodeProfileStore, type KeyValueStore, type SecretStore } from '../../../src/profiles/vscodeProfiles';
import { visibleText } from './tempHome';

const SECRET = 'VscodeSecret0001';
const TOKEN = 'VscodeToken0002';

/** SecretStorage and Memento stand-ins over Maps, so the test can look at exactly what each one holds. */
function memoryStores() {
  const secretMap = new Map<string, string>();
  const stateMap = new Map<string, unknown>();
  const secrets: SecretStore = {
    get: async (k) => secretMap.get(k),
    store: async (k, v) => void secretMap.set(k, v),
    delete: async (k) => void secretMap.delete(k),
  };
  const state: KeyValueStore = {
    get: <T>(k: string) => structuredClone(stateMap.get(k)) as T | undefined,
    update: async (k, v) => void stateMap.set(k, structuredClone(v)),
  };
  return { secretMap, stateMap, store: new VscodeProfileStore(secrets, state) };
}

test('save, list, resolve and remove round trip; the secret is only in SecretStorage', async () => {
  const { secretMap, stateMap, store } = memoryStores();
  const saved = await store.save({ name: 'work', accessKeyId: 'LTAIwork', accessKeySecret: SECRET, securityToken: TOKEN, endpoints: { ga: 'ga.cn-hangzhou.aliyuncs.com' } });
  assert.equal(saved.id, 'vscode:work');

  const stateText = JSON.stringify([...stateMap.entries()]);
  assert.ok(stateText.includes('LTAIwork') && !stateText.includes(SECRET) && !stateText.includes(TOKEN), 'memento must hold only the non-secret part');
  assert.ok([...secretMap.values()].some((v) => v.includes(SECRET) && v.includes(TOKEN)));

  const list = store.list();
  assert.deepEqual(list.problems, []);
  assert.deepEqual(list.profiles.map((p) => [p.id, p.name, p.source, p.accessKeyId, p.endpoints.ga]), [['vscode:work', 'work', 'vscode', 'LTAIwork', 'ga.cn-hangzhou.aliyuncs.com']]);
  assert.deepEqual(await list.profiles[0].credentials(), { accessKeyId: 'LTAIwork', accessKeySecret: SECRET, securityToken: TOKEN });
  assert.ok(!visibleText(list).includes(SECRET) && !visibleText(list).includes(TOKEN));

  assert.equal(await store.remove('work'), true);
  assert.equal(secretMap.size, 0);
  assert.deepEqual(store.list().profiles, []);
  assert.equal(await store.remove('work'), false);
});

test('saving the same name replaces the profile and its secret', async () => {
  const { store } = memoryStores();
  await store.save({ name: 'a', accessKeyId: 'LTAIold', accessKeySecret: 'old' });
  await store.save({ name: 'b', accessKeyId: 'LTAIb', accessKeySecret: 'b' });
  await store.save({ name: 'a', accessKeyId: 'LTAInew', accessKeySecret: 'new' });
  const { profiles } = store.list();
  assert.deepEqual(profiles.map((p) => [p.name, p.accessKeyId]), [['b', 'LTAIb'], ['a', 'LTAInew']]);
  assert.deepEqual(await profiles[1].credentials(), { accessKeyId: 'LTAInew', accessKeySecret: 'new' });
});

test('bad input is refused field by field, nothing is stored, and the secret is not echoed', async () => {
  const { secretMap, stateMap, store } = memoryStores();
  const bad = { name: ' ', accessKeyId: 'LTAI x', accessKeySecret: 'has space ' + SECRET, endpoints: { ga: 'ga.example.com', dns: 'alidns.aliyuncs.com', protocol: 'http' as const } };
  await assert.rejects(store.save(bad), (e: unknown) => {
    assert.ok(e instanceof ProfileInputError);
    assert.deepEqual(Object.keys(e.problems).sort(), ['accessKeyId', 'accessKeySecret', 'endpoints', 'name']);
    assert.match(e.problems.endpoints, /http is only allowed for a local emulator/);
    assert.ok(!e.message.includes(SECRET));
    return true;
  });
  assert.equal(secretMap.size, 0);
  assert.equal(stateMap.size, 0);
});

test('a profile whose secret was lost says to enter it again', async () => {
  const { secretMap, store } = memoryStores();
  const p = await store.save({ name: 'x', accessKeyId: 'LTAIx', accessKeySecret: SECRET });
  secretMap.clear();
  await assert.rejects(p.credentials(), (e: unknown) => e instanceof CredentialsUnavailableError && /missing from VS Code's secret storage.*enter the profile again/.test(e.message));
});

test('unreadable stored entries are reported, readable ones still listed', () => {
  const { stateMap, store } = memoryStores();
  stateMap.set(VSCODE_PROFILES_KEY, [{ name: 'ok', accessKeyId: 'LTAIok', endpoints: {} }, { name: 5 }, { name: 'remote-http', accessKeyId: 'LTAIr', endpoints: { ga: 'ga.example.com', dns: 'dns.example.com', protocol: 'http' } }]);
  const list = store.list();
  assert.deepEqual(list.profiles.map((p) => p.id), ['vscode:ok']);
  assert.deepEqual(list.problems.map((p) => p.message), ['Saved VS Code profile #2 is unreadable and was skipped: add it again.', 'Saved VS Code profile #3 is unreadable and was skipped: add it again.']);
  stateMap.set(VSCODE_PROFILES_KEY, 'garbage');
  assert.match(store.list().problems[0].message, /unreadable: add your profiles again/);
});
