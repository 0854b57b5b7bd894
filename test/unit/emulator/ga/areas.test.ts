import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Harness } from './harness';
import { SEED_IPV6_REGIONS } from '../../../../src/model';

interface Area {
  AreaId: string;
  LocalName: string;
  RegionList: { RegionId: string; SupportIpv6?: boolean; ChinaMainland?: boolean; IspTypeList?: string[] }[];
}

test('ListAvailableAccelerateAreas groups regions by area with SupportIpv6 true for exactly the seed\'s twelve', () => {
  const h = new Harness();
  const areas = h.call('ListAvailableAccelerateAreas', {}).Areas as Area[];
  const north = areas.find((a) => a.AreaId === 'cn-huabei');
  assert.equal(north?.LocalName, 'China North');
  assert.ok(north?.RegionList.some((r) => r.RegionId === 'cn-beijing'));
  const regions = areas.flatMap((a) => a.RegionList);
  assert.deepEqual(regions.filter((r) => r.SupportIpv6).map((r) => r.RegionId).sort(), [...SEED_IPV6_REGIONS].sort());
  assert.equal(regions.find((r) => r.RegionId === 'cn-hongkong')?.ChinaMainland, false);
  assert.deepEqual(regions.find((r) => r.RegionId === 'cn-hongkong')?.IspTypeList, ['BGP', 'BGP_PRO']);
  assert.deepEqual(regions.find((r) => r.RegionId === 'cn-beijing')?.IspTypeList, ['BGP']);
  h.fail('ListAvailableAccelerateAreas', { AcceleratorId: 'ga-bp1nosuchaccelera000' }, 'NotExist.Accelerator');
});

test('ListCommonAreas with IpVersion IPv6 lists only IPv6 regions; ListAvailableBusiRegions lists them all', () => {
  const h = new Harness();
  const ipv6 = (h.call('ListCommonAreas', { IpVersion: 'IPv6', IsIpSet: true }).Areas as Area[]).flatMap((a) => a.RegionList.map((r) => r.RegionId));
  assert.deepEqual(ipv6.sort(), [...SEED_IPV6_REGIONS].sort());
  const all = (h.call('ListCommonAreas', {}).Areas as Area[]).flatMap((a) => a.RegionList);
  assert.equal(all.length, h.ga.regions.length);
  const busi = h.call('ListAvailableBusiRegions', {}).Regions as { RegionId: string; Pop: boolean }[];
  assert.equal(busi.length, h.ga.regions.length);
  assert.ok(busi.some((r) => r.RegionId === 'ap-northeast-1'));
});
