import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { ACTIVE_PROFILE_KEY, defaultProfile, ProfileManager } from '../../../src/ui/profileManager';
import type { KeyValueStore } from '../../../src/profiles/vscodeProfiles';
import type { Profile } from '../../../src/profiles/types';
import { partsToFix } from '../../../src/profiles/fixableParts';

function profile(id: string, source: Profile['source'], current = false): Profile {
  return { id, name: id, source, origin: 'test', endpoints: {}, current, credentials: async () => ({ accessKeyId: 'a', accessKeySecret: 'b' }) };
}

class MemoryStore implements KeyValueStore {
  readonly values = new Map<string, unknown>();
  get<T>(key: string): T | undefined {
    return this.values.get(key) as T | undefined;
  }
  async update(key: string, value: unknown): Promise<void> {
    this.values.set(key, value);
  }
}

async function manager(profiles: Profile[], store = new MemoryStore()) {
  const m = new ProfileManager(async () => ({ profiles, problems: [] }), store);
  await m.ready();
  return { m, store };
}

describe('profile manager', () => {
  it('defaults to the sandbox, then the source\'s current profile, then the first', () => {
    assert.equal(defaultProfile([profile('a', 'env'), profile('cli', 'aliyun-cli', true), profile('sandbox', 'sandbox')])?.id, 'sandbox');
    assert.equal(defaultProfile([profile('a', 'env'), profile('cli', 'aliyun-cli', true)])?.id, 'cli');
    assert.equal(defaultProfile([profile('a', 'env'), profile('b', 'vscode')])?.id, 'a');
    assert.equal(defaultProfile([]), undefined);
  });

  it('shows one root that follows the active profile', async () => {
    const { m, store } = await manager([profile('a', 'env'), profile('b', 'vscode')]);
    assert.deepEqual(m.connected().map((p) => p.id), ['a']);
    await m.setActive('b');
    assert.deepEqual(m.connected().map((p) => p.id), ['b']);
    assert.equal(store.get(ACTIVE_PROFILE_KEY), 'b');
  });

  it('keeps profiles connected on purpose, and refuses to hide the active one', async () => {
    const { m } = await manager([profile('a', 'env'), profile('b', 'vscode'), profile('c', 'vscode')]);
    await m.connect('b');
    await m.setActive('c');
    assert.deepEqual(m.connected().map((p) => p.id), ['a', 'b', 'c']);
    await m.disconnect('a');
    assert.deepEqual(m.connected().map((p) => p.id), ['b', 'c']);
    await assert.rejects(m.disconnect('c'), /active profile stays/);
  });

  it('falls back when the stored active profile is gone, and tells listeners about changes', async () => {
    const store = new MemoryStore();
    store.values.set(ACTIVE_PROFILE_KEY, 'deleted');
    const { m } = await manager([profile('a', 'env')], store);
    assert.equal(m.activeId(), 'a');
    let changes = 0;
    const off = m.onDidChange(() => changes++);
    await m.reload();
    off();
    await m.reload();
    assert.equal(changes, 1);
    await assert.rejects(m.setActive('nope'), /no profile "nope"/);
  });

  it('a profile just added becomes active next to the roots shown, the sandbox\'s among them', async () => {
    const { m } = await manager([profile('sandbox', 'sandbox'), profile('vscode:new', 'vscode')]);
    assert.deepEqual(m.connected().map((p) => p.id), ['sandbox']);
    await m.setActive('vscode:new', { keepRoots: true });
    assert.equal(m.activeId(), 'vscode:new');
    assert.deepEqual(m.connected().map((p) => p.id), ['sandbox', 'vscode:new']);
  });

  it('is "not loaded" until the profiles were read once, also when reading fails', async () => {
    let fail = true;
    const m = new ProfileManager(async () => {
      if (fail) throw new Error('disk on fire');
      return { profiles: [profile('a', 'env')], problems: [] };
    }, new MemoryStore());
    let told = 0;
    m.onDidChange(() => told++);
    assert.equal(m.loaded, false, 'activation: not known yet, so the status bar says "loading…"');
    await assert.rejects(m.ready(), /disk on fire/);
    assert.equal(m.loaded, true);
    assert.equal(told, 1, 'listeners hear about it either way');
    fail = false;
    await m.reload();
    assert.equal(m.active()?.id, 'a');
  });
});

describe('what "Fix Profile…" asks for', () => {
  it('only the secret after a rejected signature; the AccessKey ID and secret when the key is unknown, disabled or the cause is not known', () => {
    assert.deepEqual(partsToFix('SignatureDoesNotMatch'), ['secret']);
    assert.deepEqual(partsToFix('CredentialsUnavailable'), ['secret']);
    assert.deepEqual(partsToFix('InvalidAccessKeyId.NotFound'), ['accessKeyId', 'secret']);
    assert.deepEqual(partsToFix('InvalidAccessKeyId.Inactive'), ['accessKeyId', 'secret']);
    assert.deepEqual(partsToFix(undefined), ['accessKeyId', 'secret']);
  });
});

