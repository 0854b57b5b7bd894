// DnsService against the emulator's Alidns, on the seed fixture's zone example.com (www AAAA, app CNAME,
// apex A/MX/TXT): reads, idempotent writes and the conflict rules.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startCloud, type Harness } from './cloudHarness';
import { CloudError } from '../../src/cloud';

let h: Harness;
before(async () => (h = await startCloud('seed')));
after(() => h.stop());

test('reads: zones, zone info, all records, one name\'s records', async () => {
  const { dns } = h.services();
  assert.deepEqual((await dns.describeDomains()).map((d) => d.domainName), ['example.com']);
  const info = await dns.describeDomainInfo('example.com');
  assert.equal(info.minTtl, 600);
  const all = await dns.describeDomainRecords('example.com');
  assert.ok(all.some((r) => r.rr === 'www' && r.type === 'AAAA'));
  assert.ok(all.some((r) => r.rr === 'app' && r.type === 'CNAME'));
  const onlyAaaa = await dns.describeDomainRecords('example.com', { type: 'AAAA' });
  assert.ok(onlyAaaa.length >= 1 && onlyAaaa.every((r) => r.type === 'AAAA'));
  const www = await dns.describeSubDomainRecords('www.example.com', { domainName: 'example.com' });
  assert.deepEqual(www.map((r) => r.type), ['AAAA']);
});

test('a CNAME on a name with an AAAA record is a conflict naming that record; nothing is written', async () => {
  const { dns } = h.services();
  const before = await dns.describeDomainRecords('example.com');
  const www = before.find((r) => r.rr === 'www' && r.type === 'AAAA');
  await assert.rejects(
    dns.addDomainRecord('example.com', { rr: 'www', type: 'CNAME', value: 'ga-x.aliyunga0019.com' }),
    (e: unknown) => e instanceof CloudError && e.category === 'conflict' && e.message.includes(www?.recordId ?? '?') && /CNAME cannot share its name/.test(e.message),
  );
  assert.equal((await dns.describeDomainRecords('example.com')).length, before.length);
});

test('adding an identical record succeeds without a second record', async () => {
  const { dns } = h.services();
  const before = await dns.describeDomainRecords('example.com');
  const www = before.find((r) => r.rr === 'www' && r.type === 'AAAA');
  assert.ok(www);
  const r = await dns.addDomainRecord('example.com', { rr: 'www', type: 'AAAA', value: www.value, ttl: 600 });
  assert.equal(r.written, false);
  assert.equal(r.recordId, www.recordId);
  assert.equal((await dns.describeDomainRecords('example.com')).length, before.length);
  const requests = await h.admin.requests();
  assert.ok(!requests.some((q) => q.action === 'AddDomainRecord'), 'no AddDomainRecord was sent');
});

test('the server\'s own conflict and duplicate rules agree (raw AddDomainRecord)', async () => {
  const { dns, connection } = h.services();
  const sdk = (await import('../../src/cloud/sdk')).loadSdk();
  const www = (await dns.describeSubDomainRecords('www.example.com', { domainName: 'example.com' }))[0];
  const raw = (rr: string, type: string, value: string) =>
    connection.dns.addDomainRecordWithOptions(new sdk.$Alidns.AddDomainRecordRequest({ domainName: 'example.com', RR: rr, type, value }), new sdk.$dara.RuntimeOptions({}));
  await assert.rejects(raw('www', 'AAAA', www.value), { code: 'DomainRecordDuplicate' });
  await assert.rejects(raw('www', 'CNAME', 'ga-x.aliyunga0019.com'), { code: 'DomainRecordConflict' });
});

test('add, update, delete a record; a second delete is a no-op', async () => {
  const { dns } = h.services();
  const added = await dns.addDomainRecord('example.com', { rr: 'v6', type: 'AAAA', value: '2001:db8::10', ttl: 600 });
  assert.equal(added.written, true);
  const same = await dns.updateDomainRecord('example.com', added.recordId, { rr: 'v6', type: 'AAAA', value: '2001:db8::10', ttl: 600 });
  assert.equal(same.written, false, 'no write when nothing changes');
  const changed = await dns.updateDomainRecord('example.com', added.recordId, { rr: 'v6', type: 'AAAA', value: '2001:db8::20', ttl: 1200 });
  assert.equal(changed.written, true);
  assert.deepEqual((await dns.describeSubDomainRecords('v6.example.com', { domainName: 'example.com' })).map((r) => [r.value, r.ttl]), [['2001:db8::20', 1200]]);
  await assert.rejects(dns.updateDomainRecord('example.com', added.recordId, { rr: 'v6', type: 'AAAA', value: '2001:db8::20', ttl: 60 }), { category: 'invalid' });
  assert.equal((await dns.deleteDomainRecord(added.recordId)).alreadyGone, false);
  assert.equal((await dns.deleteDomainRecord(added.recordId)).alreadyGone, true);
  assert.deepEqual(await dns.describeSubDomainRecords('v6.example.com', { domainName: 'example.com' }), []);
});
