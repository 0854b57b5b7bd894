import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createCloudLogger, formatLogEntry } from '../../../src/cloud/logger';

const SECRET = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCY';

test('one line per attempt: action, redacted params, duration, RequestId and outcome', () => {
  const lines: string[] = [];
  const log = createCloudLogger((l) => lines.push(l), { now: () => new Date('2026-01-01T00:00:00Z'), secrets: () => [SECRET] });
  log.log({ product: 'ga', action: 'CreateIpSets', params: { AcceleratorId: 'ga-1', ClientToken: 'vsc-1', AccessKeySecret: SECRET, Authorization: 'ACS3-HMAC-SHA256 Credential=x,SignedHeaders=host,Signature=feedface', Nested: { securityToken: 'tok' } }, durationMs: 12.4, requestId: 'R-1', outcome: 'ok', profileName: 'work' });
  log.log({ product: 'ga', action: 'CreateIpSets', durationMs: 3, outcome: 'retry', code: 'Throttling.User', retry: 2, delayMs: 400 });
  log.log({ product: 'alidns', action: 'AddDomainRecord', durationMs: 5, outcome: 'error', code: 'DomainRecordConflict', requestId: 'R-2' });
  log.info(`password is ${SECRET}`);
  assert.equal(lines.length, 4);
  assert.match(lines[0], /^\[2026-01-01T00:00:00\.000Z\] GA CreateIpSets 12 ms ok RequestId=R-1 profile="work" /);
  assert.match(lines[0], /"AcceleratorId":"ga-1"/);
  assert.match(lines[0], /"ClientToken":"vsc-1"/);
  assert.match(lines[1], /GA CreateIpSets 3 ms Throttling\.User → retry 2 in 400 ms/);
  assert.match(lines[2], /ALIDNS AddDomainRecord 5 ms error DomainRecordConflict RequestId=R-2/);
  const all = lines.join('\n');
  for (const bad of [SECRET, 'feedface', '"tok"']) assert.ok(!all.includes(bad), `${bad} leaked: ${all}`);
});

test('formatLogEntry masks secret values that appear inside ordinary fields', () => {
  const line = formatLogEntry({ product: 'ga', action: 'UpdateListener', params: { Description: `oops ${SECRET}` }, durationMs: 1, outcome: 'ok' }, [SECRET]);
  assert.ok(!line.includes(SECRET), line);
});
