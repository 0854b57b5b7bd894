// The API side of the emulator's HTTP server, behaving like Alibaba Cloud's RPC gateway (ga-api.md §1, §5.1):
// route by version and action, check the signature, inject configured faults, un-flatten and validate the
// parameters, run the product's handler, and always answer JSON with a RequestId.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError, type EmulatorOptions, type ProductModule } from './api';
import type { Engine } from './engine';
import type { FaultInjector } from './faults';
import { BodyTooLargeError, isFormBody, readBody, searchParamsToRecord, sendJson } from './httpIo';
import { redactParams, type RequestLog, type RequestLogEntry } from './requestLog';
import { signatureStyle, type SignatureVerifier } from './signature';
import { unflatten } from './unflatten';
import { actionSpec, productSpec } from './wireSpec';
import { PROTOCOL_PARAMS, validateParams } from './wireValidation';

export interface GatewayDeps {
  modules: readonly ProductModule[];
  engine: Engine;
  verifier: SignatureVerifier;
  faults: FaultInjector;
  requestLog: RequestLog;
  options: EmulatorOptions;
  log: (line: string) => void;
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
  };
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export async function handleApiRequest(req: IncomingMessage, res: ServerResponse, deps: GatewayDeps): Promise<void> {
  const started = Date.now();
  const requestId = newRequestId();
  const entry: RequestLogEntry = { at: started, product: 'unknown', action: '', status: 0, requestId, durationMs: 0, params: {} };
  let module: ProductModule | undefined;
  try {
    if (req.method !== 'POST' && req.method !== 'GET') {
      throw new ApiError('UnsupportedHTTPMethod', `The HTTP method ${req.method} is not supported; RPC APIs take POST (or GET).`, 405);
    }
    const body = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const query = searchParamsToRecord(url.searchParams);
    const form = isFormBody(req) ? searchParamsToRecord(new URLSearchParams(body.toString('utf8'))) : {};
    const business: Record<string, string> = {};
    for (const [k, v] of Object.entries({ ...query, ...form })) if (!PROTOCOL_PARAMS.includes(k)) business[k] = v;
    entry.params = redactParams(business);

    // The ACS3 signature covers the x-acs-* headers, the RPC one covers the parameters: route by the signed copy.
    const style = signatureStyle({ headers: req.headers, query, form });
    const fromHeader = (name: string): string | undefined => {
      const v = req.headers[name];
      return typeof v === 'string' && v !== '' ? v : undefined;
    };
    const fromParams = (name: string): string | undefined => form[name] || query[name] || undefined;
    const pick = (headerName: string, paramName: string): string | undefined =>
      style === 'ACS3' ? fromHeader(headerName) ?? fromParams(paramName) : fromParams(paramName) ?? fromHeader(headerName);
    const version = pick('x-acs-version', 'Version');
    const action = pick('x-acs-action', 'Action');
    if (!version) throw new ApiError('MissingParameter', 'The input parameter "Version" that is mandatory for processing this request is not supplied (header x-acs-version or parameter Version).');
    module = deps.modules.find((m) => m.version === version);
    if (!module) {
      const known = deps.modules.map((m) => `${m.version} (${m.product})`).join(', ');
      throw new ApiError('InvalidVersion', `Specified parameter Version is not valid: "${version}" is not served here; this endpoint serves ${known}.`);
    }
    entry.product = module.product;
    if (!action) throw new ApiError('MissingParameter', 'The input parameter "Action" that is mandatory for processing this request is not supplied (header x-acs-action or parameter Action).');
    entry.action = action;
    const handler = Object.prototype.hasOwnProperty.call(module.handlers, action) ? module.handlers[action] : undefined;
    if (!actionSpec(module.product, action)) {
      throw new ApiError('InvalidAction.NotFound', `Specified api is not found, please check your url and method: ${module.product.toUpperCase()} ${version} has no action "${action}".`, 404);
    }
    if (!handler) {
      throw new ApiError('InvalidAction.NotFound', `The action ${action} of ${module.product.toUpperCase()} ${version} exists on Alibaba Cloud but is not implemented by this local emulator.`, 404);
    }

    const accessKeyId = deps.verifier.verify({ method: req.method, path: url.pathname, headers: req.headers, query, form, body });

    const fault = deps.faults.decide(action);
    if (fault.latencyMs > 0) await delay(fault.latencyMs);
    if (fault.outcome === 'resetBefore') return dropConnection(req, entry, deps);
    if (fault.outcome === 'serverError') throw new ApiError('ServiceUnavailable', 'The request has failed due to a temporary failure of the server (fault injected by the emulator).', 503);
    if (fault.outcome === 'throttle') throw new ApiError('Throttling.User', 'Request was denied due to user flow control (fault injected by the emulator).', 400);

    const raw = unflatten(business);
    entry.params = redactParams(raw);
    const params = validateParams(module.product, action, raw, { strict: deps.options.strict });
    const answer = deps.engine.run(handler, params, { requestId, accessKeyId, clock: deps.engine.clock, options: deps.options });
    if (fault.outcome === 'resetAfter') return dropConnection(req, entry, deps);
    entry.status = 200;
    sendJson(res, 200, { RequestId: requestId, ...answer }, { 'x-acs-request-id': requestId });
  } catch (e) {
    const error = toApiError(e, deps.log, requestId);
    entry.status = error.status;
    entry.code = error.code;
    sendJson(res, error.status, errorBody(error, requestId, module?.product, req.headers.host ?? '127.0.0.1'), { 'x-acs-request-id': requestId });
  } finally {
    finish(entry, started, deps);
  }
}

function dropConnection(req: IncomingMessage, entry: RequestLogEntry, deps: GatewayDeps): void {
  deps.log(`${entry.product} ${entry.action}: connection reset (fault injected)`);
  req.socket.destroy();
}

function finish(entry: RequestLogEntry, started: number, deps: GatewayDeps): void {
  entry.durationMs = Date.now() - started;
  deps.requestLog.add(entry);
  deps.log(`${entry.product} ${entry.action || '?'} → ${entry.status || 'reset'}${entry.code ? ` ${entry.code}` : ''} (${entry.durationMs} ms, ${entry.requestId})`);
  deps.afterRequest();
}

function toApiError(e: unknown, log: (line: string) => void, requestId: string): ApiError {
  if (e instanceof ApiError) return e;
  if (e instanceof BodyTooLargeError) return new ApiError('InvalidParameter', e.message, 413);
  log(`InternalError for request ${requestId}: ${(e as Error)?.stack ?? String(e)}`);
  return new ApiError('InternalError', 'The request processing has failed due to some unknown error, exception or failure (an emulator bug: see its log).', 500);
}
