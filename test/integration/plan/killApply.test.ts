// kill -9 of an apply process at each step of the walk-through, then a second run: it finds what the first one
// left half-done (by name, by region, by the plan's tag, by the record), waits for it and finishes, with nothing
// bought or created twice. The figures are printed for the closing note.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addZone, startCloud, type Harness } from '../cloudHarness';
import type { CloudServices } from '../../../src/cloud';
import { applyConfig, planConfig } from '../../../src/workflows';
import { walkThrough } from './configs';
import { gaShape, mutationsIn, recordShape } from './shape';

// Each point costs a process start (the SDK loads in a second or more), so five points rather than every step.
const KILL_AFTER = ['CreateAccelerator', 'CreateBandwidthPackage', 'BandwidthPackageAddAccelerator', 'CreateIpSets', 'CreateEndpointGroup'];

describe('kill -9 of an apply, then a second run', () => {
  let h: Harness;
  let cloud: CloudServices;
  let dir: string;
  let seed: unknown;
  before(async () => {
    h = await startCloud('seed');
    seed = gaShape(await h.admin.state());
    cloud = h.services();
    dir = mkdtempSync(join(tmpdir(), 'ga-kill-'));
    writeFileSync(join(dir, 'ga.json'), JSON.stringify(walkThrough()));
  });
  after(async () => {
    await h.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  for (const action of KILL_AFTER) {
    it(`killed once ${action} was answered: the re-run converges without duplicates`, async () => {
      await h.admin.reset();
      await addZone(cloud.connection, 'example.com');
      const child = spawn(process.execPath, [join(__dirname, 'applyProcess.js'), h.emulator.endpoint, join(dir, 'ga.json')], { stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      child.stdout.on('data', (d) => (output += d));
      child.stderr.on('data', (d) => (output += d));
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      // Kill as soon as the emulator has answered the action: the process is then waiting for it to settle.
      for (;;) {
        const log = await h.admin.requests();
        if (log.some((r) => r.action === action && r.status === 200)) break;
        assert.ok(child.exitCode === null, `the apply process ended before ${action}: ${output}`);
        await new Promise((r) => setTimeout(r, 5));
      }
      child.kill('SIGKILL');
      await exited;
      const before = mutationsIn(await h.admin.requests());
      assert.ok(!output.includes('done true'), `killed before it finished (${output})`);

      await h.admin.clearRequests();
      const { plan, report } = await applyConfig(walkThrough(), cloud, { confirmPurchase: async () => true });
      assert.ok(report.ok, report.outcomes.filter((o) => o.status !== 'done').map((o) => `${o.operation.title}: ${o.message}`).join('\n'));
      const rerun = mutationsIn(await h.admin.requests());
      const state = await h.admin.state();
      assert.deepEqual(gaShape(state), seed, 'the account ends as the walk-through does');
      assert.equal(Object.keys(state.ga.bandwidthPackages).length, 1, 'one bandwidth plan bought, not two');
      assert.deepEqual(recordShape(await cloud.dns.describeDomainRecords('example.com'), state), ['app CNAME → web-ipv6 CNAME ttl 600', 'www AAAA → web-ipv6/cn-beijing ttl 600']);
      assert.deepEqual((await planConfig(walkThrough(), cloud)).changes, []);
      const adopted = report.outcomes.filter((o) => o.alreadyDone || o.operation.type === 'waitFor').map((o) => o.operation.type);
      console.log(`kill after ${action}: first run sent ${before.length} mutation(s) [${before.join(', ')}]; re-run planned ${plan.operations.length} step(s), sent ${rerun.length} [${rerun.join(', ')}], adopted/waited ${adopted.length} [${adopted.join(', ')}]; duplicates 0`);
    });
  }
});
