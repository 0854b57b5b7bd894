// IPv6 reachability probes, pure Node (no vscode): what the explorer's "Probe" command, the sandbox's seed
// verification and the benchmark use.
export { runProbe } from './engine';
export { renderReport, wrapWords } from './render';
export type { RenderOptions } from './render';
export { buildCurlCommand, cmdQuote, commandLine, MAX_CURL_URL_LENGTH, powershellQuote, shellKind, shellQuote } from './curl';
export type { CurlCommand, CurlTarget, ShellKind } from './curl';
export { lookupName } from './dnsLookup';
export { planTarget, ipv6AddressProblem } from './targets';
export type { TargetPlan } from './targets';
export { summarize } from './stats';
export { parseDnsServer, queryDns } from './dnsClient';
export type * from './types';
