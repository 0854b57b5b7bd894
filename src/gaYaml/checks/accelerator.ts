// The rules of one accelerator of a ga.yaml (everything under `accelerators.<name>`): names, specification,
// billing, bandwidth plan, areas, listeners, ports, endpoint groups and endpoints. Each rule comes from
// src/model (ruleProblems.ts), so the file reports it with the code and words a form or a step would use.
import {
  areaBandwidthProblems,
  areaBandwidthSumProblems,
  areaIspTypeProblems,
  areaCountProblems,
  areaRegionProblems,
  backendRegionProblems,
  basicBandwidthProblems,
  checkOfferedPurchase,
  childPath,
  endpointAddressProblems,
  endpointCountProblems,
  listenerConflictProblems,
  nameProblems,
  planBandwidthProblems,
  portRangeProblems,
  problem,
  specProblems,
  termProblems,
  weightProblems,
  type OtherListener,
  type PortRange,
  type Problem,
} from '../../model';
import { isCompleteRange, type AcceleratorDraft, type EndpointGroupDraft, type ListenerDraft } from '../draft';
import type { GaYamlFacts } from '../facts';
import { BANDWIDTH_PLAN_SHAPE, type ObjectShape } from '../shape';

const ID_PATTERN = /^ga-[a-z0-9]+$/;

export function acceleratorProblems(a: AcceleratorDraft, facts: GaYamlFacts): Problem[] {
  const name = a.name ?? '';
  const base = childPath('accelerators', name);
  const at = (...segments: (string | number)[]) => childPath(base, ...segments);
  const out: Problem[] = [...nameProblems('accelerator', name, base)];
  if (a.id !== undefined && !ID_PATTERN.test(a.id)) {
    out.push(problem('acceleratorId', at('id'), `"${a.id}" is not an instance ID: they look like ga-bp1example (ga- and lower-case letters and digits), as the console and ga-ipv6 export show them.`));
  }
  if (a.spec !== undefined) out.push(...specProblems(a.spec, at('spec')));
  out.push(...billingProblems(a, at));
  if (a.term && a.billing === 'subscription' && a.term.cycle !== undefined && a.term.duration !== undefined) {
    out.push(...termProblems(a.term.cycle, a.term.duration, { cycle: at('term', 'cycle'), duration: at('term', 'duration') }));
  }
  if (a.bandwidthPlan?.bandwidth !== undefined) out.push(...planBandwidthProblems(a.bandwidthPlan.bandwidth, at('bandwidthPlan', 'bandwidth')));
  if (a.bandwidthPlan?.bandwidthType !== undefined) {
    // Every endpoint a ga.yaml can name is a custom IP, which is how backends outside Alibaba Cloud are reached.
    out.push(...basicBandwidthProblems(a.bandwidthPlan.bandwidthType, false, at('bandwidthPlan', 'bandwidthType')));
  }
  out.push(...areaProblems(a, facts, at));
  const earlier: OtherListener[] = [];
  for (const l of a.listeners ?? []) {
    out.push(...listenerProblems(l, earlier, facts, at('listeners', l.name ?? '')));
    const ranges = (l.ports ?? []).filter(isCompleteRange);
    if (l.protocol) earlier.push({ name: l.name, protocol: l.protocol, portRanges: ranges });
  }
  return out;
}

function billingProblems(a: AcceleratorDraft, at: (...s: string[]) => string): Problem[] {
  const out: Problem[] = [];
  if (a.billing === 'subscription') {
    if (a.spec === undefined) {
      out.push(problem('required', at('spec'), 'A subscription instance needs spec: the instance specification, e.g. "1" (Small I).', { kind: 'addKey', title: 'Add spec: "1" (Small I)', key: 'spec', value: '1' }));
    }
    if (!a.term) {
      out.push(problem('billing', at('term'), 'A subscription is bought for a term: add term, e.g. { cycle: Month, duration: 1 }.', { kind: 'addKey', title: 'Add term: 1 month', key: 'term', value: { cycle: 'Month', duration: 1, autoRenew: false } }));
    }
    if (!a.bandwidthPlan) {
      out.push(problem('billing', at('bandwidthPlan'), 'A subscription instance carries traffic on a basic bandwidth plan: add bandwidthPlan, e.g. { bandwidthType: Enhanced, bandwidth: 2 }.', { kind: 'addKey', title: 'Add bandwidthPlan: Enhanced, 2 Mbit/s', key: 'bandwidthPlan', value: exampleOf(BANDWIDTH_PLAN_SHAPE) }));
    }
  }
  if (a.billing === 'payAsYouGo' && a.term) {
    out.push(problem('billing', at('term'), 'A pay-as-you-go instance is billed as it is used and has no term: remove term, or use billing: subscription.', { kind: 'removeKey', title: 'Remove term' }));
  }
  if (a.billing === 'payAsYouGo' && a.bandwidthPlan) {
    // The purchase step's own words: a pay-as-you-go plan is not something an ordinary account can buy.
    out.push(problem('billing', at('bandwidthPlan'), checkOfferedPurchase('POSTPAY', 'BandwidthPackage') ?? '', { kind: 'removeKey', title: 'Remove bandwidthPlan (billed by data transfer)' }));
  }
  return out;
}

