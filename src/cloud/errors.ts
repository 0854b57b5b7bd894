// The one error type of the cloud layer. Whatever openapi-core, the HTTP stack, the credentials or our own
// validation throws becomes a CloudError whose message says what went wrong and what to do about it.
import { categoryOfCode, isTransientCategory, type CloudErrorCategory } from './errorCodes';
import { redactText } from './redact';

export type { CloudErrorCategory } from './errorCodes';

export type CloudProduct = 'ga' | 'alidns';

/** What was being done when the error happened; names only, never credentials. */
export interface ErrorContext {
  action: string;
  product: CloudProduct;
  profileName?: string;
  /** host[:port] that was called. */
  endpoint?: string;
  /** The AccessKey id in use (not a secret; helps tell profiles apart). */
  accessKeyId?: string;
  /** Secret values to mask should the server echo them back. */
  secrets?: readonly (string | undefined)[];
}

export interface CloudErrorInit {
  code: string;
  category: CloudErrorCategory;
  message: string;
  action?: string;
  product?: CloudProduct;
  profileName?: string;
  httpStatus?: number;
  requestId?: string;
  recommend?: string;
  /** The server's own message, redacted. */
  serverMessage?: string;
  /** A repeat of the same call may succeed (network hiccup, throttling, 5xx). */
  transient?: boolean;
}

export class CloudError extends Error {
  override readonly name = 'CloudError';
  readonly code: string;
  readonly category: CloudErrorCategory;
  readonly action?: string;
  readonly product?: CloudProduct;
  readonly profileName?: string;
  readonly httpStatus?: number;
  readonly requestId?: string;
  /** Troubleshooting URL from the API. */
  readonly recommend?: string;
  readonly serverMessage?: string;
  readonly transient: boolean;

  constructor(init: CloudErrorInit) {
    super(init.message);
    this.code = init.code;
    this.category = init.category;
    this.action = init.action;
    this.product = init.product;
    this.profileName = init.profileName;
    this.httpStatus = init.httpStatus;
    this.requestId = init.requestId;
    this.recommend = init.recommend;
    this.serverMessage = init.serverMessage;
    this.transient = init.transient ?? isTransientCategory(init.category);
  }
}

export function isCloudError(e: unknown): e is CloudError {
  return e instanceof CloudError;
}

export const PRODUCT_LABEL: Record<CloudProduct, string> = { ga: 'Global Accelerator', alidns: 'Alibaba Cloud DNS' };
const RAM_PREFIX: Record<CloudProduct, string> = { ga: 'ga', alidns: 'alidns' };
const RAM_POLICY: Record<CloudProduct, string> = { ga: 'AliyunGAFullAccess', alidns: 'AliyunDNSFullAccess' };

/** A CloudError for a cancelled call, with wording that reminds a mutation may still be under way. */
export function cancelledError(ctx: Pick<ErrorContext, 'action' | 'product' | 'profileName'>, mutation = false): CloudError {
  return new CloudError({
    code: 'Cancelled',
    category: 'cancelled',
    action: ctx.action,
    product: ctx.product,
    profileName: ctx.profileName,
    message: `${ctx.action} was cancelled.${mutation ? ' If the request had already reached Alibaba Cloud the change may still happen: refresh to see the current state.' : ''}`,
  });
}

/** A client-side validation failure, caught before anything was sent. */
export function validationError(ctx: Pick<ErrorContext, 'action' | 'product' | 'profileName'>, problem: string): CloudError {
  return new CloudError({
    code: 'ClientValidation',
    category: 'invalid',
    action: ctx.action,
    product: ctx.product,
    profileName: ctx.profileName,
    message: `${ctx.action} was not sent: ${problem}`,
  });
}

interface ApiErrorShape {
  code: string;
  statusCode?: number;
  requestId?: string;
  data?: Record<string, unknown>;
  accessDeniedDetail?: Record<string, unknown>;
  message?: string;
}

/** openapi-core's ClientError/ServerError/ThrottlingError (and openapi-client's ResponseError) carry these. */
function asApiError(e: unknown): ApiErrorShape | undefined {
  if (typeof e !== 'object' || e === null) return undefined;
  const o = e as Record<string, unknown>;
  if (typeof o.code !== 'string' || (o.data === undefined && o.statusCode === undefined)) return undefined;
  if (typeof o.data !== 'object' && o.statusCode === undefined) return undefined;
  return o as unknown as ApiErrorShape;
}

