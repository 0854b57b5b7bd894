// What every suite against the launcher's sandbox needs first: the extension activated, its profiles read,
// the sandbox profile active, and an admin client for the emulator behind it.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EmulatorAdmin } from '../../src/emulator/adminClient';
import type { ExtensionApi } from '../../src/extension';
import { extensionId } from './manifest';

export const SANDBOX_PROFILE_ID = 'sandbox';
export const SEED_NAME = 'web-ipv6';

export async function activateOnSandbox(): Promise<{ api: ExtensionApi; admin: EmulatorAdmin }> {
  const endpoint = process.env.GA_IPV6_SANDBOX_ENDPOINT;
  assert.ok(endpoint, 'GA_IPV6_SANDBOX_ENDPOINT is not set: run these tests with npm run test:extension, which starts the emulator');
  const extension = vscode.extensions.getExtension<ExtensionApi>(extensionId());
  assert.ok(extension, `extension ${extensionId()} is not loaded`);
  const api = await extension.activate();
  await api.profiles.ready();
  assert.ok(api.profiles.get(SANDBOX_PROFILE_ID), 'the sandbox profile exists when GA_IPV6_SANDBOX_ENDPOINT is set');
  await api.profiles.setActive(SANDBOX_PROFILE_ID);
  return { api, admin: new EmulatorAdmin(`http://${endpoint}`) };
}
