// Alibaba Cloud DNS editions as the emulator offers them: the edition decides the minimum TTL (model rule),
// the name servers and the resolution lines a record may use.
import { MIN_TTL_BY_EDITION } from '../../model';
import { own } from '../ownKeys';

export interface RecordLine {
  LineCode: string;
  LineName: string;
  LineDisplayName: string;
  FatherCode?: string;
}

export interface Edition {
  code: string;
  name: string;
  minTtl: number;
  dnsServers: string[];
  lines: RecordLine[];
}

const line = (LineCode: string, LineName: string): RecordLine => ({ LineCode, LineName, LineDisplayName: LineName });

const BASIC_LINES: RecordLine[] = [
  line('default', 'Default'),
  line('telecom', 'China Telecom'),
  line('unicom', 'China Unicom'),
  line('mobile', 'China Mobile'),
  line('edu', 'China Education Network'),
  line('oversea', 'Outside Chinese Mainland'),
  line('btvn', 'China Broadcasting Network'),
  line('drpeng', 'Dr. Peng'),
];
const PAID_LINES: RecordLine[] = [...BASIC_LINES, line('search', 'Search Engines'), line('aliyun', 'Alibaba Cloud')];
const FREE_SERVERS = ['dns9.hichina.com', 'dns10.hichina.com'];
const PAID_SERVERS = ['vip1.alidns.com', 'vip2.alidns.com'];

const NAMES: Record<string, string> = {
  mianfei: 'Free Edition',
  bumianfei: 'Basic Edition',
  version_personal: 'Personal Edition',
  version_enterprise_basic: 'Enterprise Standard Edition',
  version_enterprise_advanced: 'Enterprise Ultimate Edition',
  exclusive: 'Exclusive Edition',
};

export const FREE_EDITION = 'mianfei';

export function edition(code: string): Edition {
  const minTtl = own(MIN_TTL_BY_EDITION, code);
  if (minTtl === undefined) throw new Error(`Unknown DNS edition "${code}"; known: ${Object.keys(MIN_TTL_BY_EDITION).join(', ')}.`);
  const free = code === FREE_EDITION;
  return { code, name: own(NAMES, code) ?? code, minTtl, dnsServers: free ? FREE_SERVERS : PAID_SERVERS, lines: free ? BASIC_LINES : PAID_LINES };
}

const TTL_CHOICES = [1, 5, 10, 30, 60, 120, 300, 600, 1800, 3600, 43200, 86400];

/** The TTLs the console offers for an edition (strings, as DescribeDomainInfo answers them). */
export function availableTtls(minTtl: number): string[] {
  return TTL_CHOICES.filter((t) => t >= minTtl).map(String);
}
