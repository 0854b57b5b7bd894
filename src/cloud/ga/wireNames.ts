// Model field names ↔ wire names, by the SDK generator's rule: a wire name that starts with two capitals
// (RR, TTL, XForwardedForConfig) keeps its case; any other is the wire name with a lower-case first letter.

export function wireToModelName(wire: string): string {
  return /^[A-Z]{2}/.test(wire) ? wire : wire.charAt(0).toLowerCase() + wire.slice(1);
}

export function modelToWireName(model: string): string {
  return model.charAt(0).toUpperCase() + model.slice(1);
}

function mapKeys(value: unknown, rename: (k: string) => string): unknown {
  if (Array.isArray(value)) return value.map((v) => mapKeys(v, rename));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (v === undefined || v === null) continue;
      out[rename(k)] = mapKeys(v, rename);
    }
    return out;
  }
  return value;
}

/** A request model (camelCase) as the map of wire names that the SDK hands to OpenApiUtil.query. */
export function toWire(model: object): Record<string, unknown> {
  return mapKeys(model, modelToWireName) as Record<string, unknown>;
}

/** A response body as the API sends it (wire names) in the SDK's model shape. */
export function fromWire<T = unknown>(body: unknown): T {
  return mapKeys(body, wireToModelName) as T;
}
