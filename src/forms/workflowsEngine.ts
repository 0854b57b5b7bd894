// FormsEngine over src/workflows: the gateway is a GaConfig planned against the live account (planConfig) and
// applied by the executor (purchases confirmed first, ClientTokens derived from the run, what exists adopted);
// "Retry from this step" runs the operations that were not done with the same run id and results, so nothing is
// bought twice. A per-resource change edits the accelerator exported as ga.yaml data (editAccelerator) and applies
// that plan. Here only the mapping from operations to the seed's steps, and from a report to words, lives.
import type { CloudServices } from '../cloud';
import { describeState, errorsOf, isIpv6, regionName, type GaConfig } from '../model';
import { applyResourceChange, type GatewayStepId } from '../workflows/forms';
import {
  apply,
  editAccelerator,
  executeOperations,
  newRunId,
  planConfig,
  PurchaseNotConfirmedError,
  remainingOperations,
  type ApplyReport,
  type Operation,
  type OperationType,
  type ProgressEvent,
} from '../workflows';
import type { ChangeOutcome, FormsEngine, GatewayOutcome, RunOptions } from './engine';

const STEP_OF: Record<Exclude<OperationType, 'waitFor'>, GatewayStepId> = {
  openService: 'purchase',
  createAccelerator: 'purchase',
  updateAccelerator: 'purchase',
  deleteAccelerator: 'purchase',
  createBandwidthPlan: 'purchase',
  bindBandwidthPlan: 'purchase',
  unbindBandwidthPlan: 'purchase',
  deleteBandwidthPlan: 'purchase',
  createArea: 'area',
  updateArea: 'area',
  deleteAreas: 'area',
  createListener: 'listener',
  updateListener: 'listener',
  deleteListener: 'listener',
  createEndpointGroup: 'listener',
  updateEndpointGroup: 'listener',
  deleteEndpointGroup: 'listener',
  addDnsRecord: 'dns',
  updateDnsRecord: 'dns',
  deleteDnsRecord: 'dns',
};

/** The seed step an operation belongs to (a wait for a half-done resource: by the action it waits for). */
export function stepOfOperation(op: Operation): GatewayStepId {
  if (op.type !== 'waitFor') return STEP_OF[op.type];
  if (/IpSet/.test(op.action)) return 'area';
  if (/Listener|EndpointGroup/.test(op.action)) return 'listener';
  return 'purchase';
}

const GATEWAY_STEPS_WITH_OPERATIONS: readonly GatewayStepId[] = ['purchase', 'area', 'listener', 'dns'];

interface Resume {
  report: ApplyReport;
}

export const workflowsEngine: FormsEngine = {
  async planGateway(services, config) {
    const plan = await planConfig(config, services);
    return {
      problems: plan.problems,
      purchases: plan.purchases,
      changes: plan.changes.map((c) => ({ action: c.action, kind: c.kind, address: c.address })),
      apply: (options) => runGateway(services, config, plan.operations, options, { runId: newRunId() }),
    };
  },

  async resumeGateway(services, config, previous, options) {
    const resume = previous?.resume as Resume | undefined;
    if (!resume) {
      const plan = await planConfig(config, services);
      return runGateway(services, config, plan.operations, options, { runId: newRunId() });
    }
    const report = resume.report;
    return runGateway(services, config, remainingOperations(report), options, { runId: report.runId, results: report.results, done: report });
  },

  async applyChange(services, change, options) {
    // The accelerator as it is, as ga.yaml data; the change applied to it; planned like any file.
    const plan = await editAccelerator(services, change.acceleratorId, (config) => applyResourceChange(config, change), {
      zones: change.kind === 'createDnsRecord' ? [change.zone] : [],
      signal: options.signal,
    });
    const errors = errorsOf(plan.problems);
    if (errors.length > 0) return { ok: false, cancelled: false, message: `Nothing was changed: ${errors.map((p) => p.message).join(' ')}` };
    // A form changes one thing: a plan that would delete or replace anything is not what was asked for.
    const unexpected = plan.changes.filter((c) => c.action === 'delete' || c.action === 'replace');
    if (unexpected.length > 0) {
      return { ok: false, cancelled: false, message: `Nothing was changed: the plan would also ${unexpected.map((c) => `${c.action} ${c.address}${c.reason ? ` (${c.reason})` : ''}`).join(', ')}. Refresh the explorer and try again, or change it in ga.yaml.` };
    }
    if (plan.operations.length === 0) return { ok: true, cancelled: false, message: 'Nothing to change: the account already has it.' };
    const report = await apply(plan, services, { signal: options.signal, runId: newRunId(), onProgress: (e) => options.onDetail?.(progressText(e)) });
    const failed = report.outcomes.find((o) => o.status === 'failed' || o.status === 'cancelled');
    const outcome: ChangeOutcome = {
      ok: report.ok,
      cancelled: report.cancelled,
      message: failed ? `${failed.operation.title}: ${failed.message ?? failed.status}` : `${report.outcomes.map((o) => o.operation.title).join(', ')}: done.`,
    };
    const id = report.outcomes.find((o) => o.resourceId)?.resourceId;
    if (id) outcome.resourceId = id;
    return outcome;
  },
};

