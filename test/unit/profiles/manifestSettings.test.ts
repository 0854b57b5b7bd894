// Issue 8, defect 1: every setting that decides where signed requests or probes go, or turns a check off, is
// declared so that no workspace can set it: "scope" application or machine, and listed for Restricted Mode.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { USER_ONLY_SETTINGS } from '../../../src/model';

interface Setting {
  scope?: string;
}
const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', '..', 'package.json'), 'utf8')) as {
  capabilities?: { untrustedWorkspaces?: { supported?: unknown; restrictedConfigurations?: string[] } };
  contributes: { configuration: { properties: Record<string, Setting> } };
};
const settings = manifest.contributes.configuration.properties;

test('the user-only settings are application or machine scoped, and no other setting is', () => {
  for (const key of USER_ONLY_SETTINGS) {
    assert.ok(Object.hasOwn(settings, key), `${key} is declared`);
    assert.ok(['application', 'machine'].includes(settings[key].scope ?? ''), `${key} has scope ${settings[key].scope}`);
  }
  const scoped = Object.entries(settings).filter(([, s]) => s.scope === 'application' || s.scope === 'machine').map(([k]) => k);
  assert.deepEqual(scoped.sort(), [...USER_ONLY_SETTINGS].sort(), 'the code reads exactly these from user settings only');
  assert.equal(settings['gaIpv6.endpoints'].scope, 'application');
});

test('Restricted Mode is declared, and its restricted settings are the user-only ones', () => {
  const untrusted = manifest.capabilities?.untrustedWorkspaces;
  assert.equal(untrusted?.supported, 'limited');
  assert.deepEqual([...(untrusted?.restrictedConfigurations ?? [])].sort(), [...USER_ONLY_SETTINGS].sort());
});
