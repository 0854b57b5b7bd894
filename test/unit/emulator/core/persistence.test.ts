// --state-file: every change saved (atomically, fsync'd) before it is answered, loaded on the next start, bad
// files refused clearly, temporary files of a killed emulator removed. Issue 8, defect 5: kill -9 loses nothing.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { RunningEmulator } from '../../../../src/emulator/api';
import { callRpc, rpcClient, spawnEmulator, startTestEmulator, TEST_KEY } from './harness';

describe('state file', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'emulator-state-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('survives a restart and wins over --seed', async () => {
    const file = join(dir, 'nested', 'state.json');
    const first = await startTestEmulator({ stateFile: file, seed: 'seed' });
    await callRpc(rpcClient(first), 'alidns', 'AddDomain', { DomainName: 'kept.example' });
    assert.ok(readFileSync(file, 'utf8').includes('kept.example'), 'on disk as soon as it is answered');
    await first.stop();

    const second = await startTestEmulator({ stateFile: file, seed: 'demo' });
    try {
      const zones = Object.keys(second.getState().dns.zones).sort();
      assert.deepEqual(zones, ['example.com', 'kept.example']);
      assert.equal(Object.keys(second.getState().ga.accelerators).length, 1, 'the seed fixture, not demo');
      await callRpc(rpcClient(second), 'alidns', 'DeleteDomain', { DomainName: 'kept.example' });
    } finally {
      await second.stop();
    }
    assert.ok(!readFileSync(file, 'utf8').includes('kept.example'), 'the last change is on disk');
    assert.deepEqual(readdirSync(join(dir, 'nested')), ['state.json'], 'no temporary files left behind');
  });

  it('refuses a corrupt or foreign file with a message saying what to do', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"version": 1, ');
    await assert.rejects(startTestEmulator({ stateFile: bad }), /bad\.json is not valid JSON.*delete it/);
    writeFileSync(bad, '{"version": 7}');
    await assert.rejects(startTestEmulator({ stateFile: bad }), /not an emulator state of version 1/);
  });

  it('keeps every acknowledged create through kill -9 and a restart', { timeout: 60_000 }, async (t) => {
    const file = join(dir, 'killed', 'state.json');
    const env = { GA_EMULATOR_ACCESS_KEY_SECRET: TEST_KEY.accessKeySecret };
    const args = ['--access-key-id', TEST_KEY.accessKeyId, '--state-file', file, '--quiet'];
    const first = await spawnEmulator(args, env);
    const client = rpcClient({ endpoint: first.endpoint } as RunningEmulator);
    const n = 200;
    const acknowledged: string[] = [];
    // A burst, four requests in flight at a time; only answered creates count.
    let next = 0;
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        while (next < n) {
          const name = `burst-${next++}.example`;
          await callRpc(client, 'alidns', 'AddDomain', { DomainName: name });
          acknowledged.push(name);
        }
      }),
    );
    first.child.kill('SIGKILL');
    await first.exited;

    const second = await spawnEmulator(args, env);
    try {
      const listed = await callRpc(rpcClient({ endpoint: second.endpoint } as RunningEmulator), 'alidns', 'DescribeDomains', { PageSize: 100, PageNumber: 1 });
      assert.equal(listed.TotalCount, n, 'every acknowledged create is there after kill -9');
      const saved = JSON.parse(readFileSync(file, 'utf8')) as { dns: { zones: Record<string, unknown> } };
      assert.deepEqual(acknowledged.filter((name) => !Object.hasOwn(saved.dns.zones, name)), []);
      t.diagnostic(`${n}/${acknowledged.length} acknowledged creates present after kill -9 and a restart`);
    } finally {
      second.child.kill('SIGKILL');
    }
  });

  it('removes the temporary files an emulator killed while saving left behind', async () => {
    const file = join(dir, 'stale', 'state.json');
    const first = await startTestEmulator({ stateFile: file });
    await first.stop();
    // A process that has exited: its pid names a temporary file nobody is writing any more.
    const gone = spawnSync(process.execPath, ['-e', '']).pid;
    writeFileSync(`${file}.${gone}.tmp`, '{"version": 1, "half": ');
    writeFileSync(join(dir, 'stale', 'other.json.1.tmp'), 'not ours');
    const lines: string[] = [];
    const second = await startTestEmulator({ stateFile: file, log: (l) => lines.push(l) });
    await second.stop();
    assert.deepEqual(readdirSync(join(dir, 'stale')).sort(), ['other.json.1.tmp', 'state.json']);
    assert.ok(lines.some((l) => l.includes(`state.json.${gone}.tmp`)), lines.join('\n'));
  });
});
