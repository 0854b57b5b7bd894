import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SPECS } from '../../../../src/model';
import { CONNECTION_CHOICES, GUIDE_DEFAULTS, offlineRegions, recommendServices, SPEC_CAPACITY_TABLE, type GuideValues } from '../../../../src/workflows/forms';

const regions = offlineRegions();
const guide = (g: Partial<GuideValues>) => ({ ...GUIDE_DEFAULTS, ...g });
function recommend(g: Partial<GuideValues>) {
  const r = recommendServices(guide(g), regions);
  assert.ok(r.ok, `no recommendation: ${r.ok ? '' : r.problems.map((p) => p.message).join(' ')}`);
  return r.recommendation;
}

test('the capacity table is ga-api.md §6.2: six specs with regions, Mbit/s and connections', () => {
  assert.deepEqual(
    SPEC_CAPACITY_TABLE.map((r) => [r.spec, r.name, r.regions, r.bandwidthMbps, r.connections]),
    [
      ['1', 'Small I', 1, 20, 5000],
      ['2', 'Small II', 2, 40, 10000],
      ['3', 'Small III', 3, 60, 15000],
      ['5', 'Medium I', 5, 100, 25000],
      ['8', 'Medium II', 8, 160, 40000],
      ['10', 'Medium III', 10, 200, 50000],
    ],
  );
  assert.deepEqual(CONNECTION_CHOICES.map((c) => c.label), ['5 Thousand', '10 Thousand', '15 Thousand', '25 Thousand', '40 Thousand', '50 Thousand']);
  // Larger specs have no documented capacity: the guide never recommends them from the table.
  assert.ok(SPECS.filter((s) => s.regions === undefined).every((s) => !SPEC_CAPACITY_TABLE.some((r) => r.spec === s.spec)));
});

test('the seed\'s inputs recommend the seed\'s purchase: Small I, Enhanced, 2 Mbit/s', () => {
  const r = recommend({});
  assert.deepEqual([r.spec, r.specName, r.bandwidthType, r.peakBandwidth, r.accelerationArea, r.serviceRegion], ['1', 'Small I', 'Enhanced', 2, 'cn-beijing', 'cn-beijing']);
  assert.equal(r.reasons.length, 3);
});

test('each spec is the smallest that carries both the peak bandwidth and the connections', () => {
  const cases: [string, string, string][] = [
    ['20', '5000', '1'],
    ['21', '5000', '2'],
    ['2', '10000', '2'],
    ['40', '15000', '3'],
    ['61', '5000', '5'],
    ['100', '25000', '5'],
    ['101', '5000', '8'],
    ['160', '40000', '8'],
    ['161', '5000', '10'],
    ['10', '50000', '10'],
  ];
  for (const [peak, connections, spec] of cases) {
    assert.equal(recommend({ peakBandwidthRange: peak, maxConnections: connections }).spec, spec, `${peak} Mbit/s, ${connections} connections`);
  }
});

test('beyond the documented capacity: the largest documented spec, and a reason that says to check', () => {
  const r = recommend({ peakBandwidthRange: '500' });
  assert.equal(r.spec, '10');
  assert.match(r.reasons[0], /beyond every specification whose capacity is documented/);
  assert.equal(r.peakBandwidth, 500);
});

test('bandwidth type: Basic for Alibaba Cloud backends in the mainland, Enhanced off Alibaba Cloud or across the border, Advanced outside the mainland', () => {
  assert.equal(recommend({ serverArea: 'onAlibabaCloud' }).bandwidthType, 'Basic');
  assert.equal(recommend({ serverArea: 'offAlibabaCloud' }).bandwidthType, 'Enhanced');
  assert.equal(recommend({ serverArea: 'onAlibabaCloud', serviceRegion: 'ap-southeast-1' }).bandwidthType, 'Enhanced');
  assert.equal(recommend({ accelerationArea: 'ap-southeast-1' }).bandwidthType, 'Advanced');
  assert.equal(recommend({ accelerationArea: 'eu-central-1', serverArea: 'onAlibabaCloud' }).bandwidthType, 'Advanced');
});

test('mainland clients without ICP filing are accelerated through China (Hong Kong), with Advanced bandwidth', () => {
  const r = recommend({ icpFiling: 'no' });
  assert.deepEqual([r.accelerationArea, r.bandwidthType], ['cn-hongkong', 'Advanced']);
  assert.match(r.reasons[0], /ICP filing/);
  // Outside the mainland an ICP filing changes nothing.
  assert.equal(recommend({ icpFiling: 'no', accelerationArea: 'ap-southeast-1' }).accelerationArea, 'ap-southeast-1');
});

test('a peak of 1 Mbit/s buys the smallest plan, 2 Mbit/s, and says why', () => {
  const r = recommend({ peakBandwidthRange: '1' });
  assert.equal(r.peakBandwidth, 2);
  assert.match(r.reasons.at(-1) ?? '', /at least 2 Mbit\/s/);
});

test('bad guide inputs are reported at their fields and give no recommendation', () => {
  const r = recommendServices(guide({ peakBandwidthRange: 'lots', maxConnections: '7000', accelerationArea: 'mars-1' }), regions);
  assert.equal(r.ok, false);
  assert.deepEqual(!r.ok && r.problems.map((p) => p.path).sort(), ['guide.accelerationArea', 'guide.maxConnections', 'guide.peakBandwidthRange']);
  for (const bad of ['0', '2001', '1.5', '-3', '', ' ', '1e3']) assert.equal(recommendServices(guide({ peakBandwidthRange: bad }), regions).ok, false, bad);
});
