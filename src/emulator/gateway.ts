// The API side of the emulator's HTTP server, behaving like Alibaba Cloud's RPC gateway (ga-api.md §1, §5.1):
// route by version and action, check the signature, inject configured faults, un-flatten and validate the
// parameters, run the product's handler, and always answer JSON with a RequestId.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError, type ActionHandler, type EmulatorOptions, type ProductModule } from './api';
import type { Engine } from './engine';
import type { FaultInjector } from './faults';
import { BodyTooLargeError, isFormBody, readBody, searchParamsToRecord, sendJson, splitTarget } from './httpIo';
import { redactParams, type RequestLog, type RequestLogEntry } from './requestLog';
import { responseProblems } from './responseCheck';
import { signatureStyle, type SignatureVerifier } from './signature';
import { unflatten } from './unflatten';
import { actionSpec, productSpec } from './wireSpec';
import { PROTOCOL_PARAMS, validateParams } from './wireValidation';
import { isRealAction } from './realActions';
import { own } from './ownKeys';

export interface GatewayDeps {
  modules: readonly ProductModule[];
  engine: Engine;
  verifier: SignatureVerifier;
  faults: FaultInjector;
  requestLog: RequestLog;
  options: EmulatorOptions;
  /** Problems (InternalError stack traces, answers that break the wire spec): always logged. */
  log: (line: string) => void;
  /** One line per request and per injected fault; silenced by --quiet. Default: `log`. */
  logRequest?: (line: string) => void;
  /** Called after every answered request (the state may have changed). */
  afterRequest: () => void;
}

/** Upper-case UUID, the shape of the gateway's request ids. */
export function newRequestId(): string {
  return randomUUID().toUpperCase();
}

const RECOMMEND_PRODUCT: Record<ProductModule['product'], string> = { ga: 'Ga', alidns: 'Alidns' };

export function errorBody(error: ApiError, requestId: string, product: ProductModule['product'] | undefined, host: string): Record<string, unknown> {
  const productParam = product ? `&product=${RECOMMEND_PRODUCT[product]}` : '';
  return {
    RequestId: requestId,
    HostId: product ? productSpec(product).endpoint : host,
    Code: error.code,
    Message: error.message,
    Recommend: `https://api.aliyun.com/troubleshoot?q=${encodeURIComponent(error.code)}${productParam}&requestId=${requestId}`,
    ...error.extra,
  };
}

