// Step 1 after the guide: the instance and its basic bandwidth plan, as the buy page asks for them.
import {
  basicBandwidthProblems,
  BANDWIDTH_TYPES,
  nameProblems,
  planBandwidthProblems,
  problem,
  specName,
  specProblems,
  termProblems,
  type BandwidthType,
  type Problem,
} from '../../model';
import { bandwidthTypeChoices, parseTerm, specChoices, termChoices, termLabel, termValue, type Term } from './choices';
import type { PayAsYouGoFacts } from './facts';
import { parseWholeNumber, ProblemList, type FieldSpec } from './fields';

export interface PurchaseValues {
  instanceName: string;
  /** One of termChoices(). */
  term: string;
  autoRenew: boolean;
  spec: string;
  bandwidthType: string;
  /** Mbit/s of the basic bandwidth plan, as typed. */
  peakBandwidth: string;
}

export const PURCHASE_DEFAULTS: PurchaseValues = {
  instanceName: 'web-ipv6',
  term: termValue({ billing: 'subscription', cycle: 'Month', duration: 1 }),
  autoRenew: false,
  spec: '1',
  bandwidthType: 'Enhanced',
  peakBandwidth: '2',
};

export function purchaseFields(prefix: string, values: PurchaseValues, payAsYouGoFacts?: PayAsYouGoFacts): FieldSpec[] {
  const payAsYouGo = parseTerm(values.term)?.billing === 'payAsYouGo';
  return [
    { path: `${prefix}.instanceName`, label: 'Instance Name', kind: 'text', help: '2–128 characters: letters, digits, _ and -, starting with a letter.' },
    { path: `${prefix}.term`, label: 'Term', kind: 'select', choices: termChoices(), help: termHelp(payAsYouGo, payAsYouGoFacts) },
    { path: `${prefix}.autoRenew`, label: 'Auto-Renewal', kind: 'checkbox', disabled: payAsYouGo, help: 'Renew the subscription by one month when it ends.' },
    {
      path: `${prefix}.spec`,
      label: 'Specification',
      kind: 'select',
      choices: specChoices(),
      disabled: payAsYouGo,
      help: payAsYouGo ? 'An instance billed by data transfer has no specification.' : undefined,
    },
    {
      path: `${prefix}.bandwidthType`,
      label: 'Bandwidth Type',
      kind: 'select',
      choices: bandwidthTypeChoices(),
      disabled: payAsYouGo,
      help: payAsYouGo ? 'Pay-as-you-go instances are billed by data transfer: no bandwidth plan.' : 'The basic bandwidth plan\'s type.',
    },
    { path: `${prefix}.peakBandwidth`, label: 'Peak Bandwidth', kind: 'text', disabled: payAsYouGo, help: 'Mbit/s of the basic bandwidth plan, 2–2000.' },
  ];
}

/** What pay-as-you-go means here, and whether this account can buy it yet (the choice's own line says the rest). */
function termHelp(payAsYouGo: boolean, facts: PayAsYouGoFacts | undefined): string | undefined {
  if (!payAsYouGo) return undefined;
  if (facts?.status === 'NotOpened') return `${NOT_OPENED}: Create asks to activate it (free) together with the purchase.`;
  return 'No specification; each acceleration area chooses its line.';
}

const NOT_OPENED = 'Global Accelerator is not activated for pay-as-you-go on this account yet';

export interface PurchaseFacts {
  acceleratorNames: readonly string[];
  payAsYouGo?: PayAsYouGoFacts;
  /** The guide's Server Area: a backend off Alibaba Cloud needs Enhanced. */
  backendOnAlibabaCloud?: boolean;
}

