// The Alidns facade over the official client. Alidns has no ClientToken, so writes are made idempotent by
// reading first (ga-api.md §6.1): an identical record already there is success without a write, a clash is a
// clear error naming the record in the way, and DomainRecordDuplicate from the server is success once re-read.
import type AlidnsClient from '@alicloud/alidns20150109';
import type { RuntimeOptions } from '@darabonba/typescript';
import type * as T from './types';
import { ApiCaller, type CallSettings } from './apiCaller';
import type { CloudConnection } from './connection';
import { CloudError, isCloudError, validationError } from './errors';
import { silentLogger } from './logger';
import { fetchAllPages, maxPageSize } from './paging';
import type { ServiceOptions } from './serviceOptions';
import { loadSdk, type Sdk } from './sdk';
import { checkRecord, findRecordClash, recordFqdn, type DnsRecordInput } from '../model/dnsRules';

type Requests = Sdk['$Alidns'];

interface RawRecord {
  recordId?: string;
  domainName?: string;
  RR?: string;
  type?: string;
  value?: string;
  TTL?: number;
  line?: string;
  priority?: number;
  status?: string;
  locked?: boolean;
  remark?: string;
}

function toRecord(r: RawRecord, domainName: string): T.DnsRecord {
  return {
    recordId: r.recordId ?? '',
    domainName: r.domainName ?? domainName,
    rr: r.RR ?? '',
    type: r.type ?? '',
    value: r.value ?? '',
    ttl: r.TTL,
    line: r.line ?? 'default',
    priority: r.priority,
    status: r.status,
    locked: r.locked,
    remark: r.remark,
  };
}

/** The same record for DNS purposes: name, line, type, value, TTL and priority. */
function sameRecord(a: DnsRecordInput, b: DnsRecordInput): boolean {
  const clash = findRecordClash(a, [{ ...b, recordId: '_' }]);
  return clash?.kind === 'duplicate' && (a.ttl === undefined || a.ttl === b.ttl) && (a.type !== 'MX' || a.priority === b.priority);
}

export class DnsService {
  private readonly caller: ApiCaller;

  constructor(
    readonly connection: CloudConnection,
    readonly options: ServiceOptions = {},
  ) {
    this.caller = new ApiCaller('alidns', connection, options.logger ?? silentLogger, options.retry);
  }

  // ---- reads ---------------------------------------------------------------------------------------------------

  describeDomains(keyWord?: string, o: T.CallOptions = {}): Promise<T.DnsDomain[]> {
    return fetchAllPages(async (pageNumber, pageSize) => {
      const body = await this.invoke('DescribeDomains', (R) => new R.DescribeDomainsRequest({ keyWord, pageNumber, pageSize }), (c, req, rt) => c.describeDomainsWithOptions(req, rt), o);
      const items = (body.domains?.domain ?? []).map((d) => ({
        domainId: d.domainId,
        domainName: d.domainName ?? '',
        punyCode: d.punyCode,
        recordCount: d.recordCount,
        versionCode: d.versionCode,
        versionName: d.versionName,
        groupName: d.groupName,
        remark: d.remark,
      }));
      return { items, totalCount: body.totalCount };
    }, maxPageSize('alidns', 'DescribeDomains'));
  }

  async describeDomainInfo(domainName: string, o: T.CallOptions = {}): Promise<T.DnsDomainInfo> {
    const b = await this.invoke(
      'DescribeDomainInfo',
      (R) => new R.DescribeDomainInfoRequest({ domainName, needDetailAttributes: true }),
      (c, req, rt) => c.describeDomainInfoWithOptions(req, rt),
      o,
    );
    return {
      domainName: b.domainName ?? domainName,
      minTtl: b.minTtl,
      availableTtls: (b.availableTtls?.availableTtl ?? []).map(Number).filter((n) => Number.isFinite(n)),
      lines: (b.recordLines?.recordLine ?? []).map((l) => ({ code: l.lineCode ?? '', name: l.lineDisplayName ?? l.lineName ?? l.lineCode ?? '' })),
      versionCode: b.versionCode,
      versionName: b.versionName,
      dnsServers: b.dnsServers?.dnsServer ?? [],
    };
  }

