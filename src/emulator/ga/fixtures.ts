// GA fixtures for the sandbox and tests, built by calling the module's own handlers, so a fixture holds exactly
// what the API would have produced. Finished resources are settled at the clock's now; the few demo operations
// still in flight end when the clock says (realistic times, scaled by the emulator's time scale).
import type { Clock, EmulatorOptions, Params, RequestContext } from '../api';
import type { EmulatorState } from '../state';
import { gaModule } from './index';
import { advanceGa, REALISTIC_MS } from './lifecycle';

export { emptyGaState } from './gaState';

export interface SeedSetup {
  acceleratorId: string;
  dnsName: string;
  ipv6Address: string;
  listenerId: string;
  endpointGroupId: string;
}

/**
 * The seed walk-through's backend: the data centre's public IPv4 web server (a documentation address). The
 * sandbox replaces it with its own IPv4 origin (EmulatorOptions.demoOrigin), so that its demo really answers.
 */
export const SEED_BACKEND_IP = '203.0.113.10';
/** The seed's listener port (TCP:80), which its backend serves too. */
export const SEED_PORT = 80;

/** What a fixture takes from the emulator's options; everything else is fixed so fixtures are the same everywhere. */
export type FixtureOptions = Pick<EmulatorOptions, 'addressBlock' | 'demoOrigin'>;

/** The demo's deliberately broken gateway, and the hint its description (the explorer's tooltip) gives. */
export const BROKEN_DEMO_NAME = 'game-ipv6';
export const BROKEN_DEMO_HINT =
  'Deliberately broken demo: its endpoint 198.51.100.20 is a documentation address nothing answers at, so it is unhealthy and a probe ends in a connection reset. web-ipv6 is the working setup.';

class Builder {
  private readonly options: EmulatorOptions;
  /** A clock on which every operation is already over: finished resources. */
  private readonly settled: Clock;

  constructor(
    private readonly state: EmulatorState,
    private readonly clock: Clock,
    options: FixtureOptions,
  ) {
    // The sandbox's own origin is a loopback endpoint, which the API accepts only from an emulator that allows it.
    this.options = { timeScale: 1, strict: true, allowLoopbackEndpoints: options.demoOrigin !== undefined, addressBlock: options.addressBlock };
    this.settled = { now: () => clock.now(), after: () => clock.now() };
  }

  private context(clock: Clock): RequestContext {
    return { requestId: 'fixture', accessKeyId: 'fixture', clock, options: this.options };
  }

  /** Runs an action to completion (its transitions land now). */
  done(action: string, params: Params): Record<string, unknown> {
    const body = gaModule.handlers[action](params, this.context(this.settled), this.state);
    advanceGa(this.state, this.clock.now());
    return body;
  }

  /** Starts an action that is still running when the fixture is loaded (it ends when the emulator's clock says). */
  inFlight(action: string, params: Params): Record<string, unknown> {
    return gaModule.handlers[action](params, this.context(this.clock), this.state);
  }

  accelerator(params: Params): string {
    return this.done('CreateAccelerator', params).AcceleratorId as string;
  }

  /** Creates a basic plan, names it (the API has no name on create) and binds it to the accelerator. */
  plan(acceleratorId: string, name: string, params: Params): string {
    const id = this.done('CreateBandwidthPackage', { Type: 'Basic', ...params }).BandwidthPackageId as string;
    this.state.ga.bandwidthPackages[id].Name = name;
    if (acceleratorId) this.done('BandwidthPackageAddAccelerator', { AcceleratorId: acceleratorId, BandwidthPackageId: id });
    return id;
  }

  /** An area; instances billed by data transfer (CDT) choose its line (BGP). */
  area(acceleratorId: string, regionId: string, bandwidth: number, ipVersion: 'IPv4' | 'IPv6'): string {
    const line = this.state.ga.accelerators[acceleratorId]?.BandwidthBillingType === 'CDT' ? { IspType: 'BGP' } : {};
    const body = this.done('CreateIpSets', { AcceleratorId: acceleratorId, AccelerateRegion: [{ AccelerateRegionId: regionId, Bandwidth: bandwidth, IpVersion: ipVersion, ...line }] });
    return (body.IpSets as { IpSetId: string }[])[0].IpSetId;
  }

  listener(acceleratorId: string, params: Params): string {
    return this.done('CreateListener', { AcceleratorId: acceleratorId, ...params }).ListenerId as string;
  }

  endpointGroup(acceleratorId: string, listenerId: string, params: Params): string {
    return this.done('CreateEndpointGroup', { AcceleratorId: acceleratorId, ListenerId: listenerId, ...params }).EndpointGroupId as string;
  }
}

// Only what an ordinary account can buy (model OFFERED_PURCHASES): a subscription instance with a subscription
// plan, or a pay-as-you-go instance billed by data transfer without a plan.
const subscription = { InstanceChargeType: 'PREPAY', PricingCycle: 'Month', Duration: 1, AutoPay: true };
const planSubscription = { ChargeType: 'PREPAY', PricingCycle: 'Month', Duration: '1', AutoPay: true };
const payByDataTransfer = { InstanceChargeType: 'POSTPAY', BandwidthBillingType: 'CDT' };

/**
 * Exactly where the seed walk-through ends: a subscription Small I instance with an Enhanced 2 Mbit/s basic
 * plan, an IPv6 acceleration area in China (Beijing) with 2 Mbit/s, a TCP:80 listener with source-IP affinity
 * and an endpoint group in China (Beijing) forwarding to the custom IP 203.0.113.10 with weight 100. All active.
 * With a demo origin the custom IP is the origin's address instead (and its port, when not 80, a port override).
 */
