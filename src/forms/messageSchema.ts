// Every message a form panel sends is untrusted input: a compromised or buggy webview could send anything.
// These zod schemas accept exactly the shapes of protocol.ts (strict objects: unknown keys such as "__proto__"
// are refused, strings and lists are bounded) and nothing else. A message that does not parse is logged and
// dropped by the panel; it is never acted on.
import { z } from 'zod';
import type { PersistedState, WebviewMessage } from './protocol';

/** Longer than any legitimate value (names ≤ 128, host names ≤ 253), short enough that nothing huge is echoed. */
const MAX_TEXT = 512;
const text = z.string().max(MAX_TEXT);
const id = z.string().max(128);

const stepId = z.enum(['purchase', 'area', 'listener', 'dns', 'verify']);

const guide = z.strictObject({
  accelerationArea: id,
  serviceRegion: id,
  icpFiling: id,
  serverArea: id,
  peakBandwidthRange: text,
  maxConnections: id,
});
const purchase = z.strictObject({
  instanceName: text,
  term: id,
  autoRenew: z.boolean(),
  spec: id,
  bandwidthType: id,
  peakBandwidth: text,
});
const area = z.strictObject({ region: id, bandwidth: text, ipVersion: id, ispType: id.optional() });
const listener = z.strictObject({ name: text, protocol: id, ports: text, clientAffinity: id });
const endpointGroup = z.strictObject({ name: text, region: id, preserveClientIp: z.boolean() });
const endpoints = z.array(z.strictObject({ type: id, address: text, weight: text })).max(100);
const dns = z.strictObject({ zone: text, type: id, host: text, ttl: id });

export const gatewayValuesSchema = z.strictObject({ guide, purchase, area, listener, endpointGroup, endpoints, dns });

export const resourceValuesSchema = z.strictObject({
  area: area.optional(),
  listener: listener.optional(),
  endpointGroup: endpointGroup.optional(),
  endpoints: endpoints.optional(),
  dns: dns.optional(),
  bandwidth: text.optional(),
});

export const webviewMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('ready') }),
  z.strictObject({ type: z.literal('painted') }),
  z.strictObject({ type: z.literal('create'), values: gatewayValuesSchema }),
  z.strictObject({ type: z.literal('submit'), values: resourceValuesSchema }),
  z.strictObject({ type: z.literal('cancel') }),
  z.strictObject({ type: z.literal('retry'), step: stepId }),
  z.strictObject({ type: z.literal('copy'), what: z.enum(['ipv6Address', 'cname', 'fqdn']) }),
  z.strictObject({ type: z.literal('probe') }),
  z.strictObject({ type: z.literal('reveal') }),
  z.strictObject({ type: z.literal('saveYaml'), values: gatewayValuesSchema }),
  z.strictObject({ type: z.literal('reloadFacts') }),
]);

const resourceFormKind = z.enum(['addArea', 'addListener', 'addEndpointGroup', 'editEndpoints', 'addDnsRecord', 'editBandwidth']);
const target = z.strictObject({ profileId: id, acceleratorId: id, listenerId: id.optional(), endpointGroupId: id.optional(), areaRegion: id.optional() });
const lines = z.array(z.string().max(2000)).max(500);
const runState = z.strictObject({
  phase: z.enum(['running', 'failed', 'cancelled', 'done']),
  steps: z.array(z.strictObject({
    id: z.enum(['purchase', 'area', 'listener', 'dns', 'verify', 'change']),
    title: text,
    state: z.enum(['pending', 'running', 'done', 'failed', 'cancelled', 'skipped']),
    detail: z.string().max(2000).optional(),
  })).max(10),
  message: z.string().max(4000).optional(),
  failedStep: stepId.optional(),
  result: z.strictObject({ acceleratorId: id, acceleratorName: text, ipv6Address: id.optional(), cname: text.optional(), fqdn: text.optional() }).optional(),
});
const probeView = z.strictObject({ status: z.enum(['running', 'pass', 'warn', 'fail', 'cancelled']), reason: z.string().max(2000), lines });
const recommendation = z.strictObject({
  spec: id,
  specName: id,
  bandwidthType: z.enum(['Basic', 'Enhanced', 'Advanced']),
  peakBandwidth: z.number().int().min(0).max(100_000),
  accelerationArea: id,
  serviceRegion: id,
  reasons: z.array(z.string().max(2000)).max(20),
});

const common = { profileId: id.optional(), recommendation: recommendation.optional(), run: runState.optional(), probe: probeView.optional() };

export const persistedStateSchema = z.union([
  z.strictObject({ form: z.literal('createGateway'), values: gatewayValuesSchema, target: target.optional(), ...common }),
  z.strictObject({ form: resourceFormKind, values: resourceValuesSchema, target, ...common }),
]);

export type ParseResult<T> = { ok: true; value: T } | { ok: false; reason: string };

/** The message if it has exactly one of the protocol's shapes; otherwise why not (for the log, never echoed back). */
export function parseWebviewMessage(raw: unknown): ParseResult<WebviewMessage> {
  const r = webviewMessageSchema.safeParse(raw);
  return r.success ? { ok: true, value: r.data } : { ok: false, reason: describeIssues(r.error) };
}

/** A panel's saved state as a window reload hands it back; undefined (start afresh) when it is not one. */
export function parsePersistedState(raw: unknown): ParseResult<PersistedState> {
  const r = persistedStateSchema.safeParse(raw);
  return r.success ? { ok: true, value: r.data } : { ok: false, reason: describeIssues(r.error) };
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.map(String).join('.') || '(message)'}: ${i.message}`)
    .join('; ');
}

// The schemas and the protocol's types must describe the same messages: each side assignable to the other.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const agreeMessages: Same<z.infer<typeof webviewMessageSchema>, WebviewMessage> = true;
const agreeState: Same<z.infer<typeof persistedStateSchema>, PersistedState> = true;
void agreeMessages;
void agreeState;