function exampleOf(shape: ObjectShape): Record<string, unknown> {
  return Object.fromEntries([...shape.fields.values()].filter((f) => f.required).map((f) => [f.key, f.example]));
}

function areaProblems(a: AcceleratorDraft, facts: GaYamlFacts, at: (...s: (string | number)[]) => string): Problem[] {
  const out: Problem[] = [];
  const areas = a.areas ?? [];
  const hasPlan = a.bandwidthPlan !== undefined;
  for (const area of areas) {
    const region = area.region ?? '';
    const here = (...s: string[]) => at('areas', region, ...s);
    out.push(...areaRegionProblems(region, area.ipVersion, facts.liveRegions, here()));
    if (area.ipVersion === 'DUAL_STACK' && a.billing === 'subscription') {
      out.push(problem('dualStack', here('ipVersion'), 'DUAL_STACK areas are for pay-as-you-go instances only; a subscription instance takes IPv4 or IPv6 per area.', { kind: 'setValue', title: 'Use IPv6', value: 'IPv6' }));
    }
    if (area.bandwidth !== undefined) out.push(...areaBandwidthProblems(area.bandwidth, here('bandwidth')));
    else if (hasPlan) {
      out.push(problem('billing', here('bandwidth'), `An instance with a bandwidth plan gives each area its share: add bandwidth (at least 2 Mbit/s) to ${region}.`, { kind: 'addKey', title: 'Add bandwidth: 2', key: 'bandwidth', value: 2 }));
    }
    if (area.ispType !== undefined) out.push(...areaIspTypeProblems(area.ispType, region, { hasPlan, live: facts.liveRegions }, here('ispType')));
  }
  const bandwidths = areas.map((r) => r.bandwidth);
  if (a.bandwidthPlan?.bandwidth !== undefined && bandwidths.every((b): b is number => typeof b === 'number' && Number.isInteger(b) && b >= 2)) {
    out.push(...areaBandwidthSumProblems(bandwidths, a.bandwidthPlan.bandwidth, at('areas')));
  }
  if (a.spec !== undefined) out.push(...areaCountProblems(a.spec, areas.length, at('spec')));
  return out;
}

function listenerProblems(l: ListenerDraft, earlier: readonly OtherListener[], facts: GaYamlFacts, base: string): Problem[] {
  const out: Problem[] = [...nameProblems('listener', l.name ?? '', base)];
  const ports = l.ports ?? [];
  // Entries that were not ports at all were reported by the parser; the rules run on the others, at their own index.
  const index: number[] = [];
  const ranges: PortRange[] = [];
  ports.forEach((r, i) => {
    if (isCompleteRange(r)) {
      index.push(i);
      ranges.push(r);
    }
  });
  const entry = (i: number) => childPath(base, 'ports', index[i]);
  if (l.protocol && l.ports !== undefined && (ranges.length > 0 || ports.length === 0)) {
    const own = portRangeProblems(ranges, l.protocol, childPath(base, 'ports'), entry);
    out.push(...own);
    if (own.length === 0) out.push(...listenerConflictProblems(ranges, l.protocol, earlier, childPath(base, 'ports'), entry));
  }
  const groups = l.endpointGroups ?? [];
  const seen = new Set<string>();
  groups.forEach((g, i) => {
    const gPath = childPath(base, 'endpointGroups', i);
    const id = `${g.name ?? ''}\u0000${g.region ?? ''}`;
    if (g.name !== undefined && g.region !== undefined && seen.has(id)) {
      out.push(problem('duplicateEntry', gPath, `This listener already has an endpoint group ${g.name} in ${g.region}; endpoint groups are told apart by name and region.`));
    }
    seen.add(id);
    out.push(...groupProblems(g, facts, gPath));
  });
  return out;
}

function groupProblems(g: EndpointGroupDraft, facts: GaYamlFacts, base: string): Problem[] {
  const out: Problem[] = [];
  if (g.name !== undefined) out.push(...nameProblems('endpointGroup', g.name, childPath(base, 'name')));
  if (g.region !== undefined) out.push(...backendRegionProblems(g.region, facts.liveRegions, childPath(base, 'region')));
  if (g.endpoints === undefined) return out;
  out.push(...endpointCountProblems(g.endpoints.length, childPath(base, 'endpoints')));
  const ips = new Set<string>();
  g.endpoints.forEach((e, i) => {
    const at = (key: string) => childPath(base, 'endpoints', i, key);
    if (e.ip !== undefined) {
      if (ips.has(e.ip)) out.push(problem('duplicateEntry', at('ip'), `${e.ip} is already an endpoint of this group; endpoints are told apart by ip, so list each once.`));
      ips.add(e.ip);
      out.push(...endpointAddressProblems(e.ip, facts.sandbox === true, at('ip')));
    }
    if (e.weight !== undefined) out.push(...weightProblems(e.weight, at('weight')));
  });
  return out;
}
