import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DnsService } from '../../../src/cloud/dnsService';
import { CloudError } from '../../../src/cloud/errors';
import { apiError, fakeConnection, fastOptions, scriptedClient, type Answer, type RecordedCall } from './fakes';

function service(script: Record<string, Answer[]>) {
  const calls: RecordedCall[] = [];
  const dns = new DnsService(fakeConnection({}, scriptedClient(script, calls)), fastOptions());
  return { dns, calls, methods: () => calls.map((c) => c.method) };
}

const records = (...rs: Record<string, unknown>[]) => ({ domainRecords: { record: rs }, totalCount: rs.length });
const aaaa = { recordId: 'r-1', RR: 'www', type: 'AAAA', value: '2408:4000::1', TTL: 600, line: 'default' };

test('adding a record that already exists is success without a write', async () => {
  const s = service({ describeSubDomainRecords: [records(aaaa)] });
  const r = await s.dns.addDomainRecord('example.com', { rr: 'www', type: 'AAAA', value: '2408:4000::1' });
  assert.equal(r.written, false);
  assert.equal(r.recordId, 'r-1');
  assert.deepEqual(s.methods(), ['describeSubDomainRecords']);
  assert.equal(s.calls[0].request.subDomain, 'www.example.com');
  assert.equal(s.calls[0].request.domainName, 'example.com');
});

test('a CNAME on a name that has an AAAA record is a conflict naming the record, and nothing is written', async () => {
  const s = service({ describeSubDomainRecords: [records(aaaa)] });
  await assert.rejects(
    s.dns.addDomainRecord('example.com', { rr: 'www', type: 'CNAME', value: 'ga-bp1.aliyunga0019.com' }),
    (e: unknown) => e instanceof CloudError && e.category === 'conflict' && /already has a AAAA record \(2408:4000::1\)/.test(e.message) && /record r-1/.test(e.message),
  );
  assert.deepEqual(s.methods(), ['describeSubDomainRecords']);
});

test('a new record is validated, then written with the zone\'s minimum TTL checked', async () => {
  const s = service({
    describeDomainInfo: [{ domainName: 'example.com', minTtl: 600 }],
    describeSubDomainRecords: [records()],
    addDomainRecord: [{ recordId: 'r-2' }],
  });
  await assert.rejects(s.dns.addDomainRecord('example.com', { rr: 'www', type: 'AAAA', value: '203.0.113.10' }), /not one/);
  await assert.rejects(s.dns.addDomainRecord('example.com', { rr: 'www', type: 'AAAA', value: '2408::1', ttl: 60 }), /below this zone's minimum of 600 s/);
  const r = await s.dns.addDomainRecord('example.com', { rr: 'app', type: 'CNAME', value: 'ga-bp1.aliyunga0019.com', ttl: 600 });
  assert.equal(r.written, true);
  assert.equal(r.recordId, 'r-2');
  const add = s.calls.find((c) => c.method === 'addDomainRecord');
  assert.deepEqual({ ...add?.request }, { domainName: 'example.com', RR: 'app', type: 'CNAME', value: 'ga-bp1.aliyunga0019.com', TTL: 600 });
});

test('DomainRecordDuplicate from the server is success once the record is read back', async () => {
  const s = service({
    describeSubDomainRecords: [records(), records(aaaa)],
    addDomainRecord: [apiError('DomainRecordDuplicate', 400, 'The DNS record already exists.')],
  });
  const r = await s.dns.addDomainRecord('example.com', { rr: 'www', type: 'AAAA', value: '2408:4000::1' });
  assert.equal(r.written, false);
  assert.equal(r.recordId, 'r-1');
  assert.deepEqual(s.methods(), ['describeSubDomainRecords', 'addDomainRecord', 'describeSubDomainRecords']);
});

test('AddDomainRecord retries LastOperationNotFinished; DeleteDomainRecord of a missing record is a no-op', async () => {
  const s = service({
    describeSubDomainRecords: [records()],
    addDomainRecord: [apiError('LastOperationNotFinished'), { recordId: 'r-3' }],
    deleteDomainRecord: [apiError('DomainRecordNotBelongToUser')],
  });
  assert.equal((await s.dns.addDomainRecord('example.com', { rr: 'www', type: 'AAAA', value: '2408::1' })).recordId, 'r-3');
  assert.equal(s.calls.filter((c) => c.method === 'addDomainRecord').length, 2);
  assert.deepEqual(await s.dns.deleteDomainRecord('r-9'), { id: 'r-9', alreadyGone: true });
});

test('updating a record to what it already is writes nothing; to a clashing value is refused', async () => {
  const s = service({
    describeDomainRecordInfo: [aaaa],
    describeSubDomainRecords: [records(aaaa, { recordId: 'r-5', RR: 'www', type: 'AAAA', value: '2408::5', line: 'default' })],
  });
  assert.equal((await s.dns.updateDomainRecord('example.com', 'r-1', { rr: 'www', type: 'AAAA', value: '2408:4000::1' })).written, false);
  await assert.rejects(s.dns.updateDomainRecord('example.com', 'r-1', { rr: 'www', type: 'AAAA', value: '2408::5' }), /identical AAAA record \(r-5\)/);
  assert.equal(s.calls.filter((c) => c.method === 'updateDomainRecord').length, 0);
});

test('describeDomainRecords pages at 500 and passes the filters', async () => {
  const s = service({ describeDomainRecords: [records(aaaa)] });
  const rs = await s.dns.describeDomainRecords('example.com', { type: 'AAAA', rrKeyWord: 'ww' });
  assert.equal(rs.length, 1);
  assert.deepEqual(rs[0], { recordId: 'r-1', domainName: 'example.com', rr: 'www', type: 'AAAA', value: '2408:4000::1', ttl: 600, line: 'default', priority: undefined, status: undefined, locked: undefined, remark: undefined });
  assert.equal(s.calls[0].request.pageSize, 500);
  assert.equal(s.calls[0].request.type, 'AAAA');
  assert.equal(s.calls[0].request.RRKeyWord, 'ww');
});
