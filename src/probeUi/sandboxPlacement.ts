// Where the local sandbox's data plane serves an accelerated address: on the address itself when it is on this
// machine (the emulator runs as root and put it on the loopback device), otherwise on its fallback address
// [::1]. A probe of an address the machine does not have would leave the machine, which the sandbox must not.
import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os';
import { canonicalIpv6, isEmulatedIpv6Address } from '../model';
import type { SandboxScope } from './targets';

/** The data plane's default fallback (src/emulator/dataplane, `fallbackAddress`). */
export const SANDBOX_FALLBACK_ADDRESS = '::1';

export function sandboxScope(interfaces: NodeJS.Dict<NetworkInterfaceInfo[]> = networkInterfaces()): SandboxScope {
  const local = new Set(
    Object.values(interfaces)
      .flatMap((list) => list ?? [])
      .filter((i) => i.family === 'IPv6')
      .flatMap((i) => canonicalIpv6(i.address.replace(/%.*$/, '')) ?? []),
  );
  return { place: (address) => (local.has(canonicalIpv6(address) ?? '') ? address : SANDBOX_FALLBACK_ADDRESS) };
}

/**
 * For what the sandbox's DNS answers with: its emulated addresses are reached where the data plane serves them,
 * anything else as it is (the engine resolves names itself, after the targets were placed).
 */
export function sandboxConnectVia(scope: SandboxScope): (address: string) => string {
  return (address) => (isEmulatedIpv6Address(address) ? scope.place(address) : address);
}
