// The public API of src/workflows, the one place that changes the cloud. UIs (explorer, forms, ga.yaml editor,
// command line) import from here only. docs/ARCHITECTURE.md ("The desired-state engine") describes it.
export * from './live/liveState';
export { readLiveState, readAcceleratorChildren, DEFAULT_ACCELERATOR_CONCURRENCY, type LiveReaders, type ReadLiveOptions, type GaListReader, type DnsListReader } from './live/readLiveState';
export { scanDnsZones, recordsPointingAt, DEFAULT_DNS_ZONE_LIMIT, DEFAULT_DNS_CONCURRENCY, type DnsReader, type DnsScan, type DnsScanOptions, type DnsTarget } from './live/dnsScan';
export * from './operations';
export { acceleratorTeardown, listenerDeletion, endpointGroupDeletion, areasDeletion, chain, type TeardownContext, type AcceleratorTeardownOptions } from './teardown';
export {
  executeOperations,
  remainingOperations,
  PurchaseNotConfirmedError,
  DEFAULT_LANE_CONCURRENCY,
  type ApplyReport,
  type ExecuteOptions,
  type OperationOutcome,
  type OperationStatus,
  type ProgressEvent,
} from './apply/executor';
export { PLAN_TAG_KEY, type ApplyServices, type ResourceResult, type RunResults } from './apply/runOperation';
export { clientTokenFor } from './apply/clientTokens';
export { newRunId, checkRunId, runTag, RUN_TAG_KEY } from './runIdentity';
export type { PurchaseSummary } from './step';
export * from './plan/types';
export { plan, liveSelection } from './plan/plan';
export { renderPlanText, renderChange, renderPurchases, renderReportText, planJson, PLAIN, ANSI, ACTION_SYMBOL, type Style } from './plan/render';
export { apply, applyConfig, planConfig, PlanHasErrorsError, type ApplyConfigResult } from './apply/apply';
export { exportConfig, type ExportOptions, type ExportResult } from './export';
export { driftProblems } from './drift';
export { editAccelerator, AcceleratorNotFoundError, type EditOptions } from './edit';
