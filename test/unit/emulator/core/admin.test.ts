// The admin API under /__emulator/ through its typed client, and fault injection as the SDK experiences it.
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { RunningEmulator } from '../../../../src/emulator/api';
import { EmulatorAdmin } from '../../../../src/emulator/adminClient';
import { FaultInjector } from '../../../../src/emulator/faults';
import { callRpc, rejectsWith, rpcClient, startTestEmulator } from './harness';

describe('admin API', () => {
  let emulator: RunningEmulator;
  let admin: EmulatorAdmin;
  before(async () => {
    emulator = await startTestEmulator();
    admin = new EmulatorAdmin(`http://${emulator.endpoint}/`);
  });
  after(() => emulator.stop());
  beforeEach(() => admin.reset());

  it('loads fixtures, reports the state and resets to empty', async () => {
    await admin.loadFixture('demo');
    const demo = await admin.state();
    assert.ok(Object.keys(demo.ga.accelerators).length >= 2, 'several accelerators');
    assert.deepEqual(Object.keys(demo.dns.zones).sort(), ['example.com', 'example.net']);
    await admin.loadFixture('seed');
    const seed = await admin.state();
    assert.equal(Object.keys(seed.ga.accelerators).length, 1);
    assert.deepEqual(Object.keys(seed.dns.zones), ['example.com']);
    await admin.reset();
    const empty = await admin.state();
    assert.deepEqual([Object.keys(empty.ga.accelerators).length, Object.keys(empty.dns.zones).length], [0, 0]);
    assert.ok(empty.ga.regions.some((r) => r.SupportIpv6), 'the service catalogue stays');
    await assert.rejects(admin.loadFixture('nope'), /Unknown fixture "nope".*empty, seed, demo/);
  });

  it('logs requests with status, code and redacted parameters, and clears the log', async () => {
    await callRpc(rpcClient(emulator), 'alidns', 'DescribeDomains', { KeyWord: 'x' });
    await rejectsWith(callRpc(rpcClient(emulator), 'alidns', 'DescribeDomainInfo', { DomainName: 'missing.example' }), 'InvalidDomainName.NoExist');
    const log = await admin.requests();
    assert.deepEqual(log.map((e) => [e.product, e.action, e.status, e.code]), [
      ['alidns', 'DescribeDomains', 200, undefined],
      ['alidns', 'DescribeDomainInfo', 400, 'InvalidDomainName.NoExist'],
    ]);
    assert.deepEqual(log[1].params, { DomainName: 'missing.example' });
    assert.match(log[0].requestId, /^[0-9A-F-]{36}$/);
    assert.ok(log.every((e) => typeof e.at === 'number' && e.durationMs >= 0));
    await admin.clearRequests();
    assert.deepEqual(await admin.requests(), []);
  });

  it('sets what the account may buy, alone or with a fixture, and answers bad changes clearly', async () => {
    assert.deepEqual(await admin.account(), { features: [], serviceStatus: 'Normal' });
    assert.deepEqual(await admin.setAccount({ serviceStatus: 'NotOpened' }), { features: [], serviceStatus: 'NotOpened' });
    assert.equal((await callRpc(rpcClient(emulator), 'ga', 'DescribeAcceleratorServiceStatus', { RegionId: 'cn-hangzhou' })).Status, 'NotOpened');
    assert.deepEqual(await admin.setAccount({ features: ['pay-by-95'] }), { features: ['pay-by-95'], serviceStatus: 'NotOpened' }, 'fields left out keep their value');
    assert.equal((await admin.state()).ga.account.serviceStatus, 'NotOpened', 'the state shows it');
    await admin.loadFixture('seed', { features: ['postpay-bandwidth-plans'] });
    assert.deepEqual(await admin.account(), { features: ['postpay-bandwidth-plans'], serviceStatus: 'Normal' }, 'a fixture starts from the emulator\'s account');
    await admin.reset();
    assert.deepEqual(await admin.account(), { features: [], serviceStatus: 'Normal' });
    await assert.rejects(admin.setAccount({ features: ['free-lunch'] } as never), /HTTP 400.*features must be a list of postpay-bandwidth-plans, pay-by-95/);
    await assert.rejects(admin.setAccount({ serviceStatus: 'Released' } as never), /serviceStatus must be Normal or NotOpened/);
  });

  it('starts with the account of its options, and keeps it across resets', async () => {
    const other = await startTestEmulator({ account: { serviceStatus: 'NotOpened' }, seed: 'demo' });
    try {
      const otherAdmin = new EmulatorAdmin(`http://${other.endpoint}`);
      assert.deepEqual(await otherAdmin.account(), { features: [], serviceStatus: 'NotOpened' });
      assert.ok(Object.keys((await otherAdmin.state()).ga.accelerators).length > 2, 'the demo loads on a NotOpened account');
      await otherAdmin.reset();
      assert.equal((await otherAdmin.account()).serviceStatus, 'NotOpened');
    } finally {
      await other.stop();
    }
  });

  it('notifies onChange listeners of admin changes', async () => {
    const seen: number[] = [];
    const off = emulator.onChange((s) => seen.push(Object.keys(s.dns.zones).length));
    await admin.loadFixture('seed');
    off();
    await admin.reset();
    assert.deepEqual(seen, [1]);
  });

  it('validates faults and answers unknown routes with clear errors', async () => {
    await assert.rejects(admin.setFault({ action: 'X', throttle: 2 }), /"throttle" is a probability from 0 to 1/);
    await assert.rejects(admin.setFault({ action: '' }), /"action" must be an action name/);
    await assert.rejects(admin.setFault({ action: 'X', bogus: 1 } as never), /Unknown fault field "bogus"/);
    const res = await fetch(`http://${emulator.endpoint}/__emulator/nothing`);
    assert.equal(res.status, 404);
    assert.match(((await res.json()) as { Message: string }).Message, /Unknown admin request "GET nothing"/);
  });

  it('refuses non-JSON posts and foreign Host headers (browser pages cannot drive it)', async () => {
    const form = await fetch(`http://${emulator.endpoint}/__emulator/reset`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{}' });
    assert.equal(form.status, 415);
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: emulator.port, path: '/__emulator/state', headers: { host: 'evil.example:80' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    assert.equal(status, 403);
  });
});

describe('fault injection', () => {
  let emulator: RunningEmulator;
  let admin: EmulatorAdmin;
  before(async () => {
    emulator = await startTestEmulator();
    admin = new EmulatorAdmin(`http://${emulator.endpoint}`);
  });
  after(() => emulator.stop());
  beforeEach(async () => {
    await admin.reset();
    await callRpc(rpcClient(emulator), 'alidns', 'AddDomain', { DomainName: 'example.com' });
  });

  it('throttles: the SDK throws its ThrottlingError with Throttling.User', async () => {
    await admin.setFault({ action: 'DescribeDomains', throttle: 1 });
    const err = await rejectsWith(callRpc(rpcClient(emulator), 'alidns', 'DescribeDomains'), 'Throttling.User', 400);
    assert.equal(err.name, 'ThrottlingError');
    assert.equal((await callRpc(rpcClient(emulator), 'alidns', 'DescribeDomainInfo', { DomainName: 'example.com' })).DomainName, 'example.com', 'other actions unaffected');
    await admin.clearFaults();
    assert.equal((await callRpc(rpcClient(emulator), 'alidns', 'DescribeDomains')).TotalCount, 1);
  });

  it('answers 503 ServiceUnavailable for injected server errors, for "*" actions, the given number of times', async () => {
    await admin.setFault({ action: '*', serverError: 1, times: 2 });
    await rejectsWith(callRpc(rpcClient(emulator), 'alidns', 'DescribeDomains'), 'ServiceUnavailable', 503);
    await rejectsWith(callRpc(rpcClient(emulator), 'alidns', 'DescribeDomainInfo', { DomainName: 'example.com' }), 'ServiceUnavailable', 503);
    assert.equal((await callRpc(rpcClient(emulator), 'alidns', 'DescribeDomains')).TotalCount, 1);
    assert.deepEqual(await admin.faults(), []);
  });

  it('denies an action like a RAM policy: 403 Forbidden.RAM with AccessDeniedDetail', async () => {
    await admin.setFault({ action: 'AddDomainRecord', forbidden: 1 });
    const err = await rejectsWith(callRpc(rpcClient(emulator), 'alidns', 'AddDomainRecord', { DomainName: 'example.com', RR: 'www', Type: 'A', Value: '203.0.113.5' }), 'Forbidden.RAM', 403);
    assert.equal((err as unknown as { accessDeniedDetail?: { AuthAction?: string } }).accessDeniedDetail?.AuthAction, 'alidns:AddDomainRecord');
  });

  it('resets the connection without an answer; before the action by default, after it on request', async () => {
    await admin.setFault({ action: 'AddDomainRecord', reset: 1, times: 1 });
    const add = { DomainName: 'example.com', RR: 'www', Type: 'A', Value: '203.0.113.5' };
    await assert.rejects(callRpc(rpcClient(emulator), 'alidns', 'AddDomainRecord', add), (e: Error & { code?: string }) => !('data' in e) && /ECONNRESET|socket hang up|closed/i.test(`${e.code} ${e.message}`));
    assert.equal(Object.keys((await admin.state()).dns.zones['example.com'].records).length, 0, 'nothing changed');

    await admin.setFault({ action: 'AddDomainRecord', reset: 1, resetPhase: 'after', times: 1 });
    await assert.rejects(callRpc(rpcClient(emulator), 'alidns', 'AddDomainRecord', add));
    assert.equal(Object.keys((await admin.state()).dns.zones['example.com'].records).length, 1, 'the change happened though the client never heard');
    await rejectsWith(callRpc(rpcClient(emulator), 'alidns', 'AddDomainRecord', add), 'DomainRecordDuplicate');
    assert.deepEqual((await admin.requests()).filter((e) => e.action === 'AddDomainRecord').map((e) => e.status), [0, 0, 400]);
  });

  it('delays answers by latencyMs', async () => {
    await admin.setFault({ action: 'DescribeDomains', latencyMs: 120 });
    assert.equal((await callRpc(rpcClient(emulator), 'alidns', 'DescribeDomains')).TotalCount, 1);
    const [entry] = (await admin.requests()).filter((e) => e.action === 'DescribeDomains');
    assert.ok(entry.durationMs >= 115, `logged ${entry.durationMs} ms`);
  });

  it('decides with the configured probability (deterministic random source)', () => {
    const rolls = [0.3, 0.7];
    const faults = new FaultInjector(() => rolls.shift() ?? 1);
    faults.set({ action: 'A', throttle: 0.5 });
    assert.equal(faults.decide('A').outcome, 'throttle');
    assert.equal(faults.decide('A').outcome, undefined);
    faults.set({ action: 'A', latencyMs: 5 });
    assert.deepEqual(faults.decide('A'), { latencyMs: 5, outcome: undefined });
    assert.deepEqual(faults.decide('B'), { latencyMs: 0 });
  });
});
