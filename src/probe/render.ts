// A report (partial or finished) as terminal lines: one row per address × port, the reason under anything
// that did not pass, the overall verdict last (and only there). Fits the terminal's width: the table when it
// fits, otherwise one block per address whose fields wrap between fields; text wraps between words. Nothing is
// ever broken inside a word or a value. Pure: call it again with the live report (or a new width) to redraw.
import { formatHostPort } from './addresses';
import type { EndpointReport, ProbeReport, Summary, TargetReport, Verdict, VerdictStatus } from './types';

export interface RenderOptions {
  /** ANSI colours (default true). */
  color?: boolean;
  /** The terminal's width in columns; undefined: as wide as the table needs. */
  columns?: number;
}

const COLOR: Record<VerdictStatus, string> = { pass: '32', warn: '33', fail: '31', pending: '2', cancelled: '35' };
const LABEL: Record<VerdictStatus, string> = { pass: 'PASS', warn: 'WARN', fail: 'FAIL', pending: '…', cancelled: 'CANCELLED' };
const HEADER = ['TARGET', 'ADDRESS', 'DNS', 'CONNECT ms min/med/p95/max', 'TTFB ms', 'HTTP', 'LOSS', 'VERDICT'];
/** How the narrow layout names each field of a row (TARGET, ADDRESS and VERDICT head the block instead). */
const FIELD_NAMES = ['', '', 'DNS', 'connect ms', 'TTFB ms', 'HTTP', 'loss', ''];
const GAP = '  ';
const BLOCK_INDENT = '    ';
const ANSI = /\x1b\[[0-9;]*m/g;

interface Row {
  target: string;
  cells: string[];
}

export function renderReport(report: ProbeReport, options: RenderOptions = {}): string[] {
  const paint = (code: string, text: string) => (options.color === false ? text : `\x1b[${code}m${text}\x1b[0m`);
  const badge = (v: Verdict) => paint(COLOR[v.status], LABEL[v.status]);
  const width = options.columns !== undefined && options.columns > 0 ? options.columns : Infinity;
  const rows: Row[] = [];
  const notes: string[] = [];
  const overall = report.verdict;
  let overallTarget: string | undefined;
  for (const t of report.targets) {
    const dns = dnsCell(t);
    const endpoints = [...t.endpoints, ...(t.origin ? [t.origin] : [])];
    if (endpoints.length === 0) rows.push({ target: t.label, cells: [t.label, '-', dns, '', '', '', '', badge(t.verdict)] });
    endpoints.forEach((e, i) => {
      const where = `${formatHostPort(e.address, e.port)}${e.via ? ` via ${formatHostPort(e.via, e.port)}` : ''}${e === t.origin ? ' (IPv4 origin)' : ''}`;
      rows.push({ target: t.label, cells: [i === 0 ? t.label : '', where, i === 0 ? dns : '', summaryCell(e.stats.connectMs), medianCell(e.stats.ttfbMs), httpCell(e), lossCell(e, report.settings.attempts), badge(e.verdict)] });
    });
    const shown = new Set<string>();
    for (const v of [t.verdict, ...endpoints.map((e) => e.verdict)]) {
      if (v.status === 'pass' || v.status === 'pending' || shown.has(v.reason)) continue;
      shown.add(v.reason);
      // The overall verdict's own reason is said once, on the last line, with its target's name.
      if (report.state !== 'running' && v.reason === overall.reason) {
        overallTarget ??= t.label;
        continue;
      }
      notes.push(`${paint(COLOR[v.status], `${t.label}:`)} ${v.reason}`);
    }
  }
  const table = tableLines(rows, paint, width) ?? blockLines(rows, width);
  const progress = report.state === 'running' ? paint('2', `(running, ${doneAttempts(report)} attempts done)`) : '';
  const verdictText = report.state === 'running' ? progress : `${overallTarget && report.targets.length > 1 ? `${paint(COLOR[overall.status], `${overallTarget}:`)} ` : ''}${overall.reason}`;
  return [
    ...table,
    ...(notes.length ? ['', ...notes.flatMap((n) => wrapWords(n, width, '  '))] : []),
    '',
    ...wrapWords(`${badge(overall)} ${verdictText}`.trimEnd(), width, '  '),
  ];
}

/** The aligned table, or undefined when it does not fit in `width`. */
function tableLines(rows: Row[], paint: (code: string, text: string) => string, width: number): string[] | undefined {
  const widths = HEADER.map((h, c) => Math.max(visibleLength(h), ...rows.map((r) => visibleLength(r.cells[c]))));
  const total = widths.reduce((a, b) => a + b, 0) + GAP.length * (widths.length - 1);
  if (total > width) return undefined;
  const line = (cells: string[]) => cells.map((cell, c) => cell + ' '.repeat(widths[c] - visibleLength(cell))).join(GAP).trimEnd();
  return [paint('1', line(HEADER)), ...rows.map((r) => line(r.cells))];
}

/**
 * Too narrow for the table: per address a head line (target, address, verdict) and its fields as
 * `name value` pairs joined by ` · `, wrapped between pairs (within a pair only between its words).
 */
function blockLines(rows: Row[], width: number): string[] {
  const out: string[] = [];
  let lastTarget: string | undefined;
  for (const { target, cells } of rows) {
    if (target !== lastTarget) out.push(...wrapWords(target, width, '  '));
    lastTarget = target;
    const [, where, ...rest] = cells;
    const verdict = cells[cells.length - 1];
    out.push(...packFields([where, verdict], width, '  ', '  '));
    const fields = rest.slice(0, -1).flatMap((value, i) => (value === '' ? [] : [`${FIELD_NAMES[i + 2]} ${value}`]));
    if (fields.length) out.push(...packFields(fields, width, BLOCK_INDENT, ' · '));
  }
  return out;
}

/** Fields on lines of at most `width`, `separator` between fields on a line; a field never splits unless it alone is too wide. */
function packFields(fields: string[], width: number, indent: string, separator: string): string[] {
  const lines: string[] = [];
  let current = '';
  for (const field of fields) {
    const candidate = current === '' ? indent + field : current + separator + field;
    if (current !== '' && visibleLength(candidate) > width) {
      lines.push(current);
      current = indent + field;
    } else current = candidate;
    if (visibleLength(current) > width) {
      lines.push(...wrapWords(current.slice(indent.length), width, indent, indent));
      current = '';
    }
  }
  if (current !== '') lines.push(current);
  return lines;
}

/**
 * Text on lines of at most `width` columns, broken only at spaces; later lines start with `indent`, the first
 * with `firstIndent`. A word longer than a line stays whole on a line of its own. ANSI colour codes take no room.
 */
export function wrapWords(text: string, width: number, indent = '', firstIndent = ''): string[] {
  const flat = text.replace(/\r?\n/g, ' ');
  if (!Number.isFinite(width)) return [firstIndent + flat];
  const words = flat.split(' ');
  const lines: string[] = [];
  let current = firstIndent;
  let empty = true;
  for (const word of words) {
    const candidate = empty ? current + word : `${current} ${word}`;
    if (!empty && visibleLength(candidate) > width) {
      lines.push(current);
      current = indent + word;
    } else current = candidate;
    empty = false;
  }
  lines.push(current);
  return lines;
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

export function visibleLength(s: string): number {
  return s.replace(ANSI, '').length;
}
