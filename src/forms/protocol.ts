// The messages between the form panels (webview/src) and their host (src/forms): types only, imported by both
// sides, so neither can send what the other does not expect. The host checks every incoming message against
// messageSchema.ts (zod) before acting on it; this module is what that schema must agree with.
import type { Problem } from '../model';
import type {
  AccountFacts,
  GatewayStepId,
  GatewayValues,
  Recommendation,
  ResourceFacts,
  ResourceFormKind,
  ResourceValues,
} from '../workflows/forms';

export type FormKind = 'createGateway' | ResourceFormKind;

/** Where a per-resource form points: enough to find the resource again after a window reload. */
export interface ResourceTarget {
  profileId: string;
  acceleratorId: string;
  listenerId?: string;
  endpointGroupId?: string;
  areaRegion?: string;
}

export type StepState = 'pending' | 'running' | 'done' | 'failed' | 'cancelled' | 'skipped';

export interface StepProgress {
  id: GatewayStepId | 'change';
  title: string;
  state: StepState;
  /** The latest line of what happens in the step (creating…, waiting for… 12 s). */
  detail?: string;
}

export interface GatewayResult {
  acceleratorId: string;
  acceleratorName: string;
  ipv6Address?: string;
  cname?: string;
  /** The DNS name that now points at GA, when a record was added. */
  fqdn?: string;
}

export interface RunState {
  phase: 'running' | 'failed' | 'cancelled' | 'done';
  steps: StepProgress[];
  /** What went wrong, or what was done, in a sentence. */
  message?: string;
  /** The step "Retry from this step" resumes at. */
  failedStep?: GatewayStepId;
  result?: GatewayResult;
}

export interface ProbeView {
  status: 'running' | 'pass' | 'warn' | 'fail' | 'cancelled';
  /** The verdict's sentence. */
  reason: string;
  /** The report as the probe terminal shows it, without colours. */
  lines: string[];
}

/** What the host tells the panel it opens or revives. No credential, no endpoint: only what the form shows. */
export interface InitMessage {
  type: 'init';
  form: FormKind;
  title: string;
  /** The profile the form works in (its id is no secret); a revived panel goes back to it. */
  profileId: string;
  profileName: string;
  facts: AccountFacts | ResourceFacts;
  /** For per-resource forms: what they point at. */
  target?: ResourceTarget;
  /** Values to start from when the panel has none of its own (a new panel). */
  defaults: GatewayValues | ResourceValues;
}

export type HostMessage =
  | InitMessage
  | { type: 'facts'; facts: AccountFacts | ResourceFacts }
  | { type: 'hostProblems'; problems: Problem[] }
  /** The run's state; null: no run (back to editing, e.g. the purchase was declined). */
  | { type: 'run'; run: RunState | null }
  | { type: 'probe'; probe: ProbeView }
  | { type: 'notice'; severity: 'info' | 'warning' | 'error'; message: string };

export type WebviewMessage =
  | { type: 'ready' }
  /** The form is drawn (sent after the first animation frame): the host logs the time since the command. */
  | { type: 'painted' }
  | { type: 'create'; values: GatewayValues }
  | { type: 'submit'; values: ResourceValues }
  | { type: 'cancel' }
  | { type: 'retry'; step: GatewayStepId }
  | { type: 'copy'; what: 'ipv6Address' | 'cname' | 'fqdn' }
  | { type: 'probe' }
  | { type: 'reveal' }
  | { type: 'saveYaml'; values: GatewayValues }
  | { type: 'reloadFacts' };

export type WebviewMessageType = WebviewMessage['type'];

/** What the panel keeps with getState/setState, and what a window reload hands back to the host (untrusted). */
export type PersistedState =
  | (PersistedCommon & { form: 'createGateway'; values: GatewayValues; target?: ResourceTarget })
  | (PersistedCommon & { form: ResourceFormKind; values: ResourceValues; target: ResourceTarget });

interface PersistedCommon {
  profileId?: string;
  recommendation?: Recommendation;
  run?: RunState;
  probe?: ProbeView;
}