/** A RAM denial as the gateway reports it, naming the RAM action the caller's policy lacks. */
function ramDenied(product: ProductModule['product'], action: string, accessKeyId: string): ApiError {
  const authAction = `${product}:${action}`;
  return new ApiError(
    'Forbidden.RAM',
    `User not authorized to operate on the specified resource: AccessKey ${accessKeyId} is not allowed ${authAction} (denial injected by the emulator). Grant it in a RAM policy.`,
    403,
    { AccessDeniedDetail: { AuthAction: authAction, AuthPrincipalType: 'SubUser', AuthPrincipalDisplayName: accessKeyId, NoPermissionType: 'ImplicitDeny', PolicyType: 'AccountLevelIdentityBasedPolicy', EncodedDiagnosticMessage: '' } },
  );
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

interface RpcRequest {
  path: string;
  body: Buffer;
  query: Record<string, string>;
  form: Record<string, string>;
  /** Query and form parameters without the protocol ones, still flat (`Tag.1.Key`). */
  business: Record<string, string>;
}

async function readRpcRequest(req: IncomingMessage): Promise<RpcRequest> {
  if (req.method !== 'POST' && req.method !== 'GET') {
    // HTTP 403, as Alibaba Cloud's client error table lists it (docs/error-codes.md).
    throw new ApiError('UnsupportedHTTPMethod', `The HTTP method ${req.method} is not supported; RPC APIs take POST (or GET).`, 403);
  }
  const target = splitTarget(req.url);
  // RPC APIs are served on "/" only; anything else is a client's mistake (or a probe), never a 500.
  if (target.path !== '/') {
    throw new ApiError('InvalidAction.NotFound', `Specified api is not found, please check your url and method: RPC requests go to "/", not "${target.path.slice(0, 200)}".`, 404);
  }
  const body = await readBody(req);
  const query = searchParamsToRecord(target.query);
  const form = isFormBody(req) ? searchParamsToRecord(new URLSearchParams(body.toString('utf8'))) : {};
  const business: Record<string, string> = {};
  for (const [k, v] of Object.entries({ ...query, ...form })) {
    if (!PROTOCOL_PARAMS.includes(k)) Object.defineProperty(business, k, { value: v, enumerable: true, writable: true, configurable: true });
  }
  return { path: target.path, body, query, form, business };
}

/** Version and action of a request, read from the copy its signature covers (ACS3: headers, RPC: parameters). */
function versionAndAction(req: IncomingMessage, rpc: RpcRequest): { version?: string; action?: string } {
  const fromHeader = (name: string): string | undefined => {
    const v = req.headers[name];
    return typeof v === 'string' && v !== '' ? v : undefined;
  };
  const fromParams = (name: string): string | undefined => rpc.form[name] || rpc.query[name] || undefined;
  const acs3 = signatureStyle({ headers: req.headers, query: rpc.query, form: rpc.form }) === 'ACS3';
  const pick = (header: string, param: string): string | undefined => (acs3 ? fromHeader(header) ?? fromParams(param) : fromParams(param) ?? fromHeader(header));
  return { version: pick('x-acs-version', 'Version'), action: pick('x-acs-action', 'Action') };
}

function findModule(modules: readonly ProductModule[], version: string | undefined): ProductModule {
  if (!version) throw new ApiError('MissingParameter', 'The input parameter "Version" that is mandatory for processing this request is not supplied (header x-acs-version or parameter Version).');
  const module = modules.find((m) => m.version === version);
  if (!module) {
    const known = modules.map((m) => `${m.version} (${m.product})`).join(', ');
    throw new ApiError('InvalidVersion', `Specified parameter Version is not valid: "${version}" is not served here; this endpoint serves ${known}.`);
  }
  return module;
}

function findHandler(module: ProductModule, action: string): ActionHandler {
  const name = `${module.product.toUpperCase()} ${module.version}`;
  const handler = own(module.handlers, action);
  if (handler && actionSpec(module.product, action)) return handler;
  if (isRealAction(module.product, action)) {
    throw new ApiError(
      'Emulator.NotImplemented',
      `${name} has the action ${action}, but this local emulator does not serve it (it emulates what the extension uses); try it against Alibaba Cloud.`,
      501,
    );
  }
  throw new ApiError('InvalidAction.NotFound', `Specified api is not found, please check your url and method: ${name} has no action "${action}".`, 404);
}

export async function handleApiRequest(req: IncomingMessage, res: ServerResponse, deps: GatewayDeps): Promise<void> {
  const started = Date.now();
  const requestId = newRequestId();
  const entry: RequestLogEntry = { at: started, product: 'unknown', action: '', status: 0, requestId, durationMs: 0, params: {} };
  let module: ProductModule | undefined;
  try {
    const rpc = await readRpcRequest(req);
    entry.params = redactParams(rpc.business);
    const { version, action } = versionAndAction(req, rpc);
    module = findModule(deps.modules, version);
    entry.product = module.product;
    if (!action) throw new ApiError('MissingParameter', 'The input parameter "Action" that is mandatory for processing this request is not supplied (header x-acs-action or parameter Action).');
    entry.action = action;
    const handler = findHandler(module, action);
    const accessKeyId = deps.verifier.verify({ method: req.method ?? 'POST', path: rpc.path, headers: req.headers, query: rpc.query, form: rpc.form, body: rpc.body });

    const fault = deps.faults.decide(action);
    if (fault.latencyMs > 0) await delay(fault.latencyMs);
    if (fault.outcome === 'resetBefore') return dropConnection(req, entry, deps);
    if (fault.outcome === 'forbidden') throw ramDenied(module.product, action, accessKeyId);
    if (fault.outcome === 'serverError') throw new ApiError('ServiceUnavailable', 'The request has failed due to a temporary failure of the server (fault injected by the emulator).', 503);
    if (fault.outcome === 'throttle') throw new ApiError('Throttling.User', 'Request was denied due to user flow control (fault injected by the emulator).', 400);

    const raw = unflatten(rpc.business);
    entry.params = redactParams(raw);
    const params = validateParams(module.product, action, raw, { strict: deps.options.strict });
    const context = { requestId, accessKeyId, clock: deps.engine.clock, options: deps.options };
    const answer = deps.engine.run(checkedAnswer(module.product, action, handler, deps), params, context);
    if (fault.outcome === 'resetAfter') return dropConnection(req, entry, deps);
    entry.status = 200;
    sendJson(res, 200, { RequestId: requestId, ...answer }, { 'x-acs-request-id': requestId });
  } catch (e) {
    const error = toApiError(e, deps.log, requestId);
    entry.status = error.status;
    entry.code = error.code;
    // A body left unread cannot be followed by another request on this connection.
    const close: Record<string, string> = e instanceof BodyTooLargeError && e.unread ? { connection: 'close' } : {};
    sendJson(res, error.status, errorBody(error, requestId, module?.product, req.headers.host ?? '127.0.0.1'), { 'x-acs-request-id': requestId, ...close });
  } finally {
    finish(entry, started, deps);
  }
}

/**
 * Holds each answer to the wire spec's response fields, so a green test against the emulator also means the
 * real API answers in that shape. A mismatch is an emulator bug: strict mode fails the call (before its change
 * is committed), lenient mode only logs it.
 */
function checkedAnswer(product: ProductModule['product'], action: string, handler: ActionHandler, deps: GatewayDeps): ActionHandler {
  return (params, ctx, state) => {
    const answer = handler(params, ctx, state);
    const problems = responseProblems(product, action, { RequestId: ctx.requestId, ...answer });
    if (problems.length > 0) {
      const text = `the emulator's answer to ${action} does not match the API's response fields: ${problems.slice(0, 5).join('; ')}`;
      deps.log(text);
      if (deps.options.strict) throw new ApiError('InternalError', `Emulator bug: ${text}.`, 500);
    }
    return answer;
  };
}

function dropConnection(req: IncomingMessage, entry: RequestLogEntry, deps: GatewayDeps): void {
  (deps.logRequest ?? deps.log)(`${entry.product} ${entry.action}: connection reset (fault injected)`);
  req.socket.destroy();
}

function finish(entry: RequestLogEntry, started: number, deps: GatewayDeps): void {
  entry.durationMs = Date.now() - started;
  deps.requestLog.add(entry);
  (deps.logRequest ?? deps.log)(`${entry.product} ${entry.action || '?'} → ${entry.status || 'reset'}${entry.code ? ` ${entry.code}` : ''} (${entry.durationMs} ms, ${entry.requestId})`);
  deps.afterRequest();
}

function toApiError(e: unknown, log: (line: string) => void, requestId: string): ApiError {
  if (e instanceof ApiError) return e;
  if (e instanceof BodyTooLargeError) return new ApiError('InvalidParameter', e.message, 413);
  log(`InternalError for request ${requestId}: ${(e as Error)?.stack ?? String(e)}`);
  return new ApiError('InternalError', 'The request processing has failed due to some unknown error, exception or failure (an emulator bug: see its log).', 500);
}
