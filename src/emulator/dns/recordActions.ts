// AddDomainRecord, UpdateDomainRecord, DeleteDomainRecord and DescribeDomainRecordInfo (ga-api.md §3.3–3.6).
import { DEFAULT_TTL, type DnsRecordInput } from '../../model';
import type { ActionHandler } from '../api';
import type { DnsRecord, DnsState, DnsZone } from '../state';
import { checkNotLocked, checkNotNoOp, checkRecordWrite, recordFromParams } from './recordRules';
import { newRecordId, requireRecord, requireZone } from './zoneStore';

/** Adds a record after the service's checks; also used by fixtures so they obey the same rules. */
export function addRecord(dns: DnsState, zone: DnsZone, input: DnsRecordInput, now: number): DnsRecord {
  checkRecordWrite(zone, input);
  const record: DnsRecord = {
    RecordId: newRecordId(dns),
    DomainName: zone.DomainName,
    RR: input.rr,
    Type: input.type,
    Value: input.value,
    TTL: input.ttl ?? DEFAULT_TTL,
    Line: input.line ?? 'default',
    ...(input.type === 'MX' ? { Priority: input.priority } : {}),
    Status: 'Enable',
    Locked: false,
    CreateTimestamp: now,
    UpdateTimestamp: now,
  };
  zone.records[record.RecordId] = record;
  return record;
}

const addDomainRecord: ActionHandler = (params, ctx, state) => {
  const zone = requireZone(state.dns, String(params.DomainName));
  return { RecordId: addRecord(state.dns, zone, recordFromParams(params), ctx.clock.now()).RecordId };
};

const updateDomainRecord: ActionHandler = (params, ctx, state) => {
  const { zone, record } = requireRecord(state.dns, String(params.RecordId));
  checkNotLocked(record);
  const input = recordFromParams(params);
  checkNotNoOp(record, input);
  checkRecordWrite(zone, input, record.RecordId);
  record.RR = input.rr;
  record.Type = input.type;
  record.Value = input.value;
  record.TTL = input.ttl ?? record.TTL;
  record.Line = input.line ?? record.Line;
  if (input.type === 'MX') record.Priority = input.priority;
  else delete record.Priority;
  record.UpdateTimestamp = ctx.clock.now();
  return { RecordId: record.RecordId };
};

const deleteDomainRecord: ActionHandler = (params, _ctx, state) => {
  const { zone, record } = requireRecord(state.dns, String(params.RecordId));
  checkNotLocked(record);
  delete zone.records[record.RecordId];
  return { RecordId: record.RecordId };
};

const describeDomainRecordInfo: ActionHandler = (params, _ctx, state) => {
  const { zone, record } = requireRecord(state.dns, String(params.RecordId));
  return {
    RecordId: record.RecordId,
    DomainId: zone.DomainId,
    DomainName: zone.DomainName,
    PunyCode: zone.DomainName,
    GroupId: '',
    GroupName: '',
    RR: record.RR,
    Type: record.Type,
    Value: record.Value,
    TTL: record.TTL,
    Line: record.Line,
    ...(record.Priority !== undefined ? { Priority: record.Priority } : {}),
    Status: record.Status,
    Locked: record.Locked,
    ...(record.Remark !== undefined ? { Remark: record.Remark } : {}),
  };
};

export const recordHandlers: Record<string, ActionHandler> = {
  AddDomainRecord: addDomainRecord,
  UpdateDomainRecord: updateDomainRecord,
  DeleteDomainRecord: deleteDomainRecord,
  DescribeDomainRecordInfo: describeDomainRecordInfo,
};
