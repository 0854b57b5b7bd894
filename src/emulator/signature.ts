// Verifies request signatures as the API gateway does, against the access keys the emulator was started with:
// ACS3-HMAC-SHA256 in the Authorization header (the SDK's default, ga-api.md §1.3) and the legacy RPC
// HMAC-SHA1 signature in the query (`signatureAlgorithm: 'v2'`, §1.4). Nothing secret ever goes into an
// error message: not the expected signature, not the canonical request (it can hold the security token).
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { ApiError } from './api';

export interface AccessKey {
  accessKeyId: string;
  accessKeySecret: string;
  /** When set, the key is an STS key: every request must carry exactly this token. */
  securityToken?: string;
}

export interface SignedRequest {
  method: string;
  /** URL path without the query. */
  path: string;
  headers: IncomingHttpHeaders;
  /** Decoded query parameters. */
  query: Readonly<Record<string, string>>;
  /** Decoded form-body parameters (application/x-www-form-urlencoded), else empty. */
  form: Readonly<Record<string, string>>;
  body: Buffer;
}

export type SignatureStyle = 'ACS3' | 'RPC';

const V3_ALGORITHM = 'ACS3-HMAC-SHA256';
/** How far a request's own timestamp may be from the emulator's clock, as on the gateway. */
const MAX_CLOCK_SKEW_MS = 15 * 60 * 1000;

/** Which signature scheme a request uses, or undefined when it carries none. */
export function signatureStyle(req: Pick<SignedRequest, 'headers' | 'query' | 'form'>): SignatureStyle | undefined {
  if (typeof req.headers.authorization === 'string' && req.headers.authorization.startsWith('ACS3-')) return 'ACS3';
  if ('Signature' in req.query || 'Signature' in req.form || 'AccessKeyId' in req.query || 'AccessKeyId' in req.form) return 'RPC';
  return undefined;
}

/** RFC 3986 percent-encoding as the SDK applies it (encodeURIComponent plus ! ' ( ) *). */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v.join(',') : v;
}

