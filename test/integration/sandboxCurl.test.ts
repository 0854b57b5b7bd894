// The sandbox as `npm start` runs it (the emulator process with the demo account, its DNS responder, data plane
// and IPv4 origin), checked the way the seed's step 5 does: the demo names are resolved through the sandbox's
// DNS and the real `curl -6 -g` — the command "Run curl -6" builds, with --resolve from that DNS — gets the
// origin's page. The deliberately broken gateway answers every one of many connections with a reset (curl exit
// 56), never with "couldn't connect" (exit 7).
import assert from 'node:assert/strict';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { after, before, describe, it } from 'node:test';
import { buildCurlCommand, lookupName } from '../../src/probe';
import { resolveInSandbox } from '../../src/probeUi/curlTargets';
import { sandboxConnectVia, sandboxScope } from '../../src/probeUi/sandboxPlacement';
import { processAddressBlock } from './cloudHarness';

/** What scripts/lib/emulatorProcess.mjs passes for `npm start` (its address block aside: this process has its own). */
const NPM_START_ARGS = ['--port', '0', '--seed', 'demo', '--time-scale', '1', '--allow-loopback-endpoints', '--lenient', '--dns-port', '0', '--origin', '127.0.0.1:80'];
const ORIGIN_PAGE = /answered by the IPv4 origin behind the local sandbox's Global Accelerator/;

interface Ready {
  endpoint: string;
  dnsPort: number;
  origin: string;
}

interface CurlResult {
  code: number;
  stdout: string;
  stderr: string;
}

function curl(args: string[]): Promise<CurlResult> {
  return new Promise((resolve, reject) => {
    execFile('curl', args, { timeout: 20_000 }, (error, stdout, stderr) => {
      if ((error as NodeJS.ErrnoException | null)?.code === 'ENOENT') return reject(new Error('curl is not installed: the seed\'s check needs it (scripts/install-vscode.sh installs it)'));
      resolve({ code: typeof error?.code === 'number' ? error.code : 0, stdout, stderr });
    });
  });
}

describe('the sandbox as npm start runs it, checked with the real curl -6 -g', { skip: process.getuid?.() !== 0 ? 'the demo listens on port 80 (as in the seed), which needs root' : false }, () => {
  let child: ChildProcess;
  let ready: Ready;
  const log: string[] = [];

  before(async () => {
    const main = join(__dirname, '..', '..', 'src', 'emulator', 'main.js');
    child = spawn(process.execPath, [main, ...NPM_START_ARGS, '--address-block', processAddressBlock().toString(16)], { stdio: ['ignore', 'pipe', 'inherit'] });
    for await (const line of createInterface({ input: child.stdout! })) {
      log.push(line);
      if (line.startsWith('ready ')) {
        ready = JSON.parse(line.slice('ready '.length)) as Ready;
        break;
      }
    }
    assert.ok(ready, `the emulator printed no ready line:\n${log.join('\n')}`);
    child.stdout!.resume();
  });

  after(async () => {
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  });

  const dnsServer = () => `127.0.0.1:${ready.dnsPort}`;

  it('serves the origin and says where in its banner', () => {
    assert.match(ready.origin, /^127\.0\.0\.1:\d+$/);
    assert.ok(log.some((l) => l.includes(`IPv4 origin:      http://${ready.origin}/`)), log.join('\n'));
  });

  for (const name of ['www.example.com', 'app.example.com']) {
    it(`${name}: resolved by the sandbox's DNS, fetched with "Run curl -6"'s command, answered by the origin with 200`, async () => {
      const { target, note } = await resolveInSandbox(
        { hostName: name, port: 80, connectTimeoutSeconds: 5 },
        (n) => lookupName(n, { dnsServer: dnsServer(), timeoutMs: 3000 }),
        sandboxConnectVia(sandboxScope()),
      );
      assert.ok(target.address?.startsWith('fd6a:6761::'), `${name} resolves to an emulated IPv6 address on this machine: ${note}`);
      const command = buildCurlCommand(target);
      assert.deepEqual(command.argv.slice(0, 3), ['curl', '-6', '-g']);
      assert.ok(command.argv.includes(`${name}:80:[${target.address}]`), command.display);
      const fetched = await curl(command.argv.slice(1));
      assert.equal(fetched.code, 0, `${command.display}\n${fetched.stderr}`);
      assert.match(fetched.stdout, ORIGIN_PAGE);
      assert.match(fetched.stdout, new RegExp(`sandbox origin at http://${ready.origin.replace(/\./g, '\\.')}/`));
      assert.match(fetched.stdout, new RegExp(`\\(Host: ${name.replace(/\./g, '\\.')}\\)`));
      const status = await curl([...command.argv.slice(1, -1), '-o', '/dev/null', '-w', '%{http_code}', command.argv.at(-1)!]);
      assert.equal(status.stdout, '200');
    });
  }

  it('the deliberately broken gateway resets every connection: curl exits 56 (reset), never 7 (couldn\'t connect)', async () => {
    // game-ipv6's first area; its TCP:443 listener forwards to a documentation address nothing answers at.
    const state = (await (await fetch(`http://${ready.endpoint}/__emulator/state`)).json()) as { ga: { accelerators: Record<string, { Name: string; AcceleratorId: string }>; ipSets: Record<string, { AcceleratorId: string; IpAddressList: string[] }> } };
    const game = Object.values(state.ga.accelerators).find((a) => a.Name === 'game-ipv6');
    const address = Object.values(state.ga.ipSets).find((s) => s.AcceleratorId === game?.AcceleratorId)?.IpAddressList[0];
    assert.ok(address, 'game-ipv6 has an IPv6 address');
    const command = buildCurlCommand({ address: sandboxConnectVia(sandboxScope())(address), port: 443, connectTimeoutSeconds: 5 });
    const codes: number[] = [];
    for (let i = 0; i < 30; i++) codes.push((await curl(command.argv.slice(1))).code);
    assert.deepEqual([...new Set(codes)], [56], `exit codes of 30 tries: ${codes.join(' ')}`);
  });
});
