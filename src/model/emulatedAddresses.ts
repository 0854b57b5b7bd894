// The addresses the local emulator (the sandbox's cloud) hands out for IPv6 acceleration areas. They are never
// real GA addresses, so the UI can tell a sandbox address from a real one without asking the emulator, and
// keep probes of them on this machine. Pure: the emulator allocates from the prefix, probeUi places probes.
import { canonicalIpv6 } from './rules';

/** The unique-local prefix ("ga" in hex) every emulator's IPv6 acceleration addresses come from. */
export const EMULATED_IPV6_PREFIX = 'fd6a:6761::/64';
const PREFIX_GROUPS = ['fd6a', '6761', '0', '0'];

/** Whether an address, however it is written, lies in EMULATED_IPV6_PREFIX (any emulator's, any block). */
export function isEmulatedIpv6Address(address: string): boolean {
  const canonical = canonicalIpv6(address);
  if (!canonical) return false;
  // RFC 5952 may compress the prefix's zero groups or a longer zero run elsewhere: compare expanded groups.
  const [head, tail] = canonical.split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  const groups = tail === undefined ? headGroups : [...headGroups, ...Array<string>(8 - headGroups.length - tailGroups.length).fill('0'), ...tailGroups];
  return PREFIX_GROUPS.every((g, i) => groups[i] === g);
}