  describeDomainRecords(domainName: string, filter: T.DnsRecordFilter = {}, o: T.CallOptions = {}): Promise<T.DnsRecord[]> {
    return fetchAllPages(async (pageNumber, pageSize) => {
      const body = await this.invoke(
        'DescribeDomainRecords',
        (R) =>
          new R.DescribeDomainRecordsRequest({
            domainName,
            pageNumber,
            pageSize,
            RRKeyWord: filter.rrKeyWord,
            type: filter.type,
            valueKeyWord: filter.valueKeyWord,
            line: filter.line,
            status: filter.status,
          }),
        (c, req, rt) => c.describeDomainRecordsWithOptions(req, rt),
        o,
      );
      return { items: (body.domainRecords?.record ?? []).map((r) => toRecord(r, domainName)), totalCount: body.totalCount };
    }, maxPageSize('alidns', 'DescribeDomainRecords'));
  }

  /** Records of one name, e.g. `www.example.com` (pass `domainName` to say which zone it is in). */
  describeSubDomainRecords(subDomain: string, opts: { domainName?: string; type?: string; line?: string } = {}, o: T.CallOptions = {}): Promise<T.DnsRecord[]> {
    return fetchAllPages(async (pageNumber, pageSize) => {
      const body = await this.invoke(
        'DescribeSubDomainRecords',
        (R) => new R.DescribeSubDomainRecordsRequest({ subDomain, domainName: opts.domainName, type: opts.type, line: opts.line, pageNumber, pageSize }),
        (c, req, rt) => c.describeSubDomainRecordsWithOptions(req, rt),
        o,
      );
      return { items: (body.domainRecords?.record ?? []).map((r) => toRecord(r, opts.domainName ?? '')), totalCount: body.totalCount };
    }, maxPageSize('alidns', 'DescribeSubDomainRecords'));
  }

  // ---- writes --------------------------------------------------------------------------------------------------

  async addDomainRecord(domainName: string, record: DnsRecordInput, o: T.CallOptions = {}): Promise<T.DnsWriteResult> {
    await this.validate('AddDomainRecord', domainName, record, o);
    const existing = await this.recordsOfName(domainName, record.rr, o);
    const clash = findRecordClash(record, existing);
    if (clash?.kind === 'duplicate') return this.unchanged(clash.existing as T.DnsRecord, 'AddDomainRecord');
    if (clash) throw this.conflict('AddDomainRecord', domainName, clash.existing, clash.message);
    try {
      const body = await this.invoke(
        'AddDomainRecord',
        (R) => new R.AddDomainRecordRequest({ domainName, RR: record.rr, type: record.type, value: record.value, TTL: record.ttl, line: record.line, priority: record.priority }),
        (c, req, rt) => c.addDomainRecordWithOptions(req, rt),
        { ...o, mutation: true },
      );
      return { recordId: body.recordId ?? '', written: true, record: { ...record, line: record.line ?? 'default', recordId: body.recordId ?? '', domainName } };
    } catch (e) {
      // A retried add whose first attempt did land, or a record created meanwhile: success if it is ours.
      if (!isCloudError(e) || e.code !== 'DomainRecordDuplicate') throw e;
      const again = findRecordClash(record, await this.recordsOfName(domainName, record.rr, o));
      if (again?.kind === 'duplicate') return this.unchanged(again.existing as T.DnsRecord, 'AddDomainRecord');
      throw e;
    }
  }

