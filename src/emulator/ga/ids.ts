// Resource ids shaped like the real ones: a kind prefix, then 20 lower-case letters and digits starting with the
// region code `bp1` (e.g. `ga-bp1odcab8tmno0hdq2x7k`). Random rather than sequential so that ids from a reset
// sandbox do not silently point at new resources.
import { randomInt } from 'node:crypto';
import type { GaState } from '../state';
import { own } from '../ownKeys';

const ID_PREFIX = {
  accelerator: 'ga',
  bandwidthPackage: 'gbwp',
  ipSet: 'ips',
  listener: 'lsr',
  endpointGroup: 'epg',
  endpoint: 'ep',
} as const;

export type IdKind = keyof typeof ID_PREFIX;

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
const BODY_LENGTH = 20;
const REGION_CODE = 'bp1';

export const ID_PATTERN: Record<IdKind, RegExp> = Object.fromEntries(
  Object.entries(ID_PREFIX).map(([k, p]) => [k, new RegExp(`^${p}-${REGION_CODE}[a-z0-9]{${BODY_LENGTH - REGION_CODE.length}}$`)]),
) as Record<IdKind, RegExp>;

function randomBody(): string {
  let s = REGION_CODE;
  while (s.length < BODY_LENGTH) s += ALPHABET[randomInt(ALPHABET.length)];
  return s;
}

function idTaken(ga: GaState, id: string): boolean {
  if ([ga.accelerators, ga.bandwidthPackages, ga.ipSets, ga.listeners, ga.endpointGroups].some((items) => own<unknown>(items, id) !== undefined)) return true;
  return Object.values(ga.endpointGroups).some((g) => g.EndpointConfigurations.some((e) => e.EndpointId === id));
}

export function newId(ga: GaState, kind: IdKind): string {
  for (;;) {
    const id = `${ID_PREFIX[kind]}-${randomBody()}`;
    if (!idTaken(ga, id)) return id;
  }
}

/** Next value of a named counter kept in the state, so numbers stay unique across restarts of a state file. */
export function nextCounter(ga: GaState, name: string): number {
  const n = (ga.counters[name] ?? 0) + 1;
  ga.counters[name] = n;
  return n;
}

/** Subscription orders get an order number, as the billing system answers them. */
export function newOrderId(ga: GaState): string {
  return String(220_000_000_000 + nextCounter(ga, 'order'));
}
