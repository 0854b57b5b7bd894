import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { planTarget } from '../../../src/probe';
import type { SandboxScope } from '../../../src/probeUi/targets';
import { placeTypedTargets } from '../../../src/probeUi/typedTargets';

const ON_LOOPBACK = 'fd6a:6761::a:1';
const ELSEWHERE = 'fd6a:6761::a:2';
/** A non-root sandbox that could add only ON_LOOPBACK to the loopback device. */
const sandbox: SandboxScope = { place: (a) => (a === ON_LOOPBACK ? a : '::1') };
const MOVED_NOTE = `${ELSEWHERE} is not on this machine: probing [::1], where the sandbox's data plane serves it.`;

describe('typed targets on the sandbox', () => {
  it('probes an emulated address this machine does not have on [::1], keeping its port and saying so', () => {
    const { targets, notes } = placeTypedTargets([`[${ELSEWHERE}]:8080`], sandbox);
    assert.deepEqual(targets, [{ kind: 'area', label: `[${ELSEWHERE}]:8080`, ipv6Addresses: ['::1'], expectedAddresses: [ELSEWHERE], ports: [8080], scheme: 'http', path: '/' }]);
    assert.deepEqual(notes, [MOVED_NOTE]);
    assert.equal(planTarget(targets[0], { scheme: 'http', path: '/' }).error, undefined, 'the engine accepts the placed target');
  });

  it('keeps a URL\'s scheme and path, and recognises the address however it is written', () => {
    const { targets } = placeTypedTargets(['https://[FD6A:6761:0:0:0:0:A:2]/health?x=1'], sandbox);
    assert.deepEqual(targets, [{ kind: 'area', label: 'https://[FD6A:6761:0:0:0:0:A:2]/health?x=1', ipv6Addresses: ['::1'], expectedAddresses: [ELSEWHERE], ports: [443], scheme: 'https', path: '/health?x=1' }]);
  });

  it('leaves alone what the machine serves itself, real addresses, names and text the engine will refuse', () => {
    const typed = [ON_LOOPBACK, '2001:db8::1', '[2001:db8::1]:80', 'www.example.com', '192.0.2.1', 'not a target'];
    assert.deepEqual(placeTypedTargets(typed, sandbox), { targets: typed, notes: [] });
  });

  it('places the emulated addresses of a caller\'s structured target and keeps the others', () => {
    const { targets, notes } = placeTypedTargets([{ kind: 'accelerator', ipv6Addresses: [ELSEWHERE, '2001:db8::1', ON_LOOPBACK], ports: [80] }], sandbox);
    assert.deepEqual(targets, [{ kind: 'accelerator', ipv6Addresses: ['::1', '2001:db8::1', ON_LOOPBACK], expectedAddresses: [ELSEWHERE, '2001:db8::1', ON_LOOPBACK], ports: [80] }]);
    assert.deepEqual(notes, [MOVED_NOTE]);
  });
});
