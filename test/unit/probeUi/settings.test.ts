import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chooseDnsServer, tuningFromCaller, tuningFromSettings } from '../../../src/probeUi/settings';

describe('probe settings', () => {
  it('takes numbers, a trimmed DNS server and insecureTls from the settings', () => {
    const settings: Record<string, unknown> = { attempts: 5, intervalMs: 0, connectTimeoutMs: 2000, requestTimeoutMs: 3000, dnsServer: ' 192.0.2.53 ', insecureTls: true };
    assert.deepEqual(tuningFromSettings((k) => settings[k]), { attempts: 5, intervalMs: 0, connectTimeoutMs: 2000, requestTimeoutMs: 3000, dnsServer: '192.0.2.53', insecureTls: true });
  });

  it('leaves unset, empty and wrongly typed values to the engine\'s defaults', () => {
    const settings: Record<string, unknown> = { attempts: '5', dnsServer: '  ', insecureTls: 'yes' };
    assert.deepEqual(tuningFromSettings((k) => settings[k]), {});
  });

  it('keeps out-of-range numbers, for the engine to refuse with a message naming the option', () => {
    assert.deepEqual(tuningFromSettings((k) => (k === 'attempts' ? 0 : undefined)), { attempts: 0 });
  });

  it('takes only the known options from a command caller', () => {
    assert.deepEqual(tuningFromCaller({ attempts: 1, intervalMs: 0, signal: 'x', onUpdate: () => undefined }), { attempts: 1, intervalMs: 0 });
    assert.deepEqual(tuningFromCaller(undefined), {});
    assert.deepEqual(tuningFromCaller('attempts=1'), {});
  });
});

describe('which DNS server a probe asks', () => {
  it('the system\'s, or the setting, for real profiles', () => {
    assert.equal(chooseDnsServer({}), undefined);
    assert.equal(chooseDnsServer({ setting: '192.0.2.53' }), '192.0.2.53');
  });

  it('the sandbox\'s own responder for sandbox targets, whatever the setting says', () => {
    assert.equal(chooseDnsServer({ setting: '192.0.2.53', sandbox: { dns: '127.0.0.1:5353', names: ['www.example.com'] } }), '127.0.0.1:5353');
  });

  it('refuses to resolve a sandbox name anywhere else, and says how to make the responder known', () => {
    assert.throws(
      () => chooseDnsServer({ setting: '192.0.2.53', sandbox: { names: ['www.example.com'] } }),
      /DNS responder is not known, so www\.example\.com cannot be resolved .*GA_IPV6_SANDBOX_DNS=127\.0\.0\.1:<port>/,
    );
  });

  it('needs no sandbox responder when a sandbox target has no name to resolve', () => {
    assert.equal(chooseDnsServer({ sandbox: { names: [] } }), undefined);
  });
});