function sameSecretText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export class SignatureVerifier {
  private readonly keys: Map<string, AccessKey>;
  /** Nonces seen within the clock-skew window, per key: a replayed request is refused like on the gateway. */
  private readonly nonces = new Map<string, number>();

  constructor(keys: readonly AccessKey[], private readonly now: () => number = Date.now) {
    this.keys = new Map(keys.map((k) => [k.accessKeyId, k]));
  }

  /** Returns the caller's AccessKey id; throws the gateway's ApiError when the request is not authentic. */
  verify(req: SignedRequest): string {
    const style = signatureStyle(req);
    if (style === 'ACS3') return this.verifyAcs3(req);
    if (style === 'RPC') return this.verifyRpc(req);
    throw new ApiError(
      'MissingParameter',
      'The request is not signed: it has neither an "Authorization: ACS3-HMAC-SHA256 …" header nor the RPC parameters AccessKeyId and Signature. Configure the client with the emulator\'s AccessKey pair.',
    );
  }

  private verifyAcs3(req: SignedRequest): string {
    const auth = header(req.headers, 'authorization') ?? '';
    const match = /^(\S+) Credential=([^,]*),SignedHeaders=([^,]*),Signature=([0-9a-fA-F]*)$/.exec(auth.trim());
    if (!match) {
      throw new ApiError('IncompleteSignature', 'The Authorization header is malformed: expected "ACS3-HMAC-SHA256 Credential=<AccessKeyId>,SignedHeaders=<names>,Signature=<hex>".');
    }
    const [, algorithm, accessKeyId, signedHeaderList, signature] = match;
    if (algorithm !== V3_ALGORITHM) {
      throw new ApiError('IncompleteSignature', `The signature algorithm "${algorithm}" is not supported by the emulator; use ${V3_ALGORITHM} (the SDK default).`);
    }
    const key = this.key(accessKeyId);
    const signedHeaders = signedHeaderList.split(';');
    for (const name of Object.keys(req.headers)) {
      if ((name.startsWith('x-acs-') || name === 'host') && !signedHeaders.includes(name)) {
        throw new ApiError('IncompleteSignature', `The header "${name}" is not listed in SignedHeaders; every x-acs-* header and host must be signed.`);
      }
    }
    const headerKeyId = header(req.headers, 'x-acs-accesskey-id');
    if (headerKeyId !== undefined && headerKeyId !== accessKeyId) {
      throw new ApiError('IncompleteSignature', 'The x-acs-accesskey-id header names a different AccessKey than the Authorization header.');
    }
    this.checkToken(key, header(req.headers, 'x-acs-security-token'), 'the x-acs-security-token header');
    this.checkTime(header(req.headers, 'x-acs-date'), 'x-acs-date header');
    const payloadHash = createHash('sha256').update(req.body).digest('hex');
    if ((header(req.headers, 'x-acs-content-sha256') ?? payloadHash) !== payloadHash) {
      throw new ApiError('SignatureDoesNotMatch', 'The x-acs-content-sha256 header does not match the SHA-256 of the request body; the body was changed after signing.');
    }
    const canonicalQuery = Object.keys(req.query)
      .sort()
      .map((k) => `${k}=${percentEncode(req.query[k])}`)
      .join('&');
    const canonicalHeaders = [...signedHeaders]
      .sort()
      .map((name) => `${name}:${(header(req.headers, name) ?? '').trim()}\n`)
      .join('');
    const canonicalRequest = [req.method, req.path, canonicalQuery, canonicalHeaders, signedHeaders.join(';'), payloadHash].join('\n');
    const stringToSign = `${V3_ALGORITHM}\n${createHash('sha256').update(canonicalRequest).digest('hex')}`;
    const expected = createHmac('sha256', key.accessKeySecret).update(stringToSign).digest('hex');
    if (!sameSecretText(expected, signature.toLowerCase())) throw this.mismatch(accessKeyId);
    this.checkNonce(accessKeyId, header(req.headers, 'x-acs-signature-nonce'), 'x-acs-signature-nonce header');
    return accessKeyId;
  }

  private verifyRpc(req: SignedRequest): string {
    const params: Record<string, string> = { ...req.query, ...req.form };
    for (const name of ['AccessKeyId', 'Signature', 'SignatureMethod', 'SignatureVersion', 'Timestamp', 'SignatureNonce']) {
      if (!params[name]) throw new ApiError('MissingParameter', `The input parameter "${name}" that is mandatory for processing this request is not supplied.`);
    }
    if (params.SignatureMethod !== 'HMAC-SHA1') {
      throw new ApiError('InvalidParameter', `The specified parameter "SignatureMethod" is not valid: "${params.SignatureMethod}" is not supported, use HMAC-SHA1.`);
    }
    if (params.SignatureVersion !== '1.0') {
      throw new ApiError('InvalidParameter', `The specified parameter "SignatureVersion" is not valid: "${params.SignatureVersion}" is not supported, use 1.0.`);
    }
    const key = this.key(params.AccessKeyId);
    this.checkToken(key, params.SecurityToken, 'the SecurityToken parameter');
    this.checkTime(params.Timestamp, 'Timestamp parameter');
    const canonical = Object.keys(params)
      .filter((k) => k !== 'Signature')
      .sort()
      .map((k) => `${percentEncode(k)}=${percentEncode(params[k])}`)
      .join('&');
    const stringToSign = `${req.method}&${percentEncode('/')}&${percentEncode(canonical)}`;
    const expected = createHmac('sha1', `${key.accessKeySecret}&`).update(stringToSign).digest('base64');
    if (!sameSecretText(expected, params.Signature)) throw this.mismatch(key.accessKeyId);
    this.checkNonce(key.accessKeyId, params.SignatureNonce, 'SignatureNonce parameter');
    return key.accessKeyId;
  }

  private key(accessKeyId: string): AccessKey {
    const key = this.keys.get(accessKeyId);
    if (!key) {
      throw new ApiError(
        'InvalidAccessKeyId.NotFound',
        `Specified access key is not found: "${accessKeyId}" is not an AccessKey ID of this emulator. Use the pair it printed at startup (or passed with --access-key-id / --access-key-secret).`,
        404,
      );
    }
    return key;
  }

  private mismatch(accessKeyId: string): ApiError {
    return new ApiError(
      'SignatureDoesNotMatch',
      `Specified signature is not matched with our calculation for AccessKey ID "${accessKeyId}": check that the AccessKey secret belongs to this AccessKey ID.`,
    );
  }

  private checkToken(key: AccessKey, sent: string | undefined, where: string): void {
    if (key.securityToken === undefined && sent === undefined) return;
    if (key.securityToken === undefined) {
      throw new ApiError('InvalidAccessKeyId.NotFound', `AccessKey ID "${key.accessKeyId}" is a long-term key, but the request carries a security token in ${where}, which makes it an STS request: remove the token or use the STS key it was issued with.`, 404);
    }
    if (sent === undefined) {
      throw new ApiError('MissingSecurityToken', `SecurityToken is mandatory for this action: AccessKey ID "${key.accessKeyId}" is an STS key, so send its security token in ${where}.`);
    }
    if (!sameSecretText(sent, key.securityToken)) {
      throw new ApiError('InvalidAccessKeyId.NotFound', `The security token in ${where} was not issued with AccessKey ID "${key.accessKeyId}" (or is no longer valid); obtain a fresh STS token.`, 404);
    }
  }

  private checkTime(value: string | undefined, where: string): void {
    if (value === undefined) throw new ApiError('MissingParameter', `The ${where} that is mandatory for processing this request is not supplied.`);
    const at = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(value) ? Date.parse(value) : NaN;
    if (Number.isNaN(at)) throw new ApiError('InvalidTimeStamp.Format', `The ${where} "${value}" is not a UTC time of the form YYYY-MM-DDThh:mm:ssZ.`);
    if (Math.abs(at - this.now()) > MAX_CLOCK_SKEW_MS) {
      throw new ApiError('InvalidTimeStamp.Expired', `The ${where} ${value} is more than 15 minutes away from the server time ${new Date(this.now()).toISOString()}; correct the client's clock.`);
    }
  }

  private checkNonce(accessKeyId: string, nonce: string | undefined, where: string): void {
    if (!nonce) throw new ApiError('MissingParameter', `The ${where} that is mandatory for processing this request is not supplied.`);
    const now = this.now();
    const id = `${accessKeyId}\n${nonce}`;
    const seen = this.nonces.get(id);
    if (seen !== undefined && seen > now) {
      throw new ApiError('SignatureNonceUsed', `The ${where} "${nonce}" was already used; each request needs a fresh nonce (the SDK makes one per attempt).`);
    }
    if (this.nonces.size >= 10_000) {
      for (const [k, expires] of this.nonces) if (expires <= now) this.nonces.delete(k);
    }
    this.nonces.set(id, now + MAX_CLOCK_SKEW_MS);
  }
}
