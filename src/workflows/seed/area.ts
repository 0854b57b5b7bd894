// Seed step 2: add an acceleration area whose IPv6 clients reach the accelerator.
import { areaBandwidthProblems, areaBandwidthSumProblems, areaCountProblems, areaRegionProblems, problem, regionName, type Problem } from '../../model';
import { newRunId } from '../runIdentity';
import { runSteps, stepOperations } from './runSteps';
import { assertValid, type WorkflowStep } from '../step';

export interface AreaInput {
  acceleratorId: string;
  regionId: string;
  bandwidth: number;
  ipVersion: 'IPv4' | 'IPv6';
  /** From the instance: the plan's bandwidth, the areas it has and its spec, for the fit rules. */
  planBandwidth?: number;
  existingAreaBandwidths?: number[];
  spec?: string;
  /** From the instance: billed by data transfer (CDT), each area chooses its line (ga-api.md §2.14). */
  bandwidthBillingType?: string;
  /** The area's line, BGP or BGP_PRO (ListAvailableAccelerateAreas IspTypeList); required for CDT instances. */
  ispType?: 'BGP' | 'BGP_PRO';
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
    const out: Problem[] = [];
    if (!i.acceleratorId) out.push(problem('required', 'acceleratorId', 'Choose the GA instance.'));
    if (!i.regionId) out.push(problem('required', 'regionId', 'Choose the region where your IPv6 users are.'));
    else out.push(...areaRegionProblems(i.regionId, i.ipVersion, facts?.ipv6Regions, 'regionId'));
    if (i.bandwidth === undefined) out.push(problem('required', 'bandwidth', 'Allocate bandwidth to the area (at least 2 Mbit/s).'));
    else {
      const own = areaBandwidthProblems(i.bandwidth, 'bandwidth');
      out.push(...own);
      if (own.length === 0 && i.planBandwidth !== undefined) out.push(...areaBandwidthSumProblems([...existing, i.bandwidth], i.planBandwidth, 'bandwidth'));
    }
    if (i.spec) out.push(...areaCountProblems(i.spec, existing.length + 1, 'spec'));
    if (i.bandwidthBillingType === 'CDT' && !i.ispType) {
      out.push(problem('ispType', 'ispType', 'An instance billed by data transfer needs the line of the area: BGP, or BGP_PRO where the region offers it.', { kind: 'setValue', title: 'Use BGP', value: 'BGP' }));
    }
    // An unknown region is a warning (our list may be older than the account's): warnings() reports it.
    return out.filter((p) => p.severity === 'error');
  },

  warnings(i, facts) {
    return i.regionId ? areaRegionProblems(i.regionId, i.ipVersion, facts?.ipv6Regions, 'regionId').filter((p) => p.severity !== 'error') : [];
  },

  async execute(i, ctx) {
    assertValid(areaStep, i);
    const ref = `area:${i.acceleratorId}/${i.regionId}`;
    const ops = stepOperations(i.acceleratorId, [
      {
        id: `${i.acceleratorId}:createArea:${i.regionId}`,
        title: `Adding ${regionName(i.regionId)} (${i.ipVersion})`,
        address: `areas.${i.regionId}`,
        type: 'createArea',
        produces: ref,
        accelerator: { id: i.acceleratorId },
        region: i.regionId,
        ipVersion: i.ipVersion,
        bandwidth: i.bandwidth,
        ...(i.ispType ? { ispType: i.ispType } : {}),
      },
    ]);
    const report = await runSteps(ops, ctx, ctx.runId ?? newRunId());
    const area = report.results.get(ref);
    return { ipSetId: area?.id ?? '', regionId: i.regionId, addresses: area?.addresses ?? [] };
  },
};
