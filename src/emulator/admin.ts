// The emulator's admin API (docs/ARCHITECTURE.md "Emulator contract"): unsigned JSON under /__emulator/ for tests
// and the sandbox. Only same-machine callers reach it (the server binds 127.0.0.1); a Host check and a JSON
// content type on POST also keep web pages in a local browser from driving it (DNS rebinding, form posts).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Engine } from './engine';
import { parseFaultSpec, type FaultInjector } from './faults';
import { BodyTooLargeError, readBody, sendJson } from './httpIo';
import type { RequestLog } from './requestLog';
import type { EmulatorState } from './state';
import type { EmulatorOptions } from './api';
import { applyAccountChange, parseAccountChange } from './ga/account';

export const ADMIN_PREFIX = '/__emulator/';

export interface AdminDeps {
  engine: Engine;
  faults: FaultInjector;
  requestLog: RequestLog;
  /** A fresh state: empty, or with a named fixture loaded. Throws an Error naming the known fixtures. */
  buildState: (fixture?: string) => EmulatorState;
  afterChange: () => void;
  /** The emulator's options, for changes the admin API makes like an action would. */
  options: EmulatorOptions;
}

class AdminError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const LOCAL_HOST = /^(127\.0\.0\.1|localhost)(:\d+)?$/;

export async function handleAdminRequest(req: IncomingMessage, res: ServerResponse, deps: AdminDeps): Promise<void> {
  try {
    if (!LOCAL_HOST.test(req.headers.host ?? '')) throw new AdminError(403, 'The admin API answers only requests addressed to 127.0.0.1 or localhost.');
    const route = `${req.method} ${new URL(req.url ?? '/', 'http://127.0.0.1').pathname.slice(ADMIN_PREFIX.length)}`;
    const body = req.method === 'POST' ? await jsonBody(req) : undefined;
    sendJson(res, 200, handle(route, body, deps));
  } catch (e) {
    const status = e instanceof AdminError ? e.status : e instanceof BodyTooLargeError ? 413 : 400;
    sendJson(res, status, { Code: status === 404 ? 'NotFound' : 'InvalidRequest', Message: (e as Error).message });
  }
}

function handle(route: string, body: unknown, deps: AdminDeps): unknown {
  switch (route) {
    case 'POST reset':
      resetTo(deps, deps.buildState());
      return { ok: true };
    case 'POST fixture': {
      const { name, account } = (body ?? {}) as { name?: unknown; account?: unknown };
      if (typeof name !== 'string') throw new AdminError(400, 'Send {"name": "<fixture>"}, for example {"name": "demo"}, optionally with "account": {"features": [...], "serviceStatus": "..."}.');
      const change = account === undefined ? {} : accountChange(account);
      const state = deps.buildState(name);
      applyAccountChange(state.ga, change);
      resetTo(deps, state);
      return { ok: true, fixture: name, account: state.ga.account };
    }
    case 'GET state':
      return deps.engine.current();
    case 'GET account':
      return deps.engine.current().ga.account;
    case 'POST account': {
      const change = accountChange(body);
      let account: unknown;
      deps.engine.run((_params, _ctx, draft) => {
        account = structuredClone(applyAccountChange(draft.ga, change));
        return {};
      }, {}, { requestId: 'admin', accessKeyId: 'admin', clock: deps.engine.clock, options: deps.options });
      deps.afterChange();
      return account;
    }
    case 'GET requests':
      return deps.requestLog.list();
    case 'DELETE requests':
      deps.requestLog.clear();
      return { ok: true };
    case 'GET faults':
      return deps.faults.list();
    case 'POST faults':
      deps.faults.set(parseFaultSpec(body));
      return { ok: true, faults: deps.faults.list() };
    case 'DELETE faults':
      deps.faults.clear();
      return { ok: true };
    default:
      throw new AdminError(404, `Unknown admin request "${route}". Known: POST reset, POST fixture, GET state, GET|POST account, GET|DELETE requests, GET|POST|DELETE faults (under ${ADMIN_PREFIX}).`);
  }
}

function accountChange(value: unknown): ReturnType<typeof parseAccountChange> {
  try {
    return parseAccountChange(value);
  } catch (e) {
    throw new AdminError(400, (e as Error).message);
  }
}

/** Faults and the request log go with the old state. */
function resetTo(deps: AdminDeps, state: EmulatorState): void {
  deps.faults.clear();
  deps.requestLog.clear();
  deps.engine.replace(state);
  deps.afterChange();
}

async function jsonBody(req: IncomingMessage): Promise<unknown> {
  const type = (req.headers['content-type'] ?? '').toLowerCase();
  const text = (await readBody(req)).toString('utf8');
  if (!type.startsWith('application/json')) throw new AdminError(415, 'Admin POST requests must have Content-Type: application/json.');
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new AdminError(400, 'The request body is not valid JSON.');
  }
}
