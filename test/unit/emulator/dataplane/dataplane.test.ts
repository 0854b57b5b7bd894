import { test, TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { connect, createServer, AddressInfo, Socket } from 'node:net';
import { startDataPlane } from '../../../../src/emulator/dataplane';
import { accelerator, buildState, endpointGroup, fakeEmulator, ipSet, listener } from './fakeEmulator';
import type { EmulatorState } from '../../../../src/emulator/state';

const IPSET_ADDRESS = 'fd6a:6761::f:1';

/** IPv4 backends on 127.0.0.1, .2, .3 … (all loopback) at one port, each answering with its address and closing. */
async function backends(t: TestContext, count: number): Promise<{ port: number; hosts: string[] }> {
  const port = await freePort('127.0.0.1');
  const hosts = Array.from({ length: count }, (_, i) => `127.0.0.${i + 1}`);
  for (const host of hosts) {
    const sockets = new Set<Socket>();
    const server = createServer((s) => {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.end(host);
    });
    await new Promise<void>((r) => server.listen(port, host, r));
    t.after(() => new Promise<void>((r) => (sockets.forEach((s) => s.destroy()), server.close(() => r()))));
  }
  return { port, hosts };
}

async function freePort(host: string): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, host, r));
  const { port } = server.address() as AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

/** What a client connecting over IPv6 and sending a request gets: the backend's words, or `error:<code>`. */
function fetchText(host: string, port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, family: 6 });
    socket.once('connect', () => socket.write('GET / HTTP/1.0\r\n\r\n'));
    let text = '';
    socket.on('data', (d) => (text += d));
    socket.on('end', () => resolve(text));
    socket.on('error', (e: NodeJS.ErrnoException) => resolve(`error:${e.code}`));
  });
}

async function fetchMany(host: string, port: number, n: number): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (let i = 0; i < n; i++) {
    const text = await fetchText(host, port);
    out[text] = (out[text] ?? 0) + 1;
  }
  return out;
}

function seedLike(listenerPort: number, endpoints: { address: string; weight: number }[]): EmulatorState {
  return buildState({
    accelerators: [accelerator('ga-1')],
    ipSets: [ipSet('ips-1', 'ga-1', [IPSET_ADDRESS])],
    listeners: [listener('lsr-1', 'ga-1', [[listenerPort, listenerPort]])],
    endpointGroups: [endpointGroup('epg-1', 'ga-1', 'lsr-1', endpoints)],
  });
}

async function start(t: TestContext, state: EmulatorState, opts: { allowLoopbackEndpoints?: boolean; ownAddresses?: boolean } = {}) {
  const emulator = fakeEmulator(state);
  const lines: string[] = [];
  const plane = await startDataPlane(emulator, { allowLoopbackEndpoints: opts.allowLoopbackEndpoints ?? true, ownAddresses: opts.ownAddresses ?? false, log: (l) => lines.push(l) });
  t.after(() => plane.stop());
  return { emulator, plane, lines };
}

test('connections follow the weights exactly, weight 0 gets none, and the counters agree', async (t) => {
  const { port, hosts } = await backends(t, 3);
  const { plane } = await start(t, seedLike(port, [{ address: hosts[0], weight: 3 }, { address: hosts[1], weight: 1 }, { address: hosts[2], weight: 0 }]));
  const [binding] = plane.bindings();
  assert.deepEqual([binding.address, binding.listenAddress, binding.port, binding.state], [IPSET_ADDRESS, '::1', port, 'listening']);
  assert.equal(plane.reachableAddress(IPSET_ADDRESS), '::1');
  assert.deepEqual(await fetchMany('::1', port, 8), { '127.0.0.1': 6, '127.0.0.2': 2 });
  const stats = plane.stats();
  assert.deepEqual(stats.forwarded, { [`127.0.0.1:${port}`]: 6, [`127.0.0.2:${port}`]: 2 });
  assert.equal(stats.accepted, 8);
});

test('SOURCE_IP keeps one client on one endpoint', async (t) => {
  const { port, hosts } = await backends(t, 2);
  const state = seedLike(port, [{ address: hosts[0], weight: 1 }, { address: hosts[1], weight: 1 }]);
  state.ga.listeners['lsr-1'].ClientAffinity = 'SOURCE_IP';
  await start(t, state);
  const seen = await fetchMany('::1', port, 6);
  assert.equal(Object.keys(seen).length, 1, JSON.stringify(seen));
  assert.equal(Object.values(seen)[0], 6);
});

