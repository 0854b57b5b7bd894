// The Alidns part of the named fixtures: the seed walk-through's zone pointing at its accelerator, plus
// unrelated records a real zone would have (they must survive anything the extension does).
import type { EmulatorState } from '../state';
import { addRecord } from './recordActions';
import { createZone } from './zoneStore';

export interface ZoneTarget {
  /** The accelerator's IPv6 address (the acceleration area's), for `www AAAA`. */
  ipv6Address: string;
  /** The accelerator's DnsName, for `app CNAME`. */
  dnsName: string;
}

/** Zone `example.com` (free edition, MinTtl 600) with `www AAAA` and `app CNAME` pointing at the accelerator. */
export function addExampleZone(state: EmulatorState, now: number, target: ZoneTarget): void {
  const zone = createZone(state.dns, 'example.com', 'mianfei', now);
  const add = (rr: string, type: string, value: string, extra: { priority?: number } = {}): void => {
    addRecord(state.dns, zone, { rr, type, value, ttl: 600, line: 'default', ...extra }, now);
  };
  add('@', 'A', '203.0.113.10');
  add('@', 'MX', 'mail.example.com', { priority: 10 });
  add('@', 'TXT', 'v=spf1 -all');
  add('www', 'AAAA', target.ipv6Address);
  add('app', 'CNAME', target.dnsName);
}

/** A second zone on a paid edition (MinTtl 1), for the demo account's zone list and TTL choices. */
export function addSecondDemoZone(state: EmulatorState, now: number): void {
  const zone = createZone(state.dns, 'example.net', 'version_enterprise_advanced', now);
  addRecord(state.dns, zone, { rr: '@', type: 'A', value: '198.51.100.20', ttl: 60, line: 'default' }, now);
  addRecord(state.dns, zone, { rr: 'api', type: 'A', value: '198.51.100.21', ttl: 60, line: 'default' }, now);
  addRecord(state.dns, zone, { rr: 'api', type: 'A', value: '198.51.100.22', ttl: 60, line: 'oversea' }, now);
}