export function validatePurchase(prefix: string, v: PurchaseValues, facts: PurchaseFacts): Problem[] {
  const out = new ProblemList();
  const name = `${prefix}.instanceName`;
  if (!out.add(nameProblems('accelerator', v.instanceName, name)) && facts.acceleratorNames.includes(v.instanceName)) {
    out.add([problem('duplicateEntry', name, `An instance named "${v.instanceName}" already exists in this account; choose another name (Create never changes an existing instance).`)]);
  }
  const termPath = `${prefix}.term`;
  const term = parseTerm(v.term);
  if (!term) out.add([problem('enum', termPath, 'Choose a term: a subscription of 1 to 9 months or 1 to 3 years, or pay-as-you-go.')]);
  else if (term.billing === 'subscription') out.add(termProblems(term.cycle, term.duration, { cycle: termPath, duration: termPath }));
  else if (facts.payAsYouGo?.problem && facts.payAsYouGo.status !== 'NotOpened') out.add([problem('billing', termPath, facts.payAsYouGo.problem)]);
  if (term?.billing !== 'payAsYouGo') {
    out.add(specProblems(v.spec, `${prefix}.spec`));
    const typePath = `${prefix}.bandwidthType`;
    if (!(BANDWIDTH_TYPES as readonly string[]).includes(v.bandwidthType)) out.add([problem('enum', typePath, `Bandwidth Type must be one of ${BANDWIDTH_TYPES.join(', ')}.`)]);
    else if (facts.backendOnAlibabaCloud !== undefined) out.add(basicBandwidthProblems(v.bandwidthType, facts.backendOnAlibabaCloud, typePath));
    out.add(planBandwidthProblems(parseWholeNumber(v.peakBandwidth) ?? Number.NaN, `${prefix}.peakBandwidth`));
  }
  return out.items;
}

/** The plan's bandwidth when the term carries one (a subscription) and the value is a number. */
export function planBandwidthOf(v: PurchaseValues): number | undefined {
  return parseTerm(v.term)?.billing === 'subscription' ? parseWholeNumber(v.peakBandwidth) : undefined;
}

/** What will be bought, on what terms: the modal before Create lists exactly these lines. */
export interface PurchaseLines {
  title: string;
  lines: string[];
  /** Subscriptions cannot be deleted through the API once bought: they run until the term ends. */
  subscription: boolean;
}

export function purchaseLines(v: PurchaseValues, opts: { sandbox?: boolean; payAsYouGo?: PayAsYouGoFacts } = {}): PurchaseLines {
  const term = parseTerm(v.term) ?? ({ billing: 'subscription', cycle: 'Month', duration: 1 } satisfies Term);
  const termWords = termLabel(term).toLowerCase();
  const lines: string[] = [];
  let title: string;
  if (term.billing === 'subscription') {
    const renew = v.autoRenew ? ', renewed automatically' : ', not renewed automatically';
    lines.push(`GA instance "${v.instanceName}": ${specName(v.spec)}, ${termWords}${renew}.`);
    lines.push(`Basic bandwidth plan: ${v.bandwidthType as BandwidthType}, ${v.peakBandwidth} Mbit/s, ${termWords}${renew}, bound to the instance.`);
    lines.push('Subscriptions are paid up front and cannot be deleted before the term ends.');
    title = `Buy GA instance "${v.instanceName}" (${specName(v.spec)}) and a ${v.peakBandwidth} Mbit/s ${v.bandwidthType} bandwidth plan?`;
  } else {
    if (opts.payAsYouGo?.status === 'NotOpened') lines.push('First: activate Global Accelerator for pay-as-you-go on the account (OpenAcceleratorService; activation is free).');
    lines.push(`GA instance "${v.instanceName}": ${termWords}; no specification.`);
    lines.push('Traffic is billed by data transfer (CDT): no bandwidth plan is bought. The instance can be deleted at any time.');
    title = `Buy pay-as-you-go GA instance "${v.instanceName}", billed by data transfer?`;
  }
  if (opts.sandbox) lines.push('This is the local sandbox: nothing is ordered from Alibaba Cloud and nothing costs money.');
  return { title, lines, subscription: term.billing === 'subscription' };
}
