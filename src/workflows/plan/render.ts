// A plan and an apply report in words: the command line's output (coloured on a terminal) and the editor's
// preview use the same text. Changes are grouped by accelerator, then DNS; each shows what it changes from and
// to, why a replace or delete happens and what goes with it; purchases come last, before the count, as
// Terraform puts its summary.
import type { ApplyReport } from '../apply/executor';
import type { PurchaseSummary } from '../step';
import { countChanges, type Change, type ChangeAction, type ChangeKind, type Plan } from './types';

export interface Style {
  create(s: string): string;
  update(s: string): string;
  destroy(s: string): string;
  replace(s: string): string;
  purchase(s: string): string;
  bold(s: string): string;
  dim(s: string): string;
}

const id = (s: string) => s;
export const PLAIN: Style = { create: id, update: id, destroy: id, replace: id, purchase: id, bold: id, dim: id };

const sgr = (code: string) => (s: string) => `\x1b[${code}m${s}\x1b[0m`;
export const ANSI: Style = { create: sgr('32'), update: sgr('33'), destroy: sgr('31'), replace: sgr('35'), purchase: sgr('1;33'), bold: sgr('1'), dim: sgr('2') };

export const ACTION_SYMBOL: Record<ChangeAction, string> = { create: '+', update: '~', delete: '-', replace: '-/+' };
const ACTION_WORDS: Record<ChangeAction, string> = { create: 'will be created', update: 'will be updated in place', delete: 'will be deleted', replace: 'will be replaced' };
const KIND_WORDS: Record<ChangeKind, string> = {
  accelerator: 'GA instance',
  bandwidthPlan: 'bandwidth plan',
  area: 'acceleration area',
  listener: 'listener',
  endpointGroup: 'endpoint group',
  dnsRecord: 'DNS record',
};

function colour(style: Style, action: ChangeAction): (s: string) => string {
  return action === 'create' ? style.create : action === 'update' ? style.update : action === 'delete' ? style.destroy : style.replace;
}

