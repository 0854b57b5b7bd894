// Both signature paths, verified with the real SDK against the emulator's access keys.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import AlidnsClient, * as $Alidns from '@alicloud/alidns20150109';
import type { RunningEmulator } from '../../../../src/emulator/api';
import GaClient from '../../../../src/cloud/ga/client';
import { EmulatorAdmin } from '../../../../src/emulator/adminClient';
import { callRpc, OpenApiUtil, rejectsWith, rpcClient, sdkConfig, startTestEmulator, TEST_KEY } from './harness';

const STS_KEY = { accessKeyId: 'STS.testkey000000000002', accessKeySecret: 'sts-secret-abcdefghijklmnopqrstuv', securityToken: 'CAIS-test-security-token' };

describe('emulator signatures', () => {
  let emulator: RunningEmulator;
  before(async () => {
    emulator = await startTestEmulator({ credentials: [TEST_KEY, STS_KEY], seed: 'seed' });
  });
  after(() => emulator.stop());

  it('accepts the default ACS3-HMAC-SHA256 signature of the Alidns SDK', async () => {
    const client = new AlidnsClient(sdkConfig(emulator));
    const res = await client.describeDomains(new $Alidns.DescribeDomainsRequest({ keyWord: 'example' }));
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.body?.domains?.domain?.map((d) => d.domainName), ['example.com']);
  });

  it('accepts the legacy HMAC-SHA1 RPC signature (signatureAlgorithm v2) of the Alidns SDK', async () => {
    const client = new AlidnsClient(sdkConfig(emulator, { v1: true }));
    const res = await client.describeSubDomainRecords(new $Alidns.DescribeSubDomainRecordsRequest({ subDomain: 'www.example.com' }));
    assert.equal(res.body?.domainRecords?.record?.[0]?.type, 'AAAA');
  });

  it('accepts both signatures from the GA client', async () => {
    for (const v1 of [false, true]) {
      const client = new GaClient(sdkConfig(emulator, { v1 }));
      const res = await client.listAvailableAccelerateAreas({ regionId: 'cn-hangzhou' });
      assert.ok((res.body?.areas ?? []).length > 0, `v1=${v1}: areas listed`);
    }
  });

  it('signs parameters with characters that need percent-encoding on both paths', async () => {
    for (const v1 of [false, true]) {
      const body = await callRpc(rpcClient(emulator, { v1 }), 'alidns', 'DescribeDomainRecords', { DomainName: 'example.com', KeyWord: "v=spf1 -all (it's) *!~+&" });
      assert.equal(body.TotalCount, 0, `v1=${v1}`);
    }
  });

  for (const v1 of [false, true]) {
    const path = v1 ? 'RPC HMAC-SHA1' : 'ACS3';

    it(`refuses a wrong secret with SignatureDoesNotMatch (${path}) without leaking the secret`, async () => {
      const err = await rejectsWith(callRpc(rpcClient(emulator, { v1, key: { accessKeySecret: 'not-the-secret' } }), 'alidns', 'DescribeDomains'), 'SignatureDoesNotMatch', 400);
      assert.doesNotMatch(JSON.stringify(err.data), new RegExp(`${TEST_KEY.accessKeySecret}|not-the-secret`));
      assert.match(String(err.data?.Recommend), /product=Alidns/);
    });

    it(`refuses an unknown AccessKey ID with InvalidAccessKeyId.NotFound 404 (${path})`, async () => {
      await rejectsWith(callRpc(rpcClient(emulator, { v1, key: { accessKeyId: 'LTAIunknown' } }), 'ga', 'ListAvailableAccelerateAreas', { RegionId: 'cn-hangzhou' }), 'InvalidAccessKeyId.NotFound', 404);
    });

    it(`accepts an STS key only with its own security token (${path})`, async () => {
      const body = await callRpc(rpcClient(emulator, { v1, key: STS_KEY }), 'alidns', 'DescribeDomains');
      assert.equal(body.TotalCount, 1);
      // The documented codes (docs/error-codes.md): a token that is not the key's is InvalidAccessKeyId.NotFound.
      const foreign = await rejectsWith(callRpc(rpcClient(emulator, { v1, key: { ...STS_KEY, securityToken: 'CAIS-some-other-token' } }), 'alidns', 'DescribeDomains'), 'InvalidAccessKeyId.NotFound', 404);
      assert.match(foreign.message, /not issued with AccessKey ID/);
      const missing = await rejectsWith(callRpc(rpcClient(emulator, { v1, key: { ...STS_KEY, securityToken: undefined } }), 'alidns', 'DescribeDomains'), 'MissingSecurityToken');
      assert.match(missing.message, /STS key/);
      const longTerm = await rejectsWith(callRpc(rpcClient(emulator, { v1, key: { ...TEST_KEY, securityToken: STS_KEY.securityToken } }), 'alidns', 'DescribeDomains'), 'InvalidAccessKeyId.NotFound', 404);
      assert.match(longTerm.message, /long-term key/);
    });
  }

  it('refuses an unsigned request with a clear MissingParameter', async () => {
    const res = await fetch(`http://${emulator.endpoint}/?DomainName=example.com`, { method: 'POST', headers: { 'x-acs-action': 'DescribeDomainRecords', 'x-acs-version': '2015-01-09' } });
    assert.equal(res.status, 400);
    const body = (await res.json()) as Record<string, string>;
    assert.equal(body.Code, 'MissingParameter');
    assert.match(body.Message, /not signed/);
    assert.match(body.RequestId, /^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/);
  });

  it('refuses a malformed or unsupported Authorization header with IncompleteSignature', async () => {
    for (const authorization of ['ACS3-HMAC-SHA256 garbage', 'ACS3-HMAC-SM3 Credential=x,SignedHeaders=host,Signature=00']) {
      const res = await fetch(`http://${emulator.endpoint}/`, { method: 'POST', headers: { authorization, 'x-acs-action': 'DescribeDomains', 'x-acs-version': '2015-01-09' } });
      assert.equal(((await res.json()) as { Code: string }).Code, 'IncompleteSignature');
    }
  });

  it('refuses a replayed nonce and a stale timestamp like the gateway', async () => {
    const original = { nonce: OpenApiUtil.getNonce, timestamp: OpenApiUtil.getTimestamp };
    try {
      OpenApiUtil.getNonce = () => 'fixed-nonce-for-replay-test';
      await callRpc(rpcClient(emulator), 'alidns', 'DescribeDomains');
      await rejectsWith(callRpc(rpcClient(emulator), 'alidns', 'DescribeDomains'), 'SignatureNonceUsed');
      OpenApiUtil.getNonce = original.nonce;
      OpenApiUtil.getTimestamp = () => '2020-01-01T00:00:00Z';
      for (const v1 of [false, true]) await rejectsWith(callRpc(rpcClient(emulator, { v1 }), 'alidns', 'DescribeDomains'), 'InvalidTimeStamp.Expired');
    } finally {
      OpenApiUtil.getNonce = original.nonce;
      OpenApiUtil.getTimestamp = original.timestamp;
    }
  });

  it('keeps signatures, tokens and key ids out of the request log', async () => {
    await callRpc(rpcClient(emulator, { v1: true, key: STS_KEY }), 'alidns', 'DescribeDomainRecords', { DomainName: 'example.com' });
    const log = await new EmulatorAdmin(`http://${emulator.endpoint}`).requests();
    const text = JSON.stringify(log);
    assert.ok(log.some((e) => e.action === 'DescribeDomainRecords' && e.params.DomainName === 'example.com'));
    for (const secret of [STS_KEY.securityToken, STS_KEY.accessKeySecret, TEST_KEY.accessKeySecret]) assert.ok(!text.includes(secret), 'a secret is in the log');
    for (const entry of log) {
      for (const name of ['Signature', 'SecurityToken', 'AccessKeyId', 'SignatureNonce']) assert.ok(!(name in entry.params), `${name} logged for ${entry.action}`);
    }
  });
});
