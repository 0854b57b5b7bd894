// The sandbox launcher against stand-in emulators (tiny scripts in a temporary extension folder): it passes the
// sandbox's options, waits for the "ready" line, stops only its own child, and explains each way of failing.
import { after, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SANDBOX_ACCESS_KEY_SECRET, SANDBOX_ENDPOINT_ENV } from '../../../src/profiles/sandboxProfile';
import { EMULATOR_SECRET_ENV, SandboxLauncher } from '../../../src/ui/sandboxLauncher';
import { ACCESS_KEY_SECRET_ENV } from '../../../src/emulator/main';

const READY_EMULATOR = `
const http = require('node:http');
const args = process.argv.slice(2);
const server = http.createServer((_req, res) => res.end('{}')).listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  // Never print the secret itself: say whether the right one arrived.
  console.log('args ' + JSON.stringify(args.map((a) => (a === ${JSON.stringify(SANDBOX_ACCESS_KEY_SECRET)} ? '<sandbox secret>' : a))));
  console.log('secret from the environment: ' + (process.env.GA_EMULATOR_ACCESS_KEY_SECRET === ${JSON.stringify(SANDBOX_ACCESS_KEY_SECRET)}));
  console.log('ready ' + JSON.stringify({ endpoint: '127.0.0.1:' + port, port, dnsPort: 5353 }));
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
`;

const CRASHING_EMULATOR = `console.error('Port 1 on 127.0.0.1 is already in use'); process.exit(3);`;

const folders: string[] = [];
after(() => folders.forEach((f) => rmSync(f, { recursive: true, force: true })));

function extensionWith(script: string | undefined): string {
  const folder = mkdtempSync(join(tmpdir(), 'ga-sandbox-'));
  folders.push(folder);
  if (script !== undefined) {
    mkdirSync(join(folder, 'dist'));
    writeFileSync(join(folder, 'dist', 'emulator.js'), script);
  }
  return folder;
}

/** A log that can be waited on for a line. */
function log() {
  const lines: string[] = [];
  const waiting: { test: RegExp; resolve: () => void }[] = [];
  return {
    lines,
    write: (line: string) => {
      lines.push(line);
      for (const w of waiting.filter((x) => x.test.test(line))) w.resolve();
    },
    until: (test: RegExp) => (lines.some((l) => test.test(l)) ? Promise.resolve() : new Promise<void>((resolve) => waiting.push({ test, resolve }))),
  };
}

describe('sandbox launcher', () => {
  it('starts the bundled emulator with the sandbox options, then stops it', async () => {
    const l = log();
    const launcher = new SandboxLauncher(extensionWith(READY_EMULATOR), l.write, {});
    assert.equal(launcher.endpoint(), undefined);
    const endpoint = await launcher.start();
    assert.equal(endpoint.host, '127.0.0.1');
    assert.deepEqual(launcher.endpoint(), endpoint);
    assert.equal(launcher.running, true);
    assert.equal((await fetch(`http://127.0.0.1:${endpoint.port}/`)).status, 200);
    assert.equal(launcher.dnsServer(), '127.0.0.1:5353');
    const args = JSON.parse(l.lines.find((x) => x.startsWith('[sandbox] args '))?.slice('[sandbox] args '.length) ?? '[]') as string[];
    assert.deepEqual(args, [
      '--port', '0', '--seed', 'demo', '--lenient', '--allow-loopback-endpoints', '--dns-port', '0', '--origin', '127.0.0.1:80', '--time-scale', '1', '--quiet',
      '--access-key-id', 'LTAI5tSandboxLocal0000000',
    ], 'the secret is not on the command line, where ps shows it');
    assert.ok(l.lines.includes('[sandbox] secret from the environment: true'), l.lines.join('\n'));
    assert.equal(EMULATOR_SECRET_ENV, ACCESS_KEY_SECRET_ENV, 'the variable the emulator reads');
    assert.ok(!l.lines.some((x) => x.includes(SANDBOX_ACCESS_KEY_SECRET)));

    launcher.stop();
    assert.equal(launcher.running, false);
    await l.until(/local emulator exited/);
    await assert.rejects(fetch(`http://127.0.0.1:${endpoint.port}/`), 'the emulator is gone');
  });

  it('uses the emulator named by GA_IPV6_SANDBOX_ENDPOINT and starts nothing', async () => {
    const l = log();
    const launcher = new SandboxLauncher(extensionWith(undefined), l.write, { [SANDBOX_ENDPOINT_ENV]: '127.0.0.1:8100' });
    assert.deepEqual(await launcher.start(), { host: '127.0.0.1', port: 8100 });
    assert.equal(launcher.running, false);
    assert.deepEqual(l.lines, []);
  });

  it('explains a missing bundle and an emulator that exits before it is ready', async () => {
    const folder = extensionWith(undefined);
    await assert.rejects(new SandboxLauncher(folder, () => undefined, {}).start(), new RegExp(`needs ${join(folder, 'dist', 'emulator.js').replace(/[/\\]/g, '.')}, which is missing.*npm run build`));
    const l = log();
    await assert.rejects(new SandboxLauncher(extensionWith(CRASHING_EMULATOR), l.write, {}).start(), /exited before it was ready \(code 3\)/);
    assert.ok(l.lines.includes('[sandbox] Port 1 on 127.0.0.1 is already in use'), 'its messages reach the log');
  });
});
