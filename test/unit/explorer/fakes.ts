// A scripted account for the explorer's plain-TypeScript parts: GA and DNS readers answering from plain data,
// counting calls, optionally failing with a CloudError of a given category.
import { CloudError, type CloudErrorCategory, type DnsDomain, type DnsRecord } from '../../../src/cloud';
import type { DnsReader } from '../../../src/workflows/live/dnsScan';
import type { GaReader } from '../../../src/explorer/loader';
import type { Profile } from '../../../src/profiles/types';
import type {
  AcceleratorSummary,
  BandwidthPackageSummary,
  EndpointGroupSummary,
  HealthStatus,
  IpSetSummary,
  ListenerSummary,
} from '../../../src/cloud';

export interface FakeAccount {
  accelerators: AcceleratorSummary[];
  plans: BandwidthPackageSummary[];
  ipSets: (IpSetSummary & { acceleratorId: string })[];
  listeners: ListenerSummary[];
  groups: EndpointGroupSummary[];
  health: Record<string, HealthStatus>;
  zones: Record<string, DnsRecord[]>;
  /** DescribeAcceleratorServiceStatus; Normal when absent. */
  serviceStatus?: string;
}

export function cloudError(category: CloudErrorCategory, code = 'SomeCode', message = `${code}: what went wrong and what to do`): CloudError {
  return new CloudError({ code, category, message });
}

export class FakeCloud {
  readonly calls: string[] = [];
  /** Action → error to throw instead of answering. */
  readonly failures: Record<string, Error> = {};
  /** DescribeDomainRecords calls in flight now, and the most ever. */
  inFlight = 0;
  maxInFlight = 0;

  constructor(readonly account: FakeAccount) {}

  private async call<T>(action: string, answer: () => T): Promise<T> {
    this.calls.push(action);
    await Promise.resolve();
    const failure = this.failures[action];
    if (failure) throw failure;
    return answer();
  }

  readonly ga: GaReader = {
    listAccelerators: () => this.call('ListAccelerators', () => this.account.accelerators),
    describeAccelerator: (id) => this.call('DescribeAccelerator', () => {
      const a = this.account.accelerators.find((x) => x.acceleratorId === id);
      if (!a) throw cloudError('notFound', 'NotExist.Accelerator');
      return { ...a, requestId: 'r' };
    }),
    listBandwidthPackages: () => this.call('ListBandwidthPackages', () => this.account.plans),
    listIpSets: (id) => this.call('ListIpSets', () => this.account.ipSets.filter((s) => s.acceleratorId === id)),
    describeIpSet: (id) => this.call('DescribeIpSet', () => {
      const s = this.account.ipSets.find((x) => x.ipSetId === id);
      if (!s) throw cloudError('notFound', 'NotExist.IpSet');
      return { ...s };
    }),
    listListeners: (id) => this.call('ListListeners', () => this.account.listeners.filter((l) => l.acceleratorId === id)),
    describeListener: (id) => this.call('DescribeListener', () => {
      const l = this.account.listeners.find((x) => x.listenerId === id);
      if (!l) throw cloudError('notFound', 'NotExist.Listener');
      // Describe answers CreateTime as a string where the list has a number (ga-api.md §2.21/2.22).
      return { ...l, createTime: l.createTime === undefined ? undefined : String(l.createTime), backendPorts: undefined };
    }),
    listEndpointGroups: (id, listenerId) => this.call('ListEndpointGroups', () => this.account.groups.filter((g) => g.acceleratorId === id && (!listenerId || g.listenerId === listenerId))),
    getHealthStatus: (_id, listenerId) => this.call('GetHealthStatus', () => this.account.health[listenerId] ?? { listenerId, endpointGroups: [] }),
    describeAcceleratorServiceStatus: () => this.call('DescribeAcceleratorServiceStatus', () => ({ status: this.account.serviceStatus ?? 'Normal' })),
  };

