// Hint rows ("No listeners: add one…"): what is missing, and the one command that helps add it. Until the
// creation forms exist the command opens the walk-through guide at the matching step (docs/WALKTHROUGH.md);
// pointing HINT_COMMAND's handler (explorerCommands.ts, runHint) at the forms is the only change they need.

/** The command every hint row runs, with the row's node (an InfoNode with `hint`) as its argument. */
export const HINT_COMMAND = 'gaIpv6.explorer.hint';

export type HintId = 'createAccelerator' | 'bindPlan' | 'addArea' | 'addListener' | 'addDnsRecord';

export interface Hint {
  /** The walk-through's step (1 to 5) that adds what is missing. */
  step: number;
  /** What the row's click does, for its tooltip. */
  action: string;
  /** The heading of that step in docs/WALKTHROUGH.md (its anchor). */
  anchor: string;
}

export const HINTS: Readonly<Record<HintId, Hint>> = {
  createAccelerator: { step: 1, action: 'Buy a GA instance and a bandwidth plan', anchor: 'step-1-buy-an-instance-and-a-bandwidth-plan' },
  bindPlan: { step: 1, action: 'Bind a basic bandwidth plan', anchor: 'step-1-buy-an-instance-and-a-bandwidth-plan' },
  addArea: { step: 2, action: 'Add an IPv6 acceleration area', anchor: 'step-2-add-an-ipv6-acceleration-area' },
  addListener: { step: 3, action: 'Add a listener and its endpoint group', anchor: 'step-3-add-a-listener-and-an-endpoint-group' },
  addDnsRecord: { step: 4, action: 'Point an AAAA or CNAME record at the accelerator', anchor: 'step-4-point-dns-at-the-accelerator' },
};

/** The guide the hints open, relative to the extension's folder. */
export const WALKTHROUGH_DOC = 'docs/WALKTHROUGH.md';

export function isHintId(value: unknown): value is HintId {
  return typeof value === 'string' && Object.hasOwn(HINTS, value);
}
