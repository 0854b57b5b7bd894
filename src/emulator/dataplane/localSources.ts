// Who may use the data plane: this machine only. As root the ip sets' addresses sit on the loopback device, but
// Linux accepts a packet for any of its addresses on any interface, so a host on the same link could route to
// fd6a:6761::… through this machine and reach backends that listen only on 127.0.0.1. A connection is therefore
// accepted only from a loopback address or from one of this machine's own addresses (a local client connecting
// to an ip set address has that address, or another local one, as its source).
import { isIPv6 } from 'node:net';
import { networkInterfaces } from 'node:os';

type Interfaces = () => ReturnType<typeof networkInterfaces>;

/** The form Node reports an address in, without an IPv6 zone (`fe80::1%eth0`), in lower case. */
function normalize(address: string): string {
  const bare = address.split('%')[0].toLowerCase();
  return bare.startsWith('::ffff:') && !isIPv6(bare.slice(7)) ? bare.slice(7) : bare;
}

function isLoopback(address: string): boolean {
  return address === '::1' || /^127\.\d+\.\d+\.\d+$/.test(address);
}

export class LocalSources {
  private own = new Set<string>();

  constructor(private readonly interfaces: Interfaces = networkInterfaces) {
    this.refresh();
  }

  /** True for loopback and this machine's own addresses; undefined (a socket already gone) is refused. */
  accepts(address: string | undefined): boolean {
    if (!address) return false;
    const a = normalize(address);
    if (isLoopback(a) || this.own.has(a)) return true;
    // Addresses come and go (the data plane adds its own to lo): look again before refusing.
    this.refresh();
    return this.own.has(a);
  }

  private refresh(): void {
    this.own = new Set(Object.values(this.interfaces()).flatMap((list) => (list ?? []).map((i) => normalize(i.address))));
  }
}

/** One per process: every forwarder asks the same question of the same interfaces. */
export const localSources = new LocalSources();
