import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderReport, wrapWords } from '../../../src/probe/render';
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

test('one aligned row per address, DNS summary, verdict last and only there', () => {
  const lines = renderReport(report(), { color: false });
  assert.match(lines[0], /^TARGET\s+ADDRESS\s+DNS\s+CONNECT ms min\/med\/p95\/max\s+TTFB ms\s+HTTP\s+LOSS\s+VERDICT$/);
  assert.match(lines[1], /^www\.example\.com\s+\[fd6a:6761::1\]:80\s+CNAME×1 → AAAA×1 ttl 60\s+0\.3\/0\.5\/0\.8\/0\.8\s+12\s+0%\s+PASS$/);
  assert.match(lines[2], /^\s+\[fd6a:6761::2\]:80\s+100%\s+FAIL$/);
  assert.equal(lines[1].indexOf('[fd6a'), lines[2].indexOf('[fd6a'), 'columns line up');
  assert.equal(lines.at(-1), 'FAIL [fd6a:6761::2]:80 refused the connection (nothing listens there).');
  assert.equal(lines.filter((l) => l.includes('refused the connection')).length, 1, `the verdict's reason is printed once:\n${lines.join('\n')}`);
});

test('reasons other than the verdict\'s go under the table, named by target; the verdict names its target when there are several', () => {
  const r = report();
  const other = { status: 'warn', code: 'partial-loss', reason: '1 of 2 attempts to [fd6a:6761::3]:80 got no answer.' } as const;
  r.targets.push({ ...r.targets[0], label: 'app.example.com', endpoints: [{ ...r.targets[0].endpoints[0], address: 'fd6a:6761::3', verdict: other }], verdict: other });
  const lines = renderReport(r, { color: false });
  assert.ok(lines.includes('app.example.com: 1 of 2 attempts to [fd6a:6761::3]:80 got no answer.'), lines.join('\n'));
  assert.equal(lines.at(-1), 'FAIL www.example.com: [fd6a:6761::2]:80 refused the connection (nothing listens there).');
  assert.equal(lines.filter((l) => l.includes('refused the connection')).length, 1);
});

test('colours are ANSI codes that do not disturb alignment', () => {
  const plain = renderReport(report(), { color: false });
  const coloured = renderReport(report());
  assert.match(coloured[1], /\x1b\[32mPASS\x1b\[0m/);
  assert.deepEqual(coloured.map((l) => l.replace(/\x1b\[[0-9;]*m/g, '')), plain);
});

/** Every value a row shows, which must appear whole on one line at any width. */
const VALUES = ['www.example.com', '[fd6a:6761::1]:80', '[fd6a:6761::2]:80', 'CNAME×1 → AAAA×1 ttl 60', '0.3/0.5/0.8/0.8', 'PASS', 'FAIL', '100%'];

test('fits the terminal at any width: no line wider than the terminal, no word or value split, the verdict once', () => {
  const full = renderReport(report(), { color: false });
  const tableWidth = Math.max(...full.map((l) => l.length));
  for (const columns of [200, tableWidth, tableWidth - 1, 100, 80, 60, 45, 40]) {
    const lines = renderReport(report(), { color: false, columns });
    const text = lines.join('\n');
    for (const line of lines) assert.ok(line.length <= columns, `a line is ${line.length} wide at ${columns} columns:\n${text}`);
    for (const value of VALUES) assert.ok(lines.some((l) => l.includes(value)), `"${value}" is split or missing at ${columns} columns:\n${text}`);
    // Words of the reason are never cut: every line ends at a word's end.
    const words = new Set('[fd6a:6761::2]:80 refused the connection (nothing listens there).'.split(' '));
    const reasonLines = lines.slice(lines.findIndex((l) => l.startsWith('FAIL ')));
    for (const piece of reasonLines.flatMap((l) => l.trim().split(' ')).slice(1)) assert.ok(words.has(piece), `"${piece}" is not a whole word at ${columns} columns`);
    assert.equal(lines.filter((l) => /^(PASS|FAIL|WARN)\b/.test(l)).length, 1, `one verdict line at ${columns} columns`);
  }
});

test('the table when it fits; below that, one block per address with the fields wrapped between fields', () => {
  const full = renderReport(report(), { color: false });
  const tableWidth = Math.max(...full.map((l) => l.length));
  assert.deepEqual(renderReport(report(), { color: false, columns: tableWidth }).slice(0, 3), full.slice(0, 3));
  const narrow = renderReport(report(), { color: false, columns: 60 });
  assert.ok(!narrow.some((l) => l.startsWith('TARGET')), 'no table header when the table does not fit');
  assert.deepEqual(narrow.slice(0, 3), [
    'www.example.com',
    '  [fd6a:6761::1]:80  PASS',
    '    DNS CNAME×1 → AAAA×1 ttl 60 · connect ms 0.3/0.5/0.8/0.8',
  ]);
  assert.equal(narrow[3], '    TTFB ms 12 · loss 0%');
});

test('colours take no room when fitting the width', () => {
  for (const columns of [60, 100]) {
    const plain = renderReport(report(), { color: false, columns });
    const coloured = renderReport(report(), { columns });
    assert.deepEqual(coloured.map((l) => l.replace(/\x1b\[[0-9;]*m/g, '')), plain);
  }
});

test('wrapWords breaks between words only, indents continuations, keeps an over-long word whole', () => {
  assert.deepEqual(wrapWords('aa bb cc dd', 5), ['aa bb', 'cc dd']);
  assert.deepEqual(wrapWords('aa bb cc', 6, '  '), ['aa bb', '  cc']);
  assert.deepEqual(wrapWords('[fd6a:6761::1]:80 x', 8), ['[fd6a:6761::1]:80', 'x']);
  assert.deepEqual(wrapWords('\x1b[31mFAIL\x1b[0m abc', 8), ['\x1b[31mFAIL\x1b[0m abc']);
  assert.deepEqual(wrapWords('a\nb', 80), ['a b']);
});
