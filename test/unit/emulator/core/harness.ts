// Shared helpers for the emulator core tests: start an emulator on 127.0.0.1 and call it with the REAL Alibaba
// Cloud SDK (openapi-core's callApi, as the generated clients do), both signature paths.
import assert from 'node:assert/strict';
import OpenApi, { $OpenApiUtil, OpenApiUtil } from '@alicloud/openapi-core';
import * as $dara from '@darabonba/typescript';
import type { RunningEmulator, StartOptions } from '../../../../src/emulator/api';
import { startEmulator } from '../../../../src/emulator/server';
import type { AccessKey } from '../../../../src/emulator/signature';

export const TEST_KEY: AccessKey = { accessKeyId: 'LTAItestkey0000000001', accessKeySecret: 'test-secret-0123456789abcdefghij' };

export const VERSIONS = { ga: '2019-11-20', alidns: '2015-01-09' } as const;

/** Strict, fast-clock emulator with the test key; remember to stop() it. */
export function startTestEmulator(options: StartOptions = {}): Promise<RunningEmulator> {
  return startEmulator({ credentials: [TEST_KEY], timeScale: 0.001, ...options });
}

export interface ClientOptions {
  /** Legacy HMAC-SHA1 RPC signature (`signatureAlgorithm: 'v2'`, ga-api.md §1.2 naming trap). */
  v1?: boolean;
  key?: Partial<AccessKey>;
}

export function sdkConfig(emulator: RunningEmulator, options: ClientOptions = {}): $OpenApiUtil.Config {
  const key = { ...TEST_KEY, ...options.key };
  return new $OpenApiUtil.Config({
    accessKeyId: key.accessKeyId,
    accessKeySecret: key.accessKeySecret,
    ...(key.securityToken ? { securityToken: key.securityToken } : {}),
    protocol: 'http',
    endpoint: emulator.endpoint,
    ...(options.v1 ? { signatureAlgorithm: 'v2' } : {}),
  });
}

export function rpcClient(emulator: RunningEmulator, options: ClientOptions = {}): OpenApi {
  return new OpenApi(sdkConfig(emulator, options));
}

/** One RPC call exactly as a generated SDK method makes it; returns the response body. */
export async function callRpc(client: OpenApi, product: keyof typeof VERSIONS, action: string, query: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
  const params = new $OpenApiUtil.Params({
    action,
    version: VERSIONS[product],
    protocol: 'HTTPS',
    pathname: '/',
    method: 'POST',
    authType: 'AK',
    style: 'RPC',
    reqBodyType: 'formData',
    bodyType: 'json',
  });
  const request = new $OpenApiUtil.OpenApiRequest({ query: OpenApiUtil.query(query) });
  const res = (await client.callApi(params, request, new $dara.RuntimeOptions({}))) as { body: Record<string, unknown> };
  return res.body;
}

export interface SdkError {
  name: string;
  code: string;
  statusCode?: number;
  message: string;
  data?: Record<string, unknown>;
}

/** Awaits a call that must fail with `code` (and `status` when given); returns the SDK's error. */
export async function rejectsWith(promise: Promise<unknown>, code: string, status?: number): Promise<SdkError> {
  try {
    await promise;
  } catch (e) {
    const err = e as SdkError;
    assert.equal(err.code, code, `expected ${code}, got ${err.code}: ${err.message}`);
    if (status !== undefined) assert.equal(err.statusCode, status);
    return err;
  }
  assert.fail(`expected the call to fail with ${code}, but it succeeded`);
}

export { OpenApiUtil };

/** The emulator's command line as a child process (compiled src/emulator/main.js), for tests of the process itself. */
export interface EmulatorProcess {
  child: import('node:child_process').ChildProcess;
  endpoint: string;
  /** Everything it printed so far, stdout and stderr. */
  output: string[];
  exited: Promise<number | null>;
}

export async function spawnEmulator(args: string[], env: NodeJS.ProcessEnv = {}): Promise<EmulatorProcess> {
  const { spawn } = await import('node:child_process');
  const { createInterface } = await import('node:readline');
  const { resolve } = await import('node:path');
  const main = resolve(__dirname, '../../../../src/emulator/main.js');
  const child = spawn(process.execPath, [main, '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  const output: string[] = [];
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  createInterface({ input: child.stderr! }).on('line', (line) => output.push(line));
  const ready = await new Promise<string>((done, fail) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      output.push(line);
      if (line.startsWith('ready ')) done((JSON.parse(line.slice('ready '.length)) as { endpoint: string }).endpoint);
    });
    void exited.then((code) => fail(new Error(`the emulator exited (${code}) before it was ready:\n${output.join('\n')}`)));
  });
  return { child, endpoint: ready, output, exited };
}