export function renderPlanText(plan: Plan, style: Style = PLAIN): string {
  const out: string[] = [];
  if (plan.changes.length === 0) {
    out.push(style.bold('No changes.') + ' The account matches the file.');
  } else {
    const groups = new Map<string, Change[]>();
    for (const c of plan.changes) {
      const key = c.kind === 'dnsRecord' ? 'DNS records' : `Accelerator ${c.accelerator ?? ''}`;
      groups.set(key, [...(groups.get(key) ?? []), c]);
    }
    for (const [title, changes] of groups) {
      out.push(style.bold(title));
      for (const c of changes) out.push(...renderChange(c, style), '');
    }
  }
  if (plan.purchases.length > 0) out.push(...renderPurchases(plan.purchases, style), '');
  if (plan.changes.length > 0) {
    const n = countChanges(plan.changes);
    out.push(`${style.bold('Plan:')} ${n.create} to create, ${n.update} to update, ${n.replace} to replace, ${n.delete} to delete${plan.purchases.length ? `; ${plan.purchases.length} purchase${plan.purchases.length === 1 ? '' : 's'}` : ''}.`);
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n');
}

export function renderChange(c: Change, style: Style = PLAIN): string[] {
  const paint = colour(style, c.action);
  const lines = [`  ${paint(ACTION_SYMBOL[c.action].padEnd(3))} ${KIND_WORDS[c.kind]} ${style.bold(label(c))} ${ACTION_WORDS[c.action]}`];
  const detail = (s: string) => lines.push(`        ${s}`);
  if (c.action === 'create' && c.after) {
    for (const [k, v] of Object.entries(c.after)) if (v !== undefined && k !== 'name') detail(`${k}: ${show(v)}`);
  }
  if (c.action === 'update' || c.action === 'replace') {
    for (const f of c.fields) detail(`${f.key}: ${show(f.before)} → ${paint(show(f.after))}`);
  }
  if (c.action === 'delete' && c.before) {
    detail(style.dim(Object.entries(c.before).filter(([, v]) => v !== undefined).map(([k, v]) => `${k}: ${show(v)}`).join(', ')));
  }
  if (c.reason) detail(`${c.action === 'replace' ? 'why' : 'because'}: ${c.reason}`);
  if (c.dependents.length > 0) detail(`${c.action === 'delete' || c.action === 'replace' ? 'takes with it' : 'depends on it'}: ${c.dependents.join('; ')}`);
  return lines;
}

export function renderPurchases(purchases: readonly PurchaseSummary[], style: Style = PLAIN): string[] {
  const out = [style.purchase(`Purchases (${purchases.length}): applying orders these`)];
  for (const p of purchases) {
    out.push(`  ${style.purchase('$')} ${style.bold(p.title)}${p.subscription ? style.purchase('  [subscription]') : ''}`);
    for (const l of p.lines) out.push(`      ${l}`);
  }
  return out;
}

/** The change's name within its group: `web`, `web-backend (cn-beijing) of listener web`, `www.example.com AAAA`. */
function label(c: Change): string {
  const v = (c.after ?? c.before ?? {}) as Record<string, unknown>;
  switch (c.kind) {
    case 'dnsRecord':
      return `${v.host === '@' ? String(v.zone) : `${String(v.host)}.${String(v.zone)}`} ${String(v.type)}`;
    case 'accelerator':
      return c.accelerator ?? String(v.name ?? '');
    case 'bandwidthPlan':
      return `of ${c.accelerator ?? ''}`;
    case 'area':
      return String(v.region ?? '');
    case 'listener':
      return String(v.name || v.id || '');
    case 'endpointGroup': {
      const listener = /\.listeners\.(.+)\.endpointGroups\./.exec(c.address)?.[1];
      return `${String(v.name || v.id || '')} (${String(v.region ?? '')})${listener ? ` of listener ${listener}` : ''}`;
    }
  }
}

/** Values as ga.yaml would write them: `[80, 8000-8010]`, `{ cycle: Month, duration: 1 }`, `203.0.113.10 weight 100`. */
export function show(v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (typeof v !== 'object') return String(v);
  if (Array.isArray(v)) return `[${v.map(show).join(', ')}]`;
  const o = v as Record<string, unknown>;
  if (typeof o.ip === 'string' && typeof o.weight === 'number' && Object.keys(o).length === 2) return `${o.ip} weight ${o.weight}`;
  return `{ ${Object.entries(o).filter(([, x]) => x !== undefined).map(([k, x]) => `${k}: ${show(x)}`).join(', ')} }`;
}

/** The contract's `plan --format json` object (extra keys: `reason`, `dependents`, `problems`). */
export function planJson(plan: Plan): object {
  return {
    changes: plan.changes.map((c) => ({
      action: c.action,
      kind: c.kind,
      address: c.address,
      before: c.before,
      after: c.after,
      ...(c.reason ? { reason: c.reason } : {}),
      ...(c.dependents.length ? { dependents: c.dependents } : {}),
    })),
    purchases: plan.purchases.map((p) => ({ title: p.title, lines: p.lines, subscription: p.subscription })),
  };
}

/** What an apply did and did not do, operation by operation. */
export function renderReportText(report: ApplyReport, style: Style = PLAIN): string {
  const done = report.outcomes.filter((o) => o.status === 'done');
  const failed = report.outcomes.filter((o) => o.status === 'failed');
  const notDone = report.outcomes.filter((o) => o.status !== 'done');
  const out: string[] = [];
  if (report.ok) {
    out.push(style.create(style.bold(`Apply complete: ${done.length} step${done.length === 1 ? '' : 's'} done, ${report.mutations} change${report.mutations === 1 ? '' : 's'} sent.`)));
    return out.join('\n');
  }
  if (failed.length > 0) {
    out.push(style.destroy(style.bold(`Apply failed: ${failed.length} step${failed.length === 1 ? '' : 's'} failed.`)));
    for (const f of failed) out.push(`  ${style.destroy('✘')} ${f.operation.title}: ${f.message ?? 'failed'}`);
  } else if (report.cancelled) {
    out.push(style.update(style.bold('Apply cancelled: nothing more was started after the call in flight.')));
  }
  out.push(style.bold(`Done (${done.length}):`));
  for (const o of done) out.push(`  ${style.create('✔')} ${o.operation.title}${o.alreadyDone ? style.dim(' (already done)') : ''}`);
  if (done.length === 0) out.push('  nothing');
  out.push(style.bold(`Not done (${notDone.length}):`));
  for (const o of notDone) {
    const mark = o.status === 'failed' ? style.destroy('✘') : o.sent ? style.update('…') : style.dim('·');
    out.push(`  ${mark} ${o.operation.title}${o.status === 'failed' ? '' : style.dim(` — ${o.message ?? o.status}`)}`);
  }
  out.push('Run apply again to finish: it starts from what is there now, and buys nothing twice.');
  return out.join('\n');
}
