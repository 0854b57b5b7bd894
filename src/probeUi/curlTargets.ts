// What the seed's own check, `curl -6 -g http://[address]`, is run against: one of the addresses × ports a
// node's probe would cover, or what a person typed; in the sandbox, a name goes to where the sandbox's DNS
// resolves it (curl's own resolver does not know the sandbox's zones). Pure apart from the lookup it is given;
// the command line itself (validation, quoting) is the probe engine's buildCurlCommand.
import { MAX_CURL_URL_LENGTH, planTarget, type CurlTarget, type DnsReport, type StructuredTarget } from '../probe';

/** Every address × port of the targets as a curl target; a name without addresses is left to curl's resolver. */
export function curlCandidates(targets: readonly StructuredTarget[], connectTimeoutSeconds?: number): CurlTarget[] {
  return targets.flatMap((t) => {
    const scheme = t.scheme === 'https' ? 'https' : 'http';
    const addresses: (string | undefined)[] = t.ipv6Addresses.length > 0 ? t.ipv6Addresses : t.hostName ? [undefined] : [];
    return addresses.flatMap((address) =>
      t.ports.map((port): CurlTarget => ({
        ...(address !== undefined ? { address } : {}),
        ...(t.hostName !== undefined ? { hostName: t.hostName } : {}),
        port,
        scheme,
        ...(t.path !== undefined ? { path: t.path } : {}),
        ...(connectTimeoutSeconds !== undefined ? { connectTimeoutSeconds } : {}),
      })),
    );
  });
}

/** `[2001:db8::1]:8080`, `http://[2001:db8::1]/x`, `www.example.com` …; throws saying what to fix. */
export function curlTargetFromText(text: string, connectTimeoutSeconds?: number): CurlTarget {
  if (text.length > MAX_CURL_URL_LENGTH) throw new Error(`That is ${text.length} characters long; curl checks here take URLs of at most ${MAX_CURL_URL_LENGTH}.`);
  const plan = planTarget(text, { scheme: 'http', path: '/' });
  if (plan.error) throw new Error(plan.error);
  return {
    ...(plan.addresses[0] !== undefined ? { address: plan.addresses[0] } : {}),
    ...(plan.hostName !== undefined ? { hostName: plan.hostName } : {}),
    port: plan.ports[0],
    scheme: plan.scheme === 'https' ? 'https' : 'http',
    path: plan.path,
    ...(connectTimeoutSeconds !== undefined ? { connectTimeoutSeconds } : {}),
  };
}

/** How a candidate is offered in a pick list: the URL curl will fetch. */
export function curlTargetLabel(t: CurlTarget): string {
  const host = t.address !== undefined ? `[${t.address}]` : (t.hostName ?? '');
  const via = t.address !== undefined && t.hostName !== undefined ? ` as ${t.hostName}` : '';
  return `${t.scheme ?? 'http'}://${host}:${t.port ?? ''}${t.path ?? '/'}${via}`;
}

export interface SandboxResolution {
  target: CurlTarget;
  /** Said above curl's output: what the sandbox's DNS answered, and that --resolve carries it. */
  note: string;
}

/**
 * In the sandbox, a name is fetched where the sandbox's DNS resolves it (following CNAMEs), at the place this
 * machine reaches that address (`connectVia`, the data plane's placement): curl gets `--resolve name:port:[…]`.
 * Throws saying why when the sandbox's DNS has no IPv6 address for the name. A target without a name is
 * returned as it is.
 */
export async function resolveInSandbox(
  target: CurlTarget,
  lookup: (name: string) => Promise<DnsReport>,
  connectVia: (address: string) => string,
): Promise<SandboxResolution | { target: CurlTarget; note?: undefined }> {
  if (target.hostName === undefined) return { target };
  const dns = await lookup(target.hostName);
  if (dns.error) throw new Error(`The sandbox's DNS (${dns.server}) could not be asked for ${target.hostName}: ${dns.error}`);
  if (dns.rcode !== 'NOERROR') {
    throw new Error(`The sandbox's DNS (${dns.server}) answered ${dns.rcode ?? 'nothing'} for ${target.hostName}: in the sandbox only the names of its own zones resolve. Fetch one of those (e.g. www.example.com), an accelerated address, or make a real profile active.`);
  }
  const [first] = dns.aaaa;
  const chain = dns.cnameChain.length ? ` (CNAME ${dns.cnameChain.map((c) => c.target).join(' → ')})` : '';
  if (!first) throw new Error(`${target.hostName}${chain} has no AAAA record in the sandbox's DNS (${dns.server}), so IPv6 clients cannot reach it: add an AAAA record with the accelerator's IPv6 address, or a CNAME to its DnsName.`);
  const address = connectVia(first.address);
  const placed = address === first.address ? '' : `, served on this machine at [${address}]`;
  return {
    target: { ...target, address },
    note: `${target.hostName}${chain} resolves to ${first.address} in the sandbox's DNS (${dns.server})${placed}; --resolve tells curl so.`,
  };
}
