// Issue 8, defect 6 (emulator part): the HTTP core under hostile or clumsy clients. Unexpected paths answer 4xx
// (`GET //` was a 500), a body over the limit answers 413 in the API's error shape (it was a reset), a client
// too slow with its headers or body is answered 408 and cut off (it was never timed out), and --quiet keeps
// InternalError stack traces in the log (it dropped them).
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { ActionHandler, RunningEmulator } from '../../../../src/emulator/api';
import { startEmulatorWith } from '../../../../src/emulator/emulatorHost';
import { MAX_BODY_BYTES } from '../../../../src/emulator/httpIo';
import { callRpc, rejectsWith, rpcClient, startTestEmulator, TEST_KEY } from './harness';

/** Sends raw bytes and resolves with everything the server sent back once it closes the connection. */
function raw(emulator: RunningEmulator, write: (send: (text: string) => void) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(emulator.port, '127.0.0.1');
    let answer = '';
    socket.on('data', (d) => (answer += d.toString('utf8')));
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
    socket.on('connect', () => write((text) => socket.write(text)));
  });
}

const jsonOf = (answer: string) => JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)) as Record<string, unknown>;

describe('emulator HTTP core under hostile clients', () => {
  let emulator: RunningEmulator;
  let base: string;
  before(async () => {
    emulator = await startTestEmulator();
    base = `http://${emulator.endpoint}`;
  });
  after(() => emulator.stop());

  it('answers every unexpected path with a 4xx in the API\'s error shape, GET // included', async () => {
    const paths = ['//', '//evil.example/x', '///', '/x', '/x/..', '/%2e%2e/', '/?Action=', '/__emulator', '/__emulator/', '/__emulator/../state', '*', '/\\\\'];
    const statuses: string[] = [];
    for (const path of paths) {
      const answer = await raw(emulator, (send) => send(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`));
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1]);
      statuses.push(`${path} ${status}`);
      assert.ok(status >= 400 && status < 500, `${path} answered ${status}:\n${answer}`);
      assert.equal(typeof jsonOf(answer).Code, 'string', `${path}: a JSON error body`);
    }
    const root = await raw(emulator, (send) => send('GET // HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n'));
    assert.equal(jsonOf(root).Code, 'InvalidAction.NotFound');
    assert.match(String(jsonOf(root).RequestId), /^[0-9A-F-]{36}$/);
  });

  it('answers a body over the limit with 413 and the API\'s error body, on the same connection it was sent on', async () => {
    const big = 'a='.padEnd(2 * MAX_BODY_BYTES, 'x');
    const res = await fetch(`${base}/`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: big });
    assert.equal(res.status, 413);
    const body = (await res.json()) as Record<string, unknown>;
    assert.deepEqual(Object.keys(body).sort(), ['Code', 'HostId', 'Message', 'Recommend', 'RequestId']);
    assert.match(String(body.Message), /larger than 1048576 bytes/);
    assert.equal(res.headers.get('x-acs-request-id'), body.RequestId);
    // A declared length far past the limit is refused before the body is read.
    const declared = await raw(emulator, (send) => send(`POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: ${64 * MAX_BODY_BYTES}\r\nContent-Type: application/x-www-form-urlencoded\r\n\r\na=1`));
    assert.match(declared, /^HTTP\/1\.1 413 /);
    assert.match(declared, /connection: close/i);
    // The admin API too.
    const admin = await fetch(`${base}/__emulator/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: `{"a":"${'x'.repeat(2 * MAX_BODY_BYTES)}"}` });
    assert.equal(admin.status, 413);
    // And the emulator still serves.
    assert.deepEqual(await callRpc(rpcClient(emulator), 'alidns', 'DescribeDomains', {}).then((b) => b.TotalCount), 0);
  });

  it('still answers clumsy requests with JSON errors', async () => {
    const put = await fetch(`${base}/`, { method: 'PUT' });
    assert.equal(put.status, 403, 'UnsupportedHTTPMethod, as Alibaba Cloud documents it (docs/error-codes.md)');
    const weird = await fetch(`${base}/%zz?%zz=%`, { method: 'POST' });
    assert.ok(weird.status >= 400 && weird.status < 500);
    const garbage = await raw(emulator, (send) => send('NOT HTTP AT ALL\r\n\r\n'));
    assert.match(garbage, /^HTTP\/1\.1 400 /);
    assert.equal(jsonOf(garbage).Code, 'BadRequest');
  });
});

describe('slow clients', () => {
  let emulator: RunningEmulator;
  before(async () => {
    emulator = await startTestEmulator({ httpTimeouts: { headersMs: 300, requestMs: 600 } });
  });
  after(() => emulator.stop());

  it('a client that never finishes its headers is answered 408 and disconnected', async () => {
    const answer = await raw(emulator, (send) => send('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n'));
    assert.match(answer, /^HTTP\/1\.1 408 /);
    assert.equal(jsonOf(answer).Code, 'RequestTimeout');
  });

  it('a client that never finishes its body is answered 408 and disconnected', async () => {
    const answer = await raw(emulator, (send) => send('POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\nAction=Desc'));
    assert.match(answer, /^HTTP\/1\.1 408 /);
  });
});

describe('--quiet', () => {
  it('drops the line per request but keeps InternalError stack traces', async () => {
    const lines: string[] = [];
    const broken: ActionHandler = () => {
      throw new TypeError('a bug in a handler');
    };
    const emulator = await startEmulatorWith(
      { modules: [{ product: 'alidns', version: '2015-01-09', handlers: { DescribeDomains: broken } }], fixtures: {} },
      { credentials: [TEST_KEY], quiet: true, log: (l) => lines.push(l) },
    );
    try {
      const error = await rejectsWith(callRpc(rpcClient(emulator), 'alidns', 'DescribeDomains', {}), 'InternalError', 500);
      assert.match(error.message, /emulator bug: see its log/);
      const trace = lines.find((l) => l.startsWith('InternalError for request'));
      assert.ok(trace, `the stack trace is logged: ${lines.join('\n')}`);
      assert.match(trace, /TypeError: a bug in a handler\n\s+at /);
      assert.deepEqual(lines.filter((l) => / DescribeDomains → /.test(l)), [], 'no line per request');
    } finally {
      await emulator.stop();
    }
  });
});
