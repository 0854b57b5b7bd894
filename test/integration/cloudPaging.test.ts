// Pagination past one page: 55 pay-as-you-go accelerators, listed at PageSize 50 in two requests.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { inBatches, startCloud, type Harness } from './cloudHarness';

let h: Harness;
before(async () => (h = await startCloud('empty')));
after(() => h.stop());

test('listAccelerators returns all 55 accelerators from two pages of 50', async () => {
  const { ga } = h.services();
  const created = await inBatches(55, 4, (i) => ga.createAccelerator({ name: `page-${i}`, instanceChargeType: 'POSTPAY', bandwidthBillingType: 'CDT' }, { wait: false }));
  await h.admin.clearRequests();
  const listed = await ga.listAccelerators();
  assert.equal(listed.length, 55);
  assert.deepEqual(new Set(listed.map((a) => a.acceleratorId)), new Set(created.map((c) => c.id)));
  const lists = (await h.admin.requests()).filter((r) => r.action === 'ListAccelerators');
  assert.deepEqual(lists.map((r) => [String(r.params.PageNumber), String(r.params.PageSize)]), [['1', '50'], ['2', '50']]);
});
