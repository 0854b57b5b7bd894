// A fresh account: no resources, but the service's own catalogue (acceleration regions with their IPv6 flag) in
// place, so ListAvailableAccelerateAreas answers like the real service from the first request.
import { KNOWN_REGIONS, SEED_IPV6_REGIONS } from '../model';
import type { EmulatorState, GaState } from './state';

export function defaultRegions(): GaState['regions'] {
  return KNOWN_REGIONS.map((r) => ({
    RegionId: r.regionId,
    LocalName: r.name,
    AreaId: r.areaId,
    AreaName: r.areaName,
    ChinaMainland: r.chinaMainland,
    SupportIpv6: SEED_IPV6_REGIONS.includes(r.regionId),
    IspTypeList: r.chinaMainland ? ['BGP'] : ['BGP', 'BGP_PRO'],
  }));
}

export function createEmptyState(): EmulatorState {
  return {
    version: 1,
    ga: {
      accelerators: {},
      bandwidthPackages: {},
      ipSets: {},
      listeners: {},
      endpointGroups: {},
      clientTokens: {},
      regions: defaultRegions(),
      counters: {},
    },
    dns: { zones: {}, counters: {} },
  };
}
