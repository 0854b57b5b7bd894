// IPv6 probes in a real extension host. The commands run as a person's click would (vscode.commands), each probe
// in a terminal of its own, and the verdict is read from what the command resolves with: the final report.
// Two kinds of target: tiny servers this file starts on [::1] (pass, refused, a silent one to cancel), and the
// sandbox's seed accelerator in the emulator the launcher started (GA_IPV6_SANDBOX_ENDPOINT, with its DNS
// responder in GA_IPV6_SANDBOX_DNS), reached through the emulator's IPv6 → IPv4 data plane.
import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { connect, createServer as createNetServer, type AddressInfo, type Socket } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { EmulatorAdmin } from '../../src/emulator/adminClient';
import type { ExtensionApi } from '../../src/extension';
import type { ExplorerNode } from '../../src/explorer/nodes';
import { renderReport, type ProbeReport } from '../../src/probe';
import type { CurlRun } from '../../src/probeUi/commands';
import type { ProbePickItem } from '../../src/probeUi/pickTarget';
import { activateOnSandbox, SANDBOX_PROFILE_ID, SEED_NAME } from './sandboxSession';

const BACKEND_TEXT = 'IPv4 web service behind the accelerator';
/** What the sandbox's IPv4 origin (src/emulator/origin.ts) answers. */
const ORIGIN_PAGE = /answered by the IPv4 origin behind the local sandbox's Global Accelerator/;
/** Quick, and still more than one attempt so loss and the per-attempt table mean something. */
const FAST = { attempts: 2, intervalMs: 0, connectTimeoutMs: 3000, requestTimeoutMs: 3000 };

interface Running {
  port: number;
  close(): Promise<void>;
}

