import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CloudError, toCloudError, type ErrorContext } from '../../../src/cloud/errors';
import { categoryOfCode } from '../../../src/cloud/errorCodes';
import { apiError, networkError } from './fakes';

const SECRET = 'S3cr3tAccessKeySecretValue123';
const ctx = (action = 'CreateIpSets', product: 'ga' | 'alidns' = 'ga'): ErrorContext => ({
  action,
  product,
  profileName: 'work',
  endpoint: 'ga.cn-hangzhou.aliyuncs.com',
  accessKeyId: 'LTAI5tExampleId',
  secrets: [SECRET],
});

test('SignatureDoesNotMatch: the secret of the named profile is wrong, and what to do', () => {
  const e = toCloudError(apiError('SignatureDoesNotMatch', 400, 'The request signature does not conform to Aliyun standards.'), ctx());
  assert.equal(e.category, 'auth');
  assert.equal(e.code, 'SignatureDoesNotMatch');
  assert.equal(e.httpStatus, 400);
  assert.equal(e.requestId, 'req-1');
  assert.match(e.recommend ?? '', /^https:\/\/api\.aliyun\.com\/troubleshoot/);
  assert.match(e.message, /AccessKey secret of profile "work" is wrong/);
  assert.match(e.message, /Enter the correct secret for AccessKey LTAI5tExampleId/);
  assert.match(e.message, /RequestId req-1/);
});

test('InvalidAccessKeyId.NotFound: the key id does not exist or its STS token expired', () => {
  const e = toCloudError(apiError('InvalidAccessKeyId.NotFound', 404, 'Specified access key is not found.'), ctx());
  assert.equal(e.category, 'auth');
  assert.match(e.message, /AccessKey id LTAI5tExampleId of profile "work" does not exist, or its STS security token has expired/);
});

test('Forbidden.RAM names the missing RAM permission and how to grant it, per product', () => {
  const ga = toCloudError(apiError('Forbidden.RAM', 403, 'User not authorized to operate on the specified resource.'), ctx('CreateIpSets'));
  assert.equal(ga.category, 'permission');
  assert.match(ga.message, /RAM permission ga:CreateIpSets is missing/);
  assert.match(ga.message, /AliyunGAFullAccess/);
  const dns = toCloudError(apiError('Forbidden.RAM', 403, 'denied'), ctx('AddDomainRecord', 'alidns'));
  assert.match(dns.message, /alidns:AddDomainRecord/);
  assert.match(dns.message, /AliyunDNSFullAccess/);
  const detailed = toCloudError(apiError('Forbidden.RAM', 403, 'denied', { AccessDeniedDetail: { AuthAction: 'ga:ListIpSets' } }), ctx('ListIpSets'));
  assert.match(detailed.message, /ga:ListIpSets/);
});

test('codes map to categories', () => {
  const cases: [string, number, string][] = [
    ['Throttling.User', 400, 'throttled'],
    ['Rejected.Throttling', 400, 'throttled'],
    ['StateError.Accelerator', 400, 'busy'],
    ['NotActive.Listener', 400, 'busy'],
    ['NotExist.IpSet', 400, 'notFound'],
    ['NotExist.EndPointGroup', 400, 'notFound'],
    ['InvalidRR.NoExist', 400, 'notFound'],
    ['Exist.Listener', 400, 'conflict'],
    ['BindExist.Accelerator', 400, 'conflict'],
    ['PortConflict.Listener', 400, 'conflict'],
    ['DomainRecordConflict', 400, 'conflict'],
    ['QuotaExceeded.Listener', 400, 'quota'],
    ['InvalidParameter', 400, 'invalid'],
    ['IllegalParameter.Spec', 400, 'invalid'],
    ['InternalError', 500, 'server'],
    ['Whatever', 503, 'server'],
    ['NoPermission.VpcEndpoint', 400, 'permission'],
  ];
  for (const [code, status, category] of cases) assert.equal(categoryOfCode(code, status), category, code);
});

test('busy, not found and throttled messages say what to do', () => {
  assert.match(toCloudError(apiError('StateError.Accelerator', 400, 'instance busy'), ctx()).message, /busy with another change \(StateError\.Accelerator\).*instance busy.*Wait until it is active again/);
  assert.match(toCloudError(apiError('NotExist.IpSet', 400, 'not exist'), ctx()).message, /not found \(NotExist\.IpSet\).*refresh/);
  assert.match(toCloudError(apiError('Throttling.User', 400, 'too fast'), ctx()).message, /throttling requests from profile "work".*Wait a moment/);
});

test('network errors name the endpoint and are transient only when a retry can help', () => {
  const refused = toCloudError(networkError('ECONNREFUSED'), ctx());
  assert.equal(refused.category, 'network');
  assert.equal(refused.transient, false);
  assert.match(refused.message, /Global Accelerator endpoint ga\.cn-hangzhou\.aliyuncs\.com refused the connection/);
  assert.match(refused.message, /profile "work"/);
  for (const code of ['ECONNRESET', 'ETIMEDOUT']) {
    const e = toCloudError(networkError(code), ctx());
    assert.equal(e.category, 'network');
    assert.equal(e.transient, true, code);
  }
  const hangUp = toCloudError(new Error('socket hang up'), ctx());
  assert.equal(hangUp.category, 'network');
  assert.equal(hangUp.transient, true);
  const timeout = toCloudError(Object.assign(new Error('ReadTimeout: 20000. POST / failed.'), { name: 'RequestTimeoutError' }), ctx());
  assert.equal(timeout.category, 'timeout');
  assert.match(timeout.message, /did not answer CreateIpSets in time/);
});

test('AbortError becomes cancelled; a CloudError passes through unchanged', () => {
  const abort = Object.assign(new Error('aborted'), { name: 'AbortError' });
  assert.equal(toCloudError(abort, ctx()).category, 'cancelled');
  const original = new CloudError({ code: 'X', category: 'quota', message: 'm' });
  assert.equal(toCloudError(original, ctx()), original);
});

test('a secret echoed by the server or the HTTP stack never reaches the message', () => {
  const echoed = toCloudError(apiError('InvalidParameter', 400, `bad AccessKeySecret=${SECRET} and Signature=abcdef0123`), ctx());
  assert.ok(!echoed.message.includes(SECRET), echoed.message);
  assert.ok(!echoed.message.includes('abcdef0123'), echoed.message);
  assert.ok(!(echoed.serverMessage ?? '').includes(SECRET));
  const raw = toCloudError(new Error(`unexpected ${SECRET} Authorization: ACS3-HMAC-SHA256 Credential=LTAI,SignedHeaders=host,Signature=deadbeef`), ctx());
  assert.ok(!raw.message.includes(SECRET), raw.message);
  assert.ok(!raw.message.includes('deadbeef'), raw.message);
});
