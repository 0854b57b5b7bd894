import { test } from 'node:test';
import assert from 'node:assert/strict';
import { desiredBindings, MAX_PORTS_PER_LISTENER } from '../../../../src/emulator/dataplane/routes';
import { accelerator, buildState, endpointGroup, ipSet, listener } from './fakeEmulator';

const base = () => ({
  accelerators: [accelerator('ga-1')],
  ipSets: [ipSet('ips-1', 'ga-1', ['fd6a:6761::a:1'])],
  listeners: [listener('lsr-1', 'ga-1', [[80, 81]])],
  endpointGroups: [endpointGroup('epg-1', 'ga-1', 'lsr-1', [{ address: '127.0.0.1', weight: 1 }], { PortOverrides: [{ ListenerPort: 80, EndpointPort: 8080 }] })],
});
const LOOPBACK_OK = { allowLoopbackEndpoints: true };

test('an active IPv6 ip set × every port of an active listener with an active group; overrides map ports', () => {
  const plane = desiredBindings(buildState(base()), LOOPBACK_OK);
  assert.deepEqual(plane.bindings.map((b) => [b.address, b.port, b.route.groups[0].endpoints[0].port]), [
    ['fd6a:6761::a:1', 80, 8080],
    ['fd6a:6761::a:1', 81, 81],
  ]);
  assert.deepEqual(plane.notes, []);
});

test('nothing is served unless ip set, listener and endpoint group are all active', () => {
  for (const [kind, id] of [['ipSets', 'ips-1'], ['listeners', 'lsr-1'], ['endpointGroups', 'epg-1']] as const) {
    for (const state of ['init', 'updating', 'deleting']) {
      const s = buildState(base());
      (s.ga[kind] as Record<string, { State: string }>)[id].State = state;
      assert.deepEqual(desiredBindings(s, LOOPBACK_OK).bindings, [], `${kind} ${state}`);
    }
  }
  const ipv4Only = buildState({ ...base(), ipSets: [ipSet('ips-1', 'ga-1', ['198.18.0.1'], { IpVersion: 'IPv4' })] });
  assert.deepEqual(desiredBindings(ipv4Only, LOOPBACK_OK).bindings, []);
  const dual = buildState({ ...base(), ipSets: [ipSet('ips-1', 'ga-1', ['198.18.0.1', 'fd6a:6761::a:7'], { IpVersion: 'DUAL_STACK' })] });
  assert.deepEqual([...new Set(desiredBindings(dual, LOOPBACK_OK).bindings.map((b) => b.address))], ['fd6a:6761::a:7']);
  const otherAccelerator = buildState({ ...base(), ipSets: [ipSet('ips-1', 'ga-2', ['fd6a:6761::a:1'])] });
  assert.deepEqual(desiredBindings(otherAccelerator, LOOPBACK_OK).bindings, []);
});

test('loopback endpoints need allowLoopbackEndpoints; the note says how', () => {
  const plane = desiredBindings(buildState(base()), { allowLoopbackEndpoints: false });
  assert.deepEqual(plane.bindings[0].route.groups[0].endpoints, []);
  assert.equal(plane.notes.length, 1);
  assert.match(plane.notes[0], /127\.0\.0\.1 is a loopback address.*--allow-loopback-endpoints/);
});

test('UDP and HTTPS listeners are not served; HTTP is plain TCP; non-IPv4 endpoints are skipped', () => {
  const udp = desiredBindings(buildState({ ...base(), listeners: [listener('lsr-1', 'ga-1', [[53, 53]], { Protocol: 'UDP' })] }), LOOPBACK_OK);
  assert.deepEqual(udp.bindings, []);
  assert.match(udp.notes[0], /UDP\) is not served/);
  const http = desiredBindings(buildState({ ...base(), listeners: [listener('lsr-1', 'ga-1', [[80, 80]], { Protocol: 'HTTP' })] }), LOOPBACK_OK);
  assert.equal(http.bindings.length, 1);
  assert.match(http.notes[0], /forwarded as plain TCP/);
  const domain = buildState(base());
  domain.ga.endpointGroups['epg-1'].EndpointConfigurations[0] = { ...domain.ga.endpointGroups['epg-1'].EndpointConfigurations[0], Type: 'Domain', Endpoint: 'origin.example.com' };
  const plane = desiredBindings(domain, LOOPBACK_OK);
  assert.deepEqual(plane.bindings[0].route.groups[0].endpoints, []);
  assert.match(plane.notes[0], /origin\.example\.com \(Domain\).*IPv4 addresses only/);
});

test('a huge port range is capped, with a note', () => {
  const plane = desiredBindings(buildState({ ...base(), listeners: [listener('lsr-1', 'ga-1', [[1000, 5000]])] }), LOOPBACK_OK);
  assert.equal(plane.bindings.length, MAX_PORTS_PER_LISTENER);
  assert.match(plane.notes[0], /4001 ports; the sandbox serves the first 256/);
});
