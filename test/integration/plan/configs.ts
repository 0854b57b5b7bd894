// ga.yaml contents for the plan/apply tests, as GaConfig data (what the parser produces from the file).
import type { AcceleratorConfig, GaConfig } from '../../../src/model';
import { SEED_BACKEND_IP } from '../../../src/emulator/ga/fixtures';

/** The seed walk-through's end state (the `seed` fixture), written as a file. */
export function walkThrough(): GaConfig {
  return {
    version: 1,
    accelerators: [
      {
        name: 'web-ipv6',
        spec: '1',
        billing: 'subscription',
        term: { cycle: 'Month', duration: 1, autoRenew: false },
        bandwidthPlan: { bandwidthType: 'Enhanced', bandwidth: 2 },
        areas: [{ region: 'cn-beijing', ipVersion: 'IPv6', bandwidth: 2 }],
        listeners: [
          {
            name: 'web-http',
            protocol: 'TCP',
            ports: [{ fromPort: 80, toPort: 80 }],
            clientAffinity: 'SOURCE_IP',
            endpointGroups: [{ name: 'web-backend', region: 'cn-beijing', endpoints: [{ ip: SEED_BACKEND_IP, weight: 100 }] }],
          },
        ],
      },
    ],
    dns: [
      {
        zone: 'example.com',
        records: [
          { host: 'www', type: 'AAAA', to: 'web-ipv6/cn-beijing', ttl: 600 },
          { host: 'app', type: 'CNAME', to: 'web-ipv6', ttl: 600 },
        ],
      },
    ],
  };
}

/** A pay-as-you-go instance billed by data transfer (no plan), which GA can delete: for deletes and replaces. */
export function payAsYouGo(name: string, overrides: Partial<AcceleratorConfig> = {}): AcceleratorConfig {
  return {
    name,
    spec: '2',
    billing: 'payAsYouGo',
    areas: [{ region: 'cn-hangzhou', ipVersion: 'IPv6', bandwidth: 4 }],
    listeners: [
      {
        name: 'web',
        protocol: 'TCP',
        ports: [{ fromPort: 80, toPort: 80 }],
        clientAffinity: 'NONE',
        endpointGroups: [{ name: 'dc', region: 'cn-hangzhou', endpoints: [{ ip: '198.51.100.40', weight: 100 }, { ip: '198.51.100.41', weight: 50 }] }],
      },
      {
        name: 'api',
        protocol: 'TCP',
        ports: [{ fromPort: 8080, toPort: 8080 }],
        endpointGroups: [{ name: 'api-dc', region: 'cn-hangzhou', endpoints: [{ ip: '198.51.100.42', weight: 100 }] }],
      },
    ],
    ...overrides,
  };
}

export function config(accelerators: AcceleratorConfig[], dns: GaConfig['dns'] = []): GaConfig {
  return { version: 1, accelerators, dns };
}

export function clone<T>(v: T): T {
  return structuredClone(v);
}
