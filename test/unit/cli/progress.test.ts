// apply's progress lines: one when a step starts, "still waiting" every 10 s (or when the resource moves to another
// transient state), one when it ends; nothing for every poll.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { progressPrinter } from '../../../src/cli/progress';
import { PLAIN, type Operation } from '../../../src/workflows';

const op: Operation = { id: 'web:createArea:cn-beijing', lane: 'web-ipv6', title: 'Add acceleration area China (Beijing)', address: 'a', dependsOn: [], type: 'createArea', produces: 'area:web-ipv6/cn-beijing', accelerator: { id: 'ga-1' }, region: 'cn-beijing', ipVersion: 'IPv6' };

describe('apply progress lines', () => {
  it('prints a start, a still-waiting line every 10 s, a state change, and the end', () => {
    const lines: string[] = [];
    let t = 0;
    const print = progressPrinter((l) => lines.push(l), PLAIN, () => t);
    print({ kind: 'start', operation: op });
    for (t = 1000; t <= 25_000; t += 3000) print({ kind: 'wait', operation: op, wait: { action: 'CreateIpSets', resource: 'ips-1', state: 'init', elapsedMs: t } });
    print({ kind: 'wait', operation: op, wait: { action: 'CreateIpSets', resource: 'ips-1', state: 'updating', elapsedMs: t } });
    print({ kind: 'wait', operation: op, wait: { action: 'CreateIpSets', resource: 'ips-1', state: 'active', elapsedMs: t } });
    print({ kind: 'end', outcome: { operation: op, status: 'done', resourceId: 'ips-1' } });
    assert.deepEqual(lines, [
      'web-ipv6: Add acceleration area China (Beijing)…',
      'web-ipv6: still waiting for ips-1: creating [10s elapsed]',
      'web-ipv6: still waiting for ips-1: creating [22s elapsed]',
      'web-ipv6: still waiting for ips-1: updating [28s elapsed]',
      'web-ipv6: ✔ Add acceleration area China (Beijing) (ips-1) [28s]',
    ]);
  });

  it('says why a step did not run', () => {
    const lines: string[] = [];
    progressPrinter((l) => lines.push(l), PLAIN)({ kind: 'end', outcome: { operation: op, status: 'skipped', message: 'Not done: "Create GA instance" failed first.' } });
    assert.deepEqual(lines, ['web-ipv6: · Add acceleration area China (Beijing): Not done: "Create GA instance" failed first.']);
  });
});
