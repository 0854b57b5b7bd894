// Applies the Alidns record rules of src/model/dnsRules.ts with the codes the service answers (ga-api.md §5.3,
// §6.4). Malformed fields and a TTL below the edition's minimum have no code in any published source (only
// third-party clients name SubDomainInvalid.*, QuotaExceeded.TTL, InvalidRR.Format), so they are answered with
// the nearest documented one, InvalidParameter, and a message naming the field (docs/error-codes.md).
import { DEFAULT_TTL, findRecordClash, findRecordProblem, type DnsRecordInput, type RecordField } from '../../model';
import { ApiError, type Params } from '../api';
import type { DnsRecord, DnsZone } from '../state';
import { edition } from './editions';
import { asExisting, existingRecords } from './zoneStore';

const DEFAULT_LINE = 'default';

const UNDOCUMENTED_FIELD_CODE = 'InvalidParameter';

/**
 * The record a write asks for. TTL and Line fall back to 600 and "default" on updates too: the Alidns reference
 * gives those defaults for UpdateDomainRecord, which resends the whole record.
 */
export function recordFromParams(params: Params): DnsRecordInput {
  return {
    rr: String(params.RR),
    type: String(params.Type).toUpperCase(),
    value: String(params.Value).trim(),
    ttl: (params.TTL as number | undefined) ?? DEFAULT_TTL,
    line: (params.Line as string | undefined) ?? DEFAULT_LINE,
    priority: params.Priority as number | undefined,
  };
}

/** Throws the service's error when `input` may not be written to `zone` (`recordId`: the record being updated). */
export function checkRecordWrite(zone: DnsZone, input: DnsRecordInput, recordId?: string): void {
  const problem = findRecordProblem(input, { minTtl: zone.MinTtl });
  if (problem) throw new ApiError(problemCode(problem.field, input), problem.message);
  const lines = edition(zone.VersionCode).lines;
  if (!lines.some((l) => l.LineCode === input.line)) {
    throw new ApiError(UNDOCUMENTED_FIELD_CODE, `The line "${input.line}" is not available for ${zone.DomainName} (${zone.VersionName}); use one of ${lines.map((l) => l.LineCode).join(', ')}.`);
  }
  const clash = findRecordClash(input, existingRecords(zone), recordId);
  if (clash?.kind === 'duplicate') {
    throw new ApiError('DomainRecordDuplicate', `The DNS record already exists: ${clash.existing.rr} ${clash.existing.type} ${clash.existing.value} on line ${clash.existing.line ?? DEFAULT_LINE} (RecordId ${clash.existing.recordId}).`);
  }
  if (clash?.kind === 'conflict') throw new ApiError('DomainRecordConflict', clash.message);
}

/** An update that changes nothing is refused like on the service (clients treat it as done after re-reading). */
export function checkNotNoOp(current: DnsRecord, input: DnsRecordInput): void {
  const same = findRecordClash(input, [asExisting(current)])?.kind === 'duplicate' && input.ttl === current.TTL && input.priority === current.Priority;
  if (same) throw new ApiError('DomainRecordDuplicate', `The DNS record ${current.RecordId} already has exactly these values; nothing to update.`);
}

export function checkNotLocked(record: DnsRecord): void {
  if (record.Locked) {
    throw new ApiError('Forbidden.RecordLocked', `The DNS record ${record.RecordId} (${record.RR} ${record.Type}) is locked and cannot be changed or deleted; unlock it in the Alibaba Cloud DNS console first.`);
  }
}

function problemCode(field: RecordField, input: DnsRecordInput): string {
  if (field === 'urlForwarding') return input.rr.startsWith('*') ? 'URLForwardError.PanRecord' : 'URLForwardError.NotDefaultLine';
  return UNDOCUMENTED_FIELD_CODE;
}
