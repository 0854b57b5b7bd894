import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { parseGaYaml, toGaConfig, walkthroughConfig, WALKTHROUGH_HEADER, writeGaYaml } from '../../../src/gaYaml';
import type { AcceleratorConfig, DnsRecordConfig, GaConfig } from '../../../src/model';
import { doc } from './marked';

function roundTrip(config: GaConfig, comments = false): string {
  const text = writeGaYaml(config, { comments });
  const parsed = parseGaYaml(text);
  assert.deepEqual(parsed.problems, [], text);
  assert.deepEqual(toGaConfig(parsed.draft), config, text);
  return text;
}

test('the walk-through\'s setup is written as the contract lays it out, with to: references', () => {
  assert.equal(roundTrip(walkthroughConfig()), doc`
    version: 1
    accelerators:
      web-ipv6:
        spec: "1"
        billing: subscription
        term: { cycle: Month, duration: 1, autoRenew: false }
        bandwidthPlan:
          bandwidthType: Enhanced
          bandwidth: 2
        areas:
          cn-beijing:
            ipVersion: IPv6
            bandwidth: 2
        listeners:
          web:
            protocol: TCP
            ports: [80]
            clientAffinity: SOURCE_IP
            endpointGroups:
              - name: web-backend
                region: cn-beijing
                preserveClientIp: false
                endpoints:
                  - ip: 203.0.113.10
                    weight: 100
    dns:
      example.com:
        - host: www
          type: AAAA
          to: web-ipv6/cn-beijing
          ttl: 600
  `);
});

test('comments explain the keys and change nothing that is read', () => {
  const text = writeGaYaml(walkthroughConfig(), { comments: true, header: WALKTHROUGH_HEADER });
  assert.match(text, /^# IPv6 clients reach an IPv4 web service/);
  assert.match(text, /spec: "1" +# Small I\n/);
  assert.match(text, /weight: 100 +# 0–255; 0 sends no traffic\n/);
  assert.deepEqual(toGaConfig(parseGaYaml(text).draft), walkthroughConfig());
});

test('values YAML would misread are quoted; ranges, empty sections and every optional key survive', () => {
  const records: DnsRecordConfig[] = [
    { host: '@', type: 'CNAME', to: 'a1' },
    { host: '*', type: 'AAAA', value: '2408:4000::1', ttl: 60 },
    { host: 'true', type: 'AAAA', to: 'a1/cn-hangzhou' },
  ];
  const pinned: AcceleratorConfig = {
    name: 'a1',
    id: 'ga-bp1abc',
    state: 'absent',
    spec: '10',
    billing: 'payAsYouGo',
    areas: [{ region: 'cn-hangzhou', ipVersion: 'DUAL_STACK', ispType: 'BGP_PRO' }, { region: 'cn-hongkong', ipVersion: 'IPv4', bandwidth: 5 }],
    listeners: [
      { name: 'range', protocol: 'UDP', ports: [{ fromPort: 8000, toPort: 8010 }, { fromPort: 53, toPort: 53 }], clientAffinity: 'NONE', endpointGroups: [] },
      { name: 'empty', protocol: 'TCP', ports: [{ fromPort: 1, toPort: 1 }], endpointGroups: [{ name: 'g', region: 'us-east-1', endpoints: [] }] },
    ],
  };
  const text = roundTrip({ version: 1, accelerators: [pinned, { name: '123', spec: '1', billing: 'payAsYouGo', areas: [], listeners: [] }], dns: [{ zone: 'example.com', records }, { zone: 'empty.example', records: [] }] });
  assert.match(text, /host: "@"/);
  assert.match(text, /host: "\*"/);
  assert.match(text, /host: "true"/);
  assert.match(text, /ports: \["8000-8010", 53\]/);
  assert.match(text, /"123":/);
  roundTrip({ version: 1, accelerators: [], dns: [] });
  assert.equal(writeGaYaml({ version: 1, accelerators: [], dns: [] }), 'version: 1\naccelerators: {}\n');
});

test('generated configurations survive a write and a read unchanged', () => {
  let seed = 7;
  const rand = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const pick = <T>(xs: readonly T[]): T => xs[rand(xs.length)];
  for (let round = 0; round < 200; round++) {
    const accelerators: AcceleratorConfig[] = Array.from({ length: rand(3) }, (_, i) => ({
      name: `acc-${round}-${i}`,
      spec: pick(['1', '2', '5', '200']),
      billing: pick(['subscription', 'payAsYouGo'] as const),
      ...(rand(2) ? { term: { cycle: pick(['Month', 'Year'] as const), duration: 1 + rand(3), ...(rand(2) ? { autoRenew: rand(2) === 1 } : {}) } } : {}),
      ...(rand(2) ? { bandwidthPlan: { bandwidthType: pick(['Basic', 'Enhanced', 'Advanced'] as const), bandwidth: 2 + rand(2000) } } : {}),
      areas: Array.from({ length: rand(3) }, (_, j) => ({ region: `region-${j}`, ipVersion: pick(['IPv4', 'IPv6', 'DUAL_STACK'] as const), ...(rand(2) ? { bandwidth: rand(100) } : {}) })),
      listeners: Array.from({ length: rand(3) }, (_, j) => ({
        name: `l${j}`,
        protocol: pick(['TCP', 'UDP', 'HTTP', 'HTTPS'] as const),
        ports: Array.from({ length: 1 + rand(3) }, () => {
          const from = 1 + rand(70000);
          return { fromPort: from, toPort: from + (rand(2) ? rand(500) : 0) };
        }),
        ...(rand(2) ? { clientAffinity: pick(['NONE', 'SOURCE_IP'] as const) } : {}),
        endpointGroups: Array.from({ length: rand(2) }, (_, k) => ({
          name: `g${k}`,
          region: pick(['cn-beijing', 'x y', ':colon', '#hash']),
          endpoints: Array.from({ length: rand(3) }, () => ({ ip: pick(['203.0.113.1', '10.0.0.1', 'not an ip', '']), weight: rand(300) })),
          ...(rand(2) ? { preserveClientIp: rand(2) === 1 } : {}),
        })),
      })),
    }));
    const dns = Array.from({ length: rand(2) }, (_, z) => ({
      zone: `zone${z}.example`,
      records: Array.from({ length: rand(3) }, (): DnsRecordConfig => ({
        host: pick(['www', '@', '*', 'a.b', '- dash', 'null']),
        type: pick(['AAAA', 'CNAME'] as const),
        ...(rand(2) ? { to: pick(['acc', 'acc/cn-beijing', 'yes']) } : { value: pick(['::1', 'x.example.', '[weird]']) }),
        ...(rand(2) ? { ttl: rand(90000) } : {}),
      })),
    }));
    roundTrip({ version: 1, accelerators, dns }, rand(2) === 1);
  }
});
