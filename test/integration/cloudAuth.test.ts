// Signatures against the emulator: a wrong secret and an unknown key id become auth CloudErrors naming the
// profile, without the secret anywhere; a bogus parameter is caught by the emulator's strict validation.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startCloud, TEST_KEY, type Harness } from './cloudHarness';
import { CloudError, toCloudError } from '../../src/cloud';
import { loadSdk } from '../../src/cloud/sdk';

let h: Harness;
before(async () => (h = await startCloud('seed')));
after(() => h.stop());

test('a wrong AccessKey secret: SignatureDoesNotMatch, naming the profile, no retry, no secret in sight', async () => {
  const wrong = 'WrongSecretValueForTheTest0000';
  const lines: string[] = [];
  const { ga } = h.services(h.profile({ name: 'work laptop', secret: wrong }), { logger: { log: (e) => lines.push(JSON.stringify(e)), info: (l) => lines.push(l) } });
  await h.admin.clearRequests();
  await assert.rejects(ga.listAccelerators(), (e: unknown) => {
    assert.ok(e instanceof CloudError);
    assert.equal(e.category, 'auth');
    assert.equal(e.code, 'SignatureDoesNotMatch');
    assert.match(e.message, /AccessKey secret of profile "work laptop" is wrong/);
    assert.ok(!e.message.includes(wrong) && !e.message.includes(TEST_KEY.accessKeySecret));
    return true;
  });
  assert.equal((await h.admin.requests()).length, 1, 'auth errors are not retried');
});

test('an unknown AccessKey id: InvalidAccessKeyId.NotFound, naming the profile', async () => {
  const { dns } = h.services(h.profile({ name: 'old key', keyId: 'LTAI5tNoSuchKey000000' }));
  await assert.rejects(dns.describeDomains(), (e: unknown) => e instanceof CloudError && e.category === 'auth' && e.code === 'InvalidAccessKeyId.NotFound' && /AccessKey id LTAI5tNoSuchKey000000 of profile "old key" does not exist/.test(e.message));
});

test('a profile whose credentials cannot be read says so', async () => {
  const broken = { ...h.profile({ name: 'locked' }), credentials: async () => { throw new Error('SecretStorage is locked'); } };
  await assert.rejects(h.services(broken).ga.listAccelerators(), (e: unknown) => e instanceof CloudError && e.category === 'auth' && /credentials of profile "locked".*SecretStorage is locked/.test(e.message));
});

test('strict validation on the server catches a parameter the spec does not have', async () => {
  const { connection } = h.services();
  const sdk = loadSdk();
  const request = { regionId: 'cn-hangzhou', acceleratorId: 'ga-x', accelerateRegion: [{ accelerateRegionId: 'cn-beijing', bandwidth: 2 }], bogusField: 'x' };
  const e = await connection.ga.createIpSetsWithOptions(request, new sdk.$dara.RuntimeOptions({})).then(
    () => undefined,
    (err: unknown) => toCloudError(err, { action: 'CreateIpSets', product: 'ga', profileName: 'emulator' }),
  );
  assert.ok(e, 'the bogus field was refused');
  assert.equal(e.category, 'invalid');
  assert.match(e.message, /BogusField/);
});

test('a refused connection is a network CloudError naming the endpoint, not retried', async () => {
  const closed = { ...h.profile({ name: 'nowhere' }), endpoints: { ga: '127.0.0.1:9', dns: '127.0.0.1:9', protocol: 'http' as const } };
  await assert.rejects(h.services(closed).ga.listAccelerators(), (e: unknown) => e instanceof CloudError && e.category === 'network' && /127\.0\.0\.1:9 refused the connection/.test(e.message) && /profile "nowhere"/.test(e.message));
});
