// Where acceleration areas and endpoint groups may be: ListAvailableAccelerateAreas (with the SupportIpv6 flag
// that decides IPv6 areas), ListAvailableBusiRegions and ListCommonAreas, all answered from state.ga.regions.
import { ApiError, type ActionHandler } from '../api';
import type { GaState } from '../state';
import { checkIpv6Region } from '../../model';
import { optString } from './params';
import { requireAccelerator } from './guards';

type RegionRow = GaState['regions'][number];

function findRegion(ga: GaState, regionId: string): RegionRow | undefined {
  return ga.regions.find((r) => r.RegionId === regionId);
}

/** A region GA offers, or NotExist.BusinessRegion. */
export function requireRegion(ga: GaState, regionId: string, what: string): RegionRow {
  const region = findRegion(ga, regionId);
  if (!region) {
    throw new ApiError(
      'NotExist.BusinessRegion',
      `${what} ${regionId} is not a region GA offers; ListAvailableAccelerateAreas lists the valid ones (e.g. ${ga.regions.slice(0, 3).map((r) => r.RegionId).join(', ')}).`,
    );
  }
  return region;
}

/** IPv6 areas only where the region reports SupportIpv6 (the same rule clients apply, fed with this account's flags). */
export function ipv6RegionProblem(ga: GaState, regionId: string): string | undefined {
  return checkIpv6Region(regionId, ga.regions.map((r) => ({ regionId: r.RegionId, supportIpv6: r.SupportIpv6 })));
}

function groupByArea<T>(rows: readonly RegionRow[], item: (r: RegionRow) => T): { AreaId: string; LocalName: string; RegionList: T[] }[] {
  const areas = new Map<string, { AreaId: string; LocalName: string; RegionList: T[] }>();
  for (const r of rows) {
    const area = areas.get(r.AreaId) ?? { AreaId: r.AreaId, LocalName: r.AreaName, RegionList: [] };
    area.RegionList.push(item(r));
    areas.set(r.AreaId, area);
  }
  return [...areas.values()];
}

export const listAvailableAccelerateAreas: ActionHandler = (params, _ctx, state) => {
  const acceleratorId = optString(params, 'AcceleratorId');
  if (acceleratorId) requireAccelerator(state.ga, acceleratorId);
  return {
    Areas: groupByArea(state.ga.regions, (r) => ({
      RegionId: r.RegionId,
      LocalName: r.LocalName,
      ChinaMainland: r.ChinaMainland,
      SupportIpv6: r.SupportIpv6,
      MultiAz: false,
      IspTypeList: [...r.IspTypeList],
    })),
  };
};

export const listAvailableBusiRegions: ActionHandler = (params, _ctx, state) => {
  const acceleratorId = optString(params, 'AcceleratorId');
  if (acceleratorId) requireAccelerator(state.ga, acceleratorId);
  return {
    Regions: state.ga.regions.map((r) => ({ RegionId: r.RegionId, LocalName: r.LocalName, ChinaMainland: r.ChinaMainland, Pop: false })),
  };
};

export const listCommonAreas: ActionHandler = (params, _ctx, state) => {
  // Every emulated region serves both as an acceleration area and as an endpoint group region, so IsIpSet and
  // IsEpg narrow nothing; only the IP version does.
  const ipv6 = optString(params, 'IpVersion') === 'IPv6';
  const rows = state.ga.regions.filter((r) => !ipv6 || r.SupportIpv6);
  return { Areas: groupByArea(rows, (r) => ({ RegionId: r.RegionId, LocalName: r.LocalName })) };
};
