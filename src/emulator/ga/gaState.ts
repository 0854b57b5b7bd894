// The empty GA part of the emulator's state. The regions table starts from src/model/regions.ts: the seed's
// twelve IPv6 regions report SupportIpv6 = true, every other region false (ga-api.md §6.3).
import type { GaState } from '../state';
import { KNOWN_REGIONS, SEED_IPV6_REGIONS } from '../../model';

/** Hong Kong is where the service offers BGP (Multi-ISP) Pro lines; elsewhere BGP only. */
const BGP_PRO_REGIONS: readonly string[] = ['cn-hongkong'];

export function defaultRegions(): GaState['regions'] {
  return KNOWN_REGIONS.map((r) => ({
    RegionId: r.regionId,
    LocalName: r.name,
    AreaId: r.areaId,
    AreaName: r.areaName,
    ChinaMainland: r.chinaMainland,
    SupportIpv6: SEED_IPV6_REGIONS.includes(r.regionId),
    IspTypeList: BGP_PRO_REGIONS.includes(r.regionId) ? ['BGP', 'BGP_PRO'] : ['BGP'],
  }));
}

export function emptyGaState(): GaState {
  return {
    accelerators: {},
    bandwidthPackages: {},
    ipSets: {},
    listeners: {},
    endpointGroups: {},
    clientTokens: {},
    regions: defaultRegions(),
    counters: {},
  };
}
