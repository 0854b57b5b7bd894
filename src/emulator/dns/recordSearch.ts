// DescribeDomainRecords and DescribeSubDomainRecords (ga-api.md §3.2, §3.7): filters, search modes, order, paging.
import { ApiError, type ActionHandler, type Params } from '../api';
import { pageOf } from '../paging';
import type { DnsRecord, DnsState, DnsZone } from '../state';
import { paramDefault } from '../wireSpec';
import { findZone, normalizeDomainName, requireZone } from './zoneStore';

const includes = (haystack: string, needle: string): boolean => haystack.toLowerCase().includes(needle.toLowerCase());
const equals = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/**
 * SearchMode LIKE/EXACT match KeyWord against host (RR) or value and ignore the other filters; ADVANCED (also the
 * default without KeyWord) matches RRKeyWord/ValueKeyWord as substrings and the rest exactly; COMBINATION
 * matches every filter exactly.
 */
function recordFilter(params: Params): (r: DnsRecord) => boolean {
  const keyWord = params.KeyWord as string | undefined;
  const mode = (params.SearchMode as string | undefined) ?? (keyWord ? 'LIKE' : 'ADVANCED');
  if (mode === 'LIKE' || mode === 'EXACT') {
    const match = mode === 'LIKE' ? includes : equals;
    return (r) => !keyWord || match(r.RR, keyWord) || match(r.Value, keyWord);
  }
  const fuzzy = mode === 'ADVANCED' ? includes : equals;
  const checks: ((r: DnsRecord) => boolean)[] = [];
  const text = (name: string): string | undefined => (params[name] as string | undefined) || undefined;
  const rrKeyWord = text('RRKeyWord');
  const valueKeyWord = text('ValueKeyWord');
  const type = text('Type');
  const typeKeyWord = text('TypeKeyWord');
  const line = text('Line');
  const status = text('Status');
  if (rrKeyWord) checks.push((r) => fuzzy(r.RR, rrKeyWord));
  if (valueKeyWord) checks.push((r) => fuzzy(r.Value, valueKeyWord));
  if (type) checks.push((r) => equals(r.Type, type));
  if (typeKeyWord) checks.push((r) => equals(r.Type, typeKeyWord));
  if (line) checks.push((r) => r.Line === line);
  if (status) checks.push((r) => r.Status === status);
  return (r) => checks.every((check) => check(r));
}

/** Newest first by default; OrderBy names a record field (RR, Type, Value, TTL, …), Direction ASC or DESC. */
function recordOrder(params: Params): (a: DnsRecord, b: DnsRecord) => number {
  const orderBy = params.OrderBy as string | undefined;
  const field = (orderBy && ['RR', 'Type', 'Value', 'TTL', 'Line', 'Priority', 'Status', 'CreateTimestamp', 'UpdateTimestamp'].find((f) => equals(f, orderBy))) || 'CreateTimestamp';
  const sign = params.Direction === 'ASC' ? 1 : -1;
  return (a, b) => {
    const x = a[field as keyof DnsRecord] ?? '';
    const y = b[field as keyof DnsRecord] ?? '';
    const byField = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    return sign * (byField || a.RecordId.localeCompare(b.RecordId));
  };
}

function listRecord(r: DnsRecord): Record<string, unknown> {
  return {
    RecordId: r.RecordId,
    DomainName: r.DomainName,
    RR: r.RR,
    Type: r.Type,
    Value: r.Value,
    TTL: r.TTL,
    Line: r.Line,
    ...(r.Priority !== undefined ? { Priority: r.Priority } : {}),
    Status: r.Status,
    Locked: r.Locked,
    ...(r.Weight !== undefined ? { Weight: r.Weight } : {}),
    ...(r.Remark !== undefined ? { Remark: r.Remark } : {}),
    CreateTimestamp: r.CreateTimestamp,
    UpdateTimestamp: r.UpdateTimestamp,
    LbaStatus: false,
  };
}

/** DescribeSubDomainRecords answers the same records without timestamps and load-balancing status. */
function subDomainRecord(r: DnsRecord): Record<string, unknown> {
  const { CreateTimestamp: _c, UpdateTimestamp: _u, LbaStatus: _l, ...rest } = listRecord(r);
  return rest;
}

function paging(action: string, params: Params): { pageNumber: number; pageSize: number } {
  return {
    pageNumber: (params.PageNumber as number | undefined) ?? (paramDefault('alidns', action, 'PageNumber') as number),
    pageSize: (params.PageSize as number | undefined) ?? (paramDefault('alidns', action, 'PageSize') as number),
  };
}

function answer(records: DnsRecord[], action: string, params: Params, project: (r: DnsRecord) => Record<string, unknown>): Record<string, unknown> {
  const { pageNumber, pageSize } = paging(action, params);
  const page = pageOf(records, pageNumber, pageSize);
  return { TotalCount: page.totalCount, PageNumber: page.pageNumber, PageSize: page.pageSize, DomainRecords: { Record: page.items.map(project) } };
}

const describeDomainRecords: ActionHandler = (params, _ctx, state) => {
  const zone = requireZone(state.dns, String(params.DomainName));
  const records = params.GroupId === 0 ? [] : Object.values(zone.records).filter(recordFilter(params)).sort(recordOrder(params));
  return answer(records, 'DescribeDomainRecords', params, listRecord);
};

/** The zone and host a SubDomain names: with DomainName that zone, else the account's longest matching zone. */
function locateSubDomain(dns: DnsState, subDomain: string, domainName: string | undefined): { zone: DnsZone; rr: string } {
  const name = normalizeDomainName(subDomain);
  const labels = name.split('.');
  const candidates = domainName ? [normalizeDomainName(domainName)] : labels.map((_, i) => labels.slice(i).join('.'));
  for (const candidate of candidates) {
    const zone = domainName ? requireZone(dns, candidate) : findZone(dns, candidate);
    if (!zone) continue;
    if (name === zone.DomainName) return { zone, rr: '@' };
    if (name.endsWith(`.${zone.DomainName}`)) return { zone, rr: name.slice(0, -zone.DomainName.length - 1) };
    throw new ApiError('InvalidParameter', `The specified parameter "SubDomain" is not valid: ${subDomain} is not inside the domain ${zone.DomainName}.`);
  }
  throw new ApiError('InvalidDomainName.NoExist', `No domain of this account's Alibaba Cloud DNS contains ${subDomain}; add its zone with AddDomain first or check the spelling.`);
}

const describeSubDomainRecords: ActionHandler = (params, _ctx, state) => {
  const { zone, rr } = locateSubDomain(state.dns, String(params.SubDomain), params.DomainName as string | undefined);
  const type = params.Type as string | undefined;
  const line = params.Line as string | undefined;
  const records = Object.values(zone.records)
    .filter((r) => equals(r.RR, rr) && (!type || equals(r.Type, type)) && (!line || r.Line === line))
    .sort(recordOrder({}));
  return answer(records, 'DescribeSubDomainRecords', params, subDomainRecord);
};

export const recordSearchHandlers: Record<string, ActionHandler> = {
  DescribeDomainRecords: describeDomainRecords,
  DescribeSubDomainRecords: describeSubDomainRecords,
};
