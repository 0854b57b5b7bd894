// Un-flattening and wire-spec validation: pure functions first, then through the gateway with the real SDK.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ApiError, type ProductModule, type RunningEmulator } from '../../../../src/emulator/api';
import { dnsModule } from '../../../../src/emulator/dns';
import { startEmulatorWith } from '../../../../src/emulator/emulatorHost';
import { unflatten } from '../../../../src/emulator/unflatten';
import { paramDefault } from '../../../../src/emulator/wireSpec';
import { validateParams } from '../../../../src/emulator/wireValidation';
import { callRpc, rejectsWith, rpcClient, TEST_KEY } from './harness';

function apiError(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof ApiError, `expected an ApiError, got ${e}`);
    return e;
  }
  assert.fail('expected an ApiError');
}

describe('unflatten', () => {
  it('rebuilds lists of structures, nested lists and objects from dotted keys', () => {
    assert.deepEqual(
      unflatten({
        'AccelerateRegion.2.AccelerateRegionId': 'cn-beijing',
        'AccelerateRegion.1.AccelerateRegionId': 'cn-hongkong',
        'AccelerateRegion.1.Bandwidth': '2',
        'IpSetIds.1': 'a',
        'IpSetIds.3': 'c',
        'XForwardedForConfig.XRealIpEnabled': 'true',
        'EndpointGroupConfigurations.1.EndpointConfigurations.1.Endpoint': '1.2.3.4',
        AcceleratorId: 'ga-1',
      }),
      {
        AccelerateRegion: [{ AccelerateRegionId: 'cn-hongkong', Bandwidth: '2' }, { AccelerateRegionId: 'cn-beijing' }],
        IpSetIds: ['a', 'c'],
        XForwardedForConfig: { XRealIpEnabled: 'true' },
        EndpointGroupConfigurations: [{ EndpointConfigurations: [{ Endpoint: '1.2.3.4' }] }],
        AcceleratorId: 'ga-1',
      },
    );
  });

  it('refuses ambiguous shapes with InvalidParameter naming the key', () => {
    assert.match(apiError(() => unflatten({ Tag: 'x', 'Tag.1.Key': 'k' })).message, /"Tag" was sent both/);
    assert.match(apiError(() => unflatten({ 'Tag.1.Key': 'k', 'Tag.Key': 'k' })).message, /mixes list items/);
    assert.equal(apiError(() => unflatten({ 'Tag..Key': 'k' })).code, 'InvalidParameter');
  });

  it('keeps "__proto__" an ordinary key instead of touching prototypes', () => {
    const out = unflatten({ '__proto__.polluted': 'yes' });
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.deepEqual(Object.keys(out), ['__proto__']);
  });
});

