// A separate process that applies a ga.yaml (as GaConfig JSON) to the emulator, for the kill -9 test: it prints
// one line per step started and ended, and is killed by the test in the middle of the run.
// Usage: node applyProcess.js <emulator endpoint host:port> <config.json>
import { readFileSync } from 'node:fs';
import { createCloudServices, FAST_POLL_SCHEDULE } from '../../../src/cloud';
import { applyConfig } from '../../../src/workflows';
import type { GaConfig } from '../../../src/model';
import { TEST_KEY } from '../cloudHarness';

async function main(): Promise<void> {
  const [endpoint, file] = process.argv.slice(2);
  const desired = JSON.parse(readFileSync(file, 'utf8')) as GaConfig;
  const services = createCloudServices(
    { id: 'kill-test', name: 'kill test', origin: 'test', accessKeyId: TEST_KEY.accessKeyId, endpoints: { ga: endpoint, dns: endpoint, protocol: 'http' }, credentials: async () => TEST_KEY },
    { pollSchedule: FAST_POLL_SCHEDULE, retry: { baseDelayMs: 5, maxDelayMs: 40 } },
  );
  const { report } = await applyConfig(desired, services, {
    confirmPurchase: async () => true,
    onProgress: (e) => {
      if (e.kind === 'start') process.stdout.write(`start ${e.operation.id}\n`);
      if (e.kind === 'end') process.stdout.write(`end ${e.outcome.operation.id} ${e.outcome.status}\n`);
    },
  });
  process.stdout.write(`done ${report.ok}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
