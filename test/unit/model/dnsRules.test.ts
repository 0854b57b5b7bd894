import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkRecord, checkRR, findRecordClash, recordFqdn, type ExistingRecord } from '../../../src/model';

const zone: ExistingRecord[] = [
  { recordId: '1', rr: 'www', type: 'AAAA', value: 'fd6a:6761::a:1', line: 'default' },
  { recordId: '2', rr: '@', type: 'MX', value: 'mail.example.com', priority: 10 },
  { recordId: '3', rr: 'app', type: 'CNAME', value: 'ga-bp1.aliyunga0019.com' },
];

test('RR: apex, wildcard, labels', () => {
  assert.equal(checkRR('@'), undefined);
  assert.equal(checkRR('*'), undefined);
  assert.equal(checkRR('*.dev'), undefined);
  assert.match(checkRR('') ?? '', /use @ for the zone apex/);
  assert.match(checkRR('-bad') ?? '', /hyphen/);
  assert.match(checkRR('a..b') ?? '', /1 to 63/);
});

test('records: values must match their type', () => {
  assert.equal(checkRecord({ rr: 'www', type: 'AAAA', value: 'fd6a::1', ttl: 600 }), undefined);
  assert.match(checkRecord({ rr: 'www', type: 'A', value: 'fd6a::1' }) ?? '', /IPv4/);
  assert.match(checkRecord({ rr: 'mx', type: 'MX', value: 'mail.example.com' }) ?? '', /priority/);
  assert.match(checkRecord({ rr: 'www', type: 'SPF', value: 'x' }) ?? '', /not one of/);
});

test('clash: an identical record is a duplicate, whatever the case of the value', () => {
  const c = findRecordClash({ rr: 'WWW', type: 'AAAA', value: 'FD6A:6761::A:1' }, zone);
  assert.equal(c?.kind, 'duplicate');
  assert.equal(c?.existing.recordId, '1');
});

test('clash: CNAME conflicts with other types on the same name, both ways', () => {
  const c1 = findRecordClash({ rr: 'www', type: 'CNAME', value: 'ga.example.net' }, zone);
  assert.equal(c1?.kind, 'conflict');
  const c2 = findRecordClash({ rr: 'app', type: 'AAAA', value: 'fd6a::2' }, zone);
  assert.equal(c2?.kind, 'conflict');
  assert.match(c2 && c2.kind === 'conflict' ? c2.message : '', /already has a CNAME/);
  const c3 = findRecordClash({ rr: 'app', type: 'CNAME', value: 'other.example.net' }, zone);
  assert.match(c3 && c3.kind === 'conflict' ? c3.message : '', /only one CNAME/);
});

test('clash: at the apex a CNAME may coexist with MX and TXT; another line is another name', () => {
  assert.equal(findRecordClash({ rr: '@', type: 'CNAME', value: 'ga.example.net' }, zone), undefined);
  assert.equal(findRecordClash({ rr: 'www', type: 'CNAME', value: 'ga.example.net', line: 'telecom' }, zone), undefined);
  assert.equal(findRecordClash({ rr: 'www', type: 'AAAA', value: 'fd6a::9' }, zone), undefined);
});

test('clash: the record being updated is ignored', () => {
  assert.equal(findRecordClash({ rr: 'app', type: 'CNAME', value: 'other.example.net' }, zone, '3'), undefined);
});

test('fqdn of a record', () => {
  assert.equal(recordFqdn('@', 'example.com'), 'example.com');
  assert.equal(recordFqdn('www', 'example.com'), 'www.example.com');
});

test('clash: AAAA values are compared as addresses, not as text', () => {
  const c = findRecordClash({ rr: 'www', type: 'AAAA', value: 'fd6a:6761:0:0:0:0:a:1' }, zone);
  assert.equal(c?.kind, 'duplicate');
});