test('PortOverrides send a listener port to another endpoint port', async (t) => {
  const { port: backendPort, hosts } = await backends(t, 1);
  const listenerPort = await freePort('::1');
  const state = seedLike(listenerPort, [{ address: hosts[0], weight: 1 }]);
  state.ga.endpointGroups['epg-1'].PortOverrides = [{ ListenerPort: listenerPort, EndpointPort: backendPort }];
  const { plane } = await start(t, state);
  assert.equal(await fetchText('::1', listenerPort), '127.0.0.1');
  assert.deepEqual(plane.stats().forwarded, { [`127.0.0.1:${backendPort}`]: 1 });
});

test('listening follows the state: it stops when a part leaves active and resumes when it is back', async (t) => {
  const { port, hosts } = await backends(t, 1);
  const { emulator, plane, lines } = await start(t, seedLike(port, [{ address: hosts[0], weight: 1 }]));
  assert.equal(await fetchText('::1', port), '127.0.0.1');
  for (const change of [
    (s: EmulatorState) => (s.ga.listeners['lsr-1'].State = 'updating'),
    (s: EmulatorState) => (s.ga.endpointGroups['epg-1'].State = 'deleting'),
    (s: EmulatorState) => (s.ga.ipSets['ips-1'].State = 'deleting'),
    (s: EmulatorState) => delete s.ga.endpointGroups['epg-1'],
  ]) {
    const saved = structuredClone(emulator.getState());
    emulator.mutate(change);
    await plane.settled();
    assert.deepEqual(plane.bindings(), []);
    assert.equal(plane.reachableAddress(IPSET_ADDRESS), undefined);
    assert.equal(await fetchText('::1', port), 'error:ECONNREFUSED');
    emulator.setState(saved);
    await plane.settled();
    assert.equal(await fetchText('::1', port), '127.0.0.1');
  }
  assert.ok(lines.some((l) => l.includes(`stopped [${IPSET_ADDRESS}]:${port}`)));
});

test('a changed endpoint list takes effect on the open socket', async (t) => {
  const { port, hosts } = await backends(t, 2);
  const { emulator, plane } = await start(t, seedLike(port, [{ address: hosts[0], weight: 1 }, { address: hosts[1], weight: 0 }]));
  const changes: number[] = [];
  plane.onChange((b) => changes.push(b.length));
  assert.deepEqual(await fetchMany('::1', port, 2), { '127.0.0.1': 2 });
  emulator.mutate((s) => {
    s.ga.endpointGroups['epg-1'].EndpointConfigurations[0].Weight = 0;
    s.ga.endpointGroups['epg-1'].EndpointConfigurations[1].Weight = 5;
  });
  await plane.settled();
  assert.deepEqual(changes, [1]);
  assert.deepEqual(await fetchMany('::1', port, 2), { '127.0.0.2': 2 });
});

test('no usable endpoint, or a backend that is down: the client is reset', async (t) => {
  const allZero = await start(t, seedLike(await freePort('::1'), [{ address: '127.0.0.1', weight: 0 }]));
  const zeroPort = allZero.plane.bindings()[0].port;
  assert.equal(await fetchText('::1', zeroPort), 'error:ECONNRESET');
  assert.equal(allZero.plane.stats().noEndpoint, 1);

  const downPort = await freePort('127.0.0.1');
  const down = await start(t, seedLike(downPort, [{ address: '127.0.0.1', weight: 1 }]));
  assert.equal(await fetchText('::1', downPort), 'error:ECONNRESET');
  assert.equal(down.plane.stats().upstreamFailures, 1);
  assert.ok(down.lines.some((l) => l.includes(`→ 127.0.0.1:${downPort} failed (ECONNREFUSED)`)));

  // The fixtures' seed backend is a documentation address: reset at once, no packet leaves the machine.
  const docPort = await freePort('::1');
  const doc = await start(t, seedLike(docPort, [{ address: '203.0.113.10', weight: 1 }]));
  assert.equal(await fetchText('::1', docPort), 'error:ECONNRESET');
  assert.equal(doc.plane.stats().upstreamFailures, 1);
  assert.ok(doc.lines.some((l) => /203\.0\.113\.10:\d+: a documentation address/.test(l)));
});

test('a refused client is reset only once it has its connection: after its request, or after a short grace when it sends nothing', async (t) => {
  const docPort = await freePort('::1');
  await start(t, seedLike(docPort, [{ address: '203.0.113.10', weight: 1 }]));
  const outcome = (send: boolean) =>
    new Promise<string[]>((resolve) => {
      const events: string[] = [];
      const socket = connect({ host: '::1', port: docPort, family: 6 });
      socket.once('connect', () => {
        events.push('connect');
        if (send) socket.write('GET / HTTP/1.0\r\n\r\n');
      });
      socket.on('error', (e: NodeJS.ErrnoException) => events.push(`error:${e.code}`));
      socket.on('close', () => resolve(events));
    });
  for (let i = 0; i < 20; i++) assert.deepEqual(await outcome(true), ['connect', 'error:ECONNRESET']);
  assert.deepEqual(await outcome(false), ['connect', 'error:ECONNRESET']);
});

