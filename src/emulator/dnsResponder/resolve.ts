// Answers one question from the record index as an authoritative server does: the records of the name
// (or of a matching wildcard), CNAMEs followed while they stay in our zones, NODATA (NOERROR, SOA in the
// authority section) when the name exists without that type, NXDOMAIN when it does not exist, REFUSED for
// names outside our zones.
import * as dnsPacket from 'dns-packet';
import { normalizeName, RecordIndex, ServedRecord, ServedZone } from './recordIndex';

const MAX_CHAIN = 8;
export const EDNS_UDP_SIZE = 4096;
const RCODE = { NOERROR: 0, NXDOMAIN: 3, NOTIMP: 4, REFUSED: 5 } as const;

export interface Resolution {
  rcode: keyof typeof RCODE;
  authoritative: boolean;
  answers: dnsPacket.Answer[];
  authorities: dnsPacket.Answer[];
}

export function resolveQuestion(index: RecordIndex, question: dnsPacket.Question): Resolution {
  const answers: dnsPacket.Answer[] = [];
  let name = normalizeName(question.name);
  const asked = new Set<string>();
  for (let step = 0; step <= MAX_CHAIN; step++) {
    const zone = zoneOf(index, name);
    if (!zone) {
      // A CNAME that leaves our zones ends our part of the chain; the resolver asks elsewhere for the rest.
      return step === 0 ? { rcode: 'REFUSED', authoritative: false, answers, authorities: [] } : done('NOERROR', answers);
    }
    const records = recordsAt(index, zone, name);
    if (records === undefined) return done('NXDOMAIN', answers, zone);
    const owner = name;
    const toAnswer = (r: ServedRecord) => ({ name: owner, type: r.type, ttl: r.ttl, class: 'IN', data: r.data }) as dnsPacket.Answer;
    const wanted = question.type as string;
    const apexExtras = owner === zone.apex ? apexRecords(zone) : [];
    const all = [...records, ...apexExtras];
    const cname = records.find((r) => r.type === 'CNAME');
    if (cname && wanted !== 'CNAME' && wanted !== 'ANY') {
      answers.push(toAnswer(cname));
      asked.add(name);
      name = cname.data as string;
      if (asked.has(name)) return done('NOERROR', answers, zone);
      continue;
    }
    const matching = wanted === 'ANY' ? all : all.filter((r) => r.type === wanted);
    if ((wanted === 'SOA' || wanted === 'ANY') && owner === zone.apex) answers.push(soaAnswer(zone));
    answers.push(...matching.map(toAnswer));
    return done('NOERROR', answers, answers.length ? undefined : zone);
  }
  return done('NOERROR', answers);
}

function done(rcode: Resolution['rcode'], answers: dnsPacket.Answer[], negativeZone?: ServedZone): Resolution {
  // A negative answer carries the zone's SOA so resolvers know how long to remember it (RFC 2308).
  return { rcode, authoritative: true, answers, authorities: negativeZone ? [soaAnswer(negativeZone)] : [] };
}

function soaAnswer(zone: ServedZone): dnsPacket.Answer {
  return { name: zone.apex, type: 'SOA', ttl: zone.soaTtl, class: 'IN', data: zone.soa };
}

function apexRecords(zone: ServedZone): ServedRecord[] {
  return zone.nameServers.map((ns) => ({ type: 'NS', ttl: zone.soaTtl, data: ns }));
}

/** The most specific of our zones that contains the name. */
function zoneOf(index: RecordIndex, name: string): ServedZone | undefined {
  let best: ServedZone | undefined;
  for (const z of index.zones) {
    if ((name === z.apex || name.endsWith(`.${z.apex}`)) && (!best || z.apex.length > best.apex.length)) best = z;
  }
  return best;
}

/** Records of the name; [] when the name exists without records (apex, empty non-terminal); undefined when it does not exist. */
function recordsAt(index: RecordIndex, zone: ServedZone, name: string): ServedRecord[] | undefined {
  const own = index.names.get(name);
  if (own) return own;
  if (exists(index, zone, name)) return [];
  // RFC 4592: a wildcard at the closest existing ancestor stands in for a name that does not exist.
  for (let ancestor = parentOf(name); ancestor; ancestor = parentOf(ancestor)) {
    if (!exists(index, zone, ancestor)) continue;
    return index.names.get(`*.${ancestor}`);
  }
  return undefined;
}

function exists(index: RecordIndex, zone: ServedZone, name: string): boolean {
  if (name === zone.apex || index.names.has(name)) return true;
  for (const owner of index.names.keys()) if (owner.endsWith(`.${name}`)) return true;
  return false;
}

function parentOf(name: string): string {
  const dot = name.indexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1);
}

/** The whole response packet for a query, or the error response for queries we do not serve. */
export function respond(index: RecordIndex, query: dnsPacket.DecodedPacket): dnsPacket.Packet {
  const base = { type: 'response' as const, id: query.id, questions: query.questions };
  const recursion = query.flag_rd ? dnsPacket.RECURSION_DESIRED : 0;
  const question = query.questions?.[0];
  if ((query as { opcode?: string }).opcode !== 'QUERY' || !question || query.questions?.length !== 1) {
    return { ...base, flags: recursion | RCODE.NOTIMP };
  }
  const r = resolveQuestion(index, question);
  // An EDNS query gets an EDNS answer (RFC 6891), announcing how much we can send over UDP.
  const edns = query.additionals?.some((a) => a.type === 'OPT');
  return {
    ...base,
    flags: recursion | (r.authoritative ? dnsPacket.AUTHORITATIVE_ANSWER : 0) | RCODE[r.rcode],
    answers: r.answers,
    authorities: r.authorities,
    ...(edns ? { additionals: [{ type: 'OPT', name: '.', udpPayloadSize: EDNS_UDP_SIZE, extendedRcode: 0, ednsVersion: 0, flags: 0, flag_do: false, options: [] }] } : {}),
  };
}
