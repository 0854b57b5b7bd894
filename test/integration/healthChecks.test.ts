// Endpoint health from the data plane's real checks (issue 9): the emulator as the sandbox runs it (data plane,
// loopback endpoints allowed), a loopback backend that stops and starts, and GetHealthStatus through the client
// going init → normal → abnormal → normal, with the group and listener statuses following. Waits are on state
// changes of the emulator, never on the clock.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import type { HealthStatus } from '../../src/cloud';
import { startServedCloud, type ServedCloud } from './cloudHarness';

let served: ServedCloud;
const planeLog: string[] = [];

before(async () => {
  served = await startServedCloud((line) => planeLog.push(line));
});
after(() => served.stop());

/** A TCP backend on 127.0.0.1 that can be stopped and started again on the same port. */
class Backend {
  private server?: Server;
  private readonly sockets = new Set<Socket>();
  port = 0;

  async start(): Promise<void> {
    const server = createServer((s) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
      s.on('error', () => undefined);
      s.end('hello');
    });
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise((resolve) => this.server?.close(resolve));
    this.server = undefined;
  }
}

/** Reads GetHealthStatus after every change of the emulator's state until `done` holds (or gives up, saying why). */
async function healthUntil(acceleratorId: string, listenerId: string, done: (h: HealthStatus) => boolean, what: string): Promise<HealthStatus> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const changed = new Promise<void>((resolve) => {
      const off = served.emulator.onChange(() => {
        off();
        resolve();
      });
    });
    const health = await served.services.ga.getHealthStatus(acceleratorId, listenerId);
    if (done(health)) return health;
    if (Date.now() >= deadline) assert.fail(`GetHealthStatus never showed ${what}; last: ${JSON.stringify(health)}\n${planeLog.slice(-5).join('\n')}`);
    // The next change of state (a verdict is one), or the deadline, whichever comes first.
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([changed, new Promise<void>((resolve) => (timer = setTimeout(resolve, deadline - Date.now())))]);
    clearTimeout(timer);
  }
}

const endpointStates = (h: HealthStatus) => (h.endpointGroups?.[0]?.endpoints ?? []).map((e) => `${e.address}:${e.healthStatus}`);

async function buildChain(name: string, endpoints: { endpoint: string; port: number }[], health: Record<string, unknown>) {
  const { ga } = served.services;
  const acc = await ga.createAccelerator({ name, instanceChargeType: 'POSTPAY', bandwidthBillingType: 'CDT' });
  const listenerPort = 20_000 + (process.pid % 20_000);
  const listener = await ga.createListener({ acceleratorId: acc.id, protocol: 'TCP', portRanges: [{ fromPort: listenerPort, toPort: listenerPort }] });
  const group = await ga.createEndpointGroup({
    acceleratorId: acc.id,
    listenerId: listener.id,
    endpointGroupRegion: 'cn-beijing',
    endpointConfigurations: endpoints.map((e) => ({ type: 'Ip', endpoint: e.endpoint, weight: 100 })),
    ...health,
  });
  return { acceleratorId: acc.id, listenerId: listener.id, groupId: group.id };
}

test('TCP checks: a stopped loopback backend turns abnormal and back to normal when it starts again', async () => {
  const backend = new Backend();
  await backend.start();
  // 127.0.0.1 answers on its port; 127.0.0.2 on that port has nothing listening; 203.0.113.10 is never checked (a documentation address: abnormal at once).
  const { acceleratorId, listenerId } = await buildChain(
    'health-tcp',
    [{ endpoint: '127.0.0.1', port: backend.port }, { endpoint: '127.0.0.2', port: backend.port }, { endpoint: '203.0.113.10', port: backend.port }],
    { healthCheckEnabled: true, healthCheckProtocol: 'tcp', healthCheckPort: backend.port, healthCheckIntervalSeconds: 1, thresholdCount: 2 },
  );

  let h = await healthUntil(acceleratorId, listenerId, (x) => endpointStates(x).join() === '127.0.0.1:normal,127.0.0.2:abnormal,203.0.113.10:abnormal', 'the first verdicts');
  assert.equal(h.endpointGroups?.[0]?.healthStatus, 'partiallyAbnormal');
  assert.equal(h.healthStatus, 'partiallyAbnormal');

  await backend.stop();
  h = await healthUntil(acceleratorId, listenerId, (x) => endpointStates(x)[0] === '127.0.0.1:abnormal', '127.0.0.1 abnormal after its backend stopped');
  assert.deepEqual(endpointStates(h), ['127.0.0.1:abnormal', '127.0.0.2:abnormal', '203.0.113.10:abnormal']);
  assert.equal(h.endpointGroups?.[0]?.healthStatus, 'abnormal', 'no endpoint answers');
  assert.ok(planeLog.some((l) => /health: endpoint 127\.0\.0\.1:\d+ of epg-\w+ is abnormal \(TCP 127\.0\.0\.1:\d+: ECONNREFUSED/.test(l)), planeLog.join('\n'));

  await backend.start();
  h = await healthUntil(acceleratorId, listenerId, (x) => endpointStates(x)[0] === '127.0.0.1:normal', '127.0.0.1 normal again after its backend started');
  assert.equal(h.healthStatus, 'partiallyAbnormal');
  await backend.stop();
});

test('HTTP checks: 2xx/3xx is normal, a server error is abnormal; checks off is plainly normal', async () => {
  let status = 200;
  const paths: string[] = [];
  const web: HttpServer = createHttpServer((req, res) => {
    paths.push(`${req.headers.host} ${req.url}`);
    res.statusCode = status;
    res.end('ok');
  });
  await new Promise<void>((resolve) => web.listen(0, '127.0.0.1', resolve));
  const port = (web.address() as AddressInfo).port;
  try {
    const { acceleratorId, listenerId, groupId } = await buildChain('health-http', [{ endpoint: '127.0.0.1', port }], {
      healthCheckEnabled: true,
      healthCheckProtocol: 'http',
      healthCheckPort: port,
      healthCheckPath: '/healthz',
      healthCheckHost: 'www.example.com',
      healthCheckIntervalSeconds: 1,
      thresholdCount: 2,
    });
    let h = await healthUntil(acceleratorId, listenerId, (x) => x.endpointGroups?.[0]?.healthStatus === 'normal', 'normal with HTTP 200');
    assert.ok(paths.includes('www.example.com /healthz'), `the check asks the configured host and path: ${paths.slice(0, 3).join(', ')}`);
    status = 503;
    h = await healthUntil(acceleratorId, listenerId, (x) => x.healthStatus === 'abnormal', 'abnormal with HTTP 503');
    assert.deepEqual(endpointStates(h), ['127.0.0.1:abnormal']);

    await served.services.ga.updateEndpointGroup({ endpointGroupId: groupId, endpointGroupRegion: 'cn-beijing', healthCheckEnabled: false });
    h = await served.services.ga.getHealthStatus(acceleratorId, listenerId);
    assert.deepEqual(endpointStates(h), ['127.0.0.1:normal'], 'without checks an endpoint is normal, as documented before');
  } finally {
    await new Promise((resolve) => web.close(resolve));
  }
});