export function addSeedSetup(state: EmulatorState, clock: Clock, options: FixtureOptions = {}): SeedSetup {
  const b = new Builder(state, clock, options);
  const acceleratorId = b.accelerator({ ...subscription, Spec: '1', Name: 'web-ipv6' });
  b.plan(acceleratorId, 'web-ipv6-bandwidth', { ...planSubscription, Bandwidth: 2, BandwidthType: 'Enhanced' });
  const ipSetId = b.area(acceleratorId, 'cn-beijing', 2, 'IPv6');
  const listenerId = b.listener(acceleratorId, { Name: 'web-http', Protocol: 'TCP', PortRanges: [{ FromPort: SEED_PORT, ToPort: SEED_PORT }], ClientAffinity: 'SOURCE_IP' });
  const origin = options.demoOrigin;
  const endpointGroupId = b.endpointGroup(acceleratorId, listenerId, {
    Name: 'web-backend',
    EndpointGroupRegion: 'cn-beijing',
    EndpointConfigurations: [{ Type: 'Ip', Endpoint: origin?.address ?? SEED_BACKEND_IP, Weight: 100, EnableClientIPPreservation: false }],
    ...(origin && origin.port !== SEED_PORT ? { PortOverrides: [{ ListenerPort: SEED_PORT, EndpointPort: origin.port }] } : {}),
  });
  return {
    acceleratorId,
    dnsName: state.ga.accelerators[acceleratorId].DnsName,
    ipv6Address: state.ga.ipSets[ipSetId].IpAddressList[0],
    listenerId,
    endpointGroupId,
  };
}

/**
 * The sandbox account: the seed setup plus accelerators in other situations — one being created, one being
 * reconfigured, one with two listeners and a drained (weight 0) endpoint, one bought without its bandwidth plan
 * bound yet, one with an IPv4-only area outside the IPv6 regions — and a spare plan to bind. The pay-as-you-go
 * ones are billed by data transfer (no plan). The operations in flight take REALISTIC_MS on `clock` (30 s for
 * the creation, 10 s for the update, times the emulator's time scale).
 */
export function addDemoAccelerators(state: EmulatorState, clock: Clock, options: FixtureOptions = {}): SeedSetup {
  const seed = addSeedSetup(state, clock, options);
  const b = new Builder(state, clock, options);

  b.inFlight('CreateAccelerator', { ...payByDataTransfer, Name: 'api-ipv6-new' });

  const shop = b.accelerator({ ...subscription, Spec: '2', Name: 'shop-ipv6' });
  b.plan(shop, 'shop-bandwidth', { ...planSubscription, Bandwidth: 10, BandwidthType: 'Enhanced' });
  b.area(shop, 'cn-shanghai', 5, 'IPv6');
  b.inFlight('UpdateAccelerator', { AcceleratorId: shop, Description: `Description change in progress (about ${REALISTIC_MS.updateAccelerator / 1000} s)` });

  const game = b.accelerator({ ...payByDataTransfer, Name: BROKEN_DEMO_NAME });
  // CreateAccelerator takes no description; the explorer shows it in the accelerator's tooltip.
  b.done('UpdateAccelerator', { AcceleratorId: game, Description: BROKEN_DEMO_HINT });
  b.area(game, 'cn-hangzhou', 10, 'IPv6');
  b.area(game, 'cn-shenzhen', 10, 'IPv6');
  const tcp = b.listener(game, { Name: 'game-tls', Protocol: 'TCP', PortRanges: [{ FromPort: 443, ToPort: 443 }] });
  const udp = b.listener(game, { Name: 'game-voice', Protocol: 'UDP', PortRanges: [{ FromPort: 3478, ToPort: 3479 }] });
  b.endpointGroup(game, tcp, {
    Name: 'game-tls-servers',
    EndpointGroupRegion: 'cn-hangzhou',
    // Health checks on, so the explorer and the probe say the backend is abnormal instead of showing it healthy.
    HealthCheckEnabled: true,
    EndpointConfigurations: [
      { Type: 'Ip', Endpoint: '198.51.100.20', Weight: 100 },
      { Type: 'Ip', Endpoint: '198.51.100.21', Weight: 0 },
    ],
  });
  b.endpointGroup(game, udp, { Name: 'game-voice-servers', EndpointGroupRegion: 'cn-hangzhou', EndpointConfigurations: [{ Type: 'Ip', Endpoint: '198.51.100.22', Weight: 50 }] });

  b.accelerator({ ...subscription, Spec: '1', Name: 'bare-no-plan' });

  const tokyo = b.accelerator({ ...payByDataTransfer, Name: 'tokyo-ipv4' });
  b.area(tokyo, 'ap-northeast-1', 2, 'IPv4');
  const tokyoListener = b.listener(tokyo, { Name: 'tokyo-https', Protocol: 'TCP', PortRanges: [{ FromPort: 443, ToPort: 443 }] });
  b.endpointGroup(tokyo, tokyoListener, { Name: 'tokyo-servers', EndpointGroupRegion: 'ap-northeast-1', EndpointConfigurations: [{ Type: 'Ip', Endpoint: '203.0.113.30', Weight: 100 }] });

  b.plan('', 'spare-bandwidth', { ...planSubscription, Bandwidth: 10, BandwidthType: 'Enhanced' });
  return seed;
}
