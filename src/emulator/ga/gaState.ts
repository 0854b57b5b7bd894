// The empty GA part of the emulator's state. The regions table starts from src/model/regions.ts: the seed's
// twelve IPv6 regions report SupportIpv6 = true, every other region false (ga-api.md §6.3).
import type { GaAccount, GaState } from '../state';
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

/** An account as Alibaba Cloud opens it: no whitelist features, pay-as-you-go GA activated. */
export function ordinaryAccount(): GaAccount {
  return { features: [], serviceStatus: 'Normal' };
}

export function emptyGaState(): GaState {
  return {
    account: ordinaryAccount(),
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