describe('validateParams', () => {
  const strict = { strict: true };

  it('coerces integers, longs and booleans and keeps nested structure', () => {
    const params = validateParams('ga', 'CreateIpSets', {
      AcceleratorId: 'ga-1',
      RegionId: 'cn-hangzhou',
      AccelerateRegion: [{ AccelerateRegionId: 'cn-hongkong', Bandwidth: '2', IpVersion: 'IPv6' }],
    }, strict);
    assert.deepEqual(params.AccelerateRegion, [{ AccelerateRegionId: 'cn-hongkong', Bandwidth: 2, IpVersion: 'IPv6' }]);
    assert.equal(validateParams('alidns', 'DescribeDomainInfo', { DomainName: 'example.com', NeedDetailAttributes: 'TRUE' }, strict).NeedDetailAttributes, true);
    assert.equal(validateParams('alidns', 'DescribeDomainRecords', { DomainName: 'x.com', GroupId: '-2' }, strict).GroupId, -2);
  });

  it('names a missing required parameter, also inside a list item', () => {
    const top = apiError(() => validateParams('ga', 'CreateIpSets', { RegionId: 'cn-hangzhou', AccelerateRegion: [{ AccelerateRegionId: 'x', Bandwidth: '2' }] }, strict));
    assert.equal(top.code, 'MissingParameter');
    assert.equal(top.message, 'The input parameter "AcceleratorId" that is mandatory for processing this request is not supplied.');
    const nested = apiError(() => validateParams('ga', 'CreateIpSets', { RegionId: 'cn-hangzhou', AcceleratorId: 'ga-1', AccelerateRegion: [{ AccelerateRegionId: 'x' }] }, strict));
    assert.match(nested.message, /"AccelerateRegion\.1\.Bandwidth"/);
    assert.equal(apiError(() => validateParams('alidns', 'AddDomainRecord', { DomainName: 'example.com', RR: '', Type: 'A', Value: '1.2.3.4' }, strict)).code, 'MissingParameter');
  });

  it('names the parameter and the allowed values for enum, range, type, length and list size', () => {
    const e = apiError(() => validateParams('alidns', 'DescribeDomainRecords', { DomainName: 'x.com', Status: 'On' }, strict));
    assert.equal(e.code, 'InvalidParameter');
    assert.match(e.message, /"Status".*"On".*Enable, Disable/);
    assert.match(apiError(() => validateParams('alidns', 'DescribeDomainRecords', { DomainName: 'x.com', PageSize: '501' }, strict)).message, /"PageSize".*501.*maximum of 500/);
    assert.match(apiError(() => validateParams('ga', 'ListAccelerators', { RegionId: 'cn-hangzhou', PageSize: '51' }, strict)).message, /maximum of 50/);
    assert.match(apiError(() => validateParams('alidns', 'AddDomainRecord', { DomainName: 'x.com', RR: 'a', Type: 'A', Value: '1.2.3.4', TTL: '10m' }, strict)).message, /"TTL".*not a whole number/);
    assert.match(apiError(() => validateParams('ga', 'ListAccelerators', { RegionId: 'cn-hangzhou', PageSize: '0' }, strict)).message, /below the minimum of 1/);
    assert.match(apiError(() => validateParams('ga', 'CreateIpSets', { RegionId: 'cn-hangzhou', AcceleratorId: 'a', ClientToken: 'x'.repeat(65), AccelerateRegion: [{ AccelerateRegionId: 'x', Bandwidth: '2' }] }, strict)).message, /"ClientToken".*at most 64/);
    const tags = Array.from({ length: 21 }, (_, i) => ({ Key: `k${i}`, Value: 'v' }));
    assert.match(apiError(() => validateParams('ga', 'ListAccelerators', { RegionId: 'cn-hangzhou', Tag: tags }, strict)).message, /"Tag".*21 items.*maximum of 20/);
    assert.match(apiError(() => validateParams('ga', 'CreateIpSets', { RegionId: 'cn-hangzhou', AcceleratorId: 'a', AccelerateRegion: 'cn-hongkong' }, strict)).message, /AccelerateRegion\.1/);
    assert.match(apiError(() => validateParams('ga', 'DescribeAccelerator', { RegionId: 'cn-hangzhou', AcceleratorId: ['a'] }, strict)).message, /single value/);
  });

  it('rejects unknown parameters in strict mode only, naming them', () => {
    const e = apiError(() => validateParams('alidns', 'DescribeDomains', { Keyword: 'x' }, strict));
    assert.equal(e.code, 'InvalidParameter');
    assert.match(e.message, /"Keyword".*DescribeDomains has no parameter of that name.*KeyWord/);
    assert.match(apiError(() => validateParams('ga', 'CreateIpSets', { RegionId: 'cn-hangzhou', AcceleratorId: 'a', AccelerateRegion: [{ AccelerateRegionId: 'x', Bandwidth: '2', Foo: '1' }] }, strict)).message, /"AccelerateRegion\.1\.Foo"/);
    assert.deepEqual(validateParams('alidns', 'DescribeDomains', { Keyword: 'x', PageSize: '5' }, { strict: false }), { PageSize: 5 });
  });

  it('accepts the gateway\'s common parameters without naming them as unknown', () => {
    assert.deepEqual(validateParams('alidns', 'DescribeDomains', { RegionId: 'cn-hangzhou', Action: 'DescribeDomains', Format: 'json' }, strict), {});
  });

  it('exposes spec defaults for handlers', () => {
    assert.equal(paramDefault('alidns', 'DescribeDomainRecords', 'PageSize'), 20);
    assert.equal(paramDefault('ga', 'CreateIpSets', 'AccelerateRegion.IpVersion'), 'IPv4');
  });
});

