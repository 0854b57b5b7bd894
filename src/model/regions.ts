// Acceleration regions. The seed walk-through names twelve regions whose IPv6 clients can reach GA; the live
// ListAvailableAccelerateAreas flag SupportIpv6 overrides this list whenever we have it (ga-api.md §6.3).

export interface RegionInfo {
  regionId: string;
  name: string;
  areaId: string;
  areaName: string;
  chinaMainland: boolean;
}

export const KNOWN_REGIONS: readonly RegionInfo[] = [
  { regionId: 'cn-qingdao', name: 'China (Qingdao)', areaId: 'cn-huabei', areaName: 'China North', chinaMainland: true },
  { regionId: 'cn-beijing', name: 'China (Beijing)', areaId: 'cn-huabei', areaName: 'China North', chinaMainland: true },
  { regionId: 'cn-zhangjiakou', name: 'China (Zhangjiakou)', areaId: 'cn-huabei', areaName: 'China North', chinaMainland: true },
  { regionId: 'cn-hangzhou', name: 'China (Hangzhou)', areaId: 'cn-huadong', areaName: 'China East', chinaMainland: true },
  { regionId: 'cn-shanghai', name: 'China (Shanghai)', areaId: 'cn-huadong', areaName: 'China East', chinaMainland: true },
  { regionId: 'cn-shenzhen', name: 'China (Shenzhen)', areaId: 'cn-huanan', areaName: 'China South', chinaMainland: true },
  { regionId: 'cn-heyuan', name: 'China (Heyuan)', areaId: 'cn-huanan', areaName: 'China South', chinaMainland: true },
  { regionId: 'cn-guangzhou', name: 'China (Guangzhou)', areaId: 'cn-huanan', areaName: 'China South', chinaMainland: true },
  { regionId: 'cn-chengdu', name: 'China (Chengdu)', areaId: 'cn-xinan', areaName: 'China Southwest', chinaMainland: true },
  { regionId: 'cn-hongkong', name: 'China (Hong Kong)', areaId: 'asia-pacific', areaName: 'Asia Pacific', chinaMainland: false },
  { regionId: 'ap-southeast-1', name: 'Singapore (Singapore)', areaId: 'asia-pacific', areaName: 'Asia Pacific', chinaMainland: false },
  { regionId: 'ap-northeast-1', name: 'Japan (Tokyo)', areaId: 'asia-pacific', areaName: 'Asia Pacific', chinaMainland: false },
  { regionId: 'us-east-1', name: 'US (Virginia)', areaId: 'north-america', areaName: 'North America', chinaMainland: false },
  { regionId: 'us-west-1', name: 'US (Silicon Valley)', areaId: 'north-america', areaName: 'North America', chinaMainland: false },
  { regionId: 'eu-central-1', name: 'Germany (Frankfurt)', areaId: 'europe', areaName: 'Europe', chinaMainland: false },
  { regionId: 'eu-west-1', name: 'UK (London)', areaId: 'europe', areaName: 'Europe', chinaMainland: false },
];

/** The seed's twelve regions whose IPv6 clients can connect to GA. */
export const SEED_IPV6_REGIONS: readonly string[] = [
  'cn-qingdao', 'cn-beijing', 'cn-hangzhou', 'cn-shanghai', 'cn-shenzhen', 'cn-heyuan',
  'cn-guangzhou', 'cn-chengdu', 'cn-hongkong', 'ap-southeast-1', 'us-east-1', 'eu-central-1',
];

export function regionName(regionId: string, live?: readonly LiveRegionFlags[]): string {
  return KNOWN_REGIONS.find((r) => r.regionId === regionId)?.name ?? live?.find((r) => r.regionId === regionId)?.name ?? regionId;
}

/** What the live API says about a region, when we have asked it (ListAvailableAccelerateAreas). */
export interface LiveRegionFlags {
  regionId: string;
  supportIpv6?: boolean;
  /** The API's LocalName, e.g. "China (Beijing)". */
  name?: string;
  /** IspTypeList: BGP, BGP_PRO. */
  ispTypes?: string[];
}

/**
 * Whether IPv6 acceleration may be used in a region: the live flag wins; without it, the seed's list.
 * Returns a message a person can act on, or undefined when allowed.
 */
export function checkIpv6Region(regionId: string, live?: readonly LiveRegionFlags[]): string | undefined {
  const flag = live?.find((r) => r.regionId === regionId)?.supportIpv6;
  const allowed = flag ?? SEED_IPV6_REGIONS.includes(regionId);
  if (allowed) return undefined;
  const source = flag === false ? 'this account\'s available acceleration areas report' : 'IPv6 clients can connect to GA only in';
  const list = flag === false ? 'SupportIpv6 = false' : SEED_IPV6_REGIONS.map((r) => regionName(r)).join(', ');
  return `IPv6 acceleration is not available in ${regionName(regionId)} (${regionId}): ${source} ${list}. Choose one of the IPv6 regions or use IPv4 for this area.`;
}

/** Regions where IPv6 acceleration may be used: the live flags when we have them, else the seed's list. */
export function ipv6Regions(live?: readonly LiveRegionFlags[]): string[] {
  if (live && live.length > 0) return live.filter((r) => r.supportIpv6).map((r) => r.regionId);
  return [...SEED_IPV6_REGIONS];
}

/**
 * The IPv6 region closest to `regionId`, for a "use this instead" fix: one in the same geographic area
 * (China North, Asia Pacific, …), else on the same side of the mainland border, else the first one.
 */
export function nearestIpv6Region(regionId: string, live?: readonly LiveRegionFlags[]): string | undefined {
  const candidates = ipv6Regions(live).filter((r) => r !== regionId);
  const here = KNOWN_REGIONS.find((r) => r.regionId === regionId);
  const info = (id: string) => KNOWN_REGIONS.find((r) => r.regionId === id);
  return (
    candidates.find((id) => here !== undefined && info(id)?.areaId === here.areaId) ??
    candidates.find((id) => here !== undefined && info(id)?.chinaMainland === here.chinaMainland) ??
    candidates[0]
  );
}

/** Known region ids (the seed's and the console's), for "did you mean" and completion. */
export function isKnownRegion(regionId: string): boolean {
  return KNOWN_REGIONS.some((r) => r.regionId === regionId);
}