async function runGateway(
  services: CloudServices,
  config: GaConfig,
  operations: readonly Operation[],
  options: RunOptions,
  run: { runId: string; results?: ApplyReport['results']; done?: ApplyReport },
): Promise<GatewayOutcome> {
  const byStep = new Map<GatewayStepId, { total: number; done: number }>();
  for (const op of operations) {
    const s = byStep.get(stepOfOperation(op)) ?? { total: 0, done: 0 };
    s.total++;
    byStep.set(stepOfOperation(op), s);
  }
  // Steps with nothing left to do are done already (found in the account, or done before a retry).
  for (const step of GATEWAY_STEPS_WITH_OPERATIONS) {
    if (byStep.has(step)) continue;
    if (step === 'dns' && config.dns.length === 0) options.onStep?.({ step, state: 'skipped', detail: 'No DNS record: none was asked for.' });
    else options.onStep?.({ step, state: 'done', detail: run.done ? undefined : 'Already in the account: nothing to do.' });
  }
  const onProgress = (e: ProgressEvent) => {
    if (e.kind === 'end') {
      const step = stepOfOperation(e.outcome.operation);
      const s = byStep.get(step);
      if (e.outcome.status === 'done' && s) {
        s.done++;
        options.onStep?.({ step, state: s.done === s.total ? 'done' : 'running', detail: s.done === s.total ? undefined : `${e.outcome.operation.title}: done` });
      } else if (e.outcome.status === 'failed' || e.outcome.status === 'cancelled') {
        options.onStep?.({ step, state: e.outcome.status, detail: e.outcome.message });
      }
      return;
    }
    options.onStep?.({ step: stepOfOperation(e.operation), state: 'running', detail: progressText(e) });
  };

  let report: ApplyReport;
  try {
    report = await executeOperations(operations, services, {
      signal: options.signal,
      onProgress,
      confirmPurchase: options.confirmPurchase,
      runId: run.runId,
      results: run.results,
    });
  } catch (e) {
    if (e instanceof PurchaseNotConfirmedError) return { ok: false, cancelled: false, declined: true, message: e.message, mutations: 0 };
    throw e;
  }

  const name = config.accelerators[0]?.name ?? '';
  const region = config.accelerators[0]?.areas[0]?.region ?? '';
  const failed = report.outcomes.find((o) => o.status === 'failed') ?? report.outcomes.find((o) => o.status === 'cancelled');
  const accelerator = report.results.get(`accelerator:${name}`);
  const outcome: GatewayOutcome = { ok: report.ok, cancelled: report.cancelled, message: '', mutations: report.mutations, resume: { report } satisfies Resume };
  if (accelerator) outcome.acceleratorId = accelerator.id;
  if (!report.ok) {
    outcome.failedStep = failed ? stepOfOperation(failed.operation) : undefined;
    const kept = [...(run.done?.outcomes ?? []), ...report.outcomes].filter((o) => o.status === 'done').map((o) => o.operation.title);
    const what = failed?.status === 'cancelled'
      ? `Cancelled at "${failed.operation.title}"${failed.sent ? ' (it was sent: GA carries it out)' : ''}.`
      : `"${failed?.operation.title}" failed: ${failed?.message ?? 'unknown error'}`;
    outcome.message = `${what} ${kept.length ? `Kept: ${kept.join('; ')}.` : 'Nothing was created.'} "Retry from this step" continues from there and buys nothing twice.`;
    return outcome;
  }

  // Step 5 reads what was made: the instance's CNAME and the area's IPv6 address, as the account reports them.
  options.onStep?.({ step: 'verify', state: 'running', detail: 'Reading the address and the CNAME…' });
  const summary = (await services.ga.listAccelerators()).find((a) => a.name === name && a.state !== 'deleting');
  if (!summary?.acceleratorId) throw new Error(`Instance "${name}" was created but is not listed by the account; refresh the explorer.`);
  const area = (await services.ga.listIpSets(summary.acceleratorId)).find((s) => s.accelerateRegionId === region);
  outcome.acceleratorId = summary.acceleratorId;
  const address = area?.ipAddressList?.find(isIpv6);
  if (address) outcome.ipv6Address = address;
  if (summary.dnsName) outcome.cname = summary.dnsName;
  outcome.message = `Instance "${name}" is ${describeState(summary.state)}; ${regionName(region)} has ${address ? `IPv6 address ${address}` : 'no IPv6 address'}.`;
  return outcome;
}

function progressText(e: ProgressEvent): string {
  if (e.kind === 'start') return `${e.operation.title}…`;
  if (e.kind === 'wait') return `${e.operation.title}: waiting, ${describeState(e.wait.state)} (${Math.round(e.wait.elapsedMs / 1000)} s)`;
  return `${e.outcome.operation.title}: ${e.outcome.status}`;
}
