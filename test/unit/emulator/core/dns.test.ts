// The Alidns module over real HTTP with the real SDK: zones, records, the record rules of src/model/dnsRules.ts
// with the service's error codes, filters and paging; every answer checked against the wire spec's response.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import type OpenApi from '@alicloud/openapi-core';
import type { RunningEmulator } from '../../../../src/emulator/api';
import { EmulatorAdmin } from '../../../../src/emulator/adminClient';
import { responseProblems } from '../../../../src/emulator/responseCheck';
import { callRpc, rejectsWith, rpcClient, startTestEmulator } from './harness';

type Row = Record<string, unknown>;

describe('Alidns module', () => {
  let emulator: RunningEmulator;
  let client: OpenApi;
  let admin: EmulatorAdmin;

  /** Calls an action and checks its answer has only the API's response fields, with their types. */
  async function dns(action: string, query: Row = {}): Promise<Row> {
    const body = await callRpc(client, 'alidns', action, query);
    assert.deepEqual(responseProblems('alidns', action, body), [], `${action} answer matches the wire spec`);
    return body;
  }
  const records = (body: Row): Row[] => (body.DomainRecords as { Record: Row[] }).Record;
  const add = async (rr: string, type: string, value: string, extra: Row = {}): Promise<string> =>
    (await dns('AddDomainRecord', { DomainName: 'example.com', RR: rr, Type: type, Value: value, ...extra })).RecordId as string;

  before(async () => {
    emulator = await startTestEmulator();
    client = rpcClient(emulator);
    admin = new EmulatorAdmin(`http://${emulator.endpoint}`);
  });
  after(() => emulator.stop());
  beforeEach(async () => {
    await admin.reset();
    await dns('AddDomain', { DomainName: 'Example.COM.' });
  });

  it('adds, lists and describes zones with the Domains.Domain wrapper and edition details', async () => {
    await dns('AddDomain', { DomainName: 'other-site.org' });
    await rejectsWith(dns('AddDomain', { DomainName: 'example.com' }), 'InvalidDomainName.Duplicate');
    await rejectsWith(dns('AddDomain', { DomainName: 'not a domain' }), 'InvalidDomainName.Format');
    const all = await dns('DescribeDomains');
    assert.equal(all.TotalCount, 2);
    const names = (all.Domains as { Domain: Row[] }).Domain.map((d) => d.DomainName);
    assert.deepEqual([...names].sort(), ['example.com', 'other-site.org']);
    const like = await dns('DescribeDomains', { KeyWord: 'SITE' });
    assert.deepEqual((like.Domains as { Domain: Row[] }).Domain.map((d) => d.DomainName), ['other-site.org']);
    assert.equal((await dns('DescribeDomains', { KeyWord: 'site', SearchMode: 'EXACT' })).TotalCount, 0);
    const paged = await dns('DescribeDomains', { PageSize: 1, PageNumber: 2 });
    assert.equal((paged.Domains as { Domain: Row[] }).Domain.length, 1);
    assert.equal(paged.TotalCount, 2);

    const info = await dns('DescribeDomainInfo', { DomainName: 'example.com', NeedDetailAttributes: true });
    assert.equal(info.MinTtl, 600);
    assert.equal(info.VersionCode, 'mianfei');
    assert.deepEqual((info.AvailableTtls as { AvailableTtl: string[] }).AvailableTtl[0], '600');
    assert.ok((info.RecordLines as { RecordLine: Row[] }).RecordLine.some((l) => l.LineCode === 'default'));
    assert.deepEqual((info.DnsServers as { DnsServer: string[] }).DnsServer, ['dns9.hichina.com', 'dns10.hichina.com']);
    assert.equal((await dns('DescribeDomainInfo', { DomainName: 'example.com' })).MinTtl, undefined);

    await dns('DeleteDomain', { DomainName: 'other-site.org' });
    await rejectsWith(dns('DescribeDomainInfo', { DomainName: 'other-site.org' }), 'InvalidDomainName.NoExist');
  });

  it('adds, updates, describes and deletes a record', async () => {
    const id = await add('www', 'AAAA', '2408:4000::1');
    const info = await dns('DescribeDomainRecordInfo', { RecordId: id });
    assert.deepEqual(
      { RR: info.RR, Type: info.Type, Value: info.Value, TTL: info.TTL, Line: info.Line, Status: info.Status, Locked: info.Locked, DomainName: info.DomainName },
      { RR: 'www', Type: 'AAAA', Value: '2408:4000::1', TTL: 600, Line: 'default', Status: 'Enable', Locked: false, DomainName: 'example.com' },
    );
    await dns('UpdateDomainRecord', { RecordId: id, RR: 'www', Type: 'AAAA', Value: '2408:4000::2', TTL: 1200 });
    const updated = await dns('DescribeDomainRecordInfo', { RecordId: id });
    assert.equal(updated.Value, '2408:4000::2');
    assert.equal(updated.TTL, 1200);
    assert.equal((await dns('DeleteDomainRecord', { RecordId: id })).RecordId, id);
    await rejectsWith(dns('DescribeDomainRecordInfo', { RecordId: id }), 'DomainRecordNotBelongToUser', 400);
    await rejectsWith(dns('DeleteDomainRecord', { RecordId: id }), 'DomainRecordNotBelongToUser');
  });

  it('refuses a CNAME next to other records, and records next to a CNAME, with DomainRecordConflict', async () => {
    await add('www', 'AAAA', '2408:4000::1');
    const e = await rejectsWith(dns('AddDomainRecord', { DomainName: 'example.com', RR: 'www', Type: 'CNAME', Value: 'ga-xyz.aliyunga0019.com' }), 'DomainRecordConflict', 400);
    assert.match(e.message, /AAAA/);
    await add('app', 'CNAME', 'ga-xyz.aliyunga0019.com');
    await rejectsWith(dns('AddDomainRecord', { DomainName: 'example.com', RR: 'app', Type: 'A', Value: '203.0.113.1' }), 'DomainRecordConflict');
    await rejectsWith(dns('AddDomainRecord', { DomainName: 'example.com', RR: 'app', Type: 'CNAME', Value: 'other.example.net' }), 'DomainRecordConflict');
    // Another line is another name for conflict purposes.
    await add('app', 'A', '203.0.113.1', { Line: 'oversea' });
    // At the apex a CNAME may coexist with MX and TXT.
    await add('@', 'MX', 'mail.example.com', { Priority: 10 });
    await add('@', 'TXT', 'v=spf1 -all');
    await add('@', 'CNAME', 'ga-apex.aliyunga0019.com');
  });

  it('refuses duplicates, including an update that changes nothing, with DomainRecordDuplicate', async () => {
    const id = await add('www', 'A', '203.0.113.5');
    await rejectsWith(dns('AddDomainRecord', { DomainName: 'example.com', RR: 'WWW', Type: 'A', Value: '203.0.113.5' }), 'DomainRecordDuplicate', 400);
    await rejectsWith(dns('UpdateDomainRecord', { RecordId: id, RR: 'www', Type: 'A', Value: '203.0.113.5' }), 'DomainRecordDuplicate');
    await dns('UpdateDomainRecord', { RecordId: id, RR: 'www', Type: 'A', Value: '203.0.113.5', TTL: 3600 });
    const other = await add('www', 'A', '203.0.113.6');
    await rejectsWith(dns('UpdateDomainRecord', { RecordId: other, RR: 'www', Type: 'A', Value: '203.0.113.5' }), 'DomainRecordDuplicate');
  });

  it('enforces the edition\'s minimum TTL and the model\'s value, host and priority rules', async () => {
    // No published source names the service's codes for these: InvalidParameter, with the field in the message.
    const invalid = (params: Record<string, unknown>) => rejectsWith(dns('AddDomainRecord', { DomainName: 'example.com', RR: 'www', Type: 'A', Value: '203.0.113.5', ...params }), 'InvalidParameter', 400);
    assert.match((await invalid({ TTL: 60 })).message, /minimum of 600/);
    assert.match((await invalid({ TTL: 100000 })).message, /TTL/);
    assert.match((await invalid({ Type: 'AAAA' })).message, /IPv6/);
    assert.match((await invalid({ RR: '-bad-' })).message, /-bad-|host/i);
    assert.match((await invalid({ Type: 'PTR', Value: 'x.example.com' })).message, /PTR/);
    assert.match((await invalid({ RR: '@', Type: 'MX', Value: 'mail.example.com' })).message, /[Pp]riority/);
    assert.match((await invalid({ Line: 'mars' })).message, /line "mars"/);
    await rejectsWith(dns('AddDomainRecord', { DomainName: 'nowhere.example', RR: 'www', Type: 'A', Value: '203.0.113.5' }), 'InvalidDomainName.NoExist');
    assert.ok(await add('www', 'a', '203.0.113.5'), 'lower-case type accepted');
  });

  it('refuses to change or delete a locked record with Forbidden.RecordLocked', async () => {
    const id = await add('www', 'A', '203.0.113.5');
    emulator.getState().dns.zones['example.com'].records[id].Locked = true;
    await rejectsWith(dns('UpdateDomainRecord', { RecordId: id, RR: 'www', Type: 'A', Value: '203.0.113.9' }), 'Forbidden.RecordLocked');
    await rejectsWith(dns('DeleteDomainRecord', { RecordId: id }), 'Forbidden.RecordLocked');
    assert.equal((await dns('DescribeDomainRecordInfo', { RecordId: id })).Locked, true);
  });

  it('filters DescribeDomainRecords by keyword, type, line, status and search mode, and pages it', async () => {
    await add('www', 'AAAA', '2408:4000::1');
    await add('www', 'A', '203.0.113.5');
    await add('www2', 'A', '203.0.113.6');
    await add('mail', 'A', '198.51.100.7', { Line: 'oversea' });
    await add('@', 'TXT', 'v=spf1 include:www.example.net -all');
    const rrs = async (query: Row): Promise<string[]> => records(await dns('DescribeDomainRecords', { DomainName: 'example.com', ...query })).map((r) => `${r.RR}/${r.Type}`).sort();

    assert.deepEqual(await rrs({ KeyWord: 'www' }), ['@/TXT', 'www/A', 'www/AAAA', 'www2/A']);
    assert.deepEqual(await rrs({ KeyWord: 'www', SearchMode: 'EXACT' }), ['www/A', 'www/AAAA']);
    assert.deepEqual(await rrs({ RRKeyWord: 'WW' }), ['www/A', 'www/AAAA', 'www2/A']);
    assert.deepEqual(await rrs({ RRKeyWord: 'www', SearchMode: 'COMBINATION' }), ['www/A', 'www/AAAA']);
    assert.deepEqual(await rrs({ RRKeyWord: 'www', TypeKeyWord: 'a', SearchMode: 'ADVANCED' }), ['www/A', 'www2/A']);
    assert.deepEqual(await rrs({ ValueKeyWord: '203.0.113' }), ['www/A', 'www2/A']);
    assert.deepEqual(await rrs({ Type: 'A', Line: 'oversea' }), ['mail/A']);
    assert.deepEqual(await rrs({ Status: 'Disable' }), []);
    assert.deepEqual(await rrs({ GroupId: 0 }), []);

    const first = await dns('DescribeDomainRecords', { DomainName: 'example.com', PageSize: 2 });
    assert.deepEqual([first.TotalCount, first.PageNumber, first.PageSize, records(first).length], [5, 1, 2, 2]);
    assert.equal(records(first)[0].RR, '@', 'newest first by default');
    const last = await dns('DescribeDomainRecords', { DomainName: 'example.com', PageSize: 2, PageNumber: 3 });
    assert.equal(records(last).length, 1);
    const asc = records(await dns('DescribeDomainRecords', { DomainName: 'example.com', OrderBy: 'RR', Direction: 'ASC' })).map((r) => r.RR);
    assert.deepEqual(asc, [...asc].sort());
    await rejectsWith(dns('DescribeDomainRecords', { DomainName: 'example.com', PageSize: 501 }), 'InvalidParameter');
    assert.equal(records(await dns('DescribeDomainRecords', { DomainName: 'example.com', PageSize: 500 })).length, 5);
  });

  it('finds a host\'s records with DescribeSubDomainRecords from its full name', async () => {
    await add('www', 'AAAA', '2408:4000::1');
    await add('www', 'A', '203.0.113.5');
    await add('@', 'A', '203.0.113.10');
    await add('a.b', 'A', '203.0.113.11');
    const sub = async (query: Row): Promise<string[]> => records(await dns('DescribeSubDomainRecords', query)).map((r) => `${r.RR}/${r.Type}`).sort();
    assert.deepEqual(await sub({ SubDomain: 'www.example.com' }), ['www/A', 'www/AAAA']);
    assert.deepEqual(await sub({ SubDomain: 'WWW.example.com.', Type: 'aaaa' }), ['www/AAAA']);
    assert.deepEqual(await sub({ SubDomain: 'example.com' }), ['@/A']);
    assert.deepEqual(await sub({ SubDomain: 'a.b.example.com', DomainName: 'example.com' }), ['a.b/A']);
    assert.deepEqual(await sub({ SubDomain: 'nothing.example.com' }), []);
    await rejectsWith(dns('DescribeSubDomainRecords', { SubDomain: 'www.unknown-zone.net' }), 'InvalidDomainName.NoExist');
    await rejectsWith(dns('DescribeSubDomainRecords', { SubDomain: 'www.example.net', DomainName: 'example.com' }), 'InvalidParameter');
  });

  it('loads the seed fixture\'s zone through the same rules', async () => {
    await admin.loadFixture('seed');
    const state = await admin.state();
    const [accelerator] = Object.values(state.ga.accelerators);
    const rows = records(await dns('DescribeDomainRecords', { DomainName: 'example.com', PageSize: 100 }));
    const by = (rr: string, type: string): Row | undefined => rows.find((r) => r.RR === rr && r.Type === type);
    assert.equal(by('app', 'CNAME')?.Value, accelerator.DnsName);
    assert.match(String(by('www', 'AAAA')?.Value), /:/);
    assert.equal(by('www', 'AAAA')?.TTL, 600);
    for (const [rr, type] of [['@', 'A'], ['@', 'MX'], ['@', 'TXT']]) assert.ok(by(rr, type), `${rr} ${type} present`);
  });
});
