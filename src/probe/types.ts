// The probe's inputs and its report. The report is plain JSON (Save probe report writes it as is) and is
// filled in place while the probe runs, so a renderer can draw partial results.

export type Scheme = 'http' | 'https' | 'tcp';

/** A target that the resource tree hands over: every IPv6 address × every listener port. */
export interface StructuredTarget {
  kind: 'accelerator' | 'area' | 'record';
  /** Shown in the table: accelerator name, area region, record name. */
  label?: string;
  /** Addresses to connect to. Empty with a hostName: connect to what the name resolves to. */
  ipv6Addresses: string[];
  ports: number[];
  /** The accelerator's DnsName (CNAME target) that a record may point at. */
  dnsName?: string;
  /** Addresses a resolved AAAA must be among (the accelerator's); default: ipv6Addresses. */
  expectedAddresses?: string[];
  /** Name to resolve, to send as Host and as TLS server name. */
  hostName?: string;
  scheme?: Scheme;
  path?: string;
  /** The IPv4 origin, probed the same way to show what the accelerator adds. */
  origin?: { address: string; port?: number };
  /** GA's health checks of the accelerator's endpoints (GetHealthStatus), so the verdict can name an unhealthy one. */
  backendHealth?: BackendHealth[];
}

/** One endpoint as GA's health checks see it. */
export interface BackendHealth {
  /** The endpoint's address (IPv4 or a name) and the port GA checks. */
  endpoint: string;
  port?: number;
  /** init / normal / abnormal */
  status: string;
}

/** `2001:db8::1`, `[2001:db8::1]:8080`, `http://[2001:db8::1]/`, `https://www.example.com/x`, `www.example.com`, or structured. */
export type TargetInput = string | StructuredTarget;

export interface ProbeOptions {
  /** Attempts per address × port (default 3). */
  attempts?: number;
  /** Pause between two attempts on the same address × port (default 1000 ms). */
  intervalMs?: number;
  /** TCP connect limit per attempt (default 5000 ms). */
  connectTimeoutMs?: number;
  /** TLS + HTTP limit per attempt once connected (default 10000 ms). */
  requestTimeoutMs?: number;
  /** Limit for the DNS lookups of one name (default 3000 ms). */
  dnsTimeoutMs?: number;
  /** Attempts in flight at once across all targets (default 16). */
  concurrency?: number;
  /** `host:port` (or `[v6]:port`, or a bare address for port 53) of the DNS server to ask; default: the system's servers. */
  dnsServer?: string;
  /** Scheme for targets that do not say (bare addresses and names); default http. */
  scheme?: Scheme;
  /** Request path for targets that do not say; default `/`. */
  path?: string;
  /** What a host-name target given as a string must resolve to. */
  expect?: { addresses?: string[]; dnsName?: string };
  /** Accept any TLS certificate (self-signed test backends). */
  insecureTls?: boolean;
  /** Body bytes read per response before the rest is discarded (default 1 MiB). */
  maxBodyBytes?: number;
  signal?: AbortSignal;
  /**
   * Where to really connect for an address (resolved or given); default: the address itself. The local sandbox
   * serves its emulated addresses on [::1] when it cannot put them on the loopback device, and a probe must
   * not send them to the network. The report keeps the address and notes `via`.
   */
  connectVia?: (address: string) => string;
  /** Called with the live report after every change. */
  onUpdate?: (report: ProbeReport) => void;
}

export type VerdictStatus = 'pending' | 'pass' | 'warn' | 'fail' | 'cancelled';

export type VerdictCode =
  | 'pending'
  | 'ok'
  | 'invalid-target'
  | 'dns-error'
  | 'nxdomain'
  | 'no-aaaa'
  | 'aaaa-not-accelerator'
  | 'aaaa-partly-elsewhere'
  | 'cname-not-accelerator'
  | 'refused'
  | 'timeout'
  | 'unreachable'
  | 'reset'
  | 'tls-failure'
  | 'http-error'
  | 'http-5xx'
  | 'http-4xx'
  | 'partial-loss'
  | 'backend-abnormal'
  | 'cancelled';

export interface Verdict {
  status: VerdictStatus;
  code: VerdictCode;
  /** One sentence a person can act on. */
  reason: string;
}

/** Why one attempt failed; `code` is a VerdictCode of the connection kind. */
export type FailureCode = 'refused' | 'timeout' | 'unreachable' | 'reset' | 'tls-failure' | 'http-error' | 'cancelled';

export interface AttemptResult {
  seq: number;
  /** A response came back (any HTTP status), or for tcp the connection opened. */
  ok: boolean;
  connectMs?: number;
  tlsMs?: number;
  /** From writing the request to the response headers. */
  ttfbMs?: number;
  /** From the start of the attempt to the end of the body. */
  totalMs?: number;
  httpStatus?: number;
  bytes?: number;
  /** Start of the body, for showing what answered. */
  bodyPreview?: string;
  /** The peer as the socket saw it, proving the family used. */
  remote?: { address: string; family: string; port: number };
  failure?: { phase: 'connect' | 'tls' | 'http'; code: FailureCode; message: string };
}

export interface Summary {
  count: number;
  min: number;
  median: number;
  p95: number;
  max: number;
}

export interface EndpointStats {
  sent: number;
  answered: number;
  /** Share of attempts without an answer, 0..1. */
  loss: number;
  connectMs?: Summary;
  ttfbMs?: Summary;
  totalMs?: Summary;
}

export interface EndpointReport {
  address: string;
  /** The address really connected to, when `connectVia` placed it elsewhere. */
  via?: string;
  port: number;
  family: 4 | 6;
  attempts: AttemptResult[];
  stats: EndpointStats;
  verdict: Verdict;
}

export interface DnsAddress {
  name: string;
  address: string;
  ttl: number;
}

export interface DnsReport {
  name: string;
  /** The server asked, `host:port`, or `system (host:port)`. */
  server: string;
  rcode?: string;
  /** Each CNAME step from the asked name onwards. */
  cnameChain: { name: string; target: string; ttl: number }[];
  aaaa: DnsAddress[];
  a: DnsAddress[];
  durationMs?: number;
  error?: string;
}

export interface TargetReport {
  label: string;
  kind: 'address' | 'url' | 'host' | StructuredTarget['kind'];
  scheme: Scheme;
  path: string;
  hostName?: string;
  expected: { addresses: string[]; dnsName?: string };
  dns?: DnsReport;
  endpoints: EndpointReport[];
  origin?: EndpointReport;
  /** As given with the target (StructuredTarget.backendHealth). */
  backendHealth?: BackendHealth[];
  verdict: Verdict;
}

export interface ProbeReport {
  version: 1;
  startedAt: string;
  finishedAt?: string;
  state: 'running' | 'done' | 'cancelled';
  settings: {
    attempts: number;
    intervalMs: number;
    connectTimeoutMs: number;
    requestTimeoutMs: number;
    concurrency: number;
    dnsServer: string;
  };
  targets: TargetReport[];
  verdict: Verdict;
}
