// Drives the GA module's handlers directly (no HTTP) with a clock the test controls, the way the core does:
// due transitions are applied before every request, and every successful answer is checked against the
// response fields of ga-wire-spec.json (with the core's response check).
import assert from 'node:assert/strict';
import { ApiError, type Clock, type EmulatorOptions, type Params, type RequestContext } from '../../../../src/emulator/api';
import type { EmulatorState } from '../../../../src/emulator/state';
import { checkGaInvariants, gaModule } from '../../../../src/emulator/ga';
import { createEmptyState } from '../../../../src/emulator/emptyState';
import { responseProblems } from '../../../../src/emulator/responseCheck';
import { productSpec } from '../../../../src/emulator/wireSpec';

/** The GA actions of the wire spec. */
export const GA_SPEC = productSpec('ga').actions;

/** Asserts a handler's answer has the shape of the API's (fields, types, enums) and no internal field. */
export function assertMatchesSpec(action: string, body: Record<string, unknown>): void {
  assert.deepEqual(responseProblems('ga', action, body), [], `${action} answered ${JSON.stringify(body)}`);
  assert.doesNotMatch(JSON.stringify(body), /"transition"|"pendingAccelerator"|"health"|"counters"/, `${action} leaks internal fields`);
}

export class TestClock implements Clock {
  constructor(
    public t = Date.UTC(2026, 0, 15, 8, 0, 0),
    public scale = 1,
  ) {}
  now(): number {
    return this.t;
  }
  after(realisticMs: number): number {
    return this.t + realisticMs * this.scale;
  }
}

export const emptyState = createEmptyState;

export class Harness {
  readonly clock = new TestClock();
  readonly options: EmulatorOptions = { timeScale: 1, strict: true, allowLoopbackEndpoints: false };
  accessKeyId = 'LTAI5tTestCaller0001';
  private requests = 0;

  readonly state: EmulatorState;

  /**
   * Without a state: an account allow-listed for pay-as-you-go bandwidth plans, so the tests can take a plan
   * through its whole lifecycle (a subscription plan cannot be deleted); tests of what an ordinary account may
   * buy reset `state.ga.account`.
   */
  constructor(state?: EmulatorState) {
    this.state = state ?? emptyState();
    if (!state) this.state.ga.account.features = ['postpay-bandwidth-plans'];
  }

  get ga() {
    return this.state.ga;
  }

  context(): RequestContext {
    return { requestId: `req-${++this.requests}`, accessKeyId: this.accessKeyId, clock: this.clock, options: this.options };
  }

  /** One request: due transitions first, then the handler; the answer must match the spec. */
  call(action: string, params: Params = {}): Record<string, unknown> {
    gaModule.advance?.(this.state, this.clock.now());
    const handler = gaModule.handlers[action];
    assert.ok(handler, `no handler for ${action}`);
    const body = handler(params, this.context(), this.state);
    assertMatchesSpec(action, body);
    return body;
  }

  /** A request that must fail with `code`; returns the error for further checks on its message. */
  fail(action: string, params: Params, code: string): ApiError {
    let caught: unknown;
    try {
      this.call(action, params);
    } catch (e) {
      caught = e;
    }
    assert.ok(caught instanceof ApiError, `${action} should fail with ${code} but ${caught ? `threw ${String(caught)}` : 'succeeded'}`);
    assert.equal(caught.code, code, `${action}: ${caught.message}`);
    assert.ok(caught.message.length > 20, 'an error says what to do');
    return caught;
  }

  elapse(ms: number): void {
    this.clock.t += ms;
    gaModule.advance?.(this.state, this.clock.now());
  }

  /** Long enough for any operation to finish. */
  settle(): void {
    this.elapse(5 * 60_000);
  }

  assertSound(): void {
    assert.deepEqual(checkGaInvariants(this.ga, { allowNonPublicEndpoints: this.options.allowLoopbackEndpoints }), []);
  }

  // ---- building blocks (each waits until its resource is active) ----

  accelerator(params: Params = {}): string {
    const id = this.call('CreateAccelerator', { InstanceChargeType: 'POSTPAY', Spec: '2', Name: 'test-acc', ...params }).AcceleratorId as string;
    this.settle();
    return id;
  }

  plan(params: Params = {}): string {
    const id = this.call('CreateBandwidthPackage', { Type: 'Basic', Bandwidth: 10, BandwidthType: 'Enhanced', ChargeType: 'POSTPAY', ...params }).BandwidthPackageId as string;
    this.settle();
    return id;
  }

  bind(acceleratorId: string, planId: string): void {
    this.call('BandwidthPackageAddAccelerator', { AcceleratorId: acceleratorId, BandwidthPackageId: planId });
    this.settle();
  }

  /** An active POSTPAY accelerator with a bound plan of `bandwidth` Mbit/s. */
  acceleratorWithPlan(bandwidth = 10, params: Params = {}): { acceleratorId: string; planId: string } {
    const acceleratorId = this.accelerator(params);
    const planId = this.plan({ Bandwidth: bandwidth });
    this.bind(acceleratorId, planId);
    return { acceleratorId, planId };
  }

  area(acceleratorId: string, regionId = 'cn-beijing', bandwidth = 2, ipVersion = 'IPv6'): string {
    const body = this.call('CreateIpSets', { AcceleratorId: acceleratorId, AccelerateRegion: [{ AccelerateRegionId: regionId, Bandwidth: bandwidth, IpVersion: ipVersion }] });
    this.settle();
    return (body.IpSets as { IpSetId: string }[])[0].IpSetId;
  }

  listener(acceleratorId: string, params: Params = {}): string {
    const id = this.call('CreateListener', { AcceleratorId: acceleratorId, Protocol: 'TCP', PortRanges: [{ FromPort: 80, ToPort: 80 }], ...params }).ListenerId as string;
    this.settle();
    return id;
  }

  endpointGroup(acceleratorId: string, listenerId: string, params: Params = {}): string {
    const id = this.call('CreateEndpointGroup', {
      AcceleratorId: acceleratorId,
      ListenerId: listenerId,
      EndpointGroupRegion: 'cn-beijing',
      EndpointConfigurations: [{ Type: 'Ip', Endpoint: '203.0.113.10', Weight: 100 }],
      ...params,
    }).EndpointGroupId as string;
    this.settle();
    return id;
  }

  /** The seed's chain built through the API: accelerator, plan, IPv6 area, TCP:80 listener, endpoint group. */
  chain(): { acceleratorId: string; planId: string; ipSetId: string; listenerId: string; endpointGroupId: string } {
    const { acceleratorId, planId } = this.acceleratorWithPlan(10);
    const ipSetId = this.area(acceleratorId);
    const listenerId = this.listener(acceleratorId);
    const endpointGroupId = this.endpointGroup(acceleratorId, listenerId);
    return { acceleratorId, planId, ipSetId, listenerId, endpointGroupId };
  }
}
