// A report (partial or finished) as terminal lines: one row per address × port, the reason under anything
// that did not pass, the overall verdict last. Pure: call it again with the live report to redraw.
import { formatHostPort } from './addresses';
import type { EndpointReport, ProbeReport, Summary, TargetReport, Verdict, VerdictStatus } from './types';

export interface RenderOptions {
  /** ANSI colours (default true). */
  color?: boolean;
}

const COLOR: Record<VerdictStatus, string> = { pass: '32', warn: '33', fail: '31', pending: '2', cancelled: '35' };
const LABEL: Record<VerdictStatus, string> = { pass: 'PASS', warn: 'WARN', fail: 'FAIL', pending: '…', cancelled: 'CANCELLED' };
const HEADER = ['TARGET', 'ADDRESS', 'DNS', 'CONNECT ms min/med/p95/max', 'TTFB ms', 'HTTP', 'LOSS', 'VERDICT'];

export function renderReport(report: ProbeReport, options: RenderOptions = {}): string[] {
  const paint = (code: string, text: string) => (options.color === false ? text : `\x1b[${code}m${text}\x1b[0m`);
  const badge = (v: Verdict) => paint(COLOR[v.status], LABEL[v.status]);
  const rows: string[][] = [];
  const notes: string[] = [];
  for (const t of report.targets) {
    const dns = dnsCell(t);
    const endpoints = [...t.endpoints, ...(t.origin ? [t.origin] : [])];
    if (endpoints.length === 0) rows.push([t.label, '-', dns, '', '', '', '', badge(t.verdict)]);
    endpoints.forEach((e, i) => {
      const where = `${formatHostPort(e.address, e.port)}${e.via ? ` via ${formatHostPort(e.via, e.port)}` : ''}${e === t.origin ? ' (IPv4 origin)' : ''}`;
      rows.push([i === 0 ? t.label : '', where, i === 0 ? dns : '', summaryCell(e.stats.connectMs), medianCell(e.stats.ttfbMs), httpCell(e), lossCell(e, report.settings.attempts), badge(e.verdict)]);
    });
    const shown = new Set<string>();
    for (const v of [t.verdict, ...endpoints.map((e) => e.verdict)]) {
      if (v.status === 'pass' || v.status === 'pending' || shown.has(v.reason)) continue;
      shown.add(v.reason);
      notes.push(`${paint(COLOR[v.status], `${t.label}:`)} ${v.reason}`);
    }
  }
  const widths = HEADER.map((h, c) => Math.max(visibleLength(h), ...rows.map((r) => visibleLength(r[c]))));
  const line = (cells: string[]) => cells.map((cell, c) => cell + ' '.repeat(widths[c] - visibleLength(cell))).join('  ').trimEnd();
  const progress = report.state === 'running' ? paint('2', ` (running, ${doneAttempts(report)} attempts done)`) : '';
  return [
    paint('1', line(HEADER)),
    ...rows.map(line),
    ...(notes.length ? ['', ...notes] : []),
    '',
    `${badge(report.verdict)} ${report.state === 'running' ? '' : report.verdict.reason}${progress}`.trimEnd(),
  ];
}

function dnsCell(t: TargetReport): string {
  if (!t.hostName) return '-';
  if (!t.dns) return '…';
  if (t.dns.error) return 'error';
  if (t.dns.rcode !== 'NOERROR') return t.dns.rcode ?? '?';
  const via = t.dns.cnameChain.length ? `CNAME×${t.dns.cnameChain.length} → ` : '';
  return t.dns.aaaa.length ? `${via}AAAA×${t.dns.aaaa.length} ttl ${Math.min(...t.dns.aaaa.map((a) => a.ttl))}` : `${via}no AAAA`;
}

function ms(value: number): string {
  return value < 10 ? value.toFixed(1) : String(Math.round(value));
}

function summaryCell(s: Summary | undefined): string {
  return s ? [s.min, s.median, s.p95, s.max].map(ms).join('/') : '';
}

function medianCell(s: Summary | undefined): string {
  return s ? ms(s.median) : '';
}

function httpCell(e: EndpointReport): string {
  const statuses = [...new Set(e.attempts.map((a) => a.httpStatus).filter((s) => s !== undefined))];
  return statuses.join(',');
}

function lossCell(e: EndpointReport, planned: number): string {
  const { sent, loss } = e.stats;
  if (sent === 0) return e.verdict.status === 'pending' ? `0/${planned}` : '';
  const pct = `${Math.round(loss * 100)}%`;
  return sent < planned && e.verdict.status === 'pending' ? `${pct} ${sent}/${planned}` : pct;
}

function doneAttempts(report: ProbeReport): number {
  return report.targets.reduce((n, t) => n + [...t.endpoints, ...(t.origin ? [t.origin] : [])].reduce((m, e) => m + e.attempts.length, 0), 0);
}

function visibleLength(s: string): number {
  return s.replace(/\x1b\[[0-9;]*m/g, '').length;
}
