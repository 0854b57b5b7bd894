// "Add Profile…": name, AccessKey ID, secret (password box), optional endpoints, each question showing its step,
// saved by VscodeProfileStore: the secret goes to SecretStorage only, never to settings or globalState. The new
// profile becomes active only once one read call shows it works (verifyProfile.ts). "Fix Profile…" reuses the
// questions it needs.
import * as vscode from 'vscode';
import { checkAccessKeyId, checkApiEndpoint, checkEndpointHost, checkEndpointSettings, checkProfileName, checkSecretValue, isLoopbackHost, parseHostPort } from '../model';
import { ProfileInputError } from '../profiles/vscodeProfiles';
import type { ProfileEndpoints } from '../profiles/types';
import type { InputPrompter, StepOptions } from './prompter';
import type { Session } from './session';
import { activateIfWorking } from './verifyProfile';

const TITLE = 'Global Accelerator: Add Profile';
/** Name, AccessKey ID, secret, endpoints; other endpoints add two or three more. */
const BASE_STEPS = 4;

/** Asks for a profile, saves it, and makes it active once one read call shows it works; returns its id, or undefined when the person cancelled. */
export async function addProfileFlow(session: Session): Promise<string | undefined> {
  await session.profiles.ready();
  const taken = new Set(session.profiles.all().filter((p) => p.source === 'vscode').map((p) => p.name));
  const ask = session.prompts.get();
  const title = TITLE;

  const name = await ask.input({
    title,
    step: 1,
    totalSteps: BASE_STEPS,
    prompt: 'A name for this profile (shown in the status bar and the explorer).',
    placeHolder: 'e.g. production',
    ignoreFocusOut: true,
    validateInput: (v) => checkProfileName(v) ?? (taken.has(v) ? `A VS Code profile named "${v}" exists already; choose another name.` : undefined),
  });
  if (name === undefined) return undefined;
  const accessKeyId = await askAccessKeyId(ask, title, undefined, { step: 2, totalSteps: BASE_STEPS });
  if (accessKeyId === undefined) return undefined;
  const accessKeySecret = await askSecret(ask, title, { step: 3, totalSteps: BASE_STEPS });
  if (accessKeySecret === undefined) return undefined;
  const endpoints = await askEndpoints(ask, title, 4, session.trustedEndpointHosts());
  if (endpoints === undefined) return undefined;
  return saveAndActivate(session, { name, accessKeyId, accessKeySecret, endpoints }, 'added');
}

/** Saves the profile and makes it active if one read call works (else the previous one stays active). */
export async function saveAndActivate(session: Session, input: { name: string; accessKeyId: string; accessKeySecret: string; endpoints: ProfileEndpoints }, what: 'added' | 'updated'): Promise<string | undefined> {
  try {
    const profile = await session.vscodeProfiles.save(input);
    await session.profiles.reload();
    await activateIfWorking(session, profile.id, what);
    return profile.id;
  } catch (e) {
    if (e instanceof ProfileInputError) {
      void vscode.window.showErrorMessage(e.message);
      return undefined;
    }
    throw e;
  }
}

export function askAccessKeyId(ask: InputPrompter, title: string, current: string | undefined, step: StepOptions): Promise<string | undefined> {
  return ask.input({
    title,
    ...step,
    prompt: 'AccessKey ID of a RAM user allowed to use Global Accelerator (and Alibaba Cloud DNS for the records).',
    value: current,
    placeHolder: 'LTAI…',
    ignoreFocusOut: true,
    validateInput: checkAccessKeyId,
  });
}

export function askSecret(ask: InputPrompter, title: string, step: StepOptions, why = ''): Promise<string | undefined> {
  return ask.input({
    title,
    ...step,
    prompt: `${why}AccessKey secret. It is kept in VS Code's secret storage (the OS keychain), never in settings.`,
    password: true,
    ignoreFocusOut: true,
    validateInput: (v) => checkSecretValue(v),
  });
}

/** `trusted`: the user setting gaIpv6.trustedEndpointHosts; other hosts than Alibaba Cloud's and loopback are refused. */
async function askEndpoints(ask: InputPrompter, title: string, step: number, trusted: readonly string[]): Promise<ProfileEndpoints | undefined> {
  const checkHost = (v: string, what: string) => checkApiEndpoint(v, what) ?? checkEndpointHost(v, what, trusted);
  const choice = await ask.pick(
    [
      { label: 'Alibaba Cloud endpoints', description: 'ga.cn-hangzhou.aliyuncs.com and alidns.aliyuncs.com over https', picked: true, custom: false },
      { label: 'Other endpoints…', description: 'e.g. a VPC endpoint, a local emulator, or a host trusted in gaIpv6.trustedEndpointHosts', custom: true },
    ],
    { title, step, totalSteps: BASE_STEPS, placeHolder: 'Which API endpoints does this profile use?', ignoreFocusOut: true },
  );
  if (!choice) return undefined;
  if (!choice.custom) return {};
  const total = step + 2;
  const ga = await ask.input({ title, step: step + 1, totalSteps: total, prompt: 'GA API endpoint (host[:port])', value: 'ga.cn-hangzhou.aliyuncs.com', ignoreFocusOut: true, validateInput: (v) => checkHost(v, 'GA endpoint') });
  if (ga === undefined) return undefined;
  const dns = await ask.input({ title, step: step + 2, totalSteps: total, prompt: 'Alidns API endpoint (host[:port])', value: 'alidns.aliyuncs.com', ignoreFocusOut: true, validateInput: (v) => checkHost(v, 'Alidns endpoint') });
  if (dns === undefined) return undefined;
  const loopback = [ga, dns].every((h) => isLoopbackHost(parseHostPort(h)?.host ?? ''));
  // http is offered only where the rules allow it: both endpoints on this machine (an emulator).
  let protocol: ProfileEndpoints['protocol'] = 'https';
  if (loopback) {
    const protocols = [{ label: 'https', protocol: 'https' as const }, { label: 'http', protocol: 'http' as const }];
    const p = await ask.pick(protocols, { title, step: step + 3, totalSteps: step + 3, placeHolder: 'Protocol (http only for a local emulator)', ignoreFocusOut: true });
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
