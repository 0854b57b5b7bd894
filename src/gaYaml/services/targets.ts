// What a `to:` reference resolves to, in words, with the live address or CNAME when the active profile knows it.
import { parseRecordTarget, regionName } from '../../model';
import type { AcceleratorDraft } from '../draft';
import type { GaYamlFacts, LiveAccelerator } from '../facts';

const IPV6_CAPABLE = new Set(['IPv6', 'DUAL_STACK']);

/** The live accelerator a name refers to: by name, when exactly one live accelerator has it. */
export function liveAccelerator(name: string, facts: GaYamlFacts): LiveAccelerator | undefined {
  const matches = (facts.accelerators ?? []).filter((a) => a.name === name);
  return matches.length === 1 ? matches[0] : undefined;
}

export function describeTarget(to: string, type: string | undefined, accelerators: readonly AcceleratorDraft[], facts: GaYamlFacts): string {
  const { accelerator, area } = parseRecordTarget(to);
  const draft = accelerators.find((a) => a.name === accelerator);
  if (!draft) return `\`${to}\`: no accelerator ${accelerator} in this file.`;
  const live = liveAccelerator(accelerator, facts);
  if (type === 'CNAME') {
    const cname = live?.cname;
    return `\`${to}\`: the CNAME that GA allocated to ${accelerator}.${cname ? `\n\nLive: \`${cname}\`` : live ? '' : liveNote(facts, accelerator)}`;
  }
  const region = area ?? (draft.areas ?? []).filter((a) => IPV6_CAPABLE.has(a.ipVersion ?? '')).map((a) => a.region)[0];
  if (!region) return `\`${to}\`: ${accelerator} has no IPv6 acceleration area yet.`;
  const addresses = live?.areas.find((a) => a.region === region)?.addresses.filter((x) => x.includes(':')) ?? [];
  return `\`${to}\`: the IPv6 address GA allocated to ${accelerator}'s acceleration area ${regionName(region)} (${region}).${addresses.length ? `\n\nLive: ${addresses.map((x) => `\`${x}\``).join(', ')}` : live ? '\n\nLive: not allocated yet.' : liveNote(facts, accelerator)}`;
}

function liveNote(facts: GaYamlFacts, accelerator: string): string {
  if (facts.accelerators === undefined) return '';
  return `\n\nThe active profile has no accelerator named ${accelerator} yet: apply creates it.`;
}