const NETWORK_CODES: Record<string, { what: string; transient: boolean }> = {
  ECONNREFUSED: { what: 'refused the connection', transient: false },
  ENOTFOUND: { what: 'could not be resolved (DNS lookup failed)', transient: false },
  EAI_AGAIN: { what: 'could not be resolved right now (DNS lookup timed out)', transient: true },
  ECONNRESET: { what: 'reset the connection', transient: true },
  ETIMEDOUT: { what: 'did not answer in time (connection timed out)', transient: true },
  EPIPE: { what: 'closed the connection', transient: true },
  ECONNABORTED: { what: 'aborted the connection', transient: true },
  EHOSTUNREACH: { what: 'is unreachable from this machine', transient: true },
  ENETUNREACH: { what: 'is unreachable (no network route)', transient: true },
  CERT_HAS_EXPIRED: { what: 'presented an expired TLS certificate', transient: false },
  DEPTH_ZERO_SELF_SIGNED_CERT: { what: 'presented a self-signed TLS certificate', transient: false },
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: { what: 'presented a TLS certificate that cannot be verified', transient: false },
};

function firstLine(s: string): string {
  return s.split('\n')[0];
}

/** Converts anything thrown while calling the API into a CloudError with an actionable message. */
export function toCloudError(e: unknown, ctx: ErrorContext): CloudError {
  if (e instanceof CloudError) return e;
  const secrets = ctx.secrets ?? [];
  const api = asApiError(e);
  if (api) return fromApiError(api, ctx);
  const err = e as { name?: unknown; code?: unknown; message?: unknown } | undefined;
  const name = typeof err?.name === 'string' ? err.name : '';
  const code = typeof err?.code === 'string' ? err.code : '';
  const raw = redactText(firstLine(typeof err?.message === 'string' ? err.message : String(e)), secrets);
  const where = ctx.endpoint ? `the ${PRODUCT_LABEL[ctx.product]} endpoint ${ctx.endpoint}` : PRODUCT_LABEL[ctx.product];
  const profile = ctx.profileName ? ` of profile "${ctx.profileName}"` : ' of the profile';
  const base = { action: ctx.action, product: ctx.product, profileName: ctx.profileName };

  if (name === 'AbortError' || code === 'ABORT_ERR') return cancelledError(ctx);
  if (name === 'RequestTimeoutError' || /^(ReadTimeout|ConnectTimeout)/.test(raw)) {
    return new CloudError({
      ...base,
      code: 'RequestTimeout',
      category: 'timeout',
      transient: true,
      message: `${where} did not answer ${ctx.action} in time (${raw}). Check your network or proxy and retry; if it keeps happening, check the endpoint configured${profile}.`,
    });
  }
  const net = NETWORK_CODES[code] ?? (/socket hang up/i.test(raw) ? { what: 'closed the connection (socket hang up)', transient: true } : undefined);
  if (net) {
    return new CloudError({
      ...base,
      code,
      category: 'network',
      transient: net.transient,
      message: `Could not call ${ctx.action}: ${where} ${net.what}. Check your network connection, proxy settings and the endpoint configured${profile}, then retry.`,
    });
  }
  if (e instanceof SyntaxError) {
    return new CloudError({
      ...base,
      code: 'InvalidResponse',
      category: 'server',
      transient: true,
      message: `${where} answered ${ctx.action} with something that is not JSON (${raw}); is the endpoint configured${profile} really an Alibaba Cloud API endpoint?`,
    });
  }
  return new CloudError({
    ...base,
    code: code || 'UnexpectedError',
    category: 'server',
    transient: false,
    message: `${ctx.action} failed unexpectedly: ${raw || name || 'unknown error'}.`,
  });
}

