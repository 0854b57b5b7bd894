// Seed step 2: add an acceleration area whose IPv6 clients reach the accelerator.
import { checkAreaBandwidthFits, checkAreaCount, checkIpSetBandwidth, checkIpv6Region, regionName } from '../../model';
import { assertValid, problems, type WorkflowStep } from '../step';

export interface AreaInput {
  acceleratorId: string;
  regionId: string;
  bandwidth: number;
  ipVersion: 'IPv4' | 'IPv6';
  /** From the instance: the plan's bandwidth, the areas it has and its spec, for the fit rules. */
  planBandwidth?: number;
  existingAreaBandwidths?: number[];
  spec?: string;
}

export interface AreaOutput {
  ipSetId: string;
  regionId: string;
  addresses: string[];
}

export const areaStep: WorkflowStep<AreaInput, AreaOutput> = {
  id: 'area',
  title: 'Add an IPv6 acceleration area',

  validate(i, facts) {
    const existing = i.existingAreaBandwidths ?? [];
    return problems({
      acceleratorId: i.acceleratorId ? undefined : 'Choose the GA instance.',
      regionId: !i.regionId ? 'Choose the region where your IPv6 users are.' : i.ipVersion === 'IPv6' ? checkIpv6Region(i.regionId, facts?.ipv6Regions) : undefined,
      bandwidth:
        i.bandwidth === undefined
          ? 'Allocate bandwidth to the area (at least 2 Mbit/s).'
          : (checkIpSetBandwidth(i.bandwidth) ?? (i.planBandwidth !== undefined ? checkAreaBandwidthFits([...existing, i.bandwidth], i.planBandwidth) : undefined)),
      spec: i.spec ? checkAreaCount(i.spec, existing.length + 1) : undefined,
    });
  },

  async execute(i, ctx) {
    assertValid(areaStep, i);
    ctx.onProgress?.(`Adding ${regionName(i.regionId)} (${i.ipVersion})…`);
    const [created] = await ctx.ga.createIpSets(
      { acceleratorId: i.acceleratorId, accelerateRegion: [{ accelerateRegionId: i.regionId, bandwidth: i.bandwidth, ipVersion: i.ipVersion }] },
      { signal: ctx.signal, onProgress: (p) => ctx.onProgress?.('Waiting for the acceleration area', p) },
    );
    return { ipSetId: created.id, regionId: i.regionId, addresses: created.resource?.ipAddressList ?? [] };
  },
};
