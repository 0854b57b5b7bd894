// AddDomain, DeleteDomain, DescribeDomains and DescribeDomainInfo (ga-api.md §3.1, §3.7).
import { isHostName } from '../../model';
import { ApiError, type ActionHandler } from '../api';
import { pageOf } from '../paging';
import type { DnsZone } from '../state';
import { paramDefault } from '../wireSpec';
import { availableTtls, edition, FREE_EDITION } from './editions';
import { apiTime, createZone, findZone, normalizeDomainName, requireZone } from './zoneStore';

/** Domain groups are not emulated: every zone is in the default group, which these ids name. */
const DEFAULT_GROUP_IDS = new Set(['', 'defaultGroup']);

function checkGroup(groupId: unknown): void {
  if (groupId !== undefined && !DEFAULT_GROUP_IDS.has(String(groupId))) {
    throw new ApiError('InvalidParameter', `The specified parameter "GroupId" is not valid: the domain group "${groupId}" does not exist (this account has only the default group; omit GroupId).`);
  }
}

function zoneSummary(zone: DnsZone): Record<string, unknown> {
  return {
    DomainId: zone.DomainId,
    DomainName: zone.DomainName,
    PunyCode: zone.DomainName,
    AliDomain: false,
    GroupId: '',
    GroupName: '',
    InstanceId: '',
    VersionCode: zone.VersionCode,
    VersionName: zone.VersionName,
    CreateTime: apiTime(zone.CreateTimestamp),
    DnsServers: { DnsServer: [...zone.DnsServers] },
    ResourceGroupId: zone.ResourceGroupId ?? '',
  };
}

const addDomain: ActionHandler = (params, ctx, state) => {
  checkGroup(params.GroupId);
  const name = normalizeDomainName(String(params.DomainName));
  if (!isHostName(name) || !name.includes('.')) {
    throw new ApiError('InvalidDomainName.Format', `"${params.DomainName}" is not a valid domain name; give a registered domain such as example.com.`);
  }
  if (findZone(state.dns, name)) throw new ApiError('InvalidDomainName.Duplicate', `The domain name ${name} is already in this account's Alibaba Cloud DNS.`);
  const zone = createZone(state.dns, name, FREE_EDITION, ctx.clock.now(), params.ResourceGroupId as string | undefined);
  return { DomainId: zone.DomainId, DomainName: zone.DomainName, PunyCode: zone.DomainName, GroupId: '', GroupName: '', DnsServers: { DnsServer: [...zone.DnsServers] } };
};

const deleteDomain: ActionHandler = (params, _ctx, state) => {
  const zone = requireZone(state.dns, String(params.DomainName));
  delete state.dns.zones[zone.DomainName];
  return { DomainName: zone.DomainName };
};

const describeDomains: ActionHandler = (params, _ctx, state) => {
  const keyWord = (params.KeyWord as string | undefined)?.toLowerCase();
  const exact = params.SearchMode === 'EXACT';
  const groupId = params.GroupId as string | undefined;
  const zones = Object.values(state.dns.zones)
    .filter((z) => !keyWord || (exact ? z.DomainName === keyWord : z.DomainName.includes(keyWord)))
    .filter(() => groupId === undefined || DEFAULT_GROUP_IDS.has(groupId))
    .filter(() => params.Starmark !== true)
    .filter((z) => params.ResourceGroupId === undefined || (z.ResourceGroupId ?? '') === params.ResourceGroupId)
    .sort((a, b) => b.CreateTimestamp - a.CreateTimestamp || a.DomainName.localeCompare(b.DomainName));
  const page = pageOf(
    zones,
    (params.PageNumber as number | undefined) ?? (paramDefault('alidns', 'DescribeDomains', 'PageNumber') as number),
    (params.PageSize as number | undefined) ?? (paramDefault('alidns', 'DescribeDomains', 'PageSize') as number),
  );
  return {
    TotalCount: page.totalCount,
    PageNumber: page.pageNumber,
    PageSize: page.pageSize,
    Domains: {
      Domain: page.items.map((z) => ({
        ...zoneSummary(z),
        RecordCount: Object.keys(z.records).length,
        InstanceEndTime: '',
        InstanceExpired: false,
        CreateTimestamp: z.CreateTimestamp,
        Tags: { Tag: [] },
        Starmark: false,
      })),
    },
  };
};

const describeDomainInfo: ActionHandler = (params, _ctx, state) => {
  const zone = requireZone(state.dns, String(params.DomainName));
  const e = edition(zone.VersionCode);
  const details = params.NeedDetailAttributes === true
    ? {
        LineType: 'areaLine',
        MinTtl: zone.MinTtl,
        RecordLines: { RecordLine: e.lines.map((l) => ({ ...l })) },
        RecordLineTreeJson: JSON.stringify(e.lines.map((l) => ({ code: l.LineCode, name: l.LineName }))),
        RegionLines: false,
        SlaveDns: false,
      }
    : {};
  return {
    ...zoneSummary(zone),
    AvailableTtls: { AvailableTtl: availableTtls(zone.MinTtl) },
    InBlackHole: false,
    InClean: false,
    SubDomain: false,
    DomainLoggingSwitchStatus: 'CLOSE',
    ...details,
  };
};

export const domainHandlers: Record<string, ActionHandler> = {
  AddDomain: addDomain,
  DeleteDomain: deleteDomain,
  DescribeDomains: describeDomains,
  DescribeDomainInfo: describeDomainInfo,
};
