// The console's Purchase Guide: from what the person knows about the service (where the clients are, where the
// servers are, ICP filing, peak bandwidth, concurrent connections) to a recommended Specification, Bandwidth
// Type and Peak Bandwidth. The capacities are the spec table of ga-api.md §6.2 (the first six specs; the docs
// give none for larger ones, so the guide never guesses them).
import { MAX_PLAN_BANDWIDTH, MIN_PLAN_BANDWIDTH, problem, regionName, SPECS, type BandwidthType, type Problem } from '../../model';
import { parseWholeNumber, type Choice } from './fields';
import type { RegionOption } from './choices';

export interface GuideValues {
  /** Where the clients are (the region that requires acceleration). */
  accelerationArea: string;
  /** Where the backend servers are. */
  serviceRegion: string;
  /** `yes` or `no`. */
  icpFiling: string;
  /** `offAlibabaCloud` or `onAlibabaCloud`. */
  serverArea: string;
  /** Mbit/s at peak, as typed. */
  peakBandwidthRange: string;
  /** One of CONNECTION_CHOICES. */
  maxConnections: string;
}

/** One row of the capacity table: what a specification carries at most. */
export interface SpecCapacity {
  spec: string;
  name: string;
  regions: number;
  bandwidthMbps: number;
  connections: number;
}

/** ga-api.md §6.2: `1` → 1 region, 20 Mbps, 5 000 connections; … `10` → 10, 200, 50 000. */
export const SPEC_CAPACITY_TABLE: readonly SpecCapacity[] = SPECS.flatMap((s) =>
  s.regions !== undefined && s.bandwidthMbps !== undefined && s.connections !== undefined
    ? [{ spec: s.spec, name: s.name, regions: s.regions, bandwidthMbps: s.bandwidthMbps, connections: s.connections }]
    : [],
);

export const CONNECTION_CHOICES: readonly Choice[] = SPEC_CAPACITY_TABLE.map((row) => ({
  value: String(row.connections),
  label: `${row.connections / 1000} Thousand`,
}));

/** The seed's example: Beijing clients, Beijing servers off Alibaba Cloud, ICP filed, 2 Mbit/s, 5 thousand connections. */
export const GUIDE_DEFAULTS: GuideValues = {
  accelerationArea: 'cn-beijing',
  serviceRegion: 'cn-beijing',
  icpFiling: 'yes',
  serverArea: 'offAlibabaCloud',
  peakBandwidthRange: '2',
  maxConnections: '5000',
};

export interface Recommendation {
  spec: string;
  specName: string;
  bandwidthType: BandwidthType;
  /** Mbit/s of the basic bandwidth plan. */
  peakBandwidth: number;
  /** The acceleration area to add: the one asked for, or China (Hong Kong) for mainland clients without ICP filing. */
  accelerationArea: string;
  /** Where the endpoint group goes. */
  serviceRegion: string;
  /** Why each value was chosen (and what to check), one sentence each. */
  reasons: string[];
}

export type GuideResult = { ok: true; recommendation: Recommendation } | { ok: false; problems: Problem[] };

/** The guide's own fields checked; paths are `guide.<field>`. */
export function validateGuide(g: GuideValues, regions: readonly RegionOption[]): Problem[] {
  const out: Problem[] = [];
  const known = (id: string) => regions.some((r) => r.regionId === id);
  if (!known(g.accelerationArea)) out.push(problem('required', 'guide.accelerationArea', 'Choose the region whose clients need acceleration.'));
  if (!known(g.serviceRegion)) out.push(problem('required', 'guide.serviceRegion', 'Choose the region where the backend servers are.'));
  if (g.icpFiling !== 'yes' && g.icpFiling !== 'no') out.push(problem('enum', 'guide.icpFiling', 'ICP Filing is Yes or No.'));
  if (g.serverArea !== 'onAlibabaCloud' && g.serverArea !== 'offAlibabaCloud') out.push(problem('enum', 'guide.serverArea', 'Server Area is On Alibaba Cloud or Off Alibaba Cloud.'));
  const peak = parseWholeNumber(g.peakBandwidthRange);
  if (peak === undefined || peak < 1 || peak > MAX_PLAN_BANDWIDTH) {
    out.push(problem('planBandwidth', 'guide.peakBandwidthRange', `Peak Bandwidth Range is the bandwidth needed at peak hours: a whole number of Mbit/s from 1 to ${MAX_PLAN_BANDWIDTH}.`));
  }
  if (!CONNECTION_CHOICES.some((c) => c.value === g.maxConnections)) {
    out.push(problem('enum', 'guide.maxConnections', `Choose the maximum number of concurrent connections: ${CONNECTION_CHOICES.map((c) => c.label).join(', ')}.`));
  }
  return out;
}

