// The emulator's command line: argument checks, and a real process that serves, prints its endpoint and key,
// and stops cleanly on SIGTERM with its state file flushed.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { after, before, describe, it } from 'node:test';
import { parseCommandLine } from '../../../../src/emulator/main';
import type { RunningEmulator } from '../../../../src/emulator/api';
import { callRpc, rpcClient, spawnEmulator } from './harness';

const MAIN = resolve(__dirname, '../../../../src/emulator/main.js');

describe('emulator command line', () => {
  it('parses the documented options', () => {
    const parsed = parseCommandLine(['--port', '8080', '--access-key-id', 'id', '--access-key-secret', 's', '--seed', 'demo', '--time-scale', '0.1', '--state-file', 'f.json', '--lenient', '--allow-loopback-endpoints', '--address-block', 'b7', '--dns-port', '5353']);
    assert.deepEqual(parsed.start, { port: 8080, credentials: [{ accessKeyId: 'id', accessKeySecret: 's' }], seed: 'demo', timeScale: 0.1, stateFile: 'f.json', strict: false, allowLoopbackEndpoints: true, addressBlock: 0xb7 });
    assert.equal(parseCommandLine(['--address-block', '0xA']).start.addressBlock, 0xa, 'hex, with or without 0x');
    assert.equal(parsed.dnsPort, 5353);
    assert.equal(parseCommandLine([]).start.strict, true, 'strict unless --lenient');
  });

  it('takes the secret from GA_EMULATOR_ACCESS_KEY_SECRET, so that no command line shows it', () => {
    const env = { GA_EMULATOR_ACCESS_KEY_SECRET: 'from-env' };
    assert.deepEqual(parseCommandLine(['--access-key-id', 'id'], env).start.credentials, [{ accessKeyId: 'id', accessKeySecret: 'from-env' }]);
    assert.deepEqual(parseCommandLine(['--access-key-id', 'id', '--access-key-secret', 'flag'], env).start.credentials, [{ accessKeyId: 'id', accessKeySecret: 'flag' }], 'the flag, when given, wins');
    assert.equal(parseCommandLine(['--quiet']).quiet, true);
  });

  it('parses the account flags: whitelist features and pay-as-you-go activation', () => {
    assert.equal(parseCommandLine([]).start.account, undefined, 'an ordinary account unless told');
    assert.deepEqual(parseCommandLine(['--account-features', 'postpay-bandwidth-plans,pay-by-95']).start.account, { features: ['postpay-bandwidth-plans', 'pay-by-95'] });
    assert.deepEqual(parseCommandLine(['--account-features', '']).start.account, { features: [] });
    assert.deepEqual(parseCommandLine(['--account-service', 'NotOpened']).start.account, { serviceStatus: 'NotOpened' });
    assert.throws(() => parseCommandLine(['--account-features', 'postpay']), /--account-features \/ --account-service: features must be a list of postpay-bandwidth-plans, pay-by-95/);
    assert.throws(() => parseCommandLine(['--account-service', 'Closed']), /serviceStatus must be Normal or NotOpened/);
  });

  it('explains bad arguments', () => {
    assert.throws(() => parseCommandLine(['--port', 'http']), /--port must be a port number/);
    assert.throws(() => parseCommandLine(['--access-key-id', 'id'], {}), /--access-key-id needs its secret: set GA_EMULATOR_ACCESS_KEY_SECRET/);
    assert.throws(() => parseCommandLine(['--access-key-secret', 's'], {}), /together/);
    assert.throws(() => parseCommandLine([], { GA_EMULATOR_ACCESS_KEY_SECRET: 's' }), /GA_EMULATOR_ACCESS_KEY_SECRET is set: give the AccessKey ID/);
    assert.throws(() => parseCommandLine(['--seed', 'prod']), /Unknown --seed "prod"; fixtures: empty, seed, demo/);
    assert.throws(() => parseCommandLine(['--time-scale', '0']), /above 0/);
    assert.throws(() => parseCommandLine(['--strict', '--lenient']), /either/);
    for (const bad of ['0', '10000', 'g', '-1', '1.5']) assert.throws(() => parseCommandLine([`--address-block=${bad}`]), /--address-block must be one hex group from 1 to ffff/);
    assert.throws(() => parseCommandLine(['--colour']), /Unknown option/);
    assert.throws(() => parseCommandLine(['--origin', '127.0.0.1:80']), /--origin needs --allow-loopback-endpoints/);
    assert.throws(() => parseCommandLine(['--allow-loopback-endpoints', '--origin', '192.0.2.1:80']), /must be a loopback address/);
    assert.throws(() => parseCommandLine(['--allow-loopback-endpoints', '--origin', 'localhost:80']), /IPv4 loopback address and a port/);
  });

  it('--origin: where the sandbox\'s IPv4 origin should listen', () => {
    assert.deepEqual(parseCommandLine(['--allow-loopback-endpoints', '--origin', '127.0.0.1:80']).origin, { host: '127.0.0.1', port: 80 });
    assert.equal(parseCommandLine([]).origin, undefined);
  });

  describe('as a process', () => {
    let dir: string;
    before(() => {
      dir = mkdtempSync(join(tmpdir(), 'emulator-cli-'));
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    it('serves, prints its endpoint and generated key, and stops on SIGTERM with the state saved', { timeout: 20_000 }, async () => {
      const stateFile = join(dir, 'state.json');
      const child = spawn(process.execPath, [MAIN, '--port', '0', '--seed', 'seed', '--state-file', stateFile, '--time-scale', '0.01'], { stdio: ['ignore', 'pipe', 'inherit'] });
      const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
      try {
        const lines: string[] = [];
        let ready: { endpoint: string; port: number } | undefined;
        for await (const line of createInterface({ input: child.stdout })) {
          lines.push(line);
          if (line.startsWith('ready ')) {
            ready = JSON.parse(line.slice('ready '.length)) as { endpoint: string; port: number };
            break;
          }
        }
        assert.ok(ready, `ready line printed; got:\n${lines.join('\n')}`);
        const id = /AccessKey ID: +(\S+)/.exec(lines.join('\n'))?.[1];
        const secret = /AccessKey secret: +(\S+)/.exec(lines.join('\n'))?.[1];
        assert.ok(id && secret, 'the generated key pair is printed');
        const emulator = { endpoint: ready.endpoint } as RunningEmulator;
        const body = await callRpc(rpcClient(emulator, { key: { accessKeyId: id, accessKeySecret: secret } }), 'alidns', 'AddDomain', { DomainName: 'from-cli.example' });
        assert.equal(body.DomainName, 'from-cli.example');
        child.kill('SIGTERM');
        assert.equal(await exited, 0);
        const saved = JSON.parse(readFileSync(stateFile, 'utf8')) as { dns: { zones: Record<string, unknown> } };
        assert.deepEqual(Object.keys(saved.dns.zones).sort(), ['example.com', 'from-cli.example']);
      } finally {
        child.kill('SIGKILL');
      }
    });
  });
});

describe('emulator secrets and logs', () => {
  it('accepts the secret from GA_EMULATOR_ACCESS_KEY_SECRET, which then appears in no command line', { timeout: 20_000 }, async () => {
    const key = { accessKeyId: 'LTAIfromenv0000000001', accessKeySecret: 'secret-from-the-environment-42' };
    const p = await spawnEmulator(['--access-key-id', key.accessKeyId, '--quiet'], { GA_EMULATOR_ACCESS_KEY_SECRET: key.accessKeySecret });
    try {
      const cmdline = readFileSync(`/proc/${p.child.pid}/cmdline`, 'utf8');
      assert.ok(cmdline.includes(key.accessKeyId) && !cmdline.includes(key.accessKeySecret), 'ps shows the id, not the secret');
      assert.ok(!p.output.join('\n').includes(key.accessKeySecret), 'nor does the banner');
      const body = await callRpc(rpcClient({ endpoint: p.endpoint } as RunningEmulator, { key }), 'alidns', 'AddDomain', { DomainName: 'env-key.example' });
      assert.equal(body.DomainName, 'env-key.example');
    } finally {
      p.child.kill('SIGKILL');
    }
  });
});
