// Small HTTP helpers shared by the API gateway and the admin API.
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Larger bodies are refused: RPC calls carry their parameters in the query, Terraform's in a small form. */
export const MAX_BODY_BYTES = 1024 * 1024;
/**
 * A body over the limit is still read to its end (and dropped), so that the client, which is busy sending it,
 * then reads the 413 instead of a reset. Past this much the connection is cut.
 */
export const DRAIN_LIMIT_BYTES = 16 * MAX_BODY_BYTES;

export class BodyTooLargeError extends Error {
  constructor(
    /** The body was not read to its end: answer with `Connection: close`. */
    readonly unread: boolean,
  ) {
    super(`The request body is larger than ${MAX_BODY_BYTES} bytes (1 MiB); RPC requests carry their parameters in the query string or a small form.`);
  }
}

export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (declared > DRAIN_LIMIT_BYTES) {
      reject(new BodyTooLargeError(true));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > DRAIN_LIMIT_BYTES) {
        req.socket.destroy();
        reject(new BodyTooLargeError(true));
      } else if (size <= MAX_BODY_BYTES) {
        chunks.push(chunk);
      }
    });
    req.on('end', () => (size > MAX_BODY_BYTES ? reject(new BodyTooLargeError(false)) : resolve(Buffer.concat(chunks))));
    req.on('error', reject);
  });
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.headersSent || res.destroyed) return;
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json;charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** Decoded `name=value` pairs as own properties (a name such as `__proto__` stays an ordinary key); a repeated name keeps its last value. */
export function searchParamsToRecord(params: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of params) Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  return out;
}

/**
 * The path and query of a request target, read without URL parsing: `//host/x` is a path here, not a
 * scheme-relative URL naming another host (which `new URL` would make of it, or throw on).
 */
export function splitTarget(target: string | undefined): { path: string; query: URLSearchParams } {
  const text = target ?? '/';
  const q = text.indexOf('?');
  return { path: q < 0 ? text : text.slice(0, q), query: new URLSearchParams(q < 0 ? '' : text.slice(q + 1)) };
}

export function isFormBody(req: IncomingMessage): boolean {
  return (req.headers['content-type'] ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded');
}
