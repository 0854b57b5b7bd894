// Drift: where the account differs from ga.yaml, as information diagnostics on the keys concerned, after a
// refresh. It is the plan read the other way round: what apply would change is what has drifted (or was never
// applied).
import type { Problem } from '../model';
import { PLAN_CODES, type Change, type Plan } from './plan/types';

export function driftProblems(plan: Pick<Plan, 'changes'>): Problem[] {
  return plan.changes.flatMap((c) => problemsOf(c));
}

function problemsOf(c: Change): Problem[] {
  const info = (path: string, message: string): Problem => ({ path, message, severity: 'info', code: PLAN_CODES.drift });
  switch (c.action) {
    case 'create':
      return [info(c.path, `Not in the account: apply creates this ${kindWord(c)}.`)];
    case 'delete':
      return [info(c.path, `In the account but not in the file: ${kindWord(c)} ${describe(c.before)}. Apply deletes it.${c.reason ? ` (${c.reason})` : ''}`)];
    case 'replace':
      return [info(c.path, `The account differs here and apply replaces this ${kindWord(c)}: ${c.reason ?? ''}`.trim()), ...c.fields.map((f) => info(f.path, `In the account: ${show(f.before)} (the file says ${show(f.after)}).`))];
    case 'update':
      return c.fields.map((f) => info(f.path, `In the account: ${show(f.before)} (the file says ${show(f.after)}). Apply changes it to the file's value.`));
  }
}

function kindWord(c: Change): string {
  return { accelerator: 'GA instance', bandwidthPlan: 'bandwidth plan', area: 'acceleration area', listener: 'listener', endpointGroup: 'endpoint group', dnsRecord: 'DNS record' }[c.kind];
}

function describe(v: Record<string, unknown> | null): string {
  if (!v) return '';
  const name = v.name ?? v.region ?? `${String(v.host ?? '')} ${String(v.type ?? '')}`.trim();
  return `${String(name)}${v.id ? ` (${String(v.id)})` : ''}`;
}

function show(v: unknown): string {
  if (v === null || v === undefined) return 'nothing';
  return typeof v === 'string' ? v : JSON.stringify(v);
}
