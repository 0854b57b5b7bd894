// The seed walk-through's end state as data: what "New ga.yaml from the Walk-through" writes, and the example the
// docs, snippets and tests start from. The backend address is a documentation address (RFC 5737): replace it
// with the public IPv4 address of the service.
import { GA_CONFIG_VERSION, type GaConfig } from '../model';

export const WALKTHROUGH_BACKEND = '203.0.113.10';

export function walkthroughConfig(): GaConfig {
  return {
    version: GA_CONFIG_VERSION,
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
            name: 'web',
            protocol: 'TCP',
            ports: [{ fromPort: 80, toPort: 80 }],
            clientAffinity: 'SOURCE_IP',
            endpointGroups: [{ name: 'web-backend', region: 'cn-beijing', preserveClientIp: false, endpoints: [{ ip: WALKTHROUGH_BACKEND, weight: 100 }] }],
          },
        ],
      },
    ],
    dns: [{ zone: 'example.com', records: [{ host: 'www', type: 'AAAA', to: 'web-ipv6/cn-beijing', ttl: 600 }] }],
  };
}

export const WALKTHROUGH_HEADER = [
  'IPv6 clients reach an IPv4 web service through Global Accelerator: the walk-through',
  '"Access backend IPv4 services from IPv6 clients by using GA", written as a file.',
  `Replace ${WALKTHROUGH_BACKEND} with the public IPv4 address of your service and example.com with your zone.`,
  'Check it: ga-ipv6 validate ga.yaml. Keys and rules: docs/ga-yaml.md.',
].join('\n');