test('a state read that applies due transitions (announcing them at once) opens each socket once; later changes reach it', async (t) => {
  const { port, hosts } = await backends(t, 2);
  const base = fakeEmulator(seedLike(port, [{ address: hosts[0], weight: 1 }, { address: hosts[1], weight: 0 }]));
  let due = true;
  // Like the engine's current(): the first read applies a due transition and tells the listeners before returning.
  const emulator = {
    ...base,
    getState: () => {
      if (due) {
        due = false;
        base.mutate(() => undefined);
      }
      return base.getState();
    },
  };
  const lines: string[] = [];
  const plane = await startDataPlane(emulator, { allowLoopbackEndpoints: true, ownAddresses: false, log: (l) => lines.push(l) });
  t.after(() => plane.stop());
  await plane.settled();
  assert.deepEqual(lines.filter((l) => l.includes('cannot listen')), [], 'no second catch-up opened the port again');
  assert.deepEqual(plane.bindings().map((b) => b.state), ['listening']);
  base.mutate((s) => {
    s.ga.endpointGroups['epg-1'].EndpointConfigurations[0].Weight = 0;
    s.ga.endpointGroups['epg-1'].EndpointConfigurations[1].Weight = 1;
  });
  await plane.settled();
  assert.equal(await fetchText('::1', port), hosts[1], 'the socket that serves the port is the one the data plane updates');
});

test('loopback endpoints are not served without allowLoopbackEndpoints', async (t) => {
  const { port, hosts } = await backends(t, 1);
  const { plane, lines } = await start(t, seedLike(port, [{ address: hosts[0], weight: 1 }]), { allowLoopbackEndpoints: false });
  assert.deepEqual(plane.bindings()[0].endpoints, []);
  assert.equal(await fetchText('::1', port), 'error:ECONNRESET');
  assert.ok(lines.some((l) => /loopback address.*--allow-loopback-endpoints/.test(l)));
});

test('two ip sets on the fallback address cannot share a port: the second fails with a reason', async (t) => {
  const { port, hosts } = await backends(t, 1);
  const state = seedLike(port, [{ address: hosts[0], weight: 1 }]);
  state.ga.ipSets['ips-2'] = ipSet('ips-2', 'ga-1', ['fd6a:6761::f:2']);
  const { plane, emulator } = await start(t, state);
  const states = plane.bindings().map((b) => b.state).sort();
  assert.deepEqual(states, ['failed', 'listening']);
  const failed = plane.bindings().find((b) => b.state === 'failed');
  assert.match(failed?.error ?? '', /share the fallback address ::1.*without root/);
  // Once the other one goes, the failed one is retried and takes the port.
  const winner = plane.bindings().find((b) => b.state === 'listening');
  emulator.mutate((s) => delete s.ga.ipSets[winner?.ipSetId ?? '']);
  await plane.settled();
  assert.deepEqual(plane.bindings().map((b) => [b.ipSetId, b.state]), [[failed?.ipSetId, 'listening']]);
  assert.equal(await fetchText('::1', port), '127.0.0.1');
});

test('as root each ip set gets its own address on lo, removed on stop; otherwise ::1, said in the log', async (t) => {
  const { port, hosts } = await backends(t, 1);
  const address = 'fd6a:6761::f:99';
  const state = seedLike(port, [{ address: hosts[0], weight: 1 }]);
  state.ga.ipSets['ips-1'].IpAddressList = [address];
  const emulator = fakeEmulator(state);
  const lines: string[] = [];
  const plane = await startDataPlane(emulator, { allowLoopbackEndpoints: true, log: (l) => lines.push(l) });
  t.after(() => plane.stop());
  const onLo = () => execFileSync('ip', ['-6', 'addr', 'show', 'dev', 'lo'], { encoding: 'utf8' }).includes(`${address}/128`);
  if (process.getuid?.() === 0) {
    assert.equal(plane.reachableAddress(address), address);
    assert.ok(onLo(), 'the address was added to lo');
    assert.equal(await fetchText(address, port), '127.0.0.1');
    await plane.stop();
    assert.equal(onLo(), false, 'the address was removed again');
  } else {
    assert.equal(plane.reachableAddress(address), '::1');
    assert.ok(lines.some((l) => /needs root.*serving them on \[::1\]/.test(l)), lines.join('\n'));
    assert.equal(await fetchText('::1', port), '127.0.0.1');
  }
});
