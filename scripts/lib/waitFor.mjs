// Waiting on real conditions (a port answers, a file appears) with a hard deadline and a message that says
// what was awaited, instead of sleeping a guessed amount of time.
import { createServer } from 'node:net';
import { existsSync, readFileSync } from 'node:fs';

const POLL_MS = 200;

/**
 * Polls `check` until it returns something other than undefined/false and returns that value.
 * `failIf` is polled too: a string it returns (e.g. "code-server exited with code 1") ends the wait early.
 */
export async function waitFor(what, check, { timeoutMs, failIf = () => undefined }) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    const failure = failIf();
    if (failure) throw new Error(`${failure} while waiting for ${what}`);
    if (Date.now() > deadline) throw new Error(`timed out after ${Math.round(timeoutMs / 1000)}s waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** True when `url` answers with a 2xx status. */
export async function answers(url) {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
    await response.arrayBuffer();
    return response.ok;
  } catch {
    return false;
  }
}

/** A TCP port on 127.0.0.1 that was free a moment ago. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** A string for `failIf`: set once `child` has exited. */
export function exitedMessage(name, child) {
  return () => (child.exitCode !== null || child.signalCode !== null
    ? `${name} exited (${child.exitCode !== null ? `code ${child.exitCode}` : child.signalCode})`
    : undefined);
}

/** The last `lines` lines of a text file, or '' when it does not exist. */
export function tail(file, lines = 40) {
  if (!existsSync(file)) return '';
  return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
}