function fromApiError(api: ApiErrorShape, ctx: ErrorContext): CloudError {
  const secrets = ctx.secrets ?? [];
  const data = api.data ?? {};
  const str = (v: unknown) => (typeof v === 'string' && v !== 'undefined' ? v : undefined);
  const requestId = str(api.requestId) ?? str(data.RequestId);
  const serverMessage = redactText(str(data.Message) ?? str(data.message) ?? '', secrets);
  const recommend = str(data.Recommend);
  const category = categoryOfCode(api.code, api.statusCode);
  const message = messageFor(api.code, category, serverMessage, ctx, api.accessDeniedDetail ?? (data.AccessDeniedDetail as Record<string, unknown>));
  const suffix = requestId ? ` (RequestId ${requestId})` : '';
  return new CloudError({
    code: api.code,
    category,
    action: ctx.action,
    product: ctx.product,
    profileName: ctx.profileName,
    httpStatus: api.statusCode,
    requestId,
    recommend,
    serverMessage,
    message: redactText(message, secrets) + suffix,
  });
}

function messageFor(code: string, category: CloudErrorCategory, server: string, ctx: ErrorContext, denied?: Record<string, unknown>): string {
  const profile = ctx.profileName ? `profile "${ctx.profileName}"` : 'this profile';
  const said = server ? ` The service said: ${server}` : '';
  const product = PRODUCT_LABEL[ctx.product];
  switch (code) {
    case 'SignatureDoesNotMatch':
      return `The AccessKey secret of ${profile} is wrong: ${product} rejected the signature of ${ctx.action} (SignatureDoesNotMatch). Enter the correct secret for AccessKey ${ctx.accessKeyId ?? 'id'} (or create a new AccessKey in the RAM console), then retry.`;
    case 'InvalidAccessKeyId.NotFound':
    case 'InvalidAccessKeyId':
      return `The AccessKey id${ctx.accessKeyId ? ` ${ctx.accessKeyId}` : ''} of ${profile} does not exist, or its STS security token has expired (${code}). Check the AccessKey in the RAM console or refresh the temporary credentials, then retry.`;
    case 'InvalidAccessKeyId.Inactive':
    case 'Forbidden.AccessKeyDisabled':
      return `The AccessKey of ${profile} is disabled (${code}). Enable it in the RAM console or use another AccessKey.`;
    case 'InvalidTimeStamp.Expired':
      return `${product} rejected ${ctx.action} because this computer's clock is off by more than 15 minutes (InvalidTimeStamp.Expired). Correct the system time and retry.`;
    case 'Emulator.NotImplemented':
      return `The local sandbox does not emulate ${ctx.action} (Emulator.NotImplemented): ${product} has this action, but the sandbox serves only what the extension uses.${said}`;
    case 'InvalidCredentials':
      return `No credentials are set for ${profile}, so ${ctx.action} could not be signed. Configure an AccessKey for the profile.`;
    case 'Forbidden.RAM': {
      const permission = (typeof denied?.AuthAction === 'string' && denied.AuthAction) || `${RAM_PREFIX[ctx.product]}:${ctx.action}`;
      return `${profile} is not allowed to call ${ctx.action}: the RAM permission ${permission} is missing (Forbidden.RAM). Ask your Alibaba Cloud administrator to grant ${permission} to this RAM user or role (for example by attaching the ${RAM_POLICY[ctx.product]} policy), then retry.`;
    }
  }
  if (category === 'auth') return `${product} did not accept the credentials of ${profile} for ${ctx.action} (${code}).${said} Check the profile's AccessKey, then retry.`;
  switch (category) {
    case 'permission':
      return `${profile} is not allowed to do ${ctx.action} (${code}).${said} Ask your administrator for the missing permission (${RAM_PREFIX[ctx.product]}:${ctx.action}), then retry.`;
    case 'throttled':
      return `${product} is throttling requests from ${profile} (${code}) while calling ${ctx.action}. Wait a moment and retry; fewer parallel operations help.`;
    case 'busy':
      return `The resource is busy with another change (${code}) and refused ${ctx.action}.${said} Wait until it is active again (refresh to see its state), then retry.`;
    case 'notFound':
      return `${ctx.action}: the resource was not found (${code}).${said} It may have been deleted or belong to another account; refresh and check the id.`;
    case 'conflict':
      return `${ctx.action} conflicts with the current state (${code}).${said}`;
    case 'quota':
      return `${ctx.action} would exceed a quota (${code}).${said} Remove unused resources or request a higher quota in the console.`;
    case 'server':
      return `${product} had an internal problem with ${ctx.action} (${code}).${said} Retry in a moment.`;
    default:
      return `${product} rejected ${ctx.action} as invalid (${code}).${said}`;
  }
}
