// Keeps AccessKey secrets, security tokens, signatures and Authorization headers out of logs, error messages
// and settings. Two layers: known secret values are masked wherever they appear, and anything shaped like a
// credential (by key name or by the signing formats of ga-api.md §1.3/§1.4) is masked even when unknown.

const MASK = '***';

/** Parameter/header names whose values are secret. ClientToken and AccessKeyId are not secrets. */
const SECRET_KEY = /secret|securitytoken|security-token|^token$|signature(?!(nonce|version|method|-nonce|type))|authorization|password|bearer/i;

export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key.replace(/^x-acs-/i, ''));
}

const TEXT_PATTERNS: readonly [RegExp, string][] = [
  // V3 Authorization header value: keep the algorithm and the (public) AccessKey id, drop the signature.
  [/(ACS3-[A-Z0-9-]+\s+Credential=[^,\s]*,\s*SignedHeaders=[^,\s]*,\s*Signature=)[0-9a-fA-F]+/g, `$1${MASK}`],
  [/(\bauthorization\b["']?\s*[:=]\s*["']?)[^"'\r\n]+/gi, `$1${MASK}`],
  // key=value and "key": "value" forms of secret-looking names (query strings, JSON, form bodies).
  [/(\b(?:AccessKeySecret|access_key_secret|accessKeySecret|SecurityToken|securityToken|x-acs-security-token|x-acs-bearer-token|BearerToken|Signature|signature)\b["']?\s*[:=]\s*["']?)[^"'&\s,}]+/g, `$1${MASK}`],
];

/**
 * Masks credentials in free text. `secrets` are values known to be secret (the profile's secret and token);
 * they are masked verbatim and URL-encoded, wherever they occur.
 */
export function redactText(text: string, secrets: readonly (string | undefined)[] = []): string {
  let out = text;
  for (const s of secrets) {
    if (!s || s.length < 4) continue;
    for (const form of new Set([s, encodeURIComponent(s)])) out = out.split(form).join(MASK);
  }
  for (const [re, repl] of TEXT_PATTERNS) out = out.replace(re, repl);
  return out;
}

/** A deep copy of request parameters with secret-named values masked, for logs. */
export function redactParams(value: unknown, secrets: readonly (string | undefined)[] = []): unknown {
  if (Array.isArray(value)) return value.map((v) => redactParams(v, secrets));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (v === undefined) continue;
      out[k] = isSecretKey(k) ? MASK : redactParams(v, secrets);
    }
    return out;
  }
  return typeof value === 'string' ? redactText(value, secrets) : value;
}