describe('validation through the gateway', () => {
  // A GA stand-in that records what its handler receives, to see un-flattening and coercion end to end.
  let received: Record<string, unknown> | undefined;
  const echoGa: ProductModule = {
    product: 'ga',
    version: '2019-11-20',
    handlers: {
      CreateIpSets: (params) => {
        received = params;
        return {};
      },
      ListIpSets: () => ({ IpSets: [], Surprise: true }),
      DescribeAccelerator: () => {
        throw new Error('handler bug');
      },
    },
  };
  let strict: RunningEmulator;
  let lenient: RunningEmulator;
  before(async () => {
    strict = await startEmulatorWith({ modules: [echoGa, dnsModule], fixtures: {} }, { credentials: [TEST_KEY] });
    lenient = await startEmulatorWith({ modules: [echoGa, dnsModule], fixtures: {} }, { credentials: [TEST_KEY], strict: false });
  });
  after(async () => {
    await strict.stop();
    await lenient.stop();
  });

  it('hands the handler un-flattened, coerced parameters from the SDK\'s flattened query', async () => {
    for (const v1 of [false, true]) {
      await callRpc(rpcClient(strict, { v1 }), 'ga', 'CreateIpSets', {
        RegionId: 'cn-hangzhou',
        AcceleratorId: 'ga-1',
        AccelerateRegion: [{ AccelerateRegionId: 'cn-hongkong', Bandwidth: 2, IpVersion: 'IPv6' }, { AccelerateRegionId: 'cn-beijing', Bandwidth: 3 }],
      });
      assert.deepEqual(received, {
        AccelerateRegion: [{ AccelerateRegionId: 'cn-hongkong', Bandwidth: 2, IpVersion: 'IPv6' }, { AccelerateRegionId: 'cn-beijing', Bandwidth: 3 }],
        AcceleratorId: 'ga-1',
        RegionId: 'cn-hangzhou',
      });
    }
  });

  it('merges a form body (as Terraform sends it) with the query, on both signature paths', async () => {
    const { $OpenApiUtil, OpenApiUtil } = await import('@alicloud/openapi-core');
    const { RuntimeOptions } = await import('@darabonba/typescript');
    for (const v1 of [false, true]) {
      received = undefined;
      await rpcClient(strict, { v1 }).callApi(
        new $OpenApiUtil.Params({ action: 'CreateIpSets', version: '2019-11-20', protocol: 'HTTPS', pathname: '/', method: 'POST', authType: 'AK', style: 'RPC', reqBodyType: 'formData', bodyType: 'json' }),
        new $OpenApiUtil.OpenApiRequest({ query: { RegionId: 'cn-hangzhou' }, body: OpenApiUtil.query({ AcceleratorId: 'ga-2', AccelerateRegion: [{ AccelerateRegionId: 'cn-hongkong', Bandwidth: 5 }] }) }),
        new RuntimeOptions({}),
      );
      assert.deepEqual(received, { AccelerateRegion: [{ AccelerateRegionId: 'cn-hongkong', Bandwidth: 5 }], AcceleratorId: 'ga-2', RegionId: 'cn-hangzhou' }, `v1=${v1}`);
    }
  });

  it('answers validation errors as the gateway does', async () => {
    const err = await rejectsWith(callRpc(rpcClient(strict), 'alidns', 'AddDomainRecord', { DomainName: 'example.com', Type: 'A', Value: '1.2.3.4' }), 'MissingParameter', 400);
    assert.match(err.message, /"RR"/);
    await rejectsWith(callRpc(rpcClient(strict), 'alidns', 'DescribeDomains', { Keyword: 'x' }), 'InvalidParameter', 400);
    const body = await callRpc(rpcClient(lenient), 'alidns', 'DescribeDomains', { Keyword: 'x' });
    assert.equal(body.TotalCount, 0);
  });

  it('answers a handler crash with 500 InternalError and keeps serving', async () => {
    const err = await rejectsWith(callRpc(rpcClient(strict), 'ga', 'DescribeAccelerator', { RegionId: 'cn-hangzhou', AcceleratorId: 'ga-1' }), 'InternalError', 500);
    assert.doesNotMatch(err.message, /handler bug/);
    assert.equal((await callRpc(rpcClient(strict), 'alidns', 'DescribeDomains')).TotalCount, 0);
  });

  it('fails an answer with fields the real API does not have (strict), and only logs it (lenient)', async () => {
    const err = await rejectsWith(callRpc(rpcClient(strict), 'ga', 'ListIpSets', { RegionId: 'cn-hangzhou', AcceleratorId: 'ga-1' }), 'InternalError', 500);
    assert.match(err.message, /Emulator bug: .*ListIpSets.*Surprise: not a response field/);
    assert.equal((await callRpc(rpcClient(lenient), 'ga', 'ListIpSets', { RegionId: 'cn-hangzhou', AcceleratorId: 'ga-1' })).Surprise, true);
  });

  it('routes unknown versions and actions to the gateway\'s codes', async () => {
    const client = rpcClient(strict);
    const { $OpenApiUtil, OpenApiUtil } = await import('@alicloud/openapi-core');
    const { RuntimeOptions } = await import('@darabonba/typescript');
    const call = (version: string, action: string): Promise<unknown> =>
      client.callApi(
        new $OpenApiUtil.Params({ action, version, protocol: 'HTTPS', pathname: '/', method: 'POST', authType: 'AK', style: 'RPC', reqBodyType: 'formData', bodyType: 'json' }),
        new $OpenApiUtil.OpenApiRequest({ query: OpenApiUtil.query({}) }),
        new RuntimeOptions({}),
      );
    const version = await rejectsWith(call('2014-05-26', 'DescribeInstances'), 'InvalidVersion', 400);
    assert.match(version.message, /2019-11-20 \(ga\), 2015-01-09 \(alidns\)/);
    const unknown = await rejectsWith(call('2019-11-20', 'NoSuchAction'), 'InvalidAction.NotFound', 404);
    assert.match(String(unknown.data?.Recommend), /^https:\/\/api\.aliyun\.com\/troubleshoot\?q=InvalidAction\.NotFound&product=Ga&requestId=/);
    // A real action this emulator's wiring does not serve: the API has it, so the answer says so honestly.
    const missing = await rejectsWith(call('2019-11-20', 'ListAccelerators'), 'Emulator.NotImplemented', 501);
    assert.match(missing.message, /has the action ListAccelerators, but this local emulator does not serve it/);
    assert.equal(missing.data?.HostId, 'ga.cn-hangzhou.aliyuncs.com');
  });

  it('survives garbage: bad methods, paths and oversized bodies get JSON errors', async () => {
    const base = `http://${strict.endpoint}`;
    const put = await fetch(`${base}/`, { method: 'PUT' });
    assert.equal(put.status, 403, 'as Alibaba Cloud documents UnsupportedHTTPMethod');
    assert.equal(((await put.json()) as { Code: string }).Code, 'UnsupportedHTTPMethod');
    const big = await fetch(`${base}/`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'a='.padEnd(2 * 1024 * 1024, 'x') }).catch((e: Error) => e);
    if (!(big instanceof Error)) assert.equal(big.status, 413);
    const weird = await fetch(`${base}/%zz?%zz=%`, { method: 'POST' });
    assert.ok([400, 404].includes(weird.status));
    assert.ok(typeof ((await weird.json()) as { Code: string }).Code === 'string');
  });
});
