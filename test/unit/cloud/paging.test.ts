import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fetchAllPages, maxPageSize } from '../../../src/cloud/paging';

test('page sizes are each action\'s maximum from the wire spec', () => {
  assert.equal(maxPageSize('ga', 'ListAccelerators'), 50);
  assert.equal(maxPageSize('ga', 'ListIpSets'), 100);
  assert.equal(maxPageSize('ga', 'ListListeners'), 50);
  assert.equal(maxPageSize('ga', 'ListEndpointGroups'), 50);
  assert.equal(maxPageSize('ga', 'ListBandwidthPackages'), 100);
  assert.equal(maxPageSize('alidns', 'DescribeDomains'), 100);
  assert.equal(maxPageSize('alidns', 'DescribeDomainRecords'), 500);
  assert.equal(maxPageSize('alidns', 'DescribeSubDomainRecords'), 100);
  assert.throws(() => maxPageSize('ga', 'DescribeIpSet'), /not a paged list action/);
});

function source(total: number, reportTotal = true) {
  const asked: [number, number][] = [];
  const fetch = async (page: number, size: number) => {
    asked.push([page, size]);
    const items = Array.from({ length: Math.max(0, Math.min(size, total - (page - 1) * size)) }, (_, i) => (page - 1) * size + i);
    return { items, totalCount: reportTotal ? total : undefined };
  };
  return { asked, fetch };
}

test('fetches every page, and no more', async () => {
  const s = source(120);
  const all = await fetchAllPages(s.fetch, 50);
  assert.equal(all.length, 120);
  assert.deepEqual(all.slice(48, 52), [48, 49, 50, 51]);
  assert.deepEqual(s.asked, [[1, 50], [2, 50], [3, 50]]);
});

test('an exact multiple stops on TotalCount without an extra empty request', async () => {
  const s = source(100);
  assert.equal((await fetchAllPages(s.fetch, 50)).length, 100);
  assert.equal(s.asked.length, 2);
});

test('without TotalCount an exact multiple ends on the first empty page', async () => {
  const s = source(100, false);
  assert.equal((await fetchAllPages(s.fetch, 50)).length, 100);
  assert.equal(s.asked.length, 3);
});

test('an empty list is one request', async () => {
  const s = source(0);
  assert.deepEqual(await fetchAllPages(s.fetch, 50), []);
  assert.equal(s.asked.length, 1);
});
