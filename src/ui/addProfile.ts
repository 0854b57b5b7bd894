// "Add Profile…": name, AccessKey ID, secret (password box), optional endpoints, saved by VscodeProfileStore:
// the secret goes to SecretStorage only, never to settings or globalState. The same flow re-enters the secret
// of an existing VS Code profile ("Fix Profile…").
import * as vscode from 'vscode';
import { checkAccessKeyId, checkApiEndpoint, checkEndpointHost, checkEndpointSettings, checkProfileName, checkSecretValue, isLoopbackHost, parseHostPort } from '../model';
import { ProfileInputError } from '../profiles/vscodeProfiles';
import type { ProfileEndpoints } from '../profiles/types';
import type { InputPrompter } from './prompter';
import type { Session } from './session';

export interface ProfileFormDefaults {
  name?: string;
  accessKeyId?: string;
  endpoints?: ProfileEndpoints;
}

const TITLE = 'Global Accelerator: Add Profile';

/** Asks for a profile and saves it; returns its id, or undefined when the person cancelled. */
export async function addProfileFlow(session: Session, defaults: ProfileFormDefaults = {}): Promise<string | undefined> {
  await session.profiles.ready();
  const editing = defaults.name !== undefined;
  const taken = new Set(session.profiles.all().filter((p) => p.source === 'vscode').map((p) => p.name));
  const title = editing ? `Global Accelerator: Fix Profile ${defaults.name}` : TITLE;
  const ask = session.prompts.get();

  const name = editing
    ? defaults.name
    : await ask.input({
        title,
        prompt: 'A name for this profile (shown in the status bar and the explorer).',
        placeHolder: 'e.g. production',
        ignoreFocusOut: true,
        validateInput: (v) => checkProfileName(v) ?? (taken.has(v) ? `A VS Code profile named "${v}" exists already; choose another name.` : undefined),
      });
  if (name === undefined) return undefined;

  const accessKeyId = await ask.input({
    title,
    prompt: 'AccessKey ID of a RAM user allowed to use Global Accelerator (and Alibaba Cloud DNS for the records).',
    value: defaults.accessKeyId,
    placeHolder: 'LTAI…',
    ignoreFocusOut: true,
    validateInput: checkAccessKeyId,
  });
  if (accessKeyId === undefined) return undefined;

  const accessKeySecret = await ask.input({
    title,
    prompt: 'AccessKey secret. It is kept in VS Code\'s secret storage (the OS keychain), never in settings.',
    password: true,
    ignoreFocusOut: true,
    validateInput: (v) => checkSecretValue(v),
  });
  if (accessKeySecret === undefined) return undefined;

  const endpoints = await askEndpoints(ask, title, defaults.endpoints, session.trustedEndpointHosts());
  if (endpoints === undefined) return undefined;

  try {
    const profile = await session.vscodeProfiles.save({ name, accessKeyId, accessKeySecret, endpoints });
    await session.profiles.reload();
    await session.profiles.setActive(profile.id);
    void vscode.window.showInformationMessage(`Profile "${name}" ${editing ? 'updated' : 'added'}; it is now the active profile.`);
    return profile.id;
  } catch (e) {
    if (e instanceof ProfileInputError) {
      void vscode.window.showErrorMessage(e.message);
      return undefined;
    }
    throw e;
  }
}

/** `trusted`: the user setting gaIpv6.trustedEndpointHosts; other hosts than Alibaba Cloud's and loopback are refused. */
async function askEndpoints(ask: InputPrompter, title: string, current: ProfileEndpoints | undefined, trusted: readonly string[]): Promise<ProfileEndpoints | undefined> {
  const checkHost = (v: string, what: string) => checkApiEndpoint(v, what) ?? checkEndpointHost(v, what, trusted);
  const custom = current?.ga !== undefined || current?.dns !== undefined;
  const choice = await ask.pick(
    [
      { label: 'Alibaba Cloud endpoints', description: 'ga.cn-hangzhou.aliyuncs.com and alidns.aliyuncs.com over https', picked: !custom, custom: false },
      { label: 'Other endpoints…', description: 'e.g. a VPC endpoint, a local emulator, or a host trusted in gaIpv6.trustedEndpointHosts', picked: custom, custom: true },
    ],
    { title, placeHolder: 'Which API endpoints does this profile use?', ignoreFocusOut: true },
  );
  if (!choice) return undefined;
  if (!choice.custom) return {};
  const ga = await ask.input({ title, prompt: 'GA API endpoint (host[:port])', value: current?.ga ?? 'ga.cn-hangzhou.aliyuncs.com', ignoreFocusOut: true, validateInput: (v) => checkHost(v, 'GA endpoint') });
  if (ga === undefined) return undefined;
  const dns = await ask.input({ title, prompt: 'Alidns API endpoint (host[:port])', value: current?.dns ?? 'alidns.aliyuncs.com', ignoreFocusOut: true, validateInput: (v) => checkHost(v, 'Alidns endpoint') });
  if (dns === undefined) return undefined;
  const loopback = [ga, dns].every((h) => isLoopbackHost(parseHostPort(h)?.host ?? ''));
  // http is offered only where the rules allow it: both endpoints on this machine (an emulator).
  let protocol: ProfileEndpoints['protocol'] = 'https';
  if (loopback) {
    const protocols = [{ label: 'https', protocol: 'https' as const }, { label: 'http', protocol: 'http' as const }];
    const p = await ask.pick(protocols, { title, placeHolder: 'Protocol (http only for a local emulator)', ignoreFocusOut: true });
    if (p === undefined) return undefined;
    protocol = p.protocol;
  }
  const endpoints: ProfileEndpoints = { ga, dns, protocol };
  const problem = checkEndpointSettings(endpoints, trusted);
  if (problem) {
    void vscode.window.showErrorMessage(problem);
    return undefined;
  }
  return endpoints;
}
