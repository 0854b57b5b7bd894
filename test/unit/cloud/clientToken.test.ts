import { test } from 'node:test';
import assert from 'node:assert/strict';
import { acceptsClientToken, newClientToken, withClientToken, MAX_CLIENT_TOKEN_LENGTH } from '../../../src/cloud/clientToken';

test('the actions that take a ClientToken are those whose request has the field (ga-api.md §6.1)', () => {
  for (const a of ['CreateAccelerator', 'UpdateAccelerator', 'CreateBandwidthPackage', 'DeleteBandwidthPackage', 'CreateIpSets', 'UpdateIpSet', 'DeleteIpSet', 'CreateListener', 'UpdateListener', 'DeleteListener', 'CreateEndpointGroup', 'UpdateEndpointGroup', 'DeleteEndpointGroup']) {
    assert.ok(acceptsClientToken(a), a);
  }
  for (const a of ['DeleteAccelerator', 'BandwidthPackageAddAccelerator', 'BandwidthPackageRemoveAccelerator', 'DeleteIpSets', 'DescribeIpSet', 'ListAccelerators', 'AddDomainRecord']) {
    assert.ok(!acceptsClientToken(a), a);
  }
});

test('tokens are ASCII, at most 64 characters, and unique', () => {
  const seen = new Set<string>();
  for (let i = 0; i < 200; i++) {
    const t = newClientToken('BandwidthPackageRemoveAcceleratorWithAVeryLongNameIndeed');
    assert.ok(t.length <= MAX_CLIENT_TOKEN_LENGTH, t);
    assert.match(t, /^[\x21-\x7e]+$/);
    seen.add(t);
  }
  assert.equal(seen.size, 200);
  assert.match(newClientToken('CreateIpSets', () => 'u-1'), /^vsc-CreateIpSets-u-1$/);
});

test('withClientToken adds one only where accepted and keeps a given one', () => {
  assert.equal((withClientToken('DeleteIpSets', { ipSetIds: ['a'] }) as { clientToken?: string }).clientToken, undefined);
  assert.equal(withClientToken('CreateIpSets', { acceleratorId: 'ga-1' }, () => 'x').clientToken, 'vsc-CreateIpSets-x');
  assert.equal(withClientToken('CreateIpSets', { acceleratorId: 'ga-1', clientToken: 'mine' }).clientToken, 'mine');
});