describe('IPv6 probes in the editor', function () {
  this.timeout(60_000);
  let api: ExtensionApi;
  let admin: EmulatorAdmin;
  let ipv6Web: Running & { hosts: string[] };
  const tempDir = mkdtempSync(join(tmpdir(), 'ga-probe-test-'));

  before(async () => {
    ({ api, admin } = await activateOnSandbox());
    ipv6Web = await httpServer('::1');
  });

  after(async () => {
    for (const t of vscode.window.terminals) if (t.name.startsWith('IPv6 probe:') || t.name.startsWith('curl -6')) t.dispose();
    await ipv6Web?.close();
    rmSync(tempDir, { recursive: true, force: true });
  });

  const probe = (target: unknown, tuning: object = FAST) => vscode.commands.executeCommand<ProbeReport | undefined>('gaIpv6.probe', target, tuning);

  it('probes an IPv6 address in a terminal of its own and resolves with the final report: pass', async () => {
    const target = `[::1]:${ipv6Web.port}`;
    const report = await probe(target);
    assert.ok(report, 'the command resolves with the report');
    assert.equal(report.state, 'done');
    assert.equal(report.verdict.status, 'pass', table(report));
    const [endpoint] = report.targets[0].endpoints;
    assert.deepEqual([endpoint.address, endpoint.port, endpoint.stats.sent, endpoint.stats.answered], ['::1', ipv6Web.port, 2, 2]);
    for (const attempt of endpoint.attempts) {
      assert.equal(attempt.httpStatus, 200);
      assert.equal(attempt.bodyPreview, BACKEND_TEXT);
      assert.equal(attempt.remote?.family, 'IPv6');
    }
    assert.deepEqual(ipv6Web.hosts.slice(-2), [target, target], 'the server was asked twice, with the address as Host');
    assert.ok(vscode.window.terminals.some((t) => t.name === `IPv6 probe: ${target}`), 'the probe ran in its own terminal');
  });

  it('says "refused" for a port nothing listens on', async () => {
    const port = await freePort('::1');
    const report = await probe(`[::1]:${port}`);
    assert.ok(report);
    assert.equal(report.verdict.status, 'fail');
    assert.equal(report.verdict.code, 'refused', report.verdict.reason);
    assert.deepEqual(report.targets[0].endpoints[0].attempts.map((a) => a.failure?.code), ['refused', 'refused']);
  });

  it('refuses a target that cannot show IPv6 reachability, before any traffic', async () => {
    const report = await probe('192.0.2.1');
    assert.ok(report);
    assert.equal(report.verdict.code, 'invalid-target');
    assert.match(report.verdict.reason, /IPv4 address/);
  });

  it('cancels on Ctrl-C typed into its terminal', async () => {
    const silent = await silentServer('::1');
    try {
      const target = `[::1]:${silent.port}`;
      const pending = probe(target, { ...FAST, attempts: 1, requestTimeoutMs: 60_000 });
      await silent.connected;
      const terminal = vscode.window.terminals.find((t) => t.name === `IPv6 probe: ${target}`);
      assert.ok(terminal, 'the probe has its own terminal');
      terminal.sendText('\x03', false);
      const report = await pending;
      assert.ok(report);
      assert.equal(report.state, 'cancelled', table(report));
      assert.equal(report.verdict.status, 'cancelled');
      assert.equal(report.targets[0].endpoints[0].attempts[0].failure?.code, 'cancelled');
    } finally {
      await silent.close();
    }
  });

  it('cancels when its terminal is closed', async () => {
    const silent = await silentServer('::1');
    try {
      const target = `[::1]:${silent.port}`;
      const pending = probe(target, { ...FAST, attempts: 1, requestTimeoutMs: 60_000 });
      await silent.connected;
      vscode.window.terminals.find((t) => t.name === `IPv6 probe: ${target}`)?.dispose();
      const report = await pending;
      assert.ok(report);
      assert.equal(report.state, 'cancelled', table(report));
    } finally {
      await silent.close();
    }
  });

  it('saves the last report as JSON', async () => {
    const report = await probe(`[::1]:${ipv6Web.port}`);
    assert.ok(report);
    const file = vscode.Uri.file(join(tempDir, 'probe.json'));
    const saved = await vscode.commands.executeCommand<vscode.Uri | undefined>('gaIpv6.saveProbeReport', file);
    assert.equal(saved?.fsPath, file.fsPath);
    assert.deepEqual(JSON.parse(readFileSync(file.fsPath, 'utf8')), JSON.parse(JSON.stringify(report)));
    assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, file.fsPath, 'the saved report opens in an editor');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('runs the real curl -6 -g without a shell, shows its command line quoted for the terminal\'s shell, and refuses a target that would inject shell code', async () => {
    const run = await vscode.commands.executeCommand<CurlRun | undefined>('gaIpv6.curl6', `[::1]:${ipv6Web.port}`);
    assert.ok(run, 'the command resolves once curl has exited');
    assert.deepEqual(run.argv.slice(0, 3), ['curl', '-6', '-g']);
    assert.equal(run.shell, 'posix', `this workbench's shell is ${vscode.env.shell}`);
    assert.equal(run.shown.endsWith(` 'http://[::1]:${ipv6Web.port}/'`), true, run.shown);
    assert.deepEqual([run.exitCode, run.output], [0, BACKEND_TEXT], run.error);
    assert.ok(vscode.window.terminals.some((t) => t.name === 'curl -6 (Global Accelerator)'), 'curl runs in a terminal of its own');
    const injected = await vscode.commands.executeCommand<CurlRun | undefined>('gaIpv6.curl6', `[::1]:${ipv6Web.port}; touch ${join(tempDir, 'pwned')}`);
    assert.equal(injected, undefined, 'nothing runs for an argument that is not one address, URL or name');
    assert.equal(existsSync(join(tempDir, 'pwned')), false);
  });

  describe('on the sandbox\'s seed accelerator', () => {
    let backend: Running & { hosts: string[] };

    before(async () => {
      backend = await httpServer('127.0.0.1');
    });

    beforeEach(async () => {
      await admin.loadFixture('demo');
      api.explorer.refreshAll();
    });

    after(async () => {
      await admin.loadFixture('demo');
      api.explorer.refreshAll();
      await backend?.close();
    });

    const tree = () => api.explorer;
    const label = (node: ExplorerNode) => String(tree().getTreeItem(node).label);

    async function child(parent: ExplorerNode | undefined, predicate: (n: ExplorerNode) => boolean, what: string): Promise<ExplorerNode> {
      const children = await tree().getChildren(parent);
      const found = children.find(predicate);
      assert.ok(found, `${parent ? `"${label(parent)}"` : 'the tree'} has no ${what}; it shows: ${children.map(label).join(', ')}`);
      return found;
    }
    const seedAccelerator = async () => child(await child(undefined, (n) => n.id === SANDBOX_PROFILE_ID, 'sandbox profile'), (n) => n.kind === 'accelerator' && n.accelerator.name === SEED_NAME, SEED_NAME);
    const folder = async (kind: string) => child(await seedAccelerator(), (n) => n.kind === 'folder' && n.folder === kind, `${kind} folder`);

    /**
     * The seed's IPv6 address, and where this machine reaches it: the address itself when the emulator (as root)
     * puts it on the loopback device, else the data plane's fallback [::1]. Loading the fixture takes the address
     * off and puts it back, so this waits until the seed's listener answers there again. Nothing is sent to the
     * address while it is not on this machine: it would leave by the default route.
     */
    async function seedAddress(): Promise<{ address: string; reachedAt: string }> {
      const area = await child(await folder('areas'), (n) => n.kind === 'area', 'acceleration area');
      const node = await child(area, (n) => n.kind === 'address', 'address');
      assert.ok(node.kind === 'address');
      const reachedAt = process.getuid?.() === 0 ? node.address : '::1';
      await until(`the data plane to serve the seed on [${reachedAt}]:80`, async () => isLocal(reachedAt) && accepts(reachedAt, 80));
      return { address: node.address, reachedAt };
    }

    /**
     * A second listener of the seed accelerator on a free port, forwarding to this file's IPv4 backend (which
     * counts what it answers, unlike the sandbox's own origin). Resolves once the data plane accepts connections
     * on it.
     */
    async function listenerToBackend(reachedAt: string): Promise<number> {
      const profile = api.profiles.get(SANDBOX_PROFILE_ID);
      assert.ok(profile);
      const { ga } = api.session.servicesFor(profile);
      const accelerator = await seedAccelerator();
      assert.ok(accelerator.kind === 'accelerator');
      const acceleratorId = accelerator.accelerator.acceleratorId ?? '';
      const port = await freePort(reachedAt);
      const listener = await ga.createListener({ acceleratorId, name: 'probe-test', protocol: 'TCP', portRanges: [{ fromPort: port, toPort: port }], clientAffinity: 'NONE' });
      await ga.createEndpointGroup({
        acceleratorId,
        listenerId: listener.id,
        endpointGroupRegion: 'cn-beijing',
        name: 'probe-test-backend',
        endpointConfigurations: [{ type: 'Ip', endpoint: '127.0.0.1', weight: 100 }],
        portOverrides: [{ listenerPort: port, endpointPort: backend.port }],
      });
      await until(`the data plane to serve [${reachedAt}]:${port}`, () => accepts(reachedAt, port));
      tree().refreshAll();
      return port;
    }

    it('"Probe over IPv6" on an endpoint: through the accelerator over IPv6 and straight to the IPv4 origin, both pass', async () => {
      const { reachedAt } = await seedAddress();
      const port = await listenerToBackend(reachedAt);
      const listener = await child(await folder('listeners'), (n) => n.kind === 'listener' && n.listener.name === 'probe-test', 'probe-test listener');
      const group = await child(listener, (n) => n.kind === 'endpointGroup', 'endpoint group');
      const endpoint = await child(group, (n) => n.kind === 'endpoint', 'endpoint');
      const before = backend.hosts.length;

      const report = await vscode.commands.executeCommand<ProbeReport | undefined>('gaIpv6.probeNode', endpoint, FAST);
      assert.ok(report);
      assert.equal(report.verdict.status, 'pass', report.verdict.reason);
      const [target] = report.targets;
      assert.deepEqual(target.endpoints.map((e) => [e.address, e.port, e.verdict.status]), [[reachedAt, port, 'pass']]);
      for (const attempt of target.endpoints[0].attempts) assert.equal(attempt.bodyPreview, BACKEND_TEXT);
      assert.deepEqual([target.origin?.address, target.origin?.port, target.origin?.family, target.origin?.verdict.status], ['127.0.0.1', backend.port, 4, 'pass']);
      assert.equal(backend.hosts.length - before, 4, 'the IPv4 backend answered 2 attempts through the accelerator and 2 direct ones');
    });

    it('"Probe over IPv6" on a DNS record resolves it with the sandbox\'s DNS responder and checks it leads to the accelerator', async () => {
      const { address, reachedAt } = await seedAddress();
      const port = await listenerToBackend(reachedAt);
      const record = await child(await folder('dns'), (n) => n.kind === 'dnsRecord' && label(n) === 'www.example.com', 'www.example.com');

      const report = await vscode.commands.executeCommand<ProbeReport | undefined>('gaIpv6.probeNode', record, FAST);
      assert.ok(report);
      assert.equal(report.settings.dnsServer, process.env.GA_IPV6_SANDBOX_DNS, 'the sandbox\'s own DNS responder was asked');
      const [target] = report.targets;
      assert.equal(target.hostName, 'www.example.com');
      assert.equal(target.dns?.rcode, 'NOERROR');
      assert.deepEqual(target.dns?.aaaa.map((r) => r.address), [address]);
      const mine = target.endpoints.find((e) => e.port === port);
      assert.deepEqual([mine?.address, mine?.verdict.status], [reachedAt, 'pass'], JSON.stringify(mine?.verdict));
      assert.equal(mine?.attempts[0].bodyPreview, BACKEND_TEXT);
      // The fixture's own listener (TCP:80) leads to the sandbox's IPv4 origin: out of the box, it passes.
      const seedListener = target.endpoints.find((e) => e.port === 80);
      assert.equal(seedListener?.verdict.status, 'pass', JSON.stringify(seedListener?.verdict));
      assert.match(seedListener?.attempts[0].bodyPreview ?? '', ORIGIN_PAGE);
      assert.equal(report.verdict.status, 'pass', table(report));
    });

    /** Answers the probe's quick pick with the item `choose` finds (and the input box with `typed`); returns what was offered. */
    function answering(choose: (items: readonly ProbePickItem[]) => ProbePickItem | undefined, typed?: string): { offered: ProbePickItem[] } {
      const seen = { offered: [] as ProbePickItem[] };
      restorePrompter = api.testing.usePrompter({
        pick: async <T extends vscode.QuickPickItem>(items: readonly T[]) => {
          seen.offered = [...items];
          return choose(items) as T | undefined;
        },
        input: async (options) => {
          assert.ok(typed !== undefined, `unexpected input box: ${options.prompt ?? ''}`);
          assert.equal(await options.validateInput?.(typed), undefined, 'the typed target is accepted');
          return typed;
        },
      });
      return seen;
    }
    let restorePrompter: (() => void) | undefined;
    afterEach(() => {
      restorePrompter?.();
      restorePrompter = undefined;
    });

    it('"Probe IPv6 Reachability…" offers the seed\'s areas and DNS records; picking its IPv6 area probes that area', async () => {
      const { address, reachedAt } = await seedAddress();
      const port = await listenerToBackend(reachedAt);
      const seed = (await seedAccelerator()).id;
      const seen = answering((items) => items.find((i) => i.node?.kind === 'area' && i.node.parent?.id === seed));

      const report = await probe(undefined);
      const mine = seen.offered.filter((i) => i.node?.parent?.id === seed || i.node?.id === seed);
      assert.deepEqual(mine.map((i) => i.node?.kind), ['accelerator', 'area', 'dnsRecord', 'dnsRecord'], seen.offered.map((i) => i.label).join(' | '));
      assert.ok(seen.offered.some((i) => i.kind === vscode.QuickPickItemKind.Separator && i.label.startsWith(SEED_NAME)), 'a separator heads the seed\'s group');
      assert.ok(report, 'the command resolves with the report');
      assert.deepEqual(report.targets.map((t) => [t.kind, t.label]), [['area', `${regionLabel(mine[1])} of ${SEED_NAME}`]]);
      assert.deepEqual(report.targets[0].endpoints.map((e) => e.address), [reachedAt, reachedAt], `the area's ${address}, where this machine serves it`);
      const forwarded = report.targets[0].endpoints.find((e) => e.port === port);
      assert.equal(forwarded?.verdict.status, 'pass', table(report));
      assert.equal(report.targets[0].endpoints.find((e) => e.port === 80)?.verdict.status, 'pass', 'the seed\'s own listener reaches the sandbox origin');
      assert.equal(report.verdict.status, 'pass', table(report));
    });

    it('a typed sandbox address is probed where the data plane serves it, never sent off this machine', async () => {
      const { address, reachedAt } = await seedAddress();
      const port = await listenerToBackend(reachedAt);
      const typed = `[${address}]:${port}`;
      answering((items) => items.find((i) => !i.node && i.kind !== vscode.QuickPickItemKind.Separator), typed);

      const report = await probe(undefined);
      assert.ok(report);
      assert.equal(report.verdict.status, 'pass', table(report));
      assert.equal(report.targets[0].label, typed);
      assert.deepEqual(report.targets[0].endpoints.map((e) => [e.address, e.port]), [[reachedAt, port]]);
      assert.equal(report.targets[0].endpoints[0].attempts[0].bodyPreview, BACKEND_TEXT);
    });

    it('"Probe over IPv6" on the seed accelerator passes out of the box: through its listener to the sandbox\'s IPv4 origin', async () => {
      const { reachedAt } = await seedAddress();
      const report = await vscode.commands.executeCommand<ProbeReport | undefined>('gaIpv6.probeNode', await seedAccelerator(), FAST);
      assert.ok(report);
      assert.equal(report.verdict.status, 'pass', table(report));
      assert.deepEqual(report.targets[0].endpoints.map((e) => [e.address, e.port]), [[reachedAt, 80]]);
      assert.match(report.targets[0].endpoints[0].attempts[0].bodyPreview ?? '', ORIGIN_PAGE);
    });

    it('"Probe over IPv6" passes out of the box on the seed\'s area, www.example.com (AAAA) and app.example.com (CNAME)', async () => {
      const { reachedAt } = await seedAddress();
      const area = await child(await folder('areas'), (n) => n.kind === 'area', 'acceleration area');
      const records = await tree().getChildren(await folder('dns'));
      for (const node of [area, ...records.filter((n) => n.kind === 'dnsRecord')]) {
        const report = await vscode.commands.executeCommand<ProbeReport | undefined>('gaIpv6.probeNode', node, FAST);
        assert.ok(report);
        assert.equal(report.verdict.status, 'pass', `${label(node)}: ${table(report)}`);
        assert.deepEqual(report.targets[0].endpoints.map((e) => [e.address, e.port]), [[reachedAt, 80]], label(node));
      }
      assert.deepEqual(records.map(label).sort(), ['app.example.com', 'www.example.com']);
    });

    it('"Probe over IPv6" on the deliberately broken gateway fails with a reset and says what to check', async () => {
      const broken = await child(await child(undefined, (n) => n.id === SANDBOX_PROFILE_ID, 'sandbox profile'), (n) => n.kind === 'accelerator' && n.accelerator.name === 'game-ipv6', 'game-ipv6');
      const report = await vscode.commands.executeCommand<ProbeReport | undefined>('gaIpv6.probeNode', broken, { ...FAST, attempts: 1 });
      assert.ok(report);
      assert.equal(report.verdict.status, 'fail', table(report));
      assert.equal(report.verdict.code, 'reset', report.verdict.reason);
      assert.match(report.verdict.reason, /check the endpoints/);
      assert.match(report.verdict.reason, /GA's health checks? reports? endpoints? (\S+, )*198\.51\.100\.20:443(, \S+)* abnormal/, 'the health checks explain the reset');
    });

    it('runs curl -6 -g for an accelerated address of the tree: the origin answers', async () => {
      const { reachedAt } = await seedAddress();
      const area = await child(await folder('areas'), (n) => n.kind === 'area', 'acceleration area');
      const address = await child(area, (n) => n.kind === 'address', 'address');
      const run = await vscode.commands.executeCommand<CurlRun | undefined>('gaIpv6.curl6', address);
      assert.equal(run?.argv.at(-1), `http://[${reachedAt}]/`, 'the seed\'s listener port 80 is the default');
      assert.equal(run?.exitCode, 0, run?.output);
      assert.match(run?.output ?? '', ORIGIN_PAGE);
    });

    it('runs curl -6 -g for a DNS record with --resolve from the sandbox\'s DNS: the origin answers, named as asked', async () => {
      const { address, reachedAt } = await seedAddress();
      for (const name of ['www.example.com', 'app.example.com']) {
        const record = await child(await folder('dns'), (n) => n.kind === 'dnsRecord' && label(n) === name, name);
        const run = await vscode.commands.executeCommand<CurlRun | undefined>('gaIpv6.curl6', record);
        assert.ok(run);
        assert.deepEqual(run.argv.slice(-3), ['--resolve', `${name}:80:[${reachedAt}]`, `http://${name}/`]);
        assert.equal(run.exitCode, 0, run.output);
        assert.match(run.output, ORIGIN_PAGE);
        assert.match(run.output, new RegExp(`\\(Host: ${name.replace(/\./g, '\\.')}\\)`));
        assert.ok(address, 'the record\'s name resolves to the seed\'s address in the sandbox\'s DNS');
      }
    });
  });
});

/** The region name an area item shows (after its icon). */
function regionLabel(item: ProbePickItem | undefined): string {
  return (item?.label ?? '').replace(/^\$\([^)]*\)\s*/, '');
}

/** The report as the terminal shows it, without colours: what a failing assertion should say. */
function table(report: ProbeReport): string {
  return `\n${renderReport(report, { color: false }).join('\n')}\n${JSON.stringify(report.settings)}`;
}

async function httpServer(host: string): Promise<Running & { hosts: string[] }> {
  const hosts: string[] = [];
  const server: Server = createHttpServer((req, res) => {
    hosts.push(req.headers.host ?? '');
    res.setHeader('content-type', 'text/plain');
    res.end(BACKEND_TEXT);
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, host, resolve));
  return {
    port: (server.address() as AddressInfo).port,
    hosts,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** Accepts connections and never answers; `connected` settles with the first connection. */
async function silentServer(host: string): Promise<Running & { connected: Promise<void> }> {
  const sockets = new Set<Socket>();
  let first: () => void = () => undefined;
  const connected = new Promise<void>((resolve) => (first = resolve));
  const server = createNetServer((socket) => {
    sockets.add(socket);
    first();
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, host, resolve));
  return {
    port: (server.address() as AddressInfo).port,
    connected,
    close: () => new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    }),
  };
}

async function freePort(host: string): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function isLocal(address: string): boolean {
  return Object.values(networkInterfaces()).some((list) => list?.some((i) => i.address === address));
}

function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Checks the condition until it holds, for at most 15 s. */
async function until(what: string, condition: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what} after 15 s`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