  readonly dns: DnsReader = {
    describeDomains: () => this.call('DescribeDomains', () => Object.keys(this.account.zones).map((domainName): DnsDomain => ({ domainName }))),
    describeDomainRecords: async (zone) => {
      this.inFlight++;
      this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
      try {
        // Several turns of the event loop, so concurrent calls really overlap.
        for (let i = 0; i < 3; i++) await new Promise((r) => setImmediate(r));
        return await this.call('DescribeDomainRecords', () => {
          const failure = this.failures[`DescribeDomainRecords:${zone}`];
          if (failure) throw failure;
          return this.account.zones[zone] ?? [];
        });
      } finally {
        this.inFlight--;
      }
    },
  };
}

/** The seed walk-through's end state, plus what a demo account would have around it. */
export function seedAccount(): FakeAccount {
  return {
    accelerators: [
      {
        acceleratorId: 'ga-seed',
        name: 'web-ipv6',
        state: 'active',
        spec: '1',
        instanceChargeType: 'PREPAY',
        bandwidthBillingType: 'BandwidthPackage',
        dnsName: 'ga-seed.aliyunga0019.com',
        expiredTime: 1_800_000_000,
        basicBandwidthPackage: { instanceId: 'gbwp-seed', bandwidth: 2, bandwidthType: 'Enhanced' },
      },
      { acceleratorId: 'ga-new', name: 'api-ipv6-new', state: 'init', instanceChargeType: 'POSTPAY' },
    ],
    plans: [{ bandwidthPackageId: 'gbwp-seed', bandwidth: 2, bandwidthType: 'Enhanced', state: 'binded', chargeType: 'PREPAY', accelerators: ['ga-seed'] }],
    ipSets: [{ acceleratorId: 'ga-seed', ipSetId: 'ips-seed', accelerateRegionId: 'cn-beijing', bandwidth: 2, ipVersion: 'IPv6', state: 'active', ipAddressList: ['2408:4000:1000::1'] }],
    listeners: [{ acceleratorId: 'ga-seed', listenerId: 'lsr-seed', name: 'web-http', protocol: 'TCP', portRanges: [{ fromPort: 80, toPort: 80 }], clientAffinity: 'SOURCE_IP', state: 'active' }],
    groups: [
      {
        acceleratorId: 'ga-seed',
        listenerId: 'lsr-seed',
        endpointGroupId: 'epg-seed',
        name: 'web-backend',
        endpointGroupRegion: 'cn-beijing',
        state: 'active',
        endpointConfigurations: [
          { endpointId: 'ep-1', type: 'Ip', endpoint: '203.0.113.10', weight: 100 },
          { endpointId: 'ep-2', type: 'Ip', endpoint: '203.0.113.11', weight: 0 },
        ],
      },
    ],
    health: {
      'lsr-seed': {
        listenerId: 'lsr-seed',
        healthStatus: 'normal',
        endpointGroups: [
          {
            endpointGroupId: 'epg-seed',
            healthStatus: 'partiallyAbnormal',
            endpoints: [{ endpointId: 'ep-1', address: '203.0.113.10', healthStatus: 'normal' }, { endpointId: 'ep-2', address: '203.0.113.11', healthStatus: 'abnormal' }],
          },
        ],
      },
    },
    zones: {
      'example.com': [
        { recordId: 'r-apex', domainName: 'example.com', rr: '@', type: 'A', value: '203.0.113.10' },
        { recordId: 'r-www', domainName: 'example.com', rr: 'www', type: 'AAAA', value: '2408:4000:1000:0:0:0:0:1' },
        { recordId: 'r-app', domainName: 'example.com', rr: 'app', type: 'CNAME', value: 'GA-SEED.aliyunga0019.com.' },
        { recordId: 'r-other', domainName: 'example.com', rr: 'old', type: 'CNAME', value: 'ga-other.aliyunga0019.com' },
      ],
      'example.net': [{ recordId: 'r-net', domainName: 'example.net', rr: 'api', type: 'A', value: '198.51.100.21' }],
    },
  };
}

export function fakeProfile(id = 'sandbox', source: Profile['source'] = 'sandbox'): Profile {
  return { id, name: id, source, origin: 'test', endpoints: {}, credentials: async () => ({ accessKeyId: 'LTAIfake', accessKeySecret: 'fake-secret' }) };
}
