import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderReport } from '../../../src/probe/render';
import type { ProbeReport } from '../../../src/probe/types';

function report(): ProbeReport {
  const pass = { status: 'pass', code: 'ok', reason: 'fine' } as const;
  const refused = { status: 'fail', code: 'refused', reason: '[fd6a:6761::2]:80 refused the connection (nothing listens there).' } as const;
  return {
    version: 1,
    startedAt: '2026-01-01T00:00:00.000Z',
    finishedAt: '2026-01-01T00:00:01.000Z',
    state: 'done',
    settings: { attempts: 2, intervalMs: 0, connectTimeoutMs: 1000, requestTimeoutMs: 1000, concurrency: 4, dnsServer: '127.0.0.1:53' },
    targets: [
      {
        label: 'www.example.com',
        kind: 'host',
        scheme: 'http',
        path: '/',
        hostName: 'www.example.com',
        expected: { addresses: [] },
        dns: { name: 'www.example.com', server: '127.0.0.1:53', rcode: 'NOERROR', cnameChain: [{ name: 'www.example.com', target: 'ga.aliyunga0019.com', ttl: 600 }], aaaa: [{ name: 'ga.aliyunga0019.com', address: 'fd6a:6761::1', ttl: 60 }], a: [] },
        endpoints: [
          {
            address: 'fd6a:6761::1',
            port: 80,
            family: 6,
            attempts: [],
            stats: { sent: 2, answered: 2, loss: 0, connectMs: { count: 2, min: 0.25, median: 0.5, p95: 0.75, max: 0.75 }, ttfbMs: { count: 2, min: 12, median: 12.4, p95: 13, max: 13 } },
            verdict: pass,
          },
          { address: 'fd6a:6761::2', port: 80, family: 6, attempts: [], stats: { sent: 2, answered: 0, loss: 1 }, verdict: refused },
        ],
        verdict: refused,
      },
    ],
    verdict: refused,
  };
}

test('one aligned row per address, DNS summary, reasons under the table, verdict last', () => {
  const lines = renderReport(report(), { color: false });
  assert.match(lines[0], /^TARGET\s+ADDRESS\s+DNS\s+CONNECT ms min\/med\/p95\/max\s+TTFB ms\s+HTTP\s+LOSS\s+VERDICT$/);
  assert.match(lines[1], /^www\.example\.com\s+\[fd6a:6761::1\]:80\s+CNAME×1 → AAAA×1 ttl 60\s+0\.3\/0\.5\/0\.8\/0\.8\s+12\s+0%\s+PASS$/);
  assert.match(lines[2], /^\s+\[fd6a:6761::2\]:80\s+100%\s+FAIL$/);
  assert.equal(lines[1].indexOf('[fd6a'), lines[2].indexOf('[fd6a'), 'columns line up');
  assert.ok(lines.includes('www.example.com: [fd6a:6761::2]:80 refused the connection (nothing listens there).'));
  assert.equal(lines.at(-1), 'FAIL [fd6a:6761::2]:80 refused the connection (nothing listens there).');
});

test('colours are ANSI codes that do not disturb alignment', () => {
  const plain = renderReport(report(), { color: false });
  const coloured = renderReport(report());
  assert.match(coloured[1], /\x1b\[32mPASS\x1b\[0m/);
  assert.deepEqual(coloured.map((l) => l.replace(/\x1b\[[0-9;]*m/g, '')), plain);
});