  async updateDomainRecord(domainName: string, recordId: string, record: DnsRecordInput, o: T.CallOptions = {}): Promise<T.DnsWriteResult> {
    await this.validate('UpdateDomainRecord', domainName, record, o);
    const current = await this.describeRecord(recordId, domainName, o);
    if (sameRecord(record, current)) return this.unchanged(current, 'UpdateDomainRecord');
    const clash = findRecordClash(record, await this.recordsOfName(domainName, record.rr, o), recordId);
    if (clash) {
      const why = clash.kind === 'duplicate' ? `${recordFqdn(record.rr, domainName)} already has an identical ${record.type} record (${clash.existing.recordId}); delete record ${recordId} instead of updating it.` : clash.message;
      throw this.conflict('UpdateDomainRecord', domainName, clash.existing, why);
    }
    try {
      await this.invoke(
        'UpdateDomainRecord',
        (R) => new R.UpdateDomainRecordRequest({ recordId, RR: record.rr, type: record.type, value: record.value, TTL: record.ttl, line: record.line, priority: record.priority }),
        (c, req, rt) => c.updateDomainRecordWithOptions(req, rt),
        { ...o, mutation: true },
      );
    } catch (e) {
      if (!isCloudError(e) || e.code !== 'DomainRecordDuplicate') throw e;
      const after = await this.describeRecord(recordId, domainName, o);
      if (sameRecord(record, after)) return this.unchanged(after, 'UpdateDomainRecord');
      throw e;
    }
    return { recordId, written: true, record: { ...current, ...record, line: record.line ?? 'default', recordId, domainName } };
  }

  async deleteDomainRecord(recordId: string, o: T.CallOptions = {}): Promise<T.DeleteResult> {
    try {
      const body = await this.invoke(
        'DeleteDomainRecord',
        (R) => new R.DeleteDomainRecordRequest({ recordId }),
        (c, req, rt) => c.deleteDomainRecordWithOptions(req, rt),
        { ...o, mutation: true },
      );
      return { id: recordId, requestId: body.requestId, alreadyGone: false };
    } catch (e) {
      if (isCloudError(e) && e.category === 'notFound') return { id: recordId, alreadyGone: true };
      throw e;
    }
  }

  // ---- plumbing ------------------------------------------------------------------------------------------------

  private async invoke<Req, Body>(action: string, build: (R: Requests) => Req, send: (c: AlidnsClient, req: Req, rt: RuntimeOptions) => Promise<{ body?: Body }>, o: CallSettings = {}): Promise<Body> {
    const sdk = loadSdk();
    const request = build(sdk.$Alidns);
    const res = await this.caller.call(action, request as object, () => send(this.connection.dns, request, new sdk.$dara.RuntimeOptions({})), o);
    return res.body ?? ({} as Body);
  }

  private async validate(action: string, domainName: string, record: DnsRecordInput, o: T.CallOptions): Promise<void> {
    // The zone's minimum TTL depends on its DNS edition: ask only when a TTL is given.
    const minTtl = record.ttl === undefined ? undefined : (await this.describeDomainInfo(domainName, o)).minTtl;
    const problem = checkRecord(record, { minTtl });
    if (problem) throw validationError(this.caller.context(action), problem);
  }

  private recordsOfName(domainName: string, rr: string, o: T.CallOptions): Promise<T.DnsRecord[]> {
    return this.describeSubDomainRecords(recordFqdn(rr, domainName), { domainName }, o).then((rs) => rs.map((r) => ({ ...r, domainName })));
  }

  private async describeRecord(recordId: string, domainName: string, o: T.CallOptions): Promise<T.DnsRecord> {
    const body = await this.invoke(
      'DescribeDomainRecordInfo',
      (R) => new R.DescribeDomainRecordInfoRequest({ recordId }),
      (c, req, rt) => c.describeDomainRecordInfoWithOptions(req, rt),
      o,
    );
    return toRecord(body, domainName);
  }

  private unchanged(existing: T.DnsRecord, action: string): T.DnsWriteResult {
    (this.options.logger ?? silentLogger).info(`ALIDNS ${action} skipped: ${existing.type} record ${existing.rr} → ${existing.value} already exists (${existing.recordId}).`);
    return { recordId: existing.recordId, written: false, record: existing };
  }

  private conflict(action: string, domainName: string, existing: { recordId: string }, message: string): CloudError {
    return new CloudError({
      code: 'DomainRecordConflict',
      category: 'conflict',
      action,
      product: 'alidns',
      profileName: this.connection.profileName,
      message: `${message} (zone ${domainName}, record ${existing.recordId})`,
    });
  }
}
