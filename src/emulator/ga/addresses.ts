// Addresses the emulator hands out. None of them is a real GA address: IPv6 acceleration addresses come from the
// unique-local prefix fd6a:6761::/64 ("ga" in hex) so the data plane can add them to the loopback device,
// IPv4 ones from the benchmarking range 198.18.0.0/15, and endpoint groups' source addresses (the IPs GA uses
// towards backends) from the shared range 100.64.0.0/10. All are allocated from counters in the state.
import type { GaState } from '../state';
import { nextCounter } from './ids';

// The prefix rule lives in the model so the UI can recognise sandbox addresses without importing the emulator.
export { EMULATED_IPV6_PREFIX, isEmulatedIpv6Address } from '../../model';

const IPV6_PREFIX = 'fd6a:6761::';
/** The block an emulator uses unless told otherwise (EmulatorOptions.addressBlock): `fd6a:6761::a:<n>`. */
export const DEFAULT_ADDRESS_BLOCK = 0xa;
const IPV4_POOL_SIZE = 2 ** 17 - 2;
const SOURCE_IPS_PER_GROUP = 4;

/** Throws unless `block` can be an address block: one non-zero IPv6 group, so blocks never overlap. */
export function assertAddressBlock(block: number): void {
  if (!Number.isInteger(block) || block < 1 || block > 0xffff) {
    throw new RangeError(`The IPv6 address block must be a whole number from 1 to 0xffff (65535), e.g. 0xb for fd6a:6761::b:<n>; got ${block}.`);
  }
}

/**
 * The n-th (1-based) emulated IPv6 acceleration address of a block: `fd6a:6761::<block>:<n>` (hex), with a
 * further group once n passes 0xffff. The data plane binds exactly these, so this is the only place that
 * knows the format.
 */
export function emulatedIpv6Address(n: number, block = DEFAULT_ADDRESS_BLOCK): string {
  if (!Number.isInteger(n) || n < 1 || n > 0xffffffff) throw new RangeError(`Emulated IPv6 address index must be 1 to ${0xffffffff}; got ${n}.`);
  assertAddressBlock(block);
  const hi = Math.floor(n / 0x10000);
  const lo = n % 0x10000;
  const base = `${IPV6_PREFIX}${block.toString(16)}`;
  return hi === 0 ? `${base}:${lo.toString(16)}` : `${base}:${hi.toString(16)}:${lo.toString(16)}`;
}

/** The n-th (1-based) emulated IPv4 acceleration address in 198.18.0.0/15. */
export function emulatedIpv4Address(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > IPV4_POOL_SIZE) throw new RangeError(`Emulated IPv4 address index must be 1 to ${IPV4_POOL_SIZE}; got ${n}.`);
  const v = (198 << 24 >>> 0) + (18 << 16) + n;
  return [v >>> 24, (v >>> 16) & 255, (v >>> 8) & 255, v & 255].join('.');
}

export function allocateIpv6(ga: GaState, block = DEFAULT_ADDRESS_BLOCK): string {
  return emulatedIpv6Address(nextCounter(ga, 'ipv6Address'), block);
}

export function allocateIpv4(ga: GaState): string {
  return emulatedIpv4Address(nextCounter(ga, 'ipv4Address'));
}

/** A block of source addresses for one endpoint group (EndpointGroupIpList), emulated from 100.64.0.0/10. */
export function allocateEndpointGroupIps(ga: GaState): string[] {
  const block = nextCounter(ga, 'endpointGroupIpBlock');
  const base = (100 << 24 >>> 0) + (64 << 16) + block * SOURCE_IPS_PER_GROUP;
  return Array.from({ length: SOURCE_IPS_PER_GROUP }, (_, i) => {
    const v = base + i;
    return [v >>> 24, (v >>> 16) & 255, (v >>> 8) & 255, v & 255].join('.');
  });
}
