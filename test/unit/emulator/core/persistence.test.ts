// --state-file: saved after changes (debounced, atomically), loaded on the next start, bad files refused clearly.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { callRpc, rpcClient, startTestEmulator } from './harness';

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
    // The debounced save lands without a stop: wait for the real condition.
    while (!(existsSync(file) && readFileSync(file, 'utf8').includes('kept.example'))) await sleep(20);
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
    assert.ok(!readFileSync(file, 'utf8').includes('kept.example'), 'stop() flushed the last change');
    assert.deepEqual(readdirSync(join(dir, 'nested')), ['state.json'], 'no temporary files left behind');
  });

  it('refuses a corrupt or foreign file with a message saying what to do', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"version": 1, ');
    await assert.rejects(startTestEmulator({ stateFile: bad }), /bad\.json is not valid JSON.*delete it/);
    writeFileSync(bad, '{"version": 7}');
    await assert.rejects(startTestEmulator({ stateFile: bad }), /not an emulator state of version 1/);
  });
});
