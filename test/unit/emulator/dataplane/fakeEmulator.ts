// Hand-built emulator states and a minimal RunningEmulator (getState/onChange) for data plane and DNS tests.
import { createEmptyState } from '../../../../src/emulator/emptyState';
import type { RunningEmulator } from '../../../../src/emulator/api';
import type { Accelerator, DnsRecord, EmulatorState, EndpointGroup, IpSet, Listener } from '../../../../src/emulator/state';

export function accelerator(id: string, over: Partial<Accelerator> = {}): Accelerator {
  return {
    AcceleratorId: id,
    Name: id,
    Description: '',
    State: 'active',
    Spec: '1',
    InstanceChargeType: 'PREPAY',
    BandwidthBillingType: 'BandwidthPackage',
    IpSetConfig: { AccessMode: 'UserDefine' },
    DnsName: `${id}.aliyunga0019.com`,
    CreateTime: 0,
    CrossBorderStatus: false,
    ResourceGroupId: 'rg-1',
    RegionId: 'cn-hangzhou',
    Tags: [],
    ...over,
  };
}

export function ipSet(id: string, acceleratorId: string, addresses: string[], over: Partial<IpSet> = {}): IpSet {
  return { IpSetId: id, AcceleratorId: acceleratorId, AccelerateRegionId: 'cn-beijing', Bandwidth: 2, IpAddressList: addresses, IpVersion: 'IPv6', IspType: 'BGP', State: 'active', ...over };
}

export function listener(id: string, acceleratorId: string, ports: [number, number][], over: Partial<Listener> = {}): Listener {
  return {
    ListenerId: id,
    AcceleratorId: acceleratorId,
    Name: id,
    Description: '',
    State: 'active',
    Protocol: 'TCP',
    Type: 'Standard',
    PortRanges: ports.map(([FromPort, ToPort]) => ({ FromPort, ToPort })),
    ClientAffinity: 'NONE',
    IdleTimeout: 900,
    CreateTime: 0,
    Certificates: [],
    ...over,
  };
}

export function endpointGroup(
  id: string,
  acceleratorId: string,
  listenerId: string,
  endpoints: { address: string; weight: number }[],
  over: Partial<EndpointGroup> = {},
): EndpointGroup {
  return {
    EndpointGroupId: id,
    AcceleratorId: acceleratorId,
    ListenerId: listenerId,
    Name: id,
    Description: '',
    State: 'active',
    EndpointGroupRegion: 'cn-beijing',
    EndpointGroupType: 'default',
    EndpointConfigurations: endpoints.map((e, i) => ({
      EndpointId: `${id}-ep${i}`,
      Type: 'Ip',
      Endpoint: e.address,
      Weight: e.weight,
      EnableClientIPPreservation: false,
      EnableProxyProtocol: false,
    })),
    PortOverrides: [],
    HealthCheckEnabled: false,
    ThresholdCount: 3,
    TrafficPercentage: 100,
    EndpointGroupIpList: [],
    EndpointGroupUnconfirmedIpList: [],
    ForwardingRuleIds: [],
    Tags: [],
    ...over,
  };
}

export function record(rr: string, type: string, value: string, over: Partial<DnsRecord> = {}): DnsRecord {
  return { RecordId: `${rr}-${type}-${value}`, DomainName: '', RR: rr, Type: type, Value: value, TTL: 600, Line: 'default', Status: 'Enable', Locked: false, CreateTimestamp: 1_700_000_000_000, UpdateTimestamp: 1_700_000_000_000, ...over };
}

export interface Setup {
  accelerators?: Accelerator[];
  ipSets?: IpSet[];
  listeners?: Listener[];
  endpointGroups?: EndpointGroup[];
  zones?: Record<string, DnsRecord[]>;
}

export function buildState(setup: Setup): EmulatorState {
  const state = createEmptyState();
  const byId = <T>(items: T[] | undefined, key: keyof T) => Object.fromEntries((items ?? []).map((i) => [String(i[key]), i]));
  state.ga.accelerators = byId(setup.accelerators, 'AcceleratorId');
  state.ga.ipSets = byId(setup.ipSets, 'IpSetId');
  state.ga.listeners = byId(setup.listeners, 'ListenerId');
  state.ga.endpointGroups = byId(setup.endpointGroups, 'EndpointGroupId');
  for (const [zone, records] of Object.entries(setup.zones ?? {})) {
    state.dns.zones[zone] = {
      DomainId: `d-${zone}`,
      DomainName: zone,
      VersionCode: 'mianfei',
      VersionName: 'Free',
      MinTtl: 600,
      CreateTimestamp: 1_600_000_000_000,
      DnsServers: ['dns1.hichina.com', 'dns2.hichina.com'],
      records: Object.fromEntries(records.map((r) => [r.RecordId, { ...r, DomainName: zone }])),
    };
  }
  return state;
}

export interface FakeEmulator extends Pick<RunningEmulator, 'getState' | 'onChange'> {
  setState(state: EmulatorState): void;
  /** Change the live state in place and tell listeners, as a request would. */
  mutate(change: (state: EmulatorState) => void): void;
}

export function fakeEmulator(initial: EmulatorState): FakeEmulator {
  let state = initial;
  const listeners = new Set<(s: EmulatorState) => void>();
  const notify = () => listeners.forEach((l) => l(state));
  return {
    getState: () => state,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setState(next) {
      state = next;
      notify();
    },
    mutate(change) {
      change(state);
      notify();
    },
  };
}
