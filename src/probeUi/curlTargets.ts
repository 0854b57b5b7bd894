// What the seed's own check, `curl -6 -g http://[address]`, is run against: one of the addresses × ports a
// node's probe would cover, or what a person typed. Pure; the command line itself (validation, quoting) is the
// probe engine's buildCurlCommand.
import { planTarget, type CurlTarget, type StructuredTarget } from '../probe';

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
