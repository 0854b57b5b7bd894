// Live states for the plan's unit tests, built the way readLiveState builds them (from list answers), so each
// test says only what differs from the walk-through's end state.
import { toLiveAccelerator, type LiveAccelerator, type LiveState } from '../../../src/workflows';
import type { DnsRecord } from '../../../src/cloud';
import type { GaConfig } from '../../../src/model';

export interface SeedOptions {
  id?: string;
  name?: string;
  chargeType?: 'PREPAY' | 'POSTPAY';
  billing?: 'BandwidthPackage' | 'CDT';
  plan?: { id: string; bandwidth: number; bandwidthType: string } | null;
  state?: string;
  areas?: { id: string; region: string; ipVersion?: string; bandwidth?: number; state?: string; addresses?: string[] }[];
  listeners?: { id: string; name: string; protocol?: string; ports?: [number, number][]; affinity?: string; state?: string }[];
  groups?: { id: string; listenerId: string; name: string; region: string; endpoints: [string, number][]; state?: string }[];
}

export const SEED_IPV6 = '2408:4000:1000::1';

export function seedAccelerator(o: SeedOptions = {}): LiveAccelerator {
  const id = o.id ?? 'ga-seed';
  const plan = o.plan === undefined ? { id: 'gbwp-seed', bandwidth: 2, bandwidthType: 'Enhanced' } : o.plan;
  return toLiveAccelerator(
    {
      acceleratorId: id,
      name: o.name ?? 'web-ipv6',
      state: o.state ?? 'active',
      spec: '1',
      instanceChargeType: o.chargeType ?? 'PREPAY',
      bandwidthBillingType: o.billing ?? 'BandwidthPackage',
      dnsName: `${id}.aliyunga0019.com`,
      ...(plan ? { basicBandwidthPackage: { instanceId: plan.id, bandwidth: plan.bandwidth, bandwidthType: plan.bandwidthType } } : {}),
    },
    {
      ipSets: (o.areas ?? [{ id: 'ips-bj', region: 'cn-beijing', ipVersion: 'IPv6', bandwidth: 2, addresses: [SEED_IPV6] }]).map((a) => ({
        ipSetId: a.id,
        accelerateRegionId: a.region,
        ipVersion: a.ipVersion ?? 'IPv6',
        bandwidth: a.bandwidth,
        state: a.state ?? 'active',
        ipAddressList: a.addresses ?? [],
      })),
      listeners: (o.listeners ?? [{ id: 'lsr-web', name: 'web-http', affinity: 'SOURCE_IP' }]).map((l) => ({
        listenerId: l.id,
        name: l.name,
        protocol: l.protocol ?? 'TCP',
        portRanges: (l.ports ?? [[80, 80]]).map(([fromPort, toPort]) => ({ fromPort, toPort })),
        clientAffinity: l.affinity ?? 'NONE',
        state: l.state ?? 'active',
      })),
      endpointGroups: (o.groups ?? [{ id: 'epg-web', listenerId: 'lsr-web', name: 'web-backend', region: 'cn-beijing', endpoints: [['203.0.113.10', 100]] }]).map((g) => ({
        endpointGroupId: g.id,
        listenerId: g.listenerId,
        name: g.name,
        endpointGroupRegion: g.region,
        state: g.state ?? 'active',
        endpointConfigurations: g.endpoints.map(([endpoint, weight]) => ({ type: 'Ip', endpoint, weight, enableClientIPPreservation: false })),
      })),
    },
  );
}

export function record(rr: string, type: string, value: string, recordId = `r-${rr}-${type}`, ttl = 600): DnsRecord {
  return { recordId, domainName: 'example.com', rr, type, value, ttl, line: 'default' };
}

export function liveState(accelerators: LiveAccelerator[], records: DnsRecord[] = [], zones = ['example.com']): LiveState {
  return { accelerators, zones: zones.map((zone) => ({ zone, records: records.filter((r) => r.domainName === zone) })) };
}

/** The walk-through's end state as a file (listener web-http, as the seed fixture names it). */
export function walkThrough(): GaConfig {
  return {
    version: 1,
    accelerators: [
      {
        name: 'web-ipv6',
        spec: '1',
        billing: 'subscription',
        term: { cycle: 'Month', duration: 1 },
        bandwidthPlan: { bandwidthType: 'Enhanced', bandwidth: 2 },
        areas: [{ region: 'cn-beijing', ipVersion: 'IPv6', bandwidth: 2 }],
        listeners: [
          {
            name: 'web-http',
            protocol: 'TCP',
            ports: [{ fromPort: 80, toPort: 80 }],
            clientAffinity: 'SOURCE_IP',
            endpointGroups: [{ name: 'web-backend', region: 'cn-beijing', endpoints: [{ ip: '203.0.113.10', weight: 100 }] }],
          },
        ],
      },
    ],
    dns: [{ zone: 'example.com', records: [{ host: 'www', type: 'AAAA', to: 'web-ipv6/cn-beijing', ttl: 600 }, { host: 'app', type: 'CNAME', to: 'web-ipv6', ttl: 600 }] }],
  };
}

export function seedRecords(): DnsRecord[] {
  return [record('www', 'AAAA', SEED_IPV6), record('app', 'CNAME', 'ga-seed.aliyunga0019.com'), record('@', 'A', '203.0.113.10'), record('@', 'MX', 'mail.example.com')];
}