/** "Generate Service List": the smallest specification that carries the load, and the plan that fits the route. */
export function recommendServices(g: GuideValues, regions: readonly RegionOption[]): GuideResult {
  const problems = validateGuide(g, regions);
  if (problems.length > 0) return { ok: false, problems };
  const typed = parseWholeNumber(g.peakBandwidthRange) ?? MIN_PLAN_BANDWIDTH;
  const peak = Math.max(MIN_PLAN_BANDWIDTH, typed);
  const connections = Number(g.maxConnections);
  const reasons: string[] = [];
  const mainland = (id: string) => regions.find((r) => r.regionId === id)?.chinaMainland ?? false;
  const fmt = (n: number) => n.toLocaleString('en-US');

  let area = g.accelerationArea;
  if (mainland(area) && g.icpFiling === 'no') {
    area = 'cn-hongkong';
    reasons.push(`Acceleration area China (Hong Kong): clients in ${regionName(g.accelerationArea)} can be served only for a domain name with an ICP filing, and Hong Kong serves the Chinese mainland without one.`);
  }

  const row = SPEC_CAPACITY_TABLE.find((r) => r.bandwidthMbps >= peak && r.connections >= connections);
  const largest = SPEC_CAPACITY_TABLE[SPEC_CAPACITY_TABLE.length - 1];
  const chosen = row ?? largest;
  reasons.push(row
    ? `Specification ${row.name}: the smallest that carries ${fmt(peak)} Mbit/s and ${fmt(connections)} concurrent connections (it carries up to ${fmt(row.bandwidthMbps)} Mbit/s, ${fmt(row.connections)} connections, ${row.regions} region${row.regions === 1 ? '' : 's'}).`
    : `Specification ${largest.name}: ${fmt(peak)} Mbit/s is beyond every specification whose capacity is documented (${largest.name} carries ${fmt(largest.bandwidthMbps)} Mbit/s); check a larger one with Alibaba Cloud before buying.`);

  const clientsInMainland = mainland(area);
  const onAlibaba = g.serverArea === 'onAlibabaCloud';
  let bandwidthType: BandwidthType;
  if (!clientsInMainland) {
    bandwidthType = 'Advanced';
    reasons.push(`Bandwidth Type Advanced: the clients are outside the Chinese mainland (${regionName(area)}).`);
  } else if (onAlibaba && mainland(g.serviceRegion)) {
    bandwidthType = 'Basic';
    reasons.push('Bandwidth Type Basic: clients and servers are in the Chinese mainland, and the servers are on Alibaba Cloud.');
  } else {
    bandwidthType = 'Enhanced';
    reasons.push(onAlibaba
      ? `Bandwidth Type Enhanced: the servers are outside the Chinese mainland (${regionName(g.serviceRegion)}).`
      : 'Bandwidth Type Enhanced: the servers are off Alibaba Cloud, which a Basic plan does not reach.');
  }
  reasons.push(`Peak Bandwidth ${fmt(peak)} Mbit/s: the peak you expect${peak !== typed ? ` (a plan has at least ${MIN_PLAN_BANDWIDTH} Mbit/s)` : ''}.`);

  return { ok: true, recommendation: { spec: chosen.spec, specName: chosen.name, bandwidthType, peakBandwidth: peak, accelerationArea: area, serviceRegion: g.serviceRegion, reasons } };
}
