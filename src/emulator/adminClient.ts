// Typed client of the emulator's admin API, for tests and the sandbox:
//   const admin = new EmulatorAdmin(`http://${emulator.endpoint}`);
//   await admin.loadFixture('seed'); await admin.setFault({ action: 'CreateIpSets', throttle: 1, times: 1 });
import type { FaultSpec } from './faults';
import type { RequestLogEntry } from './requestLog';
import type { EmulatorState, GaAccount } from './state';

export type { FaultSpec, RequestLogEntry };

export class EmulatorAdmin {
  private readonly base: string;

  /** `baseUrl`: `http://127.0.0.1:<port>` (a trailing slash is fine). */
  constructor(baseUrl: string) {
    this.base = baseUrl.replace(/\/+$/, '');
  }

  /** Empty state; faults and the request log cleared. */
  async reset(): Promise<void> {
    await this.call('POST', 'reset', {});
  }

  /** Reset, then load a named fixture (`empty`, `demo`, `seed`), optionally for an account with other rights. */
  async loadFixture(name: string, account?: Partial<GaAccount>): Promise<void> {
    await this.call('POST', 'fixture', account ? { name, account } : { name });
  }

  /** What the account may buy; fields left out keep their value. Returns the account as it is now. */
  async setAccount(change: Partial<GaAccount>): Promise<GaAccount> {
    return (await this.call('POST', 'account', change)) as GaAccount;
  }

  async account(): Promise<GaAccount> {
    return (await this.call('GET', 'account')) as GaAccount;
  }

  async state(): Promise<EmulatorState> {
    return (await this.call('GET', 'state')) as EmulatorState;
  }

  async requests(): Promise<RequestLogEntry[]> {
    return (await this.call('GET', 'requests')) as RequestLogEntry[];
  }

  async clearRequests(): Promise<void> {
    await this.call('DELETE', 'requests');
  }

  /** Replaces the fault of `fault.action` ("*" = every action without its own). */
  async setFault(fault: FaultSpec): Promise<void> {
    await this.call('POST', 'faults', fault);
  }

  async faults(): Promise<FaultSpec[]> {
    return (await this.call('GET', 'faults')) as FaultSpec[];
  }

  async clearFaults(): Promise<void> {
    await this.call('DELETE', 'faults');
  }

  private async call(method: string, path: string, body?: unknown): Promise<unknown> {
    const url = `${this.base}/__emulator/${path}`;
    let res: Response;
    try {
      res = await fetch(url, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (e) {
      throw new Error(`The emulator admin API at ${this.base} did not answer ${method} ${path} (${(e as Error).message}); is the emulator running?`);
    }
    const text = await res.text();
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new Error(`The emulator admin API answered ${method} ${path} with something that is not JSON (HTTP ${res.status}).`);
    }
    if (!res.ok) {
      const message = (parsed as { Message?: string } | null)?.Message ?? text;
      throw new Error(`Emulator admin ${method} ${path} failed (HTTP ${res.status}): ${message}`);
    }
    return parsed;
  }
}
